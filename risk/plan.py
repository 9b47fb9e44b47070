"""The training plan as pure functions: a review, courses and employees in, required courses out.

No ORM and no request here: callers (courses.planning, reports) load plain dataclasses, and
these functions decide. That keeps the rules of the PDCA "Plan" step in one readable place:

- a category's level comes from likelihood x impact and the thresholds of the policy;
- a course is required when the review rates one of its categories at or above the course's
  `required_from_level`; management-track courses only for management;
- the due date follows the level (critical soonest);
- a workplace without its own approved review inherits its nearest ancestor's;
- applying a plan creates what is missing, keeps what exists, never deletes, and marks open
  plan assignments that are no longer required;
- the effect of those changes on people (who gains, who keeps, for whom a course becomes
  optional) is read off the very same changes, so a preview cannot differ from the apply.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

LOW, MEDIUM, HIGH, CRITICAL = "low", "medium", "high", "critical"
LEVELS = (LOW, MEDIUM, HIGH, CRITICAL)  # ascending
RANK = {level: rank for rank, level in enumerate(LEVELS)}
SCALE = range(1, 6)  # likelihood and impact are rated 1-5
MAX_SCORE = 25


@dataclass(frozen=True)
class Policy:
    """Thresholds (lowest score of each level) and due days per level, from the site settings."""

    medium_from: int = 4
    high_from: int = 8
    critical_from: int = 15
    due_days: Mapping[str, int] = field(
        default_factory=lambda: {CRITICAL: 14, HIGH: 30, MEDIUM: 60, LOW: 90}
    )

    def __post_init__(self):
        if not 1 < self.medium_from < self.high_from < self.critical_from <= MAX_SCORE:
            raise ValueError("Thresholds must rise: 1 < medium < high < critical <= 25.")
        if set(self.due_days) != set(LEVELS) or min(self.due_days.values()) < 1:
            raise ValueError("Every level needs a positive number of due days.")

    def level_for(self, likelihood: int, impact: int) -> str:
        if likelihood not in SCALE or impact not in SCALE:
            raise ValueError("Likelihood and impact are rated 1 to 5.")
        return self.level_for_score(likelihood * impact)

    def level_for_score(self, score: int) -> str:
        if score >= self.critical_from:
            return CRITICAL
        if score >= self.high_from:
            return HIGH
        if score >= self.medium_from:
            return MEDIUM
        return LOW

    def due_date(self, level: str, start: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.due_days[level])

    def matrix(self) -> list[list[tuple[int, int, str]]]:
        """The 5x5 grid, impact 5 at the top, as (likelihood, impact, level) per cell."""
        return [
            [(likelihood, impact, self.level_for(likelihood, impact)) for likelihood in SCALE]
            for impact in reversed(SCALE)
        ]


@dataclass(frozen=True)
class Assessment:
    category_id: int
    level: str


@dataclass(frozen=True)
class Review:
    id: int
    # In the order categories are listed; the first of equally rated categories is the reason.
    assessments: tuple[Assessment, ...]


@dataclass(frozen=True)
class Course:
    id: int
    category_ids: frozenset[int]
    required_from_level: str | None  # None: never required by a review (an optional course)
    management_only: bool = False
    refresher_months: int | None = None


@dataclass(frozen=True)
class Employee:
    id: int
    is_management: bool = False


@dataclass(frozen=True, order=True)
class Requirement:
    """One required course for one employee, with its reason: which review, category, level."""

    employee_id: int
    course_id: int
    due_date: datetime.date
    category_id: int
    level: str
    review_id: int

    @property
    def key(self) -> tuple[int, int]:
        return (self.employee_id, self.course_id)


@dataclass(frozen=True)
class CourseRequirement:
    course_id: int
    category_id: int
    level: str
    management_only: bool


def required_courses(*, review: Review, courses: Iterable[Course]) -> list[CourseRequirement]:
    """The courses a review requires, each with the category that requires it most urgently."""
    result = []
    for course in courses:
        if course.required_from_level is None:
            continue
        threshold = RANK[course.required_from_level]
        deciding: Assessment | None = None
        for assessment in review.assessments:
            if assessment.category_id not in course.category_ids:
                continue
            if RANK[assessment.level] < threshold:
                continue
            if deciding is None or RANK[assessment.level] > RANK[deciding.level]:
                deciding = assessment
        if deciding is not None:
            result.append(
                CourseRequirement(
                    course_id=course.id,
                    category_id=deciding.category_id,
                    level=deciding.level,
                    management_only=course.management_only,
                )
            )
    return result


def plan(
    *,
    review: Review,
    courses: Iterable[Course],
    employees: Iterable[Employee],
    policy: Policy,
    start: datetime.date,
) -> set[Requirement]:
    """Every (employee, course) the review requires, due `start` + the level's due days."""
    needed = required_courses(review=review, courses=courses)
    return {
        Requirement(
            employee_id=employee.id,
            course_id=need.course_id,
            due_date=policy.due_date(need.level, start),
            category_id=need.category_id,
            level=need.level,
            review_id=review.id,
        )
        for employee in employees
        for need in needed
        if employee.is_management or not need.management_only
    }


