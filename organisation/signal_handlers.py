"""Makes the role groups' permissions equal roles.ROLE_PERMISSIONS after each migrate."""

import logging

from django.db.models.signals import post_migrate

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


def connect() -> None:
    post_migrate.connect(sync_role_permissions, dispatch_uid="organisation.sync_role_permissions")
