"""The approval shows its effect first: who gains which course, for whom one becomes optional,
the warning for an unrated category; the preview writes nothing, equals what the approval then
writes, and a confirm whose effect changed meanwhile is refused."""

import re

import pytest
from wagtail.models import ModelLogEntry

from courses.models import Assignment
from risk import plan
from risk.models import RiskReview
from risk.services import APPROVE_ACTION
from tests import factories

pytestmark = pytest.mark.django_db

APPROVE = "/admin/risk_reviews/approve/{}/"


@pytest.fixture
def security(db):
    return factories.UserFactory(
        email="bezpecnost@example.cz",
        first_name="Tomáš",
        last_name="Černý",
        roles=["Security manager"],
    )


@pytest.fixture
def org(db):
    """Odbor správních agend > (Podatelna, Matrika)."""
    osa = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    podatelna = factories.WorkplaceFactory(name="Podatelna", code="podatelna", parent=osa)
    osa.refresh_from_db()
    matrika = factories.WorkplaceFactory(name="Matrika", code="matrika", parent=osa)
    return {"osa": osa, "podatelna": podatelna, "matrika": matrika}


@pytest.fixture
def cats(db):
    return {
        code: factories.RiskCategoryFactory(code=code, name=name, sort_order=i)
        for i, (code, name) in enumerate(
            [("phishing", "Phishing"), ("records", "Spisová služba"), ("payments", "Platby")]
        )
    }


@pytest.fixture
def catalogue(course_index, cats):
    return {
        code: factories.make_plan_course(course_index, [cats[code]], title=title)
        for code, title in [
            ("phishing", "Rozpoznej phishing"),
            ("records", "Bezpečná spisová služba"),
            ("payments", "Bezpečné platby"),
        ]
    }


@pytest.fixture
def inherited(org, cats, catalogue, security, django_capture_on_commit_callbacks):
    """The department's approved review requires phishing and records of everyone in it; three
    people at Podatelna, two at Matrika, each with both courses assigned by that review."""
    podatelna = [
        factories.UserFactory(workplace=org["podatelna"], first_name=first, last_name=last)
        for first, last in [("Jana", "Nováková"), ("Petr", "Svoboda"), ("Eva", "Dvořáková")]
    ]
    matrika = [
        factories.UserFactory(workplace=org["matrika"], first_name=first, last_name=last)
        for first, last in [("Karel", "Malý"), ("Lucie", "Veselá")]
    ]
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_review(
            org["osa"], {cats["phishing"]: (3, 3), cats["records"]: (3, 4)}, approve_by=security
        )
    assert Assignment.objects.filter(status="assigned").count() == 10
    return {"podatelna": podatelna, "matrika": matrika}


def draft_for_podatelna(org, cats):
    """Podatelna's first own review: rates phishing and payments, leaves records unrated."""
    return factories.make_review(
        org["podatelna"], {cats["phishing"]: (2, 2), cats["payments"]: (4, 4)}
    )


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def rows(html: str) -> dict[str, dict[str, str]]:
    """The preview table as {course: {effect: cell text}}, the way a reader sees it."""
    table = html.split('class="listing risk-preview__table"', 1)[1].split("</table>", 1)[0]
    result = {}
    for row in re.findall(r"<tr data-course.*?</tr>", table, re.S):
        title = re.search(r'<th scope="row">(.*?)</th>', row, re.S).group(1).strip()
        cells = dict(re.findall(r'<td data-effect="(\w+)">(.*?)</td>', row, re.S))
        result[title] = {key: text(value) for key, value in cells.items()}
    return result


def fingerprint(html: str) -> str:
    return re.search(r'name="effect" value="([0-9a-f]{64})"', html).group(1)


def snapshot_db():
    return sorted(
        Assignment.objects.values_list(
            "user_id", "course_id", "status", "source", "review_id", "due_date"
        )
    ), sorted(RiskReview.objects.values_list("pk", "status"))


def test_the_preview_names_who_gains_and_who_loses_and_writes_nothing(
    client, site, org, cats, catalogue, inherited, security, django_assert_max_num_queries
):
    draft = draft_for_podatelna(org, cats)
    client.force_login(security)
    before = snapshot_db()
    with django_assert_max_num_queries(40) as captured:
        html = client.get(APPROVE.format(draft.pk)).content.decode()
    assert snapshot_db() == before
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
    assert [sql for sql in writes if re.match(r"\s*(INSERT|UPDATE|DELETE)", sql)] == []

    table = rows(html)
    names = "Eva Dvořáková Jana Nováková Petr Svoboda"
    assert table == {
        "Bezpečné platby": {"gains": f"3 lidé {names}", "optional": "0", "unchanged": "0"},
        "Bezpečná spisová služba": {"gains": "0", "optional": f"3 lidé {names}", "unchanged": "0"},
        "Rozpoznej phishing": {"gains": "0", "optional": "0", "unchanged": "3"},
    }
    # Matrika keeps following the department: nobody there is named.
    assert "Karel Malý" not in html and "Lucie Veselá" not in html
    assert "Analýza určí plán školení 3 lidem." in html