def effective_review_paths(
    workplace_paths: Iterable[str], reviewed_paths: Iterable[str], *, steplen: int = 4
) -> dict[str, str | None]:
    """For each workplace (a materialised path), the nearest reviewed workplace: itself or an
    ancestor. A section without a review of its own follows its department's review."""
    reviewed = set(reviewed_paths)
    result = {}
    for path in workplace_paths:
        nearest = None
        for length in range(len(path), 0, -steplen):
            if path[:length] in reviewed:
                nearest = path[:length]
                break
        result[path] = nearest
    return result


def completion_is_current(
    completed_on: datetime.date, refresher_months: int | None, today: datetime.date
) -> bool:
    """A completion counts until the course's refresher interval has run out."""
    if refresher_months is None:
        return True
    months = completed_on.month - 1 + refresher_months
    year = completed_on.year + months // 12
    month = months % 12 + 1
    # The same day of the month, or the month's last day (31 January + 1 month = 28/29 February).
    day = min(completed_on.day, _days_in_month(year, month))
    return today < datetime.date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


@dataclass(frozen=True)
class Existing:
    """An assignment already in the database, as far as the plan cares."""

    id: int
    employee_id: int
    course_id: int
    is_open: bool
    is_completed: bool
    from_plan: bool  # created by a review's plan (on approval or for a joiner/mover)
    self_chosen: bool  # the employee enrolled without an obligation
    review_id: int | None
    due_date: datetime.date | None = None
    completed_on: datetime.date | None = None
    refresher_months: int | None = None
    category_id: int | None = None  # the risk category that required it, if a plan's


@dataclass
class Changes:
    """What applying a plan does: nothing here deletes anything."""

    create: list[Requirement] = field(default_factory=list)
    # A not-required assignment of the same review, required again (a mover who came back).
    reopen: list[tuple[int, Requirement]] = field(default_factory=list)
    # An open assignment that now carries this plan's reason: one the employee chose
    # themselves, or one from an earlier review. Its due date only ever moves earlier.
    repoint: list[tuple[int, Requirement]] = field(default_factory=list)
    keep: list[int] = field(default_factory=list)
    # Open plan assignments no longer required: marked so, with their history kept.
    retire: list[int] = field(default_factory=list)


