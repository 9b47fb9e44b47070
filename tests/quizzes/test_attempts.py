"""Attempts: drawing, storing, grading once, and every refusal leaving the attempt unchanged."""

import datetime
import random
import re
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from courses.models import Assignment
from courses.services import lesson_complete
from quizzes import services
from quizzes.forms import choice_token
from quizzes.models import Attempt, AttemptQuestion, Choice, Question, QuizPool, Response
from quizzes.rules import SUBMIT_GRACE
from tests import factories
from tests.quizzes.conftest import as_post, right_answers, snapshot, wrong_answers

pytestmark = pytest.mark.django_db

INPUTS = re.compile(r'<input type="(?:radio|checkbox)" name="([^"]+)" value="([^"]+)"')
TEXTS = re.compile(r"<label for=[^>]+>([^<]+)</label>")


def start(employee, quiz, **kwargs):
    return services.attempt_start(user=employee, quiz=quiz, **kwargs)


def submit(employee, attempt, answers, **kwargs):
    return services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=answers, **kwargs)


def fail(employee, attempt):
    return submit(employee, attempt, wrong_answers(attempt))


# --- Starting ---------------------------------------------------------------------------------


def test_start_draws_the_questions_and_stores_each_choice_order(quiz, assignment, employee):
    attempt = start(employee, quiz)

    items = list(attempt.items.order_by("order"))
    assert [i.order for i in items] == [1, 2, 3, 4, 5]
    assert len({i.question_id for i in items}) == 5
    bank_ids = set(
        Question.objects.filter(bank__quiz_pools__quiz=quiz).values_list("pk", flat=True)
    )
    assert {i.question_id for i in items} <= bank_ids
    for item in items:
        own = set(Choice.objects.filter(question_id=item.question_id).values_list("pk", flat=True))
        assert sorted(item.choice_order) == sorted(own)
    assert (attempt.number, attempt.assignment, attempt.quiz) == (1, assignment, quiz)
    assert attempt.deadline == attempt.started_at + datetime.timedelta(minutes=20)


def test_starting_again_resumes_the_attempt_in_progress(quiz, assignment, employee, client):
    client.force_login(employee)
    first = client.post(f"/quizzes/{quiz.pk}/start/")
    page = client.get(first["Location"]).content.decode()
    second = client.post(f"/quizzes/{quiz.pk}/start/")

    assert first["Location"] == second["Location"]
    assert Attempt.objects.count() == 1
    # Reloading shows the very same questions and choices in the same order.
    again = client.get(second["Location"]).content.decode()
    assert INPUTS.findall(again) == INPUTS.findall(page) != []
    assert TEXTS.findall(again) == TEXTS.findall(page) != []


def test_choices_are_shuffled_but_true_false_keeps_its_order(course, assignment, employee):
    bank = factories.QuestionBankFactory()
    single = factories.make_question(bank, fractions=("1", "0", "0", "0", "0", "0"))
    truefalse = factories.make_question(bank, type="truefalse", fractions=("0", "1"))
    quiz = factories.make_quiz(course, questions=0, bank=bank, questions_per_attempt=2)
    attempt = start(employee, quiz, rng=random.Random(4))

    orders = {i.question_id: i.choice_order for i in attempt.items.all()}
    authored = list(single.choices.order_by("sort_order").values_list("pk", flat=True))
    assert sorted(orders[single.pk]) == authored and orders[single.pk] != authored
    assert orders[truefalse.pk] == list(truefalse.choices.values_list("pk", flat=True))


def test_per_pool_counts_are_drawn_exactly_and_the_rest_from_uncounted_pools(
    course, assignment, employee
):
    counted, shared = factories.QuestionBankFactory(), factories.QuestionBankFactory()
    quiz = factories.make_quiz(course, questions=6, bank=counted, pool_count=2)
    quiz.questions_per_attempt = 5
    quiz.save()
    for _ in range(8):
        factories.make_question(shared)
    QuizPool.objects.create(quiz=quiz, bank=shared, count=None)

    for seed in range(5):
        attempt = services.attempt_start(user=employee, quiz=quiz, rng=random.Random(seed))
        banks = list(attempt.items.values_list("question__bank", flat=True))
        assert sorted(banks) == sorted([counted.pk] * 2 + [shared.pk] * 3)
        Attempt.objects.filter(pk=attempt.pk).delete()


