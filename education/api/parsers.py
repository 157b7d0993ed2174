"""JSON request bodies: one nested too deeply to parse is a 400, like any malformed one."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # Python's decoder gives up past about a thousand levels; no request nests so.
            raise ParseError("JSON parse error - nested too deeply.") from None
