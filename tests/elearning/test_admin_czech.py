"""The Wagtail admin speaks Czech to every role: a walk over each role's menu finds no English.

For each role the walk reads the sidebar menu (Wagtail renders it in the browser from the JSON
in #wagtail-sidebar-props, so its labels are checked from there), opens every menu page, the
page's "add" form and one of its edit or inspect pages, and looks for common English words
in what a person sees: the text, and the labels, titles and placeholders read aloud.
"""

import datetime
import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from automation.models import JobRun
from organisation import roles
from tests import factories

pytestmark = pytest.mark.django_db

# Common words of Wagtail's English admin; any of them on a Czech page is an untranslated string.
ENGLISH = {
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "for",
    "with",
    "from",
    "this",
    "that",
    "is",
    "are",
    "was",
    "has",
    "have",
    "not",
    "no",
    "yes",
    "all",
    "any",
    "new",
    "your",
    "you",
    "add",
    "edit",
    "delete",
    "remove",
    "search",
    "save",
    "cancel",
    "choose",
    "select",
    "view",
    "inspect",
    "copy",
    "create",
    "created",
    "updated",
    "update",
    "last",
    "first",
    "next",
    "previous",
    "page",
    "pages",
    "items",
    "item",
    "status",
    "filter",
    "filters",
    "sort",
    "show",
    "hide",
    "more",
    "less",
    "open",
    "close",
    "clear",
    "apply",
    "reset",
    "back",
    "name",
    "title",
    "date",
    "time",
    "type",
    "user",
    "users",
    "group",
    "groups",
    "login",
    "live",
    "draft",
    "published",
    "unpublished",
    "history",
    "actions",
    "action",
    "error",
    "errors",
    "go",
    "there",
    "display",
    "level",
    "access",
    "insert",
    "block",
    "blocks",
    "settings",
    "help",
    "menu",
    "toggle",
    "sidebar",
    "account",
    "log",
    "out",
    "dashboard",
    "results",
    "result",
    "found",
    "none",
    "set",
    "upload",
    "download",
    "export",
    "file",
    "files",
    "image",
    "images",
    "document",
    "documents",
    "snippets",
    "reports",
    "active",
    "inactive",
    "enabled",
    "disabled",
    "required",
    "optional",
    "ago",
    "minutes",
    "hours",
    "days",
    "today",
    "yesterday",
    "never",
    "sites",
    "site",
    "workflow",
    "tasks",
    "locked",
    "unlocked",
    "owner",
    "comments",
    "preview",
    "publish",
    "revisions",
    "compare",
    "per",
    "order",
    "ascending",
    "descending",
    "selected",
    "deselect",
    "bulk",
    "move",
    "could",
    "be",
    "been",
    "created.",
    "successfully",
    "must",
    "please",
    "here",
    "details",
}
# Names that stay as they are in Czech.
ALLOWED = {
    "wagtail",
    "saml",
    "csv",
    "xlsx",
    "pdf",
    "url",
    "id",
    "scorm",
    "mfa",
    "ldap",
    "gift",
    "moodle",
    "xml",
    "html",
    "json",
    "sso",
    "smtp",
    "e-mail",
    "celery",
    "pdca",
    "ok",
}
# Known gaps, on screens only a superuser opens: the group form's page-permission checkboxes
# read out Django's stored English permission names ("Can add page"), and the sites listing's
# column headings stay English. Only these words, only on these screens.
KNOWN_GAPS = {
    "/admin/groups/": {"Page", "add", "Delete", "pages", "with", "page", "locked", "you"}
    | {"Publish", "any"},
    "/admin/sites/": {"Site", "name", "page"},
}
WORD = re.compile(r"[^\W\d_]+")
# Not words: time zone names (Europe/Isle_of_Man) in the account's time zone choice, codes
# (passwords-access), the phishing template's placeholders ({{ first_name }}) and JSON keys an
# editor types in straight quotes ("type": "single" in the cloze gaps' help; Czech quotes „“).
NOT_WORDS = re.compile(
    r"\b[A-Z][A-Za-z]+/[\w/+-]+|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\{\{[^}]*\}\}|\"[a-z_]+\""
)
# Attributes a person sees or a screen reader reads.
SPOKEN = (
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "aria-description",
    "data-w-tooltip-content-value",
)


class _Text(HTMLParser):
    """Visible text and spoken attributes of a page: no scripts, styles, templates, hidden parts."""

    SKIP = {"script", "style", "template", "noscript"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) unseen?

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        unseen = bool(self.stack and self.stack[-1]) or tag in self.SKIP or "hidden" in attrs
        if not unseen and attrs.get("type") != "hidden":
            self.parts += [attrs[name] for name in SPOKEN if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in self.VOID:
            self.stack.append(unseen)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def english_words(text: str) -> set[str]:
    return {
        word
        for word in WORD.findall(NOT_WORDS.sub(" ", text))
        if word.lower() in ENGLISH and word.lower() not in ALLOWED
    }


def _menu(props) -> list[tuple[str, str]]:
    """(label, url) of every item of the packed sidebar menu, submenus included."""
    found = []
    if isinstance(props, dict):
        if isinstance(props.get("label"), str):
            found.append((props["label"], props.get("url") or ""))
        for value in props.values():
            found += _menu(value)
    elif isinstance(props, list):
        for value in props:
            found += _menu(value)
    return found


def sidebar(content: str) -> list[tuple[str, str]]:
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', content, re.S
    )
    assert match, "the admin page has no sidebar props"
    return _menu(json.loads(html.unescape(match.group(1))))


