"""The Wagtail admin in a real browser with Czech active: the sidebar, listings, a form and the
page editor, whose labels Wagtail's scripts draw, say no English word; axe finds nothing serious.
"""

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from tests.e2e.conftest import axe_violations, login, snapshot
from tests.elearning.test_admin_czech import english_words

pytestmark = [pytest.mark.e2e]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def _serious(page) -> list[dict]:
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def _visit(page, url: str, name: str) -> str:
    """Opens an admin page at both sizes; returns its rendered text (scripts' labels included)."""
    page.set_viewport_size(DESKTOP)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    expect(page.locator("#wagtail-sidebar")).to_be_attached()
    assert _serious(page) == [], url
    snapshot(page, f"admin-cs-{name}")
    text = page.locator("body").inner_text()
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(200)  # the sidebar collapses on a narrow screen
    assert _serious(page) == [], url
    snapshot(page, f"admin-cs-{name}-phone")
    return text


def test_the_course_editor_admin_is_czech(page, live_server, demo):
    login(page, live_server, "editor@example.cz")
    lesson = LessonPage.objects.order_by("path").first()
    pages = {
        "dashboard": "/admin/",
        "question-banks": "/admin/question_banks/",
        "question-add": "/admin/questions/new/",
        "lesson-edit": f"/admin/pages/{lesson.pk}/edit/",
    }
    found = {}
    for name, path in pages.items():
        text = _visit(page, f"{live_server.url}{path}", name)
        if words := english_words(text):
            found[path] = sorted(words)
    assert found == {}
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/question_banks/")
    expect(page.get_by_role("link", name="Přidat banku otázek")).to_be_visible()


def test_the_superuser_admin_is_czech(page, live_server, demo):
    login(page, live_server, "admin@example.cz")
    found = {}
    for name, path in {"users": "/admin/users/", "job-runs": "/admin/automation/job-runs/"}.items():
        text = _visit(page, f"{live_server.url}{path}", name)
        if words := english_words(text):
            found[path] = sorted(words)
    assert found == {}
