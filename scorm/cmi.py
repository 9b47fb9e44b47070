"""The CMI data model rules: which committed elements we keep, their summary, and the resume data.

Pure functions over scorm-again's flattened commits (`{"cmi.location": "3", ...}`). Only the
elements a SCO may write are kept; what the LMS itself sets (learner id and name, entry,
credit, passing score) is dropped from a commit and supplied again at each launch.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .packages import VERSION_12

# A commit larger than this is refused: SCORM 2004's suspend_data holds 64 000 characters, and
# a few hundred interactions fit besides.
MAX_COMMIT_BYTES = 512 * 1024
MAX_VALUE_CHARS = 64_000
MAX_ELEMENTS = 5000

_N = r"\d{1,4}"
WRITABLE_2004 = re.compile(
    r"^cmi\.("
    r"completion_status|success_status|score\.(raw|min|max|scaled)|suspend_data|location"
    r"|session_time|total_time|exit|progress_measure"
    rf"|interactions\.{_N}\.[a-z_]+(\.{_N}\.[a-z_]+)?"
    rf"|objectives\.{_N}\.[a-z_]+(\.(raw|min|max|scaled))?"
    r"|learner_preference\.[a-z_]+"
    rf"|comments_from_learner\.{_N}\.[a-z_]+"
    r")$"
    rf"|^adl\.data\.{_N}\.[a-z_]+$"
)
WRITABLE_12 = re.compile(
    r"^cmi\.("
    r"core\.(lesson_status|score\.(raw|min|max)|lesson_location|session_time|total_time|exit)"
    r"|suspend_data|comments"
    rf"|interactions\.{_N}\.[a-z_]+(\.{_N}\.[a-z_]+)?"
    rf"|objectives\.{_N}\.[a-z_]+(\.(raw|min|max))?"
    r"|student_preference\.[a-z_]+"
    r")$"
)
# Write-only elements: kept for the record, never handed back to the SCO.
WRITE_ONLY = {"cmi.session_time", "cmi.exit", "cmi.core.session_time", "cmi.core.exit"}

COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_2004 = {"passed", "failed", "unknown"}
LESSON_STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}


class CommitError(ValueError):
    """The commit is refused; nothing is stored."""


@dataclass(frozen=True)
class Summary:
    completion_status: str
    success_status: str
    score_raw: Decimal | None
    score_scaled: Decimal | None
    suspend_data: str
    location: str
    total_time: str | None  # None: the commit did not include it (only terminate commits do)
    exit: str


def clean_commit(data, version: str) -> dict[str, str]:
    """The writable elements of a flattened commit, values as strings; CommitError when bad."""
    if not isinstance(data, dict):
        raise CommitError("not an object")
    if len(data) > MAX_ELEMENTS:
        raise CommitError("too many elements")
    pattern = WRITABLE_12 if version == VERSION_12 else WRITABLE_2004
    result = {}
    for key, value in data.items():
        if not isinstance(key, str) or not pattern.match(key):
            continue  # read-only elements (set by the LMS) and scorm-again's own counters
        if value is None:
            value = ""
        if isinstance(value, bool):
            value = "true" if value else "false"
        if not isinstance(value, str | int | float):
            raise CommitError(f"{key}: not a value")
        value = str(value)
        if len(value) > MAX_VALUE_CHARS:
            raise CommitError(f"{key}: too long")
        result[key] = value
    return result


def _decimal(value: str | None) -> Decimal | None:
    try:
        number = Decimal(value) if value not in (None, "") else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() else None


def summarize(
    cmi: dict[str, str],
    version: str,
    *,
    scaled_passing_score: Decimal | None = None,
    mastery_score: Decimal | None = None,
) -> Summary:
    """Completion, success and score of an attempt's CMI data, in SCORM 2004 terms for both."""
    if version == VERSION_12:
        status = cmi.get("cmi.core.lesson_status", "")
        status = status if status in LESSON_STATUS_12 else ""
        raw = _decimal(cmi.get("cmi.core.score.raw"))
        low = _decimal(cmi.get("cmi.core.score.min")) or Decimal(0)
        high = _decimal(cmi.get("cmi.core.score.max")) or Decimal(100)
        scaled = None
        if raw is not None and high > low:
            scaled = max(Decimal(-1), min(Decimal(1), (raw - low) / (high - low)))
        completion = {
            "passed": "completed",
            "completed": "completed",
            "failed": "completed",
            "incomplete": "incomplete",
            "browsed": "incomplete",
            "not attempted": "not attempted",
        }.get(status, "unknown")
        success = {"passed": "passed", "failed": "failed"}.get(status, "unknown")
        if mastery_score is not None and raw is not None and status in ("completed", ""):
            success = "passed" if raw >= mastery_score else "failed"
        return Summary(
            completion_status=completion,
            success_status=success,
            score_raw=raw,
            score_scaled=scaled,
            suspend_data=cmi.get("cmi.suspend_data", ""),
            location=cmi.get("cmi.core.lesson_location", ""),
            total_time=cmi.get("cmi.core.total_time"),
            exit=cmi.get("cmi.core.exit", ""),
        )
    completion = cmi.get("cmi.completion_status", "")
    success = cmi.get("cmi.success_status", "")
    scaled = _decimal(cmi.get("cmi.score.scaled"))
    if scaled is not None and not (-1 <= scaled <= 1):
        scaled = None
    # SCORM 2004 RTE 4.2.22: with a passing score in the manifest, the LMS decides success.
    if scaled_passing_score is not None and scaled is not None:
        success = "passed" if scaled >= scaled_passing_score else "failed"
    return Summary(
        completion_status=completion if completion in COMPLETION_2004 else "unknown",
        success_status=success if success in SUCCESS_2004 else "unknown",
        score_raw=_decimal(cmi.get("cmi.score.raw")),
        score_scaled=scaled,
        suspend_data=cmi.get("cmi.suspend_data", ""),
        location=cmi.get("cmi.location", ""),
        total_time=cmi.get("cmi.total_time"),
        exit=cmi.get("cmi.exit", ""),
    )


