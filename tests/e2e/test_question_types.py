"""One question of each new type answered by keyboard only, on a desktop and a phone screen."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

COURSE = "Ochrana osobních údajů a GDPR"
ORDER = ["Neotvírat přílohu", "Nahlásit bezpečnostnímu týmu", "Smazat e-mail"]
PAIRS = {
    "E-mail s odkazem": "Phishing",
    "Telefonát „z IT“": "Vishing",
    "SMS od „banky“": "Smishing",
}


def _typed_quiz():
    """The demo course's quiz draws from one question of each new type instead."""
    from courses.models import Assignment, LessonPage
    from courses.services import lesson_complete
    from quizzes.models import QuizPool
    from tests.quizzes.question_types import make_typed_bank

    assignment = Assignment.objects.get(
        user__email="employee@example.cz", course__title=COURSE, status="assigned"
    )
    for lesson in LessonPage.objects.live().child_of(assignment.course):
        lesson_complete(assignment=assignment, lesson=lesson)
    quiz = assignment.course.quiz
    bank, questions = make_typed_bank()
    QuizPool.objects.filter(quiz=quiz).delete()
    QuizPool.objects.create(quiz=quiz, bank=bank)
    quiz.questions_per_attempt, quiz.time_limit_minutes = len(questions), None
    quiz.save()
    return quiz


def _choose_by_keyboard(page, select, wanted: str):
    """Focus a select and step to the wanted option with the arrow keys."""
    options = select.locator("option").all_inner_texts()
    select.focus()
    for _ in range(options.index(wanted)):
        page.keyboard.press("ArrowDown")
    expect(select.locator("option:checked")).to_have_text(wanted)


@pytest.mark.parametrize(
    ("viewport", "name"),
    [({"width": 1366, "height": 900}, "desktop"), ({"width": 390, "height": 844}, "phone")],
)
def test_each_new_type_is_answered_by_keyboard(browser, page, live_server, demo, viewport, name):
    quiz = _typed_quiz()
    page.set_viewport_size(viewport)
    login(page, live_server, "employee@example.cz")
    page.goto(f"{live_server.url}/quizzes/{quiz.pk}/")
    page.get_by_role("button", name="Spustit test").click()
    page.wait_for_url("**/quizzes/attempts/*/")
    assert [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")] == []

    # The essay's textarea is labelled "Vaše odpověď" too: the short answer is the text input.
    page.locator("input[type=text]:not([inputmode])").focus()
    page.keyboard.type("plzen")
    page.get_by_label("Vaše odpověď (číslo)").focus()
    page.keyboard.type("3,14")
    for item, answer in PAIRS.items():
        _choose_by_keyboard(page, page.get_by_label(item, exact=True), answer)
    for position, item in enumerate(ORDER, 1):
        _choose_by_keyboard(page, page.get_by_label(item, exact=True), f"{position}.")
    page.locator("textarea").focus()
    page.keyboard.type("Odkaz vede jinam, než tvrdí text; odesílatel je podvržený.")
    snapshot(page, f"14-question-types-{name}")

    page.get_by_role("button", name="Odeslat odpovědi").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Odeslat odpovědi?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Odeslat", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/result/")
    expect(page.get_by_text("Čeká na hodnocení").first).to_be_visible()
    assert [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")] == []
    snapshot(page, f"14-question-types-result-{name}")
    from quizzes.models import Response

    typed = dict(Response.objects.values_list("item__question__type", "text"))
    assert (typed["shortanswer"], typed["numerical"]) == ("plzen", "3,14")
    assert typed["essay"].startswith("Odkaz vede jinam")
