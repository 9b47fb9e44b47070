"""Puts the site's fixed pages in place: the home page and the login-only course catalogue."""

from django.db import transaction
from wagtail.models import Page, PageViewRestriction, Site

from courses.models import CourseIndexPage

from .models import HomePage


@transaction.atomic
def site_setup(
    *, home_title: str = "Bezpečnostní vzdělávání", index_title: str = "Školení"
) -> tuple[HomePage, CourseIndexPage]:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's own welcome page makes way for ours as the site's root.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        root.refresh_from_db()
        home = HomePage(
            title=home_title,
            slug="home",
            intro=(
                "<p>Školení bezpečnosti informací podle rizik vašeho pracoviště: lekce, "
                "testy a osvědčení na jednom místě.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()

    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title=index_title, slug="skoleni")
        home.add_child(instance=index)
        index.save_revision().publish()
    PageViewRestriction.objects.get_or_create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    return home, index
