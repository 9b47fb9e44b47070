"""The read side: a campaign's results, per workplace, the trend, and a workplace's click rate.

Counts are aggregated in SQL (one query per table, whatever the number of people); only the
median time to the first report is computed in Python, over the reported rows alone.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from core.collation import czech_order
from organisation.models import Workplace

from .models import Campaign, Recipient


@dataclass(frozen=True)
class Rates:
    sent: int
    opened: int
    clicked: int
    submitted: int
    reported: int
    median_report_minutes: float | None = None

    def rate(self, count: int) -> float | None:
        return round(100 * count / self.sent, 1) if self.sent else None

    @property
    def click_rate(self) -> float | None:
        return self.rate(self.clicked)

    @property
    def submit_rate(self) -> float | None:
        return self.rate(self.submitted)

    @property
    def report_rate(self) -> float | None:
        return self.rate(self.reported)

    @property
    def open_rate(self) -> float | None:
        return self.rate(self.opened)


_COUNTS = {
    "sent": Count("id"),
    "opened": Count("id", filter=Q(opened_at__isnull=False)),
    "clicked": Count("id", filter=Q(clicked_at__isnull=False)),
    "submitted": Count("id", filter=Q(submitted_at__isnull=False)),
    "reported": Count("id", filter=Q(reported_at__isnull=False)),
}


def _median_minutes(rows: QuerySet) -> float | None:
    pairs = rows.filter(reported_at__isnull=False).values_list("sent_at", "reported_at")
    minutes = [(reported - sent).total_seconds() / 60 for sent, reported in pairs]
    return round(statistics.median(minutes), 1) if minutes else None


def rates_of(rows: QuerySet) -> Rates:
    sent = rows.filter(sent_at__isnull=False)
    return Rates(**sent.aggregate(**_COUNTS), median_report_minutes=_median_minutes(sent))


def campaign_results(*, campaign: Campaign) -> dict:
    rows = Recipient.objects.filter(campaign=campaign)
    total = rows.count()
    by_place = (
        rows.filter(sent_at__isnull=False)
        .values("workplace_id")
        .annotate(**_COUNTS)
        .order_by("workplace_id")
    )
    names = dict(Workplace.objects.values_list("id", "name"))
    places = [(names.get(row.pop("workplace_id"), "–"), Rates(**row)) for row in by_place]
    places.sort(key=lambda item: item[0])
    return {"total": total, "overall": rates_of(rows), "workplaces": places}


def campaign_people(*, campaign: Campaign) -> QuerySet:
    """Individual results: for security managers only (the view checks the permission)."""
    return (
        Recipient.objects.filter(campaign=campaign)
        .select_related("user", "workplace", "template", "remedial_assignment")
        .order_by(czech_order("user__last_name"), czech_order("user__first_name"), "id")
    )


def campaigns_trend(*, limit: int = 12) -> list[tuple[Campaign, Rates]]:
    """The last campaigns that sent anything, oldest first, with their rates."""
    campaigns = list(
        Campaign.objects.exclude(status=Campaign.Status.DRAFT).order_by("-starts_at", "-id")[:limit]
    )
    rows = (
        Recipient.objects.filter(campaign__in=campaigns, sent_at__isnull=False)
        .values("campaign_id")
        .annotate(**_COUNTS)
    )
    minutes: dict[int, list[float]] = {}
    reported = Recipient.objects.filter(
        campaign__in=campaigns, sent_at__isnull=False, reported_at__isnull=False
    ).values_list("campaign_id", "sent_at", "reported_at")
    for campaign_id, sent, at in reported:
        minutes.setdefault(campaign_id, []).append((at - sent).total_seconds() / 60)
    by_id = {
        row["campaign_id"]: Rates(
            **{k: v for k, v in row.items() if k != "campaign_id"},
            median_report_minutes=(
                round(statistics.median(minutes[row["campaign_id"]]), 1)
                if row["campaign_id"] in minutes
                else None
            ),
        )
        for row in rows
    }
    empty = Rates(0, 0, 0, 0, 0)
    return [(c, by_id.get(c.id, empty)) for c in reversed(campaigns)]


def workplace_rates(*, workplace: Workplace, months: int = 12) -> Rates:
    """People of the workplace and below it, in campaigns of the last `months` months."""
    since = timezone.now() - datetime.timedelta(days=30 * months)
    rows = Recipient.objects.filter(
        workplace__path__startswith=workplace.path,
        sent_at__gte=since,
        campaign__status__in=[
            Campaign.Status.RUNNING,
            Campaign.Status.PAUSED,
            Campaign.Status.STOPPED,
            Campaign.Status.FINISHED,
        ],
    )
    return rates_of(rows)


def suggested_likelihood(click_rate: float | None, thresholds: list[float]) -> int | None:
    """Likelihood 1..5 for a click rate: below the first threshold 1, from the last 5."""
    if click_rate is None:
        return None
    return 1 + sum(1 for limit in thresholds if click_rate >= limit)
