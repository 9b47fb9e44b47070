"""The Plan step in a real browser: the heat map, a new review approved, the employee's reason."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]


def test_security_manager_reviews_a_workplace_and_the_employee_sees_why(page, live_server, demo):
    login(page, live_server, "security@example.cz")
    page.goto(f"{live_server.url}/reports/heatmap/")
    expect(page.get_by_role("heading", name="Mapa rizik", level=1)).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "risk-heatmap")

    # Podatelna's current review, from its row of the heat map, then a new draft from it.
    row = page.locator("tr", has_text="Podatelna a výpravna")
    row.get_by_role("link").first.click()
    page.get_by_role("button", name="Zahájit novou analýzu podle této").click()
    page.wait_for_url(re.compile(r"/admin/risk_reviews/edit/\d+/"))

    # Mobile devices were not rated at Podatelna: add them as likely x major (high).
    page.get_by_role("button", name="Přidat riziko").click()
    last = page.locator("select[name$='-category']").last
    last.select_option(label="Mobilní zařízení a práce na dálku")
    prefix = last.get_attribute("name").removesuffix("category")
    page.locator(f"select[name='{prefix}likelihood']").select_option("4")
    page.locator(f"select[name='{prefix}impact']").select_option("3")
    cell = page.locator("[data-risk-cell='4-3']")
    assert "Mobilní zařízení a práce na dálku" in cell.inner_text()
    snapshot(page, "risk-review-form")
    page.get_by_role("button", name="Uložit").click()

    # Back on the listing, the draft offers its approval.
    page.get_by_role("link", name="Schválit", exact=True).first.click()
    page.get_by_role("button", name="Schválit analýzu").click()
    expect(page.get_by_text("Analýza schválena")).to_be_visible()

    page.context.clear_cookies()
    login(page, live_server, "employee@example.cz")
    card = page.locator("li.course-card", has_text="Práce na dálku a mobilní zařízení")
    card.get_by_role("link", name=re.compile("Proč to mám absolvovat")).click()
    expect(
        page.get_by_text("ohodnotila riziko „Mobilní zařízení a práce na dálku“")
    ).to_be_visible()
    expect(page.get_by_text("vysoké").first).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "risk-why-am-i-doing-this")
