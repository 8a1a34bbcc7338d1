"""A course's outline, and the one tree that outlines, progress, completion and the lesson
pager all read.

A course is written in the default language (Latvian) and translated by copying its pages
into each language's tree. Those trees drift: a teacher adds a lesson to the original
before anyone translates it. So nothing walks a translation's tree. The course is its
original's tree (`original_courses`, `tree_q`) — its modules, lessons and quizzes in that
order — and each item is shown in the learner's language where a published translation
exists, else as the original, marked (`untranslated`) with the original's language. An
item is the same item in every translation by its `translation_key`, as quiz attempts and
lesson progress already count it.

Progress belongs to later apps (lessons done, quizzes passed). They plug into the outline
with `register_outline_source` from their AppConfig.ready(), as completion criteria do, so
this module never imports them."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeAlias
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Q
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from accounts.models import User
from courses.models import CoursePage, ModulePage
from courses.selectors.catalogue import visible_q

# Outlines are read for visitors too (no progress then).
AnyUser: TypeAlias = "User | AnonymousUser | None"

# --- the original tree ------------------------------------------------------------------


def outline_language(language: str | None = None) -> str:
    """The content language an outline is shown in: `language`, else the active one."""
    try:
        variant: str = get_supported_content_language_variant(
            language or translation.get_language() or settings.LANGUAGE_CODE)
        return variant
    except LookupError:
        return settings.LANGUAGE_CODE


def original_courses(courses: Iterable[Page]) -> dict[int, CoursePage]:
    """Each course (by pk, in whichever language it was given) and its original: the
    default-language version, or the course itself when it was written in one language
    only. One query."""
    courses = list(courses)
    if not courses:
        return {}
    originals = {page.translation_key: page for page in CoursePage.objects.filter(
        translation_key__in={course.translation_key for course in courses},
        locale__language_code=settings.LANGUAGE_CODE)
        .annotate(language_code=F("locale__language_code"))}
    return {course.pk: originals.get(course.translation_key, course) for course in courses}


def _language_of(page: Page) -> str:
    code = getattr(page, "language_code", None)
    return str(code if code is not None else page.locale.language_code)


def tree_q(courses: Iterable[Page], *, levels: Iterable[int]) -> Q:
    """Pages `levels` below these courses (1: modules, 2: lessons and quizzes; the tree is
    fenced, so the depth tells the kind). Give it originals."""
    condition = Q(pk__in=[])
    for course in courses:
        condition |= Q(path__startswith=course.path,
                       depth__in=[course.depth + level for level in levels])
    return condition


def required_keys_by_course(courses: Iterable[CoursePage], model: type[Page]
                            ) -> dict[int, set[UUID]]:
    """The translation keys of the `model` pages (lessons, quizzes) completion requires in
    each course's original tree — the tree its outline shows — whichever translation a
    group is attached to. Two queries for any number of courses."""
    courses = list(courses)
    keys: dict[int, set[UUID]] = {course.pk: set() for course in courses}
    originals = original_courses(courses) if courses else {}
    if not originals:
        return keys
    rows = (model.objects.filter(tree_q(originals.values(), levels=(2,)))
            .filter(visible_q(), required_for_completion=True)
            .values_list("path", "translation_key"))
    for path, key in rows:
        for course_pk, original in originals.items():
            if path.startswith(original.path):
                keys[course_pk].add(key)
    return keys


# --- progress sources -------------------------------------------------------------------

@dataclass
class ItemProgress:
    """What a later app knows about one page of a course for one learner."""

    done: bool = False
    minutes: int | None = None
    counts: bool = True  # whether it counts towards the learner's progress
    required: bool = False  # whether completing the course needs it


OutlineSource = Callable[[object, list[Page]], dict[int, ItemProgress]]
_outline_sources: dict[str, OutlineSource] = {}


def register_outline_source(key: str, source: OutlineSource) -> None:
    """`source(user, pages)` answers for the original pages of its own types, in a fixed
    number of queries; `user` may be anonymous or None. Done is by translation_key, so an
    item done in any language counts."""
    _outline_sources[key] = source


# --- the outline ------------------------------------------------------------------------

@dataclass
class Shown:
    """An original page as a learner of `language` sees it: `page` is its published
    translation, or the original itself (then `untranslated`)."""

    page: Page
    original: Page
    language: str  # the learner's
    page_language: str  # the shown page's (for `lang`)

    @property
    def untranslated(self) -> bool:
        return self.page_language != self.language

    @property
    def page_language_name(self) -> str:
        return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(self.page_language,
                                                                self.page_language))

    def url(self, request: HttpRequest | None = None) -> str | None:
        """The shown page's address in the learner's language: an original is reached
        under the language's prefix (`/en/...`), where routing serves it for lack of a
        translation, so the learner stays in their interface language."""
        url: str | None = self.page.get_url(request)
        if url and self.untranslated:
            with translation.override(settings.LANGUAGE_CODE):
                url = translate_url(url, self.language)
        return url


@dataclass
class OutlineItem(Shown):
    kind: str = ""
    progress: ItemProgress | None = None

    @property
    def done(self) -> bool:
        return bool(self.progress and self.progress.done)

    @property
    def minutes(self) -> int | None:
        return self.progress.minutes if self.progress else None

    @property
    def required(self) -> bool:
        return bool(self.progress and self.progress.required)

    @property
    def tracked(self) -> bool:
        return bool(self.progress and self.progress.counts)


@dataclass
class OutlineModule(Shown):
    items: list[OutlineItem] = field(default_factory=list)

    @property
    def tracked(self) -> list[OutlineItem]:
        return [item for item in self.items if item.tracked]

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.tracked if item.done)

    @property
    def total(self) -> int:
        return len(self.tracked)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0


@dataclass
class CourseOutline(Shown):
    """`page` (also `course`) is the course as shown; `original` the tree walked."""

    modules: list[OutlineModule] = field(default_factory=list)

    @property
    def course(self) -> Page:
        return self.page

    @property
    def items(self) -> list[OutlineItem]:
        return [item for module in self.modules for item in module.items]

    @property
    def done_count(self) -> int:
        return sum(module.done_count for module in self.modules)

    @property
    def total(self) -> int:
        return sum(module.total for module in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def next_item(self) -> OutlineItem | None:
        """The first thing in tree order not done yet."""
        for item in self.items:
            if item.tracked and not item.done:
                return item
        return None

    @property
    def minutes(self) -> int:
        return sum(item.minutes or 0 for item in self.items)

    def module_of(self, key: UUID) -> OutlineModule | None:
        """The module holding the item with this translation key (or the module itself)."""
        for module in self.modules:
            if module.original.translation_key == key or any(
                    item.original.translation_key == key for item in module.items):
                return module
        return None

    def item_of(self, key: UUID) -> OutlineItem | None:
        return next((item for item in self.items if item.original.translation_key == key),
                    None)


def course_outlines(*, courses: Iterable[Page], user: AnyUser, language: str | None = None
                    ) -> dict[int, CourseOutline]:
    """Modules and their lessons and quizzes of each course's original tree, in order,
    shown in `language` (default: the active one), with the learner's progress; keyed by
    the pk of the course as given. A fixed number of queries for any number of courses:
    the originals, their trees with the translations, and each source's own."""
    courses = list(courses)
    return _outlines(courses, original_courses(courses), user=user, language=language)


