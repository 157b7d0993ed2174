"""How the API takes requests and pages its answers, beyond the data itself: JSON bodies,
limit/offset pages that refuse what they cannot honour instead of guessing, content
negotiation that is cheap for JSON, and rate limits per user and per client address.
"""

from rest_framework import pagination, parsers, throttling
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class JSONParser(parsers.JSONParser):
    """JSON bodies; one nested too deeply to parse is a 400, like any malformed one."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # Python's decoder gives up past about a thousand levels; no request nests so.
            raise ParseError("JSON parse error - nested too deeply.") from None


class ContentNegotiation(DefaultContentNegotiation):
    """Apps ask for JSON or anything; those need no parsing of the Accept header. Any
    other request is negotiated as DRF does (a 406 for what no renderer gives)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        accept = request.META.get("HTTP_ACCEPT", "*/*")
        asks_a_format = format_suffix or self.settings.URL_FORMAT_OVERRIDE in request.query_params
        if not asks_a_format and accept in ("*/*", renderers[0].media_type):
            return renderers[0], renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)


class WindowRateThrottle(throttling.SimpleRateThrottle):
    """DRF's rates, counted in windows of the rate's period with one increment each.

    DRF's own keeps the time of every request in the period in one cache entry, read
    and written back whole on each request: its cost grows with the rate, and two
    workers writing at once lose each other's requests. A count costs the same at any
    rate and is atomic on Redis. A window starts at its first request; a client may send
    up to twice the rate across the end of one window and the start of the next.
    """

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        count_key = f"{self.key}:count"
        if self.cache.add(count_key, 0, self.duration):
            self.cache.set(f"{self.key}:start", self.now, self.duration)
        try:
            count = self.cache.incr(count_key)
        except ValueError:  # the window ended between the two calls: this starts the next
            self.cache.add(count_key, 1, self.duration)
            count = 1
        # None: the cache is down (its errors are ignored), and the limits let requests by.
        return count is None or count <= self.num_requests

    def wait(self):
        started = self.cache.get(f"{self.key}:start") or self.now
        return max(self.duration - (self.now - started), 0)


class UserRateThrottle(WindowRateThrottle, throttling.UserRateThrottle):
    """Per signed-in user (per address for anyone else), as DRF's."""


class AddressRateThrottle(WindowRateThrottle):
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
