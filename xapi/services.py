"""Statements derived from what the database records, and the outbox that forwards them.

`statements_collect` finds learning events without a statement (by the statement's unique
key) and records one for each, so no event is missed even when a task or a message is lost:
the next run derives it again. `statements_forward` sends unsent statements to the LRS in
batches; an LRS keeps one statement per id (xAPI 1.0.3, 2.1.2), so a batch resent after a
timeout or a killed worker is stored there once: exactly once end to end.
"""

import base64
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from courses.models import Assignment, KnowledgeCheckAnswer, LessonProgress
from quizzes.models import Attempt, AttemptQuestion
from scorm.models import ScormAttempt

from . import statements
from .models import Statement

logger = logging.getLogger(__name__)
CHUNK = 500
SCORM_VERDICTS = ("passed", "failed")
BATCH = 100
TIMEOUT = 10


def _missing(prefix: str, suffix: str):
    key = Concat(Value(prefix), Cast(OuterRef("pk"), CharField()), Value(suffix))
    return ~Exists(Statement.objects.filter(key=key))


def _base() -> dict:
    return {
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "platform": getattr(settings, "WAGTAIL_SITE_NAME", "elearning"),
    }


def _new(key: str, user_id: int, verb: str, **fields) -> Statement:
    row = Statement(key=key, user_id=user_id, verb=verb)
    row.statement = statements.build(statement_id=row.id, user_id=user_id, verb=verb, **fields)
    return row


def _events():
    """Each kind of event: its candidates (no statement yet) and how to make its statements."""
    base = _base()

    def launched(attempt):
        yield _new(
            f"attempt:{attempt.pk}:launched",
            attempt.user_id,
            "launched",
            activity_type="assessment",
            activity_path=f"/xapi/quiz/{attempt.quiz_id}",
            activity_name=attempt.quiz.course.title,
            timestamp=attempt.started_at,
            assignment_id=attempt.assignment_id,
            parent_path=f"/xapi/course/{attempt.quiz.course_id}",
            **base,
        )

    def result(attempt):
        yield _new(
            f"attempt:{attempt.pk}:result",
            attempt.user_id,
            "passed" if attempt.passed else "failed",
            activity_type="assessment",
            activity_path=f"/xapi/quiz/{attempt.quiz_id}",
            activity_name=attempt.quiz.course.title,
            timestamp=attempt.submitted_at,
            assignment_id=attempt.assignment_id,
            parent_path=f"/xapi/course/{attempt.quiz.course_id}",
            score_percent=attempt.score,
            success=bool(attempt.passed),
            completion=True,
            **base,
        )

    def answered(item):
        selected = getattr(getattr(item, "response", None), "selected", None) or []
        yield _new(
            f"item:{item.pk}:answered",
            item.attempt.user_id,
            "answered",
            activity_type="question",
            activity_path=f"/xapi/question/{item.question_id}",
            activity_name=item.question.name,
            timestamp=item.attempt.submitted_at,
            assignment_id=item.attempt.assignment_id,
            parent_path=f"/xapi/quiz/{item.attempt.quiz_id}",
            success=item.points is not None and item.points > 0,
            response="[,]".join(str(choice) for choice in selected),
            **base,
        )

    def lesson(progress):
        yield _new(
            f"lesson:{progress.pk}:completed",
            progress.assignment.user_id,
            "completed",
            activity_type="lesson",
            activity_path=f"/xapi/lesson/{progress.lesson_id}",
            activity_name=progress.lesson.title,
            timestamp=progress.completed_at,
            assignment_id=progress.assignment_id,
            parent_path=f"/xapi/course/{progress.assignment.course_id}",
            completion=True,
            **base,
        )

    def course(assignment):
        yield _new(
            f"assignment:{assignment.pk}:completed",
            assignment.user_id,
            "completed",
            activity_type="course",
            activity_path=f"/xapi/course/{assignment.course_id}",
            activity_name=assignment.course.title,
            timestamp=assignment.completed_at,
            assignment_id=assignment.pk,
            score_percent=assignment.score,
            completion=True,
            **base,
        )

    def scorm_launched(attempt):
        yield _new(
            f"scorm:{attempt.pk}:launched",
            attempt.user_id,
            "launched",
            activity_type="lesson",
            activity_path=f"/xapi/scorm/{attempt.sco_id}",
            activity_name=attempt.sco.title,
            timestamp=attempt.started_at,
            assignment_id=attempt.assignment_id,
            parent_path=f"/xapi/lesson/{attempt.lesson_id}",
            **base,
        )

    def scorm_outcome(verb):
        def make(attempt):
            # Completion and, where the package reports one, passed or failed: one each.
            scaled = attempt.score_scaled
            yield _new(
                f"scorm:{attempt.pk}:{verb or attempt.success_status}",
                attempt.user_id,
                verb or attempt.success_status,
                activity_type="lesson",
                activity_path=f"/xapi/scorm/{attempt.sco_id}",
                activity_name=attempt.sco.title,
                timestamp=attempt.updated_at,
                assignment_id=attempt.assignment_id,
                parent_path=f"/xapi/lesson/{attempt.lesson_id}",
                score_percent=None if scaled is None else scaled * 100,
                success=None if verb else attempt.success_status == "passed",
                completion=attempt.completion_status == "completed",
                **base,
            )

        return make

    def knowledge_check(answer):
        yield _new(
            f"check:{answer.pk}:answered",
            answer.user_id,
            "answered",
            activity_type="question",
            activity_path=f"/xapi/lesson/{answer.lesson_id}/check/{answer.block_id}",
            activity_name=answer.lesson.title,
            timestamp=answer.answered_at,
            parent_path=f"/xapi/lesson/{answer.lesson_id}",
            success=answer.correct,
            response="[,]".join(str(choice) for choice in answer.choices),
            **base,
        )

    submitted = Attempt.objects.filter(submitted_at__isnull=False, passed__isnull=False)
    verdict_key = Concat(
        Value("scorm:"), Cast(OuterRef("pk"), CharField()), Value(":"), OuterRef("success_status")
    )
    return [
        (
            ScormAttempt.objects.filter(_missing("scorm:", ":launched")).select_related("sco"),
            scorm_launched,
        ),
        (
            ScormAttempt.objects.filter(completion_status="completed")
            .filter(_missing("scorm:", ":completed"))
            .select_related("sco"),
            scorm_outcome("completed"),
        ),
        (
            ScormAttempt.objects.filter(success_status__in=SCORM_VERDICTS)
            .filter(~Exists(Statement.objects.filter(key=verdict_key)))
            .select_related("sco"),
            scorm_outcome(None),
        ),
        (
            KnowledgeCheckAnswer.objects.filter(_missing("check:", ":answered")).select_related(
                "lesson"
            ),
            knowledge_check,
        ),
        (
            Attempt.objects.filter(_missing("attempt:", ":launched")).select_related(
                "quiz__course"
            ),
            launched,
        ),
        (submitted.filter(_missing("attempt:", ":result")).select_related("quiz__course"), result),
        (
            AttemptQuestion.objects.filter(
                attempt__submitted_at__isnull=False, attempt__passed__isnull=False
            )
            .filter(_missing("item:", ":answered"))
            .select_related("attempt", "question", "response"),
            answered,
        ),
        (
            LessonProgress.objects.filter(_missing("lesson:", ":completed")).select_related(
                "assignment", "lesson"
            ),
            lesson,
        ),
        (
            Assignment.objects.filter(
                status=Assignment.Status.COMPLETED, completed_at__isnull=False
            )
            .filter(_missing("assignment:", ":completed"))
            .select_related("course"),
            course,
        ),
    ]


