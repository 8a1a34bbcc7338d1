"""Funder figures: participants, enrolments, completions, and academic hours offered and
attended, in total and by the dimensions funders ask for (course, region, city, language
of instruction, citizenship, gender, age). Everything is counted with GROUP BY in the
database: a fixed number of queries however many groups, people and marks there are."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from attendance.models import ClassSession
from attendance.selectors import hours
from attendance.selectors.hours import policies_for
from courses.models import CoursePage, CourseRun, Enrollment
from courses.models.choices import Region
from organisations.countries import country_name
from organisations.models import Gender, OrganisationRun, Participant

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise, WithAnnotations

ZERO = Decimal("0")
HOURS = DecimalField(max_digits=12, decimal_places=2)
# People who took a seat; the waiting list is not participation.
COUNTED_STATES = [Enrollment.State.ACTIVE, Enrollment.State.COMPLETED,
                  Enrollment.State.WITHDRAWN]
DIMENSIONS = {
    "course": gettext_lazy("Course"),
    "region": gettext_lazy("Region of the group"),
    "city": gettext_lazy("City"),
    "language": gettext_lazy("Language of instruction"),
    "citizenship": gettext_lazy("Citizenship"),
    "gender": gettext_lazy("Gender"),
    "age": gettext_lazy("Age"),
}
# Age bands are written with an en dash, as in print.
AGE_BANDS = [(0, 17, "0–17"), (18, 24, "18–24"), (25, 34, "25–34"),  # noqa: RUF001
             (35, 49, "35–49"), (50, 64, "50–64"), (65, 200, "65+")]  # noqa: RUF001


@dataclass(frozen=True)
class ReportFilter:
    starts: datetime.date | None = None  # groups still running on or after this day
    ends: datetime.date | None = None  # groups started on or before this day
    course_id: int | None = None
    region: str = ""
    language: str = ""
    # None: everyone (a manager); otherwise only these organisations' people.
    organisation_ids: tuple[int, ...] | None = None


@dataclass
class Line:
    key: str
    label: str
    participants: int = 0
    enrolments: int = 0
    completed: int = 0
    withdrawn: int = 0
    hours_offered: Decimal = ZERO  # participant-hours of the sessions held while enrolled
    hours_attended: Decimal = ZERO

    @property
    def attendance_percent(self) -> Decimal | None:
        if not self.hours_offered:
            return None
        return (self.hours_attended * 100 / self.hours_offered).quantize(Decimal("0.1"))

    @property
    def completion_percent(self) -> Decimal | None:
        if not self.enrolments:
            return None
        return (Decimal(self.completed) * 100 / self.enrolments).quantize(Decimal("0.1"))

    def add(self, other: "Line") -> None:
        self.participants += other.participants
        self.enrolments += other.enrolments
        self.completed += other.completed
        self.withdrawn += other.withdrawn
        self.hours_offered += other.hours_offered
        self.hours_attended += other.hours_attended


@dataclass
class Report:
    filter: ReportFilter
    totals: Line
    groups: int
    sessions_held: int
    hours_delivered: Decimal  # academic hours taught (each held session once)
    breakdowns: dict[str, list[Line]] = field(default_factory=dict)


def scoped_runs(report_filter: ReportFilter) -> QuerySet[CourseRun]:
    runs = CourseRun.objects.all()
    if report_filter.starts:
        runs = runs.filter(ends_on__gte=report_filter.starts)
    if report_filter.ends:
        runs = runs.filter(starts_on__lte=report_filter.ends)
    if report_filter.course_id:
        runs = runs.filter(course_id=report_filter.course_id)
    if report_filter.region:
        runs = runs.filter(region=report_filter.region)
    if report_filter.language:
        runs = runs.filter(language=report_filter.language)
    if report_filter.organisation_ids is not None:
        runs = runs.filter(Exists(OrganisationRun.objects.filter(
            run_id=OuterRef("pk"), organisation_id__in=report_filter.organisation_ids)))
    return runs


def scoped_enrollments(report_filter: ReportFilter) -> QuerySet[Enrollment]:
    enrollments = Enrollment.objects.filter(run__in=scoped_runs(report_filter),
                                            state__in=COUNTED_STATES)
    if report_filter.organisation_ids is not None:
        enrollments = enrollments.filter(Exists(Participant.objects.filter(
            user_id=OuterRef("user_id"),
            organisation_id__in=report_filter.organisation_ids)))
    return enrollments


def participant_fact(name: str, report_filter: ReportFilter) -> Subquery:
    """What an organisation recorded about the person (citizenship, gender, birth year):
    the first record that has it, of the coordinator's organisations where limited."""
    facts = Participant.objects.filter(user_id=OuterRef("user_id"))
    if report_filter.organisation_ids is not None:
        facts = facts.filter(organisation_id__in=report_filter.organisation_ids)
    facts = facts.exclude(**{f"{name}__isnull": True})
    if name != "birth_year":
        facts = facts.exclude(**{name: ""})
    return Subquery(facts.order_by("pk").values(name)[:1])


