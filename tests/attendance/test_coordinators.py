"""Coordinators hear of and see attendance warnings of their own organisation's people in
the groups open to it, in their language, once, and nothing of another organisation's."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from attendance import services
from attendance.factories import AttendanceMarkFactory, ClassSessionFactory
from attendance.models import AttendanceWarning
from attendance.services import MarkInput
from courses.factories import CourseRunFactory, EnrollmentFactory
from organisations.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(run, teacher, make_user):
    """One group open to organisations A and B, each with a person in it; A also has a
    person in a group not open to A. Two sessions held."""
    olena = make_user(username="olena", email="olena@example.lv", preferred_language="uk")
    pjotr = make_user(username="pjotr", email="pjotr@example.lv", preferred_language="ru")
    for coordinator in (olena, pjotr):
        coordinator.groups.add(Group.objects.get_or_create(name="Coordinators")[0])
    closed_run = CourseRunFactory(course=run.course, title="Grupa, kas nav atvērta A",
                                  teachers=[teacher])
    a = OrganisationFactory(name="Drošā māja", slug="a", coordinators=[olena], runs=[run])
    b = OrganisationFactory(name="Cita biedrība", slug="b", coordinators=[pjotr], runs=[run])
    ours = make_user(first_name="Mariia", last_name="Shevchenko")
    theirs = make_user(first_name="Svešais", last_name="Cilvēks")
    ParticipantFactory(organisation=a, user=ours)
    ParticipantFactory(organisation=b, user=theirs)
    elsewhere = EnrollmentFactory(run=closed_run, user=ours)
    people = {"ours": EnrollmentFactory(run=run, user=ours),
              "theirs": EnrollmentFactory(run=run, user=theirs),
              "elsewhere": elsewhere}
    start = timezone.now() - datetime.timedelta(days=2)
    sessions = {r.pk: ClassSessionFactory(run=r, starts_at=start,
                                          ends_at=start + datetime.timedelta(minutes=90))
                for r in (run, closed_run)}
    return {"olena": olena, "pjotr": pjotr, "A": a, "B": b, "people": people,
            "sessions": sessions, "closed_run": closed_run}


def mark_absent(world, teacher, *keys):
    for key in keys:
        enrollment = world["people"][key]
        services.set_marks(session_id=world["sessions"][enrollment.run_id].pk, by=teacher,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="absent")])


def mail_to(mailoutbox, address):
    return [m for m in mailoutbox if m.to == [address]]


def test_coordinators_hear_only_of_their_own_people_in_their_language(
        world, run, teacher, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mark_absent(world, teacher, "ours", "theirs", "elsewhere")
    assert AttendanceWarning.objects.filter(resolved_at__isnull=True).count() == 3
    (to_olena,) = mail_to(mailoutbox, "olena@example.lv")
    assert to_olena.subject == f"Відвідуваність нижче рівня: {run.title}"
    assert "Mariia Shevchenko" in to_olena.body and "Svešais" not in to_olena.body
    assert "/uk/attendance/coordinator/" in to_olena.body
    (to_pjotr,) = mail_to(mailoutbox, "pjotr@example.lv")
    assert to_pjotr.subject.startswith("Посещаемость ниже уровня")
    assert "Svešais Cilvēks" in to_pjotr.body and "Mariia" not in to_pjotr.body
    # The teacher hears of everyone, once per group; nobody else is written to.
    to_teacher = mail_to(mailoutbox, teacher.email)
    assert len(to_teacher) == 2
    assert {m.to[0] for m in mailoutbox} == {"olena@example.lv", "pjotr@example.lv",
                                             teacher.email}
    assert len(mailoutbox) == 4  # ours in the closed group: the teacher only


def test_no_one_hears_twice(world, run, teacher, mailoutbox,
                            django_capture_on_commit_callbacks):
    world["A"].coordinators.add(teacher)  # teaches the group and coordinates A
    with django_capture_on_commit_callbacks(execute=True):
        mark_absent(world, teacher, "ours")
    assert len(mail_to(mailoutbox, teacher.email)) == 1
    assert len(mail_to(mailoutbox, "olena@example.lv")) == 1
    sent = len(mailoutbox)
    # A redelivered task, and a recount that finds the same warning: nothing more.
    assert services.send_warning_notices(
        enrollment_ids=[world["people"]["ours"].pk]) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.refresh_warnings(run_id=run.pk)
    assert len(mailoutbox) == sent


def test_a_warning_raised_again_is_told_again(world, run, teacher, mailoutbox,
                                              django_capture_on_commit_callbacks):
    ours = world["people"]["ours"]
    session = world["sessions"][run.pk]
    with django_capture_on_commit_callbacks(execute=True):
        mark_absent(world, teacher, "ours")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_marks(session_id=session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=ours.pk, status="present")])
    assert AttendanceWarning.objects.get(enrollment=ours).resolved_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        mark_absent(world, teacher, "ours")
    assert len(mail_to(mailoutbox, "olena@example.lv")) == 2


def test_the_commit_comes_first(world, teacher, mailoutbox):
    mark_absent(world, teacher, "ours")  # inside the test's transaction: not committed
    assert mailoutbox == []


@pytest.fixture
def warned(world, teacher):
    for key in ("ours", "theirs", "elsewhere"):
        enrollment = world["people"][key]
        AttendanceMarkFactory(session=world["sessions"][enrollment.run_id],
                              enrollment=enrollment, status="absent")
    services.refresh_warnings(run_id=world["people"]["ours"].run_id)
    services.refresh_warnings(run_id=world["closed_run"].pk)
    return world


def test_coordinator_page_lists_only_their_people(client, warned, run):
    client.force_login(warned["olena"])
    response = client.get("/en/attendance/coordinator/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mariia Shevchenko" in html and "Drošā māja" in html
    assert f"/en/organisations/{warned['A'].pk}/groups/{run.pk}/" in html
    assert "Svešais" not in html and "Cita biedrība" not in html
    assert warned["closed_run"].title not in html  # not open to A
    assert 'class="table-scroll" tabindex="0"' in html
    client.force_login(warned["pjotr"])
    html = client.get("/en/attendance/coordinator/").content.decode()
    assert "Svešais Cilvēks" in html and "Mariia" not in html and "Drošā māja" not in html


def test_my_page_shows_the_coordinator_their_peoples_warnings(client, warned):
    client.force_login(warned["olena"])
    html = client.get("/en/my/").content.decode()
    assert "below the attendance level" in html
    assert "Mariia Shevchenko" in html and "Svešais" not in html
    assert "/en/attendance/coordinator/" in html
    client.force_login(warned["pjotr"])
    html = client.get("/en/my/").content.decode()
    assert "Svešais Cilvēks" in html and "Mariia" not in html


def test_a_warning_that_resolved_leaves_the_coordinators_pages(client, warned, run, teacher):
    ours = warned["people"]["ours"]
    services.set_marks(session_id=warned["sessions"][run.pk].pk, by=teacher,
                       marks=[MarkInput(enrollment_id=ours.pk, status="present")],
                       queue_follow_ups=False)
    services.refresh_warnings(run_id=run.pk)
    client.force_login(warned["olena"])
    html = client.get("/en/attendance/coordinator/").content.decode()
    assert "Mariia" not in html
    assert "None of your organisation&#x27;s people is below" in html \
        or "None of your organisation's people is below" in html


def test_people_who_coordinate_nothing_get_a_404(client, warned, teacher, make_user):
    client.force_login(make_user(username="someone"))
    assert client.get("/en/attendance/coordinator/").status_code == 404
    client.force_login(teacher)
    assert client.get("/en/attendance/coordinator/").status_code == 404
