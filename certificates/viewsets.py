"""Wagtail admin screens for HR and the security manager: find certificates, revoke one."""

import django_filters
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from core.audit import AuditedExportMixin
from core.spreadsheets import FormulaSafeExportMixin

from . import services
from .forms import RevokeForm, WorkplaceChoiceField
from .models import Certificate, Status


class LocalDateColumn(Column):
    """An absolute date in the active language's format; "in 2 years" says less to an auditor."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


class WorkplaceFilter(django_filters.ModelChoiceFilter):
    field_class = WorkplaceChoiceField


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, method="filter_status", empty_label=_("All")
    )
    workplace = WorkplaceFilter(
        label=_("Workplace (with sub-workplaces)"), method="filter_workplace"
    )
    completed_on = django_filters.DateFromToRangeFilter(
        label=_("Completed on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value) if value else queryset

    def filter_workplace(self, queryset, name, value):
        return queryset.in_workplace(value) if value else queryset


def _can_revoke(user) -> bool:
    return user.has_perm("certificates.revoke_certificate")


class CertificateIndexView(AuditedExportMixin, FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assignment__user__workplace")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Download PDF"),
                url=reverse("certificates:download", args=[instance.verification_code]),
                icon_name="download",
                priority=5,
            )
        )
        if instance.revoked_at is None and self.user_has_permission("revoke"):
            buttons.append(
                MenuItem(
                    _("Revoke"),
                    url=reverse("certificates_admin:revoke", args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("certificates.add_certificateexport"):
            buttons.append(
                HeaderButton(
                    _("Download as ZIP"),
                    url=reverse("certificates:export_create"),
                    icon_name="download",
                )
            )
        return buttons


class CertificateInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    @cached_property
    def header_buttons(self):
        buttons = [
            HeaderButton(
                _("Download PDF"),
                url=reverse("certificates:download", args=[self.object.verification_code]),
                icon_name="download",
            )
        ]
        buttons.append(
            HeaderButton(
                _("History"),
                url=reverse("certificates_admin:history", args=[self.object.pk]),
                icon_name="history",
            )
        )
        if self.object.revoked_at is None and self.user_has_permission("revoke"):
            buttons.append(
                HeaderButton(
                    _("Revoke"),
                    url=reverse("certificates_admin:revoke", args=[self.object.pk]),
                    icon_name="cross",
                )
            )
        return buttons


class CertificateHistoryView(HistoryView):
    # The audit trail (issued, revoked by whom and why) is for those who may see the record;
    # Wagtail's default asks for edit rights, which nobody has on a certificate.
    any_permission_required = ["view"]


class CertificateRevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form with the reason; POST revokes through the service, which writes the audit log."""

    # With the viewset's permission policy: certificates.revoke_certificate, checked first.
    permission_required = "revoke"
    form_class = RevokeForm
    template_name = "certificates/admin/revoke.html"
    page_title = _("Revoke certificate")
    header_icon = "cross"

    @cached_property
    def object(self) -> Certificate:
        return get_object_or_404(Certificate, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("certificates_admin:index"), "label": _("Certificates")},
            {
                "url": reverse("certificates_admin:inspect", args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            action_url=reverse("certificates_admin:revoke", args=[self.object.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        if self.object.revoked_at is not None:
            messages.warning(self.request, _("The certificate was already revoked."))
            return redirect("certificates_admin:index")
        try:
            services.certificate_revoke(
                certificate=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Certificate %(serial)s was revoked.") % {"serial": self.object.serial_number},
        )
        return redirect("certificates_admin:index")


class CertificateViewSet(ModelViewSet):
    """Read-only listing: certificates come from the issuing service, never from a form."""

    model = Certificate
    name = "certificates_admin"
    url_prefix = "certificates"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 230
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "course_title", "serial_number"]
    list_display = [
        "serial_number",
        "holder_name",
        Column(
            "workplace",
            label=_("Workplace"),
            accessor="assignment.user.workplace",
        ),
        "course_title",
        LocalDateColumn("completed_on", label=_("Completed on"), sort_key="completed_on"),
        LocalDateColumn("valid_until", label=_("Valid until"), sort_key="valid_until"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda certificate: certificate.status == Status.VALID,
        ),
    ]
    list_export = [
        "serial_number",
        "holder_name",
        "course_title",
        "course_version",
        "completed_on",
        "score",
        "valid_until",
        "get_status_display",
        "revoked_at",
    ]
    inspect_view_fields = [
        "serial_number",
        "holder_name",
        "course_title",
        "course_version",
        "organisation_name",
        "completed_on",
        "score",
        "valid_until",
        "status",
        "issued_at",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
        "verification_code",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, copy or usage screens: get_urlpatterns does not route them.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    @property
    def url_finder_class(self):
        # No edit screen: the audit log and the search link a certificate to its inspect page.
        return type(
            "_CertificateURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    @property
    def revoke_view(self):
        return CertificateRevokeView.as_view(permission_policy=self.permission_policy)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
        ]


certificate_viewset = CertificateViewSet()
