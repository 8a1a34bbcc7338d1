"""The spreadsheet side of participant imports: the columns Kopā understands (in English,
Latvian, Russian and Ukrainian), reading CSV and XLSX files into rows of text, and the
sample and export files coordinators download."""

import csv
import datetime
import io
import unicodedata
import zipfile

from anyascii import anyascii
from django.utils.translation import gettext as _

from cms.downloads import safe_row, unsafe_cell
from cms.errors import KopaError
from cms.uploads import check_upload
from courses.models.choices import Region
from organisations.models import Gender, Organisation, Participant

MAX_ROWS = 2000

# Headers as coordinators write them, in the languages they work in.
COLUMNS = {
    "first_name": ["first name", "firstname", "given name", "vārds", "vards", "имя",
                   "ім'я", "імʼя", "ім\u2019я"],
    "last_name": ["last name", "lastname", "surname", "family name", "uzvārds", "uzvards",
                  "фамилия", "прізвище"],
    "email": ["e-mail", "email", "e-mail address", "e-pasts", "epasts", "e-pasta adrese",
              "электронная почта", "эл. почта", "електронна пошта", "ел. пошта"],
    "phone": ["phone", "telephone", "phone number", "tālrunis", "talrunis", "telefons",
              "телефон"],
    "language": ["preferred language", "language", "valoda", "vēlamā valoda", "язык", "мова"],
    "citizenship": ["country of citizenship", "citizenship", "country", "pilsonība",
                    "valstspiederība", "гражданство", "громадянство"],
    "region": ["region", "reģions", "regions", "регион", "регіон"],
    "gender": ["gender", "sex", "dzimums", "пол", "стать"],
    "birth_year": ["birth year", "year of birth", "dzimšanas gads", "год рождения",
                   "рік народження"],
}
LANGUAGE_WORDS = {
    "lv": ["lv", "latviešu", "latviesu", "latvian", "латышский", "латиська"],
    "en": ["en", "english", "angļu", "anglu", "английский", "англійська"],
    "ru": ["ru", "russian", "krievu", "русский", "російська"],
    "uk": ["uk", "ua", "ukrainian", "ukraiņu", "ukrainu", "украинский", "українська"],
}
GENDER_WORDS = {
    Gender.FEMALE: ["f", "female", "woman", "s", "sieviete", "ж", "женский", "жінка", "жіноча"],
    Gender.MALE: ["m", "male", "man", "v", "vīrietis", "virietis", "м", "мужской", "чоловік",
                  "чоловіча"],
    Gender.OTHER: ["other", "cits", "cita", "другое", "інше"],
    Gender.UNDISCLOSED: ["-", "undisclosed", "nevēlas norādīt", "не указан", "не вказано"],
}


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("_", " ")
                    .strip(" *:").split())


HEADER_LOOKUP = {fold(alias): key for key, aliases in COLUMNS.items()
                 for alias in [key, *aliases]}
LANGUAGE_LOOKUP = {fold(word): code for code, words in LANGUAGE_WORDS.items() for word in words}
GENDER_LOOKUP = {fold(word): str(value) for value, words in GENDER_WORDS.items()
                 for word in words}
REGION_LOOKUP = {**{fold(value): value for value in Region.values},
                 **{fold(anyascii(str(label))): value for value, label in Region.choices}}



def read_table(*, filename: str, content: bytes) -> list[list[str]]:
    """The file's cells as text, header row first; a clear error for anything unreadable."""
    file_type = check_upload(filename, content, "participants")  # the one allowlist
    if file_type.extension == "xlsx":
        return read_xlsx(content)
    return read_csv(content)


def read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise KopaError(_("This XLSX file cannot be read. Save it again from your spreadsheet "
                          "program and upload it once more."), code="bad_file") from exc
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append([cell_text(value) for value in values])
        if len(rows) > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return str(value.year)
    return unsafe_cell(str(value).strip())


def read_csv(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1257"):  # cp1257: Baltic Windows, older Excel exports
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover — cp1257 decodes almost anything
        raise KopaError(_("The file's text encoding is not supported; save it as UTF-8."),
                        code="bad_encoding")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[unsafe_cell(cell.strip()) for cell in row]
                for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise KopaError(_("This CSV file cannot be read: %(error)s") % {"error": exc},
                        code="bad_file") from exc


def table_rows(table: list[list[str]]) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) for each non-empty row under the header."""
    table = [row for row in table if any(cell for cell in row)] if table else []
    if not table:
        raise KopaError(_("The file is empty."), code="empty_file")
    header = [HEADER_LOOKUP.get(fold(cell)) for cell in table[0]]
    missing = [key for key in ("first_name", "last_name") if key not in header]
    if missing:
        raise KopaError(_("The first row must name the columns; “first name” and “last "
                          "name” are required. Missing: %(columns)s")
                        % {"columns": ", ".join(missing)}, code="missing_columns")
    if len(table) - 1 > MAX_ROWS:
        raise KopaError(_("At most %(max)s people per file.") % {"max": MAX_ROWS},
                        code="too_many_rows")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        data = {key: "" for key in COLUMNS}
        for key, cell in zip(header, cells, strict=False):
            if key and cell:
                data[key] = unicodedata.normalize("NFC", cell)
        rows.append((number, data))
    return rows


def sample_csv() -> str:
    """A template coordinators can download and fill."""
    header = ["first name", "last name", "e-mail", "phone", "preferred language",
              "country of citizenship", "region", "gender", "birth year"]
    rows = [["Anna", "Bērziņa", "anna.berzina@example.lv", "+371 20000000", "lv", "LV",
             "Rīga", "female", "1990"],
            ["Олена", "Коваленко", "", "", "uk", "UA", "Kurzeme", "female", "1985"],
            ["مریم", "احمدی", "", "", "en", "AF", "Rīga", "female", "2001"]]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return out.getvalue()




EXPORT_HEADER = ["first name", "last name", "e-mail", "phone", "preferred language",
                 "country of citizenship", "region", "gender", "birth year", "username"]


def participants_workbook(*, organisation: Organisation) -> bytes:
    """The organisation's people as an XLSX file in the import's own columns, so a
    coordinator can edit it and upload it again (known people are matched, not doubled)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "participants"
    sheet.append(safe_row(EXPORT_HEADER))
    for participant in (Participant.objects.filter(organisation=organisation)
                        .select_related("user").order_by("user__last_name", "pk")):
        user = participant.user
        # People's names and phones are typed by coordinators (or imported): a name like
        # "=HYPERLINK(…)" must not become a formula in the coordinator's spreadsheet.
        sheet.append(safe_row([user.first_name, user.last_name, user.email or "", user.phone,
                               user.preferred_language, participant.citizenship,
                               participant.region, participant.gender,
                               participant.birth_year or "", user.username]))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
