"""What completes an assignment: the steps every registered provider reports (lessons here).

Completion is "every step done". Apps higher up (quizzes) register their own provider in
`AppConfig.ready()`, so a course with a quiz needs it passed without this module changing.
Providers work on a batch of assignments so a page's query count does not grow with them.
"""

import contextvars
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    done: bool
    url: str | None = None
    # A graded step (a quiz) reports the score that counts for the assignment.
    score: Decimal | None = None
    # Why the step cannot be taken yet (e.g. the quiz waits for the lessons), shown instead
    # of a link; None when it is open.
    locked: str | None = None
    # A step that cannot be finished without someone else's help (a quiz whose attempts are
    # used up): the card says so instead of "not started".
    stuck: bool = False


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    score: Decimal | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def started(self) -> bool:
        return self.done > 0


StepProvider = Callable[[Sequence, object], dict[int, list[Step]]]
_providers: list[StepProvider] = []
# Providers of lessons of other kinds (SCORM): a course that puts its lessons before the quiz
# waits for these steps too.
_lesson_providers: list[StepProvider] = []


def register_step_provider(provider: StepProvider) -> StepProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def register_lesson_provider(provider: StepProvider) -> StepProvider:
    """A step provider whose steps are lessons (see courses.selectors.lessons_left_first)."""
    register_step_provider(provider)
    if provider not in _lesson_providers:
        _lesson_providers.append(provider)
    return provider


def lesson_providers() -> list[StepProvider]:
    return list(_lesson_providers)


# What one steps_for call has already read, so a provider that needs another one's answer
# (the quiz asks how many lessons are left) does not read it again.
_batch: contextvars.ContextVar[dict | None] = contextvars.ContextVar("steps_batch", default=None)


def remembered(key, compute: Callable):
    """compute() once per steps_for call (every time outside one)."""
    memo = _batch.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def provider_steps(provider: StepProvider, assignments: Sequence, request=None):
    """A provider's steps for these assignments, read once per steps_for call."""
    return remembered(
        ("steps", provider, tuple(a.pk for a in assignments)),
        lambda: provider(assignments, request),
    )


def steps_for(assignments: Sequence, request=None) -> dict[int, list[Step]]:
    """Steps of each assignment, keyed by assignment id, in provider order."""
    result: dict[int, list[Step]] = {a.pk: [] for a in assignments}
    if not assignments:
        return result
    reset = _batch.set({}) if _batch.get() is None else None
    try:
        for provider in _providers:
            for pk, steps in provider_steps(provider, assignments, request).items():
                result[pk].extend(steps)
    finally:
        if reset is not None:
            _batch.reset(reset)
    return result


def summarize(steps: Sequence[Step]) -> Progress:
    """Pure: count done steps; the score is the last graded step's."""
    scores = [s.score for s in steps if s.score is not None]
    return Progress(
        done=sum(1 for s in steps if s.done),
        total=len(steps),
        score=scores[-1] if scores else None,
    )


def first_open_step(steps: Sequence[Step]) -> Step | None:
    """Where the employee resumes: the first step not done yet."""
    return next((s for s in steps if not s.done), None)
