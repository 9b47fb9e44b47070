"""Registers the phishing screens, an HR menu entry for aggregates, and the log actions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .viewsets import can_see_results, phishing_viewset_group


@hooks.register("register_admin_viewset")
def register_phishing_viewsets():
    return phishing_viewset_group


class _ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_results(request.user)


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return _ResultsMenuItem(
        _("Phishing results"),
        reverse("phishing_campaigns:trend"),
        icon_name="historical",
        order=620,
    )


@hooks.register("register_log_actions")
def register_phishing_log_actions(actions):
    for action, label, message in (
        ("phishing.launch", _("Launch phishing campaign"), _("Phishing campaign launched")),
        ("phishing.pause", _("Pause phishing campaign"), _("Phishing campaign paused")),
        ("phishing.resume", _("Resume phishing campaign"), _("Phishing campaign resumed")),
        ("phishing.stop", _("Stop phishing campaign"), _("Phishing campaign stopped")),
        ("phishing.test_send", _("Phishing test send"), _("Test e-mails sent to the manager")),
        ("phishing.export", _("Export phishing results"), _("Phishing results exported")),
        (
            "phishing.remedial",
            _("Remedial training after phishing"),
            _("Remedial course assigned after a phishing click"),
        ),
    ):
        actions.register_action(action, label, message)
