"""Renders e-mails in the recipient's language and writes them to the outbox."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from .models import OutboxEmail


def absolute_url(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_url(page) -> str:
    """Absolute link to a Wagtail page, on the configured BASE_URL."""
    _site_id, _root, path = page.get_url_parts()
    return absolute_url(path)


def queue(
    *, template: str, to: list[str], language: str, context: dict, ics: str = ""
) -> OutboxEmail:
    """Render automation/emails/<template>{_subject.txt,.txt,.html} and store the e-mail.

    Call inside the transaction that records the effect, so both exist or neither does.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            **context,
            "base_url": settings.BASE_URL.rstrip("/"),
            "report_url": absolute_url(settings.REPORT_PHISHING_PATH),
        }
        subject = render_to_string(f"automation/emails/{template}_subject.txt", context)
        text = render_to_string(f"automation/emails/{template}.txt", context)
        html = render_to_string(f"automation/emails/{template}.html", context)
        # Every e-mail the product sends ends with the way to report a suspicious one.
        text += (
            "\n-- \n"
            + gettext("Suspicious e-mail? Report it: %(url)s") % {"url": context["report_url"]}
            + "\n"
        )
    return OutboxEmail.objects.create(
        to=to, subject=" ".join(subject.split()), body_text=text, body_html=html, ics=ics
    )