def with_hours(enrollments: QuerySet[Enrollment], *, now: datetime.datetime
               ) -> "QuerySet[WithAnnotations[Enrollment, hours.Figures]]":
    """Each enrolment's hours offered and attended, from the one hours engine (the roster,
    `/my/` and certificates read the same), under every course's own rules."""
    policies = policies_for(enrollments.values("run__course_id"))
    return hours.with_hours(enrollments, now=now, policies=policies,
                            only=("hours_offered", "hours_attended"))


FIGURES = {
    "enrolments": Count("pk"),
    "participants": Count("user_id", distinct=True),
    "completed": Count("pk", filter=Q(state=Enrollment.State.COMPLETED)),
    "withdrawn": Count("pk", filter=Q(state=Enrollment.State.WITHDRAWN)),
    # Not named as the annotations they add up (Django refuses an alias used twice).
    "attended": Sum("hours_attended"),
    "offered": Sum("hours_offered"),
}


def line_from(key: str, label: str, row: Mapping[str, Any]) -> Line:
    """A Line from a row of FIGURES (as `aggregate` or `values` give it)."""
    return Line(key=key, label=label, participants=row["participants"] or 0,
                enrolments=row["enrolments"] or 0, completed=row["completed"] or 0,
                withdrawn=row["withdrawn"] or 0,
                hours_offered=Decimal(row["offered"] or 0),
                hours_attended=Decimal(row["attended"] or 0))


def dimension_expression(name: str, report_filter: ReportFilter) -> Subquery | F:
    if name in ("citizenship", "gender"):
        return participant_fact(name, report_filter)
    if name == "age":
        return participant_fact("birth_year", report_filter)
    return F({"course": "run__course_id", "region": "run__region", "city": "run__city",
              "language": "run__language"}[name])


def age_band(birth_year: int | None, reference_year: int) -> str:
    if not birth_year:
        return ""
    age = reference_year - birth_year
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), "")


def labels_for(name: str, keys: list[int | str]) -> "dict[int | str, StrOrPromise | int]":
    """Each key's label: a course id, a birth year or a code (keys of no label are shown
    as they are)."""
    unknown = _("Not recorded")
    if name == "course":
        titles = dict(CoursePage.objects.filter(pk__in=[k for k in keys if k])
                      .values_list("pk", "title"))
        return {key: titles.get(key, unknown) for key in keys}
    if name == "region":
        return {key: Region(key).label if key in Region.values else unknown for key in keys}
    if name == "gender":
        return {key: Gender(key).label if key in Gender.values else unknown for key in keys}
    if name == "citizenship":
        return {key: country_name(str(key)) if key else unknown for key in keys}
    if name == "language":
        return {key: language_name(str(key)) if key else unknown for key in keys}
    return {key: key or unknown for key in keys}


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def breakdown(enrollments: QuerySet[Enrollment], name: str, report_filter: ReportFilter, *,
              reference_year: int) -> list[Line]:
    rows = list(enrollments.annotate(dimension=dimension_expression(name, report_filter))
                .values("dimension").annotate(**FIGURES).order_by())
    if name == "age":
        bands: dict[str, Line] = {}
        for row in rows:
            band = age_band(row["dimension"], reference_year)
            bands.setdefault(band, Line(key=band, label=band or _("Not recorded")))
            bands[band].add(line_from(band, band, row))
        order = [label for _low, _high, label in AGE_BANDS] + [""]
        return [bands[band] for band in order if band in bands]
    keys = [row["dimension"] or "" for row in rows]
    labels = labels_for(name, keys)
    lines = [line_from(str(key), str(labels[key]), row)
             for key, row in zip(keys, rows, strict=True)]
    # Largest groups first; "not recorded" last.
    return sorted(lines, key=lambda line: (not line.key, -line.participants, line.label))


def participation_report(report_filter: ReportFilter, *,
                         now: datetime.datetime | None = None) -> Report:
    now = now or timezone.now()
    scoped = scoped_enrollments(report_filter)
    enrollments = with_hours(scoped, now=now)
    totals = enrollments.aggregate(**FIGURES)
    run_ids = scoped.values("run_id")
    # Each held session once (the teachers' hours), by the same engine as the roster.
    sessions = hours.schedule_totals(ClassSession.objects.filter(run__in=run_ids), now=now)
    groups = run_ids.distinct().count()
    reference_year = (report_filter.ends or now.date()).year
    return Report(
        filter=report_filter,
        totals=line_from("", _("Total"), totals),
        groups=groups,
        sessions_held=sessions["sessions_held"],
        hours_delivered=Decimal(sessions["hours_held"]),
        breakdowns={name: breakdown(enrollments, name, report_filter,
                                    reference_year=reference_year)
                    for name in DIMENSIONS},
    )
