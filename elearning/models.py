"""The site's home page: a welcome for visitors and the way into "My training"."""

from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def serve(self, request, *args, **kwargs):
        # Logged-in employees come for their training, not for the welcome text.
        if request.user.is_authenticated:
            return redirect("courses:my_training")
        return super().serve(request, *args, **kwargs)


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
