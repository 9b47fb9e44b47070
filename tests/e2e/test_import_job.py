"""HR's employee import in a real browser: upload, preview, confirm, the job's result page."""

import codecs
import re

import pytest
from playwright.sync_api import expect

from organisation.models import User
from tests.e2e.conftest import axe_violations, login, snapshot

pytestmark = [pytest.mark.e2e]

LINES = [
    "Osobní číslo;Jméno;Příjmení;E-mail;Pracoviště;Funkce",
    *(
        f"{n};Zdeňka;Šťastná {n};zdenka.{n}@example.cz;Podatelna a výpravna;referentka"
        for n in range(50001, 50013)
    ),
]


def test_hr_confirms_an_import_and_reads_its_result(page, live_server, demo):
    login(page, live_server, "hr@example.cz")
    page.goto(f"{live_server.url}/admin/employees/import/")
    page.get_by_label("Soubor CSV nebo Excel").set_input_files(
        files=[
            {
                "name": "zamestnanci.csv",
                "mimeType": "text/csv",
                "buffer": codecs.BOM_UTF8 + "\r\n".join(LINES).encode(),
            }
        ]
    )
    page.get_by_role("button", name="Zkontrolovat soubor").click()
    page.get_by_role("button", name="Potvrdit import").click()
    page.wait_for_url(re.compile(r"/admin/employees/import/\d+/$"))
    expect(page.get_by_role("heading", name="Import dokončen")).to_be_visible()
    expect(page.get_by_text("vytvořeno 12 zaměstnanců")).to_be_visible()
    assert User.objects.filter(email__startswith="zdenka.").count() == 12
    serious = [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.set_viewport_size({"width": 1366, "height": 900})
    snapshot(page, "employee-import-result-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    snapshot(page, "employee-import-result-phone")
