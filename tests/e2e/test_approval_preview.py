"""The approval shows its effect first, in a real browser: a department's first own review that
leaves a category unrated, its preview (counts, names, the warning), the confirm, the effect."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

MOBILE = "Práce na dálku a mobilní zařízení"
PASSWORDS = "Hesla a vícefaktorové ověření"


def expected():
    """Who the Kancelář tajemníka's own review concerns, read from the database: everyone in
    its subtree (no sub-workplace has a review), so far following the magistrate's review."""
    from core.collation import czech_order
    from courses.models import Assignment
    from organisation.models import User, Workplace

    kt = Workplace.objects.get(code="kt")
    # In Czech alphabetical order of surnames (Černý before Dvořáková), as the page lists them.
    people = User.objects.filter(is_active=True, workplace__path__startswith=kt.path).order_by(
        czech_order("last_name"), czech_order("first_name"), "pk"
    )
    names = [str(u) for u in people]
    mobile_done = Assignment.objects.filter(user__in=people, course__title=MOBILE)
    gains = [str(u) for u in people.exclude(pk__in=mobile_done.values("user_id"))]
    optional = [
        str(a.user)
        for a in Assignment.objects.filter(
            user__in=people,
            course__title=PASSWORDS,
            status="assigned",
            source__in=["plan", "joiner"],
        )
        .select_related("user")
        .order_by(czech_order("user__last_name"), czech_order("user__first_name"), "user_id")
    ]
    return kt, names, gains, optional


def lidi(n: int, case: str) -> str:
    """Czech "people" after a number: nominative (lidé) or accusative after "pro" (lidi)."""
    if n == 1:
        return {"nom": "1 člověk", "acc": "1 člověka"}[case]
    if 2 <= n <= 4:
        return {"nom": f"{n} lidé", "acc": f"{n} lidi"}[case]
    return f"{n} lidí"


def test_the_manager_sees_who_gains_and_loses_before_approving(page, live_server, demo):
    from courses.models import Assignment

    kt, everyone, gains, optional = expected()
    assert len(everyone) >= 3 and gains and optional

    login(page, live_server, "security@example.cz")
    page.goto(f"{live_server.url}/admin/risk_reviews/new/")
    page.locator("select[name='workplace']").select_option(str(kt.pk))
    # Phishing and personal data as before, mobile devices now high; passwords left unrated.
    ratings = [("phishing", 3, 3), ("personal-data", 2, 3), ("mobile-remote", 4, 3)]
    from risk.models import RiskCategory

    for i, (code, likelihood, impact) in enumerate(ratings):
        if page.locator("select[name$='-category']").count() <= i:
            page.get_by_role("button", name="Přidat riziko").click()
        row = page.locator("select[name$='-category']").nth(i)
        row.select_option(str(RiskCategory.objects.get(code=code).pk))
        prefix = row.get_attribute("name").removesuffix("category")
        page.locator(f"select[name='{prefix}likelihood']").select_option(str(likelihood))
        page.locator(f"select[name='{prefix}impact']").select_option(str(impact))
    page.get_by_role("button", name="Vytvořit", exact=True).click()
    expect(page.get_by_role("link", name="Schválit", exact=True).first).to_be_visible()

    # Nothing is assigned by the draft, nor by looking at its preview.
    before = Assignment.objects.count()
    page.get_by_role("link", name="Schválit", exact=True).first.click()
    page.wait_for_url(re.compile(r"/admin/risk_reviews/approve/\d+/"))
    expect(page.get_by_role("heading", name="Co schválení způsobí")).to_be_visible()
    assert Assignment.objects.count() == before

    expect(page.get_by_text(f"Analýza určí plán školení {len(everyone)} lidem.")).to_be_visible()
    warning = (
        f"Kategorie „Hesla a přístupová oprávnění“ není ohodnocena: kurz „{PASSWORDS}“ "
        f"přestane být povinný pro {lidi(len(optional), 'acc')}."
    )
    expect(page.get_by_text(warning)).to_be_visible()

    mobile = page.locator("tr", has=page.get_by_role("rowheader", name=MOBILE))
    gains_cell = mobile.locator("[data-effect='gains']")
    expect(gains_cell.locator("summary")).to_have_text(lidi(len(gains), "nom"))
    gains_cell.locator("summary").click()
    expect(gains_cell.get_by_role("listitem")).to_have_text(gains)

    passwords = page.locator("tr", has=page.get_by_role("rowheader", name=PASSWORDS))
    optional_cell = passwords.locator("[data-effect='optional']")
    expect(optional_cell.locator("summary")).to_have_text(lidi(len(optional), "nom"))
    optional_cell.locator("summary").click()
    expect(optional_cell.get_by_role("listitem")).to_have_text(optional)

    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1366, "height": 900})
    snapshot(page, "approval-preview-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    snapshot(page, "approval-preview-390")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1366, "height": 900})

    page.get_by_role("button", name="Schválit analýzu").click()
    expect(page.get_by_text("Analýza schválena")).to_be_visible()

    # What the preview said is what happened, person by person.
    from courses.models import Assignment as A

    got_mobile = sorted(
        str(a.user)
        for a in A.objects.filter(course__title=MOBILE, status="assigned", review__workplace=kt)
    )
    assert got_mobile == sorted(gains)
    now_optional = sorted(
        str(a.user)
        for a in A.objects.filter(
            course__title=PASSWORDS,
            status="not_required",
            user__workplace__path__startswith=kt.path,
        )
    )
    assert now_optional == sorted(optional)

    # And the manager, one of them, sees the new course among their own training.
    page.goto(f"{live_server.url}/my-training/")
    expect(page.locator("li.course-card", has_text=MOBILE)).to_be_visible()
    snapshot(page, "approval-effect-my-training")
