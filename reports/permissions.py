"""Who may see which figures: managers everything; a coordinator the people of their own
organisations in the groups open to them; nobody else anything. Reports hold counts only,
never names, but counts of a small group can still point at a person, so the same walls
stand as around the people themselves."""

from courses.permissions import is_manager
from organisations.models import Organisation
from organisations.permissions import managed_organisations


def can_see_reports(user) -> bool:
    return is_manager(user) or managed_organisations(user).exists()


def report_organisations(user) -> list[Organisation] | None:
    """None: no limit (a manager); otherwise the organisations whose people the person may
    count (empty: none, so no report)."""
    if is_manager(user):
        return None
    return list(managed_organisations(user).order_by("name"))
