"""Certificate pages: the employee's own list and PDFs, public verification, HR's bulk export."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from courses.models import Assignment

from . import selectors, services, throttle
from .forms import CertificateExportForm
from .models import CertificateExport

DEFAULT_VERIFY_RATE_LIMIT = 30  # requests per minute and client address


def can_see_all_certificates(user) -> bool:
    """HR and the security manager (ROLE_PERMISSIONS grants them this); nobody else."""
    return user.has_perm("certificates.view_certificate")


def can_see_all_exports(user) -> bool:
    return user.has_perm("certificates.view_certificateexport")


def can_request_exports(user) -> bool:
    return user.has_perm("certificates.add_certificateexport")


@login_required
def my_certificates(request):
    rows = selectors.my_certificates(user=request.user)
    return render(request, "certificates/my_certificates.html", {"rows": rows})


def _downloadable(request):
    # Someone else's certificate is "not found", not "forbidden": its existence is nobody
    # else's business.
    assignments = Assignment.objects.filter(status=Assignment.Status.COMPLETED)
    if not can_see_all_certificates(request.user):
        assignments = assignments.filter(user=request.user)
    return assignments


@login_required
@require_safe
def certificate_download(request, code: str):
    """The PDF behind the certificate's unguessable code; reading it never issues or renders."""
    certificate = selectors.certificate_for_download(code=code, assignments=_downloadable(request))
    if certificate is None:
        raise Http404
    if not certificate.pdf:
        # A GET changes nothing: the page offers the idempotent POST that prepares the file.
        response = render(
            request,
            "certificates/being_prepared.html",
            {"assignment": certificate.assignment, "certificate": certificate},
            status=202,
        )
        response["Cache-Control"] = "private, no-store"
        return response
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"osvedceni-{certificate.serial_number}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def certificate_prepare(request, assignment_id: int):
    """Issue (if the task has not yet) and render the PDF of a completed assignment; idempotent."""
    assignment = get_object_or_404(_downloadable(request), pk=assignment_id)
    certificate = services.certificate_issue(assignment=assignment, by=request.user)
    if not certificate.pdf:
        certificate = services.certificate_pdf(certificate=certificate)
    return redirect("certificates:download", code=certificate.verification_code)


def _client_address(request) -> str:
    # Behind a reverse proxy every visitor has the proxy's address; the deployment names the
    # header its proxy sets (e.g. "HTTP_X_REAL_IP") instead of us trusting a spoofable one.
    header = getattr(settings, "CERTIFICATES_CLIENT_IP_HEADER", None)
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


@never_cache
@require_safe
def verify(request, code: str):
    """The public page behind the QR code; no login, and nothing about who asked or what."""
    limit = getattr(settings, "CERTIFICATES_VERIFY_RATE_LIMIT", DEFAULT_VERIFY_RATE_LIMIT)
    if not throttle.allow(key=f"verify:{_client_address(request)}", limit=limit):
        response = render(request, "certificates/rate_limited.html", status=429)
        response["Retry-After"] = "60"
        return response
    # The catch-all URL hands over everything after verify/; a pasted link may lack the slash.
    certificate = selectors.certificate_by_code(code=code.removesuffix("/"))
    if certificate is None:
        # One fixed page for every miss: it neither echoes the input nor says why it failed.
        return render(request, "certificates/verify_not_found.html", status=404)
    response = render(request, "certificates/verify.html", {"certificate": certificate})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
def export_create(request):
    if not can_request_exports(request.user):
        raise Http404
    form = CertificateExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        export = services.certificate_export_request(
            requested_by=request.user,
            workplace=form.cleaned_data["workplace"],
            date_from=form.cleaned_data["date_from"],
            date_to=form.cleaned_data["date_to"],
        )
        return redirect("certificates:export_detail", export_id=export.pk)
    recent = CertificateExport.objects.filter(requested_by=request.user).select_related(
        "workplace"
    )[:10]
    return render(
        request, "certificates/export_form.html", {"form": form, "recent_exports": recent}
    )


def _export_or_404(request, export_id: int) -> CertificateExport:
    export = selectors.export_for_user(
        user=request.user, export_id=export_id, can_see_all=can_see_all_exports(request.user)
    )
    if export is None:
        raise Http404
    return export


@login_required
def export_detail(request, export_id: int):
    export = _export_or_404(request, export_id)
    return render(
        request,
        "certificates/export_detail.html",
        {"export": export, "state": export.state_json()},
    )


@never_cache
@login_required
def export_status(request, export_id: int):
    return JsonResponse(_export_or_404(request, export_id).state_json())


@login_required
def export_download(request, export_id: int):
    export = _export_or_404(request, export_id)
    if export.state != CertificateExport.State.DONE:
        raise Http404
    name = (
        f"osvedceni-{export.workplace.code}-{export.date_from:%Y%m%d}-{export.date_to:%Y%m%d}.zip"
    )
    response = FileResponse(
        export.file.open("rb"), as_attachment=True, filename=name, content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response
