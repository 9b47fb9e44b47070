"""The dashboards' inline SVG bar charts: pure geometry (no ORM), which the templates draw."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    x: float
    y: float
    width: float
    height: float
    # Where the value's label goes: just past the bar's end (or above a column).
    text_x: float
    text_y: float
    # Where the item's name goes: left of a row, below a column.
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Tick:
    value: float
    label: str
    position: float


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    orientation: str  # "horizontal" (one row per item) or "vertical" (one column per item)
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    width: float
    height: float
    plot_left: float
    plot_top: float
    plot_width: float
    plot_height: float

    @property
    def empty(self) -> bool:
        return not self.bars

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def plot_bottom(self) -> float:
        return self.plot_top + self.plot_height

    @property
    def plot_right(self) -> float:
        return self.plot_left + self.plot_width

    @property
    def axis_text(self) -> float:
        """Below the plot for a horizontal chart's ticks, left of it for a vertical one's."""
        if self.orientation == "horizontal":
            return self.plot_bottom + 15
        return self.plot_left - 6


def _ticks(maximum: float, steps: int) -> list[float]:
    return [maximum * i / steps for i in range(steps + 1)]


def _format_tick(value: float, suffix: str) -> str:
    return f"{value:g}{suffix}"


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def horizontal(
    items: Sequence[tuple[str, float | None, str]],
    *,
    title: str,
    description: str,
    maximum: float = 100.0,
    suffix: str = " %",
    label_width: float = 220.0,
    plot_width: float = 420.0,
    row_height: float = 26.0,
) -> BarChart:
    """One bar per (label, value, display); a missing value draws no bar but keeps its row."""
    maximum = maximum or 1.0
    top, axis_room = 8.0, 22.0
    bars = []
    for index, (label, value, display) in enumerate(items):
        y = top + index * row_height
        length = 0.0 if value is None else plot_width * max(0.0, min(value, maximum)) / maximum
        bars.append(
            Bar(
                label=_shorten(label, 32),
                value=value if value is not None else 0.0,
                display=display,
                x=label_width,
                y=y + 4,
                width=length,
                height=row_height - 8,
                text_x=label_width + length + 6,
                text_y=y + row_height / 2 + 4,
                label_x=label_width - 8,
                label_y=y + row_height / 2 + 4,
            )
        )
    plot_height = row_height * len(items)
    ticks = tuple(
        Tick(
            value=v, label=_format_tick(v, suffix), position=label_width + plot_width * v / maximum
        )
        for v in _ticks(maximum, 4)
    )
    return BarChart(
        title=title,
        description=description,
        orientation="horizontal",
        bars=tuple(bars),
        ticks=ticks,
        width=label_width + plot_width + 70,
        height=top + plot_height + axis_room,
        plot_left=label_width,
        plot_top=top,
        plot_width=plot_width,
        plot_height=plot_height,
    )


def vertical(
    items: Sequence[tuple[str, float | None, str]],
    *,
    title: str,
    description: str,
    maximum: float = 100.0,
    suffix: str = " %",
    plot_height: float = 180.0,
    column_width: float = 58.0,
) -> BarChart:
    """One column per (label, value, display), e.g. one per month, left to right."""
    maximum = maximum or 1.0
    left, top, label_room = 44.0, 18.0, 40.0
    bars = []
    for index, (label, value, display) in enumerate(items):
        x = left + index * column_width
        length = 0.0 if value is None else plot_height * max(0.0, min(value, maximum)) / maximum
        bars.append(
            Bar(
                label=_shorten(label, 8),
                value=value if value is not None else 0.0,
                display=display,
                x=x + 6,
                y=top + plot_height - length,
                width=column_width - 12,
                height=length,
                text_x=x + column_width / 2,
                text_y=top + plot_height - length - 4,
                label_x=x + column_width / 2,
                label_y=top + plot_height + 16,
            )
        )
    ticks = tuple(
        Tick(value=v, label=_format_tick(v, suffix), position=top + plot_height * (1 - v / maximum))
        for v in _ticks(maximum, 4)
    )
    return BarChart(
        title=title,
        description=description,
        orientation="vertical",
        bars=tuple(bars),
        ticks=ticks,
        width=left + column_width * max(len(items), 1) + 8,
        height=top + plot_height + label_room,
        plot_left=left,
        plot_top=top,
        plot_width=column_width * len(items),
        plot_height=plot_height,
    )


def _rate_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} %"


def _describe(items: Sequence[tuple[str, float | None, str]]) -> str:
    # Screen readers get the figures in the description; sighted users see the same table.
    return "; ".join(f"{label}: {display}" for label, _value, display in items)


def hr_charts(dashboard) -> dict[str, BarChart]:
    """Completion rate and overdue by workplace, completion by course and by month due."""
    workplaces = [
        (row.name, row.total.rate, _rate_text(row.total.rate)) for row in dashboard.chart_workplaces
    ]
    overdue = [
        (row.name, float(row.total.overdue), str(row.total.overdue))
        for row in dashboard.chart_workplaces
    ]
    courses = [
        (row.title, row.counts.rate, _rate_text(row.counts.rate)) for row in dashboard.courses
    ]
    months = [(row.label, row.counts.rate, _rate_text(row.counts.rate)) for row in dashboard.months]
    most_overdue = max((value for _label, value, _display in overdue), default=0.0)
    return {
        "workplaces": horizontal(
            workplaces, title=_("Completion rate by workplace"), description=_describe(workplaces)
        ),
        "overdue": horizontal(
            overdue,
            title=_("Overdue training by workplace"),
            description=_describe(overdue),
            # Whole numbers on the axis: round the top up to a multiple of the four steps.
            maximum=float(max(4, math.ceil(most_overdue / 4) * 4)),
            suffix="",
        ),
        "courses": horizontal(
            courses, title=_("Completion rate by course"), description=_describe(courses)
        ),
        "months": vertical(
            months, title=_("Completion rate by month due"), description=_describe(months)
        ),
    }


def security_charts(dashboard) -> dict[str, BarChart]:
    """Average first-attempt score by risk category and by month."""
    categories = [
        (
            row.name,
            row.effectiveness.average_first_score,
            _rate_text(row.effectiveness.average_first_score),
        )
        for row in dashboard.categories
    ]
    months = [
        (row.label, row.average_first_score, _rate_text(row.average_first_score))
        for row in dashboard.months
    ]
    return {
        "categories": horizontal(
            categories,
            title=_("Average first-attempt score by risk category"),
            description=_describe(categories),
        ),
        "months": vertical(
            months,
            title=_("Average first-attempt score by month"),
            description=_describe(months),
        ),
    }
