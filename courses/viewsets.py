"""Wagtail admin screens for HR and the security manager: the assignment listing with filters and
exports, and assigning a course by hand."""

import django_filters
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from core.audit import AuditedExportMixin
from core.collation import person_search
from core.spreadsheets import FormulaSafeExportMixin
from organisation.models import Workplace
from risk.models import RiskCategory, RiskLevel

from . import services
from .forms import ManualAssignmentForm
from .models import Assignment, CoursePage


class AssignmentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Assignment.Status.choices)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.live().order_by("title")
    )
    workplace = django_filters.ModelChoiceFilter(
        label=_("Workplace (with sub-workplaces)"),
        queryset=Workplace.objects.order_by("path"),
        method="filter_workplace",
    )
    source = django_filters.ChoiceFilter(label=_("Source"), choices=Assignment.Source.choices)
    risk_category = django_filters.ModelChoiceFilter(
        label=_("Risk category"), queryset=RiskCategory.objects.all()
    )
    risk_level = django_filters.ChoiceFilter(label=_("Risk level"), choices=RiskLevel.choices)
    due_date = django_filters.DateFromToRangeFilter(
        label=_("Due date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Assignment
        fields = []

    def filter_overdue(self, queryset, name, value):
        overdue = {"status": Assignment.Status.ASSIGNED, "due_date__lt": timezone.localdate()}
        if value is True:
            return queryset.filter(**overdue)
        if value is False:
            return queryset.exclude(**overdue)
        return queryset

    def filter_workplace(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(user__workplace__path__startswith=value.path)


class AssignmentIndexView(AuditedExportMixin, FormulaSafeExportMixin, generic.IndexView):
    add_item_label = _("Assign a course")

    def get_base_queryset(self):
        # Everything the columns (and the export) show, in one query per page.
        return (
            super()
            .get_base_queryset()
            .select_related("user__workplace", "course", "review__workplace", "risk_category")
        )

    def search_queryset(self, queryset):
        # The person's name without regard to diacritics ("sastny" finds Šťastný), else the
        # personal number or the course title as Wagtail would.
        if not self.is_searching:
            return queryset
        term = self.search_query
        return person_search(queryset, term, prefix="user__") | queryset.filter(
            Q(user__personal_number__icontains=term) | Q(course__title__icontains=term)
        )


class ManualAssignmentView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """HR or the security manager assign a course to a person, a workplace or everyone."""

    permission_required = "add"  # courses.add_assignment, by the viewset's permission policy
    form_class = ManualAssignmentForm
    template_name = "courses/admin/manual_assignment.html"
    page_title = _("Assign a course")
    header_icon = "tasks"
    index_url_name = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Assignment._meta.verbose_name_plural},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        # Links may preselect the form, e.g. ?course=12&target=subtree&workplace=3.
        fields = ManualAssignmentForm.base_fields
        return {"target": "person", **{k: v for k, v in self.request.GET.items() if k in fields}}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = _("Assign")
        context["submit_button_active_label"] = _("Assigning…")
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        course = form.cleaned_data["course"]
        result = services.assignments_assign_manually(
            course=course,
            users=form.recipients(),
            due_date=form.cleaned_data["due_date"],
            reason=form.cleaned_data["reason"],
            assigned_by=self.request.user,
        )
        messages.success(
            self.request,
            ngettext(
                "“%(course)s” assigned to %(count)d person.",
                "“%(course)s” assigned to %(count)d people.",
                result.created,
            )
            % {"course": course.title, "count": result.created}
            + (
                " "
                + ngettext(
                    "%(count)d already had it open and keeps it.",
                    "%(count)d already had it open and keep it.",
                    result.already_assigned,
                )
                % {"count": result.already_assigned}
                if result.already_assigned
                else ""
            ),
        )
        return redirect(self.index_url_name)


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    name = "assignments"
    icon = "tasks"
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = AssignmentIndexView
    add_view_class = ManualAssignmentView
    list_display = [
        "user",
        Column("workplace", label=_("Workplace"), accessor="user.workplace"),
        "course",
        "status",
        "due_date",
        "source",
        Column("reason", label=_("Reason"), accessor="reason_display"),
    ]
    filterset_class = AssignmentFilterSet
    search_fields = [
        "user__first_name",
        "user__last_name",
        "user__email",
        "user__personal_number",
        "course__title",
    ]
    search_backend_name = None
    ordering = ["due_date", "id"]
    list_export = [
        "user.personal_number",
        "user",
        "user.email",
        "user.workplace",
        "course",
        "get_status_display",
        "due_date",
        "completed_at",
        "completed_version",
        "score",
        "get_source_display",
        "reason_display",
    ]
    export_headings = {
        "user.personal_number": _("Personal number"),
        "user": _("Employee"),
        "user.email": _("E-mail"),
        "user.workplace": _("Workplace"),
        "course": _("Course"),
        "get_status_display": _("Status"),
        "due_date": _("Due date"),
        "completed_at": _("Completed at"),
        "completed_version": _("Completed version"),
        "score": _("Score (%)"),
        "get_source_display": _("Source"),
        "reason_display": _("Reason"),
    }
    export_filename = "prirazena-skoleni"
    form_fields = ["due_date", "reason"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "course",
        "status",
        "due_date",
        "source",
        "reason_display",
        "review",
        "risk_category",
        "risk_level",
        "assigned_by",
        "created_at",
        "completed_at",
        "completed_version",
        "score",
    ]
    copy_view_enabled = False

    @cached_property
    def add_view(self):
        return ManualAssignmentView.as_view(
            index_url_name=self.get_url_name("index"), permission_policy=self.permission_policy
        )


assignment_viewset = AssignmentViewSet()
