"""Starts plan jobs when a review is approved or a person joins, moves or changes track;
retires cached routes, lesson lists and privacy answers when pages or restrictions change."""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from core.enqueue import enqueue_on_commit
from organisation.models import User
from risk.signals import review_approved

from . import caching
from .tasks import plan_apply_review, plan_apply_user

# The fields whose change can change a person's plan.
_PLAN_FIELDS = ("workplace_id", "is_management", "is_active")


def review_approved_handler(sender, review_id: int, **kwargs) -> None:
    enqueue_on_commit(plan_apply_review, review_id)


def user_remember_plan_fields(sender, instance: User, update_fields=None, raw=False, **kwargs):
    """Before a save, note what the database holds, so post_save can tell a mover."""
    instance._plan_fields_before = None
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {f.removesuffix("_id") for f in _PLAN_FIELDS} & {
        f.removesuffix("_id") for f in update_fields
    }:
        # e.g. last_login on every login: cannot change the plan, costs no query.
        return
    instance._plan_fields_before = (
        User.objects.filter(pk=instance.pk).values_list(*_PLAN_FIELDS).first()
    )


def user_plan_on_change(sender, instance: User, created: bool, raw=False, **kwargs):
    """A joiner, a mover, a new manager or a returning person gets their current plan."""
    if raw or not instance.is_active or (created and instance.workplace_id is None):
        return
    before = getattr(instance, "_plan_fields_before", None)
    now = tuple(getattr(instance, f) for f in _PLAN_FIELDS)
    if created or (before is not None and before != now):
        enqueue_on_commit(plan_apply_user, instance.pk)


def page_changed(sender, instance=None, **kwargs) -> None:
    """Any page saved (drafts too: cheap and safe), published, moved or deleted."""
    if instance is None or isinstance(instance, Page):
        caching.retire_on_commit(caching.CONTENT)


def site_changed(sender, **kwargs) -> None:
    caching.retire_on_commit(caching.CONTENT)


def restriction_changed(sender, **kwargs) -> None:
    caching.retire_on_commit(caching.RESTRICTIONS)


def connect() -> None:
    # Page subclasses send their own signals: no sender, the handler checks the instance.
    post_save.connect(page_changed, dispatch_uid="courses.page_saved")
    post_delete.connect(page_changed, dispatch_uid="courses.page_deleted")
    post_page_move.connect(page_changed, dispatch_uid="courses.page_moved")
    # Remembered routes start from the site's root page and host.
    post_save.connect(site_changed, sender=Site, dispatch_uid="courses.site_saved")
    post_delete.connect(site_changed, sender=Site, dispatch_uid="courses.site_deleted")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="courses.restriction_saved"
    )
    post_delete.connect(
        restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="courses.restriction_deleted",
    )
    review_approved.connect(review_approved_handler, dispatch_uid="courses.review_approved")
    pre_save.connect(user_remember_plan_fields, sender=User, dispatch_uid="courses.user_pre_save")
    post_save.connect(user_plan_on_change, sender=User, dispatch_uid="courses.user_post_save")
