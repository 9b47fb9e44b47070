"""Demo question banks, quizzes and a few graded attempts; the questions are GIFT data files.

Each course's questions.gift (elearning/demo/data/<course>/) goes through the product's own
importer (quizzes.services.questions_import), exactly as an editor's upload does, so the demo
files are held to the same rules as any imported file. Idempotent: the importer reports the
questions already in the bank as duplicates, and a quiz is found by its course.
Called after the demo assignments, so those marked "all lessons done" were completed before
the quiz existed and stay completed (closed assignments get no quiz step, see
quizzes.selectors.quiz_steps).
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from courses.models import Assignment, CoursePage, LessonPage, LessonProgress
from courses.services import lesson_complete
from quizzes import services
from quizzes.models import Choice, QuestionBank, Quiz, QuizPool
from risk.models import RiskCategory

from . import people
from .loader import Course, DemoDataError

QUIZ_RULES = {
    "pass_mark": 70,
    "questions_per_attempt": 6,
    "max_attempts": 3,
    "wait_minutes": 0,
    "time_limit_minutes": 20,
    "reveal_answers": "after_pass_or_last_attempt",
    "show_feedback": True,
}


def _bank(item: Course) -> QuestionBank:
    """The course's bank (named after the course), with the questions of its GIFT file."""
    bank, _ = QuestionBank.objects.get_or_create(
        name=item.title,
        defaults={
            "risk_category": RiskCategory.objects.filter(code__in=item.risk_categories[:1]).first(),
            "description": f"Otázky k závěrečnému testu kurzu „{item.title}“.",
        },
    )
    try:
        services.questions_import(
            bank_name=bank.name,
            data=item.questions_path.read_bytes(),
            filename=item.questions_path.name,
        )
    except services.ImportFileError as error:
        # The whole seed is one transaction: a broken file leaves the database as it was.
        raise DemoDataError(item.questions_path, str(error)) from error
    return bank


def _demo_attempts(quizzes: list[Quiz]) -> int:
    """Graded attempts of other employees' open assignments, so the statistics have data.

    The demo logins keep their quizzes untouched. Answers are right with a per-person
    probability from a seeded generator, so every run of a fresh database gives the same data.
    """
    logins = {row[0] for row in people.ROLE_USERS}
    made = 0
    for quiz in quizzes:
        assignments = (
            Assignment.objects.filter(course_id=quiz.course_id, status=Assignment.Status.ASSIGNED)
            .exclude(user__email__in=logins)
            .exclude(quiz_attempts__isnull=False)
            .select_related("user")
        )
        now = timezone.now()
        for assignment in assignments:
            rng = random.Random(f"{assignment.user.personal_number}/{quiz.course.slug}")
            skill = rng.uniform(0.45, 0.95)
            # Some day after the assignment was made, and finished (at most 15 minutes) by now.
            hours = max(1, int((now - assignment.created_at).total_seconds() // 3600) - 1)
            started = min(
                assignment.created_at + datetime.timedelta(hours=rng.randint(1, hours)),
                now - datetime.timedelta(minutes=20),
            )
            # Courses put their lessons first: whoever takes the quiz has read them.
            for lesson in LessonPage.objects.live().child_of(quiz.course):
                lesson_complete(assignment=assignment, lesson=lesson)
            # ... before the attempt, not when the demo ran (started is >= 1 h after assigning).
            LessonProgress.objects.filter(assignment=assignment, completed_at__gt=started).update(
                completed_at=started - datetime.timedelta(minutes=30)
            )
            attempt = services.attempt_start(user=assignment.user, quiz=quiz, now=started, rng=rng)
            answers = {}
            for item in attempt.items.select_related("question"):
                choices = list(Choice.objects.filter(pk__in=item.choice_order))
                right = [c.pk for c in choices if c.fraction > 0]
                wrong = [c.pk for c in choices if c.fraction <= 0]
                answers[item.question_id] = (
                    right if rng.random() < skill or not wrong else [rng.choice(wrong)]
                )
                if item.question.type != "multiple":
                    answers[item.question_id] = answers[item.question_id][:1]
            submitted = started + datetime.timedelta(minutes=rng.randint(4, 15))
            services.attempt_submit(
                attempt_id=attempt.pk, user=assignment.user, answers=answers, now=submitted
            )
            # A passed attempt completes the course at its submission, not when the demo ran.
            Assignment.objects.filter(pk=assignment.pk, completed_at__isnull=False).update(
                completed_at=submitted
            )
            made += 1
    return made


def seed_quizzes(*, courses: dict[str, CoursePage], demo_courses: list[Course], stdout) -> int:
    """A bank and a quiz for every demo course with questions; returns the number of new quizzes."""
    created_quizzes = []
    for item in demo_courses:
        course = courses.get(item.slug)
        if course is None or item.questions_path is None:
            continue
        bank = _bank(item)
        rules = dict(QUIZ_RULES)
        rules["questions_per_attempt"] = min(rules["questions_per_attempt"], bank.questions.count())
        quiz, created = Quiz.objects.get_or_create(course=course, defaults=rules)
        if created:
            QuizPool.objects.create(quiz=quiz, bank=bank)
            created_quizzes.append(quiz)
    attempts = _demo_attempts(created_quizzes)
    stdout.write(
        f"Quizzes: {len(created_quizzes)} new, {Quiz.objects.count()} in all; "
        f"{attempts} demo attempts graded."
    )
    return len(created_quizzes)
