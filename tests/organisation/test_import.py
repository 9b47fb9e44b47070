"""HR's employee import: Czech CSVs, all or nothing with a per-line report, updates, movers."""

import codecs
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from courses.models import Assignment
from organisation import importing
from organisation.models import User
from organisation.services import employees_import
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = (
    "Osobní číslo;Jméno;Příjmení;E-mail;Pracoviště;Funkce;Osobní číslo vedoucího;"
    "Vedoucí zaměstnanec"
)


def csv_bytes(*lines: str, bom: bool = True, header: str = HEADER) -> bytes:
    text = "\r\n".join([header, *lines]) + "\r\n"
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


@pytest.fixture
def org(db):
    root = factories.WorkplaceFactory(name="Magistrát města Horní Lhota", code="magistrat")
    osa = factories.WorkplaceFactory(name="Odbor správních agend", code="osa", parent=root)
    root.refresh_from_db()
    podatelna = factories.WorkplaceFactory(
        name="Podatelna a výpravna", code="osa-podatelna", parent=osa
    )
    osa.refresh_from_db()
    sekretariat1 = factories.WorkplaceFactory(name="Sekretariát", code="osa-sekr", parent=osa)
    oe = factories.WorkplaceFactory(name="Odbor ekonomický", code="oe", parent=root)
    sekretariat2 = factories.WorkplaceFactory(name="Sekretariát", code="oe-sekr", parent=oe)
    return {
        "root": root,
        "osa": osa,
        "podatelna": podatelna,
        "oe": oe,
        "sekr1": sekretariat1,
        "sekr2": sekretariat2,
    }


GOOD = [
    "20001;Marie;Svobodová;marie.svobodova@example.cz;Odbor správních agend;vedoucí odboru;;ano",
    "20002;Jiří;Kučera;Jiri.Kucera@example.cz;Odbor správních agend / Podatelna a výpravna;"
    "vedoucí podatelny;20001;ano",
    "20003;Řehoř;Žďárský;rehor.zdarsky@example.cz;osa-podatelna;referent;20002;ne",
]


def test_a_czech_excel_csv_with_semicolons_and_bom_creates_people(org):
    plan = employees_import(data=csv_bytes(*GOOD))
    assert plan.ok, plan.errors
    assert (plan.encoding, plan.delimiter, len(plan.created)) == ("utf-8", ";", 3)
    rehor = User.objects.get(personal_number="20003")
    assert (rehor.first_name, rehor.last_name) == ("Řehoř", "Žďárský")
    assert rehor.workplace == org["podatelna"]
    assert rehor.manager.personal_number == "20002"
    assert rehor.is_management is False
    assert not rehor.has_usable_password()
    assert rehor.groups.filter(name="Employee").exists()
    jiri = User.objects.get(personal_number="20002")
    assert (jiri.email, jiri.is_management, jiri.manager.last_name) == (
        "jiri.kucera@example.cz",
        True,
        "Svobodová",
    )
    assert User.objects.get(personal_number="20001").workplace == org["osa"]


def test_bad_lines_reject_the_file_with_a_report_and_write_nothing(org):
    factories.UserFactory(email="obsazeno@example.cz", personal_number="99999")
    before = User.objects.count()
    plan = employees_import(
        data=csv_bytes(
            GOOD[0],
            "20004;Eva;Horáková;eva@example.cz;Neexistující odbor;;;ne",
            "20005;Petr;Malý;marie.svobodova@example.cz;osa;;;ne",
            "20006;Jan;Novák;obsazeno@example.cz;osa;;;ne",
            "20007;Jana;Nová;tohle-neni-email;osa;;;ne",
            "20008;Karel;Dvořák;karel@example.cz;osa;;77777;ne",
            ";Bez;Čísla;bez@example.cz;;;;ne",
            "20009;Ivana;Veselá;ivana@example.cz;Sekretariát;;;možná",
        )
    )
    assert not plan.ok
    assert User.objects.count() == before
    report = {error.line: " ".join(error.messages) for error in plan.errors}
    assert set(report) == {3, 4, 5, 6, 7, 8, 9}
    assert "Neznámé pracoviště „Neexistující odbor“" in report[3]
    assert "je už na řádku 2" in report[4]
    assert "patří jiné osobě" in report[5]
    assert "Neplatná e-mailová adresa" in report[6]
    assert "Neznámý vedoucí" in report[7]
    assert "Chybí: osobní číslo, pracoviště" in report[8]
    assert "nejednoznačné" in report[9] and "ano" in report[9]


