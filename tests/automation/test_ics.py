"""The .ics attachment: valid lines, folded at 75 octets, Czech intact."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from automation.ics import due_date_event

STAMP = datetime.datetime(2026, 11, 22, 8, 0, tzinfo=datetime.UTC)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_all_day_event_on_the_due_date():
    text = due_date_event(
        uid="a-1@x",
        summary="Ochrana osobních údajů",
        description="Kurz",
        url="http://127.0.0.1:8000/skoleni/gdpr/",
        due=datetime.date(2026, 12, 15),
        stamp=STAMP,
    )
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "DTSTART;VALUE=DATE:20261215" in lines
    assert "DTEND;VALUE=DATE:20261216" in lines
    assert "SUMMARY:Ochrana osobních údajů" in lines
    assert "DTSTAMP:20261122T080000Z" in lines
    assert text.endswith("END:VCALENDAR\r\n")


@given(st.text(min_size=0, max_size=300))
def test_any_text_folds_within_75_octets_and_unfolds_back(summary):
    text = due_date_event(
        uid="u",
        summary="Žluťoučký kůň " + summary,
        description="ďábelské",
        url="http://x/",
        due=datetime.date(2026, 1, 1),
        stamp=STAMP,
    )
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = _unfold(text)
    summary_line = next(line for line in unfolded if line.startswith("SUMMARY:"))
    escaped = (
        ("Žluťoučký kůň " + summary)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )
    assert summary_line == "SUMMARY:" + escaped
