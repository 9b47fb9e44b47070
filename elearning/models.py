"""The site's home page, and the document collections an editor has made public on purpose."""

from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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


class PublicDocumentCollection(models.Model):
    """A collection whose documents anyone may download, without logging in.

    Documents are private by default (elearning/wagtail_hooks.py): an editor lists a collection
    here on purpose, in admin > Snippets, which Wagtail records in its audit log. The mark
    covers the collection's sub-collections too.
    """

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="public_mark",
    )
    reason = models.CharField(_("reason"), max_length=255)

    class Meta:
        verbose_name = _("public document collection")
        verbose_name_plural = _("public document collections")

    def __str__(self):
        return self.collection.name
