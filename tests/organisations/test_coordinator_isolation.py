"""A coordinator sees and manages only their own organisation's people: every coordinator
page and endpoint answers 404 for another organisation, and lists never leak."""

import pytest
from django.test import Client

from courses.factories import EnrollmentFactory
from organisations.factories import ParticipantFactory
from tests.organisations.conftest import xlsx_bytes


@pytest.fixture
def world(organisation, other_organisation, run, make_user):
    """Organisation A (ours) and B (theirs), each with a person enrolled."""
    ours = ParticipantFactory(organisation=organisation, user=make_user(first_name="Mūsu"))
    theirs_run = other_organisation.runs.get()
    theirs = ParticipantFactory(organisation=other_organisation,
                                user=make_user(first_name="Svešais"))
    our_enrollment = EnrollmentFactory(run=run, user=ours.user)
    their_enrollment = EnrollmentFactory(run=theirs_run, user=theirs.user)
    from organisations import services

    their_import = services.preview_import(
        organisation=other_organisation, run=None, filename="b.xlsx",
        content=xlsx_bytes([("Slepens", "Cilvēks", "", "", "lv", "", "", "", "")]),
        by=other_organisation.coordinators.get())
    return {"A": organisation, "B": other_organisation, "their_run": theirs_run,
            "their_enrollment": their_enrollment, "our_enrollment": our_enrollment,
            "their_import": their_import, "theirs": theirs}


