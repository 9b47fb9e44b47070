"""Point 4 (in-process part): a long job runs in time slices that each make progress, and
the slices together do the batch exactly once."""

import datetime

import pytest
from django.utils import timezone

from automation import services
from automation.models import JobRun, Notification
from courses.models import Assignment
from organisation.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_job_out_of_time_continues_where_it_stopped(site):
    course = factories.make_course(site[1], title="Mobilní zařízení", lessons=1)
    users = User.objects.bulk_create(
        User(email=f"u{i}@example.cz", last_name=f"Šťastný {i}") for i in range(3 * 500 + 7)
    )
    due = timezone.localdate() + datetime.timedelta(days=20)
    Assignment.objects.bulk_create(Assignment(user=u, course=course, due_date=due) for u in users)

    runs = []
    while not runs or runs[-1].status == JobRun.Status.CONTINUED:
        # A slice that is over at once: each run still does one chunk of new work.
        runs.append(services.job_run(name="reminders", seconds=1e-9))
        assert len(runs) <= 10
    # Four chunks of new work (500, 500, 500, 7), then a run that finds nothing left.
    assert [r.status for r in runs] == ["continued"] * 4 + ["done"]
    assert Notification.objects.filter(step="assigned").count() == len(users)
    assert Notification.objects.values("assignment").distinct().count() == len(users)
