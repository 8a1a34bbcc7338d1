"""Who may see or do what with certificates, decided here only. A learner gets their own
issued certificates; a teacher those of the groups they teach; a manager all. Coordinators
get theirs through the organisations app, which checks its own people and then calls
`selectors.certificates_for_run` and `archives.write_zip`."""

from django.db.models import QuerySet

from courses.models import CourseRun
from courses.permissions import can_manage_run, is_manager, managed_runs, teaches_any

__all__ = ["can_download", "can_manage_certificates", "can_manage_run", "manageable_runs"]


def manageable_runs(user) -> QuerySet[CourseRun]:
    """Groups whose certificates this person may issue, re-issue, revoke and download:
    the groups they manage, as courses.permissions decides."""
    return managed_runs(user)


def can_manage_certificates(user) -> bool:
    """Whether the admin shows the certificates menu at all."""
    return is_manager(user) or teaches_any(user)


def can_download(user, certificate) -> bool:
    if not user or not user.is_authenticated or not certificate.pdf:
        return False
    if certificate.enrollment.user_id == user.pk:
        return certificate.state == certificate.State.ISSUED
    return can_manage_run(user, certificate.enrollment.run)


def grant_role_permissions(groups: dict) -> None:
    """Managers pick and edit certificate templates in the admin."""
    from django.contrib.auth.models import Permission

    groups["Managers"].permissions.add(*Permission.objects.filter(
        content_type__app_label="certificates",
        codename__in=["add_certificatetemplate", "change_certificatetemplate",
                      "delete_certificatetemplate", "view_certificatetemplate"]))
