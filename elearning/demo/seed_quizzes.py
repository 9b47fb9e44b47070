"""Demo question banks, quizzes and a few graded attempts, from the questions in content.COURSES.

Idempotent: a bank is found by its name and a quiz by its course; both are left as they are.
Called after the demo assignments, so those marked "all lessons done" were completed before
the quiz existed and stay completed (closed assignments get no quiz step, see
quizzes.selectors.quiz_steps).
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from courses.models import Assignment, CoursePage, LessonPage
from courses.services import lesson_complete
from quizzes import services
from quizzes.models import Choice, Question, QuestionBank, Quiz, QuizPool
from risk.models import RiskCategory

from . import content, people

QUIZ_RULES = {
    "pass_mark": 70,
    "questions_per_attempt": 6,
    "max_attempts": 3,
    "wait_minutes": 0,
    "time_limit_minutes": 20,
    "show_correct_answers": True,
    "show_feedback": True,
}


def _fractions(question: dict) -> list[tuple[dict, Decimal]]:
    """Choices with Moodle-style weights; true/false questions get their two choices here."""
    if question["type"] == "truefalse":
        right = question["correct"]
        return [
            ({"text": "Pravda"}, Decimal(1 if right else 0)),
            ({"text": "Nepravda"}, Decimal(0 if right else 1)),
        ]
    choices = question["choices"]
    if question["type"] == "single":
        return [(c, Decimal(1 if c["correct"] else 0)) for c in choices]
    # Multiple choice with partial credit: the right ones share the mark, each wrong one takes
    # a right one's share away, so ticking everything earns nothing.
    share = (Decimal(1) / sum(1 for c in choices if c["correct"])).quantize(Decimal("0.0000001"))
    return [(c, share if c["correct"] else -share) for c in choices]


def _bank(item: dict) -> QuestionBank:
    category = RiskCategory.objects.filter(code__in=item["risk_categories"][:1]).first()
    bank, created = QuestionBank.objects.get_or_create(
        name=item["title"],
        defaults={
            "risk_category": category,
            "description": f"Otázky k závěrečnému testu kurzu „{item['title']}“.",
        },
    )
    if not created:
        return bank
    for number, question in enumerate(item["questions"], 1):
        created_question = Question.objects.create(
            bank=bank,
            name=f"{number:02d} {question['topic']}",
            topic=question["topic"],
            type=question["type"],
            mode="partial" if question["type"] == "multiple" else "all_or_nothing",
            text=question["text"],
            explanation=question.get("explanation", ""),
        )
        Choice.objects.bulk_create(
            Choice(
                question=created_question,
                sort_order=order,
                text=f"<p>{choice['text']}</p>",
                fraction=fraction,
                feedback=f"<p>{choice['feedback']}</p>" if choice.get("feedback") else "",
            )
            for order, (choice, fraction) in enumerate(_fractions(question))
        )
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
        for assignment in assignments:
            rng = random.Random(f"{assignment.user.personal_number}/{quiz.course.slug}")
            skill = rng.uniform(0.45, 0.95)
            started = timezone.now() - datetime.timedelta(days=rng.randint(1, 20))
            # Courses put their lessons first: whoever takes the quiz has read them.
            for lesson in LessonPage.objects.live().child_of(quiz.course):
                lesson_complete(assignment=assignment, lesson=lesson)
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
            services.attempt_submit(
                attempt_id=attempt.pk,
                user=assignment.user,
                answers=answers,
                now=started + datetime.timedelta(minutes=rng.randint(4, 15)),
            )
            made += 1
    return made


def seed_quizzes(*, courses: dict[str, CoursePage], stdout) -> int:
    """A bank and a quiz for every demo course with questions; returns the number of new quizzes."""
    created_quizzes = []
    for item in content.COURSES:
        course = courses.get(item["slug"])
        if course is None or not item.get("questions"):
            continue
        bank = _bank(item)
        rules = dict(QUIZ_RULES)
        rules["questions_per_attempt"] = min(rules["questions_per_attempt"], len(item["questions"]))
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
