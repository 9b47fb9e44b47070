"""Loads the demo magistrate: workplaces, people with roles, Czech courses and assignments.

The courses come from data files (elearning/demo/data/, read by elearning.demo.loader): lessons
in Markdown, questions in GIFT imported by the quiz importer. Idempotent: existing records are
found by their natural keys and left as they are.
"""

import datetime
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from core.models import OrganisationSettings
from courses.models import Assignment, CoursePage, LessonPage, LessonProgress
from courses.services import assignment_create, lesson_complete
from elearning.demo import loader, people
from elearning.demo.seed_certificates import seed_certificates
from elearning.demo.seed_phishing import seed_phishing
from elearning.demo.seed_quizzes import seed_quizzes
from elearning.demo.seed_risk import seed_risk
from elearning.site_setup import site_setup
from organisation.models import User, Workplace
from organisation.roles import EMPLOYEE
from risk.catalogue import catalogue_seed
from risk.models import RiskCategory

# HR's manual assignments: (personal number, course slug, assigned days ago, due in days
# (negative = overdue), lessons done: "all" or n). Each was assigned before it fell due, and
# its lessons were done one a day after it was assigned.
DEMO_ASSIGNMENTS = [
    ("10001", "ochrana-osobnich-udaju", 10, 20, 1),
    ("10001", "phishing-a-socialni-inzenyrstvi", 35, -5, 0),
    ("10001", "hesla-a-vicefaktorove-overeni", 60, -30, "all"),
    ("10001", "cisty-stul-a-fyzicka-bezpecnost", 5, 45, 0),
    ("20002", "ochrana-osobnich-udaju", 42, -12, 1),
    ("20002", "kyberneticka-bezpecnost-pro-vedouci", 10, 30, 0),
    ("20003", "ochrana-osobnich-udaju", 20, 10, "all"),
    ("20004", "ochrana-osobnich-udaju", 33, -3, 2),
    ("20006", "hesla-a-vicefaktorove-overeni", 15, 25, "all"),
    ("20006", "prace-na-dalku-a-mobilni-zarizeni", 38, -8, 0),
    ("20009", "ochrana-osobnich-udaju", 16, 14, 0),
    ("20011", "phishing-a-socialni-inzenyrstvi", 50, -20, 1),
    ("20012", "spisova-sluzba-a-e-mail", 10, 40, "all"),
    ("20005", "kyberneticka-bezpecnost-pro-vedouci", 28, -2, 0),
]
# HR assigned these by hand, so their reason says so; only a review's plan cites a risk review.
MANUAL_REASON = "Ukázkové přiřazení: kurz zadalo personální oddělení."
HR_NUMBER = "10002"


class Command(BaseCommand):
    help = "Load the demo magistrate (idempotent). Never runs with production settings."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            type=Path,
            default=loader.DATA_DIR,
            help="Folder of course data files (default: elearning/demo/data).",
        )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", True):
            raise CommandError("Demo content is disabled in these settings (production).")
        password = os.environ.get("DEMO_PASSWORD", "demo")
        try:
            demo_courses = loader.courses_load(options["data"])
            created, (workplaces, users, courses) = self._seed(demo_courses, password)
        except loader.DemoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {workplaces} workplaces, {users} people, {courses} courses, "
                f"{created} new assignments."
            )
        )

    @transaction.atomic
    def _seed(self, demo_courses, password: str) -> tuple[int, tuple[int, int, int]]:
        """Everything in one transaction: a broken data file leaves the database as it was."""
        home, index = site_setup()
        org = OrganisationSettings.for_site(home.get_site())
        if org.name in ("", OrganisationSettings._meta.get_field("name").default):
            org.name = people.ORGANISATION_NAME
            org.save()
        categories = self._risk_categories()
        workplaces = self._workplaces()
        users = self._people(workplaces, password)
        courses = self._courses(index, categories, demo_courses)
        created = self._assignments(users, courses)
        seed_risk(
            users=users,
            workplaces=workplaces,
            courses=courses,
            levels={c.slug: c.required_from_level for c in demo_courses},
            categories=categories,
            stdout=self.stdout,
        )
        seed_quizzes(courses=courses, demo_courses=demo_courses, stdout=self.stdout)
        seed_certificates(stdout=self.stdout)
        seed_phishing(stdout=self.stdout)
        return created, (len(workplaces), len(users), len(courses))

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

    def _courses(self, index, categories, demo_courses) -> dict[str, CoursePage]:
        existing = {c.slug: c for c in CoursePage.objects.child_of(index)}
        result = {}
        for item in demo_courses:
            course = existing.get(item.slug)
            if course is None:
                unknown = set(item.risk_categories) - set(categories)
                if unknown:
                    raise CommandError(
                        f"{item.slug}/course.yaml: unknown risk categories {sorted(unknown)}."
                    )
                course = CoursePage(
                    title=item.title,
                    slug=item.slug,
                    summary=item.summary,
                    estimated_minutes=item.estimated_minutes,
                    refresher_months=item.refresher_months,
                    audience=item.audience,
                )
                course.risk_categories = [categories[code] for code in item.risk_categories]
                index.add_child(instance=course)
                course.save_revision().publish()
                for lesson_item in item.lessons:
                    lesson = LessonPage(
                        title=lesson_item.title, slug=lesson_item.slug, body=lesson_item.body
                    )
                    course.add_child(instance=lesson)
                    lesson.save_revision().publish()
            result[item.slug] = course
        return result

    def _assignments(self, users, courses) -> int:
        now = timezone.now()
        created = 0
        for number, slug, assigned_ago, due_in, lessons_done in DEMO_ASSIGNMENTS:
            user, course = users[number], courses.get(slug)
            if course is None or Assignment.objects.filter(user=user, course=course).exists():
                continue
            assigned_at = now - datetime.timedelta(days=assigned_ago)
            assignment, _ = assignment_create(
                user=user,
                course=course,
                due_date=timezone.localdate(now) + datetime.timedelta(days=due_in),
                reason=MANUAL_REASON,
                source=Assignment.Source.MANUAL,
                assigned_by=users[HR_NUMBER],
            )
            Assignment.objects.filter(pk=assignment.pk).update(created_at=assigned_at)
            lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
            count = len(lessons) if lessons_done == "all" else lessons_done
            for day, lesson in enumerate(lessons[:count], start=1):
                lesson_complete(assignment=assignment, lesson=lesson)
                # The services stamp "now"; the demo's history happened on earlier days.
                done_at = assigned_at + datetime.timedelta(days=day)
                LessonProgress.objects.filter(assignment=assignment, lesson=lesson).update(
                    completed_at=done_at
                )
                Assignment.objects.filter(pk=assignment.pk, completed_at__isnull=False).update(
                    completed_at=done_at
                )
            created += 1
        return created
