"""The world the stored-XSS sweep looks at: every field a role can fill holds the payloads of
tests/e2e/xss_payloads.py, written by that field's real writer — the Wagtail admin's forms
for every question kind and every lesson block, the question import, the participant
import, and the services the site's own forms call (session topics, attendance notes,
grading comments, quiz answers, essays)."""

import datetime
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import unescape as xml_unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.e2e.xss_payloads import PAYLOADS, every_payload, has_controls, packed

PLAIN = [payload for payload in PAYLOADS if not has_controls(payload)]
DATA = __import__("pathlib").Path(__file__).resolve().parents[1] / "quizzes" / "data"


@dataclass
class World:
    fields: list[str] = field(default_factory=list)  # "where: field", each holding payloads
    refused: list[str] = field(default_factory=list)  # refused cleanly (with the reason)
    objects: dict = field(default_factory=dict)

    def filled(self, *names: str) -> None:
        self.fields.extend(names)


def chunk(limit: int, index: int, payloads=None) -> str:
    texts = packed(limit, payloads)
    return texts[index % len(texts)]


def as_rich_text(payloads=None) -> str:
    """What the admin's editor sends when a teacher types the payloads as text."""
    body = "".join(f"<p>{escape(payload)}</p>" for payload in payloads or PAYLOADS)
    return rich_text(body)


def listblock(values: list[dict]) -> dict:
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data[index] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data


def admin_post(client: Client, url: str, data: dict, what: str) -> None:
    response = client.post(url, data)
    if response.status_code != 302:
        form = (response.context or {}).get("form")
        raise AssertionError((what, response.status_code, form.errors if form else
                              response.content.decode()[-2000:]))


# -- questions, through the admin's snippet forms -----------------------------------------

def _common(index: int) -> dict:
    return {"name": chunk(200, index), "text": as_rich_text(), "default_mark": "1",
            "language": "", "general_feedback": as_rich_text()}


def _answers(kind: str) -> list:
    texts = packed(500)
    if kind == "numerical":
        return [("answer", {"value": str(28 + i), "tolerance": "0", "fraction": "1" if i == 0
                            else "0", "feedback": text}) for i, text in enumerate(texts)]
    return [("answer" if kind == "short_answer" else "choice",
             {"text": text, "fraction": "1" if i == 0 else "0", "feedback": texts[-1 - i]})
            for i, text in enumerate(texts)]


def question_forms() -> list[tuple[str, dict, str]]:
    """(model name, form data, fields) for every kind; kinds whose only payload fields are
    short (true/false feedback) get one question per chunk."""
    texts = packed(500)
    forms = [
        ("singlechoicequestion", {"choices": streamfield(_answers("choice"))},
         "choice text, choice feedback"),
        ("multiplechoicequestion", {"choices": streamfield(_answers("choice"))},
         "choice text, choice feedback"),
        ("shortanswerquestion", {"answers": streamfield(_answers("short_answer"))},
         "accepted answer, answer feedback"),
        ("numericalquestion", {"answers": streamfield(_answers("numerical"))},
         "numerical answer feedback"),
        ("matchingquestion", {"pairs": streamfield(
            [("pair", {"item": text, "answer": texts[-1 - i]}) for i, text in enumerate(texts)])},
         "pair item, pair answer"),
        ("orderingquestion", {"items": streamfield([("item", text) for text in texts])},
         "ordering item"),
        ("gapfillquestion", {"cloze_text": every_payload() + "\n{1:SHORTANSWER:=Rīga#Labi}"},
         "cloze text"),
        ("essayquestion", {"grader_info": every_payload(), "response_template": every_payload()},
         "grader information, response template"),
    ]
    forms += [("truefalsequestion", {"correct_answer": "on", "feedback_true": text,
                                     "feedback_false": texts[-1 - i]}, "true/false feedback")
              for i, text in enumerate(texts)]
    return forms


