"""Admin screens for operations: when each job last ran and what it did, and the e-mails."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import JobRun, Notification, OutboxEmail


class _ReadOnlyViewSet(ModelViewSet):
    """Records the jobs wrote: nobody edits history by hand."""

    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields: list[str] = []

    def get_permissions_to_register(self):
        # A queryset, not a list: the group form ORs the registered permissions together.
        return Permission.objects.none()


class JobRunViewSet(_ReadOnlyViewSet):
    model = JobRun
    url_prefix = "automation/job-runs"
    icon = "time"
    menu_label = _("Job runs")
    list_display = ["job", "started_at", "finished_at", "status", "attempt", "summary"]
    list_filter = ["job", "status"]
    inspect_view_fields = ["job", "started_at", "finished_at", "status", "counts", "error"]


class NotificationViewSet(_ReadOnlyViewSet):
    model = Notification
    url_prefix = "automation/notifications"
    icon = "mail"
    menu_label = _("Notifications")
    list_display = ["key", "kind", "step", "skipped", "recipient", "created_at"]
    list_filter = ["kind", "skipped"]
    search_fields = ["key"]


class OutboxEmailViewSet(_ReadOnlyViewSet):
    model = OutboxEmail
    url_prefix = "automation/outbox"
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    list_display = ["subject", "created_at", "sent_at", "attempts"]
    search_fields = ["subject"]


class AutomationGroup(ViewSetGroup):
    menu_label = _("Automation")
    menu_icon = "cogs"
    menu_order = 900
    items = (
        JobRunViewSet("job_runs"),
        NotificationViewSet("notifications"),
        OutboxEmailViewSet("outbox"),
    )
