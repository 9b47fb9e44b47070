"""What courses keep about a person (assignments, lesson progress) for their own-data download."""

from organisation import erasure

from .models import Assignment, LessonProgress


def assignments_of(user) -> list[dict]:
    done = {}
    for assignment_id, lesson_title, completed_at in LessonProgress.objects.filter(
        assignment__user=user
    ).values_list("assignment_id", "lesson__title", "completed_at"):
        done.setdefault(assignment_id, []).append(
            {"lesson": lesson_title, "completed_at": completed_at.isoformat()}
        )
    return [
        {
            "course": a.course.title,
            "status": a.status,
            "source": a.source,
            "reason": a.reason,
            "assigned_at": a.created_at.isoformat(),
            "due_date": a.due_date.isoformat() if a.due_date else None,
            "completed_at": a.completed_at.isoformat() if a.completed_at else None,
            "score": str(a.score) if a.score is not None else None,
            "lessons_done": done.get(a.pk, []),
        }
        for a in Assignment.objects.filter(user=user).select_related("course").order_by("pk")
    ]


def register() -> None:
    # Assignments stay after an erasure: they are the statistics, and name nobody once the
    # account carries a pseudonym.
    erasure.register_personal_data("assignments", assignments_of)
