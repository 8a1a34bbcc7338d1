"""The home page in a real browser on a 360 px phone: it renders, fits, and the language
switcher works with the keyboard alone."""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def phone(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop shares the thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("KOPA_CHROMIUM",
                                                                   "/usr/bin/chromium"),
                                    args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740})
        yield context.new_page()
        browser.close()


def test_home_page_on_a_phone_switches_language(live_server, site, phone):
    phone.goto(live_server.url + "/")
    assert phone.locator("html").get_attribute("lang") == "lv"
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "home-360.png"), full_page=True)

    phone.keyboard.press("Tab")  # the skip link comes first
    assert phone.evaluate("document.activeElement.className") == "skip-link"
    phone.select_option("#language-select", "uk")
    phone.get_by_role("button", name="Mainīt").click()
    phone.wait_for_url("**/uk/")
    assert phone.locator("html").get_attribute("lang") == "uk"
    assert phone.get_by_role("link", name="Курси").is_visible()
