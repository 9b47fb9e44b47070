"""Point 7: any file gets a clear Czech message; a real Excel workbook (.xlsx) is imported.

A binary file, an old .xls, a broken workbook and an .xlsx renamed .csv go through the
command and the admin screen: nothing crashes, nothing is written unless the file is a
table, and the workbook is read by its content whatever its name.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from organisation.models import User
from organisation.services import employees_import
from tests import factories

pytestmark = pytest.mark.django_db

REFUSED = "Soubor není tabulka CSV ani sešit Excelu (.xlsx)"


@pytest.fixture
def podatelna(db):
    return factories.WorkplaceFactory(name="Podatelna a výpravna", code="osa-podatelna")


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Osobní číslo", "Jméno", "Příjmení", "E-mail", "Pracoviště", "Vedoucí zaměstnanec"]
    )
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


PEOPLE = [
    [20001, "Řehoř", "Žďárský", "rehor.zdarsky@example.cz", "osa-podatelna", "ne"],
    ["20002", "Jiří", "Kučera", "jiri.kucera@example.cz", "Podatelna a výpravna", "ano"],
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))
OLD_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
BROKEN_XLSX = b"PK\x03\x04" + b"\x81\x8d\x90 not a zip at all" * 20


def test_a_real_xlsx_workbook_is_imported(podatelna):
    plan = employees_import(data=xlsx_bytes(PEOPLE))
    assert plan.ok, plan.errors
    assert plan.encoding == "xlsx"
    rehor = User.objects.get(personal_number="20001")  # a number cell, not "20001.0"
    assert (rehor.first_name, rehor.last_name, rehor.workplace) == ("Řehoř", "Žďárský", podatelna)
    assert User.objects.get(personal_number="20002").is_management is True


def test_a_bad_line_in_a_workbook_is_reported_by_its_excel_row(podatelna):
    plan = employees_import(data=xlsx_bytes([*PEOPLE, [20003, "Eva", "", "eva@x.cz", "?", ""]]))
    assert not plan.ok
    assert [e.line for e in plan.errors] == [4]
    assert "Chybí: příjmení" in " ".join(plan.errors[0].messages)
    assert not User.objects.filter(personal_number__in=["20001", "20002"]).exists()


@pytest.mark.parametrize("data", [PNG, OLD_XLS, BROKEN_XLSX], ids=["png", "xls", "broken-xlsx"])
def test_the_command_refuses_a_non_table_with_a_czech_message(podatelna, tmp_path, data):
    path = tmp_path / "zamestnanci.csv"
    path.write_bytes(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match="nic nebylo zapsáno"):
        call_command("import_employees", str(path), stdout=io.StringIO(), stderr=err)
    assert REFUSED in err.getvalue()
    assert not User.objects.exclude(personal_number="").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [("lide.csv", PNG), ("lide.xls", OLD_XLS), ("lide.xlsx", BROKEN_XLSX)],
)
def test_the_admin_refuses_a_non_table_with_a_czech_message(client, site, podatelna, name, data):
    client.force_login(factories.UserFactory(roles=["HR"]))
    response = client.post("/admin/employees/import/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    page = response.content.decode()
    assert REFUSED in page
    assert "Potvrdit import" not in page


def test_an_xlsx_renamed_csv_is_read_as_the_workbook_it_is(
    client, site, podatelna, django_capture_on_commit_callbacks
):
    client.force_login(factories.UserFactory(roles=["HR"]))
    upload = SimpleUploadedFile("lide.csv", xlsx_bytes(PEOPLE), content_type="text/csv")
    preview = client.post("/admin/employees/import/", {"file": upload})
    assert preview.status_code == 200
    assert "Žďárský" in preview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            "/admin/employees/import/",
            {"confirm": "1", "token": preview.context["token"]},
            follow=True,
        )
    assert done.status_code == 200
    assert User.objects.filter(personal_number__in=["20001", "20002"]).count() == 2