def test_people_are_updated_by_personal_number_and_unchanged_ones_are_left(org):
    employees_import(data=csv_bytes(*GOOD))
    changed = GOOD[2].replace("referent", "vedoucí referent").replace("rehor.", "r.")
    plan = employees_import(data=csv_bytes(GOOD[0], GOOD[1], changed))
    assert plan.ok
    assert (len(plan.created), len(plan.updated), plan.unchanged) == (0, 1, 2)
    assert plan.updated[0].fields == ["email", "job_title"]
    rehor = User.objects.get(personal_number="20003")
    assert (rehor.email, rehor.job_title) == ("r.zdarsky@example.cz", "vedoucí referent")
    assert User.objects.filter(personal_number__in=["20001", "20002", "20003"]).count() == 3


def test_a_mover_found_by_the_import_gets_the_new_workplace_plan(
    org, course_index, django_capture_on_commit_callbacks
):
    category = factories.RiskCategoryFactory(code="pokladna", name="Platby a pokladna")
    course = factories.make_plan_course(course_index, [category], title="Platby")
    security = factories.UserFactory(roles=["Security manager"])
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_review(org["oe"], {category: (4, 4)}, approve_by=security)
        employees_import(data=csv_bytes(*GOOD))
    rehor = User.objects.get(personal_number="20003")
    assert not Assignment.objects.filter(user=rehor).exists()
    moved = GOOD[2].replace("osa-podatelna", "Odbor ekonomický")
    with django_capture_on_commit_callbacks(execute=True):
        plan = employees_import(data=csv_bytes(GOOD[0], GOOD[1], moved))
    assert [c.row.personal_number for c in plan.moved] == ["20003"]
    assignment = Assignment.objects.get(user=rehor)
    assert (assignment.course, assignment.source, assignment.risk_level) == (
        course,
        "joiner",
        "critical",
    )


def test_people_missing_from_the_file_are_deactivated_only_on_request(org):
    employees_import(data=csv_bytes(*GOOD))
    hr = factories.UserFactory(personal_number="10002", roles=["HR"])
    admin = factories.UserFactory(personal_number="10005", is_superuser=True)
    plan = employees_import(data=csv_bytes(GOOD[0], GOOD[1]))
    assert plan.deactivate == []
    assert User.objects.get(personal_number="20003").is_active

    plan = employees_import(
        data=csv_bytes(GOOD[0], GOOD[1]), deactivate_missing=True, imported_by=hr
    )
    assert [p.personal_number for p in plan.deactivate] == ["20003"]
    rehor = User.objects.get(personal_number="20003")
    assert rehor.is_active is False  # kept, not deleted
    hr.refresh_from_db()
    admin.refresh_from_db()
    assert hr.is_active and admin.is_active

    # Back in the file: active again.
    employees_import(data=csv_bytes(*GOOD))
    assert User.objects.get(personal_number="20003").is_active


def test_a_dry_run_reports_and_writes_nothing(org):
    plan = employees_import(data=csv_bytes(*GOOD), dry_run=True)
    assert plan.ok and len(plan.created) == 3
    assert not User.objects.filter(personal_number__in=["20001", "20002", "20003"]).exists()


def test_comma_separated_without_bom_with_a_full_name_column(org):
    data = (
        "personal number,full name,email,workplace,management\n"
        '30001,"Anna Marie Nováková",anna@example.cz,"Magistrát města Horní Lhota / '
        'Odbor ekonomický",1\n'
    ).encode()
    plan = employees_import(data=data)
    assert plan.ok, plan.errors
    anna = User.objects.get(personal_number="30001")
    assert (anna.first_name, anna.last_name, anna.workplace, anna.is_management) == (
        "Anna Marie",
        "Nováková",
        org["oe"],
        True,
    )


