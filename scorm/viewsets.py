"""Wagtail admin screens of SCORM packages: upload (checked, then unpacked), list, edit, delete."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView
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


class PackageDeleteView(DeleteView):
    """Refuses, with the lessons named, to delete a package that lessons play (PROTECT)."""

    # Names beyond this many are counted, not listed, so the message stays readable.
    named_lessons = 5

    # get/post, not dispatch: they run after the permission check, so only someone who may
    # delete packages learns which lessons use one.
    def get(self, request, *args, **kwargs):
        return self.refusal(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal(request) or super().post(request, *args, **kwargs)

    def refusal(self, request):
        lessons = list(
            self.object.lessons.order_by("title", "pk").values_list("title", flat=True)[
                : self.named_lessons + 1
            ]
        )
        if not lessons:
            return None
        count = len(lessons)
        if count > self.named_lessons:
            count = self.object.lessons.count()
        names = ", ".join(f"„{title}“" for title in lessons[: self.named_lessons])
        if count > self.named_lessons:
            names += " " + ngettext(
                "and %(count)s more", "and %(count)s more", count - self.named_lessons
            ) % {"count": count - self.named_lessons}
        messages.error(
            request,
            ngettext(
                "The package cannot be deleted, %(count)s lesson uses it: %(names)s.",
                "The package cannot be deleted, %(count)s lessons use it: %(names)s.",
                count,
            )
            % {"count": count, "names": names},
        )
        return redirect(self.index_url_name)


class ScormPackageViewSet(ModelViewSet):
    model = ScormPackage
    icon = "folder-open-inverse"
    menu_label = _("SCORM packages")
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = PackageCreateView
    delete_view_class = PackageDeleteView
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
