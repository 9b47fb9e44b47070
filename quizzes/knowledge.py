"""The knowledge-check answers report: each check of a course's lessons, its answers per option.

Item analysis for course editors, beside the quiz statistics and under the same permission,
limited per course to the courses whose pages the editor may edit. Counts only: no employee
is named. Knowledge checks live in courses (they never count toward a grade); the report sits
here because quizzes may read courses, and the quiz statistics are its neighbours.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Count, Q
from django.http import Http404, StreamingHttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.spreadsheets import neutralise
from courses.models import CoursePage, KnowledgeCheckAnswer, LessonPage
from courses.selectors import lessons_by_course

PERMISSION = "quizzes.view_quiz_statistics"
HUNDRED = Decimal(100)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class OptionRow:
    text: str
    right: bool
    chosen: int = 0  # answers that chose it
    share: Decimal | None = None  # of the check's answers, percent


@dataclass
class CheckRow:
    lesson_title: str
    question: str
    multiple: bool
    options: list[OptionRow] = field(default_factory=list)
    answers: int = 0
    employees: int = 0  # distinct employees who answered
    right: int = 0  # answers that were right
    right_percent: Decimal | None = None


def knowledge_check_report(course: CoursePage) -> list[CheckRow]:
    """Every knowledge check of the course's live lessons in lesson order, with its counts.

    Three queries whatever the number of lessons, checks or answers: the lessons, then the
    answers grouped in SQL by check (totals) and by check and chosen set (per option).
    """
    lessons = lessons_by_course([course], model=LessonPage, fields=("body",))[course.pk]
    rows: dict[tuple[int, str], CheckRow] = {}
    for lesson in lessons:
        for block in lesson.body:
            if block.block_type != "knowledge_check":
                continue
            value = block.value
            rows[lesson.pk, block.id] = CheckRow(
                lesson_title=lesson.title,
                question=value["question"],
                multiple=bool(value["multiple"]),
                options=[
                    OptionRow(text=c["text"], right=bool(c["correct"])) for c in value["choices"]
                ],
            )
    if not rows:
        return []
    answers = KnowledgeCheckAnswer.objects.filter(
        lesson_id__in={lesson_id for lesson_id, _ in rows}, block_id__in={b for _, b in rows}
    )
    for total in answers.values("lesson_id", "block_id").annotate(
        n=Count("pk"),
        right=Count("pk", filter=Q(correct=True)),
        people=Count("user", distinct=True),
    ):
        row = rows.get((total["lesson_id"], total["block_id"]))
        if row is not None:
            row.answers, row.right, row.employees = total["n"], total["right"], total["people"]
    # Grouped by the chosen set: as many groups as distinct answers, not as answers given.
    chosen: dict[tuple[int, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for group in answers.values("lesson_id", "block_id", "choices").annotate(n=Count("pk")):
        for index in set(group["choices"] or ()):
            chosen[group["lesson_id"], group["block_id"]][index] += group["n"]
    for key, row in rows.items():
        row.right_percent = _percent(row.right, row.answers)
        for index, option in enumerate(row.options):
            # An index beyond the options belongs to an answer the editor has removed since.
            option.chosen = chosen[key].get(index, 0) if key in chosen else 0
            option.share = _percent(option.chosen, row.answers)
    return list(rows.values())


def editable_courses(user):
    """The courses whose page `user` may edit, in title order."""
    return [
        course
        for course in CoursePage.objects.order_by("title", "pk")
        if course.permissions_for_user(user).can_edit()
    ]


class _CourseMixin:
    @cached_property
    def course(self) -> CoursePage:
        # After the permission check, and 404 for a course the editor may not edit, so the
        # report tells no one about courses outside their own.
        course = CoursePage.objects.filter(pk=self.kwargs["course_id"]).first()
        if course is None or not course.permissions_for_user(self.request.user).can_edit():
            raise Http404
        return course


class KnowledgeIndexView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = PERMISSION
    template_name = "quizzes/admin/knowledge_index.html"
    page_title = _("Knowledge-check answers")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(courses=editable_courses(self.request.user), **kwargs)


class KnowledgeCourseView(
    _CourseMixin, PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission_required = PERMISSION
    template_name = "quizzes/admin/knowledge_course.html"
    page_title = _("Knowledge-check answers")
    header_icon = "help"

    def get_page_subtitle(self):
        return self.course.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("knowledge_checks:index"), "label": self.page_title},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            course=self.course, checks=knowledge_check_report(self.course), **kwargs
        )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _number(value: Decimal | None) -> str:
    # Czech Excel reads decimal commas; the report's language is Czech.
    return "" if value is None else str(value).replace(".", ",")


class KnowledgeCsvView(_CourseMixin, PermissionRequiredMixin, View):
    """The course's report as CSV: UTF-8 with a BOM and ";" for Czech Excel, formulas defused."""

    permission_required = PERMISSION

    def get(self, request, course_id: int):
        checks = knowledge_check_report(self.course)
        writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
        headings = [
            gettext("Lesson"),
            gettext("Question"),
            gettext("Answer"),
            gettext("Right answer"),
            gettext("Chosen"),
            gettext("Chosen (%)"),
            gettext("Answers"),
            gettext("Employees"),
            gettext("Right (%)"),
        ]

        def lines():
            yield "\ufeff" + writer.writerow([neutralise(h) for h in headings])
            for check in checks:
                for option in check.options:
                    yield writer.writerow(
                        [
                            neutralise(check.lesson_title),
                            neutralise(check.question),
                            neutralise(option.text),
                            gettext("yes") if option.right else gettext("no"),
                            option.chosen,
                            _number(option.share),
                            check.answers,
                            check.employees,
                            _number(check.right_percent),
                        ]
                    )

        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in lines()), content_type="text/csv; charset=utf-8"
        )
        name = f"kontroly-znalosti-{slugify(self.course.title) or self.course.pk}.csv"
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response


class _MenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class KnowledgeReportViewSet(ViewSet):
    name = "knowledge_checks"
    icon = "help"
    menu_label = _("Knowledge-check answers")
    menu_item_class = _MenuItem

    def get_urlpatterns(self):
        return [
            path("", KnowledgeIndexView.as_view(), name="index"),
            path("<int:course_id>/", KnowledgeCourseView.as_view(), name="course"),
            path("<int:course_id>/export.csv", KnowledgeCsvView.as_view(), name="csv"),
        ]
