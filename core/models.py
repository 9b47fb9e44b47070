"""Organisation-wide settings every app reads: who runs the training."""

from django.core.cache import cache
from django.db import models, transaction
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

    # Every page's header names the organisation: read from the cache, not a query a page.
    # Saving drops the entry once committed; the lifetime bounds an entry that a failed
    # drop (the cache away at that moment) leaves behind.
    CACHE_SECONDS = 300

    class Meta:
        verbose_name = _("organisation")

    @staticmethod
    def _cache_key(site_id) -> str:
        return f"core:organisation-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        key = cls._cache_key(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, cls.CACHE_SECONDS)
        return instance

    def _forget(self) -> None:
        # Now, for this transaction's own reads, and on commit, for what others read meanwhile.
        key = self._cache_key(self.site_id)
        cache.delete(key)
        transaction.on_commit(lambda: cache.delete(key))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._forget()

    def delete(self, *args, **kwargs):
        self._forget()
        return super().delete(*args, **kwargs)


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
