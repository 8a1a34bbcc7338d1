"""The private storage where certificate PDFs live (STORAGES["private"]): outside the public
media, served only by views that check permission."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    # Resolved on first use, like Django's default_storage, so the storage configured when
    # the file is read is the one used, not the one present when models were imported.
    def _setup(self) -> None:
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage() -> PrivateStorage:
    return private_storage


@receiver(setting_changed)
def forget_private_storage(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        private_storage._wrapped = empty
