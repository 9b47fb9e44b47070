"""The SCO's commits: kept per learner and attempt, resumed, bounded, completing the course."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from courses.models import Assignment
from courses.services import assignment_create
from scorm import cmi, services
from scorm.models import ScormAttempt, ScormLessonPage
from tests import factories
from tests.scorm import zips

pytestmark = pytest.mark.django_db


@pytest.fixture
def scorm_course(course_index):
    """A course of one written lesson and one SCORM 2004 lesson of two SCOs."""
    course = factories.make_course(course_index, title="Phishing v praxi", lessons=1)
    package = services.package_create(upload=zips.package_2004())
    lesson = ScormLessonPage(title="Interaktivní lekce", slug="scorm", package=package)
    course.add_child(instance=lesson)
    return course, lesson


@pytest.fixture
def assignment(employee, scorm_course):
    assignment, _ = assignment_create(
        user=employee,
        course=scorm_course[0],
        due_date=timezone.localdate() + datetime.timedelta(days=7),
        reason="Plán",
    )
    return assignment


def commit_url(lesson, sco, terminate=False):
    url = reverse("scorm:commit", kwargs={"lesson_id": lesson.pk, "sco_id": sco.pk})
    return url + ("?terminate=true" if terminate else "")


def send(client, lesson, sco, data, terminate=False):
    return client.post(
        commit_url(lesson, sco, terminate),
        data=json.dumps(data),
        content_type="application/json",
    )


def test_a_commit_is_stored_for_the_learner_and_resumed_on_the_next_launch(
    employee_client, employee, scorm_course, assignment
):
    _, lesson = scorm_course
    first, _ = lesson.package.scos.all()
    response = send(
        employee_client,
        lesson,
        first,
        {
            "cmi.completion_status": "incomplete",
            "cmi.location": "4",
            "cmi.suspend_data": "strana=4",
            "cmi.exit": "suspend",
            "cmi.session_time": "PT1M",
            "cmi.learner_id": "someone-else",  # read-only: the LMS sets it, never the SCO
        },
        terminate=True,
    )
    assert response.json() == {
        "result": True,
        "errorCode": 0,
        "attempt": response.json()["attempt"],
    }
    attempt = ScormAttempt.objects.get()
    assert (attempt.user, attempt.assignment, attempt.number) == (employee, assignment, 1)
    assert (attempt.location, attempt.suspend_data, attempt.exit) == ("4", "strana=4", "suspend")
    assert "cmi.learner_id" not in attempt.cmi
    assert not attempt.finished

    # The lesson page hands the saved data back, as a resume, with the LMS's own values.
    page = employee_client.get(lesson.url)
    initial = page.context["player"].initial
    assert initial["cmi.location"] == "4"
    assert initial["cmi.suspend_data"] == "strana=4"
    assert initial["cmi.entry"] == "resume"
    assert initial["cmi.learner_id"] == str(employee.pk)
    assert initial["cmi.learner_name"] == "Nováková, Jana"
    assert initial["cmi.scaled_passing_score"] == "0.75"
    assert "cmi.exit" not in initial and "cmi.session_time" not in initial
    html = page.content.decode()
    assert 'sandbox="allow-scripts allow-same-origin allow-forms allow-modals"' in html
    assert "content/m1/a.html?part=1" in html
    # ... and so does the attempt's own read-out.
    data = employee_client.get(reverse("scorm:attempt", args=[attempt.pk])).json()
    assert (data["location"], data["suspend_data"]) == ("4", "strana=4")


def test_another_learners_attempt_is_not_found(client, employee_client, scorm_course, assignment):
    _, lesson = scorm_course
    first = lesson.package.scos.first()
    attempt_id = send(employee_client, lesson, first, {"cmi.location": "1"}).json()["attempt"]
    client.force_login(factories.UserFactory())
    assert client.get(reverse("scorm:attempt", args=[attempt_id])).status_code == 404
    # A commit by the other learner makes their own attempt, never touches this one.
    send(client, lesson, first, {"cmi.location": "9"})
    assert ScormAttempt.objects.get(pk=attempt_id).location == "1"
    assert ScormAttempt.objects.count() == 2


def test_a_commit_needs_the_csrf_token(employee, scorm_course, assignment):
    from django.test import Client

    _, lesson = scorm_course
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    response = send(client, lesson, lesson.package.scos.first(), {"cmi.location": "1"})
    assert response.status_code == 403
    assert ScormAttempt.objects.count() == 0


def test_an_oversized_or_unreadable_commit_is_refused_and_nothing_changes(
    employee_client, scorm_course, assignment
):
    _, lesson = scorm_course
    sco = lesson.package.scos.first()
    send(employee_client, lesson, sco, {"cmi.location": "1"})
    big = {"cmi.suspend_data": "x" * (cmi.MAX_COMMIT_BYTES + 1)}
    response = send(employee_client, lesson, sco, big)
    assert response.status_code == 413
    assert response.json()["message"] == "Lekce poslala najednou příliš mnoho dat; nebyla uložena."
    response = employee_client.post(
        commit_url(lesson, sco), data="{nejde", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Lekce poslala data, která nelze přečíst; nebyla uložena."
    response = send(employee_client, lesson, sco, {"cmi.location": {"nested": "object"}})
    assert response.status_code == 400
    assert ScormAttempt.objects.get().cmi == {"cmi.location": "1"}


def test_get_does_not_create_an_attempt(employee_client, scorm_course, assignment):
    _, lesson = scorm_course
    assert employee_client.get(lesson.url).status_code == 200
    assert ScormAttempt.objects.count() == 0
    assert employee_client.get(commit_url(lesson, lesson.package.scos.first())).status_code == 405


def test_every_sco_passed_completes_the_lesson_step_and_with_the_lesson_the_course(
    employee_client, scorm_course, assignment
):
    course, lesson = scorm_course
    from courses.services import lesson_complete

    lesson_complete(assignment=assignment, lesson=factories.lessons_of(course)[0])
    first, second = lesson.package.scos.all()
    # The first SCO has a pass mark (0.75): completed at 0.5 is failed, not done.
    send(
        employee_client,
        lesson,
        first,
        {"cmi.completion_status": "completed", "cmi.score.scaled": "0.5"},
        terminate=True,
    )
    attempt = ScormAttempt.objects.get(sco=first)
    assert (attempt.success_status, attempt.done, attempt.finished) == ("failed", False, True)
    # A new attempt after a finished one; passed now.
    send(
        employee_client,
        lesson,
        first,
        {"cmi.completion_status": "completed", "cmi.score.scaled": "0.9"},
        terminate=True,
    )
    assert list(ScormAttempt.objects.filter(sco=first).values_list("number", "success_status")) == [
        (1, "failed"),
        (2, "passed"),
    ]
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ASSIGNED  # the second SCO is still to do
    page = employee_client.get(lesson.url).content.decode()
    assert "Další část" not in page  # the player moved on to the second SCO, the last one
    assert "content/test.html" in page

    send(employee_client, lesson, second, {"cmi.completion_status": "completed"}, terminate=True)
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    assert assignment.score == Decimal("90.00")
    page = employee_client.get("/my-training/").content.decode()
    assert "Phishing v praxi" in page


def test_package_content_is_served_to_learners_with_its_own_policy(employee_client, scorm_course):
    from django.test import Client

    _, lesson = scorm_course
    url = reverse(
        "scorm:content", kwargs={"package_id": lesson.package_id, "path": "content/m1/a.html"}
    )
    response = employee_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == zips.SCO_HTML
    assert response["Content-Type"] == "text/html"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
    # The player page keeps the product's strict policy.
    page = employee_client.get(lesson.url)
    assert (
        "'unsafe-inline'"
        not in page["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    )
    # Nothing outside the package, nothing for anonymous visitors, nothing of an unpublished one.
    bad = url.replace("content/m1/a.html", "..%2F..%2Fimsmanifest.xml")
    assert employee_client.get(bad).status_code == 404
    assert Client().get(url).status_code == 302
    lesson.unpublish()
    assert employee_client.get(url).status_code == 404
    assert default_storage.exists(lesson.package.storage_path("content/m1/a.html"))


def test_summaries_of_12_statuses():
    s = cmi.summarize(
        {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "85"},
        "1.2",
        mastery_score=Decimal("80"),
    )
    assert (s.completion_status, s.success_status, s.score_scaled) == (
        "completed",
        "passed",
        Decimal("0.85"),
    )
    s = cmi.summarize({"cmi.core.lesson_status": "failed"}, "1.2")
    assert (s.completion_status, s.success_status) == ("completed", "failed")
    s = cmi.summarize({"cmi.core.lesson_status": "incomplete"}, "1.2")
    assert (s.completion_status, s.success_status) == ("incomplete", "unknown")


def test_a_scorm_lesson_is_a_lesson_the_final_quiz_waits_for(employee, scorm_course, assignment):
    from courses.models import CoursePage
    from courses.selectors import lessons_left_first
    from courses.services import lesson_complete

    course, lesson = scorm_course
    CoursePage.objects.filter(pk=course.pk).update(lessons_first=True)
    lesson_complete(assignment=assignment, lesson=factories.lessons_of(course)[0])

    def left():
        fresh = Assignment.objects.select_related("course").get(pk=assignment.pk)
        return lessons_left_first([fresh])[fresh.pk]

    assert left() == 1  # the written lesson is done, the SCORM one is not
    for sco in lesson.package.scos.all():
        ScormAttempt.objects.create(
            user=employee,
            lesson=lesson,
            sco=sco,
            assignment=assignment,
            completion_status="completed",
            success_status="passed",
            score_scaled=Decimal("0.9"),
        )
    assert left() == 0


def test_pass_marks_reach_the_player_as_plain_decimals():
    # str(Decimal("80.00").normalize()) is "8E+1": scorm-again refused it and the SCO of a
    # SCORM 1.2 package with a mastery score never started (found by the browser test).
    common = {"learner_id": "7", "learner_name": "Nováková, Jana", "entry": "ab-initio"}
    data = cmi.launch_data({}, "1.2", mastery_score=Decimal("80.00"), **common)
    assert data["cmi.student_data.mastery_score"] == "80"
    data = cmi.launch_data({}, "2004", scaled_passing_score=Decimal("1.0000"), **common)
    assert data["cmi.scaled_passing_score"] == "1"
    data = cmi.launch_data({}, "2004", scaled_passing_score=Decimal("0.7500"), **common)
    assert data["cmi.scaled_passing_score"] == "0.75"