def plan_changes(
    *,
    required: Iterable[Requirement],
    existing: Iterable[Existing],
    employee_ids: Iterable[int],
    today: datetime.date,
) -> Changes:
    """The difference between what the plan requires of `employee_ids` and what they have."""
    employee_ids = set(employee_ids)
    existing = [e for e in existing if e.employee_id in employee_ids]
    by_key: dict[tuple[int, int], list[Existing]] = {}
    for item in existing:
        by_key.setdefault((item.employee_id, item.course_id), []).append(item)

    changes = Changes()
    required_keys = set()
    for req in sorted(required):
        if req.employee_id not in employee_ids:
            continue
        required_keys.add(req.key)
        items = by_key.get(req.key, [])
        open_one = next((e for e in items if e.is_open), None)
        same_review = next((e for e in items if e.from_plan and e.review_id == req.review_id), None)
        current_completion = any(
            e.is_completed
            and e.completed_on is not None
            and completion_is_current(e.completed_on, e.refresher_months, today)
            for e in items
        )
        if open_one is not None:
            takes_reason = open_one.self_chosen or (
                open_one.from_plan and open_one.review_id != req.review_id
            )
            # Each review names an employee's course once (a database constraint), so an
            # assignment is only re-pointed if this review has none for the course yet.
            if takes_reason and same_review is None:
                changes.repoint.append((open_one.id, req))
            else:
                changes.keep.append(open_one.id)
        elif current_completion:
            changes.keep.extend(e.id for e in items if e.is_completed)
        elif same_review is not None:
            if same_review.is_completed:
                # Completed under this very review and since expired: refreshers handle it.
                changes.keep.append(same_review.id)
            else:
                changes.reopen.append((same_review.id, req))
        else:
            changes.create.append(req)

    changes.retire = sorted(
        e.id
        for e in existing
        if e.is_open and e.from_plan and (e.employee_id, e.course_id) not in required_keys
    )
    return changes


@dataclass(frozen=True)
class CourseChange:
    """One course's effect on people (employee ids)."""

    course_id: int
    gains: frozenset[int]  # becomes mandatory: created, required again, self-chosen made duty
    optional: frozenset[int]  # an open plan assignment no longer required
    unchanged: frozenset[int]  # kept as it is (still required, or completed and current)


@dataclass(frozen=True)
class UnratedChange:
    """Open required assignments that become optional because the review does not rate the
    category that required them."""

    category_id: int
    course_id: int
    employee_ids: frozenset[int]


@dataclass(frozen=True)
class Effect:
    courses: tuple[CourseChange, ...]  # ordered by course id
    unrated: tuple[UnratedChange, ...]
    fingerprint: str  # changes whenever the review's levels or any person's outcome change


def plan_effect(*, review: Review, changes: Changes, existing: Iterable[Existing]) -> Effect:
    """What `changes` (from plan_changes) mean for people, per course."""
    by_id = {e.id: e for e in existing}
    gains: dict[int, set[int]] = {}
    optional: dict[int, set[int]] = {}
    unchanged: dict[int, set[int]] = {}
    for req in changes.create:
        gains.setdefault(req.course_id, set()).add(req.employee_id)
    for _pk, req in changes.reopen:
        gains.setdefault(req.course_id, set()).add(req.employee_id)
    for pk, req in changes.repoint:
        # The employee's own enrolment turns into an obligation; an earlier review's
        # assignment only carries the new reason.
        target = gains if by_id[pk].self_chosen else unchanged
        target.setdefault(req.course_id, set()).add(req.employee_id)
    for pk in changes.keep:
        item = by_id[pk]
        unchanged.setdefault(item.course_id, set()).add(item.employee_id)
    rated = {a.category_id for a in review.assessments}
    unrated: dict[tuple[int, int], set[int]] = {}
    for pk in changes.retire:
        item = by_id[pk]
        optional.setdefault(item.course_id, set()).add(item.employee_id)
        if item.category_id is not None and item.category_id not in rated:
            unrated.setdefault((item.category_id, item.course_id), set()).add(item.employee_id)

    courses = tuple(
        CourseChange(
            course_id=course_id,
            gains=frozenset(gains.get(course_id, ())),
            optional=frozenset(optional.get(course_id, ())),
            unchanged=frozenset(
                unchanged.get(course_id, set())
                - gains.get(course_id, set())
                - optional.get(course_id, set())
            ),
        )
        for course_id in sorted(gains.keys() | optional.keys() | unchanged.keys())
    )
    unrated_changes = tuple(
        UnratedChange(category_id=category_id, course_id=course_id, employee_ids=frozenset(ids))
        for (category_id, course_id), ids in sorted(unrated.items())
    )
    payload = {
        "review": review.id,
        "levels": sorted((a.category_id, a.level) for a in review.assessments),
        "courses": [
            [c.course_id, sorted(c.gains), sorted(c.optional), sorted(c.unchanged)] for c in courses
        ],
    }
    fingerprint = hashlib.sha256(json.dumps(payload).encode()).hexdigest()
    return Effect(courses=courses, unrated=unrated_changes, fingerprint=fingerprint)
