"""In a real browser: a teacher marks a session on a 360 px phone, one tap per row, saved
in the background; a learner checks in with the code the teacher's screen shows."""

import datetime
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from attendance.factories import ClassSessionFactory
from attendance.models import AttendanceMark
from courses.factories import EnrollmentFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.usefixtures("wagtail_root"),
              pytest.mark.browser, pytest.mark.django_db(transaction=True)]


ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser(monkeypatch, live_server):
    """Closed before the live server stops: Chromium's open connections keep server
    threads (and their database connections) alive otherwise."""
    # Playwright's sync API runs an event loop in this thread; only for this test.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def signed_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def test_teacher_marks_on_a_phone_and_learner_checks_in(browser, live_server, run, teacher,
                                                        learner):
    ARTIFACTS.mkdir(exist_ok=True)
    start = timezone.now() - datetime.timedelta(minutes=3)
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=90))
    others = [EnrollmentFactory(run=run) for _ in range(3)]
    mine = EnrollmentFactory(run=run, user=learner)

    page = signed_in_page(browser, live_server, teacher)
    page.goto(f"{live_server.url}/en/attendance/sessions/{session.pk}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the roster must not scroll sideways on a phone"
    row = page.locator(f"#row-{others[0].pk}")
    row.locator("button[value=absent]").click()
    page.locator(f"#row-{others[0].pk} .row-message", has_text="Saved").wait_for()
    page.locator(f"#row-{others[1].pk} button[value=late]").click()
    page.locator(f"#row-{others[1].pk} .row-message", has_text="Saved").wait_for()
    wait_for(lambda: AttendanceMark.objects.count() == 2)
    assert dict(AttendanceMark.objects.values_list("enrollment_id", "status")) == {
        others[0].pk: "absent", others[1].pk: "late"}
    page.screenshot(path=str(ARTIFACTS / "attendance-roster-360.png"), full_page=True)

    page.goto(f"{live_server.url}/en/attendance/sessions/{session.pk}/code/")
    code = page.locator("[data-code]").inner_text().strip()
    assert len(code) == 6
    page.screenshot(path=str(ARTIFACTS / "attendance-code-360.png"))

    learner_page = signed_in_page(browser, live_server, learner)
    learner_page.goto(f"{live_server.url}/en/attendance/check-in/")
    learner_page.get_by_label("Code").fill(code)
    learner_page.get_by_role("button", name="Check in").click()
    learner_page.wait_for_url("**/attendance/my/")
    assert AttendanceMark.objects.get(enrollment=mine).status == "present"
    learner_page.screenshot(path=str(ARTIFACTS / "attendance-checked-in-360.png"),
                            full_page=True)


def test_learner_checks_in_typing_persian_digits(browser, live_server, run, learner):
    """The code box takes what an Arabic or Persian keyboard types (no ASCII-only pattern
    stops the form) and the server reads it as the code."""
    from attendance import services

    start = timezone.now() - datetime.timedelta(minutes=3)
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=90))
    mine = EnrollmentFactory(run=run, user=learner)
    page = signed_in_page(browser, live_server, learner)
    page.goto(f"{live_server.url}/en/attendance/sessions/{session.pk}/check-in/")
    code, _left = services.current_code(session)
    page.get_by_label("Code").fill(" ".join(chr(0x06F0 + int(digit)) for digit in code))
    page.get_by_role("button", name="Check in").click()
    page.wait_for_url("**/attendance/my/")
    assert AttendanceMark.objects.get(enrollment=mine).status == "present"


def test_coordinator_sees_warnings_on_a_phone(browser, live_server, run, make_user):
    """The coordinator's warnings, from the /my/ panel to the page, fit 360 px."""
    from attendance import services
    from attendance.factories import AttendanceMarkFactory
    from organisations.factories import OrganisationFactory, ParticipantFactory

    ARTIFACTS.mkdir(exist_ok=True)
    coordinator = make_user(username="olena", preferred_language="uk")
    organisation = OrganisationFactory(name="Biedrība “Patvērums Drošā Mājā”",
                                       slug="patverums", coordinators=[coordinator],
                                       runs=[run])
    start = timezone.now() - datetime.timedelta(days=1)
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=90))
    person = make_user(first_name="Oleksandra-Mariia", last_name="Shevchenko-Kovalenko")
    ParticipantFactory(organisation=organisation, user=person)
    AttendanceMarkFactory(session=session, enrollment=EnrollmentFactory(run=run, user=person),
                          status="absent")
    services.refresh_warnings(run_id=run.pk)

    page = signed_in_page(browser, live_server, coordinator)
    page.goto(f"{live_server.url}/uk/my/")
    assert page.get_by_text("Shevchenko-Kovalenko").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("a[href='/uk/attendance/coordinator/']").click()
    page.wait_for_url("**/uk/attendance/coordinator/")
    assert page.get_by_text("Shevchenko-Kovalenko").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(ARTIFACTS / "attendance-coordinator-360.png"), full_page=True)
