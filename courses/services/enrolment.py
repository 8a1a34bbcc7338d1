"""Writes about places in groups: enrolling (alone, with a key, by a teacher, an
organisation or an import), withdrawing, and moving people up from the waiting list.

Capacity holds under concurrency because every change of who holds a seat first locks the
group's row: `SELECT … FOR UPDATE` on PostgreSQL; on SQLite a no-op UPDATE, which takes the
database's single write lock before anything is read."""

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.validators import checked_text
from cms.errors import Conflict, KopaError, NotAllowed
from cms.services import record_effect
from courses.models import SEAT_STATES, CourseRun, Enrollment, EnrollmentEvent

SELF_METHODS = (Enrollment.Method.SELF, Enrollment.Method.KEY)
NOTIFIED_KINDS = (EnrollmentEvent.Kind.ENROLLED, EnrollmentEvent.Kind.WAITLISTED,
                  EnrollmentEvent.Kind.PROMOTED, EnrollmentEvent.Kind.WITHDRAWN)
NOTICES_EFFECT = "courses.enrolment_notices"


def lock_run(run_id: int) -> CourseRun:
    """Must run inside a transaction; holds the group until it commits."""
    if connection.vendor == "sqlite":
        CourseRun.objects.filter(pk=run_id).update(capacity=F("capacity"))
        return CourseRun.objects.get(pk=run_id)
    return CourseRun.objects.select_for_update().get(pk=run_id)


def seats_taken(run: CourseRun) -> int:
    return run.enrollments.filter(state__in=SEAT_STATES).count()


def check_self_enrolment(*, run: CourseRun, key: str | None) -> str:
    """The rules a learner meets when joining alone; returns the method that applies."""
    now = timezone.now()
    if run.enrolment_opens_at and now < run.enrolment_opens_at:
        raise Conflict(_("Enrolment for this group has not opened yet."),
                       code="enrolment_not_open")
    if (run.enrolment_closes_at and now > run.enrolment_closes_at) or (
            run.ends_on < timezone.localdate()):
        raise Conflict(_("Enrolment for this group is closed."), code="enrolment_closed")
    if run.enrolment_key:
        given = (key or "").strip()
        if not given:
            raise KopaError(_("This group needs an enrolment key. Ask your teacher or "
                              "organisation for it."), code="key_required", status=400)
        if given.casefold() != run.enrolment_key.strip().casefold():
            raise KopaError(_("The enrolment key is wrong. Check it and try again."),
                            code="wrong_key", status=400)
        return Enrollment.Method.KEY
    if not run.is_public:
        raise NotAllowed(_("This group is open only to people enrolled by a teacher or an "
                           "organisation."), code="run_not_open")
    return Enrollment.Method.SELF


def _events(enrollments: Iterable[Enrollment], kind: str, by: User | None,
            note: str = "") -> list[EnrollmentEvent]:
    return [EnrollmentEvent(enrollment=enrollment, kind=kind, actor=by, note=note[:255])
            for enrollment in enrollments]


def _save_events(events: list[EnrollmentEvent]) -> list[EnrollmentEvent]:
    created = EnrollmentEvent.objects.bulk_create(events)
    notify = [event.pk for event in created if event.kind in NOTIFIED_KINDS]
    if notify:
        # Recorded with the enrolment, delivered by the worker: a broker outage or a
        # killed worker delays these e-mails, never loses them. Event ids are unique, so
        # the first one names the batch.
        record_effect(NOTICES_EFFECT, f"courses:notices:{notify[0]}", {"event_ids": notify})
    return created


def _promote(run: CourseRun, *, free: int, by: User | None = None) -> list[Enrollment]:
    """Gives up to `free` seats to the waiting list in the order people joined it."""
    if free <= 0:
        return []
    waiting = list(run.enrollments.filter(state=Enrollment.State.WAITLISTED)
                   .order_by(Coalesce("waitlisted_at", "created_at"), "pk")[:free])
    now = timezone.now()
    for enrollment in waiting:
        enrollment.state = Enrollment.State.ACTIVE
        enrollment.activated_at = now
        enrollment.updated_at = now
    Enrollment.objects.bulk_update(waiting, ["state", "activated_at", "updated_at"])
    _save_events(_events(waiting, EnrollmentEvent.Kind.PROMOTED, by))
    return waiting


