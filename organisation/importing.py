"""Reading and checking HR's employee CSV: pure functions over bytes and plain data, no ORM.

The file
- an Excel workbook (.xlsx, the first sheet), recognised by its content whatever its name;
- or CSV: UTF-8 with or without BOM (Excel's "CSV UTF-8"); Windows-1250 (Excel's plain Czech
  "CSV") and UTF-16 are recognised too, so Czech letters survive whichever export HR picks;
- anything else (an old .xls, a PDF, a picture...) is refused with a message, never a crash;
- comma, semicolon or tab separated, detected from the header line (Czech Excel uses ";");
- a header line naming the columns, in Czech or English, case and accents ignored:
    personal number (osobní číslo)               required
    first name + last name (jméno, příjmení), or
      one full-name column (jméno a příjmení: the last word is the last name;
      příjmení a jméno: the first word is)        required
    e-mail                                         required
    workplace (pracoviště): its code ("osa-podatelna"), its path of names from the top
      ("Odbor správních agend / Podatelna", the top-level office may be left out), or its
      name alone when that is unique              required
    job title (funkce)                             optional
    manager's personal number (osobní číslo vedoucího)          optional
    management (vedoucí zaměstnanec): ano/ne, a/n, 1/0, true/false, yes/no, x/empty  optional
  An optional column missing from the file leaves that field of existing people unchanged;
  an empty cell clears it. Other columns are ignored (and listed in the report).

People are matched by personal number: known ones are updated, new ones created. Everyone in
the file is an active employee; people missing from the file are deactivated only on request.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

# Internal field -> accepted header names (compared after _norm()).
HEADERS = {
    "personal_number": [
        "osobni cislo",
        "os cislo",
        "cislo zamestnance",
        "personal number",
        "personal no",
        "employee number",
    ],
    "first_name": ["jmeno", "krestni jmeno", "first name", "given name"],
    "last_name": ["prijmeni", "last name", "surname", "family name"],
    "full_name": ["jmeno a prijmeni", "cele jmeno", "full name", "name"],
    "full_name_reversed": ["prijmeni a jmeno"],
    "email": ["e mail", "email", "e mailova adresa", "emailova adresa", "mail"],
    "workplace": [
        "pracoviste",
        "utvar",
        "organizacni utvar",
        "kod pracoviste",
        "workplace",
        "workplace code",
        "department",
    ],
    "job_title": ["funkce", "pracovni pozice", "pozice", "pracovni zarazeni", "job title"],
    "manager": [
        "osobni cislo vedouciho",
        "os cislo vedouciho",
        "osobni cislo nadrizeneho",
        "vedouci",
        "nadrizeny",
        "manager",
        "manager personal number",
    ],
    "is_management": [
        "vedouci zamestnanec",
        "ridici zamestnanec",
        "ridici funkce",
        "vedeni",
        "management",
        "is management",
    ],
}
_YES = {"ano", "a", "yes", "y", "1", "true", "pravda", "x"}
_NO = {"ne", "n", "no", "0", "false", "nepravda", ""}
FIELD_LABELS = {
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "email": gettext_lazy("e-mail"),
    "workplace": gettext_lazy("workplace"),
    "job_title": gettext_lazy("job title"),
    "manager": gettext_lazy("manager"),
    "is_management": gettext_lazy("management"),
    "is_active": gettext_lazy("reactivated"),
}
MAX_LENGTHS = {"personal_number": 30, "first_name": 150, "last_name": 150, "job_title": 200}


def _norm(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: "E-mail" == "email" == "E_MAIL"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


_HEADER_LOOKUP = {_norm(alias): name for name, aliases in HEADERS.items() for alias in aliases}


@dataclass(frozen=True)
class WorkplaceRef:
    id: int
    code: str
    path_names: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """Someone already in the database, as the import compares them."""

    id: int
    personal_number: str | None
    email: str
    first_name: str
    last_name: str
    workplace_id: int | None
    job_title: str
    manager_number: str | None
    is_management: bool
    is_active: bool
    is_superuser: bool = False


@dataclass
class LineError:
    line: int
    messages: list[str]


@dataclass(frozen=True)
class Row:
    """One valid line; None means "the file has no such column: leave the field unchanged"."""

    line: int
    personal_number: str
    first_name: str
    last_name: str
    email: str
    workplace_id: int
    job_title: str | None
    manager_number: str | None
    is_management: bool | None


@dataclass
class Change:
    row: Row
    person: Person | None  # None: a new person
    fields: list[str] = field(default_factory=list)  # changed fields of an existing person

    @property
    def moved(self) -> bool:
        return self.person is not None and "workplace" in self.fields

    @property
    def field_labels(self) -> str:
        return ", ".join(str(FIELD_LABELS[name]) for name in self.fields)


@dataclass
class ImportPlan:
    """Everything the import would do, or why it cannot: nothing is written from here."""

    encoding: str = "utf-8"
    delimiter: str = ","
    rows: list[Row] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    deactivate: list[Person] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def created(self) -> list[Change]:
        return [c for c in self.changes if c.person is None]

    @property
    def updated(self) -> list[Change]:
        return [c for c in self.changes if c.person is not None and c.fields]

    @property
    def moved(self) -> list[Change]:
        return [c for c in self.changes if c.moved]

    @property
    def unchanged(self) -> int:
        return sum(1 for c in self.changes if c.person is not None and not c.fields)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "utf-16"
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            # Excel's plain "CSV" on Czech Windows, the last resort: five byte values are
            # undefined in it, and a binary file almost surely holds one of them.
            return data.decode("cp1250"), "windows-1250"
    except UnicodeDecodeError as exc:
        raise UnreadableFile from exc


def detect_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


XLSX_SIGNATURE = b"PK\x03\x04"
MAX_ROWS = 100_000
# C0 control characters never found in a text table (tab, newlines and form feed are).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")


class UnreadableFile(ValueError):
    """Neither a CSV table nor an Excel workbook."""


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # personal numbers typed as numbers: 20001, not 20001.0
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """The first sheet's rows as text, numbered as Excel numbers them."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile from exc
    try:
        rows = []
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), 1):
            if number > MAX_ROWS:
                break
            rows.append((number, [_cell_text(value) for value in row]))
        return rows
    finally:
        workbook.close()