def _outlines(courses: list[Page], originals: dict[int, CoursePage], *, user: AnyUser,
              language: str | None) -> dict[int, CourseOutline]:
    if not courses:
        return {}
    language = outline_language(language)
    unique = list({original.pk: original for original in originals.values()}.values())
    tree = tree_q(unique, levels=(1, 2))
    wanted = tree
    if language != settings.LANGUAGE_CODE:
        # The translations come in the same query: the tree's pages and the courses.
        in_language = Q(locale__language_code=language)
        wanted = (tree | (in_language & Q(translation_key__in=Page.objects.filter(tree)
                                          .values("translation_key")))
                  | (in_language & Q(translation_key__in=[o.translation_key for o in unique])))
    rows = list(Page.objects.filter(wanted).filter(visible_q())
                .annotate(language_code=F("locale__language_code"))
                .select_related("content_type").order_by("path"))
    original_paths = tuple(original.path for original in unique)
    pages = [row for row in rows if row.path.startswith(original_paths)]
    shown: dict[UUID, Page] = {row.translation_key: row for row in rows
                               if not row.path.startswith(original_paths)}
    module_type = ModulePage._meta.model_name
    progress: dict[int, ItemProgress] = {}
    items = [page for page in pages if page.content_type.model != module_type]
    for source in _outline_sources.values():
        progress.update(source(user, items))

    def showing(original: Page) -> dict[str, Any]:
        translated = shown.get(original.translation_key)
        if translated is None:
            return {"page": original, "original": original, "language": language,
                    "page_language": _language_of(original)}
        return {"page": translated, "original": original, "language": language,
                "page_language": language}

    by_path = {original.path: CourseOutline(**showing(original)) for original in unique}
    steplen = Page.steplen
    modules: dict[str, OutlineModule] = {}
    for page in pages:
        parent_path = page.path[:-steplen]
        if parent_path in by_path:
            if page.content_type.model != module_type:
                continue
            module = OutlineModule(**showing(page))
            by_path[parent_path].modules.append(module)
            modules[page.path] = module
        elif parent_path in modules:
            modules[parent_path].items.append(OutlineItem(
                **showing(page), kind=page.content_type.model, progress=progress.get(page.pk)))
    return {course.pk: by_path[originals[course.pk].path] for course in courses}


