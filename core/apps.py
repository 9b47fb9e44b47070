"""App config of the bottom layer: what every app may use, importing none of them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.backends.signals import connection_created

        from .collation import register_sqlite

        # Czech order and diacritics-free search on SQLite, for every new connection.
        connection_created.connect(register_sqlite, dispatch_uid="core.collation")
