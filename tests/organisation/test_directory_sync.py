"""Directory sync against a real OpenLDAP holding a Czech office (tests/organisation/ldap/)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_celery_beat.models import PeriodicTask
from wagtail.models import ModelLogEntry

from courses.models import Assignment
from organisation.directory_services import SYNC_ACTION, directory_sync
from organisation.models import DirectorySync, User, Workplace
from tests import factories

pytestmark = [pytest.mark.ldap, pytest.mark.django_db]

ENABLED = 14  # people with a personal number and an enabled account in office.ldif
SPRAVNI = "Odbor správních činností"
PRESTUPKY = "Oddělení přestupků"
DOPRAVA = "Odbor dopravy\\, silničního hospodářství"


def workplace(*names: str) -> Workplace:
    """The workplace at this path of names from the top."""
    node = None
    for name in names:
        qs = Workplace.objects.filter(name=name)
        node = (qs.filter(depth=1) if node is None else qs.filter(path__startswith=node.path)).get(
            depth=1 if node is None else node.depth + 1
        )
    return node


def people() -> dict[str, tuple]:
    return {
        u.personal_number: (u.first_name, u.last_name, u.is_active, u.workplace_id, u.manager_id)
        for u in User.objects.filter(personal_number__isnull=False)
    }


def test_the_first_sync_creates_the_people_and_the_workplace_tree(office):
    sync = directory_sync()

    assert sync.status == DirectorySync.Status.APPLIED, sync.report
    assert sync.counts["created"] == ENABLED
    assert (sync.counts["entries"], sync.counts["disabled"]) == (ENABLED + 1, 1)
    assert sync.counts["workplaces_created"] == 8
    sarka = User.objects.select_related("workplace", "manager").get(personal_number="1221")
    assert (sarka.first_name, sarka.last_name, sarka.email) == (
        "Šárka",
        "Bílá",
        "sarka.bila@horni-lhota.cz",
    )
    assert sarka.job_title == "pokladní"
    # Nested OUs become the workplace tree, names with their diacritics.
    assert sarka.workplace.path_names() == ["Odbor ekonomický", "Oddělení rozpočtu", "Pokladna"]
    assert sarka.workplace == workplace("Odbor ekonomický", "Oddělení rozpočtu", "Pokladna")
    # The manager chain, by DN, from the cash desk up to the secretary of the office.
    chain, person = [], sarka
    while person.manager_id:
        person = person.manager
        chain.append(person.last_name)
    assert chain == ["Nováčková", "Žák", "Přibyl"]
    # An OU with an escaped comma in its DN.
    kovar = User.objects.get(personal_number="1301")
    assert kovar.workplace.name == "Odbor dopravy, silničního hospodářství"
    assert User.objects.get(personal_number="1302").manager == kovar
    # The disabled account and the shared mailbox without a personal number are not employees.
    assert not User.objects.filter(personal_number="1222").exists()
    assert not User.objects.filter(email="podatelna@horni-lhota.cz").exists()
    assert not sarka.has_usable_password()
    assert sarka.groups.filter(name="Employee").exists()
    entry = ModelLogEntry.objects.get(action=SYNC_ACTION)
    assert entry.object_id == str(sync.pk)
    assert entry.data["status"] == "applied"


def test_a_second_sync_changes_nothing(office):
    directory_sync()
    before = people(), list(Workplace.objects.values_list("path", "name", "code"))

    sync = directory_sync()

    assert sync.status == DirectorySync.Status.APPLIED
    assert {k: sync.counts[k] for k in ("created", "updated", "deactivated", "unchanged")} == {
        "created": 0,
        "updated": 0,
        "deactivated": 0,
        "unchanged": ENABLED,
    }
    assert sync.counts["workplaces_created"] == 0
    assert (people(), list(Workplace.objects.values_list("path", "name", "code"))) == before


def test_a_mover_gets_the_new_workplace_plan(
    office, course_index, django_capture_on_commit_callbacks
):
    category = factories.RiskCategoryFactory(code="doprava", name="Registr vozidel")
    course = factories.make_plan_course(course_index, [category], title="Registr vozidel")
    security = factories.UserFactory(roles=["Security manager"], personal_number=None)
    with django_capture_on_commit_callbacks(execute=True):
        directory_sync()
        factories.make_review(
            workplace("Odbor dopravy, silničního hospodářství"),
            {category: (4, 4)},
            approve_by=security,
        )
    ondrej = User.objects.get(personal_number="1113")
    assert not Assignment.objects.filter(user=ondrej).exists()

    office.move(office.dn("Ondřej Čermák", PRESTUPKY, SPRAVNI), office.ou(DOPRAVA))
    with django_capture_on_commit_callbacks(execute=True):
        sync = directory_sync()

    assert sync.status == DirectorySync.Status.APPLIED
    assert sync.counts["moved"] == 1
    assert sync.report["moved"] == [{"personal_number": "1113", "name": "Ondřej Čermák"}]
    ondrej.refresh_from_db()
    assert ondrej.workplace == workplace("Odbor dopravy, silničního hospodářství")
    assignment = Assignment.objects.get(user=ondrej)
    assert (assignment.course_id, assignment.source, assignment.risk_level) == (
        course.pk,
        "joiner",
        "critical",
    )


def test_a_disabled_account_is_deactivated_and_its_records_kept(office, course):
    directory_sync()
    zdenka = User.objects.get(personal_number="1112")
    factories.AssignmentFactory(user=zdenka, course=course)

    office.modify(office.dn("Zdeňka Kůrková", PRESTUPKY, SPRAVNI), userAccountControl="514")
    sync = directory_sync()

    assert sync.status == DirectorySync.Status.APPLIED
    assert sync.report["deactivate"] == [{"personal_number": "1112", "name": "Zdeňka Kůrková"}]
    zdenka.refresh_from_db()
    assert zdenka.is_active is False
    assert Assignment.objects.filter(user=zdenka, course=course).exists()
    assert User.objects.filter(is_active=True, personal_number__isnull=False).count() == 13

    # Enabled again in the directory: active again.
    office.modify(office.dn("Zdeňka Kůrková", PRESTUPKY, SPRAVNI), userAccountControl="512")
    directory_sync()
    zdenka.refresh_from_db()
    assert zdenka.is_active


def test_openldap_marks_disabled_accounts_with_a_mapped_attribute(office, settings):
    settings.LDAP_DISABLED_ATTRIBUTE = "employeeType"
    settings.LDAP_DISABLED_VALUES = ["vystoupil", "disabled"]
    sync = directory_sync()
    # userAccountControl means nothing now: Miroslav Krejčí is an employee like the others.
    assert sync.counts["created"] == ENABLED + 1

    office.modify(
        office.dn("Miroslav Krejčí", "Pokladna", "Oddělení rozpočtu", "Odbor ekonomický"),
        employeeType="Vystoupil",
    )
    sync = directory_sync()

    assert sync.report["deactivate"] == [{"personal_number": "1222", "name": "Miroslav Krejčí"}]
    assert User.objects.get(personal_number="1222").is_active is False


def test_an_empty_ou_stops_the_run_until_it_is_confirmed(
    office, client, django_capture_on_commit_callbacks
):
    directory_sync()
    before = people()
    gone = office.delete_people_under(office.ou(SPRAVNI))
    assert gone == ["1101", "1111", "1112", "1113", "1121", "1122"]

    sync = directory_sync()

    assert sync.status == DirectorySync.Status.NEEDS_CONFIRMATION
    assert (sync.counts["deactivated"], sync.report["active"]) == (6, ENABLED)
    assert sync.report["deactivate_share"] == 42.9
    assert people() == before  # nothing changed
    with pytest.raises(CommandError, match="6 z 14"):
        call_command("sync_directory")
    assert people() == before

    # HR confirms the stopped run in the admin: exactly those people are deactivated.
    hr = factories.UserFactory(roles=["HR"], personal_number=None)
    client.force_login(hr)
    response = client.get(reverse("directory_sync"))
    assert "Potvrdit a deaktivovat tyto osoby" in response.content.decode()
    stopped = DirectorySync.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("directory_sync"), {"action": "confirm", "sync": stopped.pk}, follow=True
        )
    confirmed = DirectorySync.objects.first()
    assert (confirmed.status, confirmed.confirms, confirmed.triggered_by) == (
        DirectorySync.Status.APPLIED,
        stopped,
        hr,
    )
    assert (
        sorted(User.objects.filter(is_active=False).values_list("personal_number", flat=True))
        == gone
    )
    assert User.objects.filter(personal_number__in=gone).count() == 6  # kept, not deleted
    assert "Provedeno" in response.content.decode()


def test_a_confirmation_covers_only_the_people_it_listed(office):
    directory_sync()
    office.delete_people_under(office.ou(PRESTUPKY, SPRAVNI))  # 3 people: 21 %
    stopped = directory_sync()
    assert stopped.status == DirectorySync.Status.NEEDS_CONFIRMATION
    office.delete_people_under(office.ou("Oddělení matriky", SPRAVNI))  # 2 more meanwhile

    again = directory_sync(confirms=stopped)

    assert again.status == DirectorySync.Status.NEEDS_CONFIRMATION
    assert again.counts["deactivated"] == 5
    assert User.objects.filter(is_active=False).count() == 0

    # The operator's --confirm lets the run through.
    call_command("sync_directory", "--confirm")
    assert User.objects.filter(is_active=False).count() == 5


def test_a_dry_run_reports_and_changes_nothing(office, capsys):
    call_command("sync_directory", "--dry-run")

    out = capsys.readouterr().out
    assert "Zkušební běh, nic nebylo zapsáno" in out
    assert f"nových: {ENABLED}" in out
    assert "nových pracovišť: 8" in out
    assert not User.objects.exists()
    assert not Workplace.objects.exists()
    sync = DirectorySync.objects.get()
    assert (sync.status, sync.counts["created"]) == (DirectorySync.Status.DRY_RUN, ENABLED)


def test_bad_entries_are_reported_per_entry_and_nothing_is_saved(office, capsys):
    matrika = office.ou("Oddělení matriky", SPRAVNI)
    bad_mail = office.add_person(
        "Karel Nový", matrika, employeeNumber="1123", mail="karel.novy(at)horni-lhota.cz"
    )
    office.add_person(
        "Kateřina Dvojí", matrika, employeeNumber="1112", mail="katerina.dvoji@horni-lhota.cz"
    )
    unknown_boss = office.add_person(
        "Adam Sám",
        matrika,
        employeeNumber="1124",
        mail="adam.sam@horni-lhota.cz",
        manager=office.dn("Nikdo Neznámý", SPRAVNI),
    )

    with pytest.raises(CommandError):
        call_command("sync_directory")

    sync = DirectorySync.objects.get()
    assert sync.status == DirectorySync.Status.REJECTED
    by_dn = {e["dn"]: e["messages"] for e in sync.report["errors"]}
    zdenka = office.dn("Zdeňka Kůrková", PRESTUPKY, SPRAVNI)
    assert set(by_dn) == {bad_mail, zdenka, unknown_boss}  # Kateřina came first, in DN order
    assert by_dn[bad_mail] == ["Neplatná e-mailová adresa „karel.novy(at)horni-lhota.cz“."]
    # In DN order Karel Nový is line 9 and Kateřina Dvojí line 10, the report's numbers.
    assert [e["line"] for e in sync.report["errors"] if e["dn"] == bad_mail] == [9]
    assert by_dn[zdenka] == ["Osobní číslo 1112 je už na řádku 10."]
    assert by_dn[unknown_boss][0].startswith("Neznámý vedoucí „cn=nikdo neznámý,")
    err = capsys.readouterr().err
    assert f"řádek 9 ({bad_mail}): Neplatná e-mailová adresa" in err
    # All or nothing: no one and no workplace was written.
    assert not User.objects.exists()
    assert not Workplace.objects.exists()
    assert ModelLogEntry.objects.get(action=SYNC_ACTION).data["status"] == "rejected"


def test_an_unreachable_directory_fails_cleanly_and_changes_nothing(office, settings):
    directory_sync()
    before = people()
    settings.LDAP_URL = "ldap://127.0.0.1:1/"  # nothing listens on a privileged closed port

    with pytest.raises(CommandError, match="Adresář nelze přečíst"):
        call_command("sync_directory")

    assert DirectorySync.objects.first().status == DirectorySync.Status.FAILED
    assert people() == before


def test_the_beat_schedule_runs_the_sync(office):
    task = PeriodicTask.objects.get(task="organisation.directory_sync")
    assert task.enabled and task.crontab.hour == "5"
    from organisation.directory_tasks import directory_sync_task

    result = directory_sync_task.apply().get()
    assert (result["status"], result["created"]) == ("applied", ENABLED)


def test_the_status_page_shows_the_last_run_to_hr_only(office, client):
    employee = factories.UserFactory(personal_number=None)
    client.force_login(employee)
    assert client.get(reverse("directory_sync")).status_code in (302, 403)

    hr = factories.UserFactory(roles=["HR"], personal_number=None)
    client.force_login(hr)
    directory_sync(triggered_by=hr)
    with CaptureQueriesContext(connection) as one_run:
        page = client.get(reverse("directory_sync")).content.decode()
    assert "Poslední běh" in page and "Provedeno" in page
    assert f"Noví zaměstnanci: <strong>{ENABLED}</strong>" in page
    for _ in range(19):
        directory_sync(triggered_by=hr)
    with CaptureQueriesContext(connection) as twenty_runs:
        assert client.get(reverse("directory_sync")).status_code == 200
    assert len(twenty_runs) == len(one_run)
    assert client.post(reverse("directory_sync"), {"action": "nonsense"}).status_code == 400
    assert (
        client.post(reverse("directory_sync"), {"action": "confirm", "sync": "x"}).status_code
        == 400
    )
    # Only a stopped run can be confirmed.
    applied = DirectorySync.objects.first()
    response = client.post(reverse("directory_sync"), {"action": "confirm", "sync": applied.pk})
    assert response.status_code == 404


def test_many_sibling_ous_each_keep_their_own_sections(office):
    # treebeard keeps siblings sorted and renumbers their paths as new ones arrive: every
    # section must still land under its own department, and a second run find nothing to do.
    top = office.ou("Zátěžový odbor")
    office.conn.add(top, ["organizationalUnit"], {"ou": "Zátěžový odbor"})
    expected = {}
    for d in (3, 1, 0, 2):
        department = f"ou=Odbor č. {d},{top}"
        office.conn.add(department, ["organizationalUnit"], {"ou": f"Odbor č. {d}"})
        for s in (2, 0, 1):
            section = f"ou=Oddělení {s},{department}"
            office.conn.add(section, ["organizationalUnit"], {"ou": f"Oddělení {s}"})
            number = f"9{d}{s}"
            office.add_person(
                f"Jiří Kůň{number}", section, employeeNumber=number, mail=f"kun{number}@x.cz"
            )
            expected[number] = ["Zátěžový odbor", f"Odbor č. {d}", f"Oddělení {s}"]

    sync = directory_sync()

    assert sync.status == DirectorySync.Status.APPLIED, sync.report
    found = {
        u.personal_number: u.workplace.path_names()
        for u in User.objects.filter(personal_number__in=expected).select_related("workplace")
    }
    assert found == expected
    assert directory_sync(dry_run=True).counts["updated"] == 0
