"""Configuration comes from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY",)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,  # a loaded CI host starts Django slowly; a hang still fails
    )


def test_production_settings_without_secret_key_fail():
    result = _run(
        "import django; django.setup()", DJANGO_SETTINGS_MODULE="elearning.settings.production"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_with_secret_key_start():
    result = _run(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        DJANGO_SETTINGS_MODULE="elearning.settings.production",
        SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"


def test_production_never_creates_demo_users(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=300,  # a loaded CI host starts Django slowly; a hang still fails
    )
    assert result.returncode != 0
    assert "Demo content is disabled" in result.stderr


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////tmp/x.sqlite3", "django.db.backends.sqlite3"),
        ("postgres://u:p@db.example:5432/elearning", "django.db.backends.postgresql"),
    ],
)
def test_database_comes_from_database_url(url, engine):
    result = _run(
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.DATABASES['default']['ENGINE'])",
        DJANGO_SETTINGS_MODULE="elearning.settings.dev",
        DATABASE_URL=url,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == engine


def test_email_and_broker_come_from_the_environment():
    result = _run(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.EMAIL_HOST, settings.EMAIL_PORT, settings.CELERY_BROKER_URL)",
        DJANGO_SETTINGS_MODULE="elearning.settings.dev",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.example.cz:587",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/3",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["smtp.example.cz", "587", "redis://127.0.0.1:6379/3"]


@pytest.mark.django_db
def test_setup_site_seeds_the_risk_catalogue_once_and_keeps_edits():
    from django.core.management import call_command

    from risk.models import RiskCategory

    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert RiskCategory.objects.count() == 9
    phishing = RiskCategory.objects.get(code="phishing")
    assert phishing.name == "Phishing a sociální inženýrství"
    phishing.name = "Phishing (upraveno)"
    phishing.save()
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert RiskCategory.objects.count() == 9
    assert RiskCategory.objects.get(code="phishing").name == "Phishing (upraveno)"