def statements_collect() -> dict[str, int]:
    """Record a statement for every event that has none yet, in chunks; safe to run twice."""
    recorded = 0
    for candidates, make in _events():
        while True:
            chunk = list(candidates.order_by("pk")[:CHUNK])
            if not chunk:
                break
            rows = [row for event in chunk for row in make(event)]
            with transaction.atomic():
                # Another run may have recorded some of these meanwhile: their keys win.
                created = Statement.objects.bulk_create(rows, ignore_conflicts=True)
            recorded += len(created)
            if len(chunk) < CHUNK:
                break
    return {"recorded": recorded}


def _request(method: str, url: str, body) -> int:
    request = urllib.request.Request(  # noqa: S310 (the operator's LRS URL, http or https)
        url, data=json.dumps(body).encode(), method=method
    )
    request.add_header("Content-Type", "application/json")
    request.add_header("X-Experience-API-Version", statements.VERSION)
    credentials = f"{settings.XAPI_LRS_USERNAME}:{settings.XAPI_LRS_PASSWORD}".encode()
    request.add_header("Authorization", "Basic " + base64.b64encode(credentials).decode())
    try:
        # nosec B310: the operator's own LRS URL from the environment (http or https).
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310  # nosec B310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _deliver(batch: list[Statement]) -> None:
    """Send one batch; raises OSError (or RuntimeError for a refusal) when it did not land."""
    url = settings.XAPI_LRS_URL.rstrip("/") + "/statements"
    status = _request("POST", url, [row.statement for row in batch])
    if status in (200, 204):
        return
    if status != 409:
        raise RuntimeError(f"LRS answered {status}")
    # 409: some ids are there already (an earlier try that timed out after the LRS stored
    # it). One by one with PUT: 204 stored, 409 already stored with other content.
    for row in batch:
        status = _request("PUT", f"{url}?statementId={row.pk}", row.statement)
        if status not in (204, 409):
            raise RuntimeError(f"LRS answered {status} for {row.pk}")


def statements_forward(*, batches: int = 50) -> dict[str, int]:
    """Forward unsent statements to the LRS (XAPI_LRS_URL); without one they stay here.

    No lock is held while the LRS answers: two workers sending the same batch, or a batch
    resent after a timeout, are stored once by the LRS, which keeps one statement per id.
    """
    counts = {"sent": 0, "failed": 0}
    if not settings.XAPI_LRS_URL:
        return counts
    for _ in range(batches):
        unsent = Statement.objects.filter(sent_at__isnull=True).order_by("stored_at", "pk")
        batch = list(unsent[:BATCH])
        if not batch:
            break
        try:
            _deliver(batch)
        except (OSError, RuntimeError) as error:
            logger.warning("xAPI: %d statements not forwarded: %s", len(batch), error)
            for row in batch:
                row.tries += 1
                row.last_error = str(error)[:500]
            Statement.objects.bulk_update(batch, ["tries", "last_error"])
            counts["failed"] += len(batch)
            break
        Statement.objects.filter(pk__in=[row.pk for row in batch]).update(
            sent_at=timezone.now(), last_error=""
        )
        counts["sent"] += len(batch)
    return counts
