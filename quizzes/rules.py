"""When an employee may start a quiz attempt and when one is too late: pure rules, no ORM.

The service enforces them and the intro page explains them, so both call these functions.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

# A form sent in the last second still arrives: network and a slow click are not the learner's
# fault, and the JavaScript countdown submits at zero.
SUBMIT_GRACE = datetime.timedelta(seconds=30)

# When the result page may show the right answers (Quiz.reveal_answers); a learner who can
# still try again must not get the key to the next attempt.
REVEAL_NEVER = "never"
REVEAL_AFTER_PASS = "after_pass"  # noqa: S105 - a choice value, not a password
REVEAL_AFTER_LAST_ATTEMPT = "after_last_attempt"
REVEAL_AFTER_PASS_OR_LAST_ATTEMPT = "after_pass_or_last_attempt"  # noqa: S105

PASSED = "passed"
LIMIT = "limit"
WAIT = "wait"
LESSONS = "lessons"
AWAITING = "awaiting"  # an attempt's essays are still to be graded


class AttemptLike(Protocol):
    number: int
    started_at: datetime.datetime
    deadline: datetime.datetime | None
    submitted_at: datetime.datetime | None
    passed: bool | None


class QuizLike(Protocol):
    max_attempts: int | None
    wait_minutes: int
    time_limit_minutes: int | None


@dataclass(frozen=True)
class Refusal:
    """Why no new attempt may start: `code` is one of PASSED, LESSONS, LIMIT, WAIT."""

    code: str
    available_at: datetime.datetime | None = None
    params: dict = field(default_factory=dict)


def is_late(deadline: datetime.datetime | None, now: datetime.datetime) -> bool:
    """Whether a submission at `now` comes after the deadline and its grace period."""
    return deadline is not None and now > deadline + SUBMIT_GRACE


def is_open(attempt: AttemptLike, now: datetime.datetime) -> bool:
    """Not submitted and still submittable: the attempt to resume instead of starting one."""
    return attempt.submitted_at is None and not is_late(attempt.deadline, now)


def ended_at(attempt: AttemptLike) -> datetime.datetime:
    """When an attempt stopped counting as in progress: its submission or its deadline."""
    if attempt.submitted_at is not None:
        return attempt.submitted_at
    if attempt.deadline is not None:
        return attempt.deadline + SUBMIT_GRACE
    return attempt.started_at


def deadline_for(quiz: QuizLike, started_at: datetime.datetime) -> datetime.datetime | None:
    if quiz.time_limit_minutes is None:
        return None
    return started_at + datetime.timedelta(minutes=quiz.time_limit_minutes)


def attempts_allowed(quiz: QuizLike, extra: int = 0) -> int | None:
    """The quiz's attempts plus those granted on top; None when unlimited."""
    if quiz.max_attempts is None:
        return None
    return quiz.max_attempts + extra


def attempts_left(quiz: QuizLike, attempts: Sequence[AttemptLike], extra: int = 0) -> int | None:
    """None when unlimited; `extra` are the attempts granted after the quiz's own ran out."""
    allowed = attempts_allowed(quiz, extra)
    if allowed is None:
        return None
    return max(allowed - len(attempts), 0)


def is_stuck(quiz: QuizLike, attempts: Sequence[AttemptLike], extra: int = 0) -> bool:
    """Attempts used up without a pass: only a grant of extra attempts lets the course finish."""
    if any(getattr(a, "awaiting_grading", False) for a in attempts):
        return False
    return not any(a.passed for a in attempts) and attempts_left(quiz, attempts, extra) == 0


def start_refusal(
    quiz: QuizLike,
    attempts: Sequence[AttemptLike],
    now: datetime.datetime,
    *,
    extra: int = 0,
    lessons_left: int = 0,
) -> Refusal | None:
    """Why a new attempt may not start now, or None; an open attempt is resumed, not refused.

    `code` is one of PASSED, AWAITING, LESSONS, LIMIT, WAIT.

    `lessons_left` counts the lessons still to do when the course puts them first.
    """
    if any(a.passed for a in attempts):
        return Refusal(PASSED)
    # Its grade may still be a pass, and two passes of one assignment cannot be.
    if any(getattr(a, "awaiting_grading", False) for a in attempts):
        return Refusal(AWAITING)
    if lessons_left:
        return Refusal(LESSONS, params={"count": lessons_left})
    left = attempts_left(quiz, attempts, extra)
    if left == 0:
        return Refusal(LIMIT, params={"count": attempts_allowed(quiz, extra)})
    if attempts and quiz.wait_minutes:
        last = max(attempts, key=lambda a: a.number)
        available_at = ended_at(last) + datetime.timedelta(minutes=quiz.wait_minutes)
        if now < available_at:
            return Refusal(WAIT, available_at=available_at)
    return None


def answers_revealed(
    policy: str, quiz: QuizLike, attempts: Sequence[AttemptLike], now: datetime.datetime
) -> bool:
    """Whether results of the assignment's `attempts` may show the right answers now.

    "The last attempt" means none is left and none is still running: an earlier result
    page must not reveal the key while the final attempt is open in another tab.
    """
    if policy == REVEAL_NEVER:
        return False
    passed = any(a.passed for a in attempts)
    last_used = attempts_left(quiz, attempts) == 0 and not any(is_open(a, now) for a in attempts)
    if policy == REVEAL_AFTER_PASS:
        return passed
    if policy == REVEAL_AFTER_LAST_ATTEMPT:
        return last_used
    return passed or last_used
