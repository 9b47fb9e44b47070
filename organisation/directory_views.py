"""The directory sync's admin page for HR and admins: last runs, their reports, run and confirm."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .directory_services import directory_configured
from .directory_tasks import directory_sync_task
from .models import DirectorySync

HR_PERMISSIONS = ["organisation.add_user", "organisation.change_user"]
RECENT = 20


class DirectorySyncView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "organisation/admin/directory_sync.html"
    page_title = gettext_lazy("Directory sync")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(HR_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        runs = list(DirectorySync.objects.select_related("triggered_by")[:RECENT])
        kwargs.update(
            runs=runs,
            last=runs[0] if runs else None,
            configured=directory_configured(),
            base_dn=settings.LDAP_BASE_DN,
            limit=settings.DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT,
        )
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if not directory_configured():
            return HttpResponseBadRequest()
        action = request.POST.get("action")
        if action == "run":
            dry_run = request.POST.get("dry_run") == "1"
            directory_sync_task.delay_on_commit(user_id=request.user.pk, dry_run=dry_run)
            messages.success(request, _("The directory sync has started; reload for its result."))
        elif action == "confirm":
            try:
                pk = int(request.POST.get("sync", ""))
            except ValueError:
                return HttpResponseBadRequest()
            stopped = get_object_or_404(
                DirectorySync, pk=pk, status=DirectorySync.Status.NEEDS_CONFIRMATION
            )
            directory_sync_task.delay_on_commit(user_id=request.user.pk, confirms_id=stopped.pk)
            messages.success(
                request,
                _(
                    "The sync runs again and may deactivate the people listed, no one else; "
                    "reload for its result."
                ),
            )
        else:
            return HttpResponseBadRequest()
        return redirect("directory_sync")
