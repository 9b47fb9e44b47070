"""Wagtail admin screens of quizzes: banks, questions with choices, quizzes, import, statistics."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import selectors, services
from .forms import EssayGradeForm, FractionSelect, ImportForm, QuestionAdminForm, QuizAdminForm
from .importers import ImportFileError
from .knowledge import KnowledgeReportViewSet
from .models import ExtraAttempts, Question, QuestionBank, Quiz, Response

IMPORT_PERMISSION = "quizzes.add_question"
STATISTICS_PERMISSION = "quizzes.view_quiz_statistics"
GRANT_PERMISSION = "quizzes.grant_extraattempts"
GRADE_PERMISSION = "quizzes.grade_essay"


def editable_course_ids(user, course_ids) -> set[int]:
    """Of `course_ids`, the courses whose page `user` may edit: the per-object essay check."""
    from courses.models import CoursePage

    return {
        page.pk
        for page in CoursePage.objects.filter(pk__in=list(course_ids))
        if page.permissions_for_user(user).can_edit()
    }


class RecordKeepingDeleteView(DeleteView):
    """Refuses with a message, not an error page, to delete what attempts (records) point to."""

    protected_message = ""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, self.protected_message)
            return HttpResponseRedirect(self.get_success_url())


class QuestionDeleteView(RecordKeepingDeleteView):
    protected_message = _(
        "Employees have been asked this question, and their attempts are records, so it "
        "cannot be deleted. Mark it inactive instead: it will no longer be drawn."
    )


class BankDeleteView(RecordKeepingDeleteView):
    protected_message = _(
        "A quiz draws from this bank or employees have been asked its questions, so it cannot "
        "be deleted. Remove it from the quizzes, or mark its questions inactive."
    )


class QuizDeleteView(RecordKeepingDeleteView):
    protected_message = _(
        "Employees have taken this quiz, and their attempts are records, so it cannot be "
        "deleted. Untick “required” instead."
    )


class QuestionBankViewSet(ModelViewSet):
    model = QuestionBank
    delete_view_class = BankDeleteView
    icon = "folder-open-inverse"
    list_display = ["name", "risk_category", "created_at"]
    list_filter = ["risk_category"]
    search_fields = ["name", "description"]
    inspect_view_enabled = True
    panels = [FieldPanel("name"), FieldPanel("risk_category"), FieldPanel("description")]
    # Wagtail's "Add %(model_name)s" puts the name in the nominative; Czech needs the accusative.
    add_item_label = _("Add a question bank")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.add_item_label, **kwargs)


class QuestionViewSet(ModelViewSet):
    model = Question
    delete_view_class = QuestionDeleteView
    icon = "help"
    list_display = [
        "name",
        "bank",
        "topic",
        Column("type", label=_("type"), accessor="get_type_display"),
        "active",
    ]
    list_filter = ["bank", "type", "active"]
    search_fields = ["name", "topic", "text"]
    list_per_page = 50
    # Wagtail's "Add %(model_name)s" puts the name in the nominative; Czech needs the accusative.
    add_item_label = _("Add a question")
    edit_handler = ObjectList(
        [
            FieldPanel("bank"),
            FieldPanel("name"),
            FieldPanel("topic"),
            FieldRowPanel([FieldPanel("type"), FieldPanel("mode")]),
            FieldPanel("text"),
            FieldPanel("gaps"),
            FieldPanel("truefalse_right"),
            FieldRowPanel([FieldPanel("ignore_case"), FieldPanel("ignore_diacritics")]),
            InlinePanel(
                "choices",
                label=_("Choices"),
                min_num=2,
                help_text=_(
                    "Short answer: each accepted answer (* stands for any text). Numerical: "
                    "the number and its tolerance. Matching: the item and its matching answer. "
                    "Ordering: the items in the right order. Essay: none."
                ),
                panels=[
                    FieldPanel("text"),
                    FieldPanel("fraction", widget=FractionSelect),
                    FieldRowPanel(
                        [FieldPanel("match"), FieldPanel("tolerance"), FieldPanel("gap")]
                    ),
                    FieldPanel("feedback"),
                ],
            ),
            FieldPanel("explanation"),
            FieldPanel("general_feedback"),
            FieldPanel("active"),
        ],
        base_form_class=QuestionAdminForm,
    )

    def get_queryset(self, request):
        return Question.objects.select_related("bank")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.add_item_label, **kwargs)


class QuizViewSet(ModelViewSet):
    model = Quiz
    delete_view_class = QuizDeleteView
    icon = "tasks"
    list_display = [
        "course",
        "pass_mark",
        "questions_per_attempt",
        "max_attempts",
        "time_limit_minutes",
        "is_active",
    ]
    search_fields = ["course__title"]
    # Wagtail's "Add %(model_name)s" puts the name in the nominative; Czech needs the accusative.
    add_item_label = _("Add a quiz")
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("is_active"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("questions_per_attempt")]),
                    FieldRowPanel(
                        [
                            FieldPanel("max_attempts"),
                            FieldPanel("wait_minutes"),
                            FieldPanel("time_limit_minutes"),
                        ]
                    ),
                    FieldPanel("reveal_answers"),
                    FieldPanel("show_feedback"),
                ],
                heading=_("Rules"),
            ),
            InlinePanel(
                "pools",
                label=_("Question banks"),
                min_num=1,
                panels=[FieldPanel("bank"), FieldPanel("count")],
            ),
        ],
        base_form_class=QuizAdminForm,
    )

    def get_queryset(self, request):
        return Quiz.objects.select_related("course")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.add_item_label, **kwargs)


class ImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a file, then see what was imported, skipped, or why the file was refused."""

    permission_required = IMPORT_PERMISSION
    template_name = "quizzes/admin/import.html"
    form_class = ImportForm
    page_title = _("Import questions")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        context = {"form": ImportForm(), "filename": upload.name}
        try:
            context["report"] = services.questions_import(
                bank_name=form.cleaned_data["bank_name"],
                data=upload.read(),
                filename=upload.name,
            )
        except ImportFileError as error:
            context["problems"] = [
                {
                    "line": p.line,
                    "position": p.position,
                    "reason": gettext(p.message) % dict(p.params),
                }
                for p in error.problems
            ]
            context["form"] = form
            return self.render_to_response(self.get_context_data(**context), status=400)
        return self.render_to_response(self.get_context_data(**context))


