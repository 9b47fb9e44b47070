"""A small organisation for the reports' tests, grown with bulk_create so 1,000 people stay fast.

Tree: Odbor A (sections A1, A2) and Odbor B (section B1). Reporting lines: the head of A
manages the head of A1 and everyone in A and A2; the head of A1 manages A1; the head of B
manages B1. Each employee has one assignment per course in a pattern that covers every
status, due dates spread over months, quiz attempts and certificates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from certificates.models import Certificate
from courses.models import Assignment, CoursePage
from organisation.models import User, Workplace
from organisation.roles import HR, SECURITY_MANAGER
from quizzes.models import Attempt, AttemptQuestion, Quiz
from risk.models import RiskCategory, RiskReview
from tests import factories

PASS_MARK = 70


@dataclass
class Org:
    today: datetime.date
    workplaces: dict[str, Workplace]
    courses: list[CoursePage]
    quiz: Quiz
    categories: list[RiskCategory]
    hr: User
    security: User
    head_a: User
    head_a1: User
    head_b: User
    employee: User  # an employee of A1 without reports
    outsider: User  # an employee of B1
    review: RiskReview
    employees: list[User] = field(default_factory=list)


def _aware(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build_org(course_index, *, employees: int = 10, today: datetime.date | None = None) -> Org:
    today = today or timezone.localdate()
    a = factories.WorkplaceFactory(name="Odbor A – správní", code="odbor-a")
    factories.WorkplaceFactory(name="Oddělení A1 – matrika", code="odd-a1", parent=a)
    factories.WorkplaceFactory(name="Oddělení A2 – spisovna", code="odd-a2", parent=a)
    b = factories.WorkplaceFactory(name="Odbor B – ekonomický", code="odbor-b")
    factories.WorkplaceFactory(name="Oddělení B1 – pokladna", code="odd-b1", parent=b)
    # Re-read: adding children changes the parents' rows (numchild) under treebeard.
    by_code = {w.code: w for w in Workplace.objects.all()}
    workplaces = {
        key: by_code[code]
        for key, code in (
            ("A", "odbor-a"),
            ("A1", "odd-a1"),
            ("A2", "odd-a2"),
            ("B", "odbor-b"),
            ("B1", "odd-b1"),
        )
    }

    categories = [
        factories.RiskCategoryFactory(code="osobni-udaje", name="Osobní údaje"),
        factories.RiskCategoryFactory(code="phishing", name="Phishing a sociální inženýrství"),
    ]
    courses = [
        factories.make_course(course_index, title="Ochrana osobních údajů", lessons=1),
        factories.make_course(course_index, title="Phishing a sociální inženýrství", lessons=1),
        factories.make_course(
            course_index,
            title="Řízení bezpečnosti pro vedoucí",
            lessons=1,
            audience=CoursePage.Audience.MANAGEMENT,
        ),
    ]
    courses[0].risk_categories = [categories[0]]
    courses[0].save()
    courses[1].risk_categories = [categories[1]]
    courses[1].save()
    quiz = factories.make_quiz(
        courses[0], questions=5, questions_per_attempt=5, pass_mark=PASS_MARK
    )

    hr = factories.UserFactory(
        first_name="Hana", last_name="Personální", workplace=workplaces["A"], roles=[HR]
    )
    security = factories.UserFactory(
        first_name="Bohumil",
        last_name="Bezpečný",
        workplace=workplaces["A"],
        roles=[SECURITY_MANAGER],
    )
    head_a = factories.UserFactory(
        first_name="Řehoř", last_name="Vedoucí", workplace=workplaces["A"], is_management=True
    )
    head_a1 = factories.UserFactory(
        first_name="Žofie",
        last_name="Šéfová",
        workplace=workplaces["A1"],
        manager=head_a,
        is_management=True,
    )
    head_b = factories.UserFactory(
        first_name="Ludmila", last_name="Účetní", workplace=workplaces["B"], is_management=True
    )

    old = RiskReview.objects.create(
        workplace=workplaces["A"],
        review_date=today - datetime.timedelta(days=400),
        status=RiskReview.Status.SUPERSEDED,
        approved_at=_aware(today - datetime.timedelta(days=399)),
        approved_by=security,
    )
    review = RiskReview.objects.create(
        workplace=workplaces["A"],
        review_date=today - datetime.timedelta(days=35),
        status=RiskReview.Status.APPROVED,
        approved_at=_aware(today - datetime.timedelta(days=34)),
        approved_by=security,
        supersedes=old,
    )
    org = Org(
        today=today,
        workplaces=workplaces,
        courses=courses,
        quiz=quiz,
        categories=categories,
        hr=hr,
        security=security,
        head_a=head_a,
        head_a1=head_a1,
        head_b=head_b,
        employee=None,  # set below
        outsider=None,
        review=review,
    )
    add_employees(org, employees)
    org.employee = next(u for u in org.employees if u.workplace_id == workplaces["A1"].pk)
    org.outsider = next(u for u in org.employees if u.workplace_id == workplaces["B1"].pk)
    return org


# Where each employee works and who manages them, by index modulo 4.
_PLACES = ("A", "A1", "A2", "B1")


def _manager(org: Org, place: str) -> User:
    return {"A": org.head_a, "A1": org.head_a1, "A2": org.head_a, "B1": org.head_b}[place]


def add_employees(org: Org, count: int) -> list[User]:
    """`count` more employees with assignments, attempts and certificates, in bulk."""
    start = User.objects.count()
    people = [
        User(
            email=f"zam{start + i}@example.cz",
            first_name=["Jiří", "Anežka", "Čeněk", "Dagmar"][i % 4],
            last_name=f"Dvořák-{start + i:05d}",
            personal_number=f"R{start + i:06d}",
            workplace=org.workplaces[_PLACES[i % 4]],
            manager=_manager(org, _PLACES[i % 4]),
            is_management=False,
            password="!",  # unusable: these people never log in during the tests
        )
        for i in range(count)
    ]
    people = User.objects.bulk_create(people)
    today = org.today
    assignments = []
    for i, person in enumerate(people):
        for c, course in enumerate(org.courses[:2]):
            assignments.append(_assignment(org, person, course, start + i, c, today))
        if i % 7 == 0:
            # Some people take the management course too (optional for them).
            assignments.append(_assignment(org, person, org.courses[2], start + i, 2, today))
    assignments = Assignment.objects.bulk_create(assignments)
    _attempts(org, [a for a in assignments if a.course_id == org.courses[0].pk])
    org.employees.extend(people)
    return people


def _assignment(org, person, course, i, c, today) -> Assignment:
    kind = (i + c) % 5
    created = _aware(today - datetime.timedelta(days=120 + i % 30))
    common = {
        "user": person,
        "course": course,
        "created_at": created,
        "source": [
            Assignment.Source.MANUAL,
            Assignment.Source.REFRESHER,
            Assignment.Source.SELF,
            Assignment.Source.JOINER,
        ][i % 4],
        "reason": 'Ruční přiřazení – =HYPERLINK("x")' if i % 11 == 0 else "Školení dle plánu.",
    }
    if common["source"] == Assignment.Source.JOINER:
        # A plan-like source must carry its reason: the review, the risk and its level.
        common.update(review=org.review, risk_category=org.categories[0], risk_level="high")
    if kind == 0:
        done = today - datetime.timedelta(days=i % 150)
        return Assignment(
            **common,
            status=Assignment.Status.COMPLETED,
            due_date=today - datetime.timedelta(days=(i * 3) % 200),
            completed_at=_aware(done),
            completed_version=1,
            score=Decimal(40 + (i * 7) % 61),
        )
    if kind == 1:
        return Assignment(
            **common,
            status=Assignment.Status.ASSIGNED,
            due_date=today - datetime.timedelta(days=1 + i % 90),
        )
    if kind == 2:
        return Assignment(
            **common,
            status=Assignment.Status.ASSIGNED,
            due_date=today + datetime.timedelta(days=10),
        )
    if kind == 3:
        return Assignment(**common, status=Assignment.Status.ASSIGNED, due_date=None)
    return Assignment(
        **common,
        status=Assignment.Status.NOT_REQUIRED,
        due_date=today - datetime.timedelta(days=5),
    )


def _attempts(org: Org, assignments: list[Assignment]) -> None:
    """First attempts for every assignment of the quiz course that has a score or is open."""
    questions = list(org.quiz.pools.first().bank.questions.order_by("pk"))
    attempts = []
    for a in assignments:
        if a.status == Assignment.Status.NOT_REQUIRED or a.due_date is None:
            continue
        first = a.score if a.score is not None else Decimal(20 + a.user_id % 50)
        submitted = (a.completed_at or a.created_at) - datetime.timedelta(hours=1)
        passed = first >= PASS_MARK
        attempts.append(
            Attempt(
                user_id=a.user_id,
                assignment=a,
                quiz=org.quiz,
                number=1,
                started_at=submitted - datetime.timedelta(minutes=10),
                submitted_at=submitted,
                score=first,
                passed=passed,
            )
        )
        if not passed and a.status == Assignment.Status.COMPLETED:
            attempts.append(
                Attempt(
                    user_id=a.user_id,
                    assignment=a,
                    quiz=org.quiz,
                    number=2,
                    started_at=submitted,
                    submitted_at=submitted + datetime.timedelta(minutes=20),
                    score=Decimal(90),
                    passed=True,
                )
            )
    attempts = Attempt.objects.bulk_create(attempts)
    items = []
    for attempt in attempts:
        if attempt.number != 1:
            continue
        for order, question in enumerate(questions):
            # Question k is missed by every (k+1)-th attempt: a known order of difficulty.
            missed = (attempt.user_id + order) % (order + 2) == 0
            items.append(
                AttemptQuestion(
                    attempt=attempt,
                    question=question,
                    order=order,
                    choice_order=[],
                    points=Decimal(0) if missed else Decimal(1),
                )
            )
    AttemptQuestion.objects.bulk_create(items)
    certificates = [
        Certificate(
            assignment=a,
            serial_number=f"T-{a.pk:07d}",
            holder_name=f"{a.user.first_name} {a.user.last_name}",
            course_title=org.courses[0].title,
            course_version=1,
            organisation_name="Magistrát města",
            completed_on=timezone.localdate(a.completed_at),
            score=a.score,
            valid_until=timezone.localdate(a.completed_at) + datetime.timedelta(days=365),
        )
        for a in assignments
        if a.status == Assignment.Status.COMPLETED
    ]
    Certificate.objects.bulk_create(certificates)


# --- Fixtures, imported by the test modules that use them -------------------------------------

import pytest  # noqa: E402


@pytest.fixture
def org(course_index):
    return build_org(course_index, employees=24)


def client_for(client, user):
    client.force_login(user)
    return client
