"""Do and Check in a real browser: pass the final quiz, get the certificate, verify it publicly."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

COURSE = "Ochrana osobních údajů a GDPR"


def _finish_lessons():
    from courses.models import Assignment, LessonPage
    from courses.services import lesson_complete

    assignment = Assignment.objects.get(
        user__email="employee@example.cz", course__title=COURSE, status="assigned"
    )
    for lesson in LessonPage.objects.live().child_of(assignment.course):
        lesson_complete(assignment=assignment, lesson=lesson)


def _right_tokens(attempt_id: int) -> list[str]:
    """What a learner who knows the material would tick (read from the server's own data)."""
    from quizzes.forms import choice_token
    from quizzes.models import AttemptQuestion, Choice

    tokens = []
    for item in AttemptQuestion.objects.filter(attempt_id=attempt_id):
        right = Choice.objects.filter(question=item.question_id, fraction__gt=0)
        tokens += [choice_token(attempt_id, pk) for pk in right.values_list("pk", flat=True)]
    return tokens


def test_employee_passes_the_quiz_and_anyone_can_verify_the_certificate(
    browser, page, live_server, demo
):
    _finish_lessons()
    login(page, live_server, "employee@example.cz")
    page.locator("li.course-card", has_text=COURSE).get_by_role(
        "link", name=COURSE, exact=True
    ).click()
    page.get_by_role("link", name="Závěrečný test").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Spustit test").click()

    page.wait_for_url("**/quizzes/attempts/*/")
    attempt_id = int(page.url.rstrip("/").split("/")[-1])
    html = page.content()
    assert "fraction" not in html and "correct" not in html
    assert axe_violations(page) == []
    snapshot(page, "10-quiz")
    for token in _right_tokens(attempt_id):
        page.locator(f"#choice-{token}").check()
    page.get_by_role("button", name="Odeslat odpovědi").click()
    # Every question answered: the dialog only asks to confirm.
    dialog = page.get_by_role("dialog", name="Odeslat odpovědi?")
    expect(dialog.get_by_text("Všechny otázky mají odpověď.")).to_be_visible()
    dialog.get_by_role("button", name="Odeslat").click()

    expect(page.get_by_text("Gratulujeme, uspěla jste.")).to_be_visible()
    expect(page.get_by_text("Vaše skóre: 100 %")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "11-quiz-result")

    page.goto(f"{live_server.url}/certificates/")
    expect(page.get_by_role("heading", name="Moje osvědčení")).to_be_visible()
    snapshot(page, "12-my-certificates")
    verify_link = page.locator("tr", has_text=COURSE).get_by_role(
        "link", name=re.compile(r"^Ověřovací stránka")
    )
    verify_path = verify_link.get_attribute("href")

    # The verification page works for anyone, without logging in.
    stranger = browser.new_context(locale="cs-CZ").new_page()
    try:
        stranger.goto(f"{live_server.url}{verify_path}")
        expect(stranger.get_by_text("Jana Nováková")).to_be_visible()
        expect(stranger.get_by_text(COURSE).first).to_be_visible()
        expect(stranger.get_by_text("Platné").first).to_be_visible()
        assert "employee@example.cz" not in stranger.content()
        assert axe_violations(stranger) == []
        snapshot(stranger, "12-verification")
    finally:
        stranger.context.close()
