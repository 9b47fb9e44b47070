"""Point 2: pages and jobs survive a Redis outage; enqueue errors are logged, not raised.

A private redis-server serves as the cache (and, for the enqueue test, as the broker)
and is stopped for real: pages still render, a job still runs, and a committed change
whose task cannot be sent stays committed and is logged for the catch-up job.
"""

import logging

import pytest
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError

from automation import services
from automation.models import JobRun, OutboxEmail
from courses.models import Assignment
from organisation.models import User
from tests import factories

from .conftest import broker

pytestmark = [pytest.mark.redis]


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailSafeRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    return redis_server


def test_pages_render_while_the_cache_is_down(redis_cache, employee_client, employee, course):
    factories.assign(employee, course, due_in=14)
    assert employee_client.get("/my-training/").status_code == 200  # warms the cache
    redis_cache.stop()
    # The fault is real: Django's own Redis cache raises now.
    with pytest.raises(RedisConnectionError):
        RedisCache(redis_cache.url, {"OPTIONS": {"socket_connect_timeout": 1}}).get("x")

    response = employee_client.get("/my-training/")
    assert response.status_code == 200
    assert course.title in response.text
    lesson = course.get_children().first()
    page = employee_client.get(lesson.url)
    assert page.status_code == 200
    assert "žluťoučký kůň" in page.text


def test_login_works_while_the_cache_is_down(redis_cache, client, employee):
    employee.set_password("tajne-heslo-123")
    employee.save()
    redis_cache.stop()
    response = client.post(
        "/accounts/login/", {"login": employee.email, "password": "tajne-heslo-123"}
    )
    assert response.status_code == 302
    assert client.get("/my-training/").status_code == 200


def test_a_job_runs_while_the_cache_is_down(redis_cache, people, course):
    """Wagtail's get_site_root_paths (page URLs in e-mails) reads the cache."""
    factories.assign(people["employee"], course, due_in=14)
    redis_cache.stop()
    run = services.job_run(name="reminders")
    assert run.status == JobRun.Status.DONE
    email = OutboxEmail.objects.get()
    assert course.url_path.rstrip("/").rsplit("/", 1)[1] in email.body_text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_stands_when_its_task_cannot_be_sent(redis_server, site, caplog):
    workplace = factories.WorkplaceFactory()
    redis_server.stop()
    with broker(redis_server.url), caplog.at_level(logging.ERROR, logger="core.enqueue"):
        # A joiner enqueues plan_apply_user after the commit; the broker is down.
        user = User.objects.create(email="nova@example.cz", workplace=workplace)
    assert User.objects.filter(pk=user.pk).exists()
    assert Assignment.objects.filter(user=user).count() == 0  # the task never ran
    assert "Could not enqueue courses.tasks.plan_apply_user" in caplog.text
