"""Reads for the people pages: one person's profile with what the page shows, in flat queries."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from .models import User


def profile_get(*, user_id: int) -> dict:
    """The person with workplace path and manager, their second factors and SSO accounts."""
    person = User.objects.select_related("workplace", "manager").get(pk=user_id)
    return {
        "person": person,
        "workplace": person.workplace.full_name if person.workplace else "",
        "authenticators": list(
            Authenticator.objects.filter(user_id=user_id).order_by("type", "created_at")
        ),
        "sso_accounts": list(SocialAccount.objects.filter(user_id=user_id).order_by("provider")),
    }
