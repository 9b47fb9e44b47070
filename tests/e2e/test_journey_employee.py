"""Employee journeys of issue 13 in a real browser: course order, the submit summary, attempts
used up and granted again, late completion, true/false questions and ISO date inputs."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

COURSE = "Ochrana osobních údajů a GDPR"
WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def serious(page) -> list[dict]:
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def screens(page, name: str) -> None:
    """Screenshots at 1366×900 and 390×844; on the phone nothing may stick out sideways."""
    page.set_viewport_size(WIDE)
    snapshot(page, f"journey-{name}-1366")
    page.set_viewport_size(PHONE)
    snapshot(page, f"journey-{name}-390")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(WIDE)
    assert overflow <= PHONE["width"], f"{name}: {overflow} px wide on a phone"


def _assignment():
    from courses.models import Assignment

    return Assignment.objects.select_related("course").get(
        user__email="employee@example.cz", course__title=COURSE, status="assigned"
    )


def _finish_lessons(assignment):
    from courses.models import LessonPage
    from courses.services import lesson_complete

    for lesson in LessonPage.objects.live().child_of(assignment.course):
        lesson_complete(assignment=assignment, lesson=lesson)


def _right_tokens(attempt_id: int) -> list[str]:
    from quizzes.forms import choice_token
    from quizzes.models import AttemptQuestion, Choice

    tokens = []
    for item in AttemptQuestion.objects.filter(attempt_id=attempt_id).order_by("order"):
        right = Choice.objects.filter(question=item.question_id, fraction__gt=0)
        tokens.append([choice_token(attempt_id, pk) for pk in right.values_list("pk", flat=True)])
    return tokens


def test_point_1_the_quiz_opens_once_the_lessons_are_done(page, live_server, demo):
    assignment = _assignment()
    login(page, live_server, "employee@example.cz")
    # Point 12: the welcome is gender-neutral.
    expect(page.get_by_text("Přihlásili jste se jako Jana Nováková.")).to_be_visible()
    page.locator("li.course-card", has_text=COURSE).get_by_role(
        "link", name=COURSE, exact=True
    ).click()
    step = page.locator(".step-list li", has_text="Závěrečný test")
    expect(step).to_contain_text("Test se otevře, až dokončíte lekce")
    expect(step.get_by_role("link")).to_have_count(0)
    assert serious(page) == []
    screens(page, "01-quiz-locked")

    quiz_id = assignment.course.quiz.pk
    page.goto(f"{live_server.url}/quizzes/{quiz_id}/")
    expect(page.get_by_role("status").filter(has_text="Test se otevře")).to_be_visible()
    expect(page.get_by_role("button", name="Spustit test")).to_have_count(0)
    assert serious(page) == []

    _finish_lessons(assignment)
    page.reload()
    expect(page.get_by_role("button", name="Spustit test")).to_be_visible()
    screens(page, "01-quiz-open")


def test_point_2_unanswered_questions_are_summarised_before_submitting(page, live_server, demo):
    _finish_lessons(_assignment())
    login(page, live_server, "employee@example.cz")
    page.goto(f"{live_server.url}/quizzes/{_assignment().course.quiz.pk}/")
    page.get_by_role("button", name="Spustit test").click()
    page.wait_for_url("**/quizzes/attempts/*/")
    attempt_id = int(page.url.rstrip("/").split("/")[-1])
    tokens = _right_tokens(attempt_id)
    assert len(tokens) == 6
    for token in tokens[0][:1] + tokens[1][:1]:
        page.locator(f"#choice-{token}").check()
    # Only the first two answered: the dialog names the other four, in order.
    page.get_by_role("button", name="Odeslat odpovědi").click()
    dialog = page.get_by_role("dialog", name="Odeslat odpovědi?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Bez odpovědi zůstávají 4 otázky:")
    expect(dialog.get_by_role("link")).to_have_text([f"Otázka {n} z 6" for n in (3, 4, 5, 6)])
    assert serious(page) == []
    screens(page, "02-submit-summary")
    dialog.get_by_role("button", name="Zpět k otázkám").click()
    expect(dialog).to_be_hidden()
    assert "/result/" not in page.url

    for choices in tokens[2:]:
        for token in choices:
            page.locator(f"#choice-{token}").check()
    page.get_by_role("button", name="Odeslat odpovědi").click()
    expect(dialog).to_contain_text("Všechny otázky mají odpověď.")
    dialog.get_by_role("button", name="Odeslat").click()
    page.wait_for_url("**/result/")
    # The point is the dialog: after confirming, the result page is there and the quiz passed.
    expect(page.get_by_text("Gratulujeme, uspěla jste.")).to_be_visible()


def test_point_3_attempts_used_up_ask_grant_and_try_again(browser, page, live_server, demo):
    from quizzes.models import Quiz
    from quizzes.services import attempt_start, attempt_submit

    assignment = _assignment()
    _finish_lessons(assignment)
    quiz = Quiz.objects.get(course=assignment.course)
    Quiz.objects.filter(pk=quiz.pk).update(max_attempts=1)
    quiz.refresh_from_db()
    attempt = attempt_start(user=assignment.user, quiz=quiz)
    attempt_submit(attempt_id=attempt.pk, user=assignment.user, answers={})

    login(page, live_server, "employee@example.cz")
    card = page.locator("li.course-card", has_text=COURSE)
    expect(card.locator(".badge")).to_have_text("Neúspěšné – čeká na další pokus")
    screens(page, "03-card-failed-waiting")
    page.goto(f"{live_server.url}/quizzes/{quiz.pk}/")
    expect(page.get_by_role("heading", name="Co bude dál")).to_be_visible()
    assert serious(page) == []
    page.get_by_role("button", name="Požádat o další pokus").click()
    expect(page.get_by_text("Žádost byla odeslána.")).to_be_visible()
    expect(page.get_by_text("Žádost o další pokus odešla")).to_be_visible()
    screens(page, "03-request-sent")

    hr = browser.new_context(locale="cs-CZ", viewport=WIDE).new_page()
    try:
        login(hr, live_server, "hr@example.cz")
        hr.goto(f"{live_server.url}/admin/extra_attempts/")
        expect(hr.get_by_role("heading", name="1 čekající žádost")).to_be_visible()
        row = hr.locator("#pending-requests tbody tr")
        expect(row).to_have_count(1)
        expect(row).to_contain_text("Jana Nováková")
        expect(row).to_contain_text(COURSE)
        assert serious(hr) == []
        screens(hr, "03-admin-requests")
        row.get_by_role("button", name="Udělit další pokus").click()
        expect(hr.get_by_text("Jana Nováková dostává další pokus")).to_be_visible()
        expect(hr.get_by_role("heading", name="0 čekajících žádostí")).to_be_visible()
    finally:
        hr.context.close()

    page.goto(f"{live_server.url}/quizzes/{quiz.pk}/")
    expect(page.get_by_role("button", name="Spustit nový pokus")).to_be_visible()
    expect(page.get_by_text("1 udělený navíc")).to_be_visible()


def test_point_4_late_completion_shows_with_its_date(page, live_server, demo):
    from django.utils import timezone

    from courses.models import Assignment

    assignment = _assignment()
    due = timezone.localdate() - datetime.timedelta(days=10)
    done = timezone.now() - datetime.timedelta(days=2)
    Assignment.objects.filter(pk=assignment.pk).update(
        due_date=due, status="completed", completed_at=done, score=90
    )
    login(page, live_server, "employee@example.cz")
    card = page.locator("li.course-card", has_text=COURSE)
    expect(card.locator(".badge")).to_have_text("Dokončeno po termínu")
    expect(card).to_contain_text(f"dokončeno po termínu {timezone.localtime(done):%-d. %-m. %Y}")
    expect(card).to_contain_text(f"termín {due:%-d. %-m. %Y}")
    assert serious(page) == []
    screens(page, "04-completed-late")


def test_point_8_the_zip_form_keeps_its_prefilled_dates(page, live_server, demo):
    from django.utils import timezone

    login(page, live_server, "hr@example.cz")
    page.goto(f"{live_server.url}/certificates/exports/new/")
    date_from = page.locator("input[type=date]").first
    expect(date_from).to_have_value(f"{timezone.localdate().year}-01-01")
    expect(page.locator("input[type=date]").nth(1)).to_have_value(timezone.localdate().isoformat())
    assert serious(page) == []
    screens(page, "08-zip-dates")


def test_point_14_a_true_false_question_gets_its_choices(page, live_server, demo):
    from quizzes.models import Question

    login(page, live_server, "editor@example.cz")
    page.goto(f"{live_server.url}/admin/questions/new/")
    page.locator("#id_bank").select_option(index=1)
    page.locator("#id_name").fill("Heslo lze sdílet s kolegou")
    page.locator("#id_type").select_option("truefalse")
    page.locator("[data-contentpath=text] [contenteditable=true]").first.click()
    page.keyboard.type("Heslo smím sdílet s kolegou z odboru.")
    page.get_by_label("Nepravda", exact=True).check()
    # No choices typed (the panel's blank ones stay blank): the two appear by themselves.
    assert serious(page) == []
    page.locator("footer button.button-longrunning[type=submit]").first.click()
    page.wait_for_load_state()
    page.wait_for_url("**/admin/questions/")
    expect(page.locator(".messages")).to_contain_text("Heslo lze sdílet s kolegou")
    question = Question.objects.get(name="Heslo lze sdílet s kolegou")
    assert [(c.text, float(c.fraction)) for c in question.choices.order_by("sort_order")] == [
        ("Pravda", 0.0),
        ("Nepravda", 1.0),
    ]
    page.goto(f"{live_server.url}/admin/questions/edit/{question.pk}/")
    screens(page, "14-truefalse-question")
