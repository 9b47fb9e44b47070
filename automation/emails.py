"""Renders e-mails in the recipient's language and writes them to the outbox."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
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
    *,
    template: str,
    to: list[str],
    language: str,
    context: dict,
    ics: str = "",
    salutation: str | None = None,
) -> OutboxEmail:
    """Render automation/emails/<template>{_subject.txt,.txt,.html} into an unsaved e-mail.

    The batch jobs render a chunk's e-mails first and insert them in one statement.
    `salutation` replaces the greeting of the person in the context (for `RenderCache`).
    """
    person = context.get("user") or context.get("manager")
    context = {
        **context,
        "base_url": settings.BASE_URL.rstrip("/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "greeting": greeting(person, language) if salutation is None else salutation,
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


class RenderCache:
    """Renders each distinct e-mail of a batch once and puts in each recipient's greeting.

    A chunk of reminders is mostly the same text (one course, one step, one due date) to
    different people; the templates take most of a job's time. `key` names everything the
    templates read besides the person (the caller's promise); the greeting is rendered as a
    token and replaced, HTML-escaped in the HTML part as the template would escape it. If
    the token does not appear exactly once in each body, the e-mail is rendered in full.
    """

    MARK = "@@greeting-3f9c2a@@"

    def __init__(self):
        self.rendered: dict[tuple, tuple[str, str, str] | None] = {}

    def __call__(
        self, *, key: tuple, template: str, to: list[str], language: str, context: dict, ics=""
    ) -> OutboxEmail:
        whole = (template, language or settings.LANGUAGE_CODE, *key)
        if whole not in self.rendered:
            email = render(
                template=template,
                to=to,
                language=language,
                context=context,
                salutation=self.MARK,
            )
            parts = (email.subject, email.body_text, email.body_html)
            once = parts[1].count(self.MARK) == 1 and parts[2].count(self.MARK) == 1
            self.rendered[whole] = parts if once and self.MARK not in parts[0] else None
        parts = self.rendered[whole]
        if parts is None:
            return render(template=template, to=to, language=language, context=context, ics=ics)
        words = greeting(context.get("user") or context.get("manager"), language)
        return OutboxEmail(
            to=to,
            subject=parts[0],
            body_text=parts[1].replace(self.MARK, words),
            body_html=parts[2].replace(self.MARK, escape(words)),
            ics=ics,
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
