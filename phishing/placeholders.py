"""Fills a template's placeholders ({{ first_name }}, {{ link }}...) with escaped values."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.utils.html import escape

PLACEHOLDERS = ("first_name", "last_name", "full_name", "email", "link", "date", "organisation")
_PATTERN = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def used(text: str) -> set[str]:
    return set(_PATTERN.findall(text))


def unknown(text: str) -> list[str]:
    """Placeholders used in `text` that the product does not know (shown to the author)."""
    return sorted({name for name in _PATTERN.findall(text) if name not in PLACEHOLDERS})


def fill(text: str, values: Mapping[str, str], *, html: bool) -> str:
    """Replace known placeholders; in HTML every value is escaped, the link included."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return escape(values[name]) if html else str(values[name])

    return _PATTERN.sub(value, text)
