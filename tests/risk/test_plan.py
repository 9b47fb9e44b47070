"""The plan as pure functions: levels, thresholds, due dates, management track, supersession."""

import datetime

import pytest

from risk import plan
from risk.plan import CRITICAL, HIGH, LOW, MEDIUM

START = datetime.date(2026, 3, 2)
PHISHING, RECORDS, PAYMENTS = 1, 2, 3


def review(review_id=10, **levels):
    ids = {"phishing": PHISHING, "records": RECORDS, "payments": PAYMENTS}
    return plan.Review(
        id=review_id,
        assessments=tuple(plan.Assessment(ids[name], level) for name, level in levels.items()),
    )


COURSES = [
    plan.Course(id=100, category_ids=frozenset({PHISHING, PAYMENTS}), required_from_level=LOW),
    plan.Course(id=101, category_ids=frozenset({RECORDS}), required_from_level=MEDIUM),
    plan.Course(id=102, category_ids=frozenset({PHISHING}), required_from_level=None),
    plan.Course(
        id=103,
        category_ids=frozenset({PAYMENTS}),
        required_from_level=HIGH,
        management_only=True,
    ),
]
STAFF = [plan.Employee(1), plan.Employee(2, is_management=True)]


@pytest.mark.parametrize(
    ("likelihood", "impact", "level"),
    [(1, 1, LOW), (1, 3, LOW), (2, 2, MEDIUM), (3, 2, MEDIUM), (2, 4, HIGH), (3, 4, HIGH)]
    + [(3, 5, CRITICAL), (5, 5, CRITICAL)],
)
def test_default_levels_follow_the_score(likelihood, impact, level):
    assert plan.Policy().level_for(likelihood, impact) == level


def test_thresholds_are_configurable():
    strict = plan.Policy(medium_from=2, high_from=3, critical_from=4)
    assert strict.level_for(1, 1) == LOW
    assert strict.level_for(1, 2) == MEDIUM
    assert strict.level_for(1, 3) == HIGH
    assert strict.level_for(2, 2) == CRITICAL


@pytest.mark.parametrize(
    "kwargs",
    [
        {"medium_from": 8, "high_from": 8},
        {"high_from": 20, "critical_from": 15},
        {"critical_from": 26},
        {"medium_from": 1},
        {"due_days": {LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 1}},
    ],
)
def test_nonsense_policies_are_refused(kwargs):
    with pytest.raises(ValueError):
        plan.Policy(**kwargs)


def test_ratings_outside_one_to_five_are_refused():
    with pytest.raises(ValueError):
        plan.Policy().level_for(0, 3)


def test_matrix_is_five_by_five_with_severe_impact_on_top():
    grid = plan.Policy().matrix()
    assert len(grid) == 5 and all(len(row) == 5 for row in grid)
    assert grid[0][4] == (5, 5, CRITICAL)
    assert grid[4][0] == (1, 1, LOW)


def test_default_due_days_by_level():
    policy = plan.Policy()
    assert [(policy.due_date(level, START) - START).days for level in plan.LEVELS] == [
        90,
        60,
        30,
        14,
    ]


def test_a_course_is_required_from_its_level_with_the_most_urgent_category_as_reason():
    required = plan.plan(
        review=review(phishing=MEDIUM, payments=CRITICAL, records=LOW),
        courses=COURSES,
        employees=[plan.Employee(1)],
        policy=plan.Policy(),
        start=START,
    )
    # Course 100 covers phishing (medium) and payments (critical): critical decides, 14 days.
    # Course 101 needs records at medium or more: low is not enough. 102 is optional.
    # 103 is the management track.
    assert required == {
        plan.Requirement(1, 100, START + datetime.timedelta(days=14), PAYMENTS, CRITICAL, 10)
    }


def test_equal_levels_name_the_first_category_of_the_review():
    required = plan.plan(
        review=review(payments=HIGH, phishing=HIGH),
        courses=COURSES[:1],
        employees=[plan.Employee(1)],
        policy=plan.Policy(),
        start=START,
    )
    assert {r.category_id for r in required} == {PAYMENTS}


def test_management_track_courses_go_to_management_only():
    required = plan.plan(
        review=review(payments=HIGH),
        courses=COURSES,
        employees=STAFF,
        policy=plan.Policy(),
        start=START,
    )
    assert {(r.employee_id, r.course_id) for r in required} == {(1, 100), (2, 100), (2, 103)}


def test_custom_due_days():
    policy = plan.Policy(due_days={LOW: 120, MEDIUM: 45, HIGH: 21, CRITICAL: 7})
    required = plan.plan(
        review=review(records=HIGH),
        courses=COURSES,
        employees=[plan.Employee(1)],
        policy=policy,
        start=START,
    )
    assert [r.due_date for r in required] == [START + datetime.timedelta(days=21)]


def test_an_unassessed_category_requires_nothing():
    assert (
        plan.plan(
            review=review(), courses=COURSES, employees=STAFF, policy=plan.Policy(), start=START
        )
        == set()
    )