def test_an_unrated_category_that_made_a_course_mandatory_is_warned_about(
    client, site, org, cats, catalogue, inherited, security
):
    draft = draft_for_podatelna(org, cats)
    client.force_login(security)
    html = client.get(APPROVE.format(draft.pk)).content.decode()
    assert (
        "Kategorie „Spisová služba“ není ohodnocena: kurz „Bezpečná spisová služba“ "
        "přestane být povinný pro 3 lidi."
    ) in html
    # Phishing is rated (low, still above the course's threshold): no warning for it.
    assert "Kategorie „Phishing“" not in html


def test_no_warning_when_the_category_is_rated_but_too_low(
    client, site, org, cats, catalogue, inherited, security
):
    catalogue["records"].required_from_level = "high"
    catalogue["records"].save()
    draft = factories.make_review(
        org["podatelna"], {cats["phishing"]: (2, 2), cats["records"]: (1, 1)}
    )
    client.force_login(security)
    html = client.get(APPROVE.format(draft.pk)).content.decode()
    assert rows(html)["Bezpečná spisová služba"]["optional"].startswith("3 lidé")
    assert "není ohodnocena" not in html


def test_the_preview_counts_are_what_the_approval_writes(
    client, site, org, cats, catalogue, inherited, security, django_capture_on_commit_callbacks
):
    # Ota joined after the department's plan was applied (his joiner plan gives him its
    # courses) and enrolled himself in the payments course: approval makes that a duty.
    with django_capture_on_commit_callbacks(execute=True):
        chosen = factories.UserFactory(
            workplace=org["podatelna"], first_name="Ota", last_name="Beneš"
        )
    assert Assignment.objects.filter(user=chosen, source="joiner").count() == 2
    Assignment.objects.create(user=chosen, course=catalogue["payments"], source="self")
    draft = draft_for_podatelna(org, cats)
    client.force_login(security)
    html = client.get(APPROVE.format(draft.pk)).content.decode()
    table = rows(html)
    assert table["Bezpečné platby"]["gains"].startswith("4 lidé")
    assert table["Bezpečná spisová služba"]["optional"].startswith("4 lidé")

    open_before = set(
        Assignment.objects.filter(status="assigned", source__in=["plan", "joiner"]).values_list(
            "user_id", "course__title"
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPROVE.format(draft.pk), {"effect": fingerprint(html)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "approved"

    open_after = set(
        Assignment.objects.filter(status="assigned", source__in=["plan", "joiner"]).values_list(
            "user_id", "course__title"
        )
    )
    by_name = {u.pk: str(u) for u in factories.User.objects.all()}

    def names(pairs, course):
        return " ".join(sorted(by_name[u] for u, title in pairs if title == course))

    gained = open_after - open_before
    optional = set(
        Assignment.objects.filter(status="not_required").values_list("user_id", "course__title")
    )
    for course in table:
        shown = table[course]
        count = len([1 for _u, title in gained if title == course])
        assert shown["gains"].startswith(f"{count} ") or (count == 0 and shown["gains"] == "0")
        count = len([1 for _u, title in optional if title == course])
        assert shown["optional"].startswith(f"{count} ") or (
            count == 0 and shown["optional"] == "0"
        )
        # The same people, by name (the lists are sorted by surname, the same set either way).
        assert sorted(names(gained, course).split()) == sorted(
            shown["gains"].split()[2:] if shown["gains"] != "0" else []
        )
        assert sorted(names(optional, course).split()) == sorted(
            shown["optional"].split()[2:] if shown["optional"] != "0" else []
        )
    # The audit entry keeps what was approved.
    entry = ModelLogEntry.objects.get(action=APPROVE_ACTION, object_id=str(draft.pk))
    assert entry.user_id == security.pk
    assert (entry.data["people"], entry.data["gains"], entry.data["optional"]) == (4, 4, 4)


def test_a_confirm_after_the_plan_changed_is_refused(
    client, site, org, cats, catalogue, inherited, security, django_capture_on_commit_callbacks
):
    # The manager previews the department's new review (it covers Podatelna and Matrika) ...
    draft = factories.make_review(org["osa"], {cats["payments"]: (5, 5)})
    client.force_login(security)
    html = client.get(APPROVE.format(draft.pk)).content.decode()
    assert rows(html)["Bezpečné platby"]["gains"].startswith("5 lidí")
    # ... meanwhile Podatelna's own review is approved, so the department's no longer covers it.
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_review(org["podatelna"], {cats["phishing"]: (3, 3)}, approve_by=security)
    before = snapshot_db()

    response = client.post(APPROVE.format(draft.pk), {"effect": fingerprint(html)}, follow=True)
    assert snapshot_db() == before
    draft.refresh_from_db()
    assert draft.status == "draft"
    page = response.content.decode()
    assert "Zkontrolujte nový náhled a potvrďte znovu." in page
    # The page shown is the fresh preview: only Matrika's two people gain the course now.
    assert rows(page)["Bezpečné platby"]["gains"].startswith("2 lidé")
    assert not ModelLogEntry.objects.filter(action=APPROVE_ACTION, object_id=str(draft.pk))


def test_a_confirm_without_the_preview_is_refused(client, site, org, cats, catalogue, security):
    draft = draft_for_podatelna(org, cats)
    client.force_login(security)
    client.post(APPROVE.format(draft.pk))
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize("roles", [[], ["HR"]])
def test_without_the_approval_permission_neither_preview_nor_confirm(
    client, site, org, cats, catalogue, inherited, roles
):
    draft = draft_for_podatelna(org, cats)
    client.force_login(factories.UserFactory(roles=roles, first_name="Iva", last_name="Horká"))
    response = client.get(APPROVE.format(draft.pk))
    assert response.status_code == 403
    assert "Jana Nováková" not in response.content.decode()
    html_effect = "0" * 64
    assert client.post(APPROVE.format(draft.pk), {"effect": html_effect}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize("size", [3, 30])
def test_the_preview_costs_the_same_queries_for_few_and_many_people(
    client, site, org, cats, catalogue, security, size, django_assert_max_num_queries
):
    for i in range(size):
        person = factories.UserFactory(workplace=org["podatelna"], last_name=f"Příjmení {i}")
        Assignment.objects.create(user=person, course=catalogue["phishing"], source="self")
    draft = draft_for_podatelna(org, cats)
    client.force_login(security)
    with django_assert_max_num_queries(25):  # 25 measured for 3 and for 30
        html = client.get(APPROVE.format(draft.pk)).content.decode()
    assert rows(html)["Bezpečné platby"]["gains"].startswith(f"{size} ")


def test_the_effect_is_read_off_the_same_changes_the_apply_writes():
    """Pure: a self-chosen course made a duty gains, an earlier review's stays unchanged, a
    retired one for an unrated category is reported as such."""
    review = plan.Review(id=9, assessments=(plan.Assessment(category_id=1, level=plan.HIGH),))
    existing = [
        plan.Existing(1, 100, 10, True, False, False, True, None),  # self-chosen
        plan.Existing(2, 101, 10, True, False, True, False, 7, category_id=1),  # earlier review
        plan.Existing(3, 101, 20, True, False, True, False, 7, category_id=2),  # unrated now
    ]
    required = plan.plan(
        review=review,
        courses=[plan.Course(id=10, category_ids=frozenset({1}), required_from_level=plan.LOW)],
        employees=[plan.Employee(100), plan.Employee(101)],
        policy=plan.Policy(),
        start=plan.datetime.date(2026, 3, 2),
    )
    changes = plan.plan_changes(
        required=required,
        existing=existing,
        employee_ids=[100, 101],
        today=plan.datetime.date(2026, 3, 2),
    )
    effect = plan.plan_effect(review=review, changes=changes, existing=existing)
    assert effect.courses == (
        plan.CourseChange(10, frozenset({100}), frozenset(), frozenset({101})),
        plan.CourseChange(20, frozenset(), frozenset({101}), frozenset()),
    )
    assert effect.unrated == (plan.UnratedChange(2, 20, frozenset({101})),)
    again = plan.plan_effect(review=review, changes=changes, existing=existing)
    assert again.fingerprint == effect.fingerprint
    other = plan.Review(id=9, assessments=(plan.Assessment(category_id=1, level=plan.LOW),))
    assert plan.plan_effect(review=other, changes=changes, existing=existing).fingerprint != (
        effect.fingerprint
    )
