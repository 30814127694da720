"""Every provision the app cites ships with its quoted text, source and date; routes cite the powers they rest on."""

from __future__ import annotations

import datetime as dt

import pytest

from kzcomplaint.core.case.model import ElectionKind
from kzcomplaint.core.documents import templates
from kzcomplaint.core.law import catalog, checks, deadlines, elections, routes, texts
from kzcomplaint.core.law.citations import Citation, laws


def _every_citation() -> list[tuple[str, Citation]]:
    found: list[tuple[str, Citation]] = []
    for rule_id, versions in deadlines.rules().items():
        found += [(f"deadline {rule_id}", rule.citation) for rule in versions]
    shipped = deadlines.load_rules()
    found += [("deadline [voting_day_working]", shipped.voting_day_working)]  # type: ignore[list-item]
    found += [("deadline [registration]", shipped.registration)]  # type: ignore[list-item]
    found += [(f"route {route.id}", route.citation) for route in routes.routes()]
    for requirement in checks.requirements():
        grounds = list((requirement.grounds or {}).values()) + [requirement.citation, requirement.practice]
        found += [(f"requirement {requirement.id}", c) for c in grounds if c is not None]
    for info in catalog.catalog().values():
        found.append((f"kind {info.id}", info.citation))
        found += [(f"template {info.id}", p.citation) for p in templates.load_template(info.id).legal_basis]
    for kind in ElectionKind:
        via = elections.rules_for(kind.value).via
        if via is not None:
            found.append((f"vote {kind.value}", via))
    return found


def test_every_citation_the_app_makes_opens_its_text() -> None:
    missing = sorted({f"{where}: {texts.provision_id(c)}" for where, c in _every_citation() if not texts.texts_for(c)})
    assert missing == []


def test_the_texts_cover_what_issue_8_rests_on() -> None:
    for provision in (
        "election_law.20.9",
        "election_law.39.2",
        "election_law.48.1",
        "election_law.49.1",
        "election_law.49.2",
        "election_law.59.8",
        "election_law.89.7",
        "election_law.12.5",
        "election_law.16-1.5",
        "election_law.18.9",
        "referendum_law.31-1",
        "appc.64.3",
        "appc.76.1",
        "appc.129.1",
        "appc.131.2",
        "appc.136.1",
        "appc.136.2",
        "appc.136.8",
    ):
        assert texts.get(provision).text["ru"].strip()


@pytest.mark.parametrize("provision", list(texts.all_texts()))
def test_a_statute_ships_its_russian_wording_source_and_date(provision: str) -> None:
    text = texts.get(provision)
    law = laws()[text.citation.law]
    assert text.wording_as_of <= dt.date(2026, 6, 30)
    if law.report:
        assert "en" in text.text and text.source
        return
    assert "ru" in text.text and text.url == law.url
    # No official Kazakh text was found in the stored copies: none is shipped, none is invented.
    assert "kk" not in text.text
    language, shown = text.quote("kk")
    assert (language, shown) == ("ru", text.text["ru"])
    assert texts.provision_id(text.citation) == provision


def test_a_citation_of_a_whole_article_opens_its_parts_and_a_subparagraph_its_paragraph() -> None:
    whole = [t.id for t in texts.texts_for(Citation("appc", "136"))]
    assert whole[:2] == ["appc.136.1", "appc.136.2"] and "appc.136.8" in whole
    inside = texts.texts_for(Citation("appc", "131", part="8", subparagraph="3"))
    assert [t.id for t in inside] == ["appc.131.8"]


def test_an_unknown_provision_suggests_close_ones() -> None:
    with pytest.raises(texts.UnknownProvisionError) as caught:
        texts.get("election_law.49.9")
    assert "election_law.49" in caught.value.message.params["suggestions"]


# -- routes rest on the commissions' own powers ------------------------------------------------