def _csv_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(reader.line_num, raw) for raw in reader]


def read(data: bytes) -> tuple[ImportPlan, list[tuple[int, dict[str, str]]]]:
    """Decode and split the file into (line number, {field: value}) records."""
    result = ImportPlan()
    try:
        if data.startswith(XLSX_SIGNATURE):
            result.encoding, result.delimiter = "xlsx", ""
            table = _xlsx_rows(data)
        else:
            text, result.encoding = decode(data)
            if _BINARY.search(text):
                raise UnreadableFile
            first = next((line for line in text.splitlines() if line.strip()), "")
            result.delimiter = detect_delimiter(first)
            table = _csv_rows(text, result.delimiter)
    except UnreadableFile:
        result.errors.append(
            LineError(
                1,
                [
                    _(
                        "The file is neither a CSV table nor an Excel workbook (.xlsx). In "
                        "Excel, save it as “CSV UTF-8” or as “Excel Workbook (.xlsx)”."
                    )
                ],
            )
        )
        return result, []
    if not any(any(cell.strip() for cell in raw) for _line, raw in table):
        result.errors.append(LineError(1, [_("The file is empty.")]))
        return result, []
    rows = iter(table)
    header: list[str | None] = []
    header_line = 1
    for line, raw in rows:
        if any(cell.strip() for cell in raw):
            header_line = line
            header = [_HEADER_LOOKUP.get(_norm(cell)) for cell in raw]
            result.ignored_columns = [
                cell.strip() for cell, name in zip(raw, header, strict=True) if not name and cell
            ]
            break
    present = {name for name in header if name}
    missing = []
    if "personal_number" not in present:
        missing.append(_("personal number"))
    if not (
        {"first_name", "last_name"} <= present or present & {"full_name", "full_name_reversed"}
    ):
        missing.append(_("first name and last name (or full name)"))
    if "email" not in present:
        missing.append(_("e-mail"))
    if "workplace" not in present:
        missing.append(_("workplace"))
    if missing:
        result.errors.append(
            LineError(
                header_line,
                [
                    _("The header lacks the column(s): %(columns)s.")
                    % {"columns": ", ".join(missing)}
                ],
            )
        )
        return result, []

    records = []
    for line, raw in rows:
        if not any(cell.strip() for cell in raw):
            continue
        values: dict[str, str] = {}
        for name, cell in zip(header, raw, strict=False):
            if name:
                values[name] = cell.strip()
        for name in present - set(values):
            values[name] = ""  # a short line: the missing cells are empty
        records.append((line, values))
    if not records:
        result.errors.append(
            LineError(header_line, [_("The file has no employees below the header.")])
        )
    return result, records


