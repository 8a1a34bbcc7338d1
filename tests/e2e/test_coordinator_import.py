"""In a real browser: a coordinator uploads an XLSX with one bad row, sees the error,
uploads the fixed file, imports it and prints the login cards."""

import io
import os
from pathlib import Path

import pytest
from openpyxl import Workbook

pytestmark = [pytest.mark.browser]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HEADER = ["Vārds", "Uzvārds", "E-pasts", "Valoda"]


def xlsx_file(tmp_path, name, rows) -> str:
    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return str(path)


@pytest.fixture
def setup(wagtail_root, course, make_user):
    from courses.factories import CourseRunFactory
    from organisations.factories import OrganisationFactory

    coordinator = make_user(username="koordinatore", email="k@example.lv",
                            preferred_language="en", password="a-long-test-password")
    run = CourseRunFactory(course=course, title="Rīga, rudens, latviski", capacity=10)
    organisation = OrganisationFactory(name="Drošā māja", slug="drosa-maja-e2e",
                                       coordinators=[coordinator], runs=[run])
    return {"organisation": organisation, "run": run}


@pytest.fixture
def browser_page(monkeypatch):
    # Only for this test: a leaked variable would fail the deploy check of later tests.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("KOPA_CHROMIUM", "/usr/bin/chromium"),
            args=["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        context = browser.new_context(viewport={"width": 360, "height": 800},
                                      accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        context.close()
        browser.close()


def test_coordinator_fixes_a_bad_row_imports_and_prints_login_cards(
        live_server, setup, browser_page, tmp_path):
    from courses.models import Enrollment

    page = browser_page
    ARTIFACTS.mkdir(exist_ok=True)
    organisation, run = setup["organisation"], setup["run"]
    people = [["Ģirts", "Šņoriņš", "", "lv"], ["Олена", "Коваленко", "", "uk"],
              ["مریم", "احمدی", "", "en"]]
    bad = xlsx_file(tmp_path, "dalibnieki.xlsx", [*people, ["Jānis", "Kalns", "janis@", "lv"]])
    fixed = xlsx_file(tmp_path, "dalibnieki-labots.xlsx",
                      [*people, ["Jānis", "Kalns", "janis@example.lv", "lv"]])

    page.goto(f"{live_server.url}/en/accounts/sign-in/")
    page.get_by_label("Username or e-mail").fill("koordinatore")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/en/organisations/{organisation.pk}/import/?run={run.pk}")
    page.get_by_label("File (CSV or XLSX)").set_input_files(bad)
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_selector("#import-summary")
    assert "“janis@” is not an e-mail address." in page.locator("tr.row-error").inner_text()
    assert "1 with errors" in page.locator("#import-summary").inner_text()
    page.screenshot(path=str(ARTIFACTS / "coordinator-import-error.png"), full_page=True)
    assert not Enrollment.objects.filter(run=run).exists()

    page.get_by_role("link", name="Upload a corrected file").click()
    page.get_by_label("File (CSV or XLSX)").set_input_files(fixed)
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_selector("#commit")
    assert "0 with errors" in page.locator("#import-summary").inner_text()
    assert "Коваленко" in page.content() and "احمدی" in page.content()
    page.locator("#commit").click()
    page.wait_for_selector("#import-result")
    assert "Imported: 4 people" in page.locator("#import-result").inner_text()
    assert Enrollment.objects.filter(run=run, method="import").count() == 4
    page.screenshot(path=str(ARTIFACTS / "coordinator-import-done.png"), full_page=True)

    form = page.locator("#print-cards").locator("xpath=ancestor::form")
    action = form.get_attribute("action")
    token = form.locator("input[name=csrfmiddlewaretoken]").get_attribute("value")
    with page.expect_response(lambda r: "login-cards" in r.url) as info:
        page.locator("#print-cards").click()
    assert info.value.status == 200
    assert info.value.headers["content-type"] == "application/pdf"
    # Chromium shows the PDF in its viewer; fetch the same sheet again to read it.
    pdf = page.context.request.post(f"{live_server.url}{action}",
                                    form={"csrfmiddlewaretoken": token},
                                    headers={"Referer": page.url})
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text()
    assert "Šņoriņš" in text and "Коваленко" in text
    (ARTIFACTS / "login-cards.pdf").write_bytes(pdf.body())
