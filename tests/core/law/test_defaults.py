"""A kind decides where a case starts: its own respondent level and the first route the law gives."""

from __future__ import annotations

import datetime as dt

import pytest

from kzcomplaint.core.law import catalog, defaults, routes

ON = dt.date(2026, 6, 1)


def test_a_claim_against_the_cec_starts_at_the_supreme_court() -> None:
    levels = defaults.kind_levels("administrative_claim_cec", "precinct", "territorial", on=ON)
    assert (levels.respondent, levels.addressee) == ("cec", "supreme_court")
    assert levels.citation is not None and levels.citation.law == "appc"


@pytest.mark.parametrize(
    ("kind", "respondent", "addressee", "expected"),
    [
        # The user's choice stays where the kind and the law allow it.
        ("observer_removed", "district", "territorial", ("district", "territorial")),
        ("observer_removed", "precinct", "court", ("precinct", "court")),
        # A choice the kind does not allow gives way to the first route from the respondent.
        ("administrative_claim", "precinct", "territorial", ("precinct", "court")),
        ("appeal_to_higher_commission", "precinct", "precinct", ("precinct", "territorial")),
        ("appeal_to_higher_commission", "territorial", "court", ("territorial", "territorial")),
        ("candidate_registration_appeal", None, None, ("cec", "supreme_court")),
        ("violation_act", "precinct", "territorial", ("precinct", "precinct")),
    ],
)
def test_levels_kept_or_replaced(kind: str, respondent, addressee, expected: tuple[str, str]) -> None:
    levels = defaults.kind_levels(kind, respondent, addressee, on=ON)
    assert (levels.respondent, levels.addressee) == expected


@pytest.mark.parametrize("kind", sorted(catalog.catalog()))
def test_every_kind_starts_on_a_route_of_the_law(kind: str) -> None:
    info = catalog.get(kind)
    levels = defaults.kind_levels(kind, on=ON)
    assert levels.respondent == info.respondent_levels[0]
    assert levels.addressee in info.addressee_levels
    pairs = {(route.respondent, route.addressee) for route in routes.routes()}
    assert (levels.respondent, levels.addressee) in pairs, kind


def test_unknown_kind_is_said() -> None:
    with pytest.raises(catalog.UnknownTemplateError):
        defaults.kind_levels("no_such_kind")
