"""Participant import from a CSV or XLSX file: a dry run that checks every row and says
what is wrong with it, then a commit that imports all valid rows, or nothing unless every
row is valid, as the coordinator chooses. The number of queries does not grow with the
number of rows."""

import secrets
from dataclasses import dataclass
from typing import TypedDict

from anyascii import anyascii
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import USERNAME_ALPHABET, supported_language
from accounts.validators import refuse_control_characters
from cms.errors import Conflict
from courses import services as course_services
from courses.models import SEAT_STATES, CourseRun, Enrollment
from courses.permissions import is_manager
from organisations.countries import country_code
from organisations.models import Organisation, Participant, ParticipantImport
from organisations.services.import_files import (
    COLUMNS,
    GENDER_LOOKUP,
    LANGUAGE_LOOKUP,
    REGION_LOOKUP,
    fold,
    read_table,
    table_rows,
)
from organisations.services.participants import ensure_run_open


class Person(TypedDict):
    """What tells one person from another (`person_key`)."""

    first_name: str
    last_name: str
    email: str
    phone: str


class Row(Person):
    """A row's fields once checked (`check_fields`)."""

    language: str
    citizenship: str
    region: str
    gender: str
    birth_year: int | None


Problem = dict[str, str]  # {"code", "message"}: an error or a note about a row


@dataclass
class RowCheck:
    """What the dry run says about one row; `user_id` is the existing account it matches."""

    line: int
    data: Row
    errors: list[Problem]
    notes: list[Problem]
    user_id: int | None = None
    # The e-mail belongs to an account outside the organisation. Kept out of `as_dict`:
    # the coordinator's check must read the same as for an address nobody uses.
    email_taken: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, **self.data, "errors": self.errors, "notes": self.notes,
                "user_id": self.user_id, "valid": not self.errors}


def error(code: str, message: str) -> Problem:
    return {"code": code, "message": message}


def check_fields(data: dict[str, str]) -> tuple[Row, list[Problem]]:
    errors = []
    clean: Row = {
        "first_name": data["first_name"][:150], "last_name": data["last_name"][:150],
        "email": data["email"].lower(), "phone": data["phone"][:32], "language": "lv",
        "citizenship": "", "region": "", "gender": "", "birth_year": None,
    }
    if not clean["first_name"] or not clean["last_name"]:
        errors.append(error("name_missing", _("First name and last name are required.")))
    try:
        refuse_control_characters(clean["first_name"] + clean["last_name"])
    except ValidationError as exc:
        errors.append(error(exc.code or "control_characters", exc.messages[0]))
    if clean["email"]:
        try:
            validate_email(clean["email"])
        except ValidationError:
            errors.append(error("bad_email", _("“%(value)s” is not an e-mail address.")
                                % {"value": data["email"]}))
    if data["language"]:
        code = LANGUAGE_LOOKUP.get(fold(data["language"]))
        if code is None:
            errors.append(error("bad_language", _("Unknown language “%(value)s”; use lv, en, "
                                                  "ru or uk.") % {"value": data["language"]}))
        else:
            clean["language"] = supported_language(code)
    if data["citizenship"]:
        code = country_code(data["citizenship"])
        if code is None:
            errors.append(error("bad_citizenship", _(
                "Unknown country “%(value)s”; write its name or two-letter code, e.g. "
                "Ukraina or UA.") % {"value": data["citizenship"]}))
        else:
            clean["citizenship"] = code
    if data["region"]:
        region = REGION_LOOKUP.get(fold(anyascii(data["region"])))
        if region is None:
            errors.append(error("bad_region", _("Unknown region “%(value)s”; use Rīga, "
                                                "Kurzeme, Latgale, Vidzeme or Zemgale.")
                                % {"value": data["region"]}))
        else:
            clean["region"] = region
    if data["gender"]:
        gender = GENDER_LOOKUP.get(fold(data["gender"]))
        if gender is None:
            errors.append(error("bad_gender", _("Unknown gender “%(value)s”.")
                                % {"value": data["gender"]}))
        else:
            clean["gender"] = gender
    if data["birth_year"]:
        year = data["birth_year"].strip()
        this_year = timezone.localdate().year
        if not (year.isascii() and year.isdecimal()) or not 1900 <= int(year) <= this_year:
            errors.append(error("bad_birth_year", _("“%(value)s” is not a year of birth.")
                                % {"value": data["birth_year"]}))
        else:
            clean["birth_year"] = int(year)
    return clean, errors