def _split_name(values: dict[str, str]) -> tuple[str, str]:
    if "first_name" in values or "last_name" in values:
        return values.get("first_name", ""), values.get("last_name", "")
    if "full_name_reversed" in values:
        last, _sep, first = values["full_name_reversed"].partition(" ")
        return first.strip(), last.strip()
    first, _sep, last = values.get("full_name", "").rpartition(" ")
    return first.strip(), last.strip()


def _path_key(text: str) -> str:
    parts = re.split(r"\s*[/>»]\s*", text.strip())
    return " / ".join(" ".join(p.split()).casefold() for p in parts if p.strip())


def workplace_index(workplaces: Iterable[WorkplaceRef]) -> tuple[dict[str, int], dict[str, set]]:
    """(code -> id, path key -> ids): full path, path below the top, and name alone."""
    codes: dict[str, int] = {}
    paths: dict[str, set[int]] = {}
    for wp in workplaces:
        codes[wp.code.casefold()] = wp.id
        names = [" ".join(n.split()).casefold() for n in wp.path_names]
        keys = {" / ".join(names), names[-1]}
        if len(names) > 1:
            keys.add(" / ".join(names[1:]))
        for key in keys:
            paths.setdefault(key, set()).add(wp.id)
    return codes, paths


def resolve_workplace(value: str, codes: dict[str, int], paths: dict[str, set]) -> int | str:
    """The workplace id, or an error message."""
    if value.casefold() in codes:
        return codes[value.casefold()]
    ids = paths.get(_path_key(value), set())
    if len(ids) == 1:
        return next(iter(ids))
    if ids:
        return _("Workplace “%(value)s” is ambiguous: use its code or its full path.") % {
            "value": value
        }
    return _("Unknown workplace “%(value)s”.") % {"value": value}


@dataclass
class FileContext:
    """What a line is checked against: the database's workplaces and people, and the lines
    above it (a personal number or e-mail may appear once in the file)."""

    codes: dict[str, int]
    paths: dict[str, set]
    by_number: dict[str, Person]
    by_email: dict[str, Person]
    numbers_in_file: set[str]
    seen_numbers: dict[str, int] = field(default_factory=dict)
    seen_emails: dict[str, int] = field(default_factory=dict)