def test_when_every_pool_has_a_count_the_rest_comes_from_what_is_left(course, assignment, employee):
    a, b = factories.QuestionBankFactory(), factories.QuestionBankFactory()
    quiz = factories.make_quiz(course, questions=3, bank=a, pool_count=1)
    quiz.questions_per_attempt = 4
    quiz.save()
    for _ in range(3):
        factories.make_question(b)
    QuizPool.objects.create(quiz=quiz, bank=b, count=1)

    attempt = start(employee, quiz, rng=random.Random(1))
    banks = list(attempt.items.values_list("question__bank", flat=True))
    assert len(banks) == 4 and banks.count(a.pk) >= 1 and banks.count(b.pk) >= 1


def test_inactive_questions_are_not_drawn(course, assignment, employee):
    quiz = factories.make_quiz(course, questions=6, questions_per_attempt=6)
    retired = Question.objects.filter(bank__quiz_pools__quiz=quiz).first()
    retired.active = False
    retired.save()

    attempt = start(employee, quiz)
    assert retired.pk not in set(attempt.items.values_list("question_id", flat=True))
    assert attempt.items.count() == 5  # fewer than asked: what the banks hold


# --- Refusals at start (403, or 409 when nothing can be drawn) --------------------------------


def test_start_without_an_open_assignment_is_refused(quiz, employee, client):
    client.force_login(employee)
    response = client.post(f"/quizzes/{quiz.pk}/start/")

    assert response.status_code == 403
    assert "nemáte otevřené přiřazení" in response.content.decode()
    assert not Attempt.objects.exists()


def test_start_beyond_the_attempt_limit_is_refused(quiz, assignment, employee, client):
    for _ in range(3):
        fail(employee, start(employee, quiz))
    client.force_login(employee)

    response = client.post(f"/quizzes/{quiz.pk}/start/")

    assert response.status_code == 403
    assert "Všechny 3 pokusy jsou vyčerpány." in response.content.decode()
    assert Attempt.objects.filter(assignment=assignment).count() == 3


def test_start_during_the_waiting_time_is_refused_and_allowed_after_it(quiz, assignment, employee):
    quiz.wait_minutes = 60
    quiz.save()
    now = timezone.now()
    first = start(employee, quiz, now=now)
    submit(employee, first, wrong_answers(first), now=now + datetime.timedelta(minutes=5))

    with pytest.raises(services.NotAllowed) as refused:
        start(employee, quiz, now=now + datetime.timedelta(minutes=64))
    assert refused.value.status == 403
    assert Attempt.objects.count() == 1

    second = start(employee, quiz, now=now + datetime.timedelta(minutes=65))
    assert second.number == 2


def test_start_after_a_pass_is_refused(quiz, assignment, employee):
    attempt = start(employee, quiz)
    submit(employee, attempt, right_answers(attempt))

    with pytest.raises(services.NotAllowed):
        start(employee, quiz)
    assert Attempt.objects.count() == 1


def test_start_of_an_inactive_quiz_is_refused(quiz, assignment, employee):
    quiz.is_active = False
    quiz.save()
    with pytest.raises(services.NotAllowed):
        start(employee, quiz)


def test_start_of_a_quiz_without_questions_is_a_conflict(course, assignment, employee):
    quiz = factories.make_quiz(course, questions=0)
    with pytest.raises(services.Conflict):
        start(employee, quiz)
    assert not Attempt.objects.exists()


def test_an_expired_attempt_counts_and_a_new_one_can_start(quiz, assignment, employee):
    now = timezone.now()
    first = start(employee, quiz, now=now)
    later = now + datetime.timedelta(minutes=20) + SUBMIT_GRACE + datetime.timedelta(seconds=1)

    second = start(employee, quiz, now=later)

    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    assert first.submitted_at is None and first.score is None


