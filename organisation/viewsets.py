"""Wagtail admin screens of the organisation: users with employee fields, the workplace tree,
and HR's employee import."""

import base64
import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from core.uploads import validate_upload_size

from . import services
from .forms import UserCreationForm, UserEditForm
from .models import Workplace

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class UserViewSet(WagtailUserViewSet):
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
    session_key = "organisation.employee_import"

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
        data = form.cleaned_data["file"].read()
        deactivate = form.cleaned_data["deactivate_missing"]
        plan = services.employees_import(
            data=data, dry_run=True, deactivate_missing=deactivate, imported_by=request.user
        )
        token = hashlib.sha256(data).hexdigest()
        if plan.ok:
            # The confirmed import reads the very file that was previewed.
            request.session[self.session_key] = {
                "token": token,
                "data": base64.b64encode(data).decode(),
                "deactivate": deactivate,
                "name": form.cleaned_data["file"].name,
            }
        return self.render_to_response(
            self.get_context_data(
                form=form, plan=plan, preview=True, token=token, deactivate=deactivate
            )
        )

    def _confirm(self, request):
        stored = request.session.get(self.session_key)
        if not stored or stored["token"] != request.POST.get("token"):
            messages.error(request, _("The previewed file has expired; upload it again."))
            return redirect("employee_import")
        plan = services.employees_import(
            data=base64.b64decode(stored["data"]),
            deactivate_missing=stored["deactivate"],
            imported_by=request.user,
        )
        if not plan.ok:
            # Someone changed the people meanwhile: show why, nothing was written.
            return self.render_to_response(self.get_context_data(plan=plan, preview=True))
        del request.session[self.session_key]
        messages.success(
            request,
            _(
                "Employees imported: %(created)d new, %(updated)d changed, "
                "%(deactivated)d deactivated."
            )
            % {
                "created": len(plan.created),
                "updated": len(plan.updated),
                "deactivated": len(plan.deactivate),
            },
        )
        return self.render_to_response(self.get_context_data(plan=plan, done=True))
