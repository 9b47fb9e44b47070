"""Accounts: e-mail login, no sign-up, password reset, roles and who reaches the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from organisation import roles
from organisation.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def test_login_with_email_lands_on_my_training(client, site):
    factories.UserFactory(email="jana.novakova@example.cz")
    response = client.post(
        "/accounts/login/", {"login": "Jana.Novakova@example.cz", "password": "heslo-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/my-training/"
    assert "Moje školení" in client.get("/my-training/").content.decode()


def test_wrong_password_is_refused_with_a_czech_message(client, site):
    factories.UserFactory(email="jana@example.cz")
    response = client.post("/accounts/login/", {"login": "jana@example.cz", "password": "x"})
    assert response.status_code == 200
    assert "Zadaný e-mail nebo heslo není správné." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_nobody_can_sign_up(client, site):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "cizi@example.cz",
            "password1": "Velmi-Tajne-Heslo-1",
            "password2": "Velmi-Tajne-Heslo-1",
        },
    )
    assert not User.objects.filter(email="cizi@example.cz").exists()
    assert response.status_code in (200, 403)


def test_password_reset_sends_a_czech_email(client, site):
    factories.UserFactory(email="jana@example.cz")
    response = client.post("/accounts/password/reset/", {"email": "jana@example.cz"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jana@example.cz"]
    assert "hesla" in mail.outbox[0].subject.lower()


def test_logout_needs_post(client, site):
    client.force_login(factories.UserFactory())
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_employees_never_reach_the_admin(client, site):
    # Not the old endless redirect between /admin/ and the login page: a clear Czech 403.
    client.force_login(factories.UserFactory())
    for url in ("/admin/", "/admin/pages/", "/admin/login/"):
        response = client.get(url)
        assert response.status_code == 403
        page = response.content.decode()
        assert "Administrace je jen pro správce školení" in page
        assert "Váš účet do ní přístup nemá." in page
        assert 'href="/my-training/"' in page


@pytest.mark.parametrize("role", [roles.HR, roles.SECURITY_MANAGER, roles.COURSE_EDITOR])
def test_staff_roles_reach_the_admin(client, site, role):
    client.force_login(factories.UserFactory(roles=[role]))
    assert client.get("/admin/").status_code == 200


def test_role_groups_and_their_permissions_exist():
    perms = {
        g.name: {f"{p.content_type.app_label}.{p.codename}" for p in g.permissions.all()}
        for g in Group.objects.filter(name__in=roles.ALL_ROLES).prefetch_related(
            "permissions__content_type"
        )
    }
    assert set(perms) == set(roles.ALL_ROLES)
    assert perms[roles.EMPLOYEE] == set()
    assert "organisation.change_user" in perms[roles.HR]
    assert "risk.change_riskcategory" in perms[roles.SECURITY_MANAGER]
    assert "wagtailadmin.access_admin" in perms[roles.COURSE_EDITOR]
    assert "organisation.change_user" not in perms[roles.COURSE_EDITOR]


def test_hr_edits_employee_fields_in_the_admin(client, site):
    from django.urls import reverse

    hr = factories.UserFactory(roles=[roles.HR])
    person = factories.UserFactory(email="petr@example.cz", first_name="Petr")
    client.force_login(hr)
    response = client.get(reverse("wagtailusers_users:edit", args=(person.pk,)))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="personal_number"' in content
    assert 'name="workplace"' in content
    assert 'name="is_management"' in content


def test_workplace_tree_gives_full_names():
    root = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    child = factories.WorkplaceFactory(name="Podatelna", code="osa-pod", parent=root)
    assert child.full_name == "Odbor správních agend / Podatelna"
    assert list(root.get_descendants()) == [child]


def test_user_cannot_be_own_manager():
    from django.db import IntegrityError, transaction

    user = factories.UserFactory()
    user.manager = user
    with pytest.raises(IntegrityError), transaction.atomic():
        user.save()
