"""A client generated from the live OpenAPI schema by openapi-python-client (issue 12,
acceptance 5) makes the main calls of each role against the real API — through the real
WSGI application in this process — and reads every answer, errors included, as the
typed models the schema promised; an answer outside the schema would fail to parse."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from accounts.services import create_api_token
from cms.wsgi import application

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def kopa_client(tmp_path_factory):
    """The generated package, made now from the schema the API serves."""
    from cms.api import api

    folder = tmp_path_factory.mktemp("client")
    schema = folder / "openapi.json"
    schema.write_text(json.dumps(api.get_openapi_schema()))
    result = subprocess.run(
        [str(BIN / "openapi-python-client"), "generate", "--path", str(schema), "--meta",
         "none", "--output-path", str(folder / "kopa_client"), "--fail-on-warning"],
        capture_output=True, text=True, timeout=120, cwd=folder,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("kopa_client")
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.startswith("kopa_client")]:
            del sys.modules[name]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def as_role(kopa_client, world):
    def make(role: str):
        transport = {"transport": httpx.WSGITransport(app=application)}
        if role == "anonymous":
            return kopa_client.Client(base_url="http://testserver", httpx_args=transport)
        _token, key = create_api_token(user=world.users[role], name="generated client")
        return kopa_client.AuthenticatedClient(base_url="http://testserver", token=key,
                                               httpx_args=transport)
    return make


def call(module: str, client, *args, **kwargs):
    """`kopa_client.api.<module>.sync_detailed(...)`: the status and the parsed answer."""
    found = importlib.import_module(f"kopa_client.api.{module}")
    response = found.sync_detailed(*args, client=client, **kwargs)
    return response.status_code, response.parsed


def test_a_visitor_browses_the_catalogue_and_verifies_a_certificate(as_role, world,
                                                                    kopa_client):
    visitor = as_role("anonymous")
    status, courses = call("courses.courses_api_catalogue_list_courses", visitor)
    assert status == 200 and world.course.pk in [course.id for course in courses.items]
    status, course = call("courses.courses_api_catalogue_get_course", visitor,
                          world.course.pk)
    assert status == 200 and course.modules
    status, found = call("certificates.certificates_api_verify", visitor,
                         world.certificate.display_code)
    assert status == 200 and found.status
    status, error = call("certificates.certificates_api_verify", visitor, "KOPA-0000")
    assert status == 400 and isinstance(error, kopa_client.models.ErrorOut)
    status, error = call("accounts.accounts_api_get_me", visitor)
    assert status == 401 and error.code == "not_authenticated"


def test_a_learner_reads_their_own_and_takes_a_quiz(as_role, world, kopa_client):
    learner = as_role("learner")
    status, me = call("accounts.accounts_api_get_me", learner)
    assert status == 200 and me.username == world.users["learner"].username
    status, enrolments = call("enrolment.courses_api_enrolment_my_enrollments", learner)
    assert status == 200 and enrolments
    status, attempt = call("quizzes.quizzes_api_start_or_resume", learner, world.quiz.pk)
    assert status in (200, 201) and attempt.questions
    status, again = call("quizzes.quizzes_api_read_attempt", learner, attempt.id)
    assert status == 200 and again.id == attempt.id
    status, _mine = call("attendance.attendance_api_my_attendance", learner)
    assert status == 200
    status, _certificates = call("certificates.certificates_api_my_certificates", learner)
    assert status == 200


def test_a_teacher_follows_their_group(as_role, world):
    teacher = as_role("teacher")
    status, sessions = call("attendance.attendance_api_run_sessions", teacher,
                            world.run_a.pk)
    assert status == 200 and world.session_a.pk in [session.id for session in sessions]
    status, marks = call("attendance.attendance_api_get_marks", teacher, world.session_a.pk)
    assert status == 200 and isinstance(marks, list)
    status, error = call("attendance.attendance_api_get_marks", teacher, world.session_b.pk)
    assert status == 404 and error.code.endswith("not_found")


def test_a_coordinator_sees_their_organisation(as_role, world):
    coordinator = as_role("coordinator")
    status, organisations = call("organisations.organisations_api_list_organisations",
                                 coordinator)
    assert status == 200 and [o.id for o in organisations] == [world.org_x.pk]
    status, people = call("organisations.organisations_api_list_participants", coordinator,
                          world.org_x.pk)
    assert status == 200 and people


def test_a_manager_reads_the_funder_report(as_role):
    manager = as_role("manager")
    status, report = call("reports.reports_api_participation", manager)
    assert status == 200 and report.totals.participants >= 1
    status, error = call("reports.reports_api_participation", manager, starts="2026-02-30")
    assert status == 422 and error.code == "validation_error" and error.errors
