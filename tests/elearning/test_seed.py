"""The demo magistrate as `make run` loads it: from the data files, idempotent, with dates that
make sense, quizzes from the GIFT files and a certificate for every completed assignment.

seed_demo is run once for the module (once per pytest-xdist worker that runs some of its tests),
inside a transaction rolled back at the end, the way TestCase.setUpTestData works; each test
runs in a savepoint of it, so a test that seeds again or changes data leaves the next test the
same demo.
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone, translation

from certificates.models import Certificate
from courses import completion
from courses.models import Assignment, CoursePage, LessonPage, LessonProgress
from elearning.demo import loader
from elearning.management.commands.seed_demo import MANUAL_REASON
from quizzes.importers import parse_questions
from quizzes.importers.richtext import editor_html
from quizzes.models import Attempt, Choice, Question, QuestionBank, Quiz
from quizzes.services import TEXT_FEATURES
from risk.models import RiskReview

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    # The approvals' and completions' tasks run as a committed transaction would run them.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The output of the first seed_demo; the database holds the demo during the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = _seed()
        yield output
        transaction.set_rollback(True)


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed  # reports.Report has no table: it only carries permissions
    }


def test_seeding_twice_changes_no_row(demo):
    before = _row_counts()
    done = Assignment.objects.filter(completed_at__isnull=False)
    completed = dict(done.values_list("pk", "completed_at"))

    output = _seed()

    assert _row_counts() == before
    assert before["courses.Assignment"] > 40 and before["quizzes.Attempt"] > 0
    assert "0 new assignments" in output and "Quizzes: 0 new" in output
    assert "Certificates: 0 new" in output and "Risk reviews: 0 new" in output
    assert dict(done.values_list("pk", "completed_at")) == completed


def _blocks(lesson: LessonPage) -> list[dict]:
    """The lesson body as stored, without the ids Wagtail gives each block."""
    return [{"type": b["type"], "value": b["value"]} for b in lesson.body.raw_data]


def test_the_courses_are_the_data_files(demo, client):
    courses = loader.courses_load()
    stored = CoursePage.objects.live().order_by("path")
    assert [c.slug for c in stored] == [c.slug for c in courses]
    for data, page in zip(courses, stored, strict=True):
        assert (page.title, page.summary, page.refresher_months) == (
            data.title,
            data.summary,
            data.refresher_months,
        )
        assert sorted(page.risk_categories.values_list("code", flat=True)) == sorted(
            data.risk_categories
        )
        assert page.required_from_level == data.required_from_level
        lessons = LessonPage.objects.live().child_of(page).order_by("path")
        assert [(lesson.slug, lesson.title, _blocks(lesson)) for lesson in lessons] == [
            (lesson.slug, lesson.title, lesson.body) for lesson in data.lessons
        ]

    # What the employee reads: the Markdown's heading, callout and key points, in Czech.
    client.login(email="employee@example.cz", password="demo")
    lesson = LessonPage.objects.get(slug="pravni-zaklady")
    page = client.get(lesson.url).content.decode()
    assert "<h2>Zvláštní kategorie údajů</h2>" in page
    assert "Kdo je správce?" in page
    assert "Oprávněný zájem orgán veřejné moci při plnění svých úkolů použít nemůže." in page
    assert "<strong>Plnění právní povinnosti</strong>" in page


def test_dates_make_sense(demo):
    now = timezone.now()
    assignments = list(Assignment.objects.all())
    for a in assignments:
        assert a.created_at <= now
        if a.due_date:
            assert timezone.localdate(a.created_at) <= a.due_date, (a, a.created_at, a.due_date)
        if a.completed_at:
            assert a.created_at <= a.completed_at <= now, a
    overdue = [a for a in assignments if a.is_overdue()]
    assert overdue and any(a.status == Assignment.Status.COMPLETED for a in assignments)

    for progress in LessonProgress.objects.select_related("assignment"):
        done_by = progress.assignment.completed_at or now
        assert progress.assignment.created_at <= progress.completed_at <= done_by

    attempts = Attempt.objects.select_related("assignment")
    assert attempts.exists()
    for attempt in attempts:
        assert attempt.assignment.created_at <= attempt.started_at < attempt.submitted_at <= now

    for review in RiskReview.objects.exclude(approved_at=None):
        assert review.created_at <= review.approved_at <= now
        assert timezone.localdate(review.approved_at) == review.review_date
        # Its plan was applied after the approval.
        for a in Assignment.objects.filter(review=review, source=Assignment.Source.PLAN):
            assert a.created_at >= review.approved_at

    for certificate in Certificate.objects.select_related("assignment"):
        assert certificate.completed_on == timezone.localdate(certificate.assignment.completed_at)
        assert certificate.valid_until > certificate.completed_on


def test_only_a_review_is_given_as_risk_review_reason(demo):
    assignments = Assignment.objects.select_related("review__workplace", "risk_category")
    with translation.override("cs"):
        for a in assignments:
            says_risk = "rizik" in a.reason_display.lower()
            assert says_risk == (a.review_id is not None), (a.source, a.reason_display)
    manual = assignments.filter(source=Assignment.Source.MANUAL)
    assert manual.count() == 14
    assert set(manual.values_list("reason", "assigned_by__email")) == {
        (MANUAL_REASON, "hr@example.cz")
    }
    assert assignments.filter(source=Assignment.Source.PLAN, review__isnull=False).count() > 20


def test_quizzes_come_from_the_gift_files(demo):
    courses = loader.courses_load()
    parsed = {
        c.title: parse_questions(c.questions_path.read_bytes(), c.questions_path.name).questions
        for c in courses
    }
    assert QuestionBank.objects.count() == Quiz.objects.count() == len(courses)
    assert Question.objects.count() == sum(len(qs) for qs in parsed.values()) >= 60
    # Each bank holds its file's questions, Czech text and topics (GIFT categories) intact.
    for title, items in parsed.items():
        stored = Question.objects.filter(bank__name=title).order_by("name")
        # Stored as Wagtail's rich-text editor saves it (the importer passes it through).
        assert [(q.name, q.topic, q.text) for q in stored] == [
            (q.name, " / ".join(q.category_path), editor_html(q.text_html, TEXT_FEATURES))
            for q in items
        ]
    question = Question.objects.get(name="03 Zvláštní kategorie údajů")
    assert (question.type, question.mode) == ("multiple", "partial")
    assert "biometrické údaje" in question.general_feedback
    assert sorted(question.choices.values_list("fraction", flat=True)) == [
        Decimal("-0.3333333"), Decimal("-0.3333333"),
        Decimal("0.3333333"), Decimal("0.3333333"), Decimal("0.3333333"),
    ]  # fmt: skip
    # The importer names true/false choices in the site's language (Czech).
    truefalse = sum(1 for qs in parsed.values() for q in qs if q.type == "truefalse")
    assert truefalse >= 20
    assert Choice.objects.filter(text="Pravda").count() == truefalse
    assert Choice.objects.filter(text="Nepravda").count() == truefalse
    # Every question can be answered fully right.
    for question in Question.objects.prefetch_related("choices"):
        right = sum(c.fraction for c in question.choices.all() if c.fraction > 0)
        assert abs(right - 1) < Decimal("0.000001"), question.name

    quiz = Quiz.objects.get(course__slug="phishing-a-socialni-inzenyrstvi")
    assert (quiz.pass_mark, quiz.questions_per_attempt, quiz.max_attempts) == (70, 6, 3)
    assert (quiz.wait_minutes, quiz.time_limit_minutes, quiz.reveal_answers) == (
        0,
        20,
        "after_pass_or_last_attempt",
    )
    # The demo employee's own quizzes are left for her to take.
    assert not Attempt.objects.filter(user__email="employee@example.cz").exists()


def test_completed_demo_assignments_stay_complete_with_a_certificate(demo):
    completed = Assignment.objects.filter(status=Assignment.Status.COMPLETED)
    # The assignments marked "all lessons done" were completed before the quizzes existed.
    assert completed.count() >= 4
    for assignment in completed.select_related("course"):
        steps = completion.steps_for([assignment])[assignment.pk]
        assert completion.summarize(steps).complete
    assert set(Certificate.objects.values_list("assignment_id", flat=True)) == set(
        completed.values_list("pk", flat=True)
    )
    assert not Certificate.objects.filter(pdf="").exists()
    holder = Certificate.objects.get(assignment__user__email="employee@example.cz")
    assert holder.holder_name == "Jana Nováková"
    # Completed 57 days ago, one lesson a day after it was assigned 60 days ago.
    assert holder.completed_on == timezone.localdate() - datetime.timedelta(days=57)
