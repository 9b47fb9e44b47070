"""App config for certificates: issuing, PDFs and public verification."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from . import personal_data, signal_handlers

        signal_handlers.connect()
        personal_data.register()
