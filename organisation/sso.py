"""Single sign-on: the first SSO login links to the employee HR already has, never a duplicate."""

from __future__ import annotations

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group
from django.shortcuts import render

from .models import User
from .roles import EMPLOYEE


def _first(value) -> str:
    """SAML attributes arrive as lists, OIDC claims as plain values."""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return str(value or "").strip()


def claimed_personal_number(extra_data: dict) -> str:
    """The personal number in SAML attributes, or in OIDC's userinfo or ID token claims."""
    sources = [extra_data, extra_data.get("userinfo") or {}, extra_data.get("id_token") or {}]
    for source in sources:
        if not isinstance(source, dict):
            continue
        for name in settings.SSO_PERSONAL_NUMBER_CLAIMS:
            number = _first(source.get(name))
            if number:
                return number
    return ""


def claimed_email(sociallogin) -> str:
    email = (sociallogin.user.email or "").strip().lower() if sociallogin.user else ""
    if not email:
        for address in sociallogin.email_addresses:
            if address.email:
                return address.email.strip().lower()
    return email


def employee_for_login(*, email: str, personal_number: str) -> User | None:
    """The existing employee an identity provider's answer names, by personal number or e-mail.

    The personal number wins: an e-mail address can change with a surname, the number stays.
    """
    if personal_number:
        user = User.objects.filter(personal_number=personal_number).first()
        if user is not None:
            return user
    if email:
        return User.objects.filter(email__iexact=email).first()
    return None


def _refuse(request, *, reason: str):
    response = render(
        request, "account/sso_refused.html", {"reason": reason, "auto_provision": False}
    )
    response.status_code = 403
    raise ImmediateHttpResponse(response)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                _refuse(request, reason="inactive")
            return
        personal_number = claimed_personal_number(sociallogin.account.extra_data or {})
        email = claimed_email(sociallogin)
        user = employee_for_login(email=email, personal_number=personal_number)
        if user is not None:
            if not user.is_active:
                _refuse(request, reason="inactive")
            # Links the identity to the employee's record and logs them in as that employee.
            sociallogin.connect(request, user)
            return
        if not settings.SSO_AUTO_PROVISION:
            _refuse(request, reason="unknown")
        if not email:
            _refuse(request, reason="no_email")
        if personal_number:
            sociallogin.user.personal_number = personal_number

    def is_open_for_signup(self, request, sociallogin) -> bool:
        # Reached only for a person no record matched (pre_social_login linked the others).
        return settings.SSO_AUTO_PROVISION

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        user.groups.add(Group.objects.get(name=EMPLOYEE))
        return user
