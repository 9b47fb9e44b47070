"""Reading and checking HR's employee CSV: pure functions over bytes and plain data, no ORM.

The file
- UTF-8 with or without BOM (Excel's "CSV UTF-8"); Windows-1250 (Excel's plain Czech "CSV")
  and UTF-16 are recognised too, so Czech letters survive whichever Excel export HR picks;
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
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Excel's plain "CSV" on Czech Windows; every byte decodes, so it is the last resort.
        return data.decode("cp1250"), "windows-1250"


def detect_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read(data: bytes) -> tuple[ImportPlan, list[tuple[int, dict[str, str]]]]:
    """Decode and split the file into (line number, {field: value}) records."""
    result = ImportPlan()
    text, result.encoding = decode(data)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        result.errors.append(LineError(1, [_("The file is empty.")]))
        return result, []
    result.delimiter = detect_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter)
    header: list[str | None] = []
    for raw in reader:
        if any(cell.strip() for cell in raw):
            header = [_HEADER_LOOKUP.get(_norm(cell)) for cell in raw]
            result.ignored_columns = [
                cell.strip() for cell, name in zip(raw, header, strict=True) if not name and cell
            ]
            break
    header_line = reader.line_num
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
    for raw in reader:
        if not any(cell.strip() for cell in raw):
            continue
        values: dict[str, str] = {}
        for name, cell in zip(header, raw, strict=False):
            if name:
                values[name] = cell.strip()
        for name in present - set(values):
            values[name] = ""  # a short line: the missing cells are empty
        records.append((reader.line_num, values))
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
    by_email = {p.email.casefold(): p for p in people}
    numbers_in_file = {values.get("personal_number", "") for _line, values in records}
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}

    for line, values in records:
        messages = []
        number = values.get("personal_number", "")
        first, last = _split_name(values)
        email = values.get("email", "").lower()
        required = {
            _("personal number"): number,
            _("first name"): first,
            _("last name"): last,
            _("e-mail"): email,
            _("workplace"): values.get("workplace", ""),
        }
        empty = [label for label, value in required.items() if not value]
        if empty:
            messages.append(_("Missing: %(fields)s.") % {"fields": ", ".join(empty)})
        for name, value in (
            ("personal_number", number),
            ("first_name", first),
            ("last_name", last),
            ("job_title", values.get("job_title", "")),
        ):
            if len(value) > MAX_LENGTHS[name]:
                messages.append(
                    _("“%(value)s” is longer than %(max)d characters.")
                    % {"value": value[:40] + "…", "max": MAX_LENGTHS[name]}
                )
        if number:
            if number in seen_numbers:
                messages.append(
                    _("Personal number %(number)s is already on line %(line)d.")
                    % {"number": number, "line": seen_numbers[number]}
                )
            seen_numbers.setdefault(number, line)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                messages.append(_("Invalid e-mail address “%(email)s”.") % {"email": email})
            else:
                if email in seen_emails:
                    messages.append(
                        _("E-mail %(email)s is already on line %(line)d.")
                        % {"email": email, "line": seen_emails[email]}
                    )
                seen_emails.setdefault(email, line)
                owner = by_email.get(email)
                if owner is not None and owner.personal_number != number:
                    messages.append(
                        _("E-mail %(email)s belongs to another person (%(name)s).")
                        % {
                            "email": email,
                            "name": f"{owner.first_name} {owner.last_name}".strip() or owner.email,
                        }
                    )
        workplace_id = None
        if values.get("workplace"):
            found = resolve_workplace(values["workplace"], codes, paths)
            if isinstance(found, int):
                workplace_id = found
            else:
                messages.append(found)
        manager = values.get("manager") if "manager" in values else None
        if manager:
            if manager == number:
                messages.append(_("A person cannot be their own manager."))
            elif manager not in numbers_in_file and manager not in by_number:
                messages.append(
                    _("Unknown manager: no one has personal number %(number)s.")
                    % {"number": manager}
                )
        is_management = None
        if "is_management" in values:
            flag = _norm(values["is_management"])
            if flag in _YES:
                is_management = True
            elif flag in _NO:
                is_management = False
            else:
                messages.append(
                    _("Management must be “ano” or “ne” (or 1/0), not “%(value)s”.")
                    % {"value": values["is_management"]}
                )
        if messages:
            result.errors.append(LineError(line, messages))
            continue
        result.rows.append(
            Row(
                line=line,
                personal_number=number,
                first_name=first,
                last_name=last,
                email=email,
                workplace_id=workplace_id,
                job_title=values.get("job_title") if "job_title" in values else None,
                manager_number=manager,
                is_management=is_management,
            )
        )

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
