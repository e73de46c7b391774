"""Import the events of a week from a CSV file (the editors' admin view is in events/views.py).

The file is UTF-8 with ";" or "," between the cells (recognised from the header row) and German
column headers (COLUMNS). Every row is converted and then validated with the model's own rules;
errors are reported per row (numbered as in a spreadsheet: the header is row 1) and column.
Either all valid rows are imported, or, in "all or nothing" mode, nothing unless every row is
valid. The import runs in one transaction: it never leaves half a file behind.

In the admin the import is a background job (``CsvImportJob``, run by the task in events/tasks.py
in the worker): ``create_job`` reads the file at once (a file that cannot be read at all is
refused in the form), ``run_job`` checks the rows, counting the progress, writes the valid ones in
bulk (cms.core.bulk: the search index is updated once at the end) and stores the result per row.

Publishing at once needs the right to publish under the week (``may_publish``), as in the page
editor; everyone else imports drafts that are submitted to the week's moderation workflow (the
two-step review), like the partners' reports.
"""

import csv
import datetime
import io
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from cms.core.bulk import submit_for_moderation
from cms.core.constants import FederalState
from events.models import CsvImportJob, EventPage
from events.pages import add_events, event_errors

logger = logging.getLogger("cms.events")

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000  # docs/benchmarks/import.md: the time for 1,000 rows
PROGRESS_EVERY = 25  # rows between two progress updates of a job
MODE_VALID_ROWS = "valid"
MODE_ALL_OR_NOTHING = "all"
DATETIME_FORMATS = [
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y, %H:%M",
    "%d.%m.%y %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
]
YES = {"ja", "j", "x", "1", "true", "wahr", "yes"}
NO = {"nein", "n", "0", "false", "falsch", "no", ""}


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    required: bool
    kind: str  # text, datetime, choice, decimal, bool
    help: str
    example: str
    aliases: tuple = ()


def _labels(choices):
    return ", ".join(label for _value, label in choices)


COLUMNS = [
    Column("Titel", "title", True, "text", "höchstens 255 Zeichen", "Blick hinter die Werkstore"),
    Column(
        "Beginn",
        "start",
        True,
        "datetime",
        "Datum und Uhrzeit: TT.MM.JJJJ HH:MM oder JJJJ-MM-TT HH:MM",
        "20.09.2017 14:00",
    ),
    Column("Ende", "end", False, "datetime", "wie Beginn; nicht vor dem Beginn", "20.09.2017 16:30"),
    Column(
        "Art",
        "kind",
        True,
        "choice",
        f"Bezeichnung oder Kürzel: {_labels(EventPage.Kind.choices)}",
        "Betriebsbesichtigung",
    ),
    Column(
        "Zielgruppe",
        "audience",
        False,
        "choice",
        f"Bezeichnung oder Kürzel: {_labels(EventPage.Audience.choices)}; leer: Alle Interessierten",
        "Alle Interessierten",
    ),
    Column("Veranstalter", "organiser_name", False, "text", "höchstens 255 Zeichen", "Musterwerk GmbH"),
    Column(
        "Ort der Veranstaltung",
        "venue",
        True,
        "text",
        "höchstens 255 Zeichen",
        "Werk Köln, Tor 3",
        ("Veranstaltungsort",),
    ),
    Column(
        "Straße", "street", False, "text", "mit Hausnummer", "Industriestraße 5", ("Straße und Hausnummer",)
    ),
    Column("PLZ", "postcode", True, "text", "fünf Ziffern", "50667", ("Postleitzahl",)),
    Column("Ort", "city", True, "text", "höchstens 120 Zeichen", "Köln"),
    Column(
        "Bundesland",
        "federal_state",
        True,
        "choice",
        "Name oder Kürzel, z. B. Nordrhein-Westfalen oder NW",
        "Nordrhein-Westfalen",
    ),
    Column("Breitengrad", "latitude", False, "decimal", "für die Karte; 47 bis 55,1", "50,93753"),
    Column("Längengrad", "longitude", False, "decimal", "für die Karte; 5,8 bis 15,1", "6,96028"),
    Column(
        "Beschreibung", "description", True, "text", "höchstens 4.000 Zeichen", "Wir zeigen unsere Fertigung."
    ),
    Column(
        "Anmeldung erforderlich", "registration_required", False, "bool", "ja oder nein; leer: nein", "ja"
    ),
    Column(
        "Anmeldung",
        "registration_info",
        False,
        "text",
        "Hinweise zur Anmeldung, höchstens 500 Zeichen",
        "bis 10. September per E-Mail",
    ),
    Column(
        "Anmeldelink",
        "registration_url",
        False,
        "text",
        "Internetadresse der Anmeldung",
        "https://www.example.org/anmeldung",
    ),
    Column(
        "Barrierefreiheit", "accessibility", False, "text", "höchstens 1.000 Zeichen", "Stufenlos erreichbar"
    ),
]
COLUMN_BY_FIELD = {column.field: column for column in COLUMNS}
CHOICES = {
    "kind": (EventPage.Kind.choices, "keine bekannte Art"),
    "audience": (EventPage.Audience.choices, "keine bekannte Zielgruppe"),
    "federal_state": (FederalState.choices, "kein Bundesland"),
}


