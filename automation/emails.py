"""Renders e-mails in the recipient's language and writes them to the outbox."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from vokativ import vokativ

from .models import OutboxEmail


def absolute_url(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_url(page) -> str:
    """Absolute link to a Wagtail page, on the configured BASE_URL."""
    _site_id, _root, path = page.get_url_parts()
    return absolute_url(path)


def vocative(first_name: str) -> str:
    """The Czech vocative of a first name ("Šárka" -> "Šárko"), capitalised as written."""
    name = first_name.strip()
    if not name:
        return ""
    # vokativ answers in lower case; each part of "Anna Marie" keeps its capital.
    return " ".join(part[:1].upper() + part[1:] for part in vokativ(name).split(" "))


def greeting(person, language: str) -> str:
    """The salutation of an e-mail: "Dobrý den, Šárko," in Czech, "Hello Šárka," in English.

    Without a first name (a shared mailbox), a neutral "Dobrý den,".
    """
    first = (getattr(person, "first_name", "") or "").strip()
    with translation.override(language or settings.LANGUAGE_CODE):
        if not first:
            return gettext("Hello,")
        czech = translation.get_language().startswith("cs")
        return gettext("Hello %(name)s,") % {"name": vocative(first) if czech else first}


def render(
    *, template: str, to: list[str], language: str, context: dict, ics: str = ""
) -> OutboxEmail:
    """Render automation/emails/<template>{_subject.txt,.txt,.html} into an unsaved e-mail.

    The batch jobs render a chunk's e-mails first and insert them in one statement.
    """
    person = context.get("user") or context.get("manager")
    context = {
        **context,
        "base_url": settings.BASE_URL.rstrip("/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "greeting": greeting(person, language),
        "report_url": absolute_url(settings.REPORT_PHISHING_PATH),
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"automation/emails/{template}_subject.txt", context)
        text = render_to_string(f"automation/emails/{template}.txt", context)
        html = render_to_string(f"automation/emails/{template}.html", context)
        # Every e-mail the product sends ends with the way to report a suspicious one.
        text += (
            "\n-- \n"
            + gettext("Suspicious e-mail? Report it: %(url)s") % {"url": context["report_url"]}
            + "\n"
        )
    return OutboxEmail(
        to=to, subject=" ".join(subject.split()), body_text=text, body_html=html, ics=ics
    )


def queue(
    *, template: str, to: list[str], language: str, context: dict, ics: str = ""
) -> OutboxEmail:
    """Render the e-mail and store it in the outbox.

    Call inside the transaction that records the effect, so both exist or neither does.
    """
    email = render(template=template, to=to, language=language, context=context, ics=ics)
    email.save()
    return email
