"""HR chases the overdue in a real browser: two people reminded, then their due dates extended."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from automation.models import Notification
from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def serious(page) -> list[dict]:
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def pick_two_people(page) -> list[str]:
    """Tick the rows of the first two different people; returns their names."""
    names, rows = [], page.locator("table.report-table tbody tr")
    for i in range(rows.count()):
        row = rows.nth(i)
        name = row.locator("th[scope=row] a").inner_text()
        if name in names:
            continue
        row.locator("[data-pick]").check()
        names.append(name)
        if len(names) == 2:
            return names
    raise AssertionError("fewer than two overdue people in the demo")


def test_hr_reminds_two_overdue_people_and_extends_their_due_dates(page, live_server, demo):
    login(page, live_server, "hr@example.cz")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/reports/overdue/")
    expect(page.get_by_role("heading", name="Školení po termínu", level=1)).to_be_visible()
    expect(page.get_by_role("columnheader", name="E-mail")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Vedoucí")).to_be_visible()
    expect(page.get_by_label("Vybrat vše na této stránce")).to_be_visible()
    assert serious(page) == []

    names = pick_two_people(page)
    expect(page.get_by_text("Vybráno: 2")).to_be_visible()
    snapshot(page, "hr-overdue-selected")
    page.get_by_role("button", name="Poslat připomínku hned").click()

    # The confirmation says whom it concerns; nothing is sent yet.
    expect(page.get_by_role("heading", name="Poslat připomínku hned", level=1)).to_be_visible()
    expect(page.get_by_text("Vybráno: 2 osoby, 2 přidělení.")).to_be_visible()
    assert not Notification.objects.filter(step__startswith="now:").exists()
    assert serious(page) == []
    snapshot(page, "hr-bulk-remind-confirm")
    page.set_viewport_size(PHONE)
    snapshot(page, "hr-bulk-remind-confirm-phone")
    page.set_viewport_size(DESKTOP)
    page.get_by_role("button", name="Odeslat připomínky").click()

    expect(page.get_by_text("Odeslány 2 připomínky.")).to_be_visible()
    assert Notification.objects.filter(step__startswith="now:").count() == 2
    assert serious(page) == []
    snapshot(page, "hr-overdue-reminded")

    # The same two again: nobody gets a second reminder today.
    for name in names:
        page.locator("tbody tr", has_text=name).first.locator("[data-pick]").check()
    page.get_by_role("button", name="Poslat připomínku hned").click()
    page.get_by_role("button", name="Odeslat připomínky").click()
    expect(
        page.get_by_text("Odesláno 0 připomínek. 2 připomínky vynechány: dnes už byly odeslány.")
    ).to_be_visible()
    assert Notification.objects.filter(step__startswith="now:").count() == 2

    # Their due dates extended: a date that is not in the future is refused first.
    for name in names:
        page.locator("tbody tr", has_text=name).first.locator("[data-pick]").check()
    page.get_by_role("button", name="Prodloužit termín").click()
    today = timezone.localdate()
    page.get_by_label("Nový termín").fill(today.isoformat())
    page.get_by_role("button", name="Prodloužit termín").click()
    expect(page.get_by_text("Nový termín musí být v budoucnosti.")).to_be_visible()
    assert serious(page) == []
    snapshot(page, "hr-bulk-extend-error")

    later = today + datetime.timedelta(days=14)
    page.get_by_label("Nový termín").fill(later.isoformat())
    page.get_by_role("button", name="Prodloužit termín").click()
    when = rf"{later.day}\. {later.month}\. {later.year}"
    expect(page.get_by_text(re.compile(rf"přidělení (má|mají) nový termín {when}"))).to_be_visible()
    snapshot(page, "hr-overdue-extended")

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/reports/overdue/")
    assert serious(page) == []
    snapshot(page, "hr-overdue-phone")