def person_key(data: Person) -> tuple[str, ...]:
    """Same person within a file or an organisation: same e-mail, or, without e-mail, the
    same name and phone."""
    if data["email"]:
        return ("email", data["email"].lower())
    return ("name", fold(data["first_name"]), fold(data["last_name"]), data["phone"])


def check_rows(*, organisation: Organisation, run: CourseRun | None,
               rows: list[tuple[int, dict[str, str]]],
               link_accounts: bool = False) -> list[RowCheck]:
    """Every row checked against the file and the database in a fixed number of queries.

    An e-mail already used by someone who is not this organisation's participant links
    that account only when a manager imports (`link_accounts`); for a coordinator the row
    reads exactly as one with an unused address, so the check reveals nothing about
    accounts outside their organisation."""
    checks = []
    for line, data in rows:
        clean, errors = check_fields(data)
        checks.append(RowCheck(line=line, data=clean, errors=errors, notes=[]))
    emails = {check.data["email"] for check in checks if check.data["email"]}
    accounts = {email: pk for email, pk in User.objects.annotate(lower=Lower("email"))
                .filter(lower__in=emails).values_list("lower", "pk")} if emails else {}
    members: dict[tuple[str, ...], int] = {}
    for participant in (Participant.objects.filter(organisation=organisation)
                        .select_related("user").only("user__first_name", "user__last_name",
                                                     "user__email", "user__phone")):
        user = participant.user
        members[person_key({"email": user.email or "", "first_name": user.first_name,
                            "last_name": user.last_name, "phone": user.phone})] = user.pk
    member_ids = set(members.values())
    seen: dict[tuple[str, ...], int] = {}
    for check in checks:
        if check.errors:
            continue
        key = person_key(check.data)
        if key in seen:
            check.errors.append(error("duplicate_in_file", _("The same person is on line "
                                                             "%(line)s.") % {"line": seen[key]}))
            continue
        seen[key] = check.line
        account = accounts.get(check.data["email"])
        if account and not link_accounts and account not in member_ids:
            # Someone outside the organisation has this address. Saying so would tell a
            # coordinator who is on the platform, and using the account would let them
            # print a login card for it; so the row reads as a new person, and the new
            # account is made without the address (see `commit_import`).
            check.email_taken = True
            account = None
        check.user_id = account or members.get(key)
        if check.user_id:
            check.notes.append(error("existing_account", _("Has an account already; it is "
                                                           "used, not created again.")))
    if run is not None:
        check_seats(run=run, checks=checks)
    return checks


def check_seats(*, run: CourseRun, checks: list[RowCheck]) -> None:
    existing = [check.user_id for check in checks if check.user_id and not check.errors]
    enrolled = set(Enrollment.objects.filter(run=run, user__in=existing)
                   .exclude(state=Enrollment.State.WITHDRAWN)
                   .values_list("user_id", flat=True)) if existing else set()
    free = run.capacity - run.enrollments.filter(
        state__in=SEAT_STATES).count()
    for check in checks:
        if check.errors:
            continue
        if check.user_id in enrolled:
            check.errors.append(error("already_enrolled", _("Already enrolled in this group.")))
        elif free > 0:
            free -= 1
        elif run.waitlist_enabled:
            check.notes.append(error("waitlisted", _("The group is full: goes on the waiting "
                                                     "list.")))
        else:
            check.errors.append(error("run_full", _("The group is full.")))


def summarise(checks: list[RowCheck]) -> dict[str, int]:
    valid = [check for check in checks if not check.errors]
    return {"rows": len(checks), "valid": len(valid), "invalid": len(checks) - len(valid),
            "new_accounts": sum(1 for check in valid if not check.user_id),
            "without_email": sum(1 for check in valid if not check.data["email"])}


def preview_import(*, organisation: Organisation, run: CourseRun | None, filename: str,
                   content: bytes, by: User) -> ParticipantImport:
    """The dry run: reads and checks the file, saves nothing but the preview itself."""
    if run is not None:
        ensure_run_open(organisation, run)
    checks = check_rows(organisation=organisation, run=run,
                        rows=table_rows(read_table(filename=filename, content=content)),
                        link_accounts=is_manager(by))
    return ParticipantImport.objects.create(
        organisation=organisation, run=run, uploaded_by=by, filename=filename[:255],
        rows=[check.as_dict() for check in checks], summary=summarise(checks))


