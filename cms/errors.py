"""The one error type that services raise for a refused operation. Views turn it into a
message in the user's language; the API into JSON `{"code", "message"}` with its status."""

from django.utils.functional import Promise


class KopaError(Exception):
    """A business rule refused the operation; `code` is stable, `message` translatable."""

    code = "error"
    status = 400

    def __init__(self, message: str | Promise, *, code: str | None = None,
                 status: int | None = None, **extra: object) -> None:
        super().__init__(str(message))
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status
        self.extra = extra


class NotAllowed(KopaError):
    code = "forbidden"
    status = 403


class NotFound(KopaError):
    code = "not_found"
    status = 404


class Conflict(KopaError):
    code = "conflict"
    status = 409
