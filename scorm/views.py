"""The learner's side of SCORM: package files from our storage, and the SCO's CMI commits.

Package files are third-party content: they are served only to someone who may see a lesson
that plays them, framed only by our own pages, and with a Content-Security-Policy of their
own (PACKAGE_CSP) instead of the product's strict one, because SCORM packages are written
with inline scripts, inline event handlers and eval-like timers (`setTimeout("...")`).
The product's pages, the player page included, keep their strict policy.
"""

import json
import mimetypes

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from courses.models import CoursePage
from courses.selectors import current_assignment

from . import cmi as cmi_rules
from . import services
from .models import ScormAttempt, ScormLessonPage, ScormPackage
from .packages import safe_name

PACKAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
    ]
)
# Types mimetypes may not know on every system; a wrong type breaks a package silently.
TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".mp4": "video/mp4",
    ".xml": "application/xml",
}


def can_view(request, lesson: ScormLessonPage) -> bool:
    """The learner may see the lesson: it is live, and its course is meant for them."""
    if not lesson.live:
        return False
    if not all(r.accept_request(request) for r in lesson.get_view_restrictions()):
        return False
    course = lesson.get_parent().specific
    if isinstance(course, CoursePage) and course.audience == CoursePage.Audience.MANAGEMENT:
        return bool(getattr(request.user, "is_management", False)) or request.user.has_perm(
            "scorm.change_scormpackage"
        )
    return True


@login_required
@require_GET
@xframe_options_sameorigin
def content(request, package_id: int, path: str):
    package = get_object_or_404(ScormPackage, pk=package_id)
    name = safe_name(path)
    if name is None:
        raise Http404
    editor = request.user.has_perm("scorm.change_scormpackage")
    if not editor and not any(
        can_view(request, lesson) for lesson in package.lessons.live().specific()
    ):
        raise Http404
    storage_path = package.storage_path(name)
    if not default_storage.exists(storage_path):
        raise Http404
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    content_type = (
        TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    )
    # No charset is claimed: packages come in many encodings, and the browser reads their own.
    response = FileResponse(default_storage.open(storage_path, "rb"), content_type=content_type)
    response["Content-Security-Policy"] = PACKAGE_CSP
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _refuse(message: str, status: int = 400) -> JsonResponse:
    # The answer scorm-again expects: result false and SCORM's "general commit failure".
    return JsonResponse({"result": False, "errorCode": 391, "message": message}, status=status)


@login_required
@require_POST
def commit(request, lesson_id: int, sco_id: int):
    lesson = get_object_or_404(
        ScormLessonPage.objects.live().select_related("package"), pk=lesson_id
    )
    if not can_view(request, lesson):
        raise Http404
    sco = get_object_or_404(lesson.package.scos.select_related("package"), pk=sco_id)
    if len(request.body) > cmi_rules.MAX_COMMIT_BYTES:
        return _refuse(_("The lesson sent too much data at once; it was not saved."), 413)
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refuse(_("The lesson sent data that could not be read; it was not saved."))
    assignment = current_assignment(user=request.user, course=lesson.get_parent().specific)
    try:
        attempt = services.attempt_commit(
            user=request.user,
            lesson=lesson,
            sco=sco,
            assignment=assignment,
            data=data,
            terminate=request.GET.get("terminate") == "true",
        )
    except cmi_rules.CommitError:
        return _refuse(_("The lesson sent data that could not be read; it was not saved."))
    return JsonResponse({"result": True, "errorCode": 0, "attempt": attempt.pk})


@login_required
@require_GET
def attempt_data(request, attempt_id: int):
    """The saved CMI data of one's own attempt (someone else's is not found)."""
    attempt = get_object_or_404(ScormAttempt, pk=attempt_id, user=request.user)
    return JsonResponse(
        {
            "completion_status": attempt.completion_status,
            "success_status": attempt.success_status,
            "score_scaled": str(attempt.score_scaled) if attempt.score_scaled is not None else None,
            "location": attempt.location,
            "suspend_data": attempt.suspend_data,
            "total_time": attempt.total_time,
            "cmi": attempt.cmi,
        }
    )
