"""Audit-log action names shared by every app, and the one call that records an export."""

from __future__ import annotations

from wagtail.log_actions import log

# A download of data from the system: a report table, a people list, a listing in the admin.
EXPORT_ACTION = "core.export"
VIEW_PERMISSION = "core.view_audit_log"


def export_log(*, user, instance, what: str, export_format: str, **details) -> None:
    """Record that `user` exported `what` (a short key, e.g. "reports.hr.workplaces").

    `instance` is the object the export is about: the person for a transcript, the background
    job for a large export, or else the exporting user themself (a report has no row of its
    own); the entry keeps what, in which format and with which filters in its data.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return
    log(
        instance=instance,
        action=EXPORT_ACTION,
        user=user,
        data={"what": what, "format": export_format, **details},
    )


class AuditedExportMixin:
    """For Wagtail listing views with `list_export`: each CSV/XLSX download is audited.

    The entry's object is the exporting user (a listing has no row of its own); its data
    names the listing and the filters, so the auditor sees which records left the system.
    """

    def as_spreadsheet(self, queryset, spreadsheet_format):
        filters = {
            key: value
            for key, value in self.request.GET.lists()
            if key not in ("export", "p", "ordering")
        }
        export_log(
            user=self.request.user,
            instance=self.request.user,
            what=f"{self.model._meta.app_label}.{self.model._meta.model_name}",
            export_format=spreadsheet_format,
            filters=filters,
            rows=queryset.count(),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)
