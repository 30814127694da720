"""The terms of one case or of many as an ``.ics`` calendar (RFC 5545, the ``icalendar`` package).

Each term that is running becomes an all-day event on its last day, with
reminders before it (by default two days before and on the morning of the
day). What is due comes from the case timeline, so a document recorded as
handed in loses its filing reminder and gains the body's term to answer in
its place, and one answered or left unanswered past the body's last day
shows the term of the next step instead.

A term seen from two case files (the next step's term, from the earlier
document and from the next document itself) is one event: its UID is the
term's identity, not the file's. Nothing personal but the document's title
and the bodies' names goes into the calendar: no IIN, phone or address.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kzcomplaint import __version__
from kzcomplaint.core.filing import timeline
from kzcomplaint.core.text.i18n import N_, Message, Translator

if TYPE_CHECKING:
    from icalendar import Alarm

    from kzcomplaint.core.case.model import Case
    from kzcomplaint.core.filing.timeline import DueItem

UID_DOMAIN = "kzcomplaint.invalid"
"""The right-hand side of every event's UID (a domain that never resolves)."""

MSG_CALENDAR_NAME = N_("Election complaint terms")
MSG_EVENT_CASE = N_("Case: {name}")
MSG_EVENT_RULE = N_("Term: {rule} ({citation})")
MSG_EVENT_RECOMMENDED = N_("The last day is a day off; file by {date}.")
MSG_REMINDER = N_("Reminder: {what}")


@dataclasses.dataclass(frozen=True)
class Reminders:
    """When the alarms of each last day ring.

    Attributes:
        days_before: the first alarm, this many days before the last day.
        morning: the hour of both alarms (the day before's and the last day's).
    """

    days_before: int = 2
    morning: int = 9


@dataclasses.dataclass(frozen=True)
class CalendarEntry:
    """One running term of one case, ready for the calendar."""

    name: str
    case: Case
    item: DueItem


def entries(
    cases: Sequence[tuple[str, Case]], *, today: dt.date | None = None
) -> list[CalendarEntry]:
    """The running terms of ``cases`` (``(name, case)`` pairs) that are not past, one per term, soonest first."""
    day = today if today is not None else dt.date.today()
    found: dict[str, CalendarEntry] = {}
    for name, case in cases:
        for item in timeline.case_timeline(case, today=day).due:
            due = item.due
            if due is None or due < day or item.key in found:
                continue
            found[item.key] = CalendarEntry(name, case, item)
    return sorted(found.values(), key=lambda entry: (entry.item.due or dt.date.max, entry.name))


def _alarm(trigger: dt.timedelta, text: str) -> Alarm:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def calendar_bytes(
    cases: Sequence[tuple[str, Case]],
    tr: Translator,
    *,
    today: dt.date | None = None,
    reminders: Reminders | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The ``.ics`` text of the running terms of ``cases``, worded in ``tr``'s language.

    Args:
        cases: ``(name, case)`` pairs; the name (a file name) goes into each event's description.
        tr: the language of the events' texts.
        today: the date taken as today; terms already past are left out.
        reminders: when the alarms ring (default: two days before and the morning of the day, at 09:00).
        stamp: the DTSTAMP of every event (default: now, in UTC).
    """
    return entries_calendar_bytes(entries(cases, today=today), tr, reminders=reminders, stamp=stamp)


def entries_calendar_bytes(
    found: Sequence[CalendarEntry],
    tr: Translator,
    *,
    reminders: Reminders | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The ``.ics`` text of terms :func:`entries` found, one event each (see :func:`calendar_bytes`)."""
    from icalendar import Calendar, Event

    when = reminders or Reminders()
    created = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", f"-//kzcomplaint//kzcomplaint {__version__}//{tr.language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", tr.gettext(MSG_CALENDAR_NAME))
    for entry in found:
        item = entry.item
        due = item.due
        assert due is not None  # entries() keeps only terms with a day
        deadline = item.deadline
        summary = item.message().render(tr)
        lines = [
            Message(MSG_EVENT_CASE, name=entry.name).render(tr),
            Message(MSG_EVENT_RULE, rule=deadline.title, citation=deadline.citation).render(tr),
        ]
        if deadline.recommended_day is not None and deadline.recommended_day != due and item.party == timeline.FILE:
            lines.append(Message(MSG_EVENT_RECOMMENDED, date=deadline.recommended_day).render(tr))
        event = Event()
        event.add("uid", f"{item.key}@{UID_DOMAIN}")
        event.add("dtstamp", created)
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("summary", summary)
        event.add("description", "\n".join(lines))
        reminder = Message(MSG_REMINDER, what=summary).render(tr)
        morning = dt.timedelta(hours=when.morning)
        if when.days_before > 0:
            event.add_component(_alarm(morning - dt.timedelta(days=when.days_before), reminder))
        event.add_component(_alarm(morning, reminder))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


__all__ = ["UID_DOMAIN", "CalendarEntry", "Reminders", "calendar_bytes", "entries", "entries_calendar_bytes"]
