"""Wagtail admin screens: templates, campaigns with their actions, results and the trend.

Running campaigns and individual results need `phishing.run_campaign` (security managers);
the aggregate results need `phishing.view_campaign_aggregates` as well as the setting that
lets HR see them. Every check is on the server, per request.
"""

import csv

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log

from core.spreadsheets import neutralise
from reports import charts

from . import selectors, services
from .forms import CampaignForm, PhishingTemplateForm
from .models import Campaign, PhishingTemplate

RUN = "phishing.run_campaign"
AGGREGATES = "phishing.view_campaign_aggregates"


def can_see_results(user) -> bool:
    if user.has_perm(RUN):
        return True
    return user.has_perm(AGGREGATES) and services.hr_sees_aggregates()


class TemplateViewSet(ModelViewSet):
    model = PhishingTemplate
    name = "phishing_templates"
    icon = "mail"
    menu_label = gettext_lazy("Templates")
    list_display = ["name", "subject", "sender_name"]
    search_fields = ["name", "subject"]
    inspect_view_enabled = True
    copy_view_enabled = True
    edit_handler = ObjectList(PhishingTemplate.panels, base_form_class=PhishingTemplateForm)
    # Wagtail's "Add %(model_name)s" puts the name in the nominative; Czech needs the accusative.
    add_item_label = gettext_lazy("Add a phishing template")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.add_item_label, **kwargs)


class CampaignIndexView(generic.IndexView):
    add_item_label = gettext_lazy("New campaign")

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if instance.is_draft else None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingButton(
                _("Results"),
                url=reverse("phishing_campaigns:results", args=(instance.pk,)),
                icon_name="view",
                priority=5,
            )
        )
        return buttons


class CampaignCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class CampaignEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        campaign = get_object_or_404(Campaign, pk=kwargs.get("pk"))
        if not campaign.is_draft:
            messages.warning(request, _("A launched campaign cannot be edited."))
            return redirect("phishing_campaigns:results", campaign.pk)
        return super().dispatch(request, *args, **kwargs)


class CampaignActionView(PermissionRequiredMixin, View):
    """POST only: launch, pause, resume, stop or a test send to the manager alone."""

    permission_required = RUN
    raise_exception = True
    ACTIONS = ("launch", "pause", "resume", "stop", "test")

    def post(self, request, pk, action):
        if action not in self.ACTIONS:
            raise PermissionDenied
        campaign = get_object_or_404(Campaign, pk=pk)
        try:
            if action == "launch":
                counts = services.campaign_launch(campaign=campaign, by=request.user)
                count = counts["recipients"]
                messages.success(
                    request,
                    ngettext(
                        "Campaign launched: %(count)s recipient.",
                        "Campaign launched: %(count)s recipients.",
                        count,
                    )
                    % {"count": count},
                )
                if outside := counts["outside"]:
                    messages.warning(
                        request,
                        ngettext(
                            "%(count)s address outside the organisation's domains was left out.",
                            "%(count)s addresses outside the organisation's domains were left out.",
                            outside,
                        )
                        % {"count": outside},
                    )
            elif action == "test":
                sent = services.campaign_test_send(campaign=campaign, by=request.user)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s test e-mail was sent to you.",
                        "%(count)s test e-mails were sent to you.",
                        sent,
                    )
                    % {"count": sent},
                )
            else:
                services.campaign_change(campaign=campaign, action=action, by=request.user)
                messages.success(request, _("Campaign updated."))
        except services.CampaignError as exc:
            messages.error(request, str(exc))
        return redirect("phishing_campaigns:results", campaign.pk)


def _rate(value) -> str:
    return "–" if value is None else f"{value:g} %"


class CampaignResultsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "phishing/admin/results.html"
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_results(request.user):
            raise PermissionDenied
        self.campaign = get_object_or_404(Campaign, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Results: %(campaign)s") % {"campaign": self.campaign}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = selectors.campaign_results(campaign=self.campaign)
        individual = self.request.user.has_perm(RUN)
        overall = results["overall"]
        chart = charts.horizontal(
            [
                (_("Opened"), overall.open_rate, _rate(overall.open_rate)),
                (_("Clicked"), overall.click_rate, _rate(overall.click_rate)),
                (_("Entered data"), overall.submit_rate, _rate(overall.submit_rate)),
                (_("Reported"), overall.report_rate, _rate(overall.report_rate)),
            ],
            title=_("Share of recipients"),
            description=_("Opened, clicked, submitted and reported, as a share of e-mails sent."),
        )
        context.update(
            campaign=self.campaign,
            results=results,
            overall=overall,
            chart=chart,
            individual=individual,
            people=selectors.campaign_people(campaign=self.campaign) if individual else None,
            can_run=individual,
            now=timezone.now(),
        )
        return context


class CampaignExportView(View):
    """CSV: one row per person for security managers, per workplace for everyone else."""

    def get(self, request, pk):
        if not can_see_results(request.user):
            raise PermissionDenied
        campaign = get_object_or_404(Campaign, pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="phishing-{campaign.pk}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        if request.user.has_perm(RUN):
            writer.writerow(
                [
                    _("Person"),
                    _("E-mail"),
                    _("Workplace"),
                    _("Sent"),
                    _("Opened"),
                    _("Clicked"),
                    _("Entered data"),
                    _("Reported"),
                ]
            )
            for row in selectors.campaign_people(campaign=campaign):
                writer.writerow(
                    neutralise(value)
                    for value in [
                        row.user.get_full_name(),
                        row.user.email,
                        row.workplace.name if row.workplace else "",
                        *(
                            _stamp(v)
                            for v in (
                                row.sent_at,
                                row.opened_at,
                                row.clicked_at,
                                row.submitted_at,
                                row.reported_at,
                            )
                        ),
                    ]
                )
        else:
            writer.writerow(
                [_("Workplace"), _("Sent"), _("Click rate"), _("Submit rate"), _("Report rate")]
            )
            for name, rates in selectors.campaign_results(campaign=campaign)["workplaces"]:
                writer.writerow(
                    neutralise(v)
                    for v in [
                        name,
                        rates.sent,
                        _rate(rates.click_rate),
                        _rate(rates.submit_rate),
                        _rate(rates.report_rate),
                    ]
                )
        log(instance=campaign, action="phishing.export", user=request.user)
        return response


def _stamp(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


class TrendView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "phishing/admin/trend.html"
    page_title = gettext_lazy("Phishing results")
    header_icon = "historical"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_results(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trend = selectors.campaigns_trend()
        context.update(
            trend=trend,
            click_chart=charts.vertical(
                [(c.name, r.click_rate, _rate(r.click_rate)) for c, r in trend],
                title=_("Click rate by campaign"),
                description=_("Share of recipients who clicked, campaign by campaign."),
            ),
            report_chart=charts.vertical(
                [(c.name, r.report_rate, _rate(r.report_rate)) for c, r in trend],
                title=_("Report rate by campaign"),
                description=_("Share of recipients who reported the e-mail, campaign by campaign."),
            ),
        )
        return context


class CampaignViewSet(ModelViewSet):
    model = Campaign
    name = "phishing_campaigns"
    icon = "mail"
    menu_label = gettext_lazy("Campaigns")
    list_display = ["name", "status", "starts_at", "ends_at"]
    list_filter = ["status"]
    ordering = ["-starts_at", "-id"]
    index_view_class = CampaignIndexView
    add_view_class = CampaignCreateView
    edit_view_class = CampaignEditView
    copy_view_enabled = False
    edit_handler = ObjectList(Campaign.panels, base_form_class=CampaignForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/results/", CampaignResultsView.as_view(), name="results"),
            path("<int:pk>/export/", CampaignExportView.as_view(), name="export"),
            path("<str:action>/<int:pk>/", CampaignActionView.as_view(), name="action"),
            path("trend/", TrendView.as_view(), name="trend"),
        ]


class PhishingViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Phishing")
    menu_icon = "mail"
    items = (CampaignViewSet, TemplateViewSet)


phishing_viewset_group = PhishingViewSetGroup()
