"""The recipient's side: the tracked link, the landing page, the teachable moment, reporting.

None of these pages needs a login (the e-mail may be opened anywhere); the unguessable token
in the link identifies the recipient, and an unknown token gets the same 404 as a wrong one.
The teachable page names nobody: it explains the signs, it does not shame.
"""

import base64

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .models import Event, Recipient
from .services import event_record, preview_template

# A transparent 1x1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")


def _recipient(token: str) -> Recipient:
    recipient = (
        Recipient.objects.select_related("template", "campaign")
        .filter(token=token, sent_at__isnull=False)
        .first()
    )
    if recipient is None:
        raise Http404
    return recipient


@never_cache
@require_http_methods(["GET", "HEAD"])
def opened(request, token):
    recipient, _counted = event_record(
        token=token, kind=Event.Kind.OPENED, method=request.method, user_agent=_agent(request)
    )
    if recipient is None:
        raise Http404
    return HttpResponse(PIXEL, content_type="image/gif")


@never_cache
@require_http_methods(["GET", "HEAD"])
def click(request, token):
    recipient, _counted = event_record(
        token=token, kind=Event.Kind.CLICKED, method=request.method, user_agent=_agent(request)
    )
    if recipient is None:
        raise Http404
    if request.method == "HEAD":
        return HttpResponse()
    template = recipient.template
    if template.landing_form:
        return render(request, "phishing/landing.html", {"template": template, "token": token})
    return redirect("phishing:lesson", token=token)


@never_cache
@require_http_methods(["POST"])
def submit(request, token):
    # What was typed is never read or stored: only that something was submitted.
    recipient, _counted = event_record(
        token=token, kind=Event.Kind.SUBMITTED, method="POST", user_agent=_agent(request)
    )
    if recipient is None:
        raise Http404
    return redirect("phishing:lesson", token=token)


@never_cache
def lesson(request, token):
    recipient = _recipient(token)
    return render(request, "phishing/lesson.html", {"template": recipient.template})


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, token):
    recipient = _recipient(token)
    if request.method == "POST":
        event_record(
            token=token, kind=Event.Kind.REPORTED, method="POST", user_agent=_agent(request)
        )
        return render(
            request, "phishing/reported.html", {"simulated": True, "template": recipient.template}
        )
    return render(request, "phishing/report_confirm.html", {"token": token})


def report_generic(request):
    """The footer link of the product's own e-mails: how to report, and that this one was ours."""
    return render(request, "phishing/reported.html", {"simulated": False})


@never_cache
def preview(request, token):
    """The manager's test e-mail: the landing page or the lesson, recording nothing."""
    template = preview_template(token)
    if template is None:
        raise Http404
    if template.landing_form and request.GET.get("step") != "lesson":
        return render(
            request, "phishing/landing.html", {"template": template, "preview_token": token}
        )
    return render(request, "phishing/lesson.html", {"template": template, "preview": True})