class StatisticsIndexView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = STATISTICS_PERMISSION
    template_name = "quizzes/admin/statistics_index.html"
    page_title = _("Quiz statistics")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(quizzes=selectors.statistics_overview(), **kwargs)


class StatisticsDetailView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = STATISTICS_PERMISSION
    template_name = "quizzes/admin/statistics_detail.html"
    page_title = _("Quiz statistics")
    header_icon = "table"

    def get_page_subtitle(self):
        return self.quiz.course.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("quiz_statistics:index"), "label": self.page_title},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    @cached_property
    def quiz(self) -> Quiz:
        # Looked up after the permission check: no 404 tells an outsider which quizzes exist.
        return get_object_or_404(Quiz.objects.select_related("course"), pk=self.kwargs["quiz_id"])

    def get_context_data(self, **kwargs):
        stats = selectors.quiz_statistics(quiz=self.quiz)
        return super().get_context_data(stats=stats, **kwargs)


class ExtraAttemptsIndexView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Employees who used up their attempts and asked for another: one click grants one."""

    permission_required = GRANT_PERMISSION
    template_name = "quizzes/admin/extra_attempts.html"
    page_title = _("Requests for another attempt")
    header_icon = "repeat"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pending=selectors.extra_attempt_requests(pending=True),
            granted=selectors.extra_attempt_requests(pending=False)[:20],
            **kwargs,
        )


class ExtraAttemptsGrantView(PermissionRequiredMixin, View):
    permission_required = GRANT_PERMISSION
    http_method_names = ["post"]

    def post(self, request, request_id: int):
        get_object_or_404(ExtraAttempts, pk=request_id)
        grant = services.extra_attempts_grant(request_id=request_id, granted_by=request.user)
        messages.success(
            request,
            gettext("%(employee)s got another attempt at the quiz of “%(course)s”.")
            % {"employee": grant.assignment.user, "course": grant.quiz.course.title},
        )
        return HttpResponseRedirect(reverse("extra_attempts:index"))


class EssayQueueView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Essays waiting for a grade, oldest first, of the courses the editor may edit."""

    permission_required = GRADE_PERMISSION
    template_name = "quizzes/admin/essay_queue.html"
    page_title = _("Essays to grade")
    header_icon = "edit"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        allowed = editable_course_ids(self.request.user, selectors.essay_course_ids())
        essays = selectors.essay_queue(course_ids=allowed)
        forms = kwargs.pop("forms", {})
        rows = [
            (essay, forms.get(essay.pk) or EssayGradeForm(prefix=f"e{essay.pk}"))
            for essay in essays
        ]
        return super().get_context_data(rows=rows, **kwargs)


