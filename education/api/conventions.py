"""How the API takes requests and pages its answers, beyond the data itself: JSON bodies,
limit/offset pages that refuse what they cannot honour instead of guessing, and rate
limits by client address on top of DRF's per-user limit.
"""

from rest_framework import pagination, parsers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.throttling import SimpleRateThrottle


class JSONParser(parsers.JSONParser):
    """JSON bodies; one nested too deeply to parse is a 400, like any malformed one."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # Python's decoder gives up past about a thousand levels; no request nests so.
            raise ParseError("JSON parse error - nested too deeply.") from None


class AddressRateThrottle(SimpleRateThrottle):
    scope = "address"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginRateThrottle(AddressRateThrottle):
    scope = "login"


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

    def paginate_queryset(self, queryset, request, view=None):
        # Views that keep counts (education.caching.answers.CachedAnswers) count for us.
        self._counter = getattr(view, "count", None)
        return super().paginate_queryset(queryset, request, view)

    def get_count(self, queryset):
        return self._counter(queryset) if self._counter else super().get_count(queryset)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit},
            self.offset_query_param: {"minimum": 0},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters
