"""Turns LDAP / Active Directory entries into the employee import's own input: pure, no ORM.

The sync does not keep rules of its own for people: every entry becomes one line of the CSV that
HR's import reads (organisation/importing.py), so the same checks, the same all-or-nothing rule,
the same per-line report and the same joiner and mover handling apply. This module only knows
the directory's side:
- which attribute holds which field (a map, configurable per directory);
- which accounts are disabled: Active Directory's `userAccountControl` bit 2 (ACCOUNTDISABLE),
  or, for OpenLDAP and others, an attribute holding one of a set of values;
- the department: by default the path of OUs between the people's base DN and the entry
  ("ou=Oddělení přestupků,ou=Odbor správních činností,ou=Zaměstnanci,…" is the workplace
  "Odbor správních činností / Oddělení přestupků"), or an attribute whose value the import
  resolves like its own workplace column (code, path or unique name);
- the manager: a DN, turned into that person's personal number.
Entries without a personal number (service accounts, shared mailboxes) are not employees.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The fields the sync reads, and where a directory usually keeps them (inetOrgPerson; Active
# Directory has the same names except the personal number, often `employeeID`).
DEFAULT_ATTRIBUTES = {
    "personal_number": "employeeNumber",
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail",
    "job_title": "title",
    "manager": "manager",
    # Empty: the department is the entry's path of OUs below the base DN.
    "workplace": "",
}
UAC_ACCOUNTDISABLE = 0x2
# The import's English header names (importing.HEADERS knows them).
CSV_HEADER = {
    "personal_number": "personal number",
    "first_name": "first name",
    "last_name": "last name",
    "email": "e-mail",
    "workplace": "workplace",
    "job_title": "job title",
    "manager": "manager personal number",
}
FIRST_ENTRY_LINE = 2  # the CSV's line 1 is its header


@dataclass(frozen=True)
class Config:
    base_dn: str
    attributes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ATTRIBUTES))
    disabled_attribute: str = "userAccountControl"
    # Empty with userAccountControl: AD's bit 2 decides. Otherwise the values meaning "disabled".
    disabled_values: frozenset[str] = frozenset()

    def attribute(self, name: str) -> str:
        return self.attributes.get(name, "")

    @property
    def requested(self) -> list[str]:
        names = [a for a in self.attributes.values() if a]
        if self.disabled_attribute:
            names.append(self.disabled_attribute)
        return sorted(set(names), key=str.lower)


@dataclass(frozen=True)
class Entry:
    """One person as the directory has them; `line` numbers the report like the CSV's lines."""

    line: int
    dn: str
    key: str
    personal_number: str
    first_name: str
    last_name: str
    email: str
    job_title: str
    manager_key: str  # the manager's normalised DN, or ""
    workplace_path: tuple[str, ...]  # from the OUs; () with a department attribute
    department: str  # the department attribute's value, "" when the OUs decide
    disabled: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.dn


@dataclass
class EntryError:
    line: int
    dn: str
    messages: list[str]


@dataclass
class Reading:
    """The entries of one search: people, and the lines that cannot be read."""

    entries: list[Entry] = field(default_factory=list)
    errors: list[EntryError] = field(default_factory=list)
    not_employees: int = 0

    @property
    def enabled(self) -> list[Entry]:
        return [e for e in self.entries if not e.disabled]

    @property
    def disabled(self) -> list[Entry]:
        return [e for e in self.entries if e.disabled]


_HEX = re.compile(r"\\([0-9a-fA-F]{2})")


def _unescape(value: str) -> str:
    """An RFC 4514 attribute value as text: `\\,` is a comma, `\\C4\\8D` is "č"."""
    raw = bytearray()
    i = 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            pair = value[i + 1 : i + 3]
            if _HEX.fullmatch("\\" + pair):
                raw.append(int(pair, 16))
                i += 3
                continue
            raw.extend(value[i + 1].encode())
            i += 2
            continue
        raw.extend(char.encode())
        i += 1
    return raw.decode("utf-8", errors="replace").strip()


def dn_parts(dn: str) -> list[tuple[str, str]]:
    """(attribute in lower case, unescaped value) per RDN, the entry's own RDN first."""
    parts: list[tuple[str, str]] = []
    current: list[str] = []
    i = 0
    while i <= len(dn):
        char = dn[i] if i < len(dn) else ","
        if char == "\\" and i + 1 < len(dn):
            current.append(dn[i : i + 2])
            i += 2
            continue
        if char in ",;":
            rdn = "".join(current).strip()
            if rdn:
                # A multi-valued RDN (a+b=…) keeps its first value: OUs never have two.
                first = re.split(r"(?<!\\)\+", rdn)[0]
                attr, _sep, value = first.partition("=")
                parts.append((attr.strip().lower(), _unescape(value)))
            current = []
        else:
            current.append(char)
        i += 1
    return parts


def dn_key(dn: str) -> str:
    """A DN as directories compare them: case and spaces around separators do not matter."""
    return ",".join(
        f"{attr}={' '.join(value.split()).casefold().replace(',', chr(92) + ',')}"
        for attr, value in dn_parts(dn)
    )


