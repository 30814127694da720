"""The .ics export, read back with icalendar: all-day last days, their alarms, before and after filing."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from kzcomplaint.core.case.model import Answer, Filing
from kzcomplaint.core.filing import ics, record
from kzcomplaint.core.text.i18n import translator

from .conftest import precinct_complaint

D = dt.date
STAMP = dt.datetime(2024, 3, 10, 12, 0, tzinfo=dt.UTC)


def events(data: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(data)
    found = []
    for event in calendar.walk("VEVENT"):
        alarms = [alarm.decoded("trigger") for alarm in event.walk("VALARM")]
        found.append(
            {
                "start": event.decoded("dtstart"),
                "end": event.decoded("dtend"),
                "summary": str(event.get("summary")),
                "description": str(event.get("description")),
                "uid": str(event.get("uid")),
                "alarms": alarms,
            }
        )
    return found


def test_before_filing_the_last_day_to_file_is_an_all_day_event_with_two_alarms() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    data = ics.calendar_bytes([("a.json", case)], translator("ru"), today=D(2024, 3, 11), stamp=STAMP)
    [event] = events(data)
    assert event["start"] == D(2024, 3, 20) and type(event["start"]) is dt.date, "all day: a date, not a time"
    assert event["end"] == D(2024, 3, 21)
    assert "Жалоба на удаление наблюдателя" in str(event["summary"]) and "20 марта 2024 года" in str(event["summary"])
    # Two days before at 09:00, and 09:00 on the last day itself.
    assert event["alarms"] == [dt.timedelta(days=-2, hours=9), dt.timedelta(hours=9)]
    assert "п. 9 ст. 20" in str(event["description"])
    # Nothing personal beyond the title and the bodies.
    assert case.complainant.iin not in data.decode("utf-8")
    assert case.complainant.phone not in data.decode("utf-8")


def test_after_filing_the_reminder_to_file_is_gone_and_the_bodys_term_is_in_its_place() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    before = events(ics.calendar_bytes([("a.json", case)], translator("kk"), today=D(2024, 3, 11), stamp=STAMP))
    case = record.record_filing(case, Filing(date=D(2024, 3, 14)), today=D(2024, 3, 14))
    after = events(ics.calendar_bytes([("a.json", case)], translator("kk"), today=D(2024, 3, 14), stamp=STAMP))
    assert [event["start"] for event in before] == [D(2024, 3, 20)]
    assert [event["start"] for event in after] == [D(2024, 3, 19)], "5 days from 14 March (art. 49, part 4)"
    assert after[0]["uid"] != before[0]["uid"]
    summary = "Участковая избирательная комиссия № 205: жауап берудің соңғы күні — 2024 жылғы 19 наурыз"
    assert str(after[0]["summary"]) == summary
    assert after[0]["alarms"] == [dt.timedelta(days=-2, hours=9), dt.timedelta(hours=9)]

    # Answered with a refusal: the body's term is gone; the next step's 10 days are there.
    case = record.record_answer(case, Answer(outcome="rejected", date=D(2024, 3, 16), number="4"), today=D(2024, 3, 16))
    answered = events(ics.calendar_bytes([("a.json", case)], translator("en"), today=D(2024, 3, 16), stamp=STAMP))
    assert [event["start"] for event in answered] == [D(2024, 3, 26)]


def test_one_event_per_term_across_files_and_no_past_terms() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    twice = ics.calendar_bytes([("a.json", case), ("copy.json", case)], translator("en"), today=D(2024, 3, 11))
    assert len(events(twice)) == 1
    late = ics.calendar_bytes([("a.json", case)], translator("en"), today=D(2024, 3, 21))
    assert events(late) == []


def test_reminders_can_be_set() -> None:
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    data = ics.calendar_bytes(
        [("a.json", case)], translator("en"), today=D(2024, 3, 11), reminders=ics.Reminders(days_before=0, morning=8)
    )
    assert events(data)[0]["alarms"] == [dt.timedelta(hours=8)]


def test_no_personal_detail_of_the_filer_is_in_the_calendar_even_split_over_folded_lines() -> None:
    # .ics folds lines at 75 octets: a raw search could miss an IIN cut in two. Unfolded and decoded,
    # only the document's title, the bodies and the terms remain — before filing, after it, and after the answer.
    case = precinct_complaint(D(2024, 3, 10), voting_day=D(2024, 3, 10))
    person = case.complainant
    details = (person.full_name, person.iin, person.phone, person.email, person.address, person.birth_place)
    filed = record.record_filing(case, Filing(date=D(2024, 3, 14), number="15"), today=D(2024, 3, 14))
    answered = record.record_answer(filed, Answer(outcome="rejected", date=D(2024, 3, 16)), today=D(2024, 3, 16))
    for language in ("kk", "ru", "en"):
        for state, today in ((case, D(2024, 3, 11)), (filed, D(2024, 3, 14)), (answered, D(2024, 3, 16))):
            data = ics.calendar_bytes([("a.json", state)], translator(language), today=today, stamp=STAMP)
            unfolded = data.decode("utf-8").replace("\r\n ", "")
            texts = [unfolded] + [
                str(value) for component in Calendar.from_ical(data).walk() for value in component.values()
            ]
            assert len(events(data)) == 1
            for detail in details:
                assert detail and not any(detail in text for text in texts), (language, detail)
