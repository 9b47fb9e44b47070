"""The .ics attachment, read back with the icalendar library as a calendar app would read it."""

import datetime

import icalendar
import time_machine
from django.core import mail
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from automation import services
from automation.ics import due_date_event
from tests import factories

STAMP = datetime.datetime(2026, 11, 22, 8, 0, tzinfo=datetime.UTC)


def _event(text: str) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["METHOD"]) == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    return event


def test_all_day_event_on_the_due_date():
    text = due_date_event(
        uid="assignment-1@example.cz",
        summary="Ochrana osobních údajů",
        description="Kurz\nhttp://127.0.0.1:8000/skoleni/gdpr/",
        url="http://127.0.0.1:8000/skoleni/gdpr/",
        due=datetime.date(2026, 12, 15),
        stamp=STAMP,
    )
    event = _event(text)
    assert str(event["SUMMARY"]) == "Ochrana osobních údajů"
    assert str(event["DESCRIPTION"]) == "Kurz\nhttp://127.0.0.1:8000/skoleni/gdpr/"
    assert str(event["UID"]) == "assignment-1@example.cz"
    # All day: a date, not a time, ending the next day (RFC 5545's exclusive end).
    assert event.decoded("DTSTART") == datetime.date(2026, 12, 15)
    assert event.decoded("DTEND") == datetime.date(2026, 12, 16)
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert text.endswith("END:VCALENDAR\r\n")


@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=300))
def test_any_title_folds_within_75_octets_and_reads_back_intact(title):
    summary = "Žluťoučký kůň, ďábelské ódy; " + title
    text = due_date_event(
        uid="u@x",
        summary=summary,
        description=summary + "\nřádek dva",
        url="http://x/",
        due=datetime.date(2026, 1, 1),
        stamp=STAMP,
    )
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    event = _event(text)
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == summary + "\nřádek dva"


def _attachment(message) -> icalendar.Event:
    name, ics, mimetype = message.attachments[0]
    assert (name, mimetype) == ("skoleni.ics", "text/calendar; charset=utf-8; method=PUBLISH")
    return _event(ics)


def _reminders():
    services.job_run(name="reminders")
    services.outbox_flush()


def test_every_reminder_of_an_assignment_carries_the_same_event(people, course):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        assignment = factories.assign(people["employee"], course, due_in=20)
        factories.assign(people["manager"], course, due_in=20)
        _reminders()
        first = {m.to[0]: _attachment(m) for m in mail.outbox}
        event = first["jana@example.cz"]
        assert str(event["SUMMARY"]) == course.title
        assert event.decoded("DTSTART") == assignment.due_date
        assert str(event["URL"]).endswith(course.url)
        assert str(event["UID"]) != str(first["marie@example.cz"]["UID"])

        # The due date moves earlier; the 7-days-before reminder updates the same event.
        assignment.due_date -= datetime.timedelta(days=3)
        assignment.save(update_fields=["due_date"])
        mail.outbox.clear()
        traveller.shift(datetime.timedelta(days=10))
        _reminders()
    later = [_attachment(m) for m in mail.outbox if m.to == ["jana@example.cz"]]
    assert len(later) == 1
    assert str(later[0]["UID"]) == str(event["UID"]) == f"assignment-{assignment.pk}@127.0.0.1"
    assert later[0].decoded("DTSTART") == assignment.due_date
    assert later[0].decoded("DTSTAMP") > event.decoded("DTSTAMP")
