import pytest
from django.contrib.auth.models import Group, Permission

from quizzes.factories import KIND_FACTORIES, add_quiz


@pytest.fixture
def every_kind(db):
    return {kind: factory() for kind, factory in KIND_FACTORIES.items()}


@pytest.fixture
def quiz(module, every_kind):
    return add_quiz(module, title="Tests", questions=[q for k, q in every_kind.items()
                                                      if k != "essay"],
                    shuffle_choices=False, questions_per_page=3)


@pytest.fixture
def quiz_with_essay(module, every_kind):
    return add_quiz(module, title="Eseja", questions=[every_kind["single_choice"],
                                                      every_kind["essay"]])


@pytest.fixture
def editor(client, teacher, site):
    """A client signed in as a teacher who may edit the question bank in the admin."""
    group, _created = Group.objects.get_or_create(name="Teachers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(content_type__app_label="quizzes"))
    teacher.groups.add(group)
    teacher.is_staff = True
    teacher.save()
    client.force_login(teacher)
    return client
