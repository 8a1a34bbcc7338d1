"""Stored XSS: whatever a teacher puts into the shared question bank's HTML fields, through
the admin, an import or a model save, nothing of it runs on a learner's quiz page, review
page or the grading page; and rows stored before the cleaning (or frozen into attempts) are
cleaned again when shown."""

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from quizzes.factories import (
    EssayFactory,
    GapFillFactory,
    MultipleChoiceFactory,
    NumericalFactory,
    ShortAnswerFactory,
    SingleChoiceFactory,
    TrueFalseFactory,
    add_quiz,
    answers,
    choices,
)
from quizzes.models import AttemptAnswer, Question, SingleChoiceQuestion
from quizzes.services import save_answers, start_attempt, submit_attempt
from quizzes.services.bank import import_file
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)"/>',
    '<img/src="x"/onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<img src="jav&#x0A;ascript:alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<input autofocus onfocus=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<img src=x onerror=alert(1)',
    '<a href="javascript:alert(1)"',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<img src=x onerror=alert(1)>-->",
    '<video><source onerror="alert(1)"></video>',
    '<audio src=x onerror=alert(1)>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
]

# An attribute whose value runs something, as a browser would read it.
_RUNNABLE = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "svg", "style", "base", "meta"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"{tag}[{name}]")
            cleaned = re.sub(r"[\x00-\x20]", "", value or "")
            if name in ("href", "src", "action", "data") and _RUNNABLE.match(cleaned):
                self.problems.append(f"{tag}[{name}={value}]")


def assert_harmless_html(html: str) -> None:
    """No script element, no event handler attribute and no javascript: anywhere, by string
    and as a browser's parser reads it."""
    assert "<script" not in html.lower(), html
    assert "javascript:" not in html.lower(), html
    assert not re.search(r"<[^>]*[\s/]on\w+\s*=", html, re.IGNORECASE), html
    audit = _Audit()
    audit.feed(html)
    assert not audit.problems, (audit.problems, html)


def assert_harmless(page: str) -> None:
    """The page's own content (<main>; the layout around it has the site's own script)."""
    assert_harmless_html(page[page.index("<main"):page.index("</main>")])


def bank_with(payload: str) -> list[Question]:
    """Every kind with an HTML field a page shows, the payload in each of them, saved the way
    every writer saves (Question.save)."""
    text = f"<p>Kura pilsēta? {payload}</p>"
    return [
        SingleChoiceFactory(text=text, general_feedback=payload, choices=choices(
            (f"Rīga {payload}", 1, f"Pareizi {payload}"), ("Tallina", 0, payload))),
        MultipleChoiceFactory(text=text, choices=choices(
            (f"Liepāja {payload}", 0.5, payload), ("Cēsis", 0.5), ("Tartu", -0.5))),
        TrueFalseFactory(text=text, feedback_true=f"Jā {payload}", feedback_false=payload),
        ShortAnswerFactory(text=text, answers=answers(("grāmata", 1, f"Labi {payload}"))),
        NumericalFactory(text=text, answers=[("answer", {
            "value": Decimal(28), "tolerance": Decimal(0), "fraction": Decimal(1),
            "feedback": f"Labi {payload}"})]),
        GapFillFactory(text=text, cloze_text=(
            f"<p>{payload} Galvaspilsēta ir {{1:MULTICHOICE:=Rīga#Jā {payload}~Tallina}}, "
            f"{payload} es lasu {{1:SHORTANSWER:=grāmatu#{payload}}}.</p>")),
        EssayFactory(text=text),
    ]


def answer_everything(attempt) -> None:
    """Picks the entries whose feedback carries the payload, so the review shows it."""
    responses = {}
    for answer in attempt.answers.all():
        first = pick(attempt, answer.position, 0)
        responses[answer.position] = {
            "single_choice": {"choice": first}, "multiple_choice": {"choices": [first]},
            "true_false": {"value": True}, "short_answer": {"text": "grāmata"},
            "numerical": {"text": "28"}, "gap_fill": {"gaps": {"0": "Rīga", "1": "grāmatu"}},
            "essay": {"text": "Es esmu Anna."},
        }[answer.spec["kind"]]
    save_answers(attempt=attempt, responses=responses)