# --- Grading ----------------------------------------------------------------------------------


def test_right_answers_score_100_and_store_responses_and_points(quiz, assignment, employee):
    attempt = start(employee, quiz)
    answers = right_answers(attempt)

    graded = submit(employee, attempt, answers)

    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (Decimal("100.00"), True)
    assert attempt.submitted_at is not None and graded.score == attempt.score
    assert set(attempt.items.values_list("points", flat=True)) == {Decimal(1)}
    stored = dict(Response.objects.values_list("item__question_id", "selected"))
    assert stored == answers


def test_exactly_the_pass_mark_passes(quiz, assignment, employee):
    attempt = start(employee, quiz)
    right, wrong = right_answers(attempt), wrong_answers(attempt)
    ids = list(right)
    answers = {q: right[q] for q in ids[:3]} | {q: wrong[q] for q in ids[3:]}

    submit(employee, attempt, answers)

    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (Decimal("60.00"), True)


def test_unanswered_questions_score_zero(quiz, assignment, employee):
    attempt = start(employee, quiz)
    submit(employee, attempt, {})
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (Decimal("0.00"), False)
    assert Response.objects.filter(item__attempt=attempt, selected=[]).count() == 5


def test_partial_credit_is_never_negative_overall(course, assignment, employee):
    bank = factories.QuestionBankFactory()
    question = factories.make_question(
        bank, type="multiple", mode="partial", fractions=("0.5", "0.5", "-1", "-1")
    )
    quiz = factories.make_quiz(course, questions=0, bank=bank, questions_per_attempt=1)
    attempt = start(employee, quiz)
    right = [c.pk for c in question.choices.all() if c.fraction > 0]
    wrong = [c.pk for c in question.choices.all() if c.fraction < 0]

    submit(employee, attempt, {question.pk: [right[0], *wrong]})

    attempt.refresh_from_db()
    assert attempt.score == Decimal("0.00")
    assert attempt.items.get().points == Decimal(0)


def test_grading_uses_the_stored_choice_order_not_choices_added_later(quiz, assignment, employee):
    attempt = start(employee, quiz)
    item = attempt.items.first()
    late = Choice.objects.create(question_id=item.question_id, text="Nová", fraction=1)

    with pytest.raises(services.InvalidAnswers):
        submit(employee, attempt, {item.question_id: [late.pk]})
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


# --- Refusals at submission: each leaves the attempt as it was --------------------------------


@pytest.fixture
def attempt(quiz, assignment, employee):
    return start(employee, quiz)


def test_extra_fields_score_and_passed_are_refused(attempt, employee, client):
    before = snapshot(attempt)
    client.force_login(employee)
    data = as_post(attempt, wrong_answers(attempt)) | {"score": "100", "passed": "1"}

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)

    assert response.status_code == 400
    assert snapshot(attempt) == before


def test_a_choice_of_another_question_in_the_attempt_is_refused(attempt, employee, client):
    before = snapshot(attempt)
    first, second = attempt.items.order_by("order")[:2]
    client.force_login(employee)
    data = {f"q-{first.question_id}": [choice_token(attempt.pk, second.choice_order[0])]}

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)

    assert response.status_code == 400
    assert snapshot(attempt) == before
    with pytest.raises(services.InvalidAnswers):
        submit(employee, attempt, {first.question_id: [second.choice_order[0]]})
    assert snapshot(attempt) == before


def test_a_choice_of_another_attempt_is_refused(
    attempt, employee, other_employee, course, quiz, client
):
    factories.AssignmentFactory(user=other_employee, course=course)
    other = start(other_employee, quiz)
    before = snapshot(attempt)
    item = attempt.items.first()
    other_item = (
        other.items.get(question_id=item.question_id)
        if other.items.filter(question_id=item.question_id).exists()
        else other.items.first()
    )
    client.force_login(employee)
    # The other attempt's token of the very same choice is not this attempt's token.
    data = {f"q-{item.question_id}": [choice_token(other.pk, other_item.choice_order[0])]}

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)

    assert response.status_code == 400
    assert snapshot(attempt) == before


