"""Template helpers of the quiz pages."""

import html as html_module
import json
import re
from decimal import Decimal

from django import template
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext
from wagtail.rich_text import expand_db_html
from wagtail.templatetags.wagtailcore_tags import richtext

register = template.Library()

_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p[^>]*>")


@register.filter
def inline_richtext(value: str) -> str:
    """Rich text without paragraph elements, for a <label> (which may hold phrasing content only).

    The text comes from a RichTextField (Wagtail's editor) or an import that nh3 sanitised.
    """
    html = _PARAGRAPH_BREAK.sub("<br>", expand_db_html(value or "").strip())
    html = re.sub(r"^<p[^>]*>|</p>$", "", html)
    # Sanitised on the way in (see the docstring), so marking it safe adds no markup of a user's.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703  # nosemgrep: no-mark-safe-on-data


@register.filter
def minutes_seconds(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.filter
def unanswered_messages(total: int) -> str:
    """JSON of "n unanswered" sentences for n = 1..total, so the submit dialog's script needs
    no plural rules of its own (Czech has three)."""
    return json.dumps(
        {
            str(n): ngettext(
                "You have not answered %(count)s question:",
                "You have not answered %(count)s questions:",
                n,
            )
            % {"count": n}
            for n in range(1, (total or 0) + 1)
        },
        ensure_ascii=False,
    )


@register.filter
def percent(points) -> str:
    """Points 0..1 as a percentage in the active language, e.g. "62,5 %"."""
    if points is None:
        return ""
    value = (Decimal(points) * 100).quantize(Decimal("0.1")).normalize()
    return f"{number_format(value)} %"


_GAP_MARK = re.compile(r"\{#(\d+)\}")


@register.simple_tag(takes_context=True)
def cloze_text(context, item, result: bool = False) -> str:
    """A cloze question's text with each "{#n}" replaced by gap n's input (or, on the result
    page, by what was answered there); a mark without its gap stays as written."""
    html = str(richtext(item.text))
    gaps = {gap.number: gap for gap in item.gaps}
    template_name = "quizzes/_gap_result.html" if result else "quizzes/_gap.html"

    def widget(match: re.Match) -> str:
        gap = gaps.get(int(match.group(1)))
        if gap is None:
            return match.group(0)
        return render_to_string(
            template_name, {"gap": gap, "item": item}, request=context.get("request")
        ).strip()

    # The text was sanitised on the way in, and the widgets are our own templates' escaped
    # output, so the joined HTML holds no markup of a user's.
    return mark_safe(_GAP_MARK.sub(widget, html))  # noqa: S308  # nosec B308 B703  # nosemgrep: no-mark-safe-on-data


@register.filter
def plain_text(value: str) -> str:
    """Rich text as the plain text an <option> may hold (escaped again when shown)."""
    return html_module.unescape(strip_tags(value or "")).strip()
