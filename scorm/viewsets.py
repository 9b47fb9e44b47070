"""Wagtail admin screens of SCORM packages: upload (checked, then unpacked), list, rename."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .forms import ScormPackageEditForm, ScormPackageUploadForm
from .models import ScormPackage
from .packages import PackageError


class PackageCreateView(CreateView):
    submit_button_label = _("Upload")
    submit_button_active_label = _("Checking and unpacking…")

    def save_instance(self):
        # The service unpacks the archive and writes the audit log entry.
        data = self.form.cleaned_data
        return services.package_create(
            upload=data["package_file"], title=data.get("title", ""), by=self.request.user
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PackageError as e:
            form.add_error("package_file", str(e))
            return self.form_invalid(form)


class ScormPackageViewSet(ModelViewSet):
    model = ScormPackage
    icon = "folder-open-inverse"
    menu_label = _("SCORM packages")
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = PackageCreateView
    list_display = [
        "title",
        Column("version", label=_("SCORM version"), accessor="get_version_display"),
        "file_count",
        "uploaded_at",
    ]
    search_fields = ["title"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ScormPackageEditForm if for_update else ScormPackageUploadForm
