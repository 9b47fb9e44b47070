"""Every <input type=date> carries an ISO value (issue 13 point 8): Chromium drops others."""

import datetime
import importlib
import inspect
import pkgutil
import re

import pytest
from django import forms
from django.utils import translation

from certificates.forms import CertificateExportForm

APPS = [
    "core",
    "organisation",
    "risk",
    "courses",
    "quizzes",
    "certificates",
    "automation",
    "reports",
]


def _form_classes():
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if "migrations" in info.name or "management" in info.name:
                continue
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


@pytest.mark.django_db
def test_every_date_input_of_the_product_renders_iso():
    date_fields = []
    for cls in _form_classes():
        for name, field in getattr(cls, "base_fields", {}).items():
            if getattr(field.widget, "input_type", "") == "date":
                date_fields.append(f"{cls.__module__}.{cls.__name__}.{name}")
                with translation.override("cs"):
                    html = field.widget.render(name, datetime.date(2026, 1, 1))
                assert 'value="2026-01-01"' in html, (cls, name, html)
    assert any("CertificateExportForm" in f for f in date_fields), date_fields


@pytest.mark.django_db
def test_the_certificate_zip_form_prefills_dates_the_browser_keeps():
    with translation.override("cs"):
        html = str(CertificateExportForm()["date_from"])
    assert re.search(r'type="date"[^>]*value="\d{4}-01-01"', html), html