def test_raw_choice_ids_and_unknown_questions_are_refused(attempt, employee, client):
    before = snapshot(attempt)
    item = attempt.items.first()
    client.force_login(employee)

    raw = client.post(
        f"/quizzes/attempts/{attempt.pk}/submit/", {f"q-{item.question_id}": item.choice_order[0]}
    )
    other_question = Question.objects.exclude(
        pk__in=attempt.items.values_list("question_id", flat=True)
    ).first()
    foreign = client.post(
        f"/quizzes/attempts/{attempt.pk}/submit/",
        {f"q-{other_question.pk}": [choice_token(attempt.pk, item.choice_order[0])]},
    )

    assert (raw.status_code, foreign.status_code) == (400, 400)
    assert snapshot(attempt) == before


def test_two_choices_in_a_single_choice_question_are_refused(attempt, employee, client):
    before = snapshot(attempt)
    item = attempt.items.first()
    client.force_login(employee)
    data = {f"q-{item.question_id}": [choice_token(attempt.pk, pk) for pk in item.choice_order]}

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)

    assert response.status_code == 400
    assert snapshot(attempt) == before


def test_another_users_attempt_is_not_found(attempt, other_employee, client):
    before = snapshot(attempt)
    client.force_login(other_employee)

    submitted = client.post(
        f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, right_answers(attempt))
    )

    assert submitted.status_code == 404
    assert client.get(f"/quizzes/attempts/{attempt.pk}/").status_code == 404
    assert client.get(f"/quizzes/attempts/{attempt.pk}/result/").status_code == 404
    assert snapshot(attempt) == before
    with pytest.raises(services.AttemptNotFound):
        submit(other_employee, attempt, {})
    assert snapshot(attempt) == before


def test_a_second_submission_is_a_conflict(attempt, employee, client):
    client.force_login(employee)
    first = client.post(
        f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, wrong_answers(attempt))
    )
    assert first.status_code == 302
    before = snapshot(attempt)

    second = client.post(
        f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, right_answers(attempt))
    )

    assert second.status_code == 409
    assert snapshot(attempt) == before
    assert Attempt.objects.get(pk=attempt.pk).passed is False


def test_a_submission_after_the_time_limit_and_grace_is_a_conflict(attempt, employee, client):
    before = snapshot(attempt)
    client.force_login(employee)
    late = attempt.deadline + SUBMIT_GRACE + datetime.timedelta(seconds=1)

    with time_machine.travel(late, tick=False):
        response = client.post(
            f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, right_answers(attempt))
        )

    assert response.status_code == 409
    assert snapshot(attempt) == before
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_a_submission_within_the_grace_period_is_graded(attempt, employee, client):
    client.force_login(employee)
    with time_machine.travel(attempt.deadline + SUBMIT_GRACE, tick=False):
        response = client.post(
            f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, right_answers(attempt))
        )
    assert response.status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).score == Decimal("100.00")


def test_get_cannot_submit(attempt, employee, client):
    client.force_login(employee)
    assert client.get(f"/quizzes/attempts/{attempt.pk}/submit/").status_code == 405
    assert client.get(f"/quizzes/{attempt.quiz_id}/start/").status_code == 405


# --- Completion -------------------------------------------------------------------------------


def test_passing_completes_the_course_when_all_lessons_are_done(course, quiz, assignment, employee):
    for lesson in factories.lessons_of(course):
        lesson_complete(assignment=assignment, lesson=lesson)
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ASSIGNED  # the quiz is still missing

    attempt = start(employee, quiz)
    answers = right_answers(attempt)
    answers.pop(next(iter(answers)))  # 4 of 5 right: 80 %
    submit(employee, attempt, answers)

    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    assert assignment.score == Decimal("80.00")
    assert assignment.completed_at is not None


