"""Wagtail admin screens of the organisation: users with employee fields, the workplace tree,
and HR's employee import."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from core.collation import czech_order, person_search
from core.uploads import validate_upload_size

from . import services
from .forms import UserCreationForm, UserEditForm
from .models import EmployeeImport, Workplace

MAX_IMPORT_BYTES = 5 * 1024 * 1024
# Whoever holds it sees every confirmed import, not only their own (superusers do).
VIEW_IMPORTS = "organisation.view_employeeimport"


class UserIndexView(WagtailUserIndexView):
    """Wagtail's user list, by name in Czech order, searched without regard to diacritics."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return person_search(queryset, self.search_query)

    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            descending = self.ordering == "-name"
            return queryset.order_by(
                czech_order("last_name", descending=descending),
                czech_order("first_name", descending=descending),
                "email",
            )
        return super().order_queryset(queryset)


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView
    ordering = "name"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class WorkplaceViewSet(ModelViewSet):
    model = Workplace
    icon = "group"
    menu_order = 210
    add_to_admin_menu = True
    list_display = [Column("full_name", label=_("Workplace")), "code"]
    search_fields = ["name", "code"]
    form_fields = ["name", "code"]
    inspect_view_enabled = True
    # Wagtail's "Add %(model_name)s" puts the name in the nominative; Czech needs the accusative.
    add_item_label = _("Add a workplace")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.add_item_label, **kwargs)


workplace_viewset = WorkplaceViewSet("workplaces")


class EmployeeImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_(
            "An Excel workbook (.xlsx), or CSV in UTF-8 (Excel: “CSV UTF-8”) separated by "
            "semicolons or commas."
        ),
        validators=[validate_upload_size],
    )
    deactivate_missing = forms.BooleanField(
        label=_("Deactivate employees missing from the file"),
        required=False,
        help_text=_("Their records and training history are kept; they can no longer log in."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 5 MB)."))
        return upload


class EmployeeImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Upload, preview (a dry run with a per-line report), confirm: HR's employee import."""

    # Both: the import creates people and changes them. Logged in already (the admin), so a
    # missing permission is 403, never a login redirect.
    permission_required = ("organisation.add_user", "organisation.change_user")

    template_name = "organisation/admin/employee_import.html"
    page_title = _("Import employees")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", EmployeeImportForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self._confirm(request)
        form = EmployeeImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        deactivate = form.cleaned_data["deactivate_missing"]
        # The confirmed import reads the very file that was previewed, kept with its job.
        plan, job = services.employee_import_preview(
            data=upload.read(),
            file_name=upload.name,
            deactivate_missing=deactivate,
            requested_by=request.user,
        )
        return self.render_to_response(
            self.get_context_data(
                form=form,
                plan=plan,
                preview=True,
                token=job.key if job else None,
                deactivate=deactivate,
            )
        )

    def _confirm(self, request):
        # Confirming twice (a double click, the back button) finds the same job: one import.
        job = services.employee_import_confirm(
            key=request.POST.get("token", ""), confirmed_by=request.user
        )
        if job is None:
            messages.error(request, _("The previewed file has expired; upload it again."))
            return redirect("employee_import")
        return redirect("employee_import_job", job_id=job.pk)


def _import_job(request, job_id: int) -> EmployeeImport:
    """The confirmed import, if it is the requester's or they may view everyone's; else 404."""
    job = (
        EmployeeImport.objects.filter(pk=job_id, confirmed_at__isnull=False)
        .select_related("requested_by")
        .defer("data")
        .first()
    )
    if job is None or (
        job.requested_by_id != request.user.pk and not request.user.has_perm(VIEW_IMPORTS)
    ):
        raise Http404
    return job


class EmployeeImportJobView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The confirmed import: progress while the worker applies it, then the per-line report."""

    permission_required = EmployeeImportView.permission_required
    http_method_names = ["get", "head"]
    template_name = "organisation/admin/employee_import_job.html"
    page_title = _("Import employees")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("employee_import"), "label": self.page_title},
            {"url": "", "label": _("Result")},
        ]

    def get_context_data(self, **kwargs):
        job = _import_job(self.request, self.kwargs["job_id"])
        return super().get_context_data(
            job=job, state=job.state_json(), summary=import_summary(job.report), **kwargs
        )


class EmployeeImportStatusView(PermissionRequiredMixin, View):
    """The JSON the result page polls."""

    permission_required = EmployeeImportView.permission_required
    http_method_names = ["get", "head"]

    @method_decorator(never_cache)
    def get(self, request, job_id: int):
        return JsonResponse(_import_job(request, job_id).state_json())


def import_summary(report: dict) -> list[str]:
    """The counts of a finished import as Czech sentences with their plural forms."""
    counts = report.get("counts") or {}
    if report.get("errors") or not counts:
        return []
    phrases = {
        "created": lambda n: ngettext(
            "%(count)d employee created", "%(count)d employees created", n
        ),
        "updated": lambda n: ngettext(
            "%(count)d employee changed", "%(count)d employees changed", n
        ),
        "moved": lambda n: ngettext(
            "%(count)d employee moved to another workplace",
            "%(count)d employees moved to another workplace",
            n,
        ),
        "unchanged": lambda n: ngettext(
            "%(count)d employee unchanged", "%(count)d employees unchanged", n
        ),
        "deactivated": lambda n: ngettext(
            "%(count)d employee deactivated", "%(count)d employees deactivated", n
        ),
    }
    return [
        phrase(counts.get(key, 0)) % {"count": counts.get(key, 0)}
        for key, phrase in phrases.items()
    ]
