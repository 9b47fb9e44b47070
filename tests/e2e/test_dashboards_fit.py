"""Issue 13, points 5, 9 and 11 in a browser: dashboards that fit, certificates on a phone, run now.

On the demo magistrate (one office, "Magistrát", above its departments): HR's chart has a
bar per department; the heat map shows all nine categories at 1366 px with the workplace
column sticky; the Wagtail userbar never lies over a table; the scrolling PDCA table takes
keyboard focus; the certificate list fits 390 px; a PDCA job started from the admin shows
its progress, then its counts. Each page is photographed at 1366x900 and 390x844.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _serious(page) -> list[dict]:
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def _both_sizes(page, name: str) -> None:
    """Screenshots at both sizes and axe at both (a phone reflows into other problems)."""
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.wait_for_timeout(100)  # let the layout settle before the picture (not a check)
        snapshot(page, f"dashboards-fit-{name}-{label}")
        assert _serious(page) == [], (name, label)
    page.set_viewport_size(DESKTOP)


def _overlaps(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


USERBAR_BOX = """() => {
  const host = document.querySelector('wagtail-userbar');
  const bar = host && host.shadowRoot && host.shadowRoot.querySelector('.w-userbar-nav');
  if (!bar) return null;
  const r = bar.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""

TABLE_BOXES = """() => Array.from(document.querySelectorAll('table')).map(t => {
  const r = t.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
})"""


def _userbar_covers_no_table(page) -> None:
    """At the top of the page and scrolled to its end, the userbar's box meets no table's."""
    for scroll in ("window.scrollTo(0, 0)", "window.scrollTo(0, document.body.scrollHeight)"):
        page.evaluate(scroll)
        bar = page.evaluate(USERBAR_BOX)
        assert bar is not None and bar["width"] > 0
        tables = page.evaluate(TABLE_BOXES)
        assert tables
        assert not [t for t in tables if _overlaps(bar, t)]
    page.evaluate("window.scrollTo(0, 0)")


def test_hr_chart_has_a_bar_per_department(page, live_server, demo):
    from organisation.models import Workplace

    login(page, live_server, "hr@example.cz")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/reports/")
    chart = page.locator("figure.chart", has=page.locator("#chart-workplaces-title"))
    bars = chart.locator("rect.chart-bar")
    departments = Workplace.get_root_nodes().first().get_children()
    assert bars.count() > 1
    labels = chart.locator("text.chart-label").evaluate_all("els => els.map(e => e.textContent)")
    # One bar per department that has training to count (the office itself is not a bar).
    assert "Magistrát" not in labels
    assert set(labels) <= {d.name[:31] + "…" if len(d.name) > 32 else d.name for d in departments}
    _both_sizes(page, "hr")


def test_heat_map_shows_every_category_at_1366_with_a_sticky_first_column(page, live_server, demo):
    from risk.models import RiskCategory

    login(page, live_server, "security@example.cz")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/reports/heatmap/")
    categories = list(RiskCategory.objects.values_list("name", flat=True))
    assert len(categories) == 9
    headers = page.locator(".heatmap thead th")
    expect(headers).to_have_count(2 + 9)
    for i in range(2, 11):
        box = headers.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= DESKTOP["width"], i
        assert box["y"] + box["height"] <= DESKTOP["height"], i
    first = page.locator(".heatmap tbody th").first
    assert first.evaluate("e => getComputedStyle(e).position") == "sticky"
    # On a phone the table scrolls sideways and the workplace column stays where it was.
    page.set_viewport_size(PHONE)
    wrap = page.locator(".heatmap-wrap")
    before = first.bounding_box()["x"]
    wrap.evaluate("e => { e.scrollLeft = 400; }")
    assert wrap.evaluate("e => e.scrollLeft") > 0
    assert first.bounding_box()["x"] == pytest.approx(before, abs=1)
    wrap.evaluate("e => { e.scrollLeft = 0; }")
    page.set_viewport_size(DESKTOP)
    _both_sizes(page, "heatmap")


def test_security_dashboard_pdca_table_is_reached_by_tab_and_the_userbar_covers_nothing(
    page, live_server, demo
):
    login(page, live_server, "admin@example.cz")  # the userbar shows for admin users
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/reports/security/")
    region = page.locator("#pdca-table")
    expect(region).to_have_attribute("role", "region")
    page.locator("body").focus()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "pdca-table":
            break
    assert page.evaluate("document.activeElement.id") == "pdca-table"
    _userbar_covers_no_table(page)
    page.goto(f"{live_server.url}/reports/heatmap/")
    _userbar_covers_no_table(page)
    page.goto(f"{live_server.url}/reports/security/")
    _both_sizes(page, "security")


def test_certificate_list_fits_a_phone(page, live_server, demo):
    login(page, live_server, "employee@example.cz")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/certificates/")
    link = page.get_by_role("link", name="Stáhnout PDF").first
    expect(link).to_be_visible()
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _both_sizes(page, "certificates")


def test_run_now_shows_progress_then_the_counts(page, live_server, demo):
    from celery.contrib.testing.worker import start_worker

    from automation.models import JobRequest, JobRun
    from elearning.celery import app

    login(page, live_server, "admin@example.cz")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/automation/job-runs/")
    page.get_by_role("link", name="Spustit úlohu nyní").click()
    page.wait_for_url(f"{live_server.url}/admin/automation/run-now/")
    _both_sizes(page, "run-now")
    # A second tab with the same list: its button is stale once the first click is made.
    other = page.context.new_page()
    other.goto(f"{live_server.url}/admin/automation/run-now/")
    # No worker yet: the task waits in the broker, as it would behind a busy queue.
    app.conf.task_always_eager = False
    try:
        page.locator('form:has(input[value="reminders"]) button').click()
        page.wait_for_url(f"{live_server.url}/admin/automation/run-now/*/")
        expect(page.locator("#run-now-state")).to_have_text("Ve frontě")
        expect(page.locator("#run-now-result")).to_be_hidden()
        expect(page.locator("#run-now-progress [role=status]")).to_contain_text("Ve frontě")
        _both_sizes(page, "run-now-progress")
        # The second click, while the first run waits, starts nothing and says so in Czech.
        other.locator('form:has(input[value="reminders"]) button').click()
        expect(other.get_by_text("už běží. Druhé spuštění nebylo zahájeno")).to_be_visible()
        assert other.url == page.url
        other.close()
        assert JobRequest.objects.filter(job="reminders").count() == 1
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            expect(page.locator("#run-now-state")).to_have_text("Hotovo", timeout=60_000)
            expect(page.locator("#run-now-result")).to_be_visible()
    finally:
        app.conf.task_always_eager = True
    request = JobRequest.objects.get(job="reminders")
    assert request.status == "done"
    assert JobRun.objects.get(request=request).status == "done"
    sent = page.locator('#run-now-counts dd[data-key="sent"]')
    expect(sent).to_have_text(str(request.counts["sent"]))
    expect(page.locator("#run-now-counts dt").first).to_be_visible()
    _both_sizes(page, "run-now-done")
