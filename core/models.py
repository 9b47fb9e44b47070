"""Organisation-wide settings every app reads: who runs the training."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the training: named on pages, e-mails and certificates."""

    name = models.CharField(_("organisation name"), max_length=200, default="Magistrát města")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("organisation")


class AuditLog(models.Model):
    """No table: the holder of the permission to read the whole audit log (Wagtail's entries).

    Wagtail shows an entry only to users with some permission on the logged object's model;
    auditors (administrators, the security manager) need every entry, edit rights to none.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_audit_log", _("Can view the audit log"))]
        verbose_name = _("audit log")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return str(_("audit log"))
