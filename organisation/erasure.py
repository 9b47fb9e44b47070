"""Erasing a departed person's personal data, and listing everything kept about a person.

Each app that keeps personal data registers two things at start-up (AppConfig.ready):

- a provider, `register_personal_data("key", fn)`: fn(user) returns JSON-ready data (a dict
  or a list of dicts) of what the app keeps about the person; `personal_data(user=...)`
  collects every provider's answer, for the employee's own-data download;
- an eraser, `register_eraser(fn)`: fn(user=..., by=..., pseudonym=...) replaces what the app
  keeps that names the person, inside the erasure's transaction.

Erasure keeps the records statistics need (assignments, attempts, scores, the workplace),
so completion rates do not change; it removes what identifies the person.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import Erasure, User

ERASE_ACTION = "organisation.erase"
DEFAULT_RETENTION_DAYS = 3 * 365
ERASED_EMAIL_DOMAIN = "erased.invalid"

_providers: dict[str, Callable[[User], Any]] = {}
_erasers: list[Callable[..., None]] = []


def register_personal_data(key: str, provider: Callable[[User], Any]) -> None:
    _providers[key] = provider


def register_eraser(eraser: Callable[..., None]) -> None:
    if eraser not in _erasers:
        _erasers.append(eraser)


def personal_data(*, user: User, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Everything the registered apps keep about `user`, keyed by app ("profile" first);
    `exclude` leaves out sections a caller writes itself."""
    skip = set(exclude)
    return {key: provider(user) for key, provider in _providers.items() if key not in skip}


def _profile(user: User) -> dict[str, Any]:
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "personal_number": user.personal_number,
        "workplace": user.workplace.name if user.workplace_id else None,
        "job_title": user.job_title,
        "manager": user.manager.get_full_name() if user.manager_id else None,
        "is_management": user.is_management,
        "language": user.language,
        "form_of_address": user.form_of_address,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_active": user.is_active,
    }


def _audit_trail(user: User) -> list[dict[str, Any]]:
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).order_by("timestamp")
    return [
        {"action": e.action, "timestamp": e.timestamp.isoformat(), "data": e.data} for e in entries
    ]


register_personal_data("profile", _profile)
register_personal_data("audit_trail", _audit_trail)


def _new_pseudonym() -> str:
    # Random, not derived from the id or the name: nothing leads back to the person.
    return f"Vymazaná osoba {secrets.token_hex(4).upper()}"


def _erase_account(*, user: User, pseudonym: str) -> None:
    # Sign-in methods: e-mail addresses, and (where installed) linked SSO accounts and MFA.
    for app, model in (
        ("allauth.account", "EmailAddress"),
        ("allauth.socialaccount", "SocialAccount"),
        ("allauth.mfa", "Authenticator"),
    ):
        if apps.is_installed(app):
            apps.get_model(app.rsplit(".", 1)[-1], model).objects.filter(user=user).delete()
    user.first_name = ""
    user.last_name = pseudonym
    user.email = f"{pseudonym.rsplit(' ', 1)[-1].lower()}@{ERASED_EMAIL_DOMAIN}"
    user.personal_number = None
    user.job_title = ""
    user.form_of_address = ""
    user.manager = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    # The audit log keeps its entries (who did what stays provable) but not the name they
    # were labelled with.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(label=pseudonym)


def person_erase(*, user: User, by: User | None = None, reason: str = "") -> Erasure:
    """Replace `user`'s personal data with a pseudonym everywhere; a second call changes nothing.

    `by` is the administrator who erased (None: the retention purge). The statistics keep
    the person's assignments, attempts and workplace under the pseudonym.
    """
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        existing = Erasure.objects.filter(user=user).first()
        if existing is not None:
            return existing
        pseudonym = _new_pseudonym()
        for eraser in _erasers:
            eraser(user=user, by=by, pseudonym=pseudonym)
        _erase_account(user=user, pseudonym=pseudonym)
        erasure = Erasure.objects.create(
            user=user, pseudonym=pseudonym, erased_by=by, reason=reason[:200]
        )
        log(
            instance=user,
            action=ERASE_ACTION,
            user=by,
            data={"pseudonym": pseudonym, "by": "person" if by else "retention purge"},
        )
    return erasure


def retention_days() -> int:
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def people_due_for_purge(*, now: datetime.datetime | None = None):
    """Inactive people not erased yet whose last trace is older than the retention period.

    The last trace is the latest of joining, logging in and any audit entry on the account
    (its deactivation by the import or the admin is one), so the period runs from leaving.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    user_type = ContentType.objects.get_for_model(User)
    candidates = User.objects.filter(is_active=False, erasure__isnull=True).filter(
        date_joined__lt=cutoff
    )
    candidates = candidates.exclude(last_login__gte=cutoff)
    recent = (
        ModelLogEntry.objects.filter(content_type=user_type, timestamp__gte=cutoff)
        .values("object_id")
        .annotate(last=Max("timestamp"))
        .values_list("object_id", flat=True)
    )
    return candidates.exclude(pk__in=[int(pk) for pk in recent if pk.isdigit()])


def people_purge(*, now: datetime.datetime | None = None) -> int:
    """Erase everyone due (see people_due_for_purge); idempotent: the erased are skipped."""
    count = 0
    for user in people_due_for_purge(now=now).order_by("pk").iterator():
        person_erase(user=user, by=None, reason="retention period")
        count += 1
    return count
