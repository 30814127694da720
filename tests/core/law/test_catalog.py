"""The catalogue of document kinds: contents, consistency with the other rule files, loader errors."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import pytest

from kzcomplaint.core.law import catalog, deadlines, routes, ruledata
from kzcomplaint.core.text.i18n import translator
from kzcomplaint.core.text.languages import LANGUAGES

EXPECTED_IDS = [
    "observer_denied_entry",
    "observer_removed",
    "observer_restricted",
    "recording_banned",
    "protocol_copy_refused",
    "information_refused",
    "complaint_not_accepted",
    "refusal_to_accept_act",
    "ballot_stuffing",
    "voting_without_id",
    "unlawful_list_additions",
    "coerced_voting",
    "ballot_secrecy",
    "mobile_box_violation",
    "unauthorized_persons",
    "campaign_materials",
    "counting_violation",
    "violation_act",
    "appeal_to_higher_commission",
    "administrative_claim",
    "administrative_claim_cec",
    "candidate_registration_appeal",
    "voter_list_complaint",
]

OBSERVER_KINDS = [
    "observer_denied_entry",
    "observer_removed",
    "observer_restricted",
    "recording_banned",
    "information_refused",
    "complaint_not_accepted",
]

KAZAKH_LETTERS = re.compile("[ӘҒҚҢӨҰҮҺІәғқңөұүһі]")


def test_catalogue_has_exactly_the_contract_kinds() -> None:
    assert list(catalog.catalog()) == EXPECTED_IDS


def test_groups_in_display_order_cover_every_kind_once() -> None:
    groups = catalog.groups()
    assert [group.id for group in groups] == list(catalog.GROUP_IDS)
    listed = [kind for group in groups for kind in group.kinds]
    assert sorted(listed) == sorted(EXPECTED_IDS)
    assert len(listed) == len(set(listed))
    for group in groups:
        assert all(group.title[lang].strip() for lang in LANGUAGES)
        assert all(catalog.get(kind).group == group.id for kind in group.kinds)


@pytest.mark.parametrize("kind_id", EXPECTED_IDS)
def test_texts_are_complete_and_kazakh_is_kazakh(kind_id: str) -> None:
    info = catalog.get(kind_id)
    for lang in LANGUAGES:
        assert info.title[lang].strip()
        assert info.description[lang].strip()
        assert "\n" not in info.description[lang]
        assert info.keywords[lang]
    # Kazakh written with the letters Russian lacks, not a copy of the Russian text.
    assert KAZAKH_LETTERS.search(info.title["kk"]), info.title["kk"]
    assert KAZAKH_LETTERS.search(info.description["kk"] + " ".join(info.keywords["kk"]))
    assert info.title["kk"] != info.title["ru"]


@pytest.mark.parametrize("kind_id", EXPECTED_IDS)
def test_deadline_rules_exist_in_the_deadline_engine(kind_id: str) -> None:
    known = deadlines.rules()
    for rule_id in catalog.get(kind_id).deadline_rules:
        assert rule_id in known, f"{kind_id}: {rule_id}"


@pytest.mark.parametrize("kind_id", EXPECTED_IDS)
def test_every_respondent_level_has_an_admissible_addressee(kind_id: str) -> None:
    """A kind must never be a dead end: each respondent it allows has a route to an addressee it allows."""
    info = catalog.get(kind_id)
    pairs = {(route.respondent, route.addressee) for route in routes.routes()}
    for respondent in info.respondent_levels:
        assert any((respondent, addressee) in pairs for addressee in info.addressee_levels), (kind_id, respondent)
    for addressee in info.addressee_levels:
        assert any((respondent, addressee) in pairs for respondent in info.respondent_levels), (kind_id, addressee)


EXPECTATIONS: list[tuple[str, dict[str, Any]]] = [
    (
        "administrative_claim_cec",
        {
            "document": "claim",
            "respondent_levels": ("cec",),
            "addressee_levels": ("supreme_court",),
            # Art. 89 para. 7: 7 days for a refusal to register a party list (the kind asks which it is).
            "deadline_rules": (
                "election.appeal_filing",
                "election.party_list_registration_appeal",
                "election.court_review",
                "election.party_list_registration_review",
            ),
            "citation": ("appc", "105", "1"),
        },
    ),
    (
        "administrative_claim",
        {
            "document": "claim",
            "addressee_levels": ("court",),
            # 10 days against a commission (art. 20 para. 9), a month against others (APPC art. 136),
            # 7 days for a district commission's refusal to register a single-mandate candidate (art. 89 para. 7).
            "deadline_rules": (
                "election.appeal_filing",
                "election.party_list_registration_appeal",
                "appc.claim_filing_act",
                "appc.claim_filing_action",
                "election.court_review",
            ),
            "citation": ("appc", "102", "1"),
        },
    ),
    (
        "candidate_registration_appeal",
        {
            "respondent_levels": ("cec",),
            "addressee_levels": ("supreme_court",),
            "contests": ("decision",),
            # Art. 59 para. 8 in a presidential vote; art. 89 para. 7 when the vote is the Mazhilis.
            "deadline_rules": (
                "election.candidate_registration_appeal",
                "election.party_list_registration_appeal",
                "election.candidate_registration_review",
                "election.party_list_registration_review",
            ),
            "election_kinds": ("presidential",),
            "citation": ("election_law", "59", "8"),
        },
    ),
    (
        "voter_list_complaint",
        {"deadline_rules": ("election.voter_list_review",), "citation": ("election_law", "26", "2")},
    ),
    (
        "violation_act",
        {
            "document": "act",
            "respondent_levels": ("precinct",),
            "addressee_levels": ("precinct",),
            "citation": ("election_law", "20-1", "2"),
        },
    ),
    (
        "appeal_to_higher_commission",
        {
            "document": "appeal",
            "deadline_rules": (
                "election.appeal_filing",
                "election.party_list_registration_appeal",
                "election.higher_commission_review",
                "election.party_list_registration_review",
            ),
            "citation": ("election_law", "20", "9"),
        },
    ),
    (
        "observer_removed",
        {
            "group": "observer_rights",
            "deadline_rules": (
                "election.appeal_filing",
                "election.commission_review",
                "election.higher_commission_review",
                "election.court_review",
            ),
            "citation": ("election_law", "20-1", "2"),
        },
    ),
]


@pytest.mark.parametrize(("kind_id", "expected"), EXPECTATIONS, ids=[kind for kind, _ in EXPECTATIONS])
def test_kind_metadata(kind_id: str, expected: dict[str, Any]) -> None:
    info = catalog.get(kind_id)
    for key, value in expected.items():
        if key == "citation":
            unit = info.citation.part or info.citation.paragraph
            assert (info.citation.law, info.citation.article, unit) == value
        else:
            assert getattr(info, key) == value, key


@pytest.mark.parametrize("kind_id", OBSERVER_KINDS)
def test_observer_complaints_file_within_the_election_term(kind_id: str) -> None:
    info = catalog.get(kind_id)
    assert info.deadline_rules[0] == "election.appeal_filing"
    assert "election.higher_commission_review" in info.deadline_rules
    assert info.citation.article == "20-1"


def test_only_cec_kinds_go_to_the_supreme_court() -> None:
    for info in catalog.catalog().values():
        if "supreme_court" in info.addressee_levels:
            assert info.respondent_levels == ("cec",), info.id
        if "cec" in info.respondent_levels:
            assert info.addressee_levels == ("supreme_court",), info.id


def test_get_unknown_kind_suggests_close_matches() -> None:
    with pytest.raises(catalog.UnknownTemplateError) as caught:
        catalog.get("observer_remove")
    error = caught.value
    assert isinstance(error, KeyError) and isinstance(error, LookupError)
    assert error.suggestions[0] == "observer_removed"
    text = error.message.render(translator("en"))
    assert "observer_remove" in text and "observer_removed" in text
    assert str(error) == "unknown document kind 'observer_remove'"


def test_get_unknown_kind_without_close_matches() -> None:
    with pytest.raises(catalog.UnknownTemplateError) as caught:
        catalog.get("zzz")
    assert caught.value.suggestions == ()
    assert "zzz" in caught.value.message.render(translator("en"))


def test_as_json_has_the_contract_keys() -> None:
    data = catalog.as_json(catalog.get("administrative_claim_cec"))
    assert set(data) == {
        "id",
        "titles",
        "group",
        "document",
        "description",
        "contests",
        "respondent_levels",
        "addressee_levels",
        "deadline_rules",
    }
    assert set(data["titles"]) == set(LANGUAGES) == set(data["description"])
    assert data["respondent_levels"] == ["cec"]
    assert data["titles"]["ru"] == "Административный иск в Верховный Суд на решение или действие ЦИК"


def test_catalogue_is_a_copy() -> None:
    kinds = catalog.catalog()
    kinds.pop("observer_removed")
    assert "observer_removed" in catalog.catalog()


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("выгнали", None, "observer_removed"),
        ("шығарып", "kk", "observer_removed"),
        ("made me leave", "en", "observer_removed"),
        ("ЦИК", "ru", "administrative_claim_cec"),
        ("протокол копия", None, "protocol_copy_refused"),
    ],
)
def test_search_finds_kinds_by_plain_words(query: str, language: str | None, expected: str) -> None:
    assert expected in [info.id for info in catalog.search(query, language)]


def test_search_with_no_words_lists_everything_and_nonsense_nothing() -> None:
    assert [info.id for info in catalog.search("  ")] == EXPECTED_IDS
    assert catalog.search("qwertyuiop") == []


# ── loader errors: each names the entry and the key ────────────────────


def _data() -> dict[str, Any]:
    return copy.deepcopy(ruledata.load(catalog.CATALOG_FILE))


def _kind(data: dict[str, Any], kind_id: str = "observer_removed") -> dict[str, Any]:
    return next(entry for entry in data["kind"] if entry["id"] == kind_id)


def _set(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda data: _kind(data).__setitem__(key, value)


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], tuple[str, ...]]] = [
    ("unknown key", _set("colour", "red"), ("observer_removed", "colour")),
    ("requirements key", _set("requirements", ["iin.missing"]), ("observer_removed", "requirements", "kinds")),
    ("missing key", lambda d: _kind(d).pop("deadline_rules"), ("observer_removed", "deadline_rules")),
    ("bad group", _set("group", "elsewhere"), ("observer_removed", "group")),
    ("bad document", _set("document", "letter"), ("observer_removed", "document")),
    ("bad level", _set("addressee_levels", ["moon"]), ("observer_removed", "addressee_levels", "moon")),
    ("bad contests", _set("contests", ["wish"]), ("observer_removed", "contests")),
    ("empty contests", _set("contests", []), ("observer_removed", "contests")),
    ("repeated level", _set("respondent_levels", ["precinct", "precinct"]), ("observer_removed", "respondent_levels")),
    ("bad rule id", _set("deadline_rules", ["ten days"]), ("observer_removed", "deadline_rules")),
    ("missing language", lambda d: _kind(d)["title"].pop("kk"), ("observer_removed", "title", "kk")),
    ("two-line description", lambda d: _kind(d)["description"].update(en="a\nb"), ("observer_removed", "description")),
    ("no keywords", lambda d: _kind(d)["keywords"].update(ru=[]), ("observer_removed", "keywords.ru")),
    ("bad citation", _set("citation", {"law": "nowhere", "article": "1"}), ("observer_removed", "citation")),
    ("duplicate id", lambda d: d["kind"].append(copy.deepcopy(_kind(d))), ("observer_removed", "twice")),
    ("bad id", _set("id", "Observer Removed"), ("id",)),
    ("duplicate group", lambda d: d["group"].append({"id": "voting", "title": d["group"][0]["title"]}), ("voting",)),
    (
        "group without kinds",
        lambda d: [k.update(group="voting") for k in d["kind"] if k["group"] == "counting"],
        ("counting",),
    ),
]


@pytest.mark.parametrize(("case", "breaks", "named"), BROKEN, ids=[case for case, _, _ in BROKEN])
def test_malformed_catalogue_names_entry_and_key(
    case: str, breaks: Callable[[dict[str, Any]], None], named: tuple[str, ...]
) -> None:
    data = _data()
    breaks(data)
    with pytest.raises(ruledata.RuleFileError) as caught:
        catalog.parse_catalog(data)
    text = str(caught.value)
    assert text.startswith(catalog.CATALOG_FILE)
    for part in named:
        assert part in text, (case, text)


def test_shipped_catalogue_parses_as_loaded() -> None:
    groups, kinds = catalog.parse_catalog(_data())
    assert [group.id for group in groups] == [group.id for group in catalog.groups()]
    assert list(kinds) == EXPECTED_IDS
