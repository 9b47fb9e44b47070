"""One person's own data as JSON (GDPR Art. 15 and 20): profile, assignments, attempts,
certificates, second factors and linked SSO accounts. It lives here, in the highest app,
because it reads every app below; it never includes secrets (TOTP keys, recovery codes)."""

import json

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from certificates.models import Certificate
from courses.models import Assignment
from organisation import erasure
from organisation.models import User
from quizzes.models import Attempt

# Registered by the apps (organisation.erasure) and already written out above in more detail.
_COVERED = {"profile", "assignments", "quiz_attempts", "certificates"}


def personal_data(*, user_id: int) -> dict:
    """Everything the product keeps about one person: the sections below, then whatever else
    an app registered with organisation.erasure (audit trail, e-mails, phishing simulations)."""
    person = User.objects.select_related("workplace", "manager").get(pk=user_id)
    extra = erasure.personal_data(user=person, exclude=_COVERED)
    assignments = (
        Assignment.objects.filter(user_id=user_id)
        .select_related("course")
        .order_by("created_at", "pk")
    )
    attempts = (
        Attempt.objects.filter(user_id=user_id)
        .select_related("quiz__course")
        .order_by("started_at", "pk")
    )
    certificates = Certificate.objects.filter(assignment__user_id=user_id).order_by(
        "issued_at", "pk"
    )
    return {
        "exported_at": timezone.now(),
        "profile": {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "personal_number": person.personal_number,
            "workplace": person.workplace.full_name if person.workplace else None,
            "job_title": person.job_title,
            "manager": str(person.manager) if person.manager else None,
            "management_track": person.is_management,
            "language": person.language,
            "active": person.is_active,
            "date_joined": person.date_joined,
            "last_login": person.last_login,
        },
        "assignments": [
            {
                "course": a.course.title,
                "status": a.status,
                "source": a.source,
                "reason": a.reason,
                "assigned_at": a.created_at,
                "due_date": a.due_date,
                "completed_at": a.completed_at,
                "completed_version": a.completed_version,
                "score": a.score,
            }
            for a in assignments
        ],
        "attempts": [
            {
                "course": t.quiz.course.title,
                "number": t.number,
                "started_at": t.started_at,
                "submitted_at": t.submitted_at,
                "score": t.score,
                "passed": t.passed,
            }
            for t in attempts
        ],
        "certificates": [
            {
                "serial_number": c.serial_number,
                "course": c.course_title,
                "course_version": c.course_version,
                "holder": c.holder_name,
                "completed_on": c.completed_on,
                "valid_until": c.valid_until,
                "score": c.score,
                "issued_at": c.issued_at,
                "revoked_at": c.revoked_at,
                "verification_url": settings.BASE_URL + c.verification_path,
            }
            for c in certificates
        ],
        "second_factors": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user_id=user_id).order_by("created_at")
        ],
        "sso_accounts": [
            {"provider": s.provider, "uid": s.uid, "date_joined": s.date_joined}
            for s in SocialAccount.objects.filter(user_id=user_id).order_by("provider")
        ],
        **extra,
    }


@require_safe
@login_required
def my_data(request):
    """The logged-in person's own data, as a download; reading it changes nothing."""
    data = personal_data(user_id=request.user.pk)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="moje-udaje.json"'
    response["Cache-Control"] = "no-store"
    return response
