"""What approving a draft review would do to people's training, asked of the app that applies it.

risk decides the plan but cannot see assignments (courses sits above it), so courses registers
a provider here that dry-runs its own apply code (`courses.planning.plan_preview_review`). The
approval page shows the provider's answer and the approval service compares its fingerprint
with the one the manager confirmed, so nobody approves an effect they have not seen.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    id: int
    name: str


@dataclass(frozen=True)
class CourseEffect:
    course_id: int
    title: str
    # People for whom the course becomes mandatory (new, required again, or chosen by
    # themselves and now an obligation).
    gains: tuple[Person, ...]
    # People whose open plan assignment is no longer required: it stays, as optional.
    optional: tuple[Person, ...]
    # People who keep it as it is: still required, or already completed.
    unchanged: int


@dataclass(frozen=True)
class UnratedLoss:
    """An open required course that becomes optional because the draft does not rate the
    category that required it (typically a sub-workplace's first own review)."""

    category: str
    course: str
    count: int


@dataclass(frozen=True)
class Preview:
    courses: tuple[CourseEffect, ...]
    unrated: tuple[UnratedLoss, ...]
    people: int  # everyone whose plan this review sets
    fingerprint: str

    @property
    def gains(self) -> int:
        return sum(len(c.gains) for c in self.courses)

    @property
    def optional(self) -> int:
        return sum(len(c.optional) for c in self.courses)


PreviewProvider = Callable[[int], Preview]
_provider: PreviewProvider | None = None


def register_preview_provider(provider: PreviewProvider) -> PreviewProvider:
    global _provider
    _provider = provider
    return provider


def review_preview(review_id: int) -> Preview | None:
    """The effect of approving the draft now; None when no app applies plans."""
    return _provider(review_id) if _provider is not None else None
