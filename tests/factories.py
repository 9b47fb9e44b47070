"""Test data factories for every app, in one place."""

import datetime
import itertools
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import Assignment, CoursePage, LessonPage
from courses.services import assignment_create
from organisation.models import User, Workplace
from organisation.roles import EMPLOYEE
from quizzes.models import Choice, Question, QuestionBank, Quiz, QuizPool

_counter = itertools.count(1)


class WorkplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplace

    name = factory.Sequence(lambda n: f"Odbor č. {n}")
    code = factory.Sequence(lambda n: f"odbor-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        # treebeard nodes are created through add_root / add_child, never save().
        if parent is None:
            return model_class.add_root(**kwargs)
        node = parent.add_child(**kwargs)
        parent.refresh_from_db()
        return node


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"zamestnanec{n}@example.cz")
    first_name = "Jana"
    last_name = "Nováková"
    personal_number = factory.Sequence(lambda n: f"P{n:05d}")
    workplace = factory.SubFactory(WorkplaceFactory)
    password = factory.django.Password("heslo-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            names = [EMPLOYEE, *(extracted or [])]
            self.groups.add(*Group.objects.filter(name__in=names))


def make_course(index, *, title: str = "Kurz", lessons: int = 3, **fields) -> CoursePage:
    """A published course with `lessons` published lessons under the catalogue."""
    n = next(_counter)
    course = CoursePage(title=title, slug=f"kurz-{n}", summary=f"Shrnutí kurzu {title}", **fields)
    index.add_child(instance=course)
    for i in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"Lekce {i}: {title}",
                slug=f"lekce-{i}",
                body=[{"type": "rich_text", "value": f"<p>Obsah lekce {i} – žluťoučký kůň.</p>"}],
            )
        )
    course.refresh_from_db()
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(course).order_by("path"))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    user = factory.SubFactory(UserFactory)
    due_date = None
    reason = "Přiřazeno na základě analýzy rizik."
    source = Assignment.Source.MANUAL


# --- Quizzes ----------------------------------------------------------------------------------


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank

    name = factory.Sequence(lambda n: f"Banka otázek č. {n}")


def make_question(
    bank: QuestionBank,
    *,
    type: str = "single",
    mode: str = "all_or_nothing",
    fractions: tuple = ("1", "0", "0"),
    name: str | None = None,
    **fields,
) -> Question:
    """A question with one choice per fraction; texts say which choice is which, for assertions.

    Explanations and feedback carry the marker "TAJNÉ" so tests can prove they never reach the
    take page.
    """
    n = next(_counter)
    question = Question.objects.create(
        bank=bank,
        name=name or f"Otázka {n}",
        type=type,
        mode=mode,
        text=f"<p>Text otázky {n}: co uděláte s podezřelým e-mailem?</p>",
        explanation=f"<p>TAJNÉ vysvětlení {n}</p>",
        general_feedback=f"<p>TAJNÁ obecná zpětná vazba {n}</p>",
        **fields,
    )
    Choice.objects.bulk_create(
        Choice(
            question=question,
            sort_order=i,
            text=f"<p>Odpověď {i} k otázce {n}</p>",
            fraction=Decimal(f),
            feedback=f"<p>TAJNÁ zpětná vazba volby {i}</p>",
        )
        for i, f in enumerate(fractions)
    )
    return question


def make_quiz(
    course: CoursePage,
    *,
    questions: int = 10,
    bank: QuestionBank | None = None,
    pool_count: int | None = None,
    **fields,
) -> Quiz:
    """A quiz of `course` drawing from one bank of `questions` single-choice questions."""
    bank = bank or QuestionBankFactory()
    for _ in range(questions):
        make_question(bank)
    fields.setdefault("questions_per_attempt", min(5, questions) or 1)
    quiz = Quiz.objects.create(course=course, **fields)
    QuizPool.objects.create(quiz=quiz, bank=bank, count=pool_count)
    return quiz


class RiskCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "risk.RiskCategory"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"riziko-{n}")
    name = factory.Sequence(lambda n: f"Riziko č. {n} – únik údajů")
    sort_order = factory.Sequence(lambda n: n)


def make_review(workplace, ratings: dict, *, reviewer=None, approve_by=None, note: str = ""):
    """A draft review rating each category (likelihood, impact); approved if approve_by given.

    Approval goes through the service, as in the admin; on_commit callbacks are the caller's.
    """
    from risk.models import RiskAssessment, RiskReview
    from risk.services import review_approve

    review = RiskReview.objects.create(workplace=workplace, reviewer=reviewer, note=note)
    for category, (likelihood, impact) in ratings.items():
        RiskAssessment.objects.create(
            review=review, category=category, likelihood=likelihood, impact=impact
        )
    if approve_by is not None:
        review = review_approve(review=review, approved_by=approve_by)
    return review


def make_plan_course(index, categories, *, title="Kurz", required_from_level="low", **fields):
    """A published course covering `categories`, required by reviews from the given level."""
    course = make_course(
        index,
        title=title,
        lessons=fields.pop("lessons", 2),
        required_from_level=required_from_level,
        **fields,
    )
    course.risk_categories = list(categories)
    course.save()
    return course


def _certificate_now():
    from django.utils import timezone

    return timezone.now()


class CompletedAssignmentFactory(AssignmentFactory):
    """A completed assignment as assignment_evaluate leaves it, without walking the lessons."""

    status = Assignment.Status.COMPLETED
    completed_at = factory.LazyFunction(_certificate_now)
    completed_version = factory.LazyAttribute(lambda o: o.course.version)
    score = "92.50"


def issue_certificate(assignment, *, pdf: bool = True):
    """Issue through the service and (by default) store the PDF, as the Celery task does."""
    from certificates.services import certificate_issue, certificate_pdf

    certificate = certificate_issue(assignment=assignment)
    return certificate_pdf(certificate=certificate) if pdf else certificate


def assign(user, course, *, due_in: int, today: datetime.date | None = None):
    today = today or timezone.localdate()
    assignment, _ = assignment_create(
        user=user,
        course=course,
        due_date=today + datetime.timedelta(days=due_in),
        reason="Přezkum rizik odboru správních agend",
    )
    return assignment
