"""The xAPI app: every learning event kept as an xAPI statement, forwarded to an LRS."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "xapi"
    verbose_name = _("xAPI statements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from organisation.erasure import register_personal_data

        from . import selectors

        register_personal_data("xapi_statements", selectors.statements_of)
