"""Report pages open by permission: each role sees its pages, a granted permission suffices."""

import pytest
from django.contrib.auth.models import Permission

from organisation import roles
from tests import factories

# Every report page a role may or may not open, and what each role gets.
PAGES = {
    "heatmap": "/reports/heatmap/",
    "hr": "/reports/",
    "people": "/reports/people/",
    "overdue": "/reports/overdue/",
    "security": "/reports/security/",
    "security_export": "/reports/security/export/categories.csv",
    "evidence": "/reports/evidence/",
}
EXPECTED = {
    # HR reports on everyone and the organisation's effectiveness, without the heat map.
    "hr": {"heatmap": 403},
    "security": {},
    # A manager reports on their line only: no organisation-wide pages.
    "manager": {"heatmap": 403, "security": 403, "security_export": 403, "evidence": 403},
    "employee": dict.fromkeys(PAGES, 403),
    "editor": dict.fromkeys(PAGES, 403),
}


@pytest.fixture
def editor(people):
    return factories.UserFactory(email="editor@example.cz", roles=[roles.COURSE_EDITOR])


def _person(people, editor, who):
    return editor if who == "editor" else people[who]


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_role_opens_what_it_may_and_gets_403_otherwise(client, people, editor, who):
    client.force_login(_person(people, editor, who))
    seen = {page: client.get(url).status_code for page, url in PAGES.items()}
    assert seen == {page: EXPECTED[who].get(page, 200) for page in PAGES}


def _grant(user, codename: str):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="reports", codename=codename)
    )
    return user


@pytest.mark.parametrize(
    "codename, pages",
    [
        ("view_risk_heatmap", ["heatmap"]),
        ("view_security_dashboard", ["security", "security_export"]),
        ("request_evidence_pack", ["evidence"]),
        ("view_all_training_records", ["hr", "people", "overdue"]),
    ],
)
def test_the_permission_alone_opens_its_pages_without_any_group(client, people, codename, pages):
    outsider = factories.UserFactory(email="outsider@example.cz")
    client.force_login(outsider)
    for page in pages:
        assert client.get(PAGES[page]).status_code == 403
    _grant(outsider, codename)
    # Only the default role, which grants nothing: the permission alone opens the pages.
    assert list(outsider.groups.values_list("name", flat=True)) == [roles.EMPLOYEE]
    assert not Permission.objects.filter(group__user=outsider).exists()
    client.force_login(outsider)
    for page in pages:
        assert client.get(PAGES[page]).status_code == 200, page
    # Nothing else came with it.
    for page in set(PAGES) - set(pages):
        assert client.get(PAGES[page]).status_code == 403, page


def test_everyone_s_records_by_permission_show_anyone_s_transcript(client, people):
    outsider = factories.UserFactory(email="outsider@example.cz")
    client.force_login(outsider)
    url = f"/reports/people/{people['employee'].pk}/"
    assert client.get(url).status_code == 404
    _grant(outsider, "view_all_training_records")
    response = client.get(url)
    assert response.status_code == 200
    assert "Nováková" in response.content.decode()


def test_the_evidence_pack_is_built_for_the_permission_alone(
    client, people, django_capture_on_commit_callbacks
):
    from reports.models import ExportJob

    outsider = _grant(factories.UserFactory(email="outsider@example.cz"), "request_evidence_pack")
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/reports/evidence/", {"date_from": "2026-01-01", "date_to": "2026-06-30"}
        )
    job = ExportJob.objects.get(requested_by=outsider)
    assert response.status_code == 302
    assert job.state == ExportJob.State.DONE and job.file


def test_navigation_follows_permissions(client, people):
    outsider = factories.UserFactory(email="outsider@example.cz")
    client.force_login(outsider)
    page = client.get("/reports/transcript/", follow=True).content.decode()
    assert 'href="/reports/"' not in page and 'href="/reports/security/"' not in page
    _grant(outsider, "view_risk_heatmap")
    _grant(outsider, "view_all_training_records")
    page = client.get("/reports/transcript/", follow=True).content.decode()
    assert 'href="/reports/"' in page and 'href="/reports/security/"' in page


def test_the_heat_map_menu_item_follows_the_permission(client, people):
    hr = people["hr"]
    client.force_login(hr)
    assert "/reports/heatmap/" not in client.get("/admin/").content.decode()
    _grant(hr, "view_risk_heatmap")
    client.force_login(hr)
    assert "/reports/heatmap/" in client.get("/admin/").content.decode()
