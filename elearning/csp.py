"""The Content-Security-Policy wiring: framing follows X-Frame-Options; no inline JS in Wagtail.

Framing: every page sends `frame-ancestors 'none'` (and X-Frame-Options: DENY), except a view
that opts in to same-origin framing with Django's own decorator
`django.views.decorators.clickjacking.xframe_options_sameorigin` (or Wagtail's
`xframe_options_sameorigin_override`, which its preview panel uses). The middleware below
turns that X-Frame-Options: SAMEORIGIN into `frame-ancestors 'self'`, so one decorator governs
both headers; the SCORM player's own pages use it to be framed by the lesson page.

Wagtail's admin writes a few initialisers as inline <script> (date pickers, choosers, inline
panels). Our policy allows no inline script, so the template overrides in
templates/wagtailadmin/ and `chooser_render` below write the same call as data on an inert
<script type="application/json" data-csp-init>; static/js/admin_csp.js performs it.
"""

import json
from functools import lru_cache

from csp.middleware import CSPMiddleware
from django.urls import reverse
from django.utils.html import format_html

SAME_ORIGIN = "SAMEORIGIN"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with two exceptions to settings.CONTENT_SECURITY_POLICY.

    - A response framed on purpose (X-Frame-Options: SAMEORIGIN) gets `frame-ancestors 'self'`.
    - The Wagtail admin may use inline *styles*: its rich-text editor (Draftail) and other
      bundled widgets insert <style> elements at run time and cannot carry a nonce. Scripts
      stay as strict there as everywhere; our own pages allow no inline style either.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = dict(parts.replace or {})
        if response.get("X-Frame-Options", "").upper() == SAME_ORIGIN:
            replace["frame-ancestors"] = ["'self'"]
        if request.path_info.startswith(_admin_prefix()):
            replace["style-src"] = ["'self'", "'unsafe-inline'"]
        parts.replace = replace or None
        return parts


@lru_cache(maxsize=1)
def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def chooser_render(self, name, value, attrs=None, renderer=None):
    """BaseChooser.render, with the `new Chooser(id, options)` call as data instead of inline JS."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    options = self.get_js_init_options(id_, name, value_data)
    return format_html(
        '{}<script type="application/json" data-csp-init="chooser" data-csp-constructor="{}"'
        ' data-csp-id="{}" data-csp-options="{}"></script>',
        widget_html,
        self.js_constructor,
        id_,
        json.dumps(options),
    )


def patch_wagtail_choosers() -> None:
    """Installs chooser_render on Wagtail's choosers that use the standard initialiser.

    A chooser with its own render_js_init (only the workflow task chooser, unused here) keeps
    Wagtail's inline script, which the policy blocks; admin_csp.js has no way to run it.
    """
    from wagtail.admin.widgets.chooser import BaseChooser

    BaseChooser._inline_script_render = BaseChooser.render
    original_js_init = BaseChooser.render_js_init

    def render(self, name, value, attrs=None, renderer=None):
        if type(self).render_js_init is not original_js_init:
            return self._inline_script_render(name, value, attrs=attrs, renderer=renderer)
        return chooser_render(self, name, value, attrs=attrs, renderer=renderer)

    BaseChooser.render = render