def add_questions(world: World, admin: Client) -> None:
    from quizzes.models import Question, QuestionCategory

    admin_post(admin, reverse("wagtailsnippets_quizzes_questioncategory:add"),
               {"name": chunk(200, 0), "info": every_payload()}, "category")
    category = QuestionCategory.objects.latest("pk")
    world.filled("admin form question category: name, description")
    for index, (model, extra, fields) in enumerate(question_forms()):
        data = nested_form_data({**_common(index), "category": category.pk, **extra})
        admin_post(admin, reverse(f"wagtailsnippets_quizzes_{model}:add"), data, model)
        world.filled(f"admin form {model}: name, text, general feedback, {fields}")
    world.objects["questions"] = list(Question.objects.order_by("pk"))


def moodle_file() -> bytes:
    """The project's Moodle XML sample with payloads added to every HTML text a learner
    sees (question text and feedback); gap fill text is left whole so its gaps parse."""
    xml = (DATA / "moodle_all_kinds.xml").read_text()
    counter = itertools.count(1)

    def add(match: re.Match) -> str:
        tag, attributes, body = match.group(1), match.group(2) or "", match.group(3)
        inner = body[9:-3] if body.startswith("<![CDATA[") else xml_unescape(body)
        if "{1:" in inner or "{#" in inner:
            return match.group(0)
        extra = every_payload() if tag == "questiontext" else chunk(400, next(counter))
        return f"<{tag}{attributes}><text>{xml_escape(inner + ' ' + extra)}</text>"

    return re.sub(r"<(questiontext|generalfeedback|feedback)( [^>]*)?>\s*<text>(.*?)</text>",
                  add, xml, flags=re.S).encode()


def import_questions(world: World, admin: Client) -> None:
    from quizzes.models import Question

    before = Question.objects.count()
    upload = SimpleUploadedFile("payloads.xml", moodle_file(), content_type="text/xml")
    admin_post(admin, reverse("quizzes_admin:import"), {"file": upload}, "question import")
    assert Question.objects.count() > before
    world.filled("Moodle XML import: question text, general feedback, answer feedback")


# -- a lesson of every block, through the admin's page form ------------------------------

def lesson_form(image_id: int, document_id: int) -> dict:
    texts = packed(200)
    body = [
        *[("heading", {"text": text, "level": "h2"}) for text in texts],
        ("text", as_rich_text()),
        ("image", {"image": image_id, "alt_text": chunk(250, 0), "caption": chunk(250, 1)}),
        ("vocabulary", {"title": texts[0], "items": listblock([
            {"term": t, "part_of_speech": "noun", "translation_en": t, "translation_ru": t,
             "translation_uk": t, "audio": ""} for t in packed(120)])}),
        ("dialogue", {"title": texts[-1], "lines": listblock([
            {"speaker": t, "line": every_payload(), "translation": chunk(300, i),
             "audio": ""} for i, t in enumerate(packed(60))])}),
        ("callout", {"kind": "tip", "text": as_rich_text()}),
        ("download", {"document": document_id, "description": texts[1]}),
        ("self_check", {"question": chunk(300, 0), "options": listblock([
            {"text": t, "correct": "on" if i == 0 else "", "feedback": chunk(300, i)}
            for i, t in enumerate(texts)]), "explanation": every_payload()}),
    ]
    return nested_form_data({
        "title": chunk(255, 0), "slug": "xss-lesson", "intro": as_rich_text(),
        "body": streamfield(body), "estimated_minutes": "10", "action-publish": "publish"})


def add_lesson(world: World, admin: Client, module) -> None:
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from lessons.models import LessonPage

    image = Image.objects.create(title=chunk(255, 2), file=get_test_image_file())
    document = Document.objects.create(title=chunk(255, 3),
                                       file=ContentFile(b"%PDF-1.4\n", name="x.pdf"))
    url = reverse("wagtailadmin_pages:add", args=["lessons", "lessonpage", module.pk])
    admin_post(admin, url, lesson_form(image.pk, document.pk), "lesson")
    world.objects["lesson"] = LessonPage.objects.get(slug="xss-lesson")
    world.filled("admin form lesson: title, intro, heading, text, image alt and caption, "
                 "vocabulary, dialogue, callout, download description, self-check",
                 "image title", "document title")


