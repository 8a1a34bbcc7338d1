"""On a 360 px phone, with the keyboard only: type a certificate code into /verify/ and read
the result; then the learner finds and downloads the PDF from /my/."""

from pathlib import Path

import pytest

from certificates import services
from certificates.factories import CompletedEnrollmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("wagtail_root")]

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def phone(monkeypatch):
    # Only for this test: left in os.environ it would leak into later tests' subprocesses.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, locale="en")
        page.set_default_timeout(15000)
        yield page
        browser.close()


def test_checking_and_downloading_a_certificate_on_a_phone(phone, live_server, run, make_user):
    user = make_user(username="olena", display_name="Олена Коваленко", password="a-long-pass-1")
    enrollment = CompletedEnrollmentFactory(run=run, user=user)
    certificate = services.issue_certificate(enrollment_id=enrollment.pk)
    ARTIFACTS.mkdir(exist_ok=True)

    phone.goto(f"{live_server.url}/en/verify/")
    phone.keyboard.press("Tab")  # the skip link first, then on through the page
    phone.focus("#code")
    phone.keyboard.type(certificate.code.lower())
    phone.keyboard.press("Enter")
    phone.wait_for_selector(".verify--valid")
    assert "Олена Коваленко" in phone.inner_text("main")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=str(ARTIFACTS / "certificates-verify-360.png"), full_page=True)

    phone.goto(f"{live_server.url}/en/accounts/sign-in/?next=/en/my/")
    phone.fill("input[name=username]", "olena")
    phone.fill("input[name=password]", "a-long-pass-1")
    phone.keyboard.press("Enter")
    phone.wait_for_selector(".certificates-panel")
    with phone.expect_download() as download:
        phone.click("text=Download the certificate (PDF)")
    assert download.value.suggested_filename == f"{certificate.display_code}.pdf"
    phone.screenshot(path=str(ARTIFACTS / "certificates-my-360.png"), full_page=True)