@transaction.atomic
def fill_from_waitlist(*, run: CourseRun, by: User | None = None) -> list[Enrollment]:
    """After seats were added to a group: moves people up from its waiting list."""
    run = lock_run(run.pk)
    return _promote(run, free=run.capacity - seats_taken(run), by=by)


@transaction.atomic
def enroll(*, user: User, run: CourseRun, by: User | None, method: str,
           key: str | None = None) -> Enrollment:
    """Gives `user` a seat in `run`, or a place on its waiting list when it is full.

    Learners enrolling themselves (method self or key) meet the enrolment window, the key
    and the listing; callers enrolling others have checked their permission (teachers and
    managers in `courses.permissions`, coordinators in `organisations.permissions`)."""
    if method in SELF_METHODS:
        if by is None or by.pk != user.pk:
            raise NotAllowed(_("Only the person themselves can enrol this way."))
        method = check_self_enrolment(run=run, key=key)
    run = lock_run(run.pk)
    enrollment = Enrollment.objects.filter(user=user, run=run).first()
    if enrollment is not None and enrollment.state != Enrollment.State.WITHDRAWN:
        raise Conflict(_("%(name)s is already enrolled in this group.") % {"name": user.name},
                       code="already_enrolled")
    taken = seats_taken(run)
    taken += len(_promote(run, free=run.capacity - taken, by=by))
    now = timezone.now()
    if taken < run.capacity:
        state, kind = Enrollment.State.ACTIVE, EnrollmentEvent.Kind.ENROLLED
    elif run.waitlist_enabled:
        state, kind = Enrollment.State.WAITLISTED, EnrollmentEvent.Kind.WAITLISTED
    else:
        raise Conflict(_("This group is full."), code="run_full")
    if enrollment is None:
        enrollment = Enrollment(user=user, run=run)
    enrollment.state = state
    enrollment.method = method
    enrollment.enrolled_by = by
    enrollment.activated_at = now if state == Enrollment.State.ACTIVE else None
    enrollment.waitlisted_at = now if state == Enrollment.State.WAITLISTED else None
    enrollment.withdrawn_at = None
    enrollment.withdrawal_reason = ""
    enrollment.save()
    _save_events(_events([enrollment], kind, by))
    return enrollment


@transaction.atomic
def enroll_many(*, users: list[User], run: CourseRun, by: User, method: str,
                allow_waitlist: bool = True) -> tuple[list[Enrollment], list[User]]:
    """Enrols many people in one go (an organisation's list, an import) with a bounded
    number of queries. Returns the enrolments made and the people skipped because they are
    already in the group. Raises `run_full` when not everyone fits and there is no waiting
    list (or `allow_waitlist` is off): then nobody is enrolled."""
    if method in SELF_METHODS:
        raise NotAllowed(_("Only the person themselves can enrol this way."))
    run = lock_run(run.pk)
    existing = {enrollment.user_id: enrollment for enrollment in
                Enrollment.objects.filter(run=run, user__in=[user.pk for user in users])}
    skipped: list[User] = []
    todo: list[User] = []
    seen: set[int] = set()
    for user in users:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        current = existing.get(user.pk)
        if current is not None and current.state != Enrollment.State.WITHDRAWN:
            skipped.append(user)
        else:
            todo.append(user)
    taken = seats_taken(run)
    taken += len(_promote(run, free=run.capacity - taken, by=by))
    free = max(run.capacity - taken, 0)
    if len(todo) > free and not (run.waitlist_enabled and allow_waitlist):
        raise Conflict(_("This group has %(free)s free seats; %(wanted)s people do not fit.")
                       % {"free": free, "wanted": len(todo)}, code="run_full")
    now = timezone.now()
    new: list[Enrollment] = []
    reopened: list[Enrollment] = []
    for index, user in enumerate(todo):
        active = index < free
        enrollment = existing.get(user.pk) or Enrollment(user=user, run=run, created_at=now)
        enrollment.state = Enrollment.State.ACTIVE if active else Enrollment.State.WAITLISTED
        enrollment.method = method
        enrollment.enrolled_by = by
        enrollment.activated_at = now if active else None
        enrollment.waitlisted_at = None if active else now
        enrollment.withdrawn_at = None
        enrollment.withdrawal_reason = ""
        enrollment.updated_at = now
        (reopened if enrollment.pk else new).append(enrollment)
    created = Enrollment.objects.bulk_create(new)
    if reopened:
        Enrollment.objects.bulk_update(reopened, ["state", "method", "enrolled_by",
                                                  "activated_at", "waitlisted_at",
                                                  "withdrawn_at", "withdrawal_reason",
                                                  "updated_at"])
    done = created + reopened
    if created and created[0].pk is None:
        # Backends without RETURNING from bulk inserts: read the new rows back once.
        by_user = {e.user_id: e for e in Enrollment.objects.filter(
            run=run, user__in=[e.user_id for e in created])}
        done = [by_user[e.user_id] for e in created] + reopened
    events = []
    for enrollment in done:
        kind = (EnrollmentEvent.Kind.ENROLLED if enrollment.state == Enrollment.State.ACTIVE
                else EnrollmentEvent.Kind.WAITLISTED)
        events.append(EnrollmentEvent(enrollment=enrollment, kind=kind, actor=by))
    _save_events(events)
    return done, skipped


