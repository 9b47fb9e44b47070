"""The employee's first journey in a real browser: log in, open a course, finish a lesson."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]


def test_employee_marks_a_lesson_done_and_progress_moves(page, live_server, demo):
    login(page, live_server, "employee@example.cz")
    expect(page.get_by_role("heading", name="Moje školení", level=1)).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "01-my-training")

    card = page.locator("li.course-card", has_text="Ochrana osobních údajů")
    progress_before = int(card.locator("progress").get_attribute("value"))
    card.get_by_role("link", name="Ochrana osobních údajů a GDPR", exact=True).click()
    expect(page.get_by_role("heading", name="Obsah kurzu")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "02-course")

    page.get_by_role("link", name="Pokračovat tam, kde jste skončili").click()
    expect(page.get_by_text("Lekce 2 ze 4")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "03-lesson")
    page.get_by_role("button", name="Označit jako hotové a pokračovat").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Lekce 3 ze 4")).to_be_visible()

    page.get_by_role("link", name="Moje školení").first.click()
    card = page.locator("li.course-card", has_text="Ochrana osobních údajů")
    progress_after = int(card.locator("progress").get_attribute("value"))
    assert progress_after > progress_before
    snapshot(page, "04-my-training-after")


def test_login_page_is_accessible_and_czech(page, live_server, demo):
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "cs"
    expect(page.get_by_role("heading", name="Přihlásit se")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "00-login")
    # Keyboard only: the skip link is the first stop and leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Přejít na obsah"
