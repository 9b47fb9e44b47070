"""Registers the script that runs Wagtail's admin initialisers without inline JS."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_csp_js():
    return format_html('<script src="{}"></script>', static("js/admin_csp.js"))