class EmployeeRowForm(forms.Form):
    """One line of the file, checked as a form: each cell, then the line against the rest.

    The cells are optional to the form itself: a missing required cell is reported once for
    the whole line ("Missing: ..."), and a column absent from the file (None from
    `cleaned_row`) leaves that field of an existing person unchanged.
    """

    personal_number = forms.CharField(required=False)
    first_name = forms.CharField(required=False)
    last_name = forms.CharField(required=False)
    email = forms.CharField(required=False)
    workplace = forms.CharField(required=False)
    job_title = forms.CharField(required=False)
    manager = forms.CharField(required=False)
    is_management = forms.CharField(required=False)

    def __init__(self, line: int, values: dict[str, str], context: FileContext):
        first, last = _split_name(values)
        data = {**values, "first_name": first, "last_name": last}
        data["email"] = values.get("email", "").lower()
        super().__init__(data=data)
        self.line = line
        self.present = set(values)
        self.context = context

    def _bounded(self, name: str) -> str:
        value = self.cleaned_data[name]
        if len(value) > MAX_LENGTHS[name]:
            raise ValidationError(
                _("“%(value)s” is longer than %(max)d characters.")
                % {"value": value[:40] + "…", "max": MAX_LENGTHS[name]}
            )
        return value

    def clean_personal_number(self):
        number = self._bounded("personal_number")
        seen = self.context.seen_numbers
        if number and number in seen:
            raise ValidationError(
                _("Personal number %(number)s is already on line %(line)d.")
                % {"number": number, "line": seen[number]}
            )
        if number:
            seen[number] = self.line
        return number

    def clean_first_name(self):
        return self._bounded("first_name")

    def clean_last_name(self):
        return self._bounded("last_name")

    def clean_job_title(self):
        return self._bounded("job_title")

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not email:
            return email
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                _("Invalid e-mail address “%(email)s”.") % {"email": email}
            ) from None
        seen = self.context.seen_emails
        problems = []
        if email in seen:
            problems.append(
                _("E-mail %(email)s is already on line %(line)d.")
                % {"email": email, "line": seen[email]}
            )
        seen.setdefault(email, self.line)
        owner = self.context.by_email.get(email)
        if owner is not None and owner.personal_number != self.data.get("personal_number", ""):
            problems.append(
                _("E-mail %(email)s belongs to another person (%(name)s).")
                % {
                    "email": email,
                    "name": f"{owner.first_name} {owner.last_name}".strip() or owner.email,
                }
            )
        if problems:
            raise ValidationError(problems)
        return email

    def clean_workplace(self):
        value = self.cleaned_data["workplace"]
        if not value:
            return None
        found = resolve_workplace(value, self.context.codes, self.context.paths)
        if not isinstance(found, int):
            raise ValidationError(found)
        return found

    def clean_manager(self):
        if "manager" not in self.present:
            return None
        manager = self.cleaned_data["manager"]
        if manager and manager == self.data.get("personal_number", ""):
            raise ValidationError(_("A person cannot be their own manager."))
        if (
            manager
            and manager not in self.context.numbers_in_file
            and manager not in self.context.by_number
        ):
            raise ValidationError(
                _("Unknown manager: no one has personal number %(number)s.") % {"number": manager}
            )
        return manager

    def clean_is_management(self):
        if "is_management" not in self.present:
            return None
        flag = _norm(self.cleaned_data["is_management"])
        if flag in _YES:
            return True
        if flag in _NO:
            return False
        raise ValidationError(
            _("Management must be “ano” or “ne” (or 1/0), not “%(value)s”.")
            % {"value": self.data["is_management"]}
        )

    def clean(self):
        required = {
            _("personal number"): self.data.get("personal_number", ""),
            _("first name"): self.data["first_name"],
            _("last name"): self.data["last_name"],
            _("e-mail"): self.data["email"],
            _("workplace"): self.data.get("workplace", ""),
        }
        empty = [label for label, value in required.items() if not value]
        if empty:
            raise ValidationError(_("Missing: %(fields)s.") % {"fields": ", ".join(empty)})
        return self.cleaned_data

    def messages(self) -> list[str]:
        """The line's problems: what is missing first, then each cell's, in column order."""
        errors = self.errors  # runs the validation
        found = list(errors.get("__all__", []))
        for name in self.fields:
            found.extend(errors.get(name, []))
        return found

    def row(self) -> Row:
        data = self.cleaned_data
        return Row(
            line=self.line,
            personal_number=data["personal_number"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            workplace_id=data["workplace"],
            job_title=data["job_title"] if "job_title" in self.present else None,
            manager_number=data["manager"],
            is_management=data["is_management"],
        )


def validate(
    data: bytes,
    *,
    workplaces: Iterable[WorkplaceRef],
    people: Iterable[Person],
    deactivate_missing: bool = False,
    keep_active_ids: Iterable[int] = (),
) -> ImportPlan:
    """Read, check every line, and work out the changes; any error means nothing may be written."""
    result, records = read(data)
    if result.errors:
        return result
    codes, paths = workplace_index(workplaces)
    people = list(people)
    by_number = {p.personal_number: p for p in people if p.personal_number}
    numbers_in_file = {values.get("personal_number", "") for _line, values in records}
    context = FileContext(
        codes=codes,
        paths=paths,
        by_number=by_number,
        by_email={p.email.casefold(): p for p in people},
        numbers_in_file=numbers_in_file,
    )
    for line, values in records:
        form = EmployeeRowForm(line, values, context)
        messages = form.messages()
        if messages:
            result.errors.append(LineError(line, messages))
        else:
            result.rows.append(form.row())
    if result.errors:
        return result
    for row in result.rows:
        person = by_number.get(row.personal_number)
        result.changes.append(Change(row=row, person=person, fields=_changed(row, person)))
    if deactivate_missing:
        keep = set(keep_active_ids)
        result.deactivate = [
            p
            for p in people
            if p.is_active
            and p.personal_number
            and p.personal_number not in numbers_in_file
            and not p.is_superuser
            and p.id not in keep
        ]
    return result


def _changed(row: Row, person: Person | None) -> list[str]:
    if person is None:
        return []
    pairs = {
        "first_name": (row.first_name, person.first_name),
        "last_name": (row.last_name, person.last_name),
        "email": (row.email, person.email),
        "workplace": (row.workplace_id, person.workplace_id),
        "is_active": (True, person.is_active),
    }
    if row.job_title is not None:
        pairs["job_title"] = (row.job_title, person.job_title)
    if row.manager_number is not None:
        pairs["manager"] = (row.manager_number or None, person.manager_number)
    if row.is_management is not None:
        pairs["is_management"] = (row.is_management, person.is_management)
    return [name for name, (new, old) in pairs.items() if new != old]
