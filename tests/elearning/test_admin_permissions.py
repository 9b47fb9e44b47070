"""The admin's own screens open by model permission (Wagtail's policies), not by group.

Inside the admin Wagtail answers a refused permission with a redirect to its dashboard and a
"no permission" message, not a bare 403: `_refused` checks for that.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from organisation import roles
from risk.models import RiskReview
from tests import factories


def _grant(user, *names: str):
    for name in names:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def _refused(response) -> bool:
    """Wagtail's refusal (back to the dashboard with a message) or a plain 403."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def _status(response) -> str:
    if _refused(response):
        return "refused"
    return str(response.status_code)


@pytest.fixture
def objects(course):
    certificate = factories.issue_certificate(
        factories.CompletedAssignmentFactory(course=course), pdf=False
    )
    review = factories.make_review(factories.WorkplaceFactory(), {})
    quiz = factories.make_quiz(course, questions=2)
    return {"certificate": certificate, "review": review, "quiz": quiz}


# Each screen, what it needs, and who of the roles reaches it.
SCREENS = [
    (
        "revoke",
        lambda o: reverse("certificates_admin:revoke", args=[o["certificate"].pk]),
        ["certificates.revoke_certificate"],
        {roles.HR, roles.SECURITY_MANAGER},
    ),
    (
        "assign",
        lambda o: reverse("assignments:add"),
        ["courses.add_assignment"],
        {roles.HR, roles.SECURITY_MANAGER},
    ),
    (
        "employee import",
        lambda o: reverse("employee_import"),
        ["organisation.add_user", "organisation.change_user"],
        {roles.HR},
    ),
    (
        "question import",
        lambda o: reverse("quiz_import:index"),
        ["quizzes.add_question"],
        {roles.SECURITY_MANAGER, roles.COURSE_EDITOR},
    ),
    (
        "statistics",
        lambda o: reverse("quiz_statistics:detail", args=[o["quiz"].pk]),
        ["quizzes.view_quiz_statistics"],
        {roles.SECURITY_MANAGER, roles.COURSE_EDITOR},
    ),
    (
        "approve",
        lambda o: reverse("risk_reviews:approve", args=[o["review"].pk]),
        ["risk.approve_riskreview"],
        {roles.SECURITY_MANAGER},
    ),
]


@pytest.mark.parametrize("screen, url, needed, allowed", SCREENS, ids=[s[0] for s in SCREENS])
def test_each_role_reaches_its_screens_and_a_granted_permission_alone_suffices(
    client, objects, screen, url, needed, allowed
):
    address = url(objects)
    for role in (roles.HR, roles.SECURITY_MANAGER, roles.COURSE_EDITOR):
        client.force_login(factories.UserFactory(roles=[role]))
        assert _status(client.get(address)) == ("200" if role in allowed else "refused"), role

    # No role at all: the admin's entry permission opens the admin, not this screen...
    person = factories.UserFactory()
    _grant(person, "wagtailadmin.access_admin")
    client.force_login(person)
    assert _refused(client.get(address))
    # ...and the screen's own permission opens it, with no group behind it.
    _grant(person, *needed)
    assert set(person.groups.values_list("name", flat=True)) == {roles.EMPLOYEE}
    assert client.get(address).status_code == 200


def test_someone_without_the_permission_is_refused_before_any_404(client, site):
    person = factories.UserFactory()
    _grant(person, "wagtailadmin.access_admin")
    client.force_login(person)
    for address in (
        reverse("certificates_admin:revoke", args=[999999]),
        reverse("quiz_statistics:detail", args=[999999]),
        reverse("risk_reviews:approve", args=[999999]),
    ):
        assert _refused(client.get(address)), address
    _grant(person, "certificates.revoke_certificate", "risk.approve_riskreview")
    assert client.get(reverse("certificates_admin:revoke", args=[999999])).status_code == 404
    assert client.get(reverse("risk_reviews:approve", args=[999999])).status_code == 404


def test_starting_a_draft_from_a_review_takes_the_add_permission(client, site):
    review = factories.make_review(factories.WorkplaceFactory(), {})
    person = factories.UserFactory()
    _grant(person, "wagtailadmin.access_admin")
    client.force_login(person)
    address = reverse("risk_reviews:draft_from", args=[review.pk])
    assert _refused(client.post(address))
    assert RiskReview.objects.count() == 1
    _grant(person, "risk.add_riskreview")
    response = client.post(address)
    draft = RiskReview.objects.exclude(pk=review.pk).get()
    assert response.status_code == 302
    assert response.url == reverse("risk_reviews:edit", args=[draft.pk])