# -- people, groups, sessions, organisations ----------------------------------------------

def people(world: World, make_user, count: int) -> list:
    names = packed(150, PLAIN)
    users = [make_user(username=f"xss{i}", first_name=names[i % len(names)],
                       last_name=names[(i + 1) % len(names)]) for i in range(count)]
    refuses_controls(world, "name", lambda payload: make_user(username="refused",
                                                               first_name=payload))
    world.filled("person first name", "person last name")
    return users


def refuses_controls(world: World, what: str, write) -> None:
    """Payloads with control or bidi characters go into `what` only to be refused there
    (accounts.validators), with the user's message, and nothing stored."""
    from cms.errors import KopaError

    for payload in PAYLOADS:
        if has_controls(payload):
            try:
                write(payload)
            except KopaError as exc:
                world.refused.append(f"{what} {payload!r}: {exc.code}")
            else:
                raise AssertionError(f"{what} with control characters was stored: {payload!r}")


def sessions_and_marks(world: World, run, teacher, enrollments) -> None:
    from attendance.factories import ClassSessionFactory
    from attendance.services.marks import MarkInput, set_marks
    from attendance.services.schedule import update_session

    start = timezone.now() - datetime.timedelta(minutes=5)
    sessions = []
    for index, topic in enumerate(packed(200, PLAIN)):
        session = ClassSessionFactory(run=run, starts_at=start - datetime.timedelta(days=index),
                                      ends_at=start + datetime.timedelta(hours=1)
                                      - datetime.timedelta(days=index))
        sessions.append(update_session(session=session, by=teacher, topic=topic,
                                       place=chunk(255, index, PLAIN)))
    refuses_controls(world, "session topic", lambda payload: update_session(
        session=sessions[0], by=teacher, topic=payload))
    refuses_controls(world, "attendance note", lambda payload: set_marks(
        session_id=sessions[0].pk, by=teacher,
        marks=[MarkInput(enrollment_id=enrollments[0].pk, status="late", note=payload)]))
    notes = packed(255, PLAIN)
    set_marks(session_id=sessions[0].pk, by=teacher, marks=[
        MarkInput(enrollment_id=e.pk, status="late", note=notes[i % len(notes)])
        for i, e in enumerate(enrollments)])
    world.objects["sessions"] = sessions
    world.filled("session topic", "session place", "attendance note")


def organisations(world: World, coordinator, run, users) -> list:
    from organisations.factories import OrganisationFactory, ParticipantFactory

    orgs = [OrganisationFactory(name=name, slug=f"xss-{i}", coordinators=[coordinator],
                                runs=[run]) for i, name in enumerate(packed(200))]
    for user in users:
        ParticipantFactory(organisation=orgs[0], user=user)
    world.filled("organisation name")
    return orgs


def participant_import(world: World, coordinator_client: Client, organisation, run):
    """The coordinator's own file: payload names (and payloads in every other column) are
    read, checked and shown on the preview; rows are refused or kept, never run."""
    import csv
    import io

    from organisations.models import ParticipantImport

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["first name", "last name", "e-mail", "phone", "preferred language",
                     "country of citizenship", "region", "gender", "birth year"])
    for i, name in enumerate(packed(150, PLAIN)):
        writer.writerow([name, chunk(150, i + 1, PLAIN), f"{PLAIN[i]}@x", PLAIN[i][:30],
                         PLAIN[i][:10], PLAIN[i][:20], PLAIN[i][:20], PLAIN[i][:20], "19x"])
        writer.writerow([name, chunk(150, i + 2, PLAIN), "", "", "lv", "UA", "", "", ""])
    upload = SimpleUploadedFile("people.csv", buffer.getvalue().encode(), "text/csv")
    response = coordinator_client.post(
        reverse("organisations:import", args=[organisation.pk]),
        {"file": upload, "run": run.pk})
    assert response.status_code in (200, 302), response.content.decode()[-3000:]
    world.objects["import"] = ParticipantImport.objects.filter(
        organisation=organisation).latest("pk")
    world.filled("participant import (every column)")


