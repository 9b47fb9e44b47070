"""allauth adapter: accounts come from HR imports or SSO, so nobody signs up."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


def site_identity() -> SimpleNamespace:
    """The product's name and address from settings, not the host a request came in on."""
    return SimpleNamespace(
        name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.BASE_URL).netloc or ""
    )


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def format_email_subject(self, subject) -> str:
        # allauth prefixes "[<host>]"; the e-mail is from the product, so its name.
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def send_mail(self, template_prefix, email, context):
        # "Hello from 127.0.0.1:8103!" otherwise: allauth names the request's host.
        context = {**context, "current_site": site_identity()}
        return super().send_mail(template_prefix, email, context)
