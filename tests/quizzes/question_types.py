"""One question of each typed type (short answer, numerical, matching, ordering, essay)."""

from decimal import Decimal

from quizzes.models import Choice, Question, Quiz, QuizPool
from tests import factories


def _question(bank, qtype, text, choices, **fields):
    question = Question.objects.create(
        bank=bank, name=f"{qtype} otázka", type=qtype, text=f"<p>{text}</p>", **fields
    )
    Choice.objects.bulk_create(
        Choice(question=question, sort_order=i, **choice) for i, choice in enumerate(choices)
    )
    return question


def make_typed_bank(bank=None, *, essay=True):
    bank = bank or factories.QuestionBankFactory()
    questions = {
        "shortanswer": _question(
            bank,
            "shortanswer",
            "Ve kterém městě sídlí magistrát?",
            [
                {"text": "Plzeň", "fraction": Decimal(1), "feedback": "<p>Správně.</p>"},
                {"text": "*", "fraction": Decimal(0), "feedback": "<p>Jinde.</p>"},
            ],
            ignore_diacritics=True,
        ),
        "numerical": _question(
            bank,
            "numerical",
            "Kolik je pí na dvě desetinná místa?",
            [{"text": "3.14", "fraction": Decimal(1), "tolerance": Decimal("0.005")}],
        ),
        "matching": _question(
            bank,
            "matching",
            "Přiřaďte útok k popisu.",
            [
                {"text": "E-mail s odkazem", "match": "Phishing"},
                {"text": "Telefonát „z IT“", "match": "Vishing"},
                {"text": "SMS od „banky“", "match": "Smishing"},
                {"text": "", "match": "Tailgating"},  # a distractor
            ],
            mode="partial",
        ),
        "ordering": _question(
            bank,
            "ordering",
            "Seřaďte kroky při podezřelém e-mailu.",
            [
                {"text": "Neotvírat přílohu"},
                {"text": "Nahlásit bezpečnostnímu týmu"},
                {"text": "Smazat e-mail"},
            ],
            mode="partial",
        ),
    }
    if essay:
        questions["essay"] = _question(bank, "essay", "Popište, jak poznáte podvodný e-mail.", [])
    return bank, questions


def make_typed_quiz(course, *, essay=True, **fields):
    bank, questions = make_typed_bank(essay=essay)
    fields.setdefault("pass_mark", 60)
    quiz = Quiz.objects.create(course=course, questions_per_attempt=len(questions), **fields)
    QuizPool.objects.create(quiz=quiz, bank=bank)
    return quiz, questions
