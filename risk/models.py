"""The risk catalogue: categories that courses cover and risk reviews assess."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RiskCategory(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("risk category")
        verbose_name_plural = _("risk categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name
