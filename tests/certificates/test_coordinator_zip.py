"""A coordinator downloads their own people's certificates of a group as one ZIP; nobody
else's, and another organisation's coordinator gets nothing."""

import io
import zipfile

import pytest
from django.urls import reverse

from certificates.factories import CompletedEnrollmentFactory
from organisations.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organisations(run, make_user):
    ours_coordinator = make_user(username="coord-a", email="coord-a@example.lv")
    theirs_coordinator = make_user(username="coord-b", email="coord-b@example.lv")
    ours = OrganisationFactory(name="Drošā māja", coordinators=[ours_coordinator], runs=[run])
    theirs = OrganisationFactory(name="Cita biedrība", coordinators=[theirs_coordinator],
                                 runs=[run])
    return ours, theirs


def test_coordinator_gets_only_their_people(client, site, run, two_organisations, issue):
    ours, theirs = two_organisations
    our_person = ParticipantFactory(organisation=ours).user
    their_person = ParticipantFactory(organisation=theirs).user
    for user in (our_person, their_person):
        issue(CompletedEnrollmentFactory(run=run, user=user))

    client.force_login(ours.coordinators.get())
    url = reverse("certificates:organisation_run_zip", args=[ours.pk, run.pk])
    response = client.get(url)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(archive.namelist()) == 1
    assert response["Cache-Control"] == "private, no-store"


def test_another_organisations_coordinator_gets_404(client, site, run, two_organisations):
    ours, theirs = two_organisations
    client.force_login(theirs.coordinators.get())
    url = reverse("certificates:organisation_run_zip", args=[ours.pk, run.pk])
    assert client.get(url).status_code == 404


def test_the_coordinators_group_page_links_the_zip(client, site, run, two_organisations):
    ours, _theirs = two_organisations
    client.force_login(ours.coordinators.get())
    html = client.get(reverse("organisations:run", args=[ours.pk, run.pk])).content.decode()
    assert reverse("certificates:organisation_run_zip", args=[ours.pk, run.pk]) in html
