"""A user calendar file the core had to ignore is said on the Deadlines page, not dropped silently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_cases import complete_case

from kzcomplaint.core.law import calendar


@pytest.fixture
def broken_user_calendar(kz_home: Path) -> Iterator[Path]:
    path = calendar.user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("[[day]]\ndate = 2021-01-09\nkind = 'рабочий'\n".encode("cp1251"))
    calendar.default_calendar.cache_clear()
    yield path
    calendar.default_calendar.cache_clear()


def test_deadlines_page_says_the_users_calendar_was_ignored(broken_user_calendar: Path, make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    window.wizard.go_to_page(5)
    page = window.wizard.page(5)
    assert page.alerts.isVisibleTo(page)
    assert str(broken_user_calendar.name) in page.alerts.text()
