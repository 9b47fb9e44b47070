"""The admin dashboard panel: when each PDCA job last ran and what it did."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .models import JobRun
from .services import JOBS


class LastRunsPanel(Component):
    name = "automation_last_runs"
    order = 150
    template_name = "automation/last_runs_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        latest_ids = JobRun.objects.values("job").annotate(last=Max("id")).values("last")
        runs = {run.job: run for run in JobRun.objects.filter(id__in=latest_ids)}
        return {
            "rows": [(name, runs.get(name)) for name in JOBS],
            "title": _("PDCA automation: last runs"),
        }
