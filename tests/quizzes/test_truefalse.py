"""True/false questions get their two choices by themselves (issue 13 point 14)."""

from decimal import Decimal

import pytest

from organisation import roles
from quizzes.models import Question
from tests import factories
from tests.quizzes.test_admin import login, question_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("right", "fractions"), [("true", [1, 0]), ("false", [0, 1])], ids=["true", "false"]
)
def test_a_true_false_question_without_choices_gets_pravda_and_nepravda(
    client, site, right, fractions
):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    data = question_form(bank, [], type="truefalse", truefalse_right=right)

    response = client.post("/admin/questions/new/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    choices = Question.objects.get().choices.order_by("sort_order")
    assert [c.text for c in choices] == ["Pravda", "Nepravda"]
    assert [c.fraction for c in choices] == [Decimal(f) for f in fractions]


def test_typed_choices_of_a_true_false_question_are_kept(client, site):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    data = question_form(bank, [("Ano", "1.0000000"), ("Ne", "0.0000000")], type="truefalse")
    assert client.post("/admin/questions/new/", data).status_code == 302
    texts = [c.text for c in Question.objects.get().choices.order_by("sort_order")]
    assert "Ano" in texts[0] and "Ne" in texts[1]


def test_a_single_choice_question_still_needs_two_choices(client, site):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    response = client.post("/admin/questions/new/", question_form(bank, []))
    assert response.status_code == 200
    assert not Question.objects.exists()
