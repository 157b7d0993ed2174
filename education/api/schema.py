"""The OpenAPI description of /api/v1/: only this API, bearer tokens, and its error answers.

Every failure has the {"detail", "code"} shape of `errors.py`; the hook below documents it
for each operation, so clients and schema-driven tests know what a 400/401/404/429/503 holds.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

API_PREFIX = "/api/v1/"

ERROR_COMPONENT = "Error"
ERROR_SCHEMA = {
    "type": "object",
    "description": 'Every error: {"detail", "code"}, and "errors" for field errors.',
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "Messages by the parameter or field they are about.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "code"],
}
ERROR_DESCRIPTIONS = {
    "400": "A parameter or field is invalid; `errors` names it.",
    "401": "No token, or a malformed, expired or revoked one.",
    "404": "Not found, or not readable by this user.",
    "429": "Too many requests, or too many failed sign-ins.",
    "503": "Briefly unavailable (the database is down): retry after `Retry-After` seconds.",
}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "education.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The token from POST /api/v1/auth/login/.",
        }


class ReaderScheme(OpenApiAuthenticationExtension):
    """Content views check the same bearer token (from the cache when it is known): to a
    client it is the one scheme, which the other views describe."""

    target_class = "education.api.authentication.ReaderAuthentication"
    name = []

    def get_security_requirement(self, auto_schema):
        return {BearerTokenScheme.name: []}

    def get_security_definition(self, auto_schema):
        return []


def only_this_api(endpoints, **kwargs):
    """Describe /api/v1/ only: Wagtail's admin API is no part of it."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


def _error_codes(operation):
    parameters = operation.get("parameters", [])
    codes = ["429", "503"]
    if any(p.get("in") == "query" for p in parameters) or "requestBody" in operation:
        codes.append("400")
    if any(requirement for requirement in operation.get("security", [])):
        codes.append("401")
    if any(p.get("in") == "path" for p in parameters):
        codes.append("404")
    return codes


def document_errors(result, generator, request, public):
    """Add the error answers each operation can give, in the shared error shape."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(ERROR_COMPONENT, ERROR_SCHEMA)
    reference = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in _error_codes(operation):
                responses.setdefault(
                    code,
                    {
                        "description": ERROR_DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": reference}},
                    },
                )
    return result
