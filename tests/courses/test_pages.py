"""Page-tree rules and who may read course pages."""

import pytest
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, LessonPage
from elearning.models import HomePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_page_types_only_fit_where_they_make_sense(site, course):
    home, index = site
    lesson = factories.lessons_of(course)[0]
    assert CoursePage.can_exist_under(index)
    assert not CoursePage.can_exist_under(home)
    assert not CoursePage.can_exist_under(course)
    assert LessonPage.can_exist_under(course)
    assert not LessonPage.can_exist_under(index)
    assert not LessonPage.can_exist_under(lesson)
    assert not CourseIndexPage.can_exist_under(course)
    # One catalogue and one home page per site.
    assert not CourseIndexPage.can_create_at(home)
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_editor_cannot_add_a_lesson_directly_under_the_catalogue(client, site):
    from django.urls import reverse

    _home, index = site
    editor = factories.UserFactory(roles=["Course editor"])
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", index.pk))
    response = client.post(url, {"title": "Zbloudilá lekce", "slug": "zbloudila"})
    # Refused: sent back to the admin with an error, nothing created.
    assert response.status_code == 302
    assert not LessonPage.objects.filter(slug="zbloudila").exists()
    # The allowed child type is offered.
    url = reverse("wagtailadmin_pages:add", args=("courses", "coursepage", index.pk))
    assert client.get(url).status_code == 200


def test_course_and_lesson_pages_require_login(client, course):
    lesson = factories.lessons_of(course)[0]
    for page in (course, lesson):
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


def test_logged_in_employee_reads_a_lesson(employee_client, course):
    lesson = factories.lessons_of(course)[0]
    response = employee_client.get(lesson.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Obsah lekce 1 – žluťoučký kůň." in content
    assert "Lekce 1 ze 3" in content


def test_home_page_welcomes_visitors_and_sends_employees_to_their_training(client, site):
    response = client.get("/")
    assert response.status_code == 200
    assert "Přihlásit se" in response.content.decode()
    client.force_login(factories.UserFactory())
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/my-training/"
