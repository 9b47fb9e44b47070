"""The demo data files: the loader turns them into lesson blocks, and seed_demo reads them."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from courses.blocks import LessonBodyBlock
from courses.models import CoursePage, LessonPage
from elearning.demo import loader
from organisation.models import User
from quizzes.models import Question, QuestionBank, Quiz

LESSON = """---
title: "Šifrování: proč a kdy"
---

Šifrujeme **vždy**, když posíláme osobní údaje mimo úřad
(třeba *rodná čísla*).

## Jak na to

- přílohu zašifrujte,
- heslo pošlete jinou cestou.

::: callout warning Nikdy heslo ve stejném e-mailu
Heslo k příloze nepatří do téhož e-mailu.
:::

::: key-points
- Šifrujte přílohy s osobními údaji.
- Heslo sdělte telefonem nebo SMS, ne
  ve stejném e-mailu.
:::
"""

COURSE_YAML = """order: 1
title: Šifrování příloh
summary: Jak bezpečně poslat osobní údaje mimo úřad.
estimated_minutes: 10
risk_categories: [personal-data]
required_from_level: medium
refresher_months: 12
audience: all
"""

QUESTIONS = """$CATEGORY: Šifrování

::01 Heslo::[html]<p>Kudy pošlete heslo k šifrované příloze?</p>
{
=Telefonem nebo SMS.#Správně, jinou cestou než přílohu.
~Ve stejném e-mailu.#Kdo má e-mail, má pak i heslo.
####<p>Heslo a příloha jdou vždy různými cestami.</p>
}

