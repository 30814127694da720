"""Routes: which body may hear a complaint against which (``rules/hierarchy.toml``).

The one place that says to whom a complaint against a body of a given level
goes: the checker uses it for ``addressee.wrong_level``, the directory of
bodies to propose an addressee.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.case.model import Level
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation

HIERARCHY_FILE = "hierarchy.toml"

_LEVELS = tuple(level.value for level in Level)
_ROUTE_KEYS = frozenset(
    {"id", "respondent", "addressee", "citation", "effective_from", "effective_to", "verified_as_of"}
)
_ROUTE_OPTIONAL = frozenset({"effective_to"})


@dataclasses.dataclass(frozen=True)
class Route:
    """A body of level ``addressee`` may hear a complaint against one of level ``respondent``."""

    id: str
    respondent: str
    addressee: str
    citation: Citation
    effective_from: dt.date
    effective_to: dt.date | None
    verified_as_of: dt.date

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the route is open on ``day``."""
        return ruledata.in_force(self.effective_from, self.effective_to, day)


def parse_routes(data: Mapping[str, Any]) -> tuple[Route, ...]:
    """Validate a loaded ``hierarchy.toml``.

    Raises:
        RuleFileError: naming the entry and the key at fault.
    """
    unknown = sorted(set(data) - {"route"})
    if unknown:
        raise ruledata.fail(HIERARCHY_FILE, f"unknown top-level keys {unknown}")
    raw = data.get("route")
    if not isinstance(raw, list) or not raw:
        raise ruledata.fail(HIERARCHY_FILE, "no [[route]] entries")
    result: list[Route] = []
    for index, entry in enumerate(raw):
        label = entry.get("id") if isinstance(entry, Mapping) and isinstance(entry.get("id"), str) else f"#{index + 1}"
        where = f"{HIERARCHY_FILE} [[route]] {label}"
        if not isinstance(entry, Mapping):
            raise ruledata.fail(where, "expected a table")
        ruledata.check_keys(entry, _ROUTE_KEYS, _ROUTE_OPTIONAL, where)
        for key in ("respondent", "addressee"):
            if entry[key] not in _LEVELS:
                raise ruledata.fail(f"{where} {key}", f"{entry[key]!r} is not one of {', '.join(_LEVELS)}")
        effective_from = ruledata.date_value(entry["effective_from"], f"{where} effective_from", required=True)
        verified = ruledata.date_value(entry["verified_as_of"], f"{where} verified_as_of", required=True)
        assert effective_from is not None and verified is not None  # required=True guarantees it
        route = Route(
            id=str(entry["id"]),
            respondent=str(entry["respondent"]),
            addressee=str(entry["addressee"]),
            citation=parse_citation(entry["citation"], f"{where} citation"),
            effective_from=effective_from,
            effective_to=ruledata.date_value(entry.get("effective_to"), f"{where} effective_to"),
            verified_as_of=verified,
        )
        for other in result:
            if other.id == route.id and ruledata.periods_overlap(
                other.effective_from, other.effective_to, route.effective_from, route.effective_to
            ):
                raise ruledata.fail(f"{where} id", f"{route.id!r} appears twice for the same dates")
            if (other.respondent, other.addressee) == (route.respondent, route.addressee) and other.id != route.id:
                raise ruledata.fail(f"{where}", f"the same pair as {other.id!r}; make it a version of that id")
        result.append(route)
    return tuple(result)


@functools.cache
def routes() -> tuple[Route, ...]:
    """Every route of ``hierarchy.toml``, in file order (loaded once, validated)."""
    return parse_routes(ruledata.load(HIERARCHY_FILE))
