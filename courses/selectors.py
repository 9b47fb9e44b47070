"""The read side of courses: what an employee's pages show, in a fixed number of queries."""

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone

from . import caching, completion
from .models import STEPLEN, Assignment, CoursePage, LessonPage, LessonProgress


def lessons_by_course(
    courses: Sequence[CoursePage], *, model=LessonPage, fields=("estimated_minutes",)
) -> dict[int, list]:
    """Live lessons of each course in tree order: one query, remembered until content changes.

    `model` is the lesson page type (other apps' lessons, such as SCORM, use it too) and
    `fields` what they need of it besides the page's own. The same for every employee, so
    it is kept in the cache until a page is saved, published, moved or deleted.
    """
    by_path = {c.path: c.pk for c in courses}
    result: dict[int, list] = {c.pk: [] for c in courses}
    if not by_path:
        return result
    digest = hashlib.sha256(
        "|".join([model._meta.label, *fields, *sorted(by_path)]).encode()
    ).hexdigest()[:32]
    key = f"lessons:{digest}"
    by_parent, seen = caching.lookup(caching.CONTENT, key)
    if by_parent is None:
        by_parent = defaultdict(list)
        for lesson in (
            model.objects.live()
            .annotate(parent_path=Substr("path", 1, Length("path") - STEPLEN))
            .filter(parent_path__in=list(by_path))
            .only("id", "title", "path", "url_path", "depth", "slug", "live", *fields)
            .order_by("path")
        ):
            by_parent[lesson.parent_path].append(lesson)
        by_parent = dict(by_parent)
        caching.put(caching.CONTENT, key, by_parent, seen_token=seen)
    for path, lessons in by_parent.items():
        result[by_path[path]] = list(lessons)
    return result


def _done_lessons(assignment_ids: Sequence[int]) -> dict[int, set]:
    """Lessons recorded per assignment: read once per completion.steps_for call."""
    known = completion.remembered("lesson_progress", dict)
    missing = [pk for pk in assignment_ids if pk not in known]
    if missing:
        for pk in missing:
            known[pk] = set()
        for assignment_id, lesson_id in LessonProgress.objects.filter(
            assignment__in=missing
        ).values_list("assignment_id", "lesson_id"):
            known[assignment_id].add(lesson_id)
    return {pk: known[pk] for pk in assignment_ids}


@completion.register_step_provider
def lesson_steps(assignments: Sequence[Assignment], request=None) -> dict[int, list]:
    """One step per live lesson of the course; done when recorded for this assignment."""
    lessons = lessons_by_course(list({a.course_id: a.course for a in assignments}.values()))
    done = _done_lessons([a.pk for a in assignments])
    return {
        a.pk: [
            completion.Step(
                key=f"lesson:{lesson.pk}",
                label=lesson.title,
                done=lesson.pk in done[a.pk],
                url=lesson.get_url(request),
            )
            for lesson in lessons[a.course_id]
        ]
        for a in assignments
    }


def lessons_left_first(assignments: Sequence[Assignment]) -> dict[int, int]:
    """Lessons still to do per assignment where the course puts lessons before its quiz.

    0 for courses that let the quiz be taken at any time. Two queries for any number, plus
    those of each lesson provider (a SCORM lesson is a lesson too).
    """
    ordered = [a for a in assignments if a.course.lessons_first]
    result = {a.pk: 0 for a in assignments}
    if not ordered:
        return result
    lessons = lessons_by_course(list({a.course_id: a.course for a in ordered}.values()))
    done = _done_lessons([a.pk for a in ordered])
    for a in ordered:
        result[a.pk] = sum(1 for lesson in lessons[a.course_id] if lesson.pk not in done[a.pk])
    # Lessons of other kinds (a SCORM lesson) count as lessons too.
    for provider in completion.lesson_providers():
        for pk, steps in completion.provider_steps(provider, ordered).items():
            result[pk] += sum(1 for step in steps if not step.done)
    return result


