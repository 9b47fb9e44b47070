"""Logins for a whole office: wide limits per address behind a proxy, tight ones per account."""

import datetime

import pytest
import time_machine
from allauth.account.adapter import get_adapter
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory

from elearning.settings import base as base_settings
from organisation.models import User
from tests import factories

pytestmark = pytest.mark.django_db

NAT_ADDRESS = "198.51.100.20"
DB_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "elearning_cache",
    }
}


@pytest.fixture
def production_limits(settings):
    """The limits and proxy setting the product ships with, on the database cache of make run."""
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.CACHES = DB_CACHE
    # What `make run` does after migrate (the test database was built for the memory cache).
    call_command("createcachetable", verbosity=0)
    return settings


def _login(client: Client, email: str, password: str, forwarded_for: str):
    client.cookies.clear()
    return client.post(
        "/accounts/login/",
        {"login": email, "password": password},
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_client_address_is_read_from_the_right_of_x_forwarded_for(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5", REMOTE_ADDR="127.0.0.1"
    )
    # The client may forge the left part; the one trusted proxy appended the real address.
    assert get_adapter().get_client_ip(request) == "203.0.113.5"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    assert get_adapter().get_client_ip(request) == "10.9.9.9"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert get_adapter().get_client_ip(request) == "127.0.0.1"


def test_1500_people_behind_one_nat_address_all_log_in_within_a_minute(
    client, site, production_limits
):
    hashed = make_password("heslo-123")
    User.objects.bulk_create(
        User(email=f"urednik{n}@example.cz", personal_number=f"N{n:05d}", password=hashed)
        for n in range(1500)
    )
    refused = []
    # The clock stands still at 8:00, so every login falls inside one rate-limit minute
    # however long this machine takes to run them.
    with time_machine.travel(datetime.datetime(2026, 12, 1, 7, 0, tzinfo=datetime.UTC), tick=False):
        for n in range(1500):
            response = _login(client, f"urednik{n}@example.cz", "heslo-123", NAT_ADDRESS)
            if response.status_code != 302 or response["Location"] != "/my-training/":
                refused.append((n, response.status_code))
    assert refused == []
    # The counters live in the shared database cache, not in one process's memory.
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM elearning_cache")
        assert cursor.fetchone()[0] >= 1


def test_an_account_is_locked_after_wrong_passwords_whatever_x_forwarded_for_says(
    client, site, production_limits
):
    factories.UserFactory(email="jana@example.cz")
    factories.UserFactory(email="petr@example.cz")
    for n in range(5):
        response = _login(client, "jana@example.cz", "spatne", f"203.0.113.{n}, {NAT_ADDRESS}")
        assert response.status_code == 200
    # The right password from yet another address: the account itself is locked.
    response = _login(client, "jana@example.cz", "heslo-123", f"192.0.2.77, 192.0.2.{99}")
    assert response.status_code == 200
    assert "Příliš mnoho pokusů o přihlášení. Zkuste to prosím později." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    # Colleagues behind the same NAT address are not affected.
    response = _login(client, "petr@example.cz", "heslo-123", NAT_ADDRESS)
    assert response.status_code == 302


@pytest.mark.redis
def test_counters_are_shared_through_redis_as_in_production(client, site, settings):
    """Another process (here: a separate Redis connection) sees the same lock counters."""
    import redis

    url = "redis://127.0.0.1:6379/3"
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "identity-test",
        }
    }
    other_process = redis.Redis.from_url(url)
    for key in other_process.scan_iter("identity-test:*"):
        other_process.delete(key)
    factories.UserFactory(email="jana@example.cz")
    for n in range(5):
        _login(client, "jana@example.cz", "spatne", f"203.0.113.{n}")
    keys = [k.decode() for k in other_process.scan_iter("identity-test:*allauth:rl:*")]
    assert any("login_failed" in key for key in keys)
    # Locked for everyone, because every web process reads the same Redis.
    response = _login(client, "jana@example.cz", "heslo-123", "192.0.2.1")
    assert "Příliš mnoho pokusů o přihlášení" in response.content.decode()
    for key in other_process.scan_iter("identity-test:*"):
        other_process.delete(key)