def _plain(number: Decimal) -> str:
    # Positional, never "8E+1": str(Decimal("80.00").normalize()) is "8E+1", which scorm-again
    # refuses as a CMIDecimal, and the refusal stopped the player before the SCO started.
    return format(number.normalize(), "f")


def launch_data(
    cmi: dict[str, str],
    version: str,
    *,
    learner_id: str,
    learner_name: str,
    entry: str,
    scaled_passing_score: Decimal | None = None,
    mastery_score: Decimal | None = None,
    sco_launch_data: str = "",
) -> dict[str, str]:
    """What the player loads into scorm-again before the SCO starts: saved data plus the LMS's.

    `entry` is "ab-initio" for a new attempt, "resume" after a suspend, "" otherwise.
    """
    saved = {k: v for k, v in cmi.items() if k not in WRITE_ONLY}
    if version == VERSION_12:
        lms = {
            "cmi.core.student_id": learner_id,
            "cmi.core.student_name": learner_name,
            "cmi.core.entry": entry,
            "cmi.core.credit": "credit",
            "cmi.launch_data": sco_launch_data,
        }
        if mastery_score is not None:
            lms["cmi.student_data.mastery_score"] = _plain(mastery_score)
    else:
        lms = {
            "cmi.learner_id": learner_id,
            "cmi.learner_name": learner_name,
            "cmi.entry": entry,
            "cmi.credit": "credit",
            "cmi.launch_data": sco_launch_data,
        }
        if scaled_passing_score is not None:
            lms["cmi.scaled_passing_score"] = _plain(scaled_passing_score)
    return {**saved, **{k: v for k, v in lms.items() if v != ""}}
