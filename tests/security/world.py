"""One world for the access matrix, built once per module: two organisations, one course
with two groups taught by two teachers (and a past group of the first teacher, where the
learner completed and has a certificate), two learners of one group and a learner of the
other organisation, a coordinator of each organisation, a manager; and one object of
every kind a URL needs (sessions, attempts, an answer to grade, an import, a calendar
feed, public and private lessons with their documents, a quiz)."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

ROLES = ("anonymous", "learner", "peer", "other_learner", "teacher", "other_teacher",
         "coordinator", "other_coordinator", "manager")

# Words that appear only in the learner's own records (their name, their essay): a denial
# shown to anyone else must not contain them.
SECRETS = ("Slepenā", "Mana eseja par Rīgu")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)  # role → session key (conftest.py)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _person(username: str, *, last_name: str, groups=(), staff: bool = False):
    from accounts.services import create_user

    user = create_user(username=username, email=f"{username}@example.lv", first_name="Anna",
                       last_name=last_name, password="a-long-test-password")
    if staff:
        user.is_staff = True
        user.save()
    user.groups.add(*groups)
    return type(user).objects.get(pk=user.pk)


def build() -> World:
    from wagtail.documents.models import Document
    from wagtail.models import PageViewRestriction

    from accounts.demo import ensure_groups
    from attendance.factories import ClassSessionFactory
    from attendance.models import CalendarFeed
    from certificates.factories import CertificateFactory
    from certificates.models import Certificate
    from certificates.services.issuing import pdf_name, store_pdf
    from cms import demo
    from courses.factories import (
        CourseRunFactory,
        EnrollmentFactory,
        add_course,
        add_module,
        course_index,
    )
    from courses.models import Enrollment
    from lessons.factories import add_lesson, sample_body
    from organisations import services as org_services
    from organisations.factories import OrganisationFactory, ParticipantFactory
    from quizzes.factories import EssayFactory, SingleChoiceFactory, add_quiz
    from quizzes.services import save_answers, start_attempt, submit_attempt
    from tests.organisations.conftest import xlsx_bytes

    context: dict = {}
    demo.load(context)
    home = context["site"].root_page.specific
    groups = ensure_groups()
    w = World()
    u = w.users
    u["learner"] = _person("learner-l", last_name="Slepenā")
    u["peer"] = _person("peer-p", last_name="Kaimiņa")
    u["other_learner"] = _person("other-o", last_name="Svešā")
    u["teacher"] = _person("teacher-a", last_name="Skolotāja", groups=[groups["Teachers"]],
                           staff=True)
    u["other_teacher"] = _person("teacher-b", last_name="Citaskolotāja",
                                 groups=[groups["Teachers"]], staff=True)
    u["coordinator"] = _person("coord-x", last_name="Koordinatore",
                               groups=[groups["Coordinators"]])
    u["other_coordinator"] = _person("coord-y", last_name="Citakoordinatore",
                                     groups=[groups["Coordinators"]])
    u["manager"] = _person("manager-m", last_name="Vadītāja", groups=[groups["Managers"]],
                           staff=True)
    o = w.objects

    index = course_index(home)
    course = add_course(index, title="Integrācijas kurss", slug="integracija",
                        kind="integration", academic_hours=28)
    module = add_module(course, title="Latvijas valsts", slug="valsts")
    public_doc = Document.objects.create(title="Satversme",
                                         file=ContentFile(b"%PDF-1.4\n", name="satversme.pdf"))
    private_doc = Document.objects.create(title="Iekšējs",
                                          file=ContentFile(b"%PDF-1.4\n", name="iekšējs.pdf"))
    body = [*sample_body(), ("download", {"document": public_doc, "description": "Teksts"})]
    lesson = add_lesson(module, title="Satversme", slug="satversme", body=body)
    private_module = add_module(course, title="Grupas telpa", slug="grupas-telpa")
    members = Group.objects.create(name="Grupas A dalībnieki")
    restriction = PageViewRestriction.objects.create(
        page=private_module, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    private_lesson = add_lesson(private_module, title="Iekšēja nodarbība", slug="iekseja",
                                body=[("download", {"document": private_doc,
                                                    "description": "Iekšējs"})])
    essay_question = EssayFactory()
    choice = SingleChoiceFactory()
    quiz = add_quiz(module, title="Tests", slug="tests", questions=[choice, essay_question])

    now = timezone.now()
    run_a = CourseRunFactory(course=course, title="Grupa A", teachers=[u["teacher"]],
                             starts_on=timezone.localdate() - datetime.timedelta(days=7))
    run_b = CourseRunFactory(course=course, title="Grupa B", teachers=[u["other_teacher"]],
                             starts_on=timezone.localdate() - datetime.timedelta(days=7))
    past_run = CourseRunFactory(course=course, title="Grupa A pavasarī",
                                teachers=[u["teacher"]],
                                starts_on=timezone.localdate() - datetime.timedelta(days=200))
    org_x = OrganisationFactory(name="Biedrība X", slug="x", coordinators=[u["coordinator"]],
                                runs=[run_a, past_run])
    org_y = OrganisationFactory(name="Biedrība Y", slug="y",
                                coordinators=[u["other_coordinator"]], runs=[run_b])
    for role, org in (("learner", org_x), ("peer", org_x), ("other_learner", org_y)):
        ParticipantFactory(organisation=org, user=u[role])
    members.user_set.add(u["learner"], u["peer"])
    enrol_l = EnrollmentFactory(run=run_a, user=u["learner"])
    enrol_p = EnrollmentFactory(run=run_a, user=u["peer"])
    enrol_o = EnrollmentFactory(run=run_b, user=u["other_learner"])
    completed = EnrollmentFactory(run=past_run, user=u["learner"],
                                  state=Enrollment.State.COMPLETED, completed_at=now)
    certificate = CertificateFactory(enrollment=completed)
    name = pdf_name(certificate, certificate.revision)
    store_pdf(name, b"%PDF-1.4\n")
    Certificate.objects.filter(pk=certificate.pk).update(
        state=Certificate.State.ISSUED, pdf=name, issued_at=now)
    certificate.refresh_from_db()

    session_a = ClassSessionFactory(run=run_a, topic="Nodarbība A",
                                    starts_at=now - datetime.timedelta(minutes=5),
                                    ends_at=now + datetime.timedelta(minutes=85))
    session_b = ClassSessionFactory(run=run_b, topic="Nodarbība B",
                                    starts_at=now - datetime.timedelta(minutes=5),
                                    ends_at=now + datetime.timedelta(minutes=85))

    done = start_attempt(quiz=quiz, user=u["learner"])
    essay_position = done.answers.get(question=essay_question).position
    save_answers(attempt=done, responses={essay_position: {"text": "Mana eseja par Rīgu"}})
    submit_attempt(attempt_id=done.pk)
    essay = done.answers.get(position=essay_position)
    open_attempt = start_attempt(quiz=quiz, user=u["learner"])

    import_x = org_services.preview_import(
        organisation=org_x, run=None, filename="x.xlsx", by=u["coordinator"],
        content=xlsx_bytes([("Jauna", "Persona", "", "", "lv", "", "", "", "")]))
    feed = CalendarFeed.objects.create(user=u["learner"])

    o.update(course=course, module=module, lesson=lesson, private_module=private_module,
             private_lesson=private_lesson, public_doc=public_doc, private_doc=private_doc,
             quiz=quiz, run_a=run_a, run_b=run_b, past_run=past_run, org_x=org_x, org_y=org_y,
             enrol_l=enrol_l, enrol_p=enrol_p, enrol_o=enrol_o, completed=completed,
             certificate=certificate, session_a=session_a, session_b=session_b,
             attempt=done, open_attempt=open_attempt, essay=essay, import_x=import_x,
             feed=feed, home=home, index=index, restriction=restriction)
    return w
