"""Serving course and lesson pages without walking the page tree one query per level.

Wagtail finds a page by asking each level for the child with the next slug: two queries per
level, eight for a lesson. Here the page a path led to is remembered (per site and path) and
loaded in one query next time; the remembered answer is used only while the loaded page
still has exactly that URL path and is live, which is what the walk would check, so a moved,
renamed or unpublished page is routed afresh. Everything after routing is Wagtail's own
`serve`: the `before_serve_page` and `on_serve_page` hooks, page privacy included, run as
they always do.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from . import caching
from .models import CoursePage, LessonPage

# Page types with Wagtail's default route (no sub-paths) whose routes are remembered.
ROUTED_TYPES = (CoursePage, LessonPage)
# A course is at least two levels below the site root (catalogue/course/): shorter paths
# (the home page, other pages) are routed by Wagtail without a cache lookup.
_MIN_COMPONENTS = 2


def _key(site_id: int, path: str) -> str:
    return f"route:{site_id}:{hashlib.sha256(path.encode()).hexdigest()[:32]}"


def _site(request) -> Site | None:
    """Wagtail's choice of site for the request's host and port, remembered per host and port.

    Kept on the request as Wagtail keeps it, so the page's links and settings use it too.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = request._get_raw_host()
    key = f"site:{hashlib.sha256(f'{host}|{request.get_port()}'.encode()).hexdigest()[:32]}"
    site, seen = caching.lookup(caching.CONTENT, key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            caching.put(caching.CONTENT, key, site, seen_token=seen)
    request._wagtail_site = site
    return site


def route(request, path: str) -> RouteResult | None:
    """Where `path` leads on the request's site: remembered for learner pages."""
    components = [component for component in path.split("/") if component]
    if len(components) < _MIN_COMPONENTS:
        return Page.route_for_request(request, path)
    site = _site(request)
    if site is None:
        return Page.route_for_request(request, path)
    url_path = site.root_page.url_path + "/".join(components) + "/"
    key = _key(site.pk, url_path)
    hit, seen = caching.lookup(caching.CONTENT, key)
    if hit is not None:
        page_id, content_type_id = hit
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model in ROUTED_TYPES:
            page = model.objects.filter(pk=page_id).first()
            if page is not None and page.live and page.url_path == url_path:
                return RouteResult(page)
    # Not remembered, or no longer right: Wagtail walks the tree, and a learner page it
    # finds is remembered under the token read before the walk.
    result = Page.route_for_request(request, path)
    if result is not None:
        page, args, kwargs = result
        if type(page) in ROUTED_TYPES and not args and not kwargs:
            caching.put(caching.CONTENT, key, (page.pk, page.content_type_id), seen_token=seen)
    return result


def serve(request, path: str):
    """Wagtail's page view, with the route found by `route` (Wagtail reads it from the request)."""
    result = route(request, path)
    if result is not None:
        request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