class EssayGradeView(PermissionRequiredMixin, View):
    permission_required = GRADE_PERMISSION
    http_method_names = ["post"]

    def post(self, request, response_id: int):
        essay = get_object_or_404(
            Response.objects.select_related("item__attempt__quiz"), pk=response_id
        )
        course_id = essay.item.attempt.quiz.course_id
        if course_id not in editable_course_ids(request.user, [course_id]):
            raise PermissionDenied
        form = EssayGradeForm(request.POST, prefix=f"e{response_id}")
        if not form.is_valid():
            view = EssayQueueView.as_view()
            messages.error(request, gettext("The grade was not saved; see the form below."))
            response = view(request, forms={response_id: form})
            response.status_code = 400
            return response
        try:
            services.essay_grade(
                response_id=response_id,
                graded_by=request.user,
                points=form.cleaned_data["points"] / 100,
                feedback=form.cleaned_data["feedback"],
            )
        except services.QuizRefusal as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                gettext("The essay of %(employee)s was graded.")
                % {"employee": essay.item.attempt.user},
            )
        return HttpResponseRedirect(reverse("essay_queue:index"))


def _menu_item_for(permission: str):
    class PermissionMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(permission)

    return PermissionMenuItem


class QuestionImportViewSet(ViewSet):
    name = "quiz_import"
    icon = "upload"
    menu_label = _("Import questions")
    menu_item_class = _menu_item_for(IMPORT_PERMISSION)

    def get_urlpatterns(self):
        return [path("", ImportView.as_view(), name="index")]


class StatisticsViewSet(ViewSet):
    name = "quiz_statistics"
    icon = "table"
    menu_label = _("Statistics")
    menu_item_class = _menu_item_for(STATISTICS_PERMISSION)

    def get_urlpatterns(self):
        return [
            path("", StatisticsIndexView.as_view(), name="index"),
            path("<int:quiz_id>/", StatisticsDetailView.as_view(), name="detail"),
        ]


class ExtraAttemptsViewSet(ViewSet):
    name = "extra_attempts"
    icon = "repeat"
    menu_label = _("Requests for another attempt")
    menu_item_class = _menu_item_for(GRANT_PERMISSION)

    def get_urlpatterns(self):
        return [
            path("", ExtraAttemptsIndexView.as_view(), name="index"),
            path("<int:request_id>/grant/", ExtraAttemptsGrantView.as_view(), name="grant"),
        ]


class EssayQueueViewSet(ViewSet):
    name = "essay_queue"
    icon = "edit"
    menu_label = _("Essays to grade")
    menu_item_class = _menu_item_for(GRADE_PERMISSION)

    def get_urlpatterns(self):
        return [
            path("", EssayQueueView.as_view(), name="index"),
            path("<int:response_id>/grade/", EssayGradeView.as_view(), name="grade"),
        ]


class QuizzesViewSetGroup(ViewSetGroup):
    menu_label = _("Quizzes")
    menu_icon = "tasks"
    menu_order = 220
    items = (
        QuizViewSet("quiz_admin", url_prefix="quizzes"),
        QuestionBankViewSet("question_banks"),
        QuestionViewSet("questions"),
        QuestionImportViewSet(),
        StatisticsViewSet(),
        KnowledgeReportViewSet(),
        ExtraAttemptsViewSet(),
        EssayQueueViewSet(),
    )
