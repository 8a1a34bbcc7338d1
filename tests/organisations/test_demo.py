"""The demo: groups of both demo courses, an organisation with a dozen people; twice."""

from accounts import demo as accounts_demo
from courses.factories import add_course
from courses.models import CourseRun, Enrollment
from organisations import demo
from organisations.models import Organisation, Participant


def test_demo_creates_groups_and_people_and_is_idempotent(course_index):
    add_course(course_index, title="Integrācijas kurss", slug="integracijas-kurss")
    add_course(course_index, title="Latviešu valoda A1", slug="latviesu-valoda-a1")
    context: dict = {}
    accounts_demo.load(context)
    for _round in range(2):
        demo.load(context)
    assert CourseRun.objects.count() == 4
    assert set(CourseRun.objects.values_list("language", flat=True)) == {"lv", "ru", "uk"}
    assert CourseRun.objects.filter(city="Liepāja", region="kurzeme").count() == 1
    organisation = Organisation.objects.get()
    assert list(organisation.coordinators.values_list("username", flat=True)) == [
        "coordinator"]
    assert Participant.objects.count() == 12
    assert Participant.objects.filter(user__email__isnull=True).count() >= 4
    assert Enrollment.objects.filter(user__memberships__organisation=organisation).count() == 12
    learner = context["users"]["learner"]
    assert Enrollment.objects.get(user=learner).run.language == "lv"
    teacher = context["users"]["teacher"]
    assert teacher.teaching_runs.count() == 4


def test_demo_without_the_courses_creates_no_groups(db, capsys):
    context: dict = {}
    accounts_demo.load(context)
    demo.load(context)
    assert not CourseRun.objects.exists()
    assert "no course 'integracijas-kurss'" in capsys.readouterr().out