@dataclass
class TrainingRow:
    """One course on "My training": its current assignment and progress."""

    course: CoursePage
    assignment: Assignment | None
    steps: list[completion.Step] = field(default_factory=list)

    @property
    def progress(self) -> completion.Progress:
        return completion.summarize(self.steps)

    @property
    def status(self) -> str:
        a = self.assignment
        if a is None:
            return "optional"
        if a.status == Assignment.Status.COMPLETED:
            late = a.due_date and a.completed_at and timezone.localdate(a.completed_at) > a.due_date
            return "completed_late" if late else "completed"
        if a.status == Assignment.Status.NOT_REQUIRED:
            return "not_required"
        if any(s.stuck for s in self.steps):
            return "failed_waiting"
        if a.is_overdue():
            return "overdue"
        return "in_progress" if self.progress.started else "not_started"

    @property
    def days_left(self) -> int | None:
        if self.assignment is None or self.assignment.due_date is None:
            return None
        return (self.assignment.due_date - timezone.localdate()).days

    @property
    def days_overdue(self) -> int:
        days = self.days_left
        return -days if days is not None and days < 0 else 0

    @property
    def resume_url(self) -> str | None:
        step = completion.first_open_step(self.steps)
        return step.url if step and not step.locked else None

    @property
    def cache_key(self) -> str:
        """Everything the card shows, digested: the cached card changes with any of it.

        The course's published revision, the assignment's state, every step (done, locked,
        stuck, score: the employee's progress) and the day-dependent status.
        """
        a = self.assignment
        parts = [
            self.course.pk,
            self.course.live_revision_id,
            self.course.url_path,
            self.status,
            self.days_left,
            *(
                (a.pk, a.status, a.due_date, a.completed_at, a.score, a.is_open)
                if a is not None
                else ()
            ),
            *((s.key, s.label, s.done, s.url, s.score, s.locked, s.stuck) for s in self.steps),
        ]
        return hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass
class MyTraining:
    assigned: list[TrainingRow]
    completed: list[TrainingRow]
    optional: list[TrainingRow]