def test_excel_windows_1250_export_keeps_czech_letters(org):
    text = (
        "Osobní číslo;Příjmení a jméno;E-mail;Pracoviště\r\n"
        "40001;Šťastná Žofie;zofie@example.cz;oe\r\n"
    )
    plan = employees_import(data=text.encode("cp1250"))
    assert plan.ok and plan.encoding == "windows-1250"
    zofie = User.objects.get(personal_number="40001")
    assert (zofie.first_name, zofie.last_name) == ("Žofie", "Šťastná")


def test_a_header_without_required_columns_is_reported_on_line_1(org):
    plan = employees_import(data=csv_bytes("1;2", header="Jméno;Příjmení"))
    assert not plan.ok
    assert plan.errors[0].line == 1
    assert "osobní číslo" in plan.errors[0].messages[0]


def test_workplace_lookup_is_pure_and_strict():
    refs = [
        importing.WorkplaceRef(1, "osa", ("Magistrát", "Odbor správních agend")),
        importing.WorkplaceRef(
            2, "osa-sekr", ("Magistrát", "Odbor správních agend", "Sekretariát")
        ),
        importing.WorkplaceRef(3, "oe-sekr", ("Magistrát", "Odbor ekonomický", "Sekretariát")),
    ]
    codes, paths = importing.workplace_index(refs)
    assert importing.resolve_workplace("OSA", codes, paths) == 1
    assert importing.resolve_workplace("odbor správních agend > sekretariát", codes, paths) == 2
    assert importing.resolve_workplace("Magistrát/Odbor ekonomický/Sekretariát", codes, paths) == 3
    assert "nejednoznačné" in importing.resolve_workplace("Sekretariát", codes, paths)


def test_the_command_imports_and_reports(org, tmp_path):
    path = tmp_path / "zamestnanci.csv"
    path.write_bytes(csv_bytes(*GOOD))
    out = io.StringIO()
    call_command("import_employees", str(path), "--dry-run", stdout=out)
    assert "3 nových" in out.getvalue()
    assert not User.objects.filter(personal_number="20001").exists()
    call_command("import_employees", str(path), stdout=io.StringIO())
    assert User.objects.filter(personal_number__in=["20001", "20002", "20003"]).count() == 3

    path.write_bytes(csv_bytes("20010;Bez;Pracoviště;bez@example.cz;;;;"))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_employees", str(path), stdout=io.StringIO(), stderr=err)
    assert "řádek 2" in err.getvalue()


@pytest.mark.parametrize(
    ("roles", "status"), [([], 403), (["Security manager"], 302), (["HR"], 200)]
)
def test_only_hr_reaches_the_import_screen(client, site, roles, status):
    client.force_login(factories.UserFactory(roles=roles))
    assert client.get("/admin/employees/import/").status_code == status


def test_hr_previews_then_confirms_an_import(client, site, org, django_capture_on_commit_callbacks):
    hr = factories.UserFactory(roles=["HR"])
    client.force_login(hr)
    upload = SimpleUploadedFile("lide.csv", csv_bytes(*GOOD), content_type="text/csv")
    preview = client.post("/admin/employees/import/", {"file": upload})
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Náhled" in page and "Žďárský" in page
    assert not User.objects.filter(personal_number="20003").exists()

    token = preview.context["token"]
    # The confirmation enqueues the import; the worker (in-process here) applies it.
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post("/admin/employees/import/", {"confirm": "1", "token": token})
    done = client.get(confirmed["Location"])
    assert done.status_code == 200
    assert "Import dokončen" in done.content.decode()
    assert User.objects.filter(personal_number__in=["20001", "20002", "20003"]).count() == 3
    assert Group.objects.get(name="Employee").user_set.filter(personal_number="20003").exists()


def test_the_import_screen_shows_bad_lines(client, site, org):
    client.force_login(factories.UserFactory(roles=["HR"]))
    bad = csv_bytes(GOOD[0], "20004;Eva;Horáková;eva@example.cz;Neexistující odbor;;;ne")
    response = client.post(
        "/admin/employees/import/", {"file": SimpleUploadedFile("lide.csv", bad)}
    )
    page = response.content.decode()
    assert "Neznámé pracoviště" in page
    assert "Potvrdit import" not in page
    assert not User.objects.filter(personal_number="20001").exists()
