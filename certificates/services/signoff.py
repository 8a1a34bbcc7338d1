from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import permissions
from cms.errors import Conflict, NotAllowed
from courses.models import SEAT_STATES, Enrollment
from courses.services import sign_off


@transaction.atomic
def sign_off_enrollment(*, enrollment: Enrollment, by: User) -> Enrollment:
    """A teacher of the group (or a manager) confirms the learner has done what the course
    asks; completion is checked again once this commits."""
    if not permissions.can_manage_run(by, enrollment.run):
        raise NotAllowed(_("Only the group's teachers and managers can sign off."))
    if enrollment.state not in SEAT_STATES:
        raise Conflict(_("Only active learners can be signed off."), code="not_active")
    return sign_off(enrollment=enrollment, by=by)
