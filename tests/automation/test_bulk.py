"""Jobs in bulk: a quiet day costs one SELECT, and records never touch the reference index."""

import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ReferenceIndex

from automation import services
from automation.models import Notification
from courses.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db


def _people(count: int):
    return [
        factories.UserFactory(first_name=f"Jana{i}", last_name="Nováková") for i in range(count)
    ]


@pytest.mark.parametrize("count", [3, 30])
def test_a_day_with_no_rung_due_costs_one_query_however_many_are_open(
    count, course, django_assert_num_queries
):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for person in _people(count):
            factories.assign(person, course, due_in=30)
        assert services.reminders_run()["sent"] == count
        traveller.shift(datetime.timedelta(days=3))  # 27 days left: no rung until before_7
        # The settings lookup (site, settings row) and the one candidate query.
        with django_assert_num_queries(3):
            assert services.reminders_run() == {"sent": 0, "skipped": 0}


def test_the_sql_candidates_are_exactly_the_assignments_the_ladder_acts_on(course):
    today = timezone.localdate()
    people = _people(4)
    quiet = factories.assign(people[0], course, due_in=30)
    week = factories.assign(people[1], course, due_in=5)
    overdue = factories.assign(people[2], course, due_in=-2)
    fresh = factories.assign(people[3], course, due_in=60)
    for assignment in (quiet, week, overdue):
        Notification.objects.create(
            key=f"reminder:{assignment.pk}:assigned",
            kind=Notification.Kind.REMINDER,
            step="assigned",
            recipient=assignment.user,
            assignment=assignment,
        )
    found = set(services.reminder_candidates(today=today, days_before=[7, 1]))
    assert found == {week, overdue, fresh}
    services.reminders_run(today=today)
    steps = dict(
        Notification.objects.filter(kind=Notification.Kind.REMINDER, skipped=False)
        .exclude(step="assigned")
        .values_list("assignment_id", "step")
    )
    assert steps == {week.pk: "before_7", overdue.pk: "overdue"}
    assert set(services.reminder_candidates(today=today, days_before=[7, 1])) == set()


def test_assignments_and_ledger_rows_are_not_written_to_the_reference_index(people, course):
    factories.assign(people["employee"], course, due_in=10)
    services.reminders_run()
    for model in (Assignment, Notification):
        content_type = ContentType.objects.get_for_model(model)
        assert not ReferenceIndex.objects.filter(content_type=content_type).exists()
