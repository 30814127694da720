"""What a case of a document kind starts with: whose act it contests and where it goes.

A kind says which levels of body it may be brought against and addressed to
(``rules/catalog.toml``); the law says who hears a complaint against whom
(``rules/hierarchy.toml``, :mod:`kzcomplaint.core.law.routes`). A claim
against a CEC resolution therefore starts with the CEC as respondent and the
Supreme Court as addressee, an observer's complaint with a precinct
commission and the first route the law gives from it. The user's own
choice is kept whenever the kind and the law allow it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from kzcomplaint.core.law import catalog, routes
from kzcomplaint.core.law.citations import Citation


@dataclasses.dataclass(frozen=True)
class KindLevels:
    """The levels a case of a kind uses, and the route (with its citation) that joins them."""

    respondent: str
    addressee: str
    citation: Citation | None
    """The route's ground; None when no route of the law joins the two (the checker then says so)."""


def kind_levels(
    template_id: str,
    respondent: str | None = None,
    addressee: str | None = None,
    *,
    on: dt.date | None = None,
) -> KindLevels:
    """The respondent and addressee levels a case of ``template_id`` should have.

    Args:
        template_id: the document kind.
        respondent: the level chosen so far; kept when the kind allows it,
            else the kind's first respondent level.
        addressee: the level chosen so far; kept when the kind allows it and a
            route of the law leads there from the respondent, else the first
            such route's addressee (or the kind's first addressee level).
        on: the day the routes must be in force (default today).

    Raises:
        catalog.UnknownTemplateError: ``template_id`` is not a kind of the catalogue.
    """
    kind = catalog.get(template_id)
    day = on or dt.date.today()
    chosen_respondent = respondent if respondent in kind.respondent_levels else kind.respondent_levels[0]
    found = [
        route
        for route in routes.routes()
        if route.respondent == chosen_respondent and route.addressee in kind.addressee_levels and route.in_force_on(day)
    ]
    # The user's addressee when a route leads there, else the first route's.
    route = next((route for route in found if route.addressee == addressee), found[0] if found else None)
    if route is not None:
        return KindLevels(chosen_respondent, route.addressee, route.citation)
    return KindLevels(chosen_respondent, kind.addressee_levels[0], None)