::02 Šifrování::[html]<p>Osobní údaje mimo úřad posíláme zašifrované.</p>{TRUE}
"""


def _course_dir(root: Path, slug: str = "sifrovani-priloh", questions: str = QUESTIONS) -> Path:
    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "course.yaml").write_text(COURSE_YAML, encoding="utf-8")
    (folder / "01-proc-a-kdy.md").write_text(LESSON, encoding="utf-8")
    (folder / "questions.gift").write_text(questions, encoding="utf-8")
    return folder


def test_a_lesson_file_becomes_the_lesson_blocks(tmp_path):
    lesson = loader.lesson_load(_course_dir(tmp_path) / "01-proc-a-kdy.md")
    assert (lesson.slug, lesson.title) == ("proc-a-kdy", "Šifrování: proč a kdy")
    assert lesson.body == [
        {
            "type": "rich_text",
            "value": "<p>Šifrujeme <strong>vždy</strong>, když posíláme osobní údaje mimo úřad "
            "(třeba <em>rodná čísla</em>).</p><h2>Jak na to</h2><ul><li>přílohu zašifrujte,"
            "</li><li>heslo pošlete jinou cestou.</li></ul>",
        },
        {
            "type": "callout",
            "value": {
                "kind": "warning",
                "title": "Nikdy heslo ve stejném e-mailu",
                "text": "<p>Heslo k příloze nepatří do téhož e-mailu.</p>",
            },
        },
        {
            "type": "key_points",
            "value": {
                "title": "",
                "points": [
                    "Šifrujte přílohy s osobními údaji.",
                    "Heslo sdělte telefonem nebo SMS, ne ve stejném e-mailu.",
                ],
            },
        },
    ]


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("::: quote\ntext\n:::\n", "unknown block '::: quote'", 5),
        ("::: callout danger Pozor\ntext\n:::\n", "a callout is one of tip, warning, info", 5),
        ("::: key-points\n- jeden bod\n", "'::: key-points' is never closed", 5),
        ("::: key-points\njen text\n:::\n", "a key point starts with '- '", 6),
        ("Text\n\n# Nadpis první úrovně\n", "only ## and ### headings", 7),
        ("Text s <b>HTML</b>\n\n```\nkód\n```\n", "fence is not allowed", 7),
        ("![obrázek](a.png)\n", "image is not allowed", 5),
    ],
)
def test_a_lesson_the_editor_could_not_hold_is_refused_with_its_line(tmp_path, body, message, line):
    path = tmp_path / "01-lekce.md"
    path.write_text(f"---\ntitle: Lekce\n---\n\n{body}", encoding="utf-8")
    with pytest.raises(loader.DemoDataError) as error:
        loader.lesson_load(path)
    assert message in str(error.value)
    assert f"01-lekce.md:{line}:" in str(error.value)


def test_every_shipped_lesson_is_valid_for_the_lesson_editor():
    courses = loader.courses_load()
    assert len(courses) == 7
    assert [c.order for c in courses] == list(range(1, 8))
    block = LessonBodyBlock()
    lessons = [lesson for course in courses for lesson in course.lessons]
    assert len(lessons) == 25
    for lesson in lessons:
        # clean() raises on what the admin would refuse: unknown kinds, points over 500 chars.
        block.clean(block.to_python(lesson.body))
        assert lesson.body[0]["type"] == "rich_text"
        assert {b["type"] for b in lesson.body} == {"rich_text", "callout", "key_points"}
    texts = " ".join(str(lesson.body) for lesson in lessons)
    assert ":::" not in texts and "**" not in texts
    # Czech letters arrive intact.
    assert all(letter in texts for letter in "ěščřžýáíéůúťďňŠČŘŽÚ")


@pytest.mark.django_db
def test_seed_demo_reads_the_data_files(tmp_path):
    _course_dir(tmp_path)
    call_command("seed_demo", "--data", str(tmp_path), stdout=io.StringIO())

    course = CoursePage.objects.get(slug="sifrovani-priloh")
    assert (course.title, course.estimated_minutes, course.required_from_level) == (
        "Šifrování příloh",
        10,
        "medium",
    )
    assert list(course.risk_categories.values_list("code", flat=True)) == ["personal-data"]
    lesson = LessonPage.objects.child_of(course).get()
    assert lesson.title == "Šifrování: proč a kdy"
    assert [b.block_type for b in lesson.body] == ["rich_text", "callout", "key_points"]
    assert "<h2>Jak na to</h2>" in lesson.body[0].value.source
    bank = QuestionBank.objects.get(name="Šifrování příloh")
    assert bank.risk_category.code == "personal-data"
    assert list(bank.questions.order_by("name").values_list("name", "topic", "type")) == [
        ("01 Heslo", "Šifrování", "single"),
        ("02 Šifrování", "Šifrování", "truefalse"),
    ]
    heslo = bank.questions.get(name="01 Heslo")
    assert heslo.general_feedback == "<p>Heslo a příloha jdou vždy různými cestami.</p>"
    assert list(heslo.choices.values_list("text", "fraction", "feedback")) == [
        ("<p>Telefonem nebo SMS.</p>", 1, "<p>Správně, jinou cestou než přílohu.</p>"),
        ("<p>Ve stejném e-mailu.</p>", 0, "<p>Kdo má e-mail, má pak i heslo.</p>"),
    ]
    quiz = Quiz.objects.get(course=course)
    assert quiz.questions_per_attempt == 2
    # Only the courses of the data folder: the shipped ones were not read.
    assert CoursePage.objects.count() == 1


@pytest.mark.django_db
def test_a_broken_question_file_stops_the_seed_and_changes_nothing(tmp_path):
    broken = QUESTIONS.replace("~Ve stejném e-mailu.", "~%33%Ve stejném e-mailu.")
    _course_dir(tmp_path, questions=broken)
    with pytest.raises(CommandError) as error:
        call_command("seed_demo", "--data", str(tmp_path), stdout=io.StringIO())
    assert "questions.gift" in str(error.value)
    assert "line 6" in str(error.value) and "33%" in str(error.value)
    assert not CoursePage.objects.exists()
    assert not Question.objects.exists()
    assert not User.objects.exists()


def test_a_missing_data_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="the data folder does not exist"):
        call_command("seed_demo", "--data", str(tmp_path / "nic"), stdout=io.StringIO())


def test_a_course_file_with_a_wrong_field_is_refused(tmp_path):
    folder = _course_dir(tmp_path)
    text = COURSE_YAML.replace("estimated_minutes: 10", "estimated_minutes: deset")
    (folder / "course.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(loader.DemoDataError, match="estimated_minutes: expected int, found str"):
        loader.courses_load(tmp_path)
