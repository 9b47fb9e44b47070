"""Identity admin screens: resetting a lost second factor, the office's identity providers."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialApp
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .models import User

RESET_MFA_PERMISSION = "organisation.reset_mfa"


class MFAResetView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "organisation/admin/mfa_reset.html"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RESET_MFA_PERMISSION):
            raise PermissionDenied
        self.person = get_object_or_404(User, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Reset second factor")

    def get_page_subtitle(self):
        return str(self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["authenticators"] = Authenticator.objects.filter(user=self.person)
        return context

    def post(self, request, *args, **kwargs):
        removed = services.mfa_reset(user=self.person, reset_by=request.user)
        messages.success(
            request,
            _("%(name)s's second factor was reset (%(count)d removed); they enrol again at login.")
            % {"name": self.person, "count": removed},
        )
        return redirect("wagtailusers_users:edit", self.person.pk)


class SocialAppViewSet(ModelViewSet):
    """The office's identity providers (allauth SocialApp): SAML (ADFS, Entra ID) or OIDC.

    Superusers only (socialaccount.* model permissions), as a provider decides who may log in.
    """

    model = SocialApp
    icon = "key"
    menu_label = gettext_lazy("Identity providers (SSO)")
    add_to_settings_menu = True
    list_display = ["name", "provider", "provider_id", "client_id"]
    # allauth's "settings" field has an untranslatable label: the panel gives it a Czech one.
    panels = [
        *(
            FieldPanel(name)
            for name in ("provider", "provider_id", "name", "client_id", "secret", "key")
        ),
        FieldPanel("settings", heading=gettext_lazy("Settings")),
    ]


social_app_viewset = SocialAppViewSet("identity_providers")
