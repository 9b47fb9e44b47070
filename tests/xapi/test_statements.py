"""Every learning event kept as one xAPI statement, and forwarded to a real LRS exactly once."""

import json
from decimal import Decimal

import pytest

from courses.services import lesson_complete
from organisation.erasure import personal_data
from quizzes import services as quiz_services
from tests import factories
from tests.quizzes.conftest import right_answers, wrong_answers
from xapi import services
from xapi.models import Statement

from .lrs import LRS, PASSWORD, USERNAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(course_index):
    return factories.make_course(course_index, title="Phishing a sociální inženýrství", lessons=2)


@pytest.fixture
def quiz(course):
    return factories.make_quiz(course, questions=6, questions_per_attempt=4, pass_mark=60)


def _learn(employee, course, quiz, *, passing=True):
    assignment = factories.AssignmentFactory(user=employee, course=course)
    for lesson in factories.lessons_of(course):
        lesson_complete(assignment=assignment, lesson=lesson)
    attempt = quiz_services.attempt_start(user=employee, quiz=quiz)
    answers = right_answers(attempt) if passing else wrong_answers(attempt)
    quiz_services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=answers)
    return assignment


@pytest.fixture
def lrs(settings):
    with LRS() as server:
        settings.XAPI_LRS_URL = server.url
        settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD = USERNAME, PASSWORD
        yield server


