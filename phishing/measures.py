"""Offers each workplace's measured click rate to its risk review (the phishing category)."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from risk.measures import Measure, register

from .selectors import suggested_likelihood, workplace_rates
from .services import phishing_settings

CATEGORY_CODE = "phishing"
# Fewer people than this say little about a workplace: no likelihood is suggested.
MIN_SENT = 5


def _number(value: float | None) -> str:
    return "–" if value is None else formats.number_format(value, decimal_pos=None)


@register
def phishing_click_rate(*, workplace) -> list[Measure]:

    rates = workplace_rates(workplace=workplace)
    if not rates.sent:
        return []
    value = ngettext(
        "%(rate)s %% (%(clicked)s of %(sent)s person clicked)",
        "%(rate)s %% (%(clicked)s of %(sent)s people clicked)",
        rates.sent,
    ) % {"rate": _number(rates.click_rate), "clicked": rates.clicked, "sent": rates.sent}
    suggested = (
        suggested_likelihood(rates.click_rate, phishing_settings().thresholds())
        if rates.sent >= MIN_SENT
        else None
    )
    evidence = _(
        "Simulated phishing in the last 12 months: %(value)s; reported by %(reported)s %%."
    ) % {"value": value, "reported": _number(rates.report_rate)}
    return [
        Measure(
            category_code=CATEGORY_CODE,
            label=_("click rate in phishing simulations"),
            value=value,
            suggested_likelihood=suggested,
            evidence=evidence,
        )
    ]
