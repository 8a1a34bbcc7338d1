"""A learner on a 360 px phone takes a timed quiz, reloads half-way and finds their answers,
submits, and sees the review the quiz allows; and the same without JavaScript."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from quizzes.factories import (
    MultipleChoiceFactory,
    ShortAnswerFactory,
    SingleChoiceFactory,
    TrueFalseFactory,
    add_quiz,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.usefixtures("wagtail_root"),
              pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def async_unsafe(monkeypatch):
    # Playwright's sync API runs an event loop; Django's ORM must still be usable in it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # The live server's request threads would otherwise keep their PostgreSQL connections
    # open past the test, and the test database could not be dropped.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)


@pytest.fixture
def timed_quiz(module, enrollment):
    return add_quiz(module, title="Laika tests", slug="laika-tests", time_limit_minutes=10,
                    questions_per_page=2, shuffle_choices=False,
                    review_after=["answer", "correctness", "marks", "right_answer"],
                    questions=[SingleChoiceFactory(), ShortAnswerFactory(),
                               TrueFalseFactory(), MultipleChoiceFactory()])


@pytest.fixture
def phone(live_server, enrollment):
    from playwright.sync_api import sync_playwright

    client = Client()
    client.force_login(enrollment.user)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)

        def open_context(javascript: bool = True):
            context = browser.new_context(viewport={"width": 360, "height": 740},
                                          java_script_enabled=javascript)
            context.add_cookies([{"name": "sessionid",
                                  "value": client.cookies["sessionid"].value,
                                  "url": live_server.url}])
            context.set_default_timeout(8000)
            return context.new_page()

        yield open_context
        browser.close()


# Choices are named by per-attempt tokens, so the test picks "Rīga" by its label.
RIGA = "#question-1 label:has-text('Rīga') input"


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_learner_takes_a_timed_quiz_reloads_and_sees_the_review(live_server, phone,
                                                                timed_quiz):
    ARTIFACTS.mkdir(exist_ok=True)
    page = phone()
    page.goto(live_server.url + timed_quiz.url)
    page.click("form[action*='/start/'] button")
    page.wait_for_selector(".quiz-timer")
    assert fits_the_phone(page)
    page.check(RIGA)
    page.fill("#q2-input", "grāmata")
    page.click("button[name=go][value=next]")
    page.wait_for_url("**page=2")
    page.check("input[name=q3][value='true']")
    # The script saves the page in the background; a reload then finds the answer.
    # (A locator, not wait_for_function: the page's policy forbids evaluating strings.)
    from playwright.sync_api import expect

    expect(page.locator("[data-status]")).to_have_text(re.compile(r"\S"))
    page.reload()
    assert page.is_checked("input[name=q3][value='true']")
    page.screenshot(path=str(ARTIFACTS / "quiz-attempt-phone.png"), full_page=True)
    page.click("nav.quiz-pages button[value='page-1']")
    page.wait_for_url("**page=1")
    assert page.is_checked(RIGA)
    assert page.input_value("#q2-input") == "grāmata"
    page.click("button[name=go][value=summary]")
    page.wait_for_url("**/summary/")
    page.click("form[data-submit-once] button")
    page.wait_for_url("**/review/")
    body = page.inner_text("main")
    assert "3 / 4" in body  # three right, the multiple choice left empty
    assert "Rīga" in body  # the right answer, which the options allow after the attempt
    assert fits_the_phone(page)
    page.screenshot(path=str(ARTIFACTS / "quiz-review-phone.png"), full_page=True)


def test_the_quiz_works_without_javascript(live_server, phone, timed_quiz):
    page = phone(javascript=False)
    page.goto(live_server.url + timed_quiz.url)
    page.click("form[action*='/start/'] button")
    page.check(RIGA)
    page.click("button[name=go][value=next]")
    page.check("input[name=q3][value='true']")
    page.click("button[name=go][value=summary]")
    page.click("form[data-submit-once] button")
    page.wait_for_url("**/review/")
    assert "2 / 4" in page.inner_text("main")
