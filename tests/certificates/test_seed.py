"""The demo: every completed demo assignment has a certificate with a PDF, however often seeded."""

import io

import pytest
from django.core.management import call_command

from certificates.models import Certificate
from courses.models import Assignment

pytestmark = pytest.mark.django_db


def test_seed_demo_issues_certificates_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    completed = Assignment.objects.filter(status=Assignment.Status.COMPLETED)
    first = set(Certificate.objects.values_list("assignment_id", "serial_number"))

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)

    assert completed.count() >= 3
    assert {a for a, _ in first} == set(completed.values_list("pk", flat=True))
    assert set(Certificate.objects.values_list("assignment_id", "serial_number")) == first
    assert not Certificate.objects.filter(pdf="").exists()
    assert "Certificates: 0 new" in out.getvalue()
    holder = Certificate.objects.get(assignment__user__email="employee@example.cz")
    assert holder.holder_name == "Jana Nováková"