def usernames_for(checks: list[RowCheck]) -> list[str]:
    """Typeable usernames for new accounts, checked against the database in one query per
    round (collisions are rare, so rounds are few)."""
    def candidate(check: RowCheck) -> str:
        base = "".join(ch for ch in anyascii(check.data["first_name"]
                                             + check.data["last_name"][:1]).lower()
                       if ch in USERNAME_ALPHABET)[:12] or "learner"
        return f"{base}{secrets.randbelow(9000) + 1000}"

    names: dict[int, str] = {}
    pending = list(range(len(checks)))
    for _round in range(10):
        proposed = {index: candidate(checks[index]) for index in pending}
        taken = {name.lower() for name in User.objects.filter(
            username__in=list(proposed.values())).values_list("username", flat=True)}
        used = {name.lower() for name in names.values()}
        pending = []
        for index, name in proposed.items():
            if name in taken or name in used:
                pending.append(index)
            else:
                names[index] = name
                used.add(name)
        if not pending:
            break
    for index in pending:
        names[index] = f"learner{secrets.token_hex(5)}"
    return [names[index] for index in range(len(checks))]


def account_of(check: RowCheck) -> int:
    """A valid row's account, once `commit_import` has made those that were missing."""
    assert check.user_id is not None, check.line
    return check.user_id


@transaction.atomic
def commit_import(*, participant_import: ParticipantImport, by: User,
                  valid_only: bool) -> ParticipantImport:
    """Imports the previewed rows, checked again against the database as it is now.
    `valid_only=False`: everything or nothing (any error and nothing is imported)."""
    locked = ParticipantImport.objects.select_for_update().get(pk=participant_import.pk)
    if locked.state == ParticipantImport.State.EXPIRED:
        raise Conflict(_("This check is more than a week old and its rows have been deleted. "
                         "Upload the file again."), code="import_expired")
    if locked.state != ParticipantImport.State.PREVIEWED:
        raise Conflict(_("This file has already been imported."), code="already_committed")
    organisation, run = locked.organisation, locked.run
    if run is not None:
        ensure_run_open(organisation, run)
    rows = [(row["line"], {key: str(row.get(key) or "") for key in COLUMNS})
            for row in locked.rows]
    checks = check_rows(organisation=organisation, run=run, rows=rows,
                        link_accounts=is_manager(by))
    summary = summarise(checks)
    if summary["invalid"] and not valid_only:
        locked.rows = [check.as_dict() for check in checks]
        locked.summary = summary
        locked.save(update_fields=["rows", "summary"])
        raise Conflict(_("Nothing was imported: %(count)s rows have errors. Fix them and "
                         "upload the file again, or import only the valid rows.")
                       % {"count": summary["invalid"]}, code="import_has_errors",
                       errors=[check.as_dict() for check in checks if check.errors])
    valid = [check for check in checks if not check.errors]
    new = [check for check in valid if not check.user_id]
    users = [User(username=username, first_name=check.data["first_name"],
                  last_name=check.data["last_name"],
                  email=None if check.email_taken else check.data["email"] or None,
                  phone=check.data["phone"], preferred_language=check.data["language"],
                  password=make_password(None))
             for check, username in zip(new, usernames_for(new), strict=True)]
    User.objects.bulk_create(users)
    for check, user in zip(new, users, strict=True):
        check.user_id = user.pk
    members = set(Participant.objects.filter(
        organisation=organisation, user__in=[check.user_id for check in valid])
        .values_list("user_id", flat=True))
    Participant.objects.bulk_create([
        Participant(organisation=organisation, user_id=account_of(check), added_by=by,
                    source_import=locked, citizenship=check.data["citizenship"],
                    region=check.data["region"], gender=check.data["gender"],
                    birth_year=check.data["birth_year"])
        for check in valid if check.user_id not in members])
    enrolled = 0
    if run is not None and valid:
        people = list(User.objects.filter(pk__in=[check.user_id for check in valid]))
        done, _skipped = course_services.enroll_many(users=people, run=run, by=by,
                                                     method=Enrollment.Method.IMPORT)
        enrolled = len(done)
    locked.state = ParticipantImport.State.COMMITTED
    locked.committed_at = timezone.now()
    # The rows held names and contacts; keep only what the result page needs.
    locked.rows = [{"line": check.line, "valid": not check.errors, "errors": check.errors,
                    "user_id": check.user_id} for check in checks]
    locked.summary = {**summary, "imported": len(valid), "enrolled": enrolled,
                      "created": len(users)}
    locked.save(update_fields=["state", "committed_at", "rows", "summary"])
    return locked