def quiz_attempt(world: World, module, learner, teacher, questions):
    """The learner answers (essay and typed answers hold payloads); the teacher grades
    with a comment full of them."""
    from quizzes.factories import add_quiz
    from quizzes.services import save_answers, start_attempt, submit_attempt
    from quizzes.services.attempts import grade_answer

    everything = ["answer", "correctness", "marks", "feedback", "right_answer"]
    quiz = add_quiz(module, title=chunk(255, 4), slug="xss-quiz", questions=questions,
                    intro="".join(f"<p>{escape(p)}</p>" for p in PAYLOADS),
                    shuffle_choices=False, questions_per_page=50, attempts_allowed=3,
                    review_during=everything[:2] + everything[3:], review_after=everything)
    attempt = start_attempt(quiz=quiz, user=learner)
    answer(attempt)
    submitted = submit_attempt(attempt_id=attempt.pk)
    essay = submitted.answers.filter(spec__kind="essay").first()
    grade_answer(answer=essay, by=teacher, mark=Decimal("0.5"), comment=every_payload())
    second = start_attempt(quiz=quiz, user=learner)
    position = next(a.position for a in second.answers.all() if a.spec["kind"] == "essay")
    refuses_controls(world, "essay answer", lambda payload: save_answers(
        attempt=second, responses={position: {"text": payload}}))
    answer(second)
    world.objects.update(quiz=quiz, attempt=submitted, essay=essay, second=second)
    world.filled("quiz intro", "quiz title", "typed answer", "gap answer", "essay answer",
                 "grading comment")


def answer(attempt) -> None:
    from quizzes.services import save_answers
    from tests.quizzes.test_attempts import pick

    responses = {}
    for answer in attempt.answers.all():
        kind = answer.spec["kind"]
        first = pick(attempt, answer.position, 0) if kind.endswith("choice") else None
        responses[answer.position] = {
            "single_choice": {"choice": first}, "multiple_choice": {"choices": [first]},
            "true_false": {"value": True}, "short_answer": {"text": chunk(200, 0, PLAIN)},
            "numerical": {"text": "28"}, "gap_fill": {"gaps": {"0": chunk(200, 1, PLAIN)}},
            "essay": {"text": "\n".join(PLAIN)},
        }.get(kind)
    save_answers(attempt=attempt, responses={k: v for k, v in responses.items() if v})


def site_texts(world: World, admin: Client, site) -> None:
    """The site settings and the home page, through their admin forms: shown on every page
    (the footer) and on the home page."""
    url = reverse("wagtailsettings:edit", args=["cms", "sitesettings", site.pk])
    admin_post(admin, url, {"organisation_name": chunk(200, 17), "contact_email": "",
                            "contact_phone": chunk(32, 18), "funding_notice": every_payload()},
               "site settings")
    home = site.root_page
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    admin_post(admin, url, nested_form_data({
        "title": home.title, "slug": home.slug, "intro": chunk(300, 19),
        "body": as_rich_text(), "action-publish": "publish"}), "home page")
    world.filled("site settings: organisation name, phone, funding notice",
                 "home page: intro, body")


def withdrawn_and_revoked(world: World, teacher, boss, enrollment, certificate) -> None:
    from certificates.services import revoke_certificate
    from courses.services.enrolment import withdraw

    refuses_controls(world, "withdrawal reason", lambda payload: withdraw(
        enrollment=enrollment, by=teacher, reason=payload))
    withdraw(enrollment=enrollment, by=teacher, reason=chunk(255, 20, PLAIN))
    revoke_certificate(certificate=certificate, by=boss, reason=chunk(255, 21))
    world.filled("withdrawal reason", "certificate revocation reason")


def ungraded_essay(world: World, quiz, learner) -> None:
    """Another learner's submitted attempt, left for the grading queue."""
    from quizzes.services import start_attempt, submit_attempt

    attempt = start_attempt(quiz=quiz, user=learner)
    answer(attempt)
    submit_attempt(attempt_id=attempt.pk)
