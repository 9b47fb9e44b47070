"""A SCORM 1.2 package, built here, played in Chromium: left half-way, resumed, passed.

The SCO is an ordinary page whose script file (not inline: the package's CSP allows only
files) finds the run-time API on its parent window and calls LMSInitialize, LMSSetValue of
cmi.core.lesson_status, cmi.core.score.raw and cmi.suspend_data, LMSCommit and LMSFinish.
The server must then hold the completion, the pass and the score, and the course is complete.
"""

import io
import time
import zipfile
from decimal import Decimal

import pytest
from django.db import OperationalError
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Assignment, CoursePage
from courses.services import assignment_create
from organisation.models import User
from scorm.models import ScormAttempt, ScormLessonPage, ScormPackage
from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="cz.magistrat.hesla" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
    http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Bezpečná hesla</title>
      <item identifier="item1" identifierref="res1" isvisible="true">
        <title>Bezpečná hesla</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="sco.js"/>
    </resource>
  </resources>
</manifest>
"""

SCO_HTML = """<!doctype html>
<html lang="cs">
<head><meta charset="utf-8"><title>Bezpečná hesla</title><script src="sco.js" defer></script></head>
<body><main>
<h1>Bezpečná hesla</h1>
<p id="stav">Načítám…</p>
<button type="button" id="dokoncit">Dokončit lekci</button>
</main></body>
</html>
"""

SCO_JS = """(function () {
  "use strict";
  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      if (win.API) { return win.API; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window.parent);
  var status = document.getElementById("stav");
  if (!api) { status.textContent = "Chybí API LMS"; return; }
  api.LMSInitialize("");
  var saved = api.LMSGetValue("cmi.suspend_data");
  if (api.LMSGetValue("cmi.core.entry") === "resume" && saved) {
    status.textContent = "Pokračujete: " + saved;
  } else {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    api.LMSSetValue("cmi.core.lesson_location", "2");
    api.LMSSetValue("cmi.suspend_data", "strana=2");
    api.LMSCommit("");
    status.textContent = "Nový pokus";
  }
  var finished = false;
  document.getElementById("dokoncit").addEventListener("click", function () {
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", "85");
    api.LMSSetValue("cmi.core.lesson_status", "passed");
    api.LMSSetValue("cmi.core.exit", "");
    api.LMSCommit("");
    api.LMSFinish("");
    finished = true;
    status.textContent = "Hotovo";
  });
  // Leaving the page: suspend, so the next launch resumes with the suspend data.
  window.addEventListener("pagehide", function () {
    if (finished) { return; }
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSFinish("");
  });
})();
"""


def package_zip(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST)
        archive.writestr("index.html", SCO_HTML)
        archive.writestr("sco.js", SCO_JS)
    path = tmp_path / "hesla-scorm12.zip"
    path.write_bytes(buffer.getvalue())
    return path


def wait_for(condition, *, seconds: float = 20.0):
    """Polls the database until the browser's commit has arrived (not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = condition()
        except OperationalError:
            value = None  # the live server is writing that table right now (SQLite)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def attempt_of(user) -> ScormAttempt | None:
    return ScormAttempt.objects.filter(user=user).order_by("-number").first()


def test_scorm_12_package_suspends_resumes_and_records_pass_and_score(
    page,  # noqa: F811
    live_server,
    demo,  # noqa: F811
    tmp_path,
):
    # The editor uploads the ZIP in the Wagtail admin.
    login(page, live_server, "editor@example.cz")
    page.goto(f"{live_server.url}/admin/scorm_packages/new/")
    page.get_by_label("Balíček SCORM (ZIP)").set_input_files(str(package_zip(tmp_path)))
    page.get_by_role("button", name="Nahrát").click()
    expect(page.get_by_role("link", name="Bezpečná hesla")).to_be_visible()
    package = ScormPackage.objects.get()
    assert package.version == "1.2"
    assert [(s.launch, s.mastery_score) for s in package.scos.all()] == [
        ("index.html", Decimal("80.00"))
    ]

    index = CoursePage.objects.live().first().get_parent()
    course = CoursePage(title="Hesla v praxi", slug="hesla-scorm", summary="Bezpečná hesla.")
    index.add_child(instance=course)
    lesson = ScormLessonPage(title="Bezpečná hesla (SCORM 1.2)", slug="hesla", package=package)
    course.add_child(instance=lesson)
    employee = User.objects.get(email="employee@example.cz")
    assignment, _ = assignment_create(
        user=employee, course=course, due_date=timezone.localdate(), reason="Test"
    )

    page.context.clear_cookies()
    login(page, live_server, "employee@example.cz")
    # The player's and the SCO's console, so a SCO that never starts says why in the failure.
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    page.goto(f"{live_server.url}{lesson.url}")
    sco = page.frame_locator("#scorm-frame")
    try:
        expect(sco.locator("#stav")).to_have_text("Nový pokus", timeout=30_000)
    except AssertionError as error:
        raise AssertionError(f"{sco.locator('body').inner_text()!r} {console!r}") from error
    assert axe_violations(page) == []
    snapshot(page, "scorm12-player")
    # The first LMSCommit is on the server before the learner leaves.
    attempt = wait_for(lambda: (a := attempt_of(employee)) and a.suspend_data and a)
    assert attempt, "the first commit did not arrive"
    assert (attempt.completion_status, attempt.location) == ("incomplete", "2")

    # Leaving suspends the attempt (LMSFinish with cmi.core.exit = suspend).
    page.goto(f"{live_server.url}/my-training/")
    attempt = wait_for(lambda: (a := attempt_of(employee)) and a.exit == "suspend" and a)
    assert attempt, "the suspend commit did not arrive"
    assert not attempt.finished and attempt.suspend_data == "strana=2"

    # Back again: the same attempt resumes with its suspend data, then is passed.
    page.goto(f"{live_server.url}{lesson.url}")
    sco = page.frame_locator("#scorm-frame")
    expect(sco.locator("#stav")).to_have_text("Pokračujete: strana=2")
    sco.get_by_role("button", name="Dokončit lekci").click()
    expect(sco.locator("#stav")).to_have_text("Hotovo")

    attempt = wait_for(lambda: (a := attempt_of(employee)) and a.finished and a)
    assert attempt, "the finish commit did not arrive"
    assert attempt.number == 1
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
    assert attempt.score_raw == Decimal("85")
    assert attempt.cmi["cmi.core.lesson_status"] == "passed"
    assert attempt.total_time

    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    page.goto(f"{live_server.url}/reports/transcript/")
    expect(page.locator("tr", has_text="Hesla v praxi")).to_contain_text("85")
