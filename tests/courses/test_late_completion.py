"""Late completion (issue 13 point 4): "Dokončeno po termínu" with its date."""

import datetime

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_course_completed_after_its_due_date_says_so_with_the_date(
    course_index, employee, client
):
    course = factories.make_course(course_index, title="Hesla", lessons=1)
    completed = timezone.make_aware(datetime.datetime(2026, 3, 10, 9, 0))
    factories.CompletedAssignmentFactory(
        user=employee, course=course, due_date=datetime.date(2026, 3, 1), completed_at=completed
    )
    on_time = factories.make_course(course_index, title="GDPR", lessons=1)
    factories.CompletedAssignmentFactory(
        user=employee, course=on_time, due_date=datetime.date(2026, 3, 31), completed_at=completed
    )
    client.force_login(employee)
    page = client.get("/my-training/").content.decode()
    assert page.count("Dokončeno po termínu") == 1
    assert "dokončeno po termínu" in page and "10. 3. 2026" in page and "1. 3. 2026" in page
