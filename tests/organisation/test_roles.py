"""The role sync after migrate: each role group holds exactly the permissions of the table."""

from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import GroupPagePermission, Page

from organisation import roles
from tests import factories


def _names(group: Group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def _migrated() -> None:
    # What `migrate` sends when it is done: the sync runs as it does after a deployment.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


def test_every_role_holds_exactly_its_table_after_migrate(db):
    for name, table in roles.ROLE_PERMISSIONS.items():
        assert _names(Group.objects.get(name=name)) == set(table), name


def test_a_permission_taken_out_of_the_table_is_taken_from_the_role(client, site, monkeypatch):
    hr_group = Group.objects.get(name=roles.HR)
    # Granted by hand (or by an older table): it is not in the table, so the sync removes it.
    hr_group.permissions.add(
        Permission.objects.get(content_type__app_label="organisation", codename="delete_user")
    )
    smaller = [
        p for p in roles.ROLE_PERMISSIONS[roles.HR] if p != "reports.view_security_dashboard"
    ]
    monkeypatch.setitem(roles.ROLE_PERMISSIONS, roles.HR, smaller)
    hr = factories.UserFactory(email="hr@example.cz", roles=[roles.HR])
    client.force_login(hr)
    assert client.get("/reports/security/").status_code == 200

    _migrated()

    assert _names(hr_group) == set(smaller)
    hr = type(hr).objects.get(pk=hr.pk)  # a fresh user: permissions are cached per object
    client.force_login(hr)
    assert client.get("/reports/security/").status_code == 403
    assert client.get("/reports/").status_code == 200
    assert not hr.has_perm("organisation.delete_user")


def test_a_page_permission_left_out_of_the_table_is_taken_from_the_editors(db, monkeypatch):
    editors = Group.objects.get(name=roles.COURSE_EDITOR)
    root = Page.get_first_root_node()
    monkeypatch.setattr(
        roles,
        "EDITOR_PAGE_PERMISSIONS",
        [p for p in roles.EDITOR_PAGE_PERMISSIONS if p != "wagtailcore.publish_page"],
    )

    _migrated()

    kept = set(
        GroupPagePermission.objects.filter(group=editors, page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert kept == {"add_page", "change_page", "lock_page", "unlock_page"}
