"""Operations that change risk reviews, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import effects
from .measures import measures_for
from .models import RiskAssessment, RiskCategory, RiskReview
from .selectors import policy_current
from .signals import review_approved

APPROVE_ACTION = "risk.review.approve"


class StalePreview(ValidationError):
    """The effect the manager confirmed is no longer what the approval would do."""


@transaction.atomic
def review_approve(
    *, review: RiskReview, approved_by, now=None, confirmed_effect: str | None = None
) -> RiskReview:
    """Approve a draft: freeze its levels, supersede the workplace's current review, and, once
    committed, announce it so the plan is applied. Approving an approved review changes nothing.

    `confirmed_effect` is the fingerprint of the preview the manager saw (the admin always
    passes it): if the plan's effect changed since, for instance because another review was
    approved meanwhile, nothing is approved and StalePreview asks for a fresh look.
    """
    review = RiskReview.objects.select_for_update().get(pk=review.pk)
    if review.status == RiskReview.Status.APPROVED:
        return review
    if review.status == RiskReview.Status.SUPERSEDED:
        raise ValidationError(_("A superseded review cannot be approved again."))
    assessments = list(RiskAssessment.objects.filter(review=review))
    if not assessments:
        raise ValidationError(_("Assess at least one risk category before approving."))
    preview = effects.review_preview(review.pk)
    if (
        confirmed_effect is not None
        and preview is not None
        and preview.fingerprint != confirmed_effect
    ):
        raise StalePreview(
            _(
                "What the approval does has changed since you looked (another review may have "
                "been approved, or people or courses changed). Check the new preview and "
                "confirm again."
            )
        )

    policy = policy_current()
    measured = measures_for(workplace=review.workplace)
    codes = dict(RiskCategory.objects.values_list("id", "code"))
    for assessment in assessments:
        assessment.level = policy.level_for(assessment.likelihood, assessment.impact)
        assessment.evidence = " ".join(
            m.evidence for m in measured.get(codes.get(assessment.category_id), [])
        )
    RiskAssessment.objects.bulk_update(assessments, ["level", "evidence"])

    previous = (
        RiskReview.objects.select_for_update()
        .filter(workplace_id=review.workplace_id, status=RiskReview.Status.APPROVED)
        .first()
    )
    if previous is not None:
        previous.status = RiskReview.Status.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    review.status = RiskReview.Status.APPROVED
    review.approved_by = approved_by
    review.approved_at = now or timezone.now()
    review.supersedes = previous
    try:
        with transaction.atomic():
            review.save(
                update_fields=["status", "approved_by", "approved_at", "supersedes", "updated_at"]
            )
    except IntegrityError as exc:
        # The one-approved-review-per-workplace constraint: a concurrent approval won.
        raise ValidationError(
            _("Another review of this workplace was approved at the same moment. Reload the page.")
        ) from exc
    # The audit entry keeps the effect that was approved, beside who and when.
    data = {}
    if preview is not None:
        data = {
            "effect": preview.fingerprint,
            "people": preview.people,
            "gains": preview.gains,
            "optional": preview.optional,
        }
    log(instance=review, action=APPROVE_ACTION, user=approved_by, data=data)
    review_id = review.pk
    transaction.on_commit(lambda: review_approved.send(sender=RiskReview, review_id=review_id))
    return review


@transaction.atomic
def review_draft_from(*, review: RiskReview, reviewer) -> RiskReview:
    """Start the workplace's next review as a draft holding this review's ratings."""
    draft = RiskReview.objects.create(
        workplace_id=review.workplace_id,
        reviewer=reviewer,
        note=review.note,
        status=RiskReview.Status.DRAFT,
    )
    RiskAssessment.objects.bulk_create(
        RiskAssessment(
            review=draft,
            category_id=a.category_id,
            likelihood=a.likelihood,
            impact=a.impact,
            note=a.note,
        )
        for a in RiskAssessment.objects.filter(review=review)
    )
    log(instance=draft, action="wagtail.create", user=reviewer)
    return draft
