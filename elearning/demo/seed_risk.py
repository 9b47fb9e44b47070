"""Demo risk reviews: approved reviews of several workplaces and their plans, applied at once.

Idempotent: a workplace that already has any review is left as it is; applying a plan again
changes nothing. The reviews go through the same services as the admin, so the demo shows
real reasons ("why am I doing this?"), a superseded review in the history and the heat map.
Dates tell one story: each review was approved on its review date, and the magistrate applied
the approved reviews' plans when it started using the product, PLANS_APPLIED_DAYS_AGO days ago
(after the newest review), so every plan assignment was made before it falls due.
"""

import datetime

from django.utils import timezone

from courses.models import Assignment, CoursePage
from courses.planning import plan_apply_review
from risk.models import RiskAssessment, RiskReview
from risk.services import review_approve

# workplace code -> (months ago, note, {category code: (likelihood, impact)}), oldest first.
DEMO_REVIEWS = {
    "magistrat": [
        (
            5,
            "Základní analýza rizik celého úřadu: platí pro útvary bez vlastní analýzy.",
            {"phishing": (3, 3), "passwords-access": (2, 3), "personal-data": (2, 3)},
        ),
    ],
    "osa-podatelna": [
        (
            14,
            "První analýza podatelny po zavedení datových schránek.",
            {"records-management": (3, 3), "phishing": (3, 3), "physical-security": (2, 2)},
        ),
        (
            2,
            "Přezkum po pokusu o podvodnou fakturu doručenou datovou schránkou.",
            {
                "records-management": (4, 4),
                "phishing": (4, 4),
                "personal-data": (3, 4),
                "physical-security": (3, 2),
            },
        ),
    ],
    "osa-matrika": [
        (
            3,
            "Matrika a evidence obyvatel: citlivé osobní údaje a přepážka s veřejností.",
            {"personal-data": (4, 5), "physical-security": (3, 3), "phishing": (2, 3)},
        ),
    ],
    "oe-pokladna": [
        (
            1,
            "Pokladna: hotovost, platební příkazy a změny bankovních účtů dodavatelů.",
            {"payments": (4, 5), "phishing": (4, 4), "physical-security": (3, 3)},
        ),
    ],
    "oi": [
        (
            4,
            "Odbor informatiky: privilegované účty, dodavatelé a vzdálená správa.",
            {
                "privileged-it": (4, 5),
                "suppliers": (3, 4),
                "passwords-access": (3, 4),
                "mobile-remote": (3, 3),
            },
        ),
    ],
    "osv-socprace": [
        (
            6,
            "Sociální práce v terénu: osobní údaje klientů na mobilních zařízeních.",
            {"personal-data": (4, 4), "mobile-remote": (4, 3), "phishing": (2, 3)},
        ),
    ],
}

SECURITY_MANAGER_NUMBER = "10003"
PLANS_APPLIED_DAYS_AGO = 14


def seed_risk(*, users, workplaces, courses, levels, categories, stdout) -> int:
    """Create and approve the demo reviews, then apply their plans; returns new reviews.

    `levels` maps a course slug to its "required from level" (from the course data files).
    """
    _course_levels(courses, levels)
    reviewer = users[SECURITY_MANAGER_NUMBER]
    now = timezone.now()
    today = timezone.localdate(now)
    created = 0
    for code, reviews in DEMO_REVIEWS.items():
        workplace = workplaces[code]
        if RiskReview.objects.filter(workplace=workplace).exists():
            continue
        for months_ago, note, ratings in reviews:
            days_ago = datetime.timedelta(days=30 * months_ago)
            review = RiskReview.objects.create(
                workplace=workplace, review_date=today - days_ago, reviewer=reviewer, note=note
            )
            # The row is written today; the review itself was made on its review date.
            RiskReview.objects.filter(pk=review.pk).update(created_at=now - days_ago)
            RiskAssessment.objects.bulk_create(
                RiskAssessment(
                    review=review,
                    category=categories[category],
                    likelihood=likelihood,
                    impact=impact,
                )
                for category, (likelihood, impact) in ratings.items()
            )
            review_approve(review=review, approved_by=reviewer, now=now - days_ago)
            created += 1
    assigned = 0
    # Synchronously, so the demo shows the plan at once; the tasks the approvals enqueue
    # on commit find the work done (they are idempotent).
    applied_at = now - datetime.timedelta(days=PLANS_APPLIED_DAYS_AGO)
    for review in RiskReview.objects.filter(status=RiskReview.Status.APPROVED).order_by("pk"):
        new = Assignment.objects.filter(review=review, created_at__gte=now)
        assigned += plan_apply_review(
            review_id=review.pk, today=timezone.localdate(applied_at)
        ).created
        new.update(created_at=applied_at)
    stdout.write(f"Risk reviews: {created} new, plans applied ({assigned} new assignments).")
    return created


def _course_levels(courses: dict[str, CoursePage], levels: dict[str, str]) -> None:
    """The demo courses' "required from level", published as a revision like an editor would."""
    for slug, course in courses.items():
        level = levels.get(slug)
        if level is None or course.required_from_level == level:
            continue
        course.required_from_level = level
        course.save_revision().publish()