def page_text(content: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(content)
    return " ".join(parser.parts), parser.links


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo magistrate for the whole module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        superuser = get_user_model().objects.create_superuser(
            email="root@example.cz", password="x", first_name="Hlavní", last_name="Správce"
        )
        users = {"superuser": superuser}
        for role in (roles.HR, roles.SECURITY_MANAGER, roles.COURSE_EDITOR):
            users[role] = factories.UserFactory(roles=[role], first_name="Role", last_name=role)
        yield users
        transaction.set_rollback(True)


def _pages_to_visit(client, menu_urls):
    """Each menu page, plus its add form and its first edit or inspect page."""
    seen = []
    for url in menu_urls:
        if url in seen:
            continue
        seen.append(url)
        response = client.get(url, follow=True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        _, links = page_text(response.content.decode())
        path = urlsplit(url).path
        extra = []
        for pattern in (r"/(add|new)/$", r"/(edit|inspect)/\d+/$|/\d+/(edit/)?$"):
            for link in links:
                link = urljoin(path, link)
                if link.startswith(path) and link != path and re.search(pattern, link):
                    extra.append(link)
                    break
        seen += [link for link in extra if link not in seen]
    return seen


@pytest.mark.parametrize(
    "role", ["superuser", roles.HR, roles.SECURITY_MANAGER, roles.COURSE_EDITOR]
)
def test_the_admin_has_no_english_words(client, demo, role):
    client.force_login(demo[role])
    with translation.override("cs"):
        dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    content = dashboard.content.decode()
    problems = {}
    menu = sidebar(content)
    for label, _url in menu:
        if found := english_words(label):
            problems.setdefault("sidebar", []).append(f"{label!r} {sorted(found)}")
    urls = ["/admin/"] + [url for _, url in menu if url.startswith("/admin/")]
    for url in _pages_to_visit(client, urls):
        response = client.get(url, follow=True)
        if response.status_code != 200:
            problems.setdefault(url, []).append(f"status {response.status_code}")
            continue
        text, _ = page_text(response.content.decode())
        for sentence in re.split(r"\s{2,}|\n", text):
            gaps = next((w for prefix, w in KNOWN_GAPS.items() if url.startswith(prefix)), set())
            if found := english_words(sentence) - gaps:
                problems.setdefault(url, []).append(f"{sentence.strip()[:120]!r} {sorted(found)}")
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


# What the walk cannot see: counts, relative times, time zones, the page editor's scripts.


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "Smazat 1 stránku"), (2, "Smazat 2 stránky"), (5, "Smazat 5 stránek")],
)
def test_counts_take_the_czech_plural_forms(count, expected):
    with translation.override("cs"):
        text = translation.ngettext("Delete 1 page", "Delete %(counter)s pages", count)
        assert text % {"counter": count} == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "právě teď"),
        (1, "před 1 minutou"),
        (2, "před 2 minutami"),
        (16, "před 16 minutami"),
        (60 * 24, "před 1 dnem"),
        (60 * 24 * 3, "před 3 dny"),
    ],
)
def test_relative_times_are_declined_after_pred(minutes, expected):
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("cs"):
        text = timesince_simple(timezone.now() - datetime.timedelta(minutes=minutes))
    assert text.replace("\xa0", " ") == expected
    with translation.override("en"):
        text = timesince_simple(timezone.now() - datetime.timedelta(minutes=16))
    assert text.replace("\xa0", " ") == "16 minutes ago"


def test_the_inspect_page_shows_prague_time_in_the_one_date_format(admin_client):
    run = JobRun.objects.create(
        job="reminders", started_at=datetime.datetime(2026, 1, 15, 12, 5, tzinfo=datetime.UTC)
    )
    page = admin_client.get(reverse("job_runs:inspect", args=[run.pk])).content.decode()
    assert "15. 1. 2026 13:05" in page  # CET is UTC+1 in January
    assert "12:05" not in page


def test_the_page_editor_scripts_are_czech(admin_client):
    catalogue = admin_client.get("/admin/jsi18n/").content.decode()
    for czech in ("Vložit blok", "Hlavní nabídka", "Zobrazit či skrýt postranní panel"):
        assert json.dumps(czech)[1:-1] in catalogue


def test_add_buttons_and_errors_speak_czech_grammar(admin_client):
    page = admin_client.get(reverse("question_banks:index")).content.decode()
    assert "Přidat banku otázek" in page and "Přidat banka otázek" not in page
    assert "Přidat otázku" in admin_client.get(reverse("questions:index")).content.decode()

    response = admin_client.post(reverse("question_banks:add"), {"name": ""})
    assert "Položku „banka otázek“ se kvůli chybám nepodařilo vytvořit." in (
        response.content.decode()
    )
    page = admin_client.get(reverse("question_banks:add")).content.decode()
    assert "Nová položka: Banka otázek" in page and "New:" not in page
