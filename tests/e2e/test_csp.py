"""Issue 12, point 1: every journey's pages, the Wagtail admin included, run under the CSP.

The browser reports each refused script, style, frame or image twice: as a console message
and as a `securitypolicyviolation` event; the test collects both on every page it opens and
checks, besides, that what the blocked inline scripts used to do (date pickers, choosers,
inline panels, the quiz countdown) still happens.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login, snapshot
from tests.e2e.test_quiz_certificate_journey import COURSE, _finish_lessons

pytestmark = [pytest.mark.e2e]

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile
    + ":" + e.lineNumber);
});
"""


class CspWatch:
    """Violations seen on the page so far, from the console and from the DOM event."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(LISTEN)
        page.on("console", self._on_console)

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.console.append(text)

    def visit(self, url):
        response = self.page.goto(url)
        assert response.status == 200, url
        self.assert_clean(url)
        return response

    def assert_clean(self, where=""):
        self.page.wait_for_load_state("networkidle")
        events = self.page.evaluate("window.__csp || []")
        assert (events, self.console) == ([], []), where


def _csp_header(response) -> str:
    return response.headers["content-security-policy"]


def test_learner_quiz_and_certificate_pages_run_under_the_csp(page, live_server, demo):
    from quizzes.models import Quiz

    _finish_lessons()
    # A time limit, so the quiz page loads its countdown script.
    Quiz.objects.filter(course__title=COURSE).update(time_limit_minutes=5)
    watch = CspWatch(page)
    login(page, live_server, "employee@example.cz")
    watch.assert_clean("login and my training")
    response = watch.visit(f"{live_server.url}/my-training/")
    policy = _csp_header(response)
    assert re.search(r"script-src 'self'( 'nonce-[A-Za-z0-9+/=]+')?(;|$)", policy), policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"

    page.locator("li.course-card", has_text=COURSE).get_by_role(
        "link", name=COURSE, exact=True
    ).click()
    expect(page.get_by_role("heading", name="Obsah kurzu")).to_be_visible()
    watch.assert_clean("course page")
    page.locator("main a[href*='/skoleni/']").last.click()
    watch.assert_clean("lesson page")

    page.goto(f"{live_server.url}/my-training/")
    page.locator("li.course-card", has_text=COURSE).get_by_role(
        "link", name=COURSE, exact=True
    ).click()
    page.get_by_role("link", name="Závěrečný test").click()
    watch.assert_clean("quiz intro")
    page.get_by_role("button", name="Spustit test").click()
    page.wait_for_url("**/quizzes/attempts/*/")
    # The countdown is a static file reading data attributes; under the CSP it still ticks.
    timer = page.locator("#quiz-time-left")
    first = timer.text_content()
    expect(timer).not_to_have_text(first, timeout=5_000)
    watch.assert_clean("quiz attempt")
    page.get_by_role("button", name="Odeslat odpovědi").click()
    # Nothing was answered: the summary dialog (a static script too) asks to confirm.
    page.get_by_role("dialog", name="Odeslat odpovědi?").get_by_role(
        "button", name="Odeslat"
    ).click()
    expect(page.get_by_text("Vaše skóre:")).to_be_visible()
    watch.assert_clean("quiz result")

    watch.visit(f"{live_server.url}/certificates/")
    verify = page.get_by_role("link", name=re.compile(r"^Ověřovací stránka")).first
    watch.visit(f"{live_server.url}{verify.get_attribute('href')}")
    watch.visit(f"{live_server.url}/reports/transcript/")
    snapshot(page, "csp-learner")


def test_hr_and_security_dashboards_run_under_the_csp(page, live_server, demo):
    watch = CspWatch(page)
    login(page, live_server, "hr@example.cz")
    for path in ("/reports/", "/reports/people/", "/reports/overdue/"):
        watch.visit(f"{live_server.url}{path}")
    snapshot(page, "csp-hr")
    page.context.clear_cookies()

    login(page, live_server, "security@example.cz")
    for path in ("/reports/security/", "/reports/heatmap/"):
        watch.visit(f"{live_server.url}{path}")
    snapshot(page, "csp-security")


def test_wagtail_admin_works_under_the_csp(page, live_server, demo):
    from courses.models import CoursePage, LessonPage

    watch = CspWatch(page)
    login(page, live_server, "admin@example.cz")
    response = watch.visit(f"{live_server.url}/admin/")
    policy = _csp_header(response)
    # Wagtail's editor inserts <style> elements, so the admin allows inline styles, not scripts.
    assert re.search(r"script-src 'self'( 'nonce-[A-Za-z0-9+/=]+')?(;|$)", policy), policy
    expect(page.locator("#wagtail")).to_have_class(re.compile(r"\bready\b"))

    # The page editor: the scheduling dialog's date-time pickers are initialised.
    course = CoursePage.objects.live().first()
    watch.visit(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    expect(page.locator("#id_go_live_at")).to_be_attached()
    page.wait_for_function(
        "window.jQuery && jQuery('#id_go_live_at').data('xdsoft_datetimepicker')"
    )
    lesson = LessonPage.objects.live().first()
    watch.visit(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    snapshot(page, "csp-admin-editor")

    # A viewset listing and a create form with an inline panel and a page chooser.
    watch.visit(f"{live_server.url}/admin/assignments/")
    watch.visit(f"{live_server.url}/admin/quizzes/")
    watch.visit(f"{live_server.url}/admin/quizzes/new/")
    total = page.locator("input[name$='-TOTAL_FORMS']").first
    before = int(total.input_value())
    page.locator("button[id$='-ADD']").first.click()
    expect(total).to_have_value(str(before + 1))
    page.locator("[data-chooser-action-choose]").first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    watch.assert_clean("inline panel and page chooser")
    snapshot(page, "csp-admin-quiz-form")

    watch.visit(f"{live_server.url}/admin/questions/new/")
    watch.visit(f"{live_server.url}/admin/documents/")
    watch.visit(f"{live_server.url}/admin/images/")
    watch.visit(f"{live_server.url}/admin/users/")