@pytest.mark.parametrize(
    ("route_id", "article", "subparagraph"),
    [
        ("route.precinct.district", "16-1", "5"),  # «рассматривает заявления и жалобы на … участковых»
        ("route.precinct.precinct", "18", "9"),  # «рассматривает заявления и жалобы по вопросам … голосования»
        ("route.precinct.cec", "12", "5"),  # «… на решения и действия (бездействие) избирательных комиссий»
        ("route.district.cec", "12", "5"),
        ("route.precinct.territorial", "14", "3"),  # «… окружных и участковых избирательных комиссий»
    ],
)
def test_a_route_cites_the_power_of_the_body_that_hears(route_id: str, article: str, subparagraph: str) -> None:
    route = next(r for r in routes.routes() if r.id == route_id)
    assert (route.citation.law, route.citation.article, route.citation.subparagraph) == (
        "election_law",
        article,
        subparagraph,
    )
    assert route.citation.is_confirmed


def test_every_route_to_the_prosecutor_rests_on_art_49_part_1() -> None:
    """Art. 49 part 1: «Суды и органы прокуратуры обязаны принимать заявления … граждан»."""
    found = [r for r in routes.routes() if r.addressee == "prosecutor"]
    assert {r.respondent for r in found} == {"precinct", "district", "territorial", "akimat", "other"}
    assert all((r.citation.article, r.citation.part) == ("49", "1") for r in found)


# -- what Law No. 305-VIII is known to change --------------------------------------------------


def test_a_provision_the_amending_law_touches_is_named() -> None:
    from kzcomplaint.core.law import amendments

    changes = amendments.known_changes([Citation("election_law", "89", paragraph="7")], dt.date(2026, 7, 1))
    assert changes is not None and "305-VIII" in changes["ru"] and "п. 7 ст. 89" in changes["ru"]
    assert "89-бабының 7-тармағы" in changes["kk"] and "art. 89 para. 7" in changes["en"]


def test_an_untouched_provision_hears_which_articles_change() -> None:
    from kzcomplaint.core.law import amendments

    changes = amendments.known_changes([Citation("election_law", "20", paragraph="9")], dt.date(2026, 7, 1))
    assert changes is not None and "п. 9 ст. 20" not in changes["ru"]
    assert "статьи 1, 3, 4, 7, 9" in changes["ru"] and "89" in changes["ru"]
    assert amendments.known_changes([Citation("election_law", "20", paragraph="9")], dt.date(2026, 6, 30)) is None
    assert amendments.known_changes([Citation("appc", "136", part="1")], dt.date(2026, 8, 1)) is None


@pytest.mark.parametrize(
    ("law", "provision"),
    [
        ("election_law", {"article": "49", "paragraph": "4"}),
        ("appc", {"article": "131", "paragraph": "2"}),
        ("election_law", {"article": "20", "part": "9"}),
    ],
    ids=["paragraph of Election Law art. 49", "paragraph of an APPC article", "part of a paragraph article"],
)
def test_a_changed_provision_follows_the_law_s_own_division(law: str, provision: dict[str, str]) -> None:
    from kzcomplaint.core.law import amendments, ruledata

    data = ruledata.load(amendments.AMENDMENTS_FILE)
    entry = {**data["amendment"][0], "law": law, "provisions": [provision]}
    with pytest.raises(ruledata.RuleFileError, match="divided into"):
        amendments._parse({**data, "amendment": [entry]})


def test_the_region_s_prosecutor_is_proposed_before_the_general_prosecutor() -> None:
    from kzcomplaint.core.law import directory

    proposals = directory.shipped_directory().propose_addressees("precinct", "almaty", ["prosecutor"])
    assert [p.entry.id for p in proposals if p.entry is not None] == ["prosecutor.almaty"]
    assert directory.shipped_directory().level_name("prosecutor", "kk") == "прокуратура"


def test_kurultai_routes_are_proposed_unconfirmed() -> None:
    """Law No. 305-VIII rewrites the commissions' powers (arts. 12, 14, 15-1, 16-1); its text was not read."""
    from kzcomplaint.core.law import directory

    found = directory.shipped_directory().propose_addressees("precinct", "almaty", election_kind="kurultai")
    assert found and all(p.citation is not None and not p.citation.is_confirmed for p in found)
    before = directory.shipped_directory().propose_addressees("precinct", "almaty", election_kind="parliamentary")
    assert all(p.citation is not None and p.citation.is_confirmed for p in before)
