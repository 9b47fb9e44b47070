"""Keeps the role groups' permissions in line with roles.ROLE_PERMISSIONS after each migrate,
and writes every change of someone's roles (group membership) to the audit log."""

import logging

from django.db.models.signals import m2m_changed, post_migrate

logger = logging.getLogger(__name__)


def sync_role_permissions(**kwargs) -> None:
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    from . import roles

    def perms(names: list[str]) -> list[Permission]:
        found = []
        for name in names:
            app_label, codename = name.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is None:
                # An app that is not installed (yet); the next migrate picks it up.
                logger.info("Permission %s does not exist yet", name)
                continue
            found.append(perm)
        return found

    if not ContentType.objects.filter(app_label="wagtailcore").exists():
        return
    # The table is the only source of a role's rights: set() also takes away what left it.
    for name, names in roles.ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(perms(names))

    editors = Group.objects.get(name=roles.COURSE_EDITOR)
    root_page = Page.get_first_root_node()
    if root_page is not None:
        page_perms = perms(roles.EDITOR_PAGE_PERMISSIONS)
        GroupPagePermission.objects.filter(group=editors).exclude(
            page=root_page, permission__in=page_perms
        ).delete()
        for perm in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=perm
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        collection_perms = perms(roles.EDITOR_COLLECTION_PERMISSIONS)
        GroupCollectionPermission.objects.filter(group=editors).exclude(
            collection=root_collection, permission__in=collection_perms
        ).delete()
        for perm in collection_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=perm
            )


def log_role_change(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A user's groups changed (the Wagtail user editor, the import): audit who got what.

    The actor is Wagtail's log context: the admin user whose request made the change.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.log_actions import log

    from .services import ROLE_ACTION

    if action not in ("post_add", "post_remove") or not pk_set:
        return
    key = "added" if action == "post_add" else "removed"
    if reverse:
        # group.user_set.add(...): one entry per user.
        names = [instance.name]
        users = get_user_model().objects.filter(pk__in=pk_set)
    else:
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        users = [instance]
    for user in users:
        log(instance=user, action=ROLE_ACTION, data={key: names})


def connect() -> None:
    post_migrate.connect(sync_role_permissions, dispatch_uid="organisation.sync_role_permissions")
    from django.contrib.auth import get_user_model

    m2m_changed.connect(
        log_role_change,
        sender=get_user_model().groups.through,
        dispatch_uid="organisation.log_role_change",
    )
