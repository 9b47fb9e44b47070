"""Rustici's golf example (SCORM 2004 3rd ed., CC BY 3.0) played end to end in Chromium.

The package is uploaded in the Wagtail admin, played as a lesson, left half-way (suspended),
resumed where the learner left off, its knowledge check answered and the SCO exited; the
server then holds the completion, success and score, and the course is complete.
"""

import re
import time
from decimal import Decimal

import pytest
from django.db import OperationalError
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Assignment, CoursePage
from courses.services import assignment_create
from organisation.models import User
from scorm.models import ScormAttempt, ScormLessonPage, ScormPackage
from tests.conformance.conftest import SHARED_FIXTURES
from tests.e2e.conftest import axe_violations, browser, demo, login, page, snapshot  # noqa: F401

pytestmark = [pytest.mark.e2e]

GOLF = SHARED_FIXTURES / "scorm" / "golf-2004-advanced-runtime.zip"
TITLE = "Golf Explained - Run-time Advanced Calls"


def wait_for(condition, *, seconds: float = 20.0):
    """Polls the database until the browser's commit has arrived (not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = condition()
        except OperationalError:
            # The live server is writing that table right now (SQLite's shared cache).
            value = None
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def attempt_of(user) -> ScormAttempt | None:
    return ScormAttempt.objects.filter(user=user).order_by("-number").first()


def golf_frames(browser_page):
    player = browser_page.frame_locator("#scorm-frame")
    return player, player.frame_locator("#contentFrame")


def test_golf_package_plays_suspends_resumes_and_records_completion_and_score(
    page,  # noqa: F811
    live_server,
    demo,  # noqa: F811
):
    assert GOLF.is_file(), f"missing conformance package {GOLF}"
    # The editor uploads the ZIP in the Wagtail admin.
    login(page, live_server, "editor@example.cz")
    page.goto(f"{live_server.url}/admin/scorm_packages/new/")
    page.get_by_label("Balíček SCORM (ZIP)").set_input_files(str(GOLF))
    page.get_by_role("button", name="Nahrát").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    package = ScormPackage.objects.get()
    assert package.version == "2004"
    assert [(s.launch, s.scaled_passing_score) for s in package.scos.all()] == [
        ("shared/launchpage.html", Decimal("0.8000"))
    ]

    # A course made of this one lesson, assigned to the employee.
    index = CoursePage.objects.live().first().get_parent()
    course = CoursePage(title="Golf pro úředníky", slug="golf", summary="Pravidla golfu.")
    index.add_child(instance=course)
    lesson = ScormLessonPage(title="Golf vysvětlený", slug="golf-lekce", package=package)
    course.add_child(instance=lesson)
    employee = User.objects.get(email="employee@example.cz")
    assignment, _ = assignment_create(
        user=employee, course=course, due_date=timezone.localdate(), reason="Test"
    )

    page.context.clear_cookies()
    login(page, live_server, "employee@example.cz")
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.goto(f"{live_server.url}{lesson.url}")
    player, content = golf_frames(page)
    expect(content.locator("body")).to_contain_text("Playing")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1366, "height": 900})
    snapshot(page, "scorm-golf-player")
    page.set_viewport_size({"width": 390, "height": 844})
    snapshot(page, "scorm-golf-player-phone")
    page.set_viewport_size({"width": 1366, "height": 900})
    player.get_by_role("button", name="Next ->").click()
    player.get_by_role("button", name="Next ->").click()
    expect(content.locator("body")).to_contain_text("Scoring")

    # Leaving the page suspends the attempt where the learner was (cmi.location = page 2).
    page.goto(f"{live_server.url}/my-training/")
    attempt = wait_for(lambda: (a := attempt_of(employee)) and a.exit == "suspend" and a)
    assert attempt, "the suspend commit did not arrive"
    assert (attempt.location, attempt.completion_status) == ("2", "incomplete")
    assert not attempt.finished

    # Back again: the SCO offers to resume, and continues at the page it was left on.
    page.goto(f"{live_server.url}{lesson.url}")
    player, content = golf_frames(page)
    expect(content.locator("body")).to_contain_text("Scoring")
    assert any("resume" in message for message in dialogs)
    for _ in range(12):
        player.get_by_role("button", name="Next ->").click()
    expect(content.get_by_role("heading", name="Knowledge Check")).to_be_visible()

    # The knowledge check: the template marks each right answer (class correctAnswer).
    answers = content.locator("div.correctAnswer")
    for i in range(answers.count()):
        answer = answers.nth(i)
        radio = answer.locator("input[type=radio]")
        if radio.count():
            radio.check()
        else:
            number = re.search(r"\((\d+)\)", answer.inner_text()).group(1)
            answer.locator("input[type=text]").fill(number)
    content.get_by_role("button", name="Submit Answers").click()
    expect(content.get_by_text("Score: 100")).to_be_visible()
    snapshot(page, "scorm-golf-result")
    player.get_by_role("button", name="Exit").click()

    attempt = wait_for(lambda: (a := attempt_of(employee)) and a.finished and a)
    assert attempt, "the terminate commit did not arrive"
    assert attempt.number == 1
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
    assert attempt.score_scaled == Decimal("1")
    assert attempt.score_raw == Decimal("100")
    assert attempt.total_time.startswith("PT")
    assert attempt.cmi["cmi.interactions.0.id"].startswith("com.scorm.golfsamples.interactions")

    # The SCO's completion is the lesson's step: the course is complete, with its score.
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    assert assignment.score == Decimal("100.00")
    page.goto(f"{live_server.url}/reports/transcript/")
    row = page.locator("tr", has_text="Golf pro úředníky")
    expect(row).to_contain_text("100")
    snapshot(page, "scorm-golf-transcript")
