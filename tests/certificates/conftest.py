"""Fixtures of the certificate tests: people in each role and a completed assignment."""

import pytest
from django.core.cache import cache

from organisation.roles import COURSE_EDITOR, HR, SECURITY_MANAGER
from tests import factories


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The verification rate limit counts in the cache, which outlives a single test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hr_user(db):
    return factories.UserFactory(first_name="Petra", last_name="Dvořáková", roles=[HR])


@pytest.fixture
def security_user(db):
    return factories.UserFactory(first_name="Tomáš", last_name="Černý", roles=[SECURITY_MANAGER])


@pytest.fixture
def editor_user(db):
    return factories.UserFactory(first_name="Lucie", last_name="Procházková", roles=[COURSE_EDITOR])


@pytest.fixture
def completed(employee, course):
    return factories.CompletedAssignmentFactory(user=employee, course=course)


@pytest.fixture
def certificate(completed):
    return factories.issue_certificate(completed)
