"""Finding people in a real browser: the picker suggests as one types, lists sort in Czech order."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

PEOPLE = [
    ("Jana", "Čermáková"),
    ("Eva", "Zelenková"),
    ("Petr", "Šťastný"),
    ("Karel", "Chalupa"),
    ("Jiří", "Horák"),
    ("Tomáš", "Řezníček"),
    ("Jan", "Novák"),
]
CZECH_ORDER = ["Čermáková", "Horák", "Chalupa", "Novák", "Řezníček", "Šťastný", "Zelenková"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def people(demo):
    from core.collation import fold
    from organisation.models import User, Workplace

    workplace = Workplace.objects.order_by("path").last()
    return {
        last: User.objects.create_user(
            email=f"{fold(last)}@hledani.example.cz",
            password="demo",
            first_name=first,
            last_name=last,
            workplace=workplace,
        )
        for first, last in PEOPLE
    }


def serious(page) -> list[dict]:
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def test_hr_types_cer_and_picks_cermakova(page, live_server, people):
    login(page, live_server, "hr@example.cz")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/assignments/new/")
    box = page.get_by_role("combobox", name="Osoba")
    box.click()
    box.press_sequentially("Čer", delay=50)
    listbox = page.get_by_role("listbox", name="Navržení lidé")
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name=re.compile("Jana Čermáková"))
    expect(option).to_be_visible()
    # Czech order among the suggestions too: Čermáková before the demo's Černý.
    names = listbox.locator(".person-picker__name").all_inner_texts()
    assert names.index("Jana Čermáková") == 0, names
    expect(box).to_have_attribute("aria-expanded", "true")
    assert serious(page) == []
    snapshot(page, "person-picker-desktop")

    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Enter")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("Jana Čermáková")
    hidden = page.locator("input[type=hidden][name=person]")
    expect(hidden).to_have_value(str(people["Čermáková"].pk))

    page.set_viewport_size(PHONE)
    box.fill("")
    box.press_sequentially("stastny", delay=50)
    expect(listbox.get_by_role("option", name=re.compile("Petr Šťastný"))).to_be_visible()
    expect(page.locator(".person-picker__status")).to_have_text("Nalezena 1 osoba.")
    assert serious(page) == []
    snapshot(page, "person-picker-phone")


def test_the_security_manager_adds_campaign_people_by_name(page, live_server, people):
    login(page, live_server, "security@example.cz")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/phishing_campaigns/new/")
    box = page.get_by_role("combobox", name=re.compile("Lidé|Osoby"))
    for term, name in (("rezn", "Tomáš Řezníček"), ("chal", "Karel Chalupa")):
        box.press_sequentially(term, delay=50)
        page.get_by_role("option", name=re.compile(name)).click()
        expect(box).to_have_value("")
    chosen = page.get_by_role("list", name="Vybraní lidé")
    expect(chosen.get_by_role("listitem")).to_have_count(2)
    values = page.locator("input[type=hidden][name=people]")
    expect(values).to_have_count(2)
    chosen.get_by_role("button", name="Odebrat: Karel Chalupa").click()
    expect(values).to_have_count(1)
    expect(values).to_have_value(str(people["Řezníček"].pk))
    assert serious(page) == []
    snapshot(page, "person-picker-campaign")


def test_lists_show_people_in_czech_order(page, live_server, people):
    import datetime

    from django.utils import timezone

    from courses.models import Assignment, CoursePage

    course = CoursePage.objects.live().order_by("title").first()
    due = timezone.localdate() + datetime.timedelta(days=20)
    for person in people.values():
        # New people may already have been assigned the courses their workplace needs.
        Assignment.objects.get_or_create(
            user=person, course=course, defaults={"due_date": due, "reason": "Nástup"}
        )
    login(page, live_server, "hr@example.cz")
    for viewport, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page.set_viewport_size(viewport)
        page.goto(f"{live_server.url}/reports/people/")
        page.get_by_label("Jméno nebo e-mail").fill("hledani")
        page.get_by_role("button", name="Zobrazit", exact=True).click()
        page.wait_for_url(re.compile(r"q=hledani"))
        rows = page.locator("table.report-table tbody th[scope=row] a").all_inner_texts()
        # One row per assignment: each person's rows together, the people in Czech order.
        assert list(dict.fromkeys(r.split()[0] for r in rows)) == CZECH_ORDER, rows
        assert serious(page) == []
        snapshot(page, f"person-list-hr-{suffix}")
        page.get_by_label("Jméno nebo e-mail").fill("stastny")
        page.get_by_role("button", name="Zobrazit", exact=True).click()
        page.wait_for_url(re.compile(r"q=stastny"))
        found = page.locator("table.report-table tbody th[scope=row] a").all_inner_texts()
        assert found and set(found) == {"Šťastný Petr"}, found
    for viewport, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page.set_viewport_size(viewport)
        page.goto(f"{live_server.url}/admin/users/?q=hledani")
        names = page.locator("td.name").all_inner_texts()
        last_names = [n.split()[-1] for n in names if n.strip()]
        assert last_names == CZECH_ORDER, names
        assert serious(page) == []
        snapshot(page, f"person-list-admin-{suffix}")
