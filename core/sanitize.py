"""The project's only HTML sanitizer: everything from outside Wagtail's editor passes here."""

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
