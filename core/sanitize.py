"""The project's only HTML sanitizer: everything from outside Wagtail's editor passes here."""

import re

import nh3

# The tags Wagtail's rich-text editor can produce, plus what imported question banks use.
ALLOWED_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str | None) -> str:
    """Return `html` with scripts, event handlers, styles and unknown tags removed."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def strip_tags(html: str | None) -> str:
    """Return the text of `html` with every tag removed (for plain-text e-mails and exports)."""
    if not html:
        return ""
    return nh3.clean(html, tags=set(), attributes={})


# What Wagtail's rich-text database format is made of (Draftail's blocks and inline styles);
# anything else would not survive the editor, and a bare <img> makes its page fail.
RICH_TEXT_TAGS = {
    "a",
    "b",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "i",
    "li",
    "ol",
    "p",
    "strong",
    "sub",
    "sup",
    "ul",
}
# Kept for a moment by the first pass, so their content can be given a readable form.
_RICH_TEXT_INPUT_TAGS = RICH_TEXT_TAGS | {"img", "table", "thead", "tbody", "tr", "td", "th"}
_IMAGE = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\balt="([^"]*)"')
_CELL_BREAK = re.compile(r"</t[dh]>\s*<t[dh]\b[^>]*>")
_ROW_START = re.compile(r"<tr\b[^>]*>\s*(<t[dh]\b[^>]*>)?")
_ROW_END = re.compile(r"(</t[dh]>)?\s*</tr>")
_TABLE_TAGS = re.compile(r"</?(table|thead|tbody|td|th)\b[^>]*>")


def _image_text(match: re.Match) -> str:
    # An image becomes its description, so "What does <img alt='this padlock'> mean?" still
    # reads; an image without one is dropped.
    alt = _ALT.search(match.group())
    return f"[{alt.group(1)}]" if alt and alt.group(1).strip() else ""


def clean_rich_text(html: str | None) -> str:
    """Return `html` reduced to what Wagtail's rich-text editor loads and saves unchanged.

    Scripts, styles and unknown tags go as in clean_html; images become their alt text in
    brackets and each table row a paragraph with its cells separated by " | ", so imported
    content stays readable instead of breaking the editor. The output is nh3's normalised
    serialisation with self-closing <br/>, which Wagtail's parser needs.
    """
    if not html:
        return ""
    first = nh3.clean(
        html,
        tags=_RICH_TEXT_INPUT_TAGS,
        attributes={"a": {"href"}, "img": {"alt"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    first = _IMAGE.sub(_image_text, first)
    first = _CELL_BREAK.sub(" | ", first)
    first = _ROW_START.sub("<p>", first)
    first = _ROW_END.sub("</p>", first)
    first = _TABLE_TAGS.sub("", first)
    # Again, now without the table and image tags: whatever the rewriting produced is
    # normalised (and any stray markup escaped) by the sanitizer itself.
    cleaned = nh3.clean(
        first,
        tags=RICH_TEXT_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    return cleaned.replace("<br>", "<br/>").strip()
