"""Issue 12, item 1: completion, progress and outlines read one tree, the course's original.

A course translated into English, Russian and Ukrainian gets a required lesson that exists
only in Latvian. In every interface language a learner sees every item completion needs
(the translation where there is one, the Latvian original otherwise, marked), ticks what
their outline shows through the pages they use, and completes the course; the course
page, the module page, /my/, the API and the lesson pager agree on the items and the
counts, and the editor is warned about the missing translation."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Locale

from courses.demo import translate
from courses.factories import CourseRunFactory, EnrollmentFactory, add_module
from courses.models import Enrollment
from courses.selectors.outline import course_outline
from courses.services import check_completion
from lessons.factories import add_lesson
from lessons.selectors import evaluate_lessons
from quizzes.factories import TrueFalseFactory, add_quiz
from quizzes.selectors import evaluate_quizzes_passed
from quizzes.services import save_answers, start_attempt, submit_attempt

pytestmark = pytest.mark.django_db

LANGUAGES = ("lv", "en", "ru", "uk")
TITLES = {  # per page: its title in en, ru, uk
    "course": ("Integration course", "Интеграционный курс", "Інтеграційний курс"),
    "state": ("The Latvian state", "Латвийское государство", "Латвійська держава"),
    "satversme": ("The Constitution", "Конституция", "Конституція"),
    "saeima": ("The parliament", "Парламент", "Парламент"),
    "history": ("History", "История", "Історія"),
    "1918": ("The year 1918", "1918 год", "1918 рік"),
    "quiz": ("Final test", "Итоговый тест", "Підсумковий тест"),
}
UNTRANSLATED = "Jaunā nodarbība"
MARK = {"en": "(not translated: Latvian)", "ru": "(не переведено: Латышский)",
        "uk": "(не перекладено: Латиська)"}
REQUIRED_LESSONS = 4  # Satversme, Saeima, the new one, 1918 (the optional one is not)


def prefix(language: str) -> str:
    return "" if language == "lv" else f"/{language}"


@pytest.fixture
def world(home_page, course_index, course):
    """The course in four languages, then a required lesson added to the original only."""
    state = add_module(course, title="Latvijas valsts", slug="latvijas-valsts")
    satversme = add_lesson(state, title="Satversme", slug="satversme")
    saeima = add_lesson(state, title="Saeima", slug="saeima")
    history = add_module(course, title="Vēsture", slug="vesture")
    year = add_lesson(history, title="1918. gads", slug="1918")
    optional = add_lesson(history, title="Papildus", slug="papildus",
                          required_for_completion=False)
    quiz = add_quiz(history, title="Noslēguma tests", slug="tests",
                    questions=[TrueFalseFactory()])
    pages = {"course": course, "state": state, "satversme": satversme, "saeima": saeima,
             "history": history, "1918": year, "quiz": quiz}
    for index, language in enumerate(("en", "ru", "uk")):
        locale = Locale.objects.get(language_code=language)
        translate(home_page, locale, title="Kopā")
        translate(course_index, locale, title="Courses")
        for key, page in pages.items():  # parents first: dicts keep their order
            translate(page, locale, title=TITLES[key][index])
        translate(optional, locale, title=f"Extra ({language})")
    new = add_lesson(state, title=UNTRANSLATED, slug="jauna")
    return {**pages, "new": new, "optional": optional}


class Links(HTMLParser):
    """The links of the outline: its modules (headings `id="module-…"`), its items
    (`<ol class="outline">`), and the pager (`rel`)."""

    def __init__(self) -> None:
        super().__init__()
        self.outline: list[dict] = []
        self.modules: list[dict] = []
        self.pager: dict[str, dict] = {}
        self._in_outline = False
        self._in_module = False
        self._link: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ol" and "outline" in (attrs.get("class") or ""):
            self._in_outline = True
        elif tag in ("h2", "h3") and (attrs.get("id") or "").startswith("module-"):
            self._in_module = True
        elif tag == "a":
            self._link = {"href": attrs["href"], "lang": attrs.get("lang"), "text": "",
                          "rel": attrs.get("rel")}
        elif tag == "span" and self._link is not None and attrs.get("lang"):
            self._link["lang"] = attrs["lang"]

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data

    def handle_endtag(self, tag):
        if tag == "ol":
            self._in_outline = False
        elif tag in ("h2", "h3"):
            self._in_module = False
        elif tag == "a" and self._link is not None:
            if self._in_outline:
                self.outline.append(self._link)
            elif self._in_module:
                self.modules.append(self._link)
            if self._link["rel"]:
                self.pager[self._link["rel"]] = self._link
            self._link = None


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def title_in(language: str, key: str) -> str:
    latvian = {"satversme": "Satversme", "saeima": "Saeima", "1918": "1918. gads",
               "quiz": "Noslēguma tests", "state": "Latvijas valsts", "history": "Vēsture"}
    return latvian[key] if language == "lv" else TITLES[key][LANGUAGES.index(language) - 1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_learner_completes_the_course_in_every_interface_language(
        client, world, make_user, language, django_capture_on_commit_callbacks):
    course = world["course"]
    learner = make_user(username=f"learner-{language}", preferred_language=language)
    enrollment = EnrollmentFactory(run=CourseRunFactory(course=course), user=learner)
    client.force_login(learner)
    base = f"{prefix(language)}/courses/integracijas-kurss/"

    # The course page: every item, in tree order, the new lesson marked where untranslated.
    html = get(client, base).content.decode()
    found = links(html)
    outline = found.outline
    assert [link["text"].strip() for link in found.modules] == [
        title_in(language, "state"), title_in(language, "history")]
    titles = [link["text"].strip() for link in outline]
    expected = [title_in(language, "satversme"), title_in(language, "saeima"), UNTRANSLATED,
                title_in(language, "1918")]
    assert titles[:4] == expected and titles[5] == title_in(language, "quiz"), titles
    new_link = outline[2]
    if language == "lv":
        assert new_link["lang"] is None and "untranslated" not in html
        assert new_link["href"] == world["new"].url
    else:
        assert new_link["lang"] == "lv"
        assert new_link["href"] == f"/{language}{world['new'].url}"
        assert html.count('class="muted untranslated"') == 1  # the new lesson only
        assert html.count(MARK[language]) == 1
    assert f'id="course-progress" class="progress" max="{REQUIRED_LESSONS}" value="0"' in html

    # Counts agree with what completion requires.
    outline_now = course_outline(course=course, user=learner, language=language)
    assert outline_now.total == REQUIRED_LESSONS
    assert evaluate_lessons(enrollment).detail.endswith(str(REQUIRED_LESSONS))
    required = [item for item in outline_now.items if item.required]
    assert {item.original.pk for item in required} == {
        world[key].pk for key in ("satversme", "saeima", "new", "1918", "quiz")}

    # The module page shows the same items of its module.
    module_html = get(client, found.modules[0]["href"]).content.decode()
    assert [link["text"].strip() for link in links(module_html).outline] == expected[:3]
    assert f'max="{REQUIRED_LESSONS - 1}" value="0"' in module_html  # 3 required in it
    assert (MARK[language] in module_html) if language != "lv" else (
        "untranslated" not in module_html)

    # The API outline agrees, each item with the language it is shown in.
    api = client.get(f"/api/v1/courses/{course.pk}?lang={language}").json()
    api_items = [item for module in api["modules"] for item in module["items"]]
    assert [item["url"] for item in api_items] == [link["href"] for link in outline]
    assert [module["url"] for module in api["modules"]] == [
        link["href"] for link in found.modules]
    assert api_items[2]["title"] == UNTRANSLATED and api_items[2]["language"] == "lv"
    assert {item["language"] for item in api_items if item["title"] != UNTRANSLATED} == {
        language}
    assert api["progress"]["total"] == REQUIRED_LESSONS and api["progress"]["done"] == 0

    # The pager walks through the untranslated lesson.
    saeima_links = links(get(client, outline[1]["href"]).content.decode()).pager
    assert saeima_links["next"]["href"] == new_link["href"]
    new_html = get(client, new_link["href"]).content.decode()
    new_pager = links(new_html).pager
    assert new_pager["prev"]["href"] == outline[1]["href"]
    assert new_pager["next"]["href"] == outline[3]["href"]
    if language != "lv":
        assert '<h1 id="lesson-title" lang="lv">' in new_html
        assert MARK[language] in new_html
        assert saeima_links["next"]["lang"] == "lv"

    # Tick every item the outline shows, as the learner does.
    for link in outline:
        response = get(client, link["href"])
        page = response.context["page"]
        kind = page._meta.model_name
        with django_capture_on_commit_callbacks(execute=True):
            if kind == "lessonpage":
                action = re.search(r'action="([^"]+)" data-complete-form',
                                   response.content.decode()).group(1)
                assert client.post(action, {"next": link["href"]}).status_code == 302
            elif kind == "quizpage":
                attempt = start_attempt(quiz=page, user=learner)
                save_answers(attempt=attempt, responses={1: {"value": True}})
                submit_attempt(attempt_id=attempt.pk)

    enrollment.refresh_from_db()
    assert enrollment.state == Enrollment.State.COMPLETED
    assert check_completion(enrollment_id=enrollment.pk) is True
    assert evaluate_quizzes_passed(enrollment).met

    # Afterwards every interface says so.
    html = get(client, base).content.decode()
    assert (f'id="course-progress" class="progress" max="{REQUIRED_LESSONS}" '
            f'value="{REQUIRED_LESSONS}"') in html
    api = client.get(f"/api/v1/courses/{course.pk}?lang={language}").json()
    assert api["progress"]["done"] == api["progress"]["total"] == REQUIRED_LESSONS
    assert api["progress"]["next"] is None
    my_page = get(client, f"{prefix(language)}/my/").content.decode()
    assert f'max="{REQUIRED_LESSONS}" value="{REQUIRED_LESSONS}"' in my_page


def test_progress_of_an_item_counts_whichever_translation_was_done(client, world, learner):
    """Done in Latvian, shown done in English; done in Russian, shown done in Latvian."""
    from lessons.services import mark_lesson_done

    mark_lesson_done(user=learner, lesson=world["satversme"])
    mark_lesson_done(user=learner, lesson=world["saeima"].get_translation(
        Locale.objects.get(language_code="ru")).specific)
    for language in LANGUAGES:
        outline = course_outline(course=world["course"], user=learner, language=language)
        assert outline.done_count == 2 and outline.total == REQUIRED_LESSONS
        assert outline.next_item.original.pk == world["new"].pk


def test_editors_are_warned_of_a_required_item_without_a_translation(client, world, staff):
    from wagtail.users.models import UserProfile

    manager = staff("manager1", "Managers")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"  # the admin's language, for the wording below
    profile.save()
    client.force_login(manager)
    english = world["course"].get_translation(Locale.objects.get(language_code="en"))
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Required items without a translation — English: Jaunā nodarbība." in html
    # The original lists every language that lacks it; the other module has no warning.
    html = client.get(f"/admin/pages/{world['course'].pk}/edit/").content.decode()
    for name in ("English", "Russian", "Ukrainian"):
        assert f"without a translation — {name}: Jaunā nodarbība." in html
    html = client.get(f"/admin/pages/{world['state'].pk}/edit/").content.decode()
    assert "without a translation — English: Jaunā nodarbība." in html
    html = client.get(f"/admin/pages/{world['history'].pk}/edit/").content.decode()
    assert "without a translation" not in html
    # Translated: the warning goes for that language.
    translate(world["new"], Locale.objects.get(language_code="en"), title="New lesson")
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "without a translation" not in html
    html = client.get(f"/admin/pages/{world['course'].pk}/edit/").content.decode()
    assert "— English:" not in html and "— Russian: Jaunā nodarbība." in html


def test_the_warning_is_in_the_editors_language(client, world, staff):
    from wagtail.users.models import UserProfile

    manager = staff("manager1", "Managers")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(manager)
    english = world["course"].get_translation(Locale.objects.get(language_code="en"))
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Обязательные элементы без перевода — Английский: Jaunā nodarbība." in html
