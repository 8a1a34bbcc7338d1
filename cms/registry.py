"""Handlers of side effects (`cms.models.Effect`), by kind. Each app registers its own in
its AppConfig.ready(), as completion criteria are registered in `courses.registry`, so the
project app delivers effects without importing the apps that own them.

A handler takes the effect's arguments as keywords. It may run more than once for one
effect (a worker killed after the work and before the effect was marked delivered), so
it either is idempotent or checks its own "already done" state; raising means "not yet",
and the effect is tried again later."""

from collections.abc import Callable
from contextlib import contextmanager

_handlers: dict[str, Callable[..., object]] = {}


def register_effect(kind: str, handler: Callable[..., object]) -> None:
    _handlers[kind] = handler


def effect_handler(kind: str) -> Callable[..., object]:
    """Raises LookupError for a kind nobody registered (recorded on the effect)."""
    try:
        return _handlers[kind]
    except KeyError:
        raise LookupError(kind) from None


def effect_kinds() -> list[str]:
    return sorted(_handlers)


@contextmanager
def register_temporarily(kind: str, handler: Callable[..., object]):
    """For tests, as Wagtail's hooks offer: a handler that is gone afterwards."""
    previous = _handlers.get(kind)
    _handlers[kind] = handler
    try:
        yield
    finally:
        if previous is None:
            _handlers.pop(kind, None)
        else:
            _handlers[kind] = previous