def course_outline(*, course: Page, user: AnyUser, language: str | None = None
                   ) -> CourseOutline:
    return course_outlines(courses=[course], user=user, language=language)[course.pk]


def _ancestor_paths(page: Page) -> list[str]:
    return [page.path[:depth * Page.steplen] for depth in range(2, page.depth + 1)]


def course_of(page: Page) -> CoursePage | None:
    """The course a module, lesson or quiz belongs to, in the page's own tree (one query)."""
    found: CoursePage | None = CoursePage.objects.filter(
        path__in=_ancestor_paths(page)).first()
    return found


def outline_around(*, page: Page, user: AnyUser, language: str | None = None
                   ) -> CourseOutline | None:
    """The outline of the course a module, lesson or quiz belongs to (in whichever
    translation it is). The course and its original come in one query."""
    own = CoursePage.objects.filter(path__in=_ancestor_paths(page))
    found = list(CoursePage.objects.filter(
        Q(pk__in=own.values("pk"))
        | Q(translation_key__in=own.values("translation_key"),
            locale__language_code=settings.LANGUAGE_CODE))
        .annotate(language_code=F("locale__language_code")))
    course = next((c for c in found if page.path.startswith(c.path)), None)
    if course is None:
        return None
    original = next((c for c in found if c.language_code == settings.LANGUAGE_CODE), course)
    return _outlines([course], {course.pk: original}, user=user, language=language)[course.pk]


def untranslated_required(*, page: Page) -> dict[str, list[Page]]:
    """For editors: the required items of a course (or of one module) that learners of a
    language see untranslated, by language code. On the original, every language the
    course is translated into; on a translation, its own. A few queries per language."""
    course = page if isinstance(page, CoursePage) else course_of(page)
    if course is None:
        return {}
    language = _language_of(page)
    if language == settings.LANGUAGE_CODE:
        languages = sorted(set(Page.objects.filter(translation_key=course.translation_key)
                               .exclude(locale__language_code=settings.LANGUAGE_CODE)
                               .values_list("locale__language_code", flat=True)))
    else:
        languages = [language]
    missing: dict[str, list[Page]] = {}
    for code in languages:
        outline = course_outline(course=course, user=None, language=code)
        module = None if page.pk == course.pk else outline.module_of(page.translation_key)
        items = module.items if module is not None else outline.items
        untranslated = [item.original for item in items if item.required and item.untranslated]
        if untranslated:
            missing[code] = untranslated
    return missing
