"""The knowledge-check answers report: counts per answer and % right, per course, for editors."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission

from courses.models import KnowledgeCheckAnswer
from organisation import roles
from tests import factories

pytestmark = pytest.mark.django_db

SINGLE = {
    "question": "Co uděláte s přílohou od neznámého odesílatele?",
    "multiple": False,
    "choices": [
        {"text": "Otevřu ji", "correct": False, "feedback": ""},
        {"text": "Nahlásím ji", "correct": True, "feedback": ""},
        {"text": '=HYPERLINK("http://zle.example")', "correct": False, "feedback": ""},
    ],
}
MULTIPLE = {
    "question": "Které znaky prozrazují phishing?",
    "multiple": True,
    "choices": [
        {"text": "Naléhavost", "correct": True, "feedback": ""},
        {"text": "Cizí doména", "correct": True, "feedback": ""},
        {"text": "Logo firmy", "correct": False, "feedback": ""},
    ],
}


def course_with_checks(course_index, title="Phishing"):
    course = factories.make_course(course_index, title=title, lessons=2)
    first, second = factories.lessons_of(course)
    first.body = [{"type": "knowledge_check", "value": SINGLE}]
    first.save_revision().publish()
    second.body = [
        {"type": "rich_text", "value": "<p>Text</p>"},
        {"type": "knowledge_check", "value": MULTIPLE},
    ]
    second.save_revision().publish()
    first.refresh_from_db()
    second.refresh_from_db()
    return course, first, second


def answer(user, lesson, choices, correct):
    block = next(b.id for b in lesson.body if b.block_type == "knowledge_check")
    KnowledgeCheckAnswer.objects.create(
        user=user, lesson=lesson, block_id=block, choices=choices, correct=correct
    )


def answer_many(first, second, employees):
    for n, user in enumerate(employees):
        answer(user, first, [1] if n % 4 else [0], bool(n % 4))
        answer(user, second, [0, 1] if n % 2 else [0, 2], bool(n % 2))


@pytest.fixture
def editor():
    return factories.UserFactory(roles=[roles.COURSE_EDITOR])


def test_the_report_counts_answers_per_option_and_the_share_right(course_index, editor, client):
    course, first, second = course_with_checks(course_index)
    employees = [factories.UserFactory() for _ in range(4)]
    answer_many(first, second, employees)
    # Answering again counts as another answer, from the same employee.
    answer(employees[0], first, [1], True)
    client.force_login(editor)

    response = client.get(f"/admin/knowledge_checks/{course.pk}/")

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    sections = page.select("section.knowledge-check-report")
    assert [s.h2.get_text(strip=True) for s in sections] == [
        SINGLE["question"],
        MULTIPLE["question"],
    ]
    single, multiple = sections
    text = single.get_text(" ", strip=True)
    # 5 answers from 4 employees: [0] once, [1] four times; right 4 of 5.
    assert "5 odpovědí" in text and "od 4 zaměstnanců" in text and "80,0 % správně" in text
    rows = [
        [c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in single.tbody("tr")
    ]
    assert rows == [
        ["Otevřu ji", "ne", "1", "20,0 %"],
        ["Nahlásím ji", "ano", "4", "80,0 %"],
        ['=HYPERLINK("http://zle.example")', "ne", "0", "0,0 %"],
    ]
    rows = [
        [c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in multiple.tbody("tr")
    ]
    assert rows == [
        ["Naléhavost", "ano", "4", "100,0 %"],
        ["Cizí doména", "ano", "2", "50,0 %"],
        ["Logo firmy", "ne", "2", "50,0 %"],
    ]
    # No employee is named.
    for user in employees:
        assert user.get_full_name() not in response.content.decode()


def test_the_query_count_is_the_same_for_few_and_many_answers(
    course_index, editor, client, django_assert_max_num_queries
):
    course, first, second = course_with_checks(course_index)
    client.force_login(editor)
    answer_many(first, second, [factories.UserFactory() for _ in range(2)])
    with django_assert_max_num_queries(20) as few:
        client.get(f"/admin/knowledge_checks/{course.pk}/")
    answer_many(first, second, [factories.UserFactory() for _ in range(30)])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/admin/knowledge_checks/{course.pk}/")


def test_the_csv_export_has_every_option_and_defuses_formulas(course_index, editor, client):
    course, first, second = course_with_checks(course_index)
    answer_many(first, second, [factories.UserFactory() for _ in range(4)])
    client.force_login(editor)

    response = client.get(f"/admin/knowledge_checks/{course.pk}/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Lekce", "Otázka", "Odpověď"]
    assert len(rows) == 1 + 6
    assert rows[2] == [
        first.title,
        SINGLE["question"],
        "Nahlásím ji",
        "ano",
        "3",
        "75,0",
        "4",
        "4",
        "75,0",
    ]
    # A formula in an answer's text reaches the spreadsheet as text.
    assert rows[3][2] == '\'=HYPERLINK("http://zle.example")'


def test_only_editors_of_the_course_see_its_report(course_index, client):
    course, first, second = course_with_checks(course_index)
    answer_many(first, second, [factories.UserFactory() for _ in range(2)])
    # The statistics permission alone, without the right to edit the course's page.
    outsider = factories.UserFactory()
    outsider.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_quiz_statistics"),
    )
    client.force_login(outsider)
    assert client.get(f"/admin/knowledge_checks/{course.pk}/").status_code == 404
    assert client.get(f"/admin/knowledge_checks/{course.pk}/export.csv").status_code == 404
    assert "Phishing" not in client.get("/admin/knowledge_checks/").content.decode()
    # An employee does not get in at all.
    client.force_login(factories.UserFactory(roles=[roles.EMPLOYEE]))
    response = client.get(f"/admin/knowledge_checks/{course.pk}/")
    assert response.status_code in (302, 403)
    assert SINGLE["question"] not in response.content.decode()


def test_the_index_lists_the_editors_courses(course_index, editor, client):
    course_with_checks(course_index, title="Hesla")
    client.force_login(editor)
    page = client.get("/admin/knowledge_checks/").content.decode()
    assert "Hesla" in page
