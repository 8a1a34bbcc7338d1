"""Script written into any HTML field of the question bank (text, choices, feedback, cloze
text) never reaches a learner's or a teacher's page as markup that runs: every such field
goes through cms.html's one sanitiser when it is shown."""

import re

import pytest
from django.urls import reverse

from quizzes.factories import (
    EssayFactory,
    GapFillFactory,
    MultipleChoiceFactory,
    SingleChoiceFactory,
    TrueFalseFactory,
    add_quiz,
    choices,
)
from quizzes.models import Attempt
from quizzes.models.pages import ALL_REVIEW

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<body onload="alert(1)">',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<input autofocus onfocus=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<p onclick="alert(1)">x</p>',
    "<img src=x onerror=alert(1)//",
    '"><script>alert(1)</script>',
    "<scr<script>ipt>alert(1)</script>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<video><source onerror="alert(1)"></video>',
    '<audio src=x onerror=alert(1)>',
    "<!--<img src=--><img src=x onerror=alert(1)//>",
]
# What must never appear in a page as markup: a script element, an event handler on any
# element, a javascript: URL in an attribute.
DANGER = re.compile(r"<script[\s>]|<[^>]+\son\w+\s*=|<[^>]+\s(?:href|src|action|data)\s*=\s*"
                    r"['\"]?\s*javascript:", re.IGNORECASE)


def questions_with(payload: str) -> list:
    return [
        SingleChoiceFactory(text=f"<p>Q {payload}</p>", general_feedback=payload,
                            choices=choices((f"Rīga {payload}", 1, payload), ("Tallina", 0))),
        MultipleChoiceFactory(text=payload, choices=choices((payload, 1, payload),
                                                            ("Cēsis", 0))),
        TrueFalseFactory(text=payload, feedback_true=payload, feedback_false=payload),
        GapFillFactory(text=payload, cloze_text=f"<p>{payload} Galvaspilsēta ir "
                       "{1:MULTICHOICE:=Rīga#" + payload + "~Tallina}</p>"),
        EssayFactory(text=payload),
    ]


def assert_inert(html: str, payload: str) -> None:
    page_scripts = re.findall(r"<script[^>]*>", html)
    # The page's own scripts are external files (src=/static/...), never inline content.
    for tag in page_scripts:
        assert "src=" in tag and "/static/" in tag, (payload, tag)
    body = re.sub(r"<script[^>]*src=[^>]*></script>", "", html)
    found = DANGER.search(body)
    assert found is None, (payload, body[max(0, found.start() - 80):found.end() + 80])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_html_field_stay_inert_on_the_quiz_and_its_review(
        client, module, enrollment, payload):
    quiz = add_quiz(module, title="Tests", questions=questions_with(payload),
                    shuffle_choices=False, questions_per_page=10)
    quiz.review_after = list(ALL_REVIEW)
    quiz.save()
    client.force_login(enrollment.user)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    assert page.status_code == 200
    assert_inert(page.content.decode(), payload)
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    review = client.get(reverse("quizzes:review", args=[attempt.pk]))
    assert review.status_code == 200
    assert_inert(review.content.decode(), payload)


def test_harmless_markup_and_the_cloze_paragraph_survive(client, module, enrollment):
    question = GapFillFactory(cloze_text="<p>Latvijas <strong>galvaspilsēta</strong> ir "
                              "{1:MULTICHOICE:=Rīga~Tallina} un upe ir {1:SHORTANSWER:=Daugava}"
                              ".</p>")
    quiz = add_quiz(module, title="Tests", questions=[question])
    client.force_login(enrollment.user)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    page = client.get(reverse("quizzes:attempt",
                              args=[Attempt.objects.get(quiz=quiz).pk])).content.decode()
    assert "<strong>galvaspilsēta</strong>" in page
    cloze = page[page.index('class="cloze"'):]
    # One paragraph around both gaps: the sanitiser saw the text as one document.
    assert cloze.index("<p>") < cloze.index("<select") < cloze.index('type="text"') < \
        cloze.index("</p>")


def test_the_import_uses_the_same_sanitiser():
    from cms.html import clean_html
    from quizzes.services.bank_import import clean_html as import_clean

    for payload in PAYLOADS:
        assert import_clean(payload) == (clean_html(payload) if "<" in payload else payload)