def rendered_pages(client, module, learner, questions) -> list[str]:
    quiz = add_quiz(module, questions=questions, shuffle_choices=False, questions_per_page=20,
                    review_during=["answer", "correctness", "feedback", "right_answer"],
                    review_after=["answer", "correctness", "marks", "feedback",
                                  "right_answer"])
    client.force_login(learner)
    attempt = start_attempt(quiz=quiz, user=learner)
    answer_everything(attempt)
    during = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    submit_attempt(attempt_id=attempt.pk)
    review = client.get(reverse("quizzes:review", args=[attempt.pk]))
    assert during.status_code == 200 and review.status_code == 200
    return [during.content.decode(), review.content.decode()]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_in_any_kind_runs_on_the_quiz_or_review_page(client, module, enrollment,
                                                                payload):
    questions = bank_with(payload)
    for question in Question.objects.all():
        spec = question.spec()
        assert_harmless_html(" ".join(str(value) for value in spec.values()))
    during, review = rendered_pages(client, module, enrollment.user, questions)
    for page in (during, review):
        assert_harmless(page)
    assert "Rīga" in during and "Pareizi" in review and "Labi" in review


@pytest.mark.parametrize("payload", PAYLOADS[:12])
def test_the_grading_page_shows_essay_text_harmlessly(client, module, enrollment, teacher,
                                                     payload):
    essay = EssayFactory(text=f"<p>Par sevi {payload}</p>")
    quiz = add_quiz(module, questions=[essay])
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    save_answers(attempt=attempt, responses={1: {"text": "Es esmu Anna."}})
    submit_attempt(attempt_id=attempt.pk)
    client.force_login(teacher)
    page = client.get(reverse("quizzes:grading")).content.decode()
    assert "Par sevi" in page
    assert_harmless(page)


def test_allowed_markup_survives_saving(client):
    question = SingleChoiceFactory(
        text='<p>Skat. <a href="https://lv.wikipedia.org/">Vikipēdija</a> un '
             '<img src="/media/quizzes/files/ab/karte.png" alt="karte" width="20"></p>'
             '<table><tr><td colspan="2">H<sub>2</sub>O</td></tr></table>',
        choices=choices(("<strong>Rīga</strong> &amp; <em>Jūrmala</em>", 1,
                         '<a href="mailto:skolotaja@example.lv">Raksti</a>'), ("R&D", 0)))
    question.refresh_from_db()
    assert 'href="https://lv.wikipedia.org/"' in question.text
    assert 'rel="noopener noreferrer"' in question.text
    assert 'src="/media/quizzes/files/ab/karte.png"' in question.text
    assert '<td colspan="2">H<sub>2</sub>O</td>' in question.text
    spec = question.spec()
    assert spec["choices"][0]["text"] == "<strong>Rīga</strong> &amp; <em>Jūrmala</em>"
    assert 'href="mailto:skolotaja@example.lv"' in spec["choices"][0]["feedback"]
    # Plain text is compared and shown as text: it is stored as written.
    assert spec["choices"][1]["text"] == "R&D"


def test_a_gap_fill_keeps_its_paragraph_around_the_gaps():
    question = GapFillFactory(cloze_text="<p onclick=alert(1)>Pilsēta: {1:SA:=Rīga}.</p>")
    assert question.cloze_text == "<p>Pilsēta: {1:SA:=Rīga}.</p>"
    assert question.grade({"gaps": {"0": "Rīga"}}) == 1


def test_a_gap_inside_an_attribute_cannot_open_the_attribute(client, module, enrollment):
    """Split at gaps, `<a title="{gap}"><script>…` would put our input markup inside the
    attribute and let the rest out; the text around the gaps is cleaned piece by piece then."""
    question = GapFillFactory(
        cloze_text='<p><a href="/x" title="{1:SA:=a}"><img src=x onerror=alert(1)>">x</a>'
                   " un {1:SA:=b}</p>")
    during, review = rendered_pages(client, module, enrollment.user, [question])
    for page in (during, review):
        assert_harmless(page)