def test_sections_without_a_review_follow_the_nearest_reviewed_ancestor():
    paths = ["0001", "00010001", "000100010001", "00010002", "0002"]
    effective = plan.effective_review_paths(paths, {"0001", "00010002"})
    assert effective == {
        "0001": "0001",
        "00010001": "0001",
        "000100010001": "0001",
        "00010002": "00010002",
        "0002": None,
    }


@pytest.mark.parametrize(
    ("completed", "months", "today", "current"),
    [
        (datetime.date(2025, 3, 1), 12, datetime.date(2026, 2, 28), True),
        (datetime.date(2025, 3, 1), 12, datetime.date(2026, 3, 1), False),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 27), True),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28), False),
        (datetime.date(2010, 1, 1), None, datetime.date(2026, 1, 1), True),
    ],
)
def test_a_completion_counts_until_the_refresher_interval_ends(completed, months, today, current):
    assert plan.completion_is_current(completed, months, today) is current


def _req(employee, course, review_id=10, days=30, category=PHISHING, level=HIGH):
    return plan.Requirement(
        employee, course, START + datetime.timedelta(days=days), category, level, review_id
    )


def _existing(pk, employee, course, *, status="open", source="plan", review_id=10, **extra):
    return plan.Existing(
        id=pk,
        employee_id=employee,
        course_id=course,
        is_open=status == "open",
        is_completed=status == "completed",
        from_plan=source == "plan",
        self_chosen=source == "self",
        review_id=review_id,
        **extra,
    )


def test_changes_create_what_is_missing_and_keep_what_exists():
    changes = plan.plan_changes(
        required={_req(1, 100), _req(1, 101), _req(2, 100)},
        existing=[_existing(7, 1, 100), _existing(8, 2, 100, source="manual", review_id=None)],
        employee_ids=[1, 2],
        today=START,
    )
    assert changes.create == [_req(1, 101)]
    assert sorted(changes.keep) == [7, 8]
    assert changes.retire == changes.reopen == changes.repoint == []


def test_applying_the_same_plan_twice_changes_nothing_the_second_time():
    required = {_req(1, 100), _req(2, 100)}
    first = plan.plan_changes(required=required, existing=[], employee_ids=[1, 2], today=START)
    existing = [_existing(i, r.employee_id, r.course_id) for i, r in enumerate(first.create)]
    second = plan.plan_changes(
        required=required, existing=existing, employee_ids=[1, 2], today=START
    )
    assert second.create == [] and second.retire == [] and len(second.keep) == 2


def test_a_new_review_supersedes_the_old_plan_without_deleting_anything():
    # The old review (9) required 100 and 101; the new one (10) requires 100 only.
    changes = plan.plan_changes(
        required={_req(1, 100, review_id=10, days=14)},
        existing=[
            _existing(1, 1, 100, review_id=9, due_date=START + datetime.timedelta(days=30)),
            _existing(2, 1, 101, review_id=9),
            _existing(3, 1, 102, source="manual", review_id=None),
            _existing(4, 1, 103, status="completed", review_id=9),
        ],
        employee_ids=[1],
        today=START,
    )
    # 100 now carries the new review's reason (and the earlier due date); 101 is retired;
    # manual and completed assignments are history the plan never touches.
    assert changes.repoint == [(1, _req(1, 100, review_id=10, days=14))]
    assert changes.retire == [2]
    assert changes.create == []


def test_a_current_completion_satisfies_the_plan_and_an_expired_one_does_not():
    completed = START - datetime.timedelta(days=100)
    fresh = _existing(
        1, 1, 100, status="completed", source="manual", completed_on=completed, refresher_months=12
    )
    stale = _existing(
        2, 1, 101, status="completed", source="manual", completed_on=completed, refresher_months=3
    )
    changes = plan.plan_changes(
        required={_req(1, 100), _req(1, 101)},
        existing=[fresh, stale],
        employee_ids=[1],
        today=START,
    )
    assert changes.keep == [1]
    assert changes.create == [_req(1, 101)]


def test_a_self_chosen_course_becomes_the_plan_assignment():
    changes = plan.plan_changes(
        required={_req(1, 100)},
        existing=[_existing(5, 1, 100, source="self", review_id=None)],
        employee_ids=[1],
        today=START,
    )
    assert changes.repoint == [(5, _req(1, 100))]


def test_a_mover_who_comes_back_gets_the_retired_assignment_reopened():
    changes = plan.plan_changes(
        required={_req(1, 100)},
        existing=[_existing(5, 1, 100, status="not_required")],
        employee_ids=[1],
        today=START,
    )
    assert changes.reopen == [(5, _req(1, 100))]
    assert changes.create == []


def test_other_employees_are_left_alone():
    changes = plan.plan_changes(
        required={_req(1, 100), _req(3, 100)},
        existing=[_existing(9, 3, 101)],
        employee_ids=[1],
        today=START,
    )
    assert changes.create == [_req(1, 100)]
    assert changes.retire == []
