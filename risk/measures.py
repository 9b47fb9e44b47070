"""Measured behaviour shown beside a risk category of a review, offered by higher apps.

Risk is a low layer: it cannot read phishing results itself. An app that measures something
(phishing click rates) registers a provider here; the review form shows its figures and a
suggested likelihood, and approval writes them into the review as evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    category_code: str  # RiskCategory.code this figure is evidence for
    label: str  # what was measured, translated
    value: str  # the figure as shown, e.g. "23 % (7 z 30)"
    suggested_likelihood: int | None  # 1..5, or None when too little was measured
    evidence: str  # one sentence for the approved review's record


Provider = Callable[..., list[Measure]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider: provider(workplace=...) -> list of Measure. Usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def measures_for(*, workplace) -> dict[str, list[Measure]]:
    """Every registered figure for the workplace, by risk category code."""
    found: dict[str, list[Measure]] = {}
    if workplace is None:
        return found
    for provider in _providers:
        for measure in provider(workplace=workplace):
            found.setdefault(measure.category_code, []).append(measure)
    return found
