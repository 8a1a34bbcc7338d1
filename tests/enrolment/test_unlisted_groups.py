"""An unlisted group answers those who may not see it exactly as a missing group does:
404, and nothing of it on the page or in the JSON."""

import pytest

from attendance.factories import ClassSessionFactory
from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment

pytestmark = pytest.mark.django_db

MISSING = 999999


@pytest.fixture
def hidden(course):
    return CourseRunFactory(course=course, title="Slēgtā grupa Valmierā", is_public=False)


@pytest.fixture
def stranger(client, learner):
    client.force_login(learner)
    return client


def test_the_group_page_and_enrol_form_answer_404_as_for_a_missing_group(stranger, hidden,
                                                                         learner):
    for path in (f"/groups/{hidden.pk}/", f"/groups/{MISSING}/"):
        assert stranger.get(path).status_code == 404
    for run_id in (hidden.pk, MISSING):
        response = stranger.post(f"/groups/{run_id}/enrol/")
        assert response.status_code == 404
        assert hidden.title not in response.content.decode()
    assert not Enrollment.objects.filter(user=learner).exists()


def test_the_api_answers_404_as_for_a_missing_group(stranger, hidden):
    answers = [stranger.post(f"/api/v1/runs/{run_id}/enroll", content_type="application/json")
               for run_id in (hidden.pk, MISSING)]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].json() == answers[1].json()
    ClassSessionFactory(run=hidden)
    for path in ("sessions", "attendance"):
        answers = [stranger.get(f"/api/v1/runs/{run_id}/{path}") for run_id in (hidden.pk,
                                                                                MISSING)]
        assert [a.status_code for a in answers] == [404, 404], path
        assert answers[0].json() == answers[1].json()
        assert hidden.title not in answers[0].content.decode()


def test_people_of_the_unlisted_group_still_see_it(client, hidden, learner):
    EnrollmentFactory(run=hidden, user=learner)
    client.force_login(learner)
    assert client.get(f"/groups/{hidden.pk}/").status_code == 200
    assert client.get(f"/api/v1/runs/{hidden.pk}/sessions").status_code == 200