def test_failing_does_not_complete_the_course(course, quiz, assignment, employee):
    for lesson in factories.lessons_of(course):
        lesson_complete(assignment=assignment, lesson=lesson)
    attempt = start(employee, quiz)
    fail(employee, attempt)

    assignment.refresh_from_db()
    assert (assignment.status, assignment.score) == (Assignment.Status.ASSIGNED, None)


def test_a_pass_before_the_last_lesson_completes_the_course_with_that_lesson(
    course, quiz, assignment, employee
):
    lessons = factories.lessons_of(course)
    attempt = start(employee, quiz)
    submit(employee, attempt, right_answers(attempt))
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ASSIGNED

    for lesson in lessons:
        lesson_complete(assignment=assignment, lesson=lesson)

    assignment.refresh_from_db()
    assert (assignment.status, assignment.score) == (Assignment.Status.COMPLETED, Decimal(100))


def test_a_refresher_assignment_needs_a_fresh_pass(course, quiz, assignment, employee):
    for lesson in factories.lessons_of(course):
        lesson_complete(assignment=assignment, lesson=lesson)
    attempt = start(employee, quiz)
    submit(employee, attempt, right_answers(attempt))
    refresher = factories.AssignmentFactory(
        user=employee, course=course, source=Assignment.Source.REFRESHER
    )

    again = start(employee, quiz)

    assert (again.assignment, again.number) == (refresher, 1)
    from courses import completion

    steps = completion.steps_for([assignment, refresher])
    assert [s.done for s in steps[assignment.pk] if s.key.startswith("quiz:")] == [True]
    assert [s.done for s in steps[refresher.pk] if s.key.startswith("quiz:")] == [False]


def test_the_quiz_step_is_translated_links_to_the_quiz_and_carries_the_score(
    course, quiz, assignment, employee, client
):
    client.force_login(employee)
    page = client.get(course.url).content.decode()
    assert "Závěrečný test" in page
    assert f'href="/quizzes/{quiz.pk}/"' in page

    attempt = start(employee, quiz)
    submit(employee, attempt, right_answers(attempt))
    from courses import completion

    (step,) = [s for s in completion.steps_for([assignment])[assignment.pk] if s.key[:5] == "quiz:"]
    assert (step.done, step.score) == (True, Decimal("100.00"))


def test_an_assignment_completed_before_the_quiz_existed_stays_complete(
    course, assignment, employee
):
    for lesson in factories.lessons_of(course):
        lesson_complete(assignment=assignment, lesson=lesson)
    factories.make_quiz(course)
    from courses import completion

    assignment.refresh_from_db()
    steps = completion.steps_for([assignment])[assignment.pk]
    assert assignment.status == Assignment.Status.COMPLETED
    assert completion.summarize(steps).complete  # no unfinished quiz step on a closed record


def test_the_attempt_row_lock_and_constraints_forbid_a_second_grade(attempt, employee):
    submit(employee, attempt, wrong_answers(attempt))
    # Even bypassing the service, a second response per question cannot be stored.
    from django.db import IntegrityError, transaction

    item = AttemptQuestion.objects.filter(attempt=attempt).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(item=item, selected=[])
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.filter(pk=attempt.pk).update(score=None)


def test_the_quiz_step_provider_queries_do_not_grow_with_assignments(course_index, quiz):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from quizzes.selectors import quiz_steps

    def measure(count):
        course = factories.make_course(course_index, lessons=1)
        factories.make_quiz(course, questions=2)
        assignments = [
            factories.AssignmentFactory(user=factories.UserFactory(), course=course)
            for _ in range(count)
        ]
        with CaptureQueriesContext(connection) as queries:
            steps = quiz_steps(assignments)
        assert len(steps) == count
        return len(queries)

    # Quizzes, attempts, granted extra attempts, lessons and lesson progress (lessons first),
    # and the SCORM lessons of the course (none here).
    assert measure(2) == measure(30) == 6
