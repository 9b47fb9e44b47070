"""Loads the demo magistrate: workplaces, people with roles, Czech courses and assignments.

Idempotent: existing records are found by their natural keys and left as they are.
"""

import datetime
import os

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from core.models import OrganisationSettings
from courses.models import Assignment, CoursePage, LessonPage
from courses.services import assignment_create, lesson_complete
from elearning.demo import content, people
from elearning.demo.seed_certificates import seed_certificates
from elearning.demo.seed_quizzes import seed_quizzes
from elearning.demo.seed_risk import seed_risk
from elearning.site_setup import site_setup
from organisation.models import User, Workplace
from organisation.roles import EMPLOYEE
from risk.catalogue import catalogue_seed
from risk.models import RiskCategory

# (personal number, course slug, due in days (negative = overdue), lessons done: "all" or n)
DEMO_ASSIGNMENTS = [
    ("10001", "ochrana-osobnich-udaju", 20, 1),
    ("10001", "phishing-a-socialni-inzenyrstvi", -5, 0),
    ("10001", "hesla-a-vicefaktorove-overeni", -30, "all"),
    ("10001", "cisty-stul-a-fyzicka-bezpecnost", 45, 0),
    ("20002", "ochrana-osobnich-udaju", -12, 1),
    ("20002", "kyberneticka-bezpecnost-pro-vedouci", 30, 0),
    ("20003", "ochrana-osobnich-udaju", 10, "all"),
    ("20004", "ochrana-osobnich-udaju", -3, 2),
    ("20006", "hesla-a-vicefaktorove-overeni", 25, "all"),
    ("20006", "prace-na-dalku-a-mobilni-zarizeni", -8, 0),
    ("20009", "ochrana-osobnich-udaju", 14, 0),
    ("20011", "phishing-a-socialni-inzenyrstvi", -20, 1),
    ("20012", "spisova-sluzba-a-e-mail", 40, "all"),
    ("20005", "kyberneticka-bezpecnost-pro-vedouci", -2, 0),
]


class Command(BaseCommand):
    help = "Load the demo magistrate (idempotent). Never runs with production settings."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", True):
            raise CommandError("Demo content is disabled in these settings (production).")
        password = os.environ.get("DEMO_PASSWORD", "demo")
        with transaction.atomic():
            home, index = site_setup()
            org = OrganisationSettings.for_site(home.get_site())
            if org.name in ("", OrganisationSettings._meta.get_field("name").default):
                org.name = people.ORGANISATION_NAME
                org.save()
            categories = self._risk_categories()
            workplaces = self._workplaces()
            users = self._people(workplaces, password)
            courses = self._courses(index, categories)
            created = self._assignments(users, courses)
            seed_risk(
                users=users,
                workplaces=workplaces,
                courses=courses,
                categories=categories,
                stdout=self.stdout,
            )
            seed_quizzes(courses=courses, stdout=self.stdout)
            seed_certificates(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {len(workplaces)} workplaces, {len(users)} people, "
                f"{len(courses)} courses, {created} new assignments."
            )
        )

    def _risk_categories(self) -> dict[str, RiskCategory]:
        catalogue_seed()
        return {c.code: c for c in RiskCategory.objects.all()}

    def _workplaces(self) -> dict[str, Workplace]:
        result: dict[str, Workplace] = {w.code: w for w in Workplace.objects.all()}
        for code, name, parent in people.WORKPLACES:
            if code in result:
                continue
            if parent is None:
                result[code] = Workplace.add_root(code=code, name=name)
            else:
                result[code] = result[parent].add_child(code=code, name=name)
                result[parent].refresh_from_db()
        return result

    def _people(self, workplaces, password: str) -> dict[str, User]:
        employee_group = Group.objects.get(name=EMPLOYEE)
        rows = [
            (email, first, last, number, wp, title, roles, mgmt, None)
            for email, first, last, number, wp, title, roles, mgmt in people.ROLE_USERS
        ] + [
            (f"{local}@example.cz", first, last, number, wp, title, [], mgmt, manager)
            for local, first, last, number, wp, title, mgmt, manager in people.EMPLOYEES
        ]
        users: dict[str, User] = {}
        for email, first, last, number, wp, title, roles, mgmt, _manager in rows:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=password,
                    first_name=first,
                    last_name=last,
                    personal_number=number,
                    workplace=workplaces[wp],
                    job_title=title,
                    is_management=mgmt,
                    is_superuser=email.startswith("admin@"),
                    is_staff=email.startswith("admin@"),
                )
            user.groups.add(employee_group, *Group.objects.filter(name__in=roles))
            users[number] = user
        managers = {row[3]: row[8] for row in rows if row[8]} | people.ROLE_USER_MANAGERS
        for number, manager_number in managers.items():
            user = users[number]
            if user.manager_id is None:
                user.manager = users[manager_number]
                user.save(update_fields=["manager"])
        return users

    def _courses(self, index, categories) -> dict[str, CoursePage]:
        existing = {c.slug: c for c in CoursePage.objects.child_of(index)}
        result = {}
        for item in content.COURSES:
            course = existing.get(item["slug"])
            if course is None:
                course = CoursePage(
                    title=item["title"],
                    slug=item["slug"],
                    summary=item["summary"],
                    estimated_minutes=item["estimated_minutes"],
                    refresher_months=item["refresher_months"],
                    audience=item["audience"],
                )
                course.risk_categories = [categories[code] for code in item["risk_categories"]]
                index.add_child(instance=course)
                course.save_revision().publish()
                for lesson_item in item["lessons"]:
                    lesson = LessonPage(
                        title=lesson_item["title"],
                        slug=lesson_item["slug"],
                        body=[_block(kind, value) for kind, value in lesson_item["body"]],
                    )
                    course.add_child(instance=lesson)
                    lesson.save_revision().publish()
            result[item["slug"]] = course
        return result

    def _assignments(self, users, courses) -> int:
        today = timezone.localdate()
        created = 0
        for number, slug, due_in, lessons_done in DEMO_ASSIGNMENTS:
            user, course = users[number], courses.get(slug)
            if course is None or Assignment.objects.filter(user=user, course=course).exists():
                continue
            assignment, _ = assignment_create(
                user=user,
                course=course,
                due_date=today + datetime.timedelta(days=due_in),
                reason="Ukázkové přiřazení: školení podle analýzy rizik pracoviště.",
                source=Assignment.Source.MANUAL,
            )
            lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
            count = len(lessons) if lessons_done == "all" else lessons_done
            for lesson in lessons[:count]:
                lesson_complete(assignment=assignment, lesson=lesson)
            created += 1
        return created


def _block(kind: str, value):
    """Raw StreamField data for a demo block."""
    if kind == "key_points":
        value = {"title": "", "points": list(value)}
    return {"type": kind, "value": value}
