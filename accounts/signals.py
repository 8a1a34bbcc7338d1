"""Reactions to changes of who belongs to which group; each hands over to a service."""

from accounts import services


def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Only joining a group can grant staff status (see the service)."""
    if action != "post_add":
        return
    user_ids = list(pk_set) if reverse else [instance.pk]  # reverse: group.user_set.add()
    services.sync_staff_status(user_ids=user_ids)

