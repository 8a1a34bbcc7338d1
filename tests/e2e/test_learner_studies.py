"""A learner on a phone finds a course in the catalogue, studies a lesson, marks it done
and sees their progress (Playwright with Debian's Chromium)."""

import os
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop; the live server's ORM calls are safe here.
    # Set for this test only, so later tests (e.g. the deploy check) do not inherit it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("KOPA_CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740},
                                      device_scale_factor=2, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        context.close()
        browser.close()


@pytest.fixture
def courses(wagtail_root, course_index):
    from courses.factories import CourseRunFactory, add_course, add_module
    from lessons.factories import add_lesson, sample_body

    a1 = add_course(course_index, title="Latviešu valoda A1", slug="latviesu-valoda-a1",
                    kind="language", cefr_level="A1")
    greetings = add_module(a1, title="Sveicieni", slug="sveicieni")
    first = add_lesson(greetings, title="Labdien!", slug="labdien", body=sample_body())
    add_lesson(greetings, title="Mani sauc", slug="mani-sauc", body=sample_body())
    CourseRunFactory(course=a1, city="Liepāja", region="kurzeme")
    add_course(course_index, title="Integrācijas kurss", slug="integracijas-kurss",
               kind="integration")
    return a1, first


def test_learner_filters_opens_a_course_studies_and_sees_progress(live_server, browser_page,
                                                                   make_user, courses):
    a1, first = courses
    make_user(username="ahmad", password="a-long-test-password", preferred_language="lv")
    page = browser_page
    page.goto(f"{live_server.url}/accounts/sign-in/?next=/courses/")
    page.fill("#id_username", "ahmad")
    page.fill("#id_password", "a-long-test-password")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/courses/")

    # Filter the catalogue (a plain GET form) down to A1 courses in Kurzeme.
    page.click(".filters-box summary")  # the filters fold away on a phone
    page.select_option("#id_level", "A1")
    page.select_option("#id_region", "kurzeme")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/courses/?*level=A1*")
    cards = page.locator("article.course-card h2 a")
    assert cards.all_inner_texts() == ["Latviešu valoda A1"]

    cards.first.click()
    page.wait_for_url(f"**{a1.url}")
    page.locator("main a.button").first.click()  # start the first lesson
    page.wait_for_url(f"**{first.url}")
    assert page.locator("h1#lesson-title").inner_text() == "Labdien!"

    page.click("[data-complete-form] button")  # marked without a page reload
    page.locator("[data-done-message]").wait_for(state="visible")
    assert page.locator("#course-progress").get_attribute("value") == "1"

    # The self-check gives instant feedback.
    page.locator(".self-check__option label").first.click()
    assert page.locator(".self-check__feedback").is_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lesson-360px.png"), full_page=True)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360, "the lesson page scrolls sideways on a phone"

    page.goto(f"{live_server.url}{a1.url}")
    assert page.locator("#course-progress").get_attribute("value") == "1"
    assert page.locator("#course-progress").get_attribute("max") == "2"
    assert page.locator(".outline .state--done").count() == 1
