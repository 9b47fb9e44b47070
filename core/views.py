"""The whole audit log, read-only, for the holders of core.view_audit_log."""

from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry

from .audit import VIEW_PERMISSION


class AuditLogView(LogEntriesView):
    """Wagtail's site history, but every entry (not only those of models the user may edit).

    Nothing here writes: Wagtail has no view that edits or deletes a log entry.
    """

    page_title = _("Audit log")
    index_url_name = "core_audit_log"
    index_results_url_name = "core_audit_log_results"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return super().get_filename().replace("audit-log", "auditni-zaznam")

    def get_filtered_queryset(self):
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                log_model.objects.all()
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")