def german_number(number):
    """1000 -> "1.000" (thousands with a dot; only the number, never the text around it)."""
    return f"{number:,}".replace(",", ".")


class CsvFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in German."""


def _key(header):
    return " ".join(header.replace("\ufeff", "").split()).casefold()


HEADERS = {_key(name): column for column in COLUMNS for name in (column.header, *column.aliases)}


def _shown(value, limit=40):
    return value if len(value) <= limit else value[:limit] + "…"


@dataclass
class Row:
    number: int
    cells: dict
    errors: list = field(default_factory=list)  # [(column header, message)]
    page: EventPage | None = None


@dataclass
class ImportResult:
    rows: list
    ignored_columns: list
    delimiter: str
    imported: list = field(default_factory=list)
    submitted: bool = False  # the drafts were submitted to the moderation workflow
    aborted: bool = False  # all or nothing, and a row had an error
    failure: str = ""  # an unexpected error while saving: nothing was imported

    @property
    def valid_rows(self):
        return [row for row in self.rows if not row.errors]

    @property
    def invalid_rows(self):
        return [row for row in self.rows if row.errors]


def read_rows(uploaded):
    """The data rows of the uploaded file: ([Row], ignored column headers, delimiter)."""
    return parse_text(decode_upload(uploaded))


def decode_upload(uploaded):
    """The text of the uploaded file; CsvFileError if it is too big, empty or no UTF-8 text."""
    if uploaded.size > MAX_BYTES:
        raise CsvFileError(
            f"Die Datei ist zu groß ({uploaded.size / 1024 / 1024:.1f} MB). "
            f"Es sind höchstens {MAX_BYTES // 1024 // 1024} MB erlaubt; bitte teilen Sie sie auf."
        )
    if not uploaded.name.lower().endswith(".csv"):
        raise CsvFileError("Bitte laden Sie eine CSV-Datei hoch (Dateiendung .csv).")
    raw = uploaded.read()
    if not raw.strip():
        raise CsvFileError("Die Datei ist leer.")
    if b"\x00" in raw:
        raise CsvFileError(
            "Die Datei ist keine CSV-Textdatei (vielleicht eine Excel-Arbeitsmappe?). "
            "Bitte speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvFileError(
            f"Die Datei ist nicht UTF-8-kodiert (unlesbares Zeichen an Byte {error.start + 1}). "
            "Bitte speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“."
        ) from error
    if not text.strip():
        raise CsvFileError("Die Datei ist leer.")
    return text


def parse_text(text):
    """The data rows of a CSV text: ([Row], ignored column headers, delimiter)."""
    header_line = text.lstrip().splitlines()[0]
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    try:
        records = list(csv.reader(io.StringIO(text.lstrip()), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise CsvFileError(f"Die Datei ist keine gültige CSV-Datei: {error}.") from error

    header, *records = records
    columns, ignored, seen = [], [], set()
    for name in header:
        column = HEADERS.get(_key(name))
        if column and column.field in seen:
            raise CsvFileError(f"Die Spalte „{column.header}“ steht zweimal in der Kopfzeile.")
        if column:
            seen.add(column.field)
        elif name.strip():
            ignored.append(name.strip())
        columns.append(column)
    missing = [column.header for column in COLUMNS if column.required and column.field not in seen]
    if missing:
        raise CsvFileError(
            f"In der Kopfzeile fehlen Pflichtspalten: {', '.join(missing)}. "
            f"Erkannte Trennzeichen: „{delimiter}“. Die Spaltennamen stehen unten auf dieser Seite."
        )

    rows = []
    for number, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue  # empty lines, e.g. ";;;;" at the end of a spreadsheet export
        row = Row(number, {})
        if len(record) > len(header):
            row.errors.append(
                (
                    "–",
                    f"Die Zeile hat {len(record)} Zellen, die Kopfzeile nur {len(header)}. "
                    "Stehen Trennzeichen in einem Text ohne Anführungszeichen?",
                )
            )
        for position, column in enumerate(columns):
            if column:  # spreadsheets leave out empty cells at the end of a row
                row.cells[column.field] = record[position].strip() if position < len(record) else ""
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise CsvFileError(
                f"Die Datei hat mehr als {german_number(MAX_ROWS)} Veranstaltungen; bitte teilen Sie sie auf."
            )
    if not rows:
        raise CsvFileError("Die Datei enthält nur die Kopfzeile, aber keine Veranstaltungen.")
    return rows, ignored, delimiter


def _parse_datetime(value):
    for pattern in DATETIME_FORMATS:
        try:
            parsed = datetime.datetime.strptime(value, pattern)  # naive here, made aware below
        except ValueError:
            continue
        return timezone.make_aware(parsed, timezone.get_default_timezone())
    raise ValueError(
        f"„{_shown(value)}“ ist kein gültiger Zeitpunkt. "
        "Bitte TT.MM.JJJJ HH:MM angeben, z. B. 20.09.2017 14:00."
    )


def _parse_choice(name, value):
    choices, problem = CHOICES[name]
    wanted = value.casefold()
    for code, label in choices:
        if wanted in (code.casefold(), label.casefold()):
            return code
    raise ValueError(f"„{_shown(value)}“ ist {problem}. Erlaubt sind: {_labels(choices)}.")


def _parse_decimal(value):
    try:
        number = Decimal(value.replace(",", "."))
        if number.is_finite() and abs(number) < 1000:
            return number.quantize(Decimal("0.00001"))
    except InvalidOperation:
        pass
    raise ValueError(f"„{_shown(value)}“ ist keine Koordinate. Bitte eine Zahl angeben, z. B. 50,93753.")


def _parse_bool(value):
    if value.casefold() in YES:
        return True
    if value.casefold() in NO:
        return False
    raise ValueError(f"„{_shown(value)}“ ist weder „ja“ noch „nein“.")


def _convert(column, value):
    if column.kind == "text":
        # TextFields (description, accessibility) have a max_length the model itself does not check.
        model_field = EventPage._meta.get_field(column.field)
        if not isinstance(model_field, models.TextField):
            value = " ".join(value.split())  # single-line fields: no line breaks from quoted cells
        limit = model_field.max_length
        if limit and len(value) > limit:
            raise ValueError(f"Der Text ist zu lang ({len(value)} Zeichen, höchstens {limit}).")
        return value
    if column.kind == "bool":
        return _parse_bool(value)
    if not value:
        return "" if column.kind == "choice" else None
    if column.kind == "datetime":
        return _parse_datetime(value)
    if column.kind == "choice":
        return _parse_choice(column.field, value)
    return _parse_decimal(value)


def validate_rows(index, rows, progress=None):
    """Convert and validate each row; a valid row gets an unsaved ``page``.

    ``progress(rows checked)`` is called every PROGRESS_EVERY rows and at the end."""
    existing = {
        (title.casefold(), start)
        for title, start in EventPage.objects.child_of(index).values_list("title", "start")
    }
    in_file = {}
    for position, row in enumerate(rows, start=1):
        values = {}
        for name, value in row.cells.items():
            column = COLUMN_BY_FIELD[name]
            if column.required and not value:
                row.errors.append((column.header, "Pflichtangabe: Die Zelle darf nicht leer sein."))
                continue
            try:
                values[name] = _convert(column, value)
            except ValueError as error:
                row.errors.append((column.header, str(error)))
        if not values.get("audience"):
            values["audience"] = EventPage.Audience.EVERYONE
        failed = {name for name in row.cells if name not in values}
        page = EventPage(**values)
        for name, messages in event_errors(page, index).items():
            if name in failed:
                continue
            column = COLUMN_BY_FIELD.get(name)
            for message in messages:
                row.errors.append((column.header if column else "–", message))
        if page.start and timezone.localtime(page.start).year != index.year:
            row.errors.append(("Beginn", f"Der Beginn liegt nicht im Jahr {index.year} dieser Woche."))
        if page.title and page.start:
            key = (page.title.casefold(), page.start)
            if key in existing:
                row.errors.append(
                    (
                        "Titel",
                        "Diese Veranstaltung (gleicher Titel und Beginn) gibt es in dieser Woche schon.",
                    )
                )
            elif key in in_file:
                row.errors.append(("Titel", f"Dieselbe Veranstaltung steht schon in Zeile {in_file[key]}."))
            else:
                in_file[key] = row.number
        if not row.errors:
            row.page = page
        if progress and (position % PROGRESS_EVERY == 0 or position == len(rows)):
            progress(position)
    return rows


PUBLISH_REFUSED = (
    "Sie dürfen in dieser Woche nicht veröffentlichen. Bitte wählen Sie „Als Entwurf speichern“: "
    "Die Veranstaltungen werden dann zur Freigabe eingereicht."
)


def may_publish(user, index):
    """Whether ``user`` may publish the imported events at once (the page editor's right)."""
    return user is not None and index.permissions_for_user(user).can_publish_subpage()


def import_events(index, uploaded, *, mode, publish, user=None):
    """Read, validate and (as far as ``mode`` allows) import the file at once. Raises CsvFileError.

    ``publish`` without the right to publish raises PermissionDenied before anything is read; a
    user without that right gets drafts that are submitted to the page's workflow.
    """
    if publish and not may_publish(user, index):
        raise PermissionDenied(PUBLISH_REFUSED)
    rows, ignored, delimiter = read_rows(uploaded)
    return _import_rows(index, rows, ignored, delimiter, mode=mode, publish=publish, user=user)


def _import_rows(index, rows, ignored, delimiter, *, mode, publish, user, progress=None):
    result = ImportResult(validate_rows(index, rows, progress), ignored, delimiter)
    if mode == MODE_ALL_OR_NOTHING and result.invalid_rows:
        result.aborted = True
        return result
    submit = not publish and not may_publish(user, index)
    valid = result.valid_rows
    try:
        with transaction.atomic():
            pages = add_events(index, [row.page for row in valid], publish=publish, user=user)
            if submit:
                result.submitted = submit_for_moderation(pages, user=user)
            result.imported = pages
    except Exception:
        logger.exception("CSV import into %s failed", index.pk)
        for row in valid:
            row.page = None
        result.imported = []
        result.submitted = False
        result.failure = (
            "Beim Speichern ist ein unerwarteter Fehler aufgetreten. Es wurde nichts importiert; "
            "bitte versuchen Sie es noch einmal oder wenden Sie sich an die Technik."
        )
    return result


def create_job(index, uploaded, *, mode, publish, user):
    """Read the file (CsvFileError if it cannot be read at all) and store it as a queued job
    (events.tasks.start_csv_import enqueues it)."""
    if publish and not may_publish(user, index):
        raise PermissionDenied(PUBLISH_REFUSED)
    text = decode_upload(uploaded)
    rows, _ignored, _delimiter = parse_text(text)
    job = CsvImportJob.objects.create(
        index=index,
        user=user,
        file_name=uploaded.name[:255],
        content=text,
        mode=mode,
        publish=publish,
        total_rows=len(rows),
    )
    return job


def run_job(job_id):
    """Run a queued job: check the rows (counting), import, store the result per row."""
    job = CsvImportJob.objects.select_related("index", "user").filter(pk=job_id).first()
    if job is None or job.finished:
        return None
    CsvImportJob.objects.filter(pk=job.pk).update(
        status=CsvImportJob.Status.RUNNING, started_at=timezone.now(), checked_rows=0
    )
    index = job.index.specific
    try:
        if job.publish and not may_publish(job.user, index):
            raise CsvFileError(PUBLISH_REFUSED)
        rows, ignored, delimiter = parse_text(job.content)
        result = _import_rows(
            index,
            rows,
            ignored,
            delimiter,
            mode=job.mode,
            publish=job.publish,
            user=job.user,
            progress=lambda done: CsvImportJob.objects.filter(pk=job.pk).update(checked_rows=done),
        )
    except CsvFileError as error:
        _finish(job, status=CsvImportJob.Status.FAILED, message=str(error))
        return job.status
    except Exception:
        logger.exception("CSV-Import %s ist fehlgeschlagen.", job.pk)
        _finish(
            job,
            status=CsvImportJob.Status.FAILED,
            message="Ein unerwarteter Fehler ist aufgetreten. Es wurde nichts importiert.",
        )
        return job.status
    _finish(
        job,
        status=CsvImportJob.Status.FAILED if result.failure else CsvImportJob.Status.DONE,
        message=result.failure,
        total_rows=len(result.rows),
        checked_rows=len(result.rows),
        imported_count=len(result.imported),
        error_count=len(result.invalid_rows),
        submitted=result.submitted,
        aborted=result.aborted,
        ignored_columns=result.ignored_columns,
        delimiter=result.delimiter,
        rows=[
            {
                "row": row.number,
                "title": row.cells.get("title", "")[:255],
                "page": row.page.pk if row.page is not None and row.page.pk else None,
                "errors": [list(error) for error in row.errors],
            }
            for row in result.rows
        ],
    )
    return job.status


def _finish(job, **values):
    for name, value in values.items():
        setattr(job, name, value)
    job.finished_at = timezone.now()
    job.save(update_fields=[*values, "finished_at"])
