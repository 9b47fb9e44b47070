"""Admin screens for operations: the job runs (and running a job now), the e-mails."""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from core.enqueue import enqueue_on_commit

from . import services, tasks
from .models import JobRequest, JobRun, Notification, OutboxEmail
from .services import JOBS


class _ReadOnlyViewSet(ModelViewSet):
    """Records the jobs wrote: nobody edits history by hand."""

    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields: list[str] = []

    def get_permissions_to_register(self):
        # A queryset, not a list: the group form ORs the registered permissions together.
        return Permission.objects.none()


class JobRunIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(RUN_NOW_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Run a job now"), url=reverse("automation_run_now"), icon_name="cogs"
                )
            )
        return buttons


class JobRunViewSet(_ReadOnlyViewSet):
    model = JobRun
    index_view_class = JobRunIndexView
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


# --- Run a PDCA job now ----------------------------------------------------------------------

RUN_NOW_PERMISSION = "automation.run_job_now"

JOB_LABELS = {
    "refreshers": _("Refreshers for expiring certificates"),
    "reminders": _("Reminders of training due"),
    "escalation": _("Escalation of overdue training"),
    "check-summary": _("Monthly check summary"),
    "review-cycle": _("Risk reviews coming due"),
    "catch-up": _("Catch-up of lost tasks"),
}
COUNT_LABELS = {
    "sent": _("e-mails sent"),
    "skipped": _("steps skipped"),
    "assignments": _("overdue assignments"),
    "manager_emails": _("e-mails to managers"),
    "hr_emails": _("e-mails to HR"),
    "refreshers": _("refreshers assigned"),
    "emails": _("e-mails"),
    "flagged": _("workplaces flagged"),
    "plan_changes": _("plan changes"),
    "certificates": _("certificates issued"),
    "pdfs": _("PDFs generated"),
    "emails_sent": _("e-mails sent"),
}


def job_label(name: str) -> str:
    return str(JOB_LABELS.get(name, name))


def counts_display(counts: dict) -> list[dict]:
    return [
        {"key": key, "label": str(COUNT_LABELS.get(key, key)), "value": value}
        for key, value in sorted(counts.items())
    ]


def request_state(job_request: JobRequest) -> dict:
    """What the progress page shows, as JSON and on its first render alike."""
    return {
        "state": job_request.status,
        "state_label": str(job_request.get_status_display()),
        "finished": job_request.is_finished,
        "counts": counts_display(job_request.counts) if job_request.is_finished else [],
        "failed": job_request.status == JobRequest.Status.FAILED,
    }


def _forbidden(request):
    # A plain 403 rather than Wagtail's redirect to the dashboard: the refusal is explicit.
    return permission_denied(request, PermissionDenied())


class _RunNowPermission:
    """The dedicated permission, checked on the server for every request (GET and POST)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RUN_NOW_PERMISSION):
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class RunNowView(_RunNowPermission, WagtailAdminTemplateMixin, TemplateView):
    """Each job with its last run and a button; POST starts one (never a second at once)."""

    template_name = "automation/admin/run_now.html"
    page_title = _("Run a PDCA job now")
    header_icon = "cogs"
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("job_runs:index"), "label": _("Job runs")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        latest_ids = JobRun.objects.values("job").annotate(last=Max("id")).values("last")
        runs = {run.job: run for run in JobRun.objects.filter(id__in=latest_ids)}
        open_requests = {
            r.job: r for r in JobRequest.objects.filter(finished_at=None, job__in=list(JOBS))
        }
        rows = [
            {
                "name": name,
                "label": job_label(name),
                "last_run": runs.get(name),
                "open_request": open_requests.get(name),
            }
            for name in JOBS
        ]
        return super().get_context_data(rows=rows, **kwargs)

    def post(self, request, *args, **kwargs):
        name = request.POST.get("job", "")
        if name not in JOBS:
            messages.error(request, _("Unknown job. Choose one of the jobs listed."))
            return redirect("automation_run_now")
        try:
            with transaction.atomic():
                job_request = services.job_request_create(name=name, user=request.user)
                enqueue_on_commit(tasks.run_job, name, request_id=job_request.pk)
        except services.JobBusy as busy:
            messages.warning(
                request,
                _("The job “%(job)s” is already running. A second run was not started.")
                % {"job": job_label(name)},
            )
            if busy.request is not None:
                return redirect("automation_run_now_progress", busy.request.pk)
            return redirect("automation_run_now")
        messages.success(request, _("The job “%(job)s” was started.") % {"job": job_label(name)})
        return redirect("automation_run_now_progress", job_request.pk)


class RunNowProgressView(_RunNowPermission, WagtailAdminTemplateMixin, TemplateView):
    """The run's state, which a static script refreshes from the JSON endpoint below."""

    template_name = "automation/admin/run_now_progress.html"
    header_icon = "time"
    http_method_names = ["get"]

    @cached_property
    def job_request(self) -> JobRequest:
        return get_object_or_404(JobRequest, pk=self.kwargs["pk"])

    def get_page_title(self):
        return job_label(self.job_request.job)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("job_runs:index"), "label": _("Job runs")},
            {"url": reverse("automation_run_now"), "label": _("Run a PDCA job now")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            job_request=self.job_request, state=request_state(self.job_request), **kwargs
        )


@require_safe
def run_now_status(request, pk: int):
    if not request.user.has_perm(RUN_NOW_PERMISSION):
        return _forbidden(request)
    return JsonResponse(request_state(get_object_or_404(JobRequest, pk=pk)))
