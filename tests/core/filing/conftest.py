"""Cases for the after-filing tests: a fictitious observer's complaint to a precinct commission."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Body, Case, Contested
from kzcomplaint.core.law import calendar as workcal

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "observer_removed.json"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No user calendar or directory of bodies from a real home."""
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(tmp_path / "home"))
    workcal.default_calendar.cache_clear()
    yield
    workcal.default_calendar.cache_clear()


def precinct_complaint(contested: dt.date, *, voting_day: dt.date, template: str = "observer_removed") -> Case:
    """The example observer's complaint, addressed to the precinct commission whose action it contests."""
    case = caseio.load_case(EXAMPLE)
    precinct = Body(level="precinct", name="Участковая избирательная комиссия № 205", number="205")
    case.template = template
    case.respondent = precinct
    case.addressee = Body(level="precinct", name=precinct.name, number="205")
    case.contested = Contested(type="action", date=contested, time="14:20", place="избирательный участок № 205")
    case.election.voting_day = voting_day
    case.filing_date = None
    return case
