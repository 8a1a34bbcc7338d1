"""The one error shape of the API, for every app's operations and for errors raised before
any view (cms.middleware): `{"code", "message"}`, plus the fields a code explains."""

from ninja import Schema


class FieldErrorOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    """`code` is stable (clients branch on it), `message` is in the caller's language."""

    code: str
    message: str
    # validation_error: what is wrong with which field.
    errors: list[FieldErrorOut] | None = None
    # too_many_requests and throttled codes: seconds until the next try may succeed.
    retry_after: int | None = None
    # stale_answer: the questions left as they were; a refused answer: its question.
    positions: list[int] | None = None
    position: int | None = None
