"""Starts plan jobs when a review is approved or a person joins, moves or changes track."""

from django.db.models.signals import post_save, pre_save

from core.enqueue import enqueue_on_commit
from organisation.models import User
from risk.signals import review_approved

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


def connect() -> None:
    review_approved.connect(review_approved_handler, dispatch_uid="courses.review_approved")
    pre_save.connect(user_remember_plan_fields, sender=User, dispatch_uid="courses.user_pre_save")
    post_save.connect(user_plan_on_change, sender=User, dispatch_uid="courses.user_post_save")
