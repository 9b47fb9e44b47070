"""What quizzes keep about a person (attempts and answers) for their own-data download."""

from organisation import erasure

from .models import Attempt


def attempts_of(user) -> list[dict]:
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz__course")
        .prefetch_related("items__response")
        .order_by("pk")
    )
    return [
        {
            "quiz": attempt.quiz.course.title,
            "number": attempt.number,
            "started_at": attempt.started_at.isoformat(),
            "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
            "score": str(attempt.score) if attempt.score is not None else None,
            "passed": attempt.passed,
            "answers": [
                {
                    "question": item.question_id,
                    "selected": getattr(item, "response", None).selected
                    if hasattr(item, "response")
                    else [],
                    # What was typed (short answer, numerical, essay) is personal data too.
                    "text": item.response.text if hasattr(item, "response") else "",
                }
                for item in attempt.items.all()
            ],
        }
        for attempt in attempts
    ]


def register() -> None:
    erasure.register_personal_data("quiz_attempts", attempts_of)