@pytest.fixture
def as_coordinator(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


def their_pages(w):
    b = w["B"].pk
    return [
        ("get", f"/organisations/{b}/"),
        ("get", f"/organisations/{b}/groups/{w['their_run'].pk}/"),
        ("post", f"/organisations/{b}/groups/{w['their_run'].pk}/"),
        ("post", f"/organisations/{b}/enrolments/{w['their_enrollment'].pk}/withdraw/"),
        ("get", f"/organisations/{b}/import/"),
        ("post", f"/organisations/{b}/import/"),
        ("get", f"/organisations/{b}/import/sample.csv"),
        ("get", f"/organisations/{b}/participants.xlsx"),
        ("get", f"/organisations/{b}/import/{w['their_import'].pk}/"),
        ("post", f"/organisations/{b}/import/{w['their_import'].pk}/"),
        ("post", f"/organisations/{b}/import/{w['their_import'].pk}/login-cards/"),
        ("post", f"/organisations/{b}/login-cards/"),
        # Our organisation, but their group, enrolment or import:
        ("get", f"/organisations/{w['A'].pk}/groups/{w['their_run'].pk}/"),
        ("post", f"/organisations/{w['A'].pk}/enrolments/{w['their_enrollment'].pk}/withdraw/"),
        ("get", f"/organisations/{w['A'].pk}/import/{w['their_import'].pk}/"),
        ("post", f"/teach/groups/{w['their_run'].pk}/login-cards/"),
    ]


def their_endpoints(w):
    b = w["B"].pk
    return [
        ("get", f"/api/v1/organisations/{b}/participants", None),
        ("get", f"/api/v1/organisations/{b}/runs", None),
        ("get", f"/api/v1/organisations/{b}/enrollments", None),
        ("post", f"/api/v1/organisations/{b}/enrollments",
         {"run_id": w["their_run"].pk, "user_ids": [w["theirs"].user_id]}),
        ("post", f"/api/v1/organisations/{b}/enrollments/{w['their_enrollment'].pk}/withdraw",
         {}),
        ("get", f"/api/v1/organisations/{b}/imports/{w['their_import'].pk}", None),
        ("post", f"/api/v1/organisations/{b}/imports/{w['their_import'].pk}/commit", {}),
        ("post", f"/api/v1/organisations/{w['A'].pk}/enrollments/"
                 f"{w['their_enrollment'].pk}/withdraw", {}),
        ("post", f"/api/v1/organisations/{w['A'].pk}/enrollments",
         {"run_id": w["their_run"].pk, "user_ids": [w["theirs"].user_id]}),
        ("post", f"/api/v1/organisations/{w['A'].pk}/enrollments",
         {"run_id": w["our_enrollment"].run_id, "user_ids": [w["theirs"].user_id]}),
        ("get", f"/api/v1/organisations/{w['A'].pk}/imports/{w['their_import'].pk}", None),
        ("post", f"/api/v1/enrollments/{w['their_enrollment'].pk}/withdraw", {}),
    ]


def test_every_coordinator_page_of_another_organisation_is_a_404(world, as_coordinator):
    for method, url in their_pages(world):
        response = getattr(as_coordinator, method)(url)
        assert response.status_code == 404, (method, url, response.status_code)
    world["their_enrollment"].refresh_from_db()
    assert world["their_enrollment"].state == "active"


def test_every_endpoint_of_another_organisation_is_refused(world, as_coordinator):
    for method, url, body in their_endpoints(world):
        if method == "get":
            response = as_coordinator.get(url)
        else:
            response = as_coordinator.post(url, body, content_type="application/json")
        assert response.status_code in (403, 404), (url, response.status_code)
        assert "code" in response.json()
    response = as_coordinator.post(
        f"/api/v1/organisations/{world['B'].pk}/imports",
        {"file": _upload(), "dry_run": "true"})
    assert response.status_code == 404
    world["their_enrollment"].refresh_from_db()
    assert world["their_enrollment"].state == "active"


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("x.xlsx", xlsx_bytes([("A", "B", "", "", "", "", "", "", "")]))


def test_lists_show_only_our_organisation(world, as_coordinator):
    orgs = as_coordinator.get("/api/v1/organisations").json()
    assert [o["id"] for o in orgs] == [world["A"].pk]
    people = as_coordinator.get(f"/api/v1/organisations/{world['A'].pk}/participants").json()
    assert [p["name"] for p in people] == [world["our_enrollment"].user.name]
    enrollments = as_coordinator.get(
        f"/api/v1/organisations/{world['A'].pk}/enrollments").json()
    assert [e["id"] for e in enrollments] == [world["our_enrollment"].pk]
    page = as_coordinator.get(f"/organisations/{world['A'].pk}/").content.decode()
    assert "Svešais" not in page and "Slepens" not in page and "Mūsu" in page
    assert as_coordinator.get("/organisations/").status_code == 302


def test_a_coordinator_does_not_see_other_groups_their_people_attend(
        world, as_coordinator, course):
    from courses.factories import CourseRunFactory

    elsewhere = CourseRunFactory(course=course, title="Privāta grupa")
    EnrollmentFactory(run=elsewhere, user=world["our_enrollment"].user)
    enrollments = as_coordinator.get(
        f"/api/v1/organisations/{world['A'].pk}/enrollments").json()
    assert {e["run_title"] for e in enrollments} == {world["our_enrollment"].run.title}


def test_a_learner_is_not_a_coordinator(world, make_user):
    client = Client()
    client.force_login(world["our_enrollment"].user)
    assert client.get("/organisations/").status_code == 404
    assert client.get(f"/organisations/{world['A'].pk}/").status_code == 404
    response = client.get(f"/api/v1/organisations/{world['A'].pk}/participants")
    assert response.status_code == 404
    assert client.get("/api/v1/organisations").json() == []


def test_our_coordinator_enrols_and_withdraws_our_people(world, as_coordinator, make_user,
                                                         run):
    newcomer = ParticipantFactory(organisation=world["A"], user=make_user())
    response = as_coordinator.post(
        f"/api/v1/organisations/{world['A'].pk}/enrollments",
        {"run_id": run.pk, "user_ids": [newcomer.user_id, world["our_enrollment"].user_id]},
        content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert [e["user_id"] for e in body["enrolled"]] == [newcomer.user_id]
    assert body["already_enrolled"] == [world["our_enrollment"].user_id]
    response = as_coordinator.post(
        f"/api/v1/organisations/{world['A'].pk}/enrollments/"
        f"{world['our_enrollment'].pk}/withdraw", {"reason": "Aizbrauca"},
        content_type="application/json")
    assert response.status_code == 200 and response.json()["state"] == "withdrawn"


def test_coordinator_pages_work_for_our_organisation(world, as_coordinator, run):
    a = world["A"].pk
    assert as_coordinator.get(f"/organisations/{a}/").status_code == 200
    assert as_coordinator.get(f"/organisations/{a}/groups/{run.pk}/").status_code == 200
    assert as_coordinator.get(f"/organisations/{a}/import/").status_code == 200
    assert as_coordinator.get(f"/organisations/{a}/import/sample.csv").status_code == 200


def test_coordinator_page_queries_do_not_grow_with_people(world, as_coordinator, make_user,
                                                          run, django_assert_max_num_queries):
    url = f"/organisations/{world['A'].pk}/groups/{run.pk}/"
    with django_assert_max_num_queries(40) as few:
        as_coordinator.get(url)
    for _ in range(10):
        person = ParticipantFactory(organisation=world["A"], user=make_user())
        EnrollmentFactory(run=run, user=person.user)
        ParticipantFactory(organisation=world["A"], user=make_user())
    with django_assert_max_num_queries(len(few.captured_queries)):
        as_coordinator.get(url)


def test_my_page_links_to_the_coordinators_organisation(world, as_coordinator):
    page = as_coordinator.get("/my/").content.decode()
    assert f"/organisations/{world['A'].pk}/" in page
    assert f"/organisations/{world['B'].pk}/" not in page


def test_importing_their_persons_e_mail_does_not_make_them_ours(world, coordinator):
    """B's participant has an e-mail and no password yet (imported people never do): A's
    coordinator importing that e-mail gets a new person of their own, not B's person, and
    so no login card to sign in as them; the check reads as for an unused address."""
    from organisations import services
    from organisations.models import LoginCode, Participant

    theirs = world["theirs"].user
    theirs.email = "svesais@example.lv"
    theirs.set_unusable_password()
    theirs.save()

    def check(email):
        return services.preview_import(
            organisation=world["A"], run=None, filename="a.xlsx",
            content=xlsx_bytes([("Svešais", "Cilvēks", email, "", "lv", "", "", "", "")]),
            by=coordinator)

    result = check("svesais@example.lv")
    unused = check("neviens@example.lv")
    assert result.summary == unused.summary
    assert ({k: v for k, v in result.rows[0].items() if k != "email"}
            == {k: v for k, v in unused.rows[0].items() if k != "email"})
    committed = services.commit_import(participant_import=result, by=coordinator,
                                       valid_only=True)
    assert committed.summary["created"] == 1
    assert not Participant.objects.filter(organisation=world["A"], user=theirs).exists()
    ours = Participant.objects.get(organisation=world["A"], source_import=committed).user
    assert ours != theirs and ours.email is None
    theirs.refresh_from_db()
    assert theirs.email == "svesais@example.lv"
    client = Client()
    client.force_login(coordinator)
    client.post(f"/organisations/{world['A'].pk}/login-cards/")
    assert not LoginCode.objects.filter(user=theirs).exists()


def test_import_check_api_reads_the_same_for_a_used_and_an_unused_address(world,
                                                                           coordinator):
    """Through the API too: the dry run of an address used outside the organisation and of
    one nobody uses answer the same, so the check cannot probe who is on the platform."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    theirs = world["theirs"].user
    theirs.email = "svesais@example.lv"
    theirs.save()
    client = Client()
    client.force_login(coordinator)

    def check(email):
        content = xlsx_bytes([("Svešais", "Cilvēks", email, "", "lv", "", "", "", "")])
        answer = client.post(f"/api/v1/organisations/{world['A'].pk}/imports", {
            "file": SimpleUploadedFile("a.xlsx", content), "dry_run": "true"})
        assert answer.status_code < 300, answer.content
        body = answer.json()
        for field in ("id", "created_at", "expires_at"):
            body.pop(field, None)
        for row in body.get("rows", []):
            row.pop("email", None)
        return body

    assert check("svesais@example.lv") == check("neviens@example.lv")
