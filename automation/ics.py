"""An iCalendar (RFC 5545) all-day event for a due date, built with the icalendar library.

icalendar does the escaping and the 75-octet line folding (without cutting a UTF-8
character), so Czech course titles arrive in any calendar as written.
"""

import datetime

import icalendar

PRODID = "-//elearning//security-awareness training//CS"


def due_date_event(
    *,
    uid: str,
    summary: str,
    description: str,
    url: str,
    due: datetime.date,
    stamp: datetime.datetime,
) -> str:
    """The .ics text of one all-day event on `due`.

    `uid` must stay the same for every message about the same assignment: a calendar then
    updates its event (say, to a new due date) instead of adding a second one.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("dtstart", due)
    event.add("dtend", due + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    # A deadline, not a meeting: it must not show the employee as busy all day.
    event.add("transp", "TRANSPARENT")
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


class EventCache:
    """`due_date_event` for a batch: one icalendar build per course, due date and second.

    The events of a chunk differ only in their UID (one per assignment); it is built with a
    placeholder of the UID's length (so the 75-octet folding falls alike) and replaced. If
    the placeholder is not found exactly once, the event is built in full.
    """

    def __init__(self):
        self.built: dict[tuple, str] = {}

    def __call__(self, *, uid: str, summary, description, url, due, stamp) -> str:
        stamp = stamp.replace(microsecond=0)
        placeholder = "~" * len(uid)
        key = (len(uid), summary, description, url, due, stamp)
        if key not in self.built:
            self.built[key] = due_date_event(
                uid=placeholder,
                summary=summary,
                description=description,
                url=url,
                due=due,
                stamp=stamp,
            )
        text = self.built[key]
        if text.count(placeholder) != 1 or placeholder + "~" in text or "~" + placeholder in text:
            return due_date_event(
                uid=uid, summary=summary, description=description, url=url, due=due, stamp=stamp
            )
        return text.replace(placeholder, uid)
