"""Registers the admin's CSP helper script, the private-documents rule and its snippet."""

from django.contrib.auth.views import redirect_to_login
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from elearning.documents import document_is_public
from elearning.models import PublicDocumentCollection


@hooks.register("insert_global_admin_js")
def admin_csp_js():
    # Runs Wagtail's admin initialisers without inline JS (elearning/csp.py).
    return format_html('<script src="{}"></script>', static("js/admin_csp.js"))


# Before Wagtail's own collection privacy check (order 0): documents are private by default.
@hooks.register("before_serve_document", order=-10)
def documents_need_login(document, request):
    if request.user.is_authenticated or document_is_public(document):
        return None
    return redirect_to_login(request.get_full_path())


register_snippet(PublicDocumentCollection)
