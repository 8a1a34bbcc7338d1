"""Free text that others read — a session's topic and place, a mark's note, a withdrawal
reason, an essay or a typed answer, an organisation's name — refuses invisible control and
direction-override characters on the way in (line breaks stay allowed where text runs
over lines), and is isolated where it is shown: `<bdi>`/`dir="auto"` on pages, Unicode
isolates in PDFs, where WeasyPrint does not apply `<bdi>`."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from accounts.validators import checked_text, text_control_characters
from attendance.factories import ClassSessionFactory
from attendance.models import ClassSession
from attendance.services import marks as mark_services
from attendance.services.schedule import generate_schedule, update_session
from cms.errors import KopaError
from courses.services.enrolment import withdraw
from organisations.models import Organisation
from quizzes.services.attempts import save_answers, start_attempt

pytestmark = pytest.mark.django_db
RLO, FSI, PDI = "\u202e", "\u2068", "\u2069"


@pytest.mark.parametrize("text", [f"Valoda{RLO}sgnirp", "a\u2066b", "a\x00b", "a\x1b[2Jb",
                                  "a\x0bb", "a\x85b"])
def test_control_and_override_characters_are_found_in_free_text(text):
    assert text_control_characters(text)
    with pytest.raises(KopaError) as refused:
        checked_text(text, field="topic")
    assert refused.value.code == "control_characters" and refused.value.status == 422
    assert refused.value.extra == {"field": "topic"}


@pytest.mark.parametrize("text", ["Pirmā rindiņa\nOtrā rindiņa\r\n\tatkāpe",
                                  "Es dzīvoju Rīgā. أنا أعيش في ريغا", "נועה \u200fכהן", ""])  # noqa: RUF001
def test_line_breaks_and_every_script_are_free_text(text):
    assert checked_text(text) == text


def test_a_session_topic_or_place_with_an_override_is_refused(run, teacher):
    session = ClassSessionFactory(run=run)
    with pytest.raises(KopaError) as refused:
        update_session(session=session, by=teacher, topic=f"Vēsture{RLO}")
    assert refused.value.extra["field"] == "topic"
    with pytest.raises(KopaError):
        update_session(session=session, by=teacher, place=f"Rīga{RLO}")
    with pytest.raises(KopaError):
        generate_schedule(run=run, by=teacher, first_day=datetime.date(2027, 3, 1),
                          weekdays=[0], start_time=datetime.time(18), duration_minutes=90,
                          count=2, topic=f"Valoda{RLO}")
    session.refresh_from_db()
    assert RLO not in session.topic + session.place
    assert ClassSession.objects.filter(run=run).count() == 1


def test_a_mark_note_with_an_override_is_refused_and_nothing_is_marked(run, teacher,
                                                                     enrollment):
    start = timezone.now() - datetime.timedelta(minutes=5)
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=90))
    with pytest.raises(KopaError):
        mark_services.set_marks(session_id=session.pk, by=teacher, marks=[
            mark_services.MarkInput(enrollment_id=enrollment.pk, status="present",
                                    note=f"slims{RLO}")])
    assert not session.marks.exists()


def test_a_withdrawal_reason_with_an_override_is_refused(enrollment, teacher):
    with pytest.raises(KopaError):
        withdraw(enrollment=enrollment, by=teacher, reason=f"atrada darbu{RLO}")
    enrollment.refresh_from_db()
    assert enrollment.state == "active"


def test_an_essay_with_an_override_is_refused_and_the_saved_one_kept(module, learner):
    from quizzes.factories import EssayFactory, add_quiz

    quiz = add_quiz(module, questions=[EssayFactory()])
    attempt = start_attempt(quiz=quiz, user=learner)
    saved = {"text": "Es dzīvoju Rīgā.\nTas ir labi."}
    save_answers(attempt=attempt, responses={1: saved})
    with translation.override("en"), pytest.raises(KopaError) as refused:
        save_answers(attempt=attempt, responses={1: {"text": f"Es dzīvoju{RLO} Rīgā."}})
    assert refused.value.code == "control_characters"
    assert "question 1" in str(refused.value.message)
    assert attempt.answers.get(position=1).response == saved


def test_an_organisation_name_with_an_override_is_refused():
    from django.core.exceptions import ValidationError

    organisation = Organisation(name=f"Biedrība{RLO}", slug="biedriba")
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert "name" in refused.value.message_dict


def render(source: str, **context) -> str:
    return Template("{% load kopa_html %}" + source).render(Context(context))


def test_names_in_pdfs_are_wrapped_in_unicode_isolates_and_still_escaped():
    assert render("{{ name|isolate }}", name="مریم <b>") == f"{FSI}مریم &lt;b&gt;{PDI}"
    assert render("{{ name|bdi }}", name="מרים") == "<bdi>מרים</bdi>"


def test_the_certificate_isolates_the_name(run, make_user,
                                           django_capture_on_commit_callbacks):
    from certificates.factories import CompletedEnrollmentFactory
    from certificates.rendering import render_html, render_pdf
    from certificates.services import issue_certificate

    completed = CompletedEnrollmentFactory(run=run, user=make_user(
        username="mariam", first_name="مریم", last_name="احمدی"))
    with django_capture_on_commit_callbacks(execute=True):
        certificate = issue_certificate(enrollment_id=completed.pk)
    html = render_html(certificate)
    assert f"{FSI}{certificate.holder_name}{PDI}" in html
    assert render_pdf(certificate).startswith(b"%PDF")


def test_a_topic_on_the_group_page_is_isolated(client, run, teacher):
    ClassSessionFactory(run=run, topic="تاريخ لاتفيا")
    client.force_login(teacher)
    from django.urls import reverse

    page = client.get(reverse("attendance:run", args=[run.pk])).content.decode()
    assert "<bdi>تاريخ لاتفيا</bdi>" in page
