"""Knowledge checks inside lessons: ungraded, immediate feedback, kept (issue 14 point 3)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError

from courses.blocks import KnowledgeCheckBlock
from courses.models import Assignment, KnowledgeCheckAnswer
from tests import factories

pytestmark = pytest.mark.django_db

CHECK = {
    "question": "Co uděláte s přílohou od neznámého odesílatele?",
    "multiple": False,
    "choices": [
        {"text": "Otevřu ji", "correct": False, "feedback": "Příloha může nést malware."},
        {"text": "Nahlásím ji", "correct": True, "feedback": "Ano, bezpečnostní tým ji prověří."},
        {"text": "Přepošlu ji kolegovi", "correct": False, "feedback": ""},
    ],
}


@pytest.fixture
def lesson(course_index):
    course = factories.make_course(course_index, lessons=1)
    lesson = factories.lessons_of(course)[0]
    lesson.body = [
        {"type": "rich_text", "value": "<p>Úvod</p>"},
        {"type": "knowledge_check", "value": CHECK},
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def block_id(lesson):
    return next(b.id for b in lesson.body if b.block_type == "knowledge_check")


def test_the_lesson_shows_the_check_without_revealing_the_answer(lesson, employee, client):
    client.force_login(employee)
    page = client.get(lesson.url).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    form = soup.find("form", id=f"check-{block_id(lesson)}")
    assert form.find("legend") and len(form.find_all("input", type="radio")) == 3
    for radio in form.find_all("input", type="radio"):
        assert soup.find("label", attrs={"for": radio["id"]})
    assert "bezpečnostní tým ji prověří" not in page and "malware" not in page


def test_a_normal_post_stores_the_answer_and_the_lesson_shows_feedback(lesson, employee, client):
    client.force_login(employee)
    url = _url(lesson)

    wrong = client.post(url, {"choice": "0"})
    assert wrong.status_code == 302
    assert "Příloha může nést malware." in client.get(lesson.url).content.decode()

    client.post(url, {"choice": "1"})
    page = client.get(lesson.url).content.decode()
    assert "Ano, bezpečnostní tým ji prověří." in page and "malware" not in page
    answers = list(KnowledgeCheckAnswer.objects.order_by("answered_at", "pk"))
    assert [(a.choices, a.correct, a.block_id) for a in answers] == [
        ([0], False, block_id(lesson)),
        ([1], True, block_id(lesson)),
    ]
    # Not part of any grade: no assignment or score was touched.
    assert not Assignment.objects.exists()


def _url(lesson):
    return reverse("courses:knowledge_check", args=[lesson.pk, block_id(lesson)])


def test_the_script_gets_the_feedback_fragment(lesson, employee, client):
    client.force_login(employee)
    response = client.post(_url(lesson), {"choice": "1"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert "Ano, bezpečnostní tým ji prověří." in response.content.decode()


@pytest.mark.parametrize("data", [{}, {"choice": "7"}, {"choice": ["0", "1"]}, {"choice": "x"}])
def test_bad_answers_are_refused_and_nothing_is_stored(lesson, employee, client, data):
    client.force_login(employee)
    response = client.post(_url(lesson), data, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 400
    assert not KnowledgeCheckAnswer.objects.exists()


def test_get_changes_nothing_and_an_unknown_block_is_refused(lesson, employee, client):
    client.force_login(employee)
    assert client.get(_url(lesson)).status_code == 405

    other = reverse("courses:knowledge_check", args=[lesson.pk, "neni"])
    assert client.post(other, {"choice": "1"}).status_code == 302
    assert not KnowledgeCheckAnswer.objects.exists()


def test_a_check_needs_a_right_answer():
    block = KnowledgeCheckBlock()
    wrong_only = [dict(c, correct=False) for c in CHECK["choices"]]
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({**CHECK, "choices": wrong_only}))
    assert "správnou odpověď" in str(raised.value.block_errors["choices"])
