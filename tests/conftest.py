"""Shared fixtures; with REQUIRE_SERVICES=1 (CI) the run fails at once if a server is missing."""

import os

import pytest

from organisation import roles
from tests import factories


def pytest_sessionstart(session):
    if os.environ.get("REQUIRE_SERVICES") != "1":
        return
    from django.conf import settings
    from kombu import Connection

    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis"):
        pytest.exit(f"REQUIRE_SERVICES=1 but the broker is {broker!r}, not Redis", returncode=3)
    try:
        with Connection(broker, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:  # noqa: BLE001 - any failure means CI must stop here
        pytest.exit(f"Redis broker {broker} unreachable: {exc}", returncode=3)
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        pytest.exit(f"REQUIRE_SERVICES=1 but the database engine is {engine}", returncode=3)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: pages keep routes, lesson lists and settings there,
    and a test's rolled-back rows must not be remembered by the next one."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def site(db):
    """The home page and the course catalogue, as setup_site leaves them."""
    from elearning.site_setup import site_setup

    return site_setup()


@pytest.fixture
def course_index(site):
    return site[1]


@pytest.fixture
def course(course_index):
    return factories.make_course(course_index, title="Phishing a sociální inženýrství", lessons=3)


@pytest.fixture
def employee(db):
    return factories.UserFactory(first_name="Jana", last_name="Nováková")


@pytest.fixture
def other_employee(db):
    return factories.UserFactory(first_name="Petr", last_name="Šťastný")


@pytest.fixture
def employee_client(client, employee):
    client.force_login(employee)
    return client


@pytest.fixture
def people(db, site):
    """One workplace: a manager, HR, a security manager, and an employee of the manager."""
    workplace = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    manager = factories.UserFactory(
        first_name="Marie", last_name="Svobodová", email="marie@example.cz", workplace=workplace
    )
    hr = factories.UserFactory(
        first_name="Petra",
        last_name="Dvořáková",
        email="hr@example.cz",
        roles=[roles.HR],
        workplace=workplace,
    )
    security = factories.UserFactory(
        first_name="Tomáš",
        last_name="Černý",
        email="security@example.cz",
        roles=[roles.SECURITY_MANAGER],
        workplace=workplace,
    )
    employee = factories.UserFactory(
        first_name="Jana",
        last_name="Nováková",
        email="jana@example.cz",
        workplace=workplace,
        manager=manager,
    )
    return {
        "workplace": workplace,
        "manager": manager,
        "hr": hr,
        "security": security,
        "employee": employee,
    }


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back what migrations created once a transactional test has flushed the database.

    Django restores serialized data only at the start of the next serialized test and runs
    such tests last; a pytest-xdist worker may run an ordinary test right after one, which
    would find no root page and no role groups. Restoring after the flush keeps any order safe.
    """
    yield
    if nextitem is None:
        # The session is over and the test database already gone: nothing to restore, and the
        # connection now points at the real database.
        return
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    transactional = (
        "transactional_db" in fixtures
        or "live_server" in fixtures
        or (marker is not None and marker.kwargs.get("transaction"))
    )
    if not transactional:
        return
    from django.contrib.auth.models import Group
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        # Only after a real flush: a test whose setup failed early may have flushed nothing,
        # and restoring on top of the data would collide with it.
        if Group.objects.exists():
            return
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
