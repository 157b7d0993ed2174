"""limit/offset pagination that refuses what it cannot honour instead of guessing."""

from rest_framework import pagination
from rest_framework.exceptions import ValidationError

MAX_LIMIT = 100


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = 20
    max_limit = MAX_LIMIT

    def _parameter(self, request, name, default, minimum, maximum=None):
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            upper = f" and at most {maximum}" if maximum is not None else ""
            raise ValidationError(
                {name: [f"Must be a whole number of at least {minimum}{upper}."]},
                code="invalid",
            )
        return value

    def get_limit(self, request):
        return self._parameter(
            request, self.limit_query_param, self.default_limit, 1, self.max_limit
        )

    def get_offset(self, request):
        return self._parameter(request, self.offset_query_param, 0, 0)
