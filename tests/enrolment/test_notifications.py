"""E-mails about enrolment go out after commit, in the person's language, once."""

import pytest
from django.core import mail

from courses import services
from courses.factories import CourseRunFactory
from courses.models import Enrollment, EnrollmentEvent
from courses.tasks import send_enrolment_notices

SELF = Enrollment.Method.SELF


def test_enrolment_email_is_sent_after_commit_in_the_persons_language(
        run, make_user, django_capture_on_commit_callbacks):
    person = make_user(email="olena@example.lv", preferred_language="uk")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.enroll(user=person, run=run, by=person, method=SELF)
        assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@example.lv"]
    assert run.title in message.subject
    assert "Ви записані" in message.subject or "запис" in message.body.lower()


def test_promotion_and_withdrawal_send_emails(course, make_user,
                                              django_capture_on_commit_callbacks):
    run = CourseRunFactory(course=course, capacity=1)
    first = make_user(email="first@example.lv", preferred_language="en")
    second = make_user(email="second@example.lv", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        mine = services.enroll(user=first, run=run, by=first, method=SELF)
        services.enroll(user=second, run=run, by=second, method=SELF)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(enrollment=mine, by=first, reason="Found work")
    subjects = [(m.to[0], m.subject) for m in mail.outbox]
    assert subjects[0][0] == "first@example.lv" and "enrolled" in subjects[0][1]
    assert subjects[1][0] == "second@example.lv" and "waiting list" in subjects[1][1]
    assert ("first@example.lv", f"You have left the group: {run.title}") in subjects
    assert ("second@example.lv", f"A seat is free for you: {run.title}") in subjects
    assert "Found work" in next(m.body for m in mail.outbox if "left" in m.subject)


def test_people_without_email_get_no_mail_and_nothing_breaks(
        run, learner_without_email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enroll(user=learner_without_email, run=run, by=learner_without_email,
                        method=SELF)
    assert mail.outbox == []


def test_the_notice_task_is_safe_to_run_twice(run, learner,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enroll(user=learner, run=run, by=learner, method=SELF)
    event = EnrollmentEvent.objects.get()
    send_enrolment_notices(event_ids=[event.pk])
    send_enrolment_notices(event_ids=[event.pk])
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("language", ["lv", "ru", "en"])
def test_email_subject_is_translated(run, make_user, language,
                                     django_capture_on_commit_callbacks):
    person = make_user(email=f"p-{language}@example.lv", preferred_language=language)
    with django_capture_on_commit_callbacks(execute=True):
        services.enroll(user=person, run=run, by=person, method=SELF)
    expected = {"lv": "Jūs esat", "ru": "Вы записаны", "en": "You are enrolled"}[language]
    assert expected in mail.outbox[0].subject


@pytest.mark.django_db
def test_a_mail_server_that_is_down_loses_no_email(run, learner, settings):
    """The SMTP server refuses (a real connection to a closed port): the e-mail is not
    marked sent, and the next try (the task's retry) sends it once."""
    from courses.services.notices import send_enrolment_notices as send

    services.enroll(user=learner, run=run, by=learner, method=SELF)
    event = EnrollmentEvent.objects.get()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    with pytest.raises(OSError):
        send(event_ids=[event.pk])
    event.refresh_from_db()
    assert event.notified_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send(event_ids=[event.pk]) == 1
    assert send(event_ids=[event.pk]) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_email_names_the_course_in_the_persons_language(
        run, course, course_index, home_page, make_user, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from courses.demo import translate

    english = Locale.objects.get(language_code="en")
    translate(home_page, english, title="Kopā")
    translate(course_index, english, title="Courses")
    translate(course, english, title="Integration course")
    person = make_user(email="en@example.lv", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.enroll(user=person, run=run, by=person, method=SELF)
    assert "“Integration course”" in mail.outbox[-1].body