def _current_first():
    # Open assignments win over history; among the rest the newest counts.
    return [
        Case(
            When(status=Assignment.Status.ASSIGNED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        "-created_at",
        "-id",
    ]


def my_training(*, user, request=None) -> MyTraining:
    """The employee's courses: assigned ones by due date, completed, then optional ones."""
    current: dict[int, Assignment] = {}
    for assignment in (
        Assignment.objects.filter(user=user)
        .exclude(status=Assignment.Status.NOT_REQUIRED)
        .select_related("course")
        .order_by(*_current_first())
    ):
        current.setdefault(assignment.course_id, assignment)
    assignments = list(current.values())
    steps = completion.steps_for(assignments, request)
    rows = [TrainingRow(a.course, a, steps[a.pk]) for a in assignments]

    assigned = [r for r in rows if r.assignment.is_open]
    assigned.sort(
        key=lambda r: (r.assignment.due_date is None, r.assignment.due_date or 0, r.course.title)
    )
    completed = [r for r in rows if not r.assignment.is_open]
    completed.sort(key=lambda r: r.assignment.completed_at, reverse=True)

    optional_courses = CoursePage.objects.live().exclude(pk__in=current).order_by("title")
    if not getattr(user, "is_management", False):
        optional_courses = optional_courses.exclude(audience=CoursePage.Audience.MANAGEMENT)
    lessons = lessons_by_course(list(optional_courses))
    optional = [
        TrainingRow(c, None, _unstarted_steps(lessons[c.pk], request)) for c in optional_courses
    ]
    return MyTraining(assigned=assigned, completed=completed, optional=optional)


def _unstarted_steps(lessons: Sequence[LessonPage], request) -> list[completion.Step]:
    return [
        completion.Step(key=f"lesson:{x.pk}", label=x.title, done=False, url=x.get_url(request))
        for x in lessons
    ]


def current_assignment(*, user, course: CoursePage) -> Assignment | None:
    if not user.is_authenticated:
        return None
    return (
        Assignment.objects.filter(user=user, course=course)
        .exclude(status=Assignment.Status.NOT_REQUIRED)
        .select_related("course")
        .order_by(*_current_first())
        .first()
    )


def course_detail(*, user, course: CoursePage, request=None) -> TrainingRow:
    assignment = current_assignment(user=user, course=course)
    if assignment is None:
        lessons = lessons_by_course([course])[course.pk]
        return TrainingRow(course, None, _unstarted_steps(lessons, request))
    return TrainingRow(
        course, assignment, completion.steps_for([assignment], request)[assignment.pk]
    )


@dataclass
class LessonDetail:
    course: CoursePage
    row: TrainingRow
    lesson_step: completion.Step | None
    position: int
    count: int
    previous_url: str | None
    next_url: str | None
    mark_done_url: str | None


def course_of(lesson) -> CoursePage:
    """The lesson's course: the one the router walked through, else by tree path (cached with
    the content, like the lesson lists)."""
    path = lesson.path[:-STEPLEN]
    course, seen = caching.lookup(caching.CONTENT, f"course:{path}")
    if course is None:
        # The router's walk, when it walked, brought the course along.
        parent = getattr(lesson, "_cached_parent_obj", None)
        course = parent if isinstance(parent, CoursePage) else CoursePage.objects.get(path=path)
        caching.put(caching.CONTENT, f"course:{path}", course, seen_token=seen)
    return course


def lesson_detail(*, user, lesson: LessonPage, request=None) -> LessonDetail:
    course = course_of(lesson)
    row = course_detail(user=user, course=course, request=request)
    lesson_steps_only = [s for s in row.steps if s.key.startswith("lesson:")]
    key = f"lesson:{lesson.pk}"
    index = next((i for i, s in enumerate(lesson_steps_only) if s.key == key), 0)
    previous_step = lesson_steps_only[index - 1] if index > 0 else None
    next_step = lesson_steps_only[index + 1] if index + 1 < len(lesson_steps_only) else None
    mark_done_url = None
    if row.assignment is not None and row.assignment.is_open:
        mark_done_url = reverse(
            "courses:lesson_done",
            kwargs={"assignment_id": row.assignment.pk, "lesson_id": lesson.pk},
        )
    return LessonDetail(
        course=course,
        row=row,
        lesson_step=lesson_steps_only[index] if lesson_steps_only else None,
        position=index + 1,
        count=len(lesson_steps_only),
        previous_url=previous_step.url if previous_step else None,
        next_url=next_step.url if next_step else None,
        mark_done_url=mark_done_url,
    )


# --- Knowledge checks inside lessons (ungraded) ---------------------------------------------


@dataclass
class KnowledgeCheckFeedback:
    """What the employee last answered in one knowledge check, and what it means."""

    chosen: list[int]
    correct: bool
    feedback: list[str]  # the chosen answers' feedback, in the block's order


def knowledge_check_feedback(value, chosen: Sequence[int]) -> KnowledgeCheckFeedback:
    """Pure: right means exactly the right answers chosen; feedback of each chosen one."""
    choices = list(value["choices"])
    right = {i for i, choice in enumerate(choices) if choice["correct"]}
    picked = sorted(set(chosen))
    return KnowledgeCheckFeedback(
        chosen=picked,
        correct=set(picked) == right,
        feedback=[choices[i]["feedback"] for i in picked if choices[i]["feedback"]],
    )


def knowledge_check_blocks(*, user, lesson) -> list[tuple]:
    """The lesson's blocks with the employee's last answer to each knowledge check: 1 query."""
    from .models import KnowledgeCheckAnswer

    checks = {block.id: block for block in lesson.body if block.block_type == "knowledge_check"}
    last: dict[str, KnowledgeCheckAnswer] = {}
    if checks and user.is_authenticated:
        for answer in KnowledgeCheckAnswer.objects.filter(
            user=user, lesson=lesson, block_id__in=list(checks)
        ).order_by("answered_at", "pk"):
            last[answer.block_id] = answer
    return [
        (
            block,
            knowledge_check_feedback(block.value, last[block.id].choices)
            if block.id in last
            else None,
        )
        for block in lesson.body
    ]
