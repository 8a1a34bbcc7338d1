"""Every operation of the API documents the errors it can answer, all in the one shape
`ErrorOut`, so a generated client knows each status it may meet. The statuses follow from
what the operation is — what it reads, whether it needs a sign-in, whether it writes — so
a new operation is documented without a list to keep; an operation's own declaration
(e.g. 429 where it throttles) is kept as it is."""

from typing import Any

from django.utils.translation import gettext_noop
from ninja import NinjaAPI
from ninja.operation import Operation

from accounts.auth import anonymous
from cms.schemas import ErrorOut

# English here: the schema is for developers; these are not shown to learners.
DESCRIPTIONS = {
    400: gettext_noop("The request could not be read: cut off, a NUL character, malformed "
                      "JSON or form data (`bad_request`, `incomplete_request`, "
                      "`nul_character`)"),
    401: gettext_noop("Not signed in, or the token is not valid (`not_authenticated`)"),
    403: gettext_noop("Signed in but not allowed, or the session's CSRF check failed "
                      "(`forbidden`, `csrf_failed`)"),
    404: gettext_noop("Not found, or not visible to the caller (`*not_found`)"),
    409: gettext_noop("Refused by a rule as things are now: full, closed, or changed "
                      "meanwhile (the `code` says which)"),
    413: gettext_noop("The body is larger than the server takes (`request_too_large`)"),
    422: gettext_noop("Some fields are missing or wrong (`validation_error`, with `errors`)"),
    429: gettext_noop("Too many tries: wait `retry_after` seconds (also the `Retry-After` "
                      "header)"),
}
ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}


def operations_by_id(api: NinjaAPI) -> dict[str, Operation]:
    found = {}
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                operation_id = operation.operation_id or api.get_openapi_operation_id(operation)
                found[operation_id] = operation
    return found


def sign_in_optional(operation: Operation) -> bool:
    """Whether visitors may call it too (`accounts.auth.public_auth`)."""
    auth = operation.auth_param
    return anonymous in (auth if isinstance(auth, list | tuple) else [auth])


def error_statuses(path: str, method: str, spec: dict[str, Any], optional: bool) -> set[int]:
    statuses = {400}
    if spec.get("parameters") or spec.get("requestBody"):
        statuses.add(422)
    if "{" in path:
        statuses.add(404)
    if spec.get("requestBody"):
        statuses.add(413)
    if method != "get":
        statuses |= {403, 409}
    if spec.get("security"):
        statuses.add(401)  # a sign-in needed, or (where it is optional) a bad token
        if not optional:
            statuses.add(403)
    return statuses


# PostgreSQL cannot store NUL, so no text the API takes may hold it (cms.middleware refuses
# it with 400 `nul_character`); the schema says so, for clients and fuzzers alike.
NO_NUL = "^[^\x00]*$"


def forbid_nul(node: Any) -> None:
    """Every free string of the schema (no format, enum or pattern of its own) says it
    holds no NUL character."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"format", "enum", "pattern"} & set(node):
            node["pattern"] = NO_NUL
        for value in node.values():
            forbid_nul(value)
    elif isinstance(node, list):
        for value in node:
            forbid_nul(value)


def document_errors(api: NinjaAPI, schema: dict[str, Any]) -> dict[str, Any]:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(error_schema.pop("$defs", {}))
    components["ErrorOut"] = error_schema
    operations = operations_by_id(api)
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            optional = sign_in_optional(operations[spec["operationId"]])
            responses = spec["responses"]
            declared = {int(status) for status in responses}
            for status in sorted(error_statuses(path, method, spec, optional) - declared):
                responses[status] = {"description": DESCRIPTIONS[status], "content": {
                    "application/json": {"schema": ERROR_REF}}}
            if optional and spec.get("security"):
                # Anyone may call it; a caller who signs in is recognised.
                spec["security"] = [*spec.get("security", []), {}]
    forbid_nul(schema["paths"])
    forbid_nul(components)
    return schema


class KopaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None,
                           path_params: dict[str, Any] | None = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(self, schema)
