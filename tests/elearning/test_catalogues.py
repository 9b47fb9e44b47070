"""Czech catalogues agree: one English text has one Czech translation in the whole site.

Django merges every app's catalogue with the project's locale/ into one, so when two
catalogues translate the same msgid differently, one of them silently loses everywhere (the
risk table said "Výsledek" for a risk score, the phishing trend "Začít" for a campaign start).
Texts that need different Czech words carry a context (pgettext) instead.
"""

import gettext
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "node_modules", "var", ".git"}


def _czech_catalogues() -> list[Path]:
    return sorted(
        path
        for path in ROOT.glob("**/locale/cs/LC_MESSAGES/django.mo")
        if not SKIP.intersection(path.relative_to(ROOT).parts)
    )


def _app(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


def test_no_english_text_has_two_czech_translations():
    catalogues = _czech_catalogues()
    assert len(catalogues) >= 9, catalogues  # the project's locale/ and the apps' own
    seen: dict[object, tuple[str, Path]] = {}
    clashes = []
    for path in catalogues:
        with path.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)._catalog
        for msgid, msgstr in catalogue.items():
            if not msgid or not msgstr:
                continue  # the header, untranslated entries
            if msgid in seen and seen[msgid][0] != msgstr:
                first, where = seen[msgid]
                clashes.append(f"{msgid!r}: {first!r} ({_app(where)}) vs {msgstr!r} ({_app(path)})")
            seen.setdefault(msgid, (msgstr, path))
    assert clashes == []


def test_words_that_differ_by_meaning_have_a_context():
    with translation.override("cs"):
        assert translation.gettext("Start") == "Začít"
        assert translation.pgettext("campaign start", "Start") == "Začátek"
        assert translation.gettext("Score") == "Výsledek"
        assert translation.pgettext("risk score", "Score") == "Skóre"
        assert translation.pgettext("campaign status", "Finished") == "Skončila"
        assert translation.gettext("Finished") == "Dokončeno"


def test_every_czech_catalogue_has_the_four_plural_forms():
    """Django's own Czech catalogue has four forms (the third for fractions): ours match it."""
    for path in _czech_catalogues():
        with path.open("rb") as handle:
            plural_forms = gettext.GNUTranslations(handle).info()["plural-forms"]
        assert plural_forms.startswith("nplurals=4;"), path
