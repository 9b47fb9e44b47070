"""Background exports: request a full records export or an evidence pack, watch it, download it.

A job belongs to whoever asked for it; anyone else gets 404 for its pages and file.
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import services
from ..filters import EvidenceForm, FilterForm, RecordsExportForm
from ..models import ExportJob
from ..permissions import EVIDENCE_PACK
from ..scope import scope_for


@require_POST
@login_required
def records_export_create(request):
    scope = scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    filters = FilterForm(request.POST, scope=scope)
    if not filters.is_valid():
        if filters.tampered:
            raise Http404
        return HttpResponseBadRequest()
    choice = RecordsExportForm(request.POST)
    if not choice.is_valid():
        return HttpResponseBadRequest()
    job = services.export_job_request(
        requested_by=request.user,
        kind=ExportJob.Kind.RECORDS,
        export_format=choice.cleaned_data["format"],
        params=filters.filters().as_json(),
    )
    return redirect("reports:job_detail", job_id=job.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@permission_required(EVIDENCE_PACK, raise_exception=True)
def evidence_pack(request):
    scope = scope_for(request.user)
    form = EvidenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = services.export_job_request(
            requested_by=request.user,
            kind=ExportJob.Kind.EVIDENCE,
            export_format=ExportJob.Format.ZIP,
            params={
                "date_from": form.cleaned_data["date_from"].isoformat(),
                "date_to": form.cleaned_data["date_to"].isoformat(),
            },
        )
        return redirect("reports:job_detail", job_id=job.pk)
    recent = ExportJob.objects.filter(requested_by=request.user)[:10]
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "reports/evidence_form.html",
        {"form": form, "recent": recent, "scope": scope, "section": "evidence"},
        status=status,
    )


def _job_or_404(request, job_id: int) -> ExportJob:
    job = ExportJob.objects.filter(pk=job_id, requested_by=request.user).first()
    if job is None:
        raise Http404
    return job


@require_safe
@login_required
def job_detail(request, job_id: int):
    job = _job_or_404(request, job_id)
    context = {
        "job": job,
        "state": job.state_json(),
        "scope": scope_for(request.user),
        "section": "evidence" if job.kind == ExportJob.Kind.EVIDENCE else "people",
    }
    return render(request, "reports/job_detail.html", context)


@never_cache
@require_safe
@login_required
def job_status(request, job_id: int):
    return JsonResponse(_job_or_404(request, job_id).state_json())


@require_safe
@login_required
def job_download(request, job_id: int):
    job = _job_or_404(request, job_id)
    if job.state != ExportJob.State.DONE:
        raise Http404
    content_types = {
        ExportJob.Format.CSV: "text/csv; charset=utf-8",
        ExportJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportJob.Format.ZIP: "application/zip",
    }
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename or f"export.{job.format}",
        content_type=content_types[job.format],
    )
    response["Cache-Control"] = "private, no-store"
    return response
