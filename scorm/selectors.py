"""The read side of SCORM: the lesson step of course completion and the player's launch data."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from courses import completion
from courses.models import Assignment, CoursePage
from courses.selectors import current_assignment
from courses.selectors import lessons_by_course as course_lessons

from . import cmi as cmi_rules
from .models import Sco, ScormAttempt, ScormLessonPage
from .services import current_attempt


def lessons_by_course(courses: Sequence[CoursePage]) -> dict[int, list[ScormLessonPage]]:
    """Live SCORM lessons of each course in tree order, in one query."""
    return course_lessons(courses, model=ScormLessonPage, fields=("package_id",))


def _sco_counts(package_ids) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for package_id in Sco.objects.filter(package_id__in=package_ids).values_list(
        "package_id", flat=True
    ):
        counts[package_id] += 1
    return counts


@completion.register_lesson_provider
def scorm_steps(assignments: Sequence[Assignment], request=None) -> dict[int, list]:
    """One step per live SCORM lesson: done when every SCO's attempt for this assignment is.

    The step's score is the lesson's SCORM score (the mean of its SCOs' scaled scores, in %).
    Three queries whatever the number of assignments.
    """
    lessons = lessons_by_course(list({a.course_id: a.course for a in assignments}.values()))
    all_lessons = [lesson for group in lessons.values() for lesson in group]
    if not all_lessons:
        return {}
    sco_count = _sco_counts({lesson.package_id for lesson in all_lessons})
    # (assignment, lesson) -> {sco: best attempt}: done beats not done, then the later one.
    best: dict[tuple[int, int], dict[int, ScormAttempt]] = defaultdict(dict)
    for attempt in (
        ScormAttempt.objects.filter(
            assignment_id__in=[a.pk for a in assignments],
            lesson_id__in=[lesson.pk for lesson in all_lessons],
        )
        .select_related("sco")
        .only(
            "assignment_id",
            "lesson_id",
            "sco__scaled_passing_score",
            "sco__mastery_score",
            "number",
            "completion_status",
            "success_status",
            "score_raw",
            "score_scaled",
        )
        .order_by("number")
    ):
        per_sco = best[(attempt.assignment_id, attempt.lesson_id)]
        held = per_sco.get(attempt.sco_id)
        if held is None or attempt.done or not held.done:
            per_sco[attempt.sco_id] = attempt
    steps: dict[int, list] = {}
    for a in assignments:
        result = []
        for lesson in lessons[a.course_id]:
            attempts = list(best[(a.pk, lesson.pk)].values())
            done = len([x for x in attempts if x.done]) >= sco_count[lesson.package_id] > 0
            scores = [x.score_percent for x in attempts if x.score_percent is not None]
            result.append(
                completion.Step(
                    key=f"scorm:{lesson.pk}",
                    label=lesson.title,
                    done=done,
                    url=lesson.get_url(request),
                    score=(sum(scores) / len(scores)).quantize(Decimal("0.01"))
                    if scores and done
                    else None,
                )
            )
        if result:
            steps[a.pk] = result
    return steps


@dataclass
class ScoRow:
    sco: Sco
    done: bool
    url: str
    current: bool


@dataclass
class Player:
    lesson: ScormLessonPage
    sco: Sco | None
    scos: list[ScoRow]
    assignment: Assignment | None
    content_url: str
    commit_url: str
    initial: dict[str, str]
    version: str
    next_url: str | None
    attempt: ScormAttempt | None


def content_url(package_id: int, launch: str) -> str:
    """The SCO's launch file under the content view, its query (item parameters) kept."""
    path, sep, rest = launch.partition("?") if "?" in launch else launch.partition("#")
    base = reverse("scorm:content", kwargs={"package_id": package_id, "path": path})
    return base + (("?" if "?" in launch else "#") + rest if sep else "")


def player(*, user, lesson: ScormLessonPage, sco_position=None) -> Player:
    """What the player page needs: the SCO to play (asked for, or the first not done)."""
    course = lesson.get_parent().specific
    assignment = current_assignment(user=user, course=course)
    scos = list(lesson.package.scos.order_by("position"))
    done_ids = {
        a.sco_id
        for a in ScormAttempt.objects.filter(user=user, lesson=lesson, assignment=assignment)
        .select_related("sco")
        .only(
            "sco__scaled_passing_score", "sco__mastery_score", "completion_status", "success_status"
        )
        if a.done
    }
    chosen = None
    if sco_position is not None and str(sco_position).isdigit():
        chosen = next((s for s in scos if s.position == int(sco_position)), None)
    if chosen is None:
        chosen = next((s for s in scos if s.pk not in done_ids), scos[0])
    rows = [
        ScoRow(
            sco=s, done=s.pk in done_ids, url=f"{lesson.url}?sco={s.position}", current=s == chosen
        )
        for s in scos
    ]
    index = scos.index(chosen)
    attempt = current_attempt(user=user, lesson=lesson, sco=chosen, assignment=assignment)
    version = lesson.package.version
    initial = cmi_rules.launch_data(
        attempt.cmi if attempt else {},
        version,
        learner_id=str(user.pk),
        learner_name=_learner_name(user),
        entry=("resume" if attempt.exit == "suspend" else "") if attempt else "ab-initio",
        scaled_passing_score=chosen.scaled_passing_score,
        mastery_score=chosen.mastery_score,
        sco_launch_data=chosen.launch_data,
    )
    return Player(
        lesson=lesson,
        sco=chosen,
        scos=rows,
        assignment=assignment,
        content_url=content_url(lesson.package_id, chosen.launch),
        commit_url=reverse("scorm:commit", kwargs={"lesson_id": lesson.pk, "sco_id": chosen.pk}),
        initial=initial,
        version=version,
        next_url=rows[index + 1].url if index + 1 < len(rows) else None,
        attempt=attempt,
    )


def _learner_name(user) -> str:
    # SCORM's learner_name is "Last, First".
    last, first = getattr(user, "last_name", ""), getattr(user, "first_name", "")
    return ", ".join(part for part in (last, first) if part) or user.get_username()
