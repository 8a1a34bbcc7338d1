"""In a real browser (Playwright with Debian's Chromium): the Content-Security-Policy
blocks nothing Kopā itself needs, on the site and in the Wagtail admin, and no page asks
another host for anything; a lesson's YouTube video is loaded only when the learner
presses play, and then from the no-cookie player."""

import os
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIDEO_URL = "https://www.youtube.com/watch?v=kopa-test"


@pytest.fixture
def watched(monkeypatch, live_server):
    """A page whose requests to other hosts are recorded (and never sent) and whose
    policy violations are recorded."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    own = urlsplit(live_server.url).netloc
    log = {"foreign": [], "violations": []}

    def route(route_):
        if urlsplit(route_.request.url).netloc in (own, ""):
            route_.continue_()
        else:
            log["foreign"].append(route_.request.url)
            route_.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("KOPA_CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(10_000)
        page.route("**/*", route)
        page.on("console", lambda message: "Content Security Policy" in message.text
                and log["violations"].append(message.text))
        yield page, log
        browser.close()


@pytest.fixture
def lesson_with_video(wagtail_root, module):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from lessons.embeds import private_player_html
    from lessons.factories import add_lesson, media_body

    # What the oEmbed finder stored when the editor saved the link (no network in tests).
    Embed.objects.create(
        url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), type="video", provider_name="YouTube",
        width=560, height=315, html=private_player_html(
            '<iframe width="560" height="315" src="https://www.youtube.com/embed/kopa-test" '
            'title="Satversme" frameborder="0" allowfullscreen></iframe>'))
    body = [*media_body(), ("video", {"title": "Saeima", "embed": VIDEO_URL,
                                      "transcript": "Saeimā ir 100 deputātu."})]
    return add_lesson(module, title="Satversme", slug="satversme", body=body)


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()


def test_site_pages_load_nothing_from_elsewhere_until_a_video_is_played(
        live_server, watched, lesson_with_video, course_index, make_user):
    page, log = watched
    make_user(username="ahmad")
    for path in ["/", course_index.url]:
        page.goto(live_server.url + path)
    sign_in(page, live_server, "ahmad")
    page.goto(live_server.url + lesson_with_video.url)
    # The self-check answers on the page (lesson.js), without sending its form.
    page.locator(".self-check input[type=radio]").first.check()
    assert page.locator(".self-check__feedback").is_visible()
    assert page.locator(".lesson-embed iframe").count() == 0
    assert log == {"foreign": [], "violations": []}

    page.click("[data-video-play]")
    page.wait_for_selector(".lesson-embed iframe")
    page.wait_for_timeout(500)
    assert [urlsplit(url).netloc for url in log["foreign"]] == ["www.youtube-nocookie.com"]
    assert log["violations"] == []


def test_the_admin_runs_under_its_policy_without_other_hosts(
        live_server, watched, lesson_with_video, make_user):
    page, log = watched
    boss = make_user(username="boss")
    boss.is_superuser = boss.is_staff = True
    boss.save()
    sign_in(page, live_server, "boss")
    for path in ["/admin/", f"/admin/pages/{lesson_with_video.pk}/edit/",
                 lesson_with_video.url]:  # the last one with Wagtail's user bar
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert log == {"foreign": [], "violations": []}