@transaction.atomic
def withdraw(*, enrollment: Enrollment, by: User, reason: str = "") -> Enrollment:
    """Frees the person's seat (or waiting-list place) and gives it to the next person
    waiting. Withdrawing twice is harmless (a double click)."""
    run = lock_run(enrollment.run_id)
    enrollment = Enrollment.objects.select_related("user").get(pk=enrollment.pk)
    if enrollment.state == Enrollment.State.WITHDRAWN:
        return enrollment
    if enrollment.state == Enrollment.State.COMPLETED:
        raise Conflict(_("A completed enrolment cannot be withdrawn."), code="already_completed")
    held_seat = enrollment.holds_seat
    enrollment.state = Enrollment.State.WITHDRAWN
    enrollment.withdrawn_at = timezone.now()
    enrollment.withdrawal_reason = checked_text(reason, field="reason").strip()[:255]
    enrollment.save(update_fields=["state", "withdrawn_at", "withdrawal_reason", "updated_at"])
    _save_events(_events([enrollment], EnrollmentEvent.Kind.WITHDRAWN, by,
                         note=enrollment.withdrawal_reason))
    if held_seat:
        _promote(run, free=run.capacity - seats_taken(run), by=by)
    return enrollment


def may_attach(*, by: User, user: User, run: CourseRun) -> bool:
    """Whom a teacher may add to a group by username or e-mail: managers anyone; a teacher
    only people already enrolled in a group this teacher teaches, or people a later app
    vouches for (organisations: participants of an organisation the group is open to).
    Anyone else could be anybody's account, and attaching it would open their data."""
    from accounts.registry import account_claims
    from courses.permissions import is_manager, managed_runs

    if is_manager(by):
        return True
    if Enrollment.objects.filter(user=user, run__in=managed_runs(by)).exists():
        return True
    return any(claim(by, user, run) for claim in account_claims())


def add_person(*, run: CourseRun, by: User, login: str = "", first_name: str = "",
               last_name: str = "", language: str = "lv") -> Enrollment:
    """A teacher enrols someone with an account (by username or e-mail) or creates an
    account for someone without e-mail. All or nothing: when the group refuses (full, no
    waiting list), no account is left behind. An unknown name and an account the teacher
    has no claim to get the same answer, so the form does not tell who has an account."""
    from accounts.selectors import find_user_by_login
    from accounts.services import create_user

    with transaction.atomic():
        if login:
            user = find_user_by_login(login)
            if user is None or not may_attach(by=by, user=user, run=run):
                raise KopaError(_("If this person has an account, they have not been added: "
                                  "ask them to enrol with the group's key or ask their "
                                  "coordinator."), code="not_added", status=404)
        elif first_name and last_name:
            user = create_user(first_name=first_name, last_name=last_name,
                               preferred_language=language or "lv", created_by=by)
        else:
            raise KopaError(_("Give a username or e-mail, or a first and last name."),
                            code="nobody_given")
        return enroll(user=user, run=run, by=by, method=Enrollment.Method.TEACHER)