def test_each_learning_event_becomes_one_statement(employee, course, quiz):
    assignment = _learn(employee, course, quiz)
    assert services.statements_collect() == {"recorded": 2 + 1 + 1 + 4 + 1}
    assert services.statements_collect() == {"recorded": 0}
    verbs = sorted(Statement.objects.values_list("verb", flat=True))
    assert verbs == ["answered"] * 4 + ["completed"] * 3 + ["launched", "passed"]
    passed = Statement.objects.get(verb="passed").statement
    assert passed["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 100.0, "min": 0, "max": 100}
    assert passed["object"]["definition"]["name"] == {"cs-CZ": "Phishing a sociální inženýrství"}
    course_done = Statement.objects.get(key=f"assignment:{assignment.pk}:completed").statement
    assert course_done["object"]["id"].endswith(f"/xapi/course/{course.pk}")
    # One registration (the assignment) ties the course's statements together.
    assert len({row.statement["context"]["registration"] for row in Statement.objects.all()}) == 1
    # The actor is the person's number on this site: no name or e-mail leaves for an LRS.
    everything = json.dumps([row.statement for row in Statement.objects.all()], ensure_ascii=False)
    assert employee.email not in everything and employee.last_name not in everything
    assert passed["actor"]["account"]["name"] == str(employee.pk)


def test_a_failed_attempt_is_failed_and_its_answers_unsuccessful(employee, course, quiz):
    _learn(employee, course, quiz, passing=False)
    services.statements_collect()
    failed = Statement.objects.get(verb="failed").statement
    assert failed["result"]["success"] is False
    assert failed["result"]["score"]["raw"] == 0.0
    answered = [row.statement["result"] for row in Statement.objects.filter(verb="answered")]
    assert [result["success"] for result in answered] == [False] * 4
    assert not Statement.objects.filter(key__startswith="assignment:").exists()


def test_statements_are_forwarded_once_and_a_second_run_sends_nothing(employee, course, quiz, lrs):
    _learn(employee, course, quiz)
    services.statements_collect()
    assert services.statements_forward() == {"sent": 9, "failed": 0}
    assert set(lrs.statements) == {str(pk) for pk in Statement.objects.values_list("pk", flat=True)}
    assert services.statements_forward() == {"sent": 0, "failed": 0}
    assert lrs.requests == [("POST", 9)]
    assert not Statement.objects.filter(sent_at__isnull=True).exists()


def test_a_timeout_after_the_lrs_stored_the_batch_resends_it_and_the_lrs_keeps_one_copy(
    employee, course, quiz, lrs, monkeypatch
):
    _learn(employee, course, quiz)
    services.statements_collect()
    monkeypatch.setattr(services, "TIMEOUT", 1)
    lrs.stall_seconds = 2  # the LRS stores the batch, then answers too late
    assert services.statements_forward() == {"sent": 0, "failed": 9}
    assert len(lrs.statements) == 9
    row = Statement.objects.first()
    assert (row.sent_at, row.tries) == (None, 1)
    assert "timed out" in row.last_error
    lrs.stall_seconds = 0
    assert services.statements_forward() == {"sent": 9, "failed": 0}
    assert len(lrs.statements) == 9  # resent, stored once
    assert [method for method, _count in lrs.requests] == ["POST", "POST"]


def test_a_refusing_lrs_keeps_the_statements_for_the_next_run(
    employee, course, quiz, lrs, settings
):
    _learn(employee, course, quiz)
    services.statements_collect()
    settings.XAPI_LRS_PASSWORD = "špatné"
    assert services.statements_forward() == {"sent": 0, "failed": 9}
    kept = Statement.objects.filter(sent_at__isnull=True, last_error="LRS answered 401")
    assert kept.count() == 9
    assert lrs.statements == {}


def test_without_an_lrs_statements_are_kept_here(employee, course, quiz, settings):
    settings.XAPI_LRS_URL = ""
    _learn(employee, course, quiz)
    services.statements_collect()
    assert services.statements_forward() == {"sent": 0, "failed": 0}
    assert Statement.objects.filter(sent_at__isnull=True).count() == 9


def test_the_beat_task_records_and_forwards(employee, course, quiz, lrs):
    from xapi.tasks import sync

    _learn(employee, course, quiz)
    assert sync.delay().get() == {"recorded": 9, "sent": 9, "failed": 0}


def test_the_person_finds_their_statements_in_their_own_data(employee, course, quiz):
    _learn(employee, course, quiz)
    services.statements_collect()
    mine = personal_data(user=employee)["xapi_statements"]
    assert len(mine) == 9
    assert {item["verb"] for item in mine} == {"answered", "completed", "launched", "passed"}


def test_scorm_attempts_and_knowledge_checks_become_statements(employee, course_index):
    from courses.services import assignment_create, knowledge_check_answer
    from scorm import services as scorm_services
    from scorm.models import ScormAttempt, ScormLessonPage
    from tests.courses.test_knowledge_check import CHECK
    from tests.scorm import zips

    course = factories.make_course(course_index, title="Phishing v praxi", lessons=1)
    package = scorm_services.package_create(upload=zips.package_2004())
    lesson = ScormLessonPage(title="Interaktivní lekce", slug="scorm", package=package)
    course.add_child(instance=lesson)
    assignment, _ = assignment_create(user=employee, course=course, due_date=None, reason="Plán")
    sco = package.scos.order_by("position").first()
    attempt = ScormAttempt.objects.create(
        user=employee, lesson=lesson, sco=sco, assignment=assignment, completion_status="incomplete"
    )
    assert services.statements_collect() == {"recorded": 1}  # launched
    # The package reports completion first, the pass later: both are kept, once each.
    attempt.completion_status = "completed"
    attempt.save()
    assert services.statements_collect() == {"recorded": 1}
    attempt.success_status, attempt.score_scaled = "passed", Decimal("0.85")
    attempt.save()
    assert services.statements_collect() == {"recorded": 1}
    assert services.statements_collect() == {"recorded": 0}
    passed = Statement.objects.get(key=f"scorm:{attempt.pk}:passed").statement
    assert passed["result"]["score"]["scaled"] == 0.85
    assert passed["result"]["success"] is True
    assert passed["object"]["definition"]["name"] == {"cs-CZ": sco.title}

    page = factories.lessons_of(course)[0]
    page.body = [{"type": "knowledge_check", "value": CHECK}]
    page.save_revision().publish()
    page.refresh_from_db()
    block = next(b for b in page.body if b.block_type == "knowledge_check")
    knowledge_check_answer(user=employee, lesson=page, block_id=block.id, chosen=["0"])
    assert services.statements_collect() == {"recorded": 1}
    answered = Statement.objects.get(key__startswith="check:").statement
    assert answered["verb"]["id"].endswith("/answered")
    assert answered["result"] == {"success": False, "response": "0"}
