"""The editor's upload form of a SCORM package: the whole archive is checked in clean()."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.uploads import validate_upload_size

from .models import ScormPackage
from .packages import PackageError, read_package


class ScormPackageUploadForm(WagtailAdminModelForm):
    package_file = forms.FileField(
        label=_("SCORM package (ZIP)"),
        help_text=_(
            "A SCORM 1.2 or SCORM 2004 (3rd or 4th edition) package exported as a ZIP file, "
            "with imsmanifest.xml at its top level."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    class Meta:
        model = ScormPackage
        fields = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Empty: the title in the package's manifest.")

    def clean_package_file(self):
        upload = self.cleaned_data["package_file"]
        validate_upload_size(upload)
        try:
            self.package = read_package(upload)
        except PackageError as e:
            raise forms.ValidationError(str(e), code="scorm_package") from e
        return upload


class ScormPackageEditForm(WagtailAdminModelForm):
    class Meta:
        model = ScormPackage
        fields = ["title"]