def test_the_admin_form_saves_choices_and_feedback_cleaned(editor):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from quizzes.factories import category

    client = editor
    xss = '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>'
    data = nested_form_data({
        "category": category().pk, "name": "XSS", "text": rich_text("<p>Kura?</p>"),
        "default_mark": "1", "language": "lv", "shuffle_choices": "on",
        "general_feedback": rich_text("<p>Labi</p>"),
        "choices": streamfield([
            ("choice", {"text": f"Rīga {xss}", "fraction": "1", "feedback": xss}),
            ("choice", {"text": "Tallina", "fraction": "0", "feedback": ""})]),
    })
    response = client.post(reverse("wagtailsnippets_quizzes_singlechoicequestion:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    choice = SingleChoiceQuestion.objects.get(name="XSS").spec()["choices"][0]
    assert choice["text"].startswith("Rīga <img src=\"x\">")
    for part in (choice["text"], choice["feedback"]):
        assert "onerror" not in part and "javascript:" not in part


@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_an_imported_file_is_cleaned_the_same_way(payload):
    from tests.quizzes.test_moodle_formats import moodle

    escaped = payload.replace("]]>", "]]]]><![CDATA[>")
    content = moodle(
        '<question type="truefalse"><name><text>TF</text></name><questiontext format="html">'
        f"<text><![CDATA[Jā? {escaped}]]></text></questiontext><answer fraction=\"100\">"
        f"<text>true</text><feedback><text><![CDATA[{escaped}]]></text></feedback></answer>"
        '<answer fraction="0"><text>false</text></answer></question>')
    question = import_file(content=content, fmt="xml")[0]
    for html in (question.text, question.feedback_true):
        assert_harmless_html(html)


def test_legacy_rows_and_frozen_attempts_are_cleaned_when_shown(client, module, enrollment):
    """Stored before the cleaning on save: written here past save() with update()."""
    xss = "<img src=x onerror=alert(1)><script>alert(1)</script>"
    questions = bank_with("")
    quiz = add_quiz(module, questions=questions, shuffle_choices=False, questions_per_page=20,
                    review_after=["answer", "correctness", "feedback", "right_answer"])
    Question.objects.update(text=f"<p>Vecs {xss}</p>", general_feedback=xss)
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    for answer in AttemptAnswer.objects.filter(attempt=attempt):
        spec, public = answer.spec, answer.public
        for entry in spec.get("choices", []):
            entry["text"] += xss
            entry["feedback"] += xss
        for entry in public.get("choices", []):
            entry["text"] += xss
        if spec["kind"] == "gap_fill":
            spec["segments"] = public["segments"] = [f"<p>{xss}", f"<b onclick=x>{xss}",
                                                     "</p>"]
        for key in ("feedback_true", "feedback_false"):
            if key in spec:
                spec[key] = xss
        AttemptAnswer.objects.filter(pk=answer.pk).update(spec=spec, public=public)
    answer_everything(attempt)
    client.force_login(enrollment.user)
    during = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    submit_attempt(attempt_id=attempt.pk)
    review = client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    for page in (during, review):
        assert "Vecs" in page
        assert_harmless(page)


def test_images_and_links_chosen_in_the_admin_editor_survive_saving(home_page):
    """Wagtail stores them as references (`<embed embedtype="image" id="…"/>`, `<a
    linktype="page" id="…">`) and expands them when the question is frozen."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Karte", file=get_test_image_file())
    question = SingleChoiceFactory(
        text=f'<p>Skat. <a linktype="page" id="{home_page.pk}">sākumu</a></p>'
             f'<embed embedtype="image" id="{image.pk}" format="left" alt="karte"/>')
    question.refresh_from_db()
    spec_text = question.spec()["text"]
    assert f'<embed embedtype="image" id="{image.pk}" format="left" alt="karte"/>' \
        in question.text
    assert '<img alt="karte"' in spec_text and "richtext-image left" in spec_text
    assert f'href="{home_page.url}"' in spec_text
    # And the expanded image is kept when shown.
    from cms.html import clean_html

    shown = clean_html(spec_text)
    assert 'class="richtext-image left"' in shown and 'src="/media/images/' in shown