def workplace_path(dn: str, base_dn: str) -> tuple[str, ...]:
    """The OUs between the base DN and the entry, the top one first."""
    parts, base = dn_parts(dn), dn_parts(base_dn)
    below = parts[1 : len(parts) - len(base)] if base else parts[1:]
    return tuple(value for attr, value in reversed(below) if attr == "ou" and value)


def _values(attributes: Mapping[str, list[bytes]]) -> dict[str, list[bytes]]:
    return {name.lower(): list(values) for name, values in attributes.items()}


def _text(values: dict[str, list[bytes]], attribute: str) -> str:
    if not attribute:
        return ""
    found = values.get(attribute.lower()) or []
    if not found:
        return ""
    raw = found[0]
    text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    # One CSV line per entry: a line break in a directory value is noise.
    return " ".join(text.split())


def is_disabled(values: dict[str, list[bytes]], config: Config) -> bool:
    """AD: bit 2 of userAccountControl; otherwise the attribute holds a "disabled" value."""
    if not config.disabled_attribute:
        return False
    value = _text(values, config.disabled_attribute)
    if config.disabled_attribute.lower() == "useraccountcontrol" and not config.disabled_values:
        try:
            return bool(int(value or "0") & UAC_ACCOUNTDISABLE)
        except ValueError:
            return False
    return value.casefold() in {v.casefold() for v in config.disabled_values}


def entries_read(
    results: Iterable[tuple[str, Mapping[str, list[bytes]]]], config: Config
) -> Reading:
    """The people among the search results in DN order, so reports are stable.

    The enabled people are numbered as the lines of the import's CSV (from 2, after its header),
    so the import's own messages ("already on line 7") point at the same numbers as the report;
    disabled and unreadable entries get no line (0) and are named by their DN.
    """
    reading = Reading()
    number_attr = config.attribute("personal_number")
    rows = sorted(results, key=lambda item: dn_key(item[0]))
    line = FIRST_ENTRY_LINE
    for dn, attributes in rows:
        values = _values(attributes)
        try:
            number = _text(values, number_attr)
            if not number:
                reading.not_employees += 1
                continue
            texts = {
                name: _text(values, config.attribute(name))
                for name in ("first_name", "last_name", "email", "job_title", "manager")
            }
            department = _text(values, config.attribute("workplace"))
        except UnicodeDecodeError:
            reading.errors.append(
                EntryError(0, dn, [_("The entry has a value that is not UTF-8 text.")])
            )
            continue
        disabled = is_disabled(values, config)
        reading.entries.append(
            Entry(
                line=0 if disabled else line,
                dn=dn,
                key=dn_key(dn),
                personal_number=number,
                first_name=texts["first_name"],
                last_name=texts["last_name"],
                email=texts["email"].lower(),
                job_title=texts["job_title"],
                manager_key=dn_key(texts["manager"]) if texts["manager"] else "",
                workplace_path=()
                if config.attribute("workplace")
                else workplace_path(dn, config.base_dn),
                department=department,
                disabled=disabled,
            )
        )
        if not disabled:
            line += 1
    return reading


@dataclass
class ImportInput:
    """The CSV for the employee import and, per CSV line, the entry it came from."""

    data: bytes
    lines: dict[int, Entry]
    errors: list[EntryError]
    warnings: list[str]


def import_input(
    reading: Reading,
    *,
    workplace_codes: Mapping[tuple[str, ...], str],
    known_numbers: Iterable[str],
    with_job_title: bool,
) -> ImportInput:
    """The enabled people as the import's CSV. Disabled ones are left out, so the import's
    "deactivate who is missing" deactivates them (their records stay)."""
    by_key = {e.key: e for e in reading.entries}
    known = set(known_numbers)
    columns = ["personal_number", "first_name", "last_name", "email", "workplace", "manager"]
    if with_job_title:
        columns.append("job_title")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([CSV_HEADER[c] for c in columns])
    lines: dict[int, Entry] = {}
    errors = list(reading.errors)
    warnings: list[str] = []
    for entry in reading.enabled:
        manager = ""
        if entry.manager_key:
            boss = by_key.get(entry.manager_key)
            if boss is None:
                errors.append(
                    EntryError(
                        entry.line,
                        entry.dn,
                        [
                            _("Unknown manager “%(dn)s”: no such person in the directory.")
                            % {"dn": entry.manager_key}
                        ],
                    )
                )
            elif boss.disabled and boss.personal_number not in known:
                # A disabled manager never synced: the person is kept, without a manager.
                warnings.append(
                    _("%(name)s: the manager's account (%(manager)s) is disabled.")
                    % {"name": entry.name, "manager": boss.name}
                )
            else:
                manager = boss.personal_number
        workplace = entry.department or workplace_codes.get(entry.workplace_path, "")
        values = {
            "personal_number": entry.personal_number,
            "first_name": entry.first_name,
            "last_name": entry.last_name,
            "email": entry.email,
            "workplace": workplace,
            "manager": manager,
            "job_title": entry.job_title,
        }
        writer.writerow([values[c] for c in columns])
        lines[entry.line] = entry  # entries_read numbered them as these very lines
    return ImportInput(
        data=out.getvalue().encode("utf-8"), lines=lines, errors=errors, warnings=warnings
    )
