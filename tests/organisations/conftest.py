import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import Workbook

from courses.factories import CourseRunFactory
from organisations.factories import OrganisationFactory


@pytest.fixture
def coordinator(make_user):
    user = make_user(username="olena", email="olena@example.lv")
    user.groups.add(Group.objects.get_or_create(name="Coordinators")[0])
    return user


@pytest.fixture
def organisation(coordinator, run):
    return OrganisationFactory(name="Biedrība “Drošā māja”", slug="drosa-maja",
                               coordinators=[coordinator], runs=[run])


@pytest.fixture
def other_coordinator(make_user):
    return make_user(username="pjotr", email="pjotr@example.lv")


@pytest.fixture
def other_organisation(other_coordinator, course):
    return OrganisationFactory(name="Cita biedrība", slug="cita",
                               coordinators=[other_coordinator],
                               runs=[CourseRunFactory(course=course, title="Cita grupa")])


HEADER = ["first name", "last name", "e-mail", "phone", "preferred language",
          "country of citizenship", "region", "gender", "birth year"]


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows, header=HEADER, encoding="utf-8", delimiter=",") -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
