"""Test data factories for every app, in one place."""

import itertools

import factory
from django.contrib.auth.models import Group

from courses.models import Assignment, CoursePage, LessonPage
from organisation.models import User, Workplace
from organisation.roles import EMPLOYEE

_counter = itertools.count(1)


class WorkplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplace

    name = factory.Sequence(lambda n: f"Odbor č. {n}")
    code = factory.Sequence(lambda n: f"odbor-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        # treebeard nodes are created through add_root / add_child, never save().
        if parent is None:
            return model_class.add_root(**kwargs)
        node = parent.add_child(**kwargs)
        parent.refresh_from_db()
        return node


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"zamestnanec{n}@example.cz")
    first_name = "Jana"
    last_name = "Nováková"
    personal_number = factory.Sequence(lambda n: f"P{n:05d}")
    workplace = factory.SubFactory(WorkplaceFactory)
    password = factory.django.Password("heslo-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            names = [EMPLOYEE, *(extracted or [])]
            self.groups.add(*Group.objects.filter(name__in=names))


def make_course(index, *, title: str = "Kurz", lessons: int = 3, **fields) -> CoursePage:
    """A published course with `lessons` published lessons under the catalogue."""
    n = next(_counter)
    course = CoursePage(title=title, slug=f"kurz-{n}", summary=f"Shrnutí kurzu {title}", **fields)
    index.add_child(instance=course)
    for i in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"Lekce {i}: {title}",
                slug=f"lekce-{i}",
                body=[{"type": "rich_text", "value": f"<p>Obsah lekce {i} – žluťoučký kůň.</p>"}],
            )
        )
    course.refresh_from_db()
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(course).order_by("path"))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    user = factory.SubFactory(UserFactory)
    due_date = None
    reason = "Přiřazeno na základě analýzy rizik."
    source = Assignment.Source.MANUAL
