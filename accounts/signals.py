"""Reactions to changes of who belongs to which group; each hands over to a service."""

from accounts import services


def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Only joining a group can grant staff status (see the service)."""
    if action != "post_add":
        return
    user_ids = list(pk_set) if reverse else [instance.pk]  # reverse: group.user_set.add()
    services.sync_staff_status(user_ids=user_ids)



def on_post_migrate(sender, app_config=None, **kwargs) -> None:
    """Django signals after each app's migrations; every app's permissions exist only once
    the last app has had its turn, so the role groups are set up then."""
    from django.apps import apps

    # Django signals only apps with models, in INSTALLED_APPS order.
    with_models = [config for config in apps.get_app_configs()
                   if config.models_module is not None]
    if app_config is not None and with_models and app_config is with_models[-1]:
        services.ensure_role_groups()
