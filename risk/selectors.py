"""The read side of risks: the current policy, a review's rated categories, current reviews."""

from dataclasses import dataclass

from organisation.models import Workplace

from . import plan
from .models import RiskAssessment, RiskReview, RiskSettings


def policy_current() -> plan.Policy:
    """The default site's risk policy, or the defaults when nobody has saved one yet.

    A plain read (no get_or_create) so that pages and background tasks never write here.
    """
    settings = RiskSettings.objects.filter(site__is_default_site=True).first()
    return settings.as_policy() if settings else plan.Policy()


@dataclass(frozen=True)
class RatedAssessment:
    assessment: RiskAssessment
    level: str

    @property
    def level_label(self) -> str:
        from .models import RiskLevel

        return RiskLevel(self.level).label


def review_rated(*, review: RiskReview, policy: plan.Policy | None = None) -> list[RatedAssessment]:
    """The review's assessments in catalogue order with their level: frozen once approved,
    computed with the current thresholds while a draft."""
    if review.pk is None:
        return []
    assessments = (
        RiskAssessment.objects.filter(review_id=review.pk)
        .select_related("category")
        .order_by("category__sort_order", "category__name")
    )
    policy = policy or policy_current()
    return [
        RatedAssessment(
            assessment=a,
            level=(
                a.level
                if a.level and not review.is_draft
                else policy.level_for(a.likelihood, a.impact)
            ),
        )
        for a in assessments
    ]


def review_current_for(*, workplace: Workplace) -> RiskReview | None:
    """The approved review that sets the workplace's plan: its own, else its nearest ancestor's."""
    steplen = Workplace.steplen
    prefixes = [workplace.path[:n] for n in range(steplen, len(workplace.path) + 1, steplen)]
    reviews = {
        r.workplace.path: r
        for r in RiskReview.objects.filter(
            status=RiskReview.Status.APPROVED, workplace__path__in=prefixes
        ).select_related("workplace")
    }
    nearest = plan.effective_review_paths([workplace.path], reviews, steplen=steplen)[
        workplace.path
    ]
    return reviews.get(nearest) if nearest else None


@dataclass(frozen=True)
class MatrixCell:
    likelihood: int
    impact: int
    level: str
    items: tuple[str, ...]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level_label(self) -> str:
        from .models import RiskLevel

        return RiskLevel(self.level).label


def risk_matrix(
    *, policy: plan.Policy, rated: list[RatedAssessment] | None = None
) -> list[list[MatrixCell]]:
    """The 5x5 grid (impact 5 at the top) coloured by the policy, each cell naming the
    categories rated there."""
    placed: dict[tuple[int, int], list[str]] = {}
    for item in rated or []:
        a = item.assessment
        placed.setdefault((a.likelihood, a.impact), []).append(a.category.name)
    return [
        [
            MatrixCell(likelihood, impact, level, tuple(placed.get((likelihood, impact), ())))
            for likelihood, impact, level in row
        ]
        for row in policy.matrix()
    ]
