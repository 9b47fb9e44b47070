"""Imported HTML in the form Wagtail's rich-text editor opens and saves unchanged."""

import re

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from core.sanitize import clean_rich_text

# The editor gives each block a random key; stored without them, importing the same file
# twice gives the same text (duplicate detection compares it), and the editor adds its own.
_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def editor_html(html: str | None, features: list[str]) -> str:
    """`html` sanitised and passed through the editor's own converter for `features`.

    What the converter drops (a heading where the field allows none, an image) is dropped
    here, before saving, instead of making the admin edit page fail later.
    """
    cleaned = clean_rich_text(html)
    if not cleaned:
        return ""
    converter = ContentstateConverter(features)
    converted = converter.to_database_format(converter.from_database_format(cleaned))
    return _BLOCK_KEY.sub("", converted)
