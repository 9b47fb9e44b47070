"""Every report table as CSV or XLSX: Czech letters intact in Excel, formulas neutralised.

- CSV is UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without it,
  "ř" opens as "Å™"). Czech Excel splits columns on semicolons and reads decimal commas, so
  a Czech file uses ";" and "92,5"; an English one "," and "92.5". Dates are ISO (Excel
  understands them in any locale).
- XLSX is written by openpyxl in write-only mode, which streams rows to a temporary file
  instead of holding the sheet in memory.
- A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
  prefixed with a quote: OWASP's advice against CSV injection, applied in both formats.
"""

from __future__ import annotations

import csv
import datetime
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from core.spreadsheets import neutralise

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    decimal: str


def dialect_for(language: str | None = None) -> Dialect:
    language = (language or translation.get_language() or "cs")[:2]
    return Dialect(";", ",") if language == "cs" else Dialect(",", ".")


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def csv_value(value, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, Decimal | float):
        text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        return text.replace(".", dialect.decimal)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def xlsx_value(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: write the wall-clock time the organisation lives in.
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, int | float | datetime.date):
        return value
    return neutralise(str(value))


class _Echo:
    """A file that hands back what is written, for streaming the csv module's output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    headings: Sequence[str], rows: Iterable[Sequence], *, language: str | None = None
) -> Iterator[bytes]:
    """The file as encoded chunks: BOM, heading line, then a line per row."""
    dialect = dialect_for(language)
    writer = csv.writer(_Echo(), delimiter=dialect.delimiter, lineterminator="\r\n")
    yield (BOM + writer.writerow([neutralise(str(h)) for h in headings])).encode("utf-8")
    for row in rows:
        yield writer.writerow([csv_value(v, dialect) for v in row]).encode("utf-8")


def write_csv(
    handle: IO[bytes],
    headings: Sequence[str],
    rows: Iterable[Sequence],
    *,
    language: str | None = None,
    progress=None,
) -> int:
    """Write to a binary file; returns the number of data rows. `progress(n)` every 1,000."""
    count = 0
    for count, chunk in enumerate(csv_lines(headings, rows, language=language)):
        handle.write(chunk)
        if progress is not None and count and count % 1000 == 0:
            progress(count)
    return count


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(title: str) -> str:
    return _SHEET_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet1"


def write_xlsx(
    handle: IO[bytes] | str,
    headings: Sequence[str],
    rows: Iterable[Sequence],
    *,
    title: str = "Data",
    progress=None,
) -> int:
    """Write a one-sheet workbook in write-only (streaming) mode; returns the data row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    bold = Font(bold=True)
    header = []
    for text in headings:
        cell = WriteOnlyCell(sheet, value=neutralise(str(text)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.append([xlsx_value(v) for v in row])
        if progress is not None and count % 1000 == 0:
            progress(count)
    workbook.save(handle)
    return count


@dataclass
class Table:
    """One table of a dashboard, as it is shown and exported."""

    key: str
    title: str
    headings: list[str]
    rows: list[list] = field(default_factory=list)


def safe_filename(stem: str, extension: str) -> str:
    # ASCII only: some mail gateways and old browsers mangle anything else in a file name.
    ascii_stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "export"
    return f"{ascii_stem}-{timezone.localdate():%Y%m%d}.{extension}"


def csv_response(
    headings: Sequence[str], rows: Iterable[Sequence], *, stem: str
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(headings, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(stem, CSV))
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(
    headings: Sequence[str], rows: Iterable[Sequence], *, stem: str, title: str
) -> FileResponse:
    # Spooled: a small sheet stays in memory, a big one spills to disk.
    buffer = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    write_xlsx(buffer, headings, rows, title=title)
    buffer.seek(0)
    response = FileResponse(
        buffer,
        as_attachment=True,
        filename=safe_filename(stem, XLSX),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def table_response(table: Table, export_format: str, *, stem: str | None = None):
    stem = stem or table.key
    if export_format == XLSX:
        return xlsx_response(table.headings, table.rows, stem=stem, title=table.title)
    return csv_response(table.headings, table.rows, stem=stem)
