"""Uploads bounded before they are processed: one limit (settings.MAX_UPLOAD_BYTES) for every file.

BoundedUploadHandler, first in FILE_UPLOAD_HANDLERS, counts each file's bytes as they arrive:
past the limit it keeps nothing more and hands the form an empty OversizedUpload that knows
the size, so no image decoder, importer or storage ever sees the rest. The image and document
forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE) and every import form
(validate_upload_size) then refuse it with a clear message, before anything else.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class OversizedUpload(UploadedFile):
    """What remains of a file over the limit: its name and size, none of its content."""

    def __init__(self, name, content_type, size, charset=None):
        super().__init__(io.BytesIO(), name, content_type, size, charset)


class BoundedUploadHandler(FileUploadHandler):
    """Stops keeping a file once it passes MAX_UPLOAD_BYTES (the rest is read and dropped)."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_BYTES:
            return None  # later handlers (memory, temporary file) get nothing more
        return raw_data

    def file_complete(self, file_size):
        if self.received > settings.MAX_UPLOAD_BYTES:
            return OversizedUpload(self.file_name, self.content_type, self.received, self.charset)
        return None


def validate_upload_size(upload) -> None:
    """The one size rule, for any form's FileField (imports, documents, images)."""
    if upload is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too big (%(size)s); at most %(limit)s can be uploaded."),
            # Not Wagtail's "file_too_large": its document field would swap in its own
            # message, which expects other parameters.
            code="upload_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
        )


class BoundedImageField(WagtailImageField):
    """Wagtail's image field, with the size checked before the file is opened as an image."""

    def to_python(self, data):
        validate_upload_size(data)
        return super().to_python(data)


class BoundedImageForm(BaseImageForm):
    file = BoundedImageField(label=_("File"))


class BoundedDocumentForm(BaseDocumentForm):
    # Wagtail's document field: the multiple-upload page reads its max_upload_size.
    file = WagtailDocumentField(label=_("File"), validators=[validate_upload_size])
