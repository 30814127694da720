"""The admissibility checker: every requirement triggered by its own minimal defect, real dates, real routes."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kzcomplaint.core.case import ids
from kzcomplaint.core.case.model import Body, Case, Contested, Election, Evidence, Level, Person
from kzcomplaint.core.documents import templates
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import calendar as workcal
from kzcomplaint.core.law import catalog, checks, directory, routes, ruledata
from kzcomplaint.core.law.checks import Problem
from kzcomplaint.core.law.citations import Citation
from kzcomplaint.core.text.languages import LANGUAGES

D = dt.date

# The dates of the complete case: a Sunday vote, an action two days later,
# filed on day 3 of the 10-day term (last day Friday 22 May 2026, a working day).
VOTING_DAY = D(2026, 5, 10)
EVENT = D(2026, 5, 12)
FILED = D(2026, 5, 15)
LATE = EVENT + dt.timedelta(days=11)  # Saturday 23 May 2026: one day after the last day
BIRTH_DATE = D(1985, 3, 2)
IIN = ids.make_iin(BIRTH_DATE, "female", 123)  # synthetic, valid: 850302401230


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep a real user calendar or directory file out of the tests."""
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(tmp_path / "home"))
    workcal.default_calendar.cache_clear()
    yield
    workcal.default_calendar.cache_clear()


APP_DATA_WARNINGS = frozenset({"provisions.unconfirmed"})
"""Warnings about the shipped texts (a kind cites a provision the team could not read), not about a case."""


def check_case(case: Case, *, keep: str = "", **options: Any) -> list[Problem]:
    """The checker's problems with the case itself: the shipped texts' own warnings set aside unless ``keep``."""
    return [p for p in checks.check_case(case, **options) if p.code not in APP_DATA_WARNINGS or p.code == keep]


def _addressee_level(info: catalog.TemplateInfo, respondent: str) -> str:
    """The first addressee of the kind that hierarchy.toml allows for this respondent."""
    addressees = [route.addressee for route in routes.routes() if route.respondent == respondent]
    return next(level for level in addressees if level in info.addressee_levels)


def complete_case(kind_id: str = "observer_removed") -> Case:
    """A case of kind ``kind_id`` with every detail right (fictitious people and bodies)."""
    info = catalog.get(kind_id)
    respondent = info.respondent_levels[0]
    case = Case(
        template=kind_id,
        language="ru",
        # Art. 59 para. 8: the candidate's appeal is written for a presidential vote.
        election=Election(
            kind="presidential" if kind_id == "candidate_registration_appeal" else "parliamentary",
            voting_day=VOTING_DAY,
        ),
        complainant=Person(
            full_name="Тестова Айгерім Сапарқызы",
            iin=str(IIN),
            birth_date=BIRTH_DATE,
            birth_place="г. Примерск",
            address="г. Примерск, ул. Учебная, д. 1, кв. 2",
            phone="+7 700 000 00 01",
            email="observer@example.kz",
            # Art. 59 para. 8: only the candidate (or the nominating association) appeals a refusal.
            role="candidate" if kind_id == "candidate_registration_appeal" else "observer",
        ),
        respondent=Body(
            level=respondent,
            name="Учебная комиссия",
            number="999",
            address="г. Примерск, ул. Учебная, д. 5",
            phone="+7 700 000 00 02",
        ),
        addressee=Body(level=_addressee_level(info, respondent), name="Учебный адресат", address="г. Примерск"),
        contested=Contested(
            type=info.contests[0],
            date=EVENT,
            place="г. Примерск, ул. Учебная, д. 5",
            decision_number="99/9",
            published_in="сайт комиссии",
            published_on=EVENT,
        ),
        facts="Председатель учебной комиссии потребовал покинуть участок.",
        requests=["Признать действия незаконными."],
        filing_date=FILED,
    )
    path = resources.templates_dir() / f"{kind_id}.toml"
    if path.is_file():
        for question in templates.load_template(kind_id).questions:
            case.details[question.id] = "ответ"
    return case


def codes(problems: list[Problem]) -> set[str]:
    return {problem.code for problem in problems}


def only(problems: list[Problem], code: str) -> Problem:
    found = [problem for problem in problems if problem.code == code]
    assert len(found) == 1, codes(problems)
    return found[0]


@pytest.mark.parametrize("kind_id", list(catalog.catalog()))
def test_complete_case_of_every_kind_has_no_problem(kind_id: str) -> None:
    problems = check_case(complete_case(kind_id), today=FILED)
    assert problems == [], [(p.code, p.message["en"]) for p in problems]


# ── one minimal defect per requirement ──────────────────────────────────


def _kind_with_required_questions() -> str:
    for kind_id in catalog.catalog():
        if (resources.templates_dir() / f"{kind_id}.toml").is_file():
            if any(q.required for q in templates.load_template(kind_id).questions):
                return kind_id
    raise AssertionError("no template with a required question to test details.missing")


@dataclasses.dataclass(frozen=True)
class Trigger:
    """A minimal defect: how to break the complete case, and what else it is allowed to break."""

    change: Callable[[Case], None]
    kind: str = "observer_removed"
    today: dt.date = FILED
    also: frozenset[str] = frozenset()
    shipped: Callable[[pytest.MonkeyPatch], None] | None = None
    """A change to the shipped data the defect needs (a template citing an unconfirmed provision)."""


def _set(path: str, value: object) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        *parents, name = path.split(".")
        target: Any = case
        for part in parents:
            target = getattr(target, part)
        setattr(target, name, value)

    return change


def _answer(question: str, value: str) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        case.details[question] = value

    return change


def _both(*changes: Callable[[Case], None]) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        for step in changes:
            step(case)

    return change


def _unconfirmed_provision(patch: pytest.MonkeyPatch) -> None:
    """The kind's template cites a provision whose text the team could not read."""
    unread = Citation(law="election_law", article="39", paragraph="2", confirmed=False)
    patch.setattr(checks, "kind_citations", lambda kind_id: (unread,))


TRIGGERS: dict[str, Trigger] = {
    "template.unknown": Trigger(_set("template", "no_such_kind")),
    "complainant.name_missing": Trigger(_set("complainant.full_name", "  ")),
    "iin.missing": Trigger(_set("complainant.iin", "")),
    "iin.invalid": Trigger(_set("complainant.iin", "850302401231")),
    "complainant.address_missing": Trigger(_set("complainant.address", "")),
    "complainant.birth_data_missing": Trigger(_set("complainant.birth_place", ""), kind="administrative_claim"),
    "phone.missing": Trigger(_set("complainant.phone", "")),
    "phone.invalid": Trigger(_set("complainant.phone", "+7 912 345 67 89")),
    "email.invalid": Trigger(_set("complainant.email", "observer@")),
    "representative.authority_missing": Trigger(_set("representative", Person(full_name="Учебный Представитель"))),
    "respondent.name_missing": Trigger(_both(_set("respondent.name", ""), _set("respondent.number", ""))),
    "respondent.address_missing": Trigger(_set("respondent.address", "")),
    "respondent.contacts_missing": Trigger(_set("respondent.phone", "")),
    "respondent.cec_contacts_missing": Trigger(_set("respondent.phone", ""), kind="administrative_claim_cec"),
    "respondent.wrong_level": Trigger(_both(_set("respondent.level", "akimat"), _set("addressee.level", "court"))),
    "addressee.name_missing": Trigger(_set("addressee.name", "")),
    "addressee.wrong_level": Trigger(_set("addressee.level", "territorial"), kind="administrative_claim_cec"),
    # Art. 89 para. 7: a refused single-mandate candidate appeals to the CEC and/or the Supreme Court.
    "addressee.registration_refusal": Trigger(
        _both(
            _set("respondent.level", "district"),
            _set("addressee.level", "territorial"),
            _answer("registration_decision", "registration_refusal"),
        ),
        kind="appeal_to_higher_commission",
    ),
    "constitutional_court.not_entitled": Trigger(
        _set("addressee.level", "constitutional_court"), also=frozenset({"addressee.wrong_level"})
    ),
    # No facts text, and a question the kind's sentences of the circumstances tell is unanswered.
    "facts.missing": Trigger(
        _both(_set("facts", ""), _answer("removed_by", "")), also=frozenset({"details.missing"})
    ),
    "requests.missing": Trigger(_set("requests", ["  "])),
    "contested.date_missing": Trigger(_set("contested.date", None)),
    # APPC art. 129, part 1 is a claimant's burden: a court claim.
    "contested.publication_missing": Trigger(
        _both(_set("contested.type", "decision"), _set("contested.decision_number", "")),
        kind="administrative_claim_cec",
    ),
    "deadline.expired": Trigger(_set("filing_date", LATE), today=LATE),
    "filing_date.missing": Trigger(_set("filing_date", None)),
    # Wednesday 13 May 2026 + 10 days = Saturday 23 May, filed that Saturday.
    "deadline.non_working_last_day": Trigger(
        _both(_set("contested.date", D(2026, 5, 13)), _set("filing_date", D(2026, 5, 23))), today=D(2026, 5, 23)
    ),
    "email.missing": Trigger(_set("complainant.email", "")),
    "iin.birth_date_mismatch": Trigger(_set("complainant.birth_date", D(1985, 3, 3))),
    "contested.wrong_type": Trigger(_set("contested.type", "action"), kind="candidate_registration_appeal"),
    "details.missing": Trigger(_set("details", {}), kind=_kind_with_required_questions()),
    "law.unverified": Trigger(
        _both(_set("contested.date", D(2026, 7, 2)), _set("filing_date", D(2026, 7, 5))), today=D(2026, 7, 5)
    ),
    "complainant.not_entitled_candidate_appeal": Trigger(
        _set("complainant.role", "observer"), kind="candidate_registration_appeal"
    ),
    "complainant.role_not_in_vote": Trigger(
        _both(_set("election.kind", "kurultai"), _set("complainant.role", "chamber_speaker")),
        also=frozenset({"election.rules_unconfirmed"}),
    ),
    "election.rules_unconfirmed": Trigger(_set("election.kind", "kurultai")),
    # The presidential candidate's paper in a Mazhilis vote (where art. 89 para. 7 gives seven days).
    "election.wrong_kind": Trigger(_set("election.kind", "parliamentary"), kind="candidate_registration_appeal"),
    "language.mixed": Trigger(
        _set("facts", "Комиссия төрағасы байқаушыны жазбаша шешімсіз дауыс беруге арналған үй-жайдан шығарды.")
    ),
    "evidence.unreadable": Trigger(_set("evidence", [Evidence(description="Видео", file="/nonexistent/clip.mp4")])),
    "provisions.unconfirmed": Trigger(lambda case: None, shipped=_unconfirmed_provision),
}


def test_every_requirement_has_a_triggering_case() -> None:
    """A new requirement without a test here fails; so does a test for a code that no longer exists."""
    assert sorted(TRIGGERS) == sorted(checks.problem_codes())


def _broken(code: str) -> tuple[Case, list[Problem]]:
    trigger = TRIGGERS[code]
    case = complete_case(trigger.kind)
    trigger.change(case)
    with pytest.MonkeyPatch.context() as patch:
        if trigger.shipped is not None:
            trigger.shipped(patch)
        return case, check_case(case, today=trigger.today, keep=code)



@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_minimal_defect_triggers_its_code_and_nothing_else(code: str) -> None:
    _, problems = _broken(code)
    assert codes(problems) == {code} | TRIGGERS[code].also
    problem = only(problems, code)
    versions = [r for r in checks.requirements() if r.id == code]
    assert problem.severity == versions[0].severity
    assert problem.field  # something to jump to


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_problem_texts_are_filled_in_every_language(code: str) -> None:
    _, problems = _broken(code)
    for problem in problems:
        for lang in LANGUAGES:
            grounds = [c.text(lang) for c in (problem.citation, problem.practice, problem.via) if c is not None]
            for text in (problem.message[lang], problem.hint[lang], *grounds):
                assert text.strip() and "{" not in text and "}" not in text, (code, lang, text)


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_problem_field_is_a_field_of_the_case(code: str) -> None:
    _, problems = _broken(code)
    for problem in problems:
        assert checks.valid_field_path(problem.field), problem.field


# ── the cases the brief names ───────────────────────────────────────────


def test_cec_respondent_without_contacts_blocks() -> None:
    """A claim against the CEC: its contacts block, on APPC art. 131 part 2, with ODIHR as the reason."""
    case = complete_case("administrative_claim_cec")
    case.respondent = Body(level="cec", name="Центральная избирательная комиссия Республики Казахстан")
    problems = check_case(case, today=FILED)
    assert {"respondent.address_missing", "respondent.cec_contacts_missing"} <= codes(problems)
    contacts = only(problems, "respondent.cec_contacts_missing")
    assert contacts.blocking and contacts.field == "respondent.phone"
    assert contacts.citation is not None
    assert (contacts.citation.law, contacts.citation.article, contacts.citation.part) == ("appc", "131", "2")
    assert contacts.practice is not None and contacts.practice.law == "odihr_2021"
    assert "election.gov.kz" in contacts.hint["ru"]
    assert only(problems, "respondent.address_missing").blocking


@pytest.mark.parametrize(
    ("address", "phone", "email", "found"),
    [
        ("", "", "", {"respondent.address_missing", "respondent.cec_contacts_missing"}),
        ("г. Астана", "", "", {"respondent.cec_contacts_missing"}),
        ("", "+7 700 000 00 09", "cec@example.kz", {"respondent.address_missing"}),
        ("г. Астана", "", "cec@example.kz", set()),
        ("г. Астана", "+7 700 000 00 09", "", set()),
    ],
)
def test_cec_contacts_need_address_and_phone_or_email(address: str, phone: str, email: str, found: set[str]) -> None:
    case = complete_case("administrative_claim_cec")
    case.respondent = Body(level="cec", name="ЦИК", address=address, phone=phone, email=email)
    problems = {p.code for p in check_case(case, today=FILED) if p.code.startswith("respondent.")}
    assert problems == found


@pytest.mark.parametrize("kind_id", ["observer_removed", "ballot_stuffing", "counting_violation"])
def test_complaint_to_a_commission_needs_only_the_address_of_the_precinct(kind_id: str) -> None:
    """An observer knows the polling station's address, rarely the commission's phone or e-mail."""
    case = complete_case(kind_id)
    assert case.addressee.level in ("precinct", "district", "territorial", "cec")
    case.respondent = Body(level="precinct", number="999", address="г. Примерск, ул. Учебная, д. 5")
    problems = check_case(case, today=FILED)
    problem = only(problems, "respondent.contacts_missing")
    assert not problem.blocking
    assert problem.citation is None  # no provision sets the form of a complaint to a commission
    assert not checks.has_blocking(problems)
    case.respondent.address = ""
    assert "respondent.address_missing" in codes(check_case(case, today=FILED))


def test_court_claim_gives_the_respondents_phone_and_email_only_if_known() -> None:
    """APPC art. 131 part 2 subpara. 3: «номера телефонов и электронный адрес ответчика, если они известны»."""
    case = complete_case("administrative_claim")
    case.respondent = Body(level="precinct", number="999", address="г. Примерск, ул. Учебная, д. 5")
    problem = only(check_case(case, today=FILED), "respondent.contacts_missing")
    assert not problem.blocking
    assert problem.citation is not None and (problem.citation.article, problem.citation.part) == ("131", "2")


def test_the_act_is_not_blocked_by_respondent_contacts() -> None:
    case = complete_case("violation_act")
    case.respondent = Body(level="precinct", number="999")
    assert check_case(case, today=FILED) == []


def _decision(**fields: Any) -> Contested:
    return Contested(type="decision", date=EVENT, **fields)


@pytest.mark.parametrize(
    ("contested", "field"),
    [
        (_decision(), "contested.decision_number"),
        (_decision(decision_number="1/2"), "contested.published_in"),
        (_decision(decision_number="1/2", published_in="сайт ЦИК"), "contested.published_on"),
        (_decision(decision_number="1/2", published_in="сайт ЦИК", published_on=EVENT), None),
        (_decision(decision_number="1/2", received_on=EVENT), None),
        (Contested(type="action", date=EVENT), None),
        (Contested(type="inaction", date=EVENT), None),
    ],
)
def test_decision_needs_number_and_publication_action_does_not(contested: Contested, field: str | None) -> None:
    case = complete_case("administrative_claim_cec")
    case.contested = contested
    problems = [p for p in check_case(case, today=FILED) if p.code == "contested.publication_missing"]
    assert [p.field for p in problems] == ([field] if field else [])
    assert all(p.blocking for p in problems)


@pytest.mark.parametrize(("days_after", "expired"), [(0, False), (1, False), (10, False), (11, True), (30, True)])
def test_filing_term_counts_ten_calendar_days(days_after: int, expired: bool) -> None:
    """Day 1 is the day after the event, so the 10th day after it is the last day of the term."""
    case = complete_case()
    case.filing_date = EVENT + dt.timedelta(days=days_after)
    problems = check_case(case, today=case.filing_date)
    assert ("deadline.expired" in codes(problems)) is expired


def test_filing_on_day_ten_is_in_time_and_day_eleven_is_expired() -> None:
    case = complete_case()
    case.filing_date = EVENT + dt.timedelta(days=10)  # Friday 22 May 2026
    assert check_case(case, today=case.filing_date) == []
    case.filing_date = EVENT + dt.timedelta(days=11)
    problem = only(check_case(case, today=case.filing_date), "deadline.expired")
    assert problem.blocking and problem.field == "filing_date"
    assert "22 мая 2026 года" in problem.message["ru"]
    assert "2026 жылғы 22 мамыр" in problem.message["kk"]
    assert "22 May 2026" in problem.message["en"]
    assert (problem.citation.law, problem.citation.article, problem.citation.paragraph) == ("election_law", "20", "9")


def test_candidate_registration_term_is_its_own_rule() -> None:
    case = complete_case("candidate_registration_appeal")
    case.filing_date = EVENT + dt.timedelta(days=11)
    problem = only(check_case(case, today=case.filing_date), "deadline.expired")
    assert (problem.citation.article, problem.citation.paragraph) == ("59", "8")


def test_voter_list_complaint_has_no_filing_term_to_miss() -> None:
    case = complete_case("voter_list_complaint")
    case.filing_date = EVENT + dt.timedelta(days=40)
    assert "deadline.expired" not in codes(check_case(case, today=case.filing_date))


def test_non_working_last_day_recommends_the_working_day_before() -> None:
    _, problems = _broken("deadline.non_working_last_day")
    problem = only(problems, "deadline.non_working_last_day")
    assert not problem.blocking
    assert "23 мая 2026 года" in problem.message["ru"]
    assert "22 мая 2026 года" in problem.hint["ru"]
    assert "22 May 2026" in problem.hint["en"]
    assert problem.citation is not None
    assert (problem.citation.article, problem.citation.part, problem.citation.paragraph) == ("49", "3", "")


@pytest.mark.parametrize(("filed", "warned"), [(D(2026, 5, 22), False), (D(2026, 5, 23), True), (None, True)])
def test_non_working_last_day_only_while_it_still_matters(filed: dt.date | None, warned: bool) -> None:
    case = complete_case()
    case.contested.date = D(2026, 5, 13)
    case.filing_date = filed
    problems = check_case(case, today=D(2026, 5, 14))
    assert ("deadline.non_working_last_day" in codes(problems)) is warned


def test_cec_respondent_goes_only_to_the_supreme_court() -> None:
    case = complete_case("administrative_claim_cec")
    case.addressee = Body(level="territorial", name="Учебная территориальная комиссия")
    problem = only(check_case(case, today=FILED), "addressee.wrong_level")
    assert problem.blocking and problem.field == "addressee.level"
    assert (problem.citation.law, problem.citation.article) == ("appc", "105")
    assert "Верховный Суд" in problem.message["ru"]
    assert "Жоғарғы Сот" in problem.message["kk"]
    case.addressee = Body(level="supreme_court")
    assert check_case(case, today=FILED) == []


def test_route_that_exists_but_not_for_this_kind_cites_the_kind() -> None:
    case = complete_case("appeal_to_higher_commission")
    case.addressee = Body(level="court", name="Учебный суд")
    problem = only(check_case(case, today=FILED), "addressee.wrong_level")
    info = catalog.get("appeal_to_higher_commission")
    assert problem.citation == info.citation
    assert "court" not in problem.message["en"].split("goes to:")[1]


# Art. 12 subpara. 5: the CEC hears complaints about any commission; art. 16-1
# subpara. 5: the district commission about precinct ones; art. 14 subpara. 3:
# the territorial about district and precinct ones; art. 49 part 1: the
# prosecutor's office accepts applications about voting.
HIERARCHY = {
    "precinct": {"precinct", "district", "territorial", "cec", "court", "prosecutor"},
    "district": {"district", "territorial", "cec", "court", "prosecutor"},
    "territorial": {"territorial", "cec", "court", "prosecutor"},
    "cec": {"supreme_court"},
    "akimat": {"akimat", "court", "prosecutor"},
    "other": {"other", "court", "prosecutor"},
}


def test_hierarchy_routes() -> None:
    found: dict[str, set[str]] = {}
    for route in routes.routes():
        found.setdefault(route.respondent, set()).add(route.addressee)
    assert found == HIERARCHY


@pytest.mark.parametrize(
    ("respondent", "addressee", "allowed"),
    [
        (respondent, addressee, addressee in targets)
        for respondent, targets in HIERARCHY.items()
        for addressee in ("precinct", "district", "territorial", "cec", "court", "supreme_court", "prosecutor")
    ],
)
def test_addressee_level_follows_the_hierarchy_for_any_kind(respondent: str, addressee: str, allowed: bool) -> None:
    case = complete_case()
    case.template = "no_such_kind"  # no kind: the hierarchy alone decides
    case.respondent.level = respondent
    case.addressee.level = addressee
    assert ("addressee.wrong_level" not in codes(check_case(case, today=FILED))) is allowed


# ── a route version that ended ──────────────────────────────────────────

ROUTE = "route.precinct.territorial"


def _route_versions(monkeypatch: pytest.MonkeyPatch, *periods: tuple[dt.date, dt.date | None]) -> None:
    """hierarchy.toml with the precinct → territorial route in force only for ``periods`` (one version each)."""
    data = copy.deepcopy(ruledata.load(routes.HIERARCHY_FILE))
    entries = data["route"]
    index = next(i for i, entry in enumerate(entries) if entry["id"] == ROUTE)
    original = entries.pop(index)
    for offset, (start, end) in enumerate(periods):
        version = {**original, "effective_from": start}
        if end is not None:
            version["effective_to"] = end
        entries.insert(index + offset, version)
    changed = routes.parse_routes(data)
    monkeypatch.setattr(routes, "routes", lambda: changed)


def _to_the_territorial_commission() -> Case:
    case = complete_case()  # a precinct commission's action, filed on FILED
    case.addressee = Body(level="territorial", name="Учебная территориальная комиссия", address="г. Примерск")
    return case


@pytest.mark.parametrize(
    ("periods", "closed", "outside_its_dates"),
    [
        pytest.param([(D(1995, 9, 28), FILED - dt.timedelta(days=1))], True, False, id="ended-the-day-before"),
        pytest.param([(D(1995, 9, 28), FILED)], False, False, id="its-last-day"),
        pytest.param([(D(1995, 9, 28), D(2026, 5, 14)), (FILED, None)], False, False, id="a-new-version-from-the-day"),
        pytest.param([(D(1995, 9, 28), D(2026, 5, 1)), (D(2026, 6, 1), None)], True, False, id="between-versions"),
        pytest.param([(D(2026, 6, 1), None)], False, True, id="before-the-wording-read"),
    ],
)
def test_a_route_that_ended_is_no_route(
    monkeypatch: pytest.MonkeyPatch,
    periods: list[tuple[dt.date, dt.date | None]],
    closed: bool,
    outside_its_dates: bool,
) -> None:
    _route_versions(monkeypatch, *periods)
    problems = check_case(_to_the_territorial_commission(), today=FILED)
    assert ("addressee.wrong_level" in codes(problems)) is closed
    # Taken outside its dates only before the first version: the law earlier than the wording read.
    assert ("law.unverified" in codes(problems)) is outside_its_dates
    if closed:
        problem = only(problems, "addressee.wrong_level")
        assert problem.blocking and problem.field == "addressee.level"
        allowed = problem.message["en"].split("goes to:")[1]
        assert "territorial" not in allowed and "district" in allowed
    # The directory proposes the same: no territorial commission while the route is closed.
    proposed = directory.shipped_directory().propose_addressees("precinct", "abai", on=FILED)
    assert ("territorial" in {proposal.level for proposal in proposed}) is (not closed and not outside_its_dates)


def test_a_route_that_ended_still_holds_for_a_complaint_filed_while_it_was_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _route_versions(monkeypatch, (D(1995, 9, 28), D(2026, 5, 20)))
    case = _to_the_territorial_commission()
    assert "addressee.wrong_level" not in codes(check_case(case, today=FILED))  # filed on 15 May
    case.filing_date = D(2026, 5, 21)
    assert "addressee.wrong_level" in codes(check_case(case, today=D(2026, 5, 21)))


def test_observer_cannot_go_to_the_constitutional_court() -> None:
    case = complete_case()
    case.addressee = Body(level="constitutional_court")
    problem = only(check_case(case, today=FILED), "constitutional_court.not_entitled")
    assert problem.blocking and problem.citation is not None and problem.citation.is_confirmed
    assert (problem.citation.article, problem.citation.paragraph) == ("68", "1")


def test_entitled_official_is_not_told_otherwise() -> None:
    case = complete_case()
    case.addressee = Body(level="constitutional_court")
    case.complainant.role = "prime_minister"
    assert "constitutional_court.not_entitled" not in codes(check_case(case, today=FILED))


def test_constitutional_court_rule_is_unconfirmed_after_july_2026() -> None:
    case = complete_case()
    case.addressee = Body(level="constitutional_court")
    case.contested.date = D(2026, 7, 2)
    case.filing_date = D(2026, 7, 3)
    problems = check_case(case, today=D(2026, 7, 3))
    problem = only(problems, "constitutional_court.not_entitled")
    assert problem.citation is not None and not problem.citation.is_confirmed
    assert "Курултай" in problem.message["ru"] and "Құрылтай" in problem.message["kk"]
    assert "law.unverified" in codes(problems)


@pytest.mark.parametrize(
    ("iin", "reason"),
    [
        ("85030240123", "length"),
        ("85030240123a", "digits"),
        ("850302001230", "century"),
        ("851302401230", "birth_date"),
        ("850302401231", "check_digit"),
        ("850302400560", "never_issued"),
    ],
)
def test_invalid_iin_message_says_why(iin: str, reason: str) -> None:
    assert ids.check_iin(iin).error == reason
    case = complete_case()
    case.complainant.iin = iin
    problem = only(check_case(case, today=FILED), "iin.invalid")
    requirement = next(r for r in checks.requirements() if r.id == "iin.invalid")
    for lang in LANGUAGES:
        assert requirement.labels[reason][lang] in problem.message[lang]


@pytest.mark.parametrize(
    ("phone", "reason"),
    [("+7 7O1 234 56 78", "not_a_number"), ("+7 100 000 00 00", "invalid"), ("+7 912 345 67 89", "foreign")],
)
def test_invalid_phone_message_says_why(phone: str, reason: str) -> None:
    assert ids.check_phone(phone).error == reason
    case = complete_case()
    case.complainant.phone = phone
    problem = only(check_case(case, today=FILED), "phone.invalid")
    requirement = next(r for r in checks.requirements() if r.id == "phone.invalid")
    assert requirement.labels[reason]["en"] in problem.message["en"]


def test_published_test_iin_matches_its_own_birth_date() -> None:
    case = complete_case()
    case.complainant.iin = "800416100254"
    case.complainant.birth_date = D(1880, 4, 16)  # what the published test value encodes
    assert check_case(case, today=FILED) == []
    case.complainant.birth_date = D(1980, 4, 16)
    problem = only(check_case(case, today=FILED), "iin.birth_date_mismatch")
    assert "16 April 1980" in problem.message["en"] and "16 April 1880" in problem.message["en"]


@pytest.mark.parametrize("template", ["", "no_such_kind"])
def test_unknown_kind_is_a_problem_not_an_exception(template: str) -> None:
    case = complete_case()
    case.template = template
    problems = check_case(case, today=FILED)
    assert problems[0].code == "template.unknown" and problems[0].blocking


def test_blocking_first_then_file_order() -> None:
    case = Case(template="observer_removed")
    problems = check_case(case, today=FILED)
    severities = [p.severity for p in problems]
    assert severities == sorted(severities, key=checks.SEVERITIES.index)
    order = {code: index for index, code in enumerate(checks.problem_codes())}
    for severity in checks.SEVERITIES:
        found = [order[p.code] for p in problems if p.severity == severity]
        assert found == sorted(found)
    assert "iin.missing" in codes(problems) and "email.missing" in codes(problems)
    assert checks.has_blocking(problems)
    assert check_case(case, today=FILED) == problems  # stable


def test_problem_as_json() -> None:
    _, problems = _broken("iin.invalid")
    data = only(problems, "iin.invalid").as_json("kk")
    assert data == {
        "code": "iin.invalid",
        "severity": "blocking",
        "field": "complainant.iin",
        "message": data["message"],
        "hint": data["hint"],
        "citation": None,
        "citation_confirmed": None,
        "citation_ref": None,
        "practice": "ЕҚЫҰ ДИАҚБ-ның 2021 жылғы қорытынды есебінің XIII бөлімі",
        "via": None,
    }
    assert data["message"].startswith("Шағым берушінің ЖСН-і қате")
    case = complete_case("administrative_claim")
    case.complainant.iin = "850302401231"
    claim = only(check_case(case, today=FILED), "iin.invalid").as_json("ru")
    assert claim["citation"].startswith("ч. 2 ст. 131 ") and claim["citation_confirmed"] is True
    assert claim["citation_ref"]["part"] == "2" and claim["citation_ref"]["paragraph"] is None
    assert claim["practice"] == "раздел XIII итогового отчёта БДИПЧ ОБСЕ 2021 года"


def test_old_claim_is_checked_with_the_earliest_rules_and_told_which_came_later() -> None:
    # A claim filed before the APPC (in force from 1 July 2021): its requirements are the
    # earliest the app has, and the warning names them and the day they came into force.
    case = complete_case("administrative_claim")
    case.contested.date = D(2020, 12, 14)
    case.filing_date = D(2020, 12, 18)
    case.complainant.phone = ""
    problems = check_case(case, today=D(2020, 12, 18))
    assert {"phone.missing", "law.unverified"} <= codes(problems)
    warning = only(problems, "law.unverified")
    assert "1 июля 2021 года" in warning.message["ru"] and "18 декабря 2020 года" in warning.message["ru"]
    assert "ч. 2 ст. 131 Административного процедурно-процессуального кодекса" in warning.message["ru"]
    assert "2021 жылғы 1 шілде күні күшіне енген" in warning.message["kk"]
    # Not the amendments' wording: nothing is known to change later, the case is earlier.
    assert "Конституционный закон" not in warning.message["ru"] and "{" not in warning.message["en"]


def test_an_old_complaint_has_no_doubt_from_the_apps_own_checks() -> None:
    # A complaint to a commission in January 2021 (the 2021 Mazhilis election): the requirements
    # dated from the APPC rest on no provision for a complaint, so nothing was "checked as of 2026"
    # about it: no law.unverified, while the missing phone is still reported.
    case = complete_case()
    case.contested.date = D(2021, 1, 10)
    case.filing_date = D(2021, 1, 12)
    case.complainant.phone = ""
    problems = check_case(case, today=D(2021, 1, 12))
    assert "phone.missing" in codes(problems)
    assert "law.unverified" not in codes(problems)


def test_check_case_defaults_today_to_the_system_date(frozen_today) -> None:
    # Without a filing date the case is judged on "today": the system date
    # unless one is given. Which rules apply follows that date.
    case = complete_case("administrative_claim")
    case.filing_date = None
    frozen_today(checks, FILED)
    assert codes(check_case(case)) == codes(check_case(case, today=FILED)) == {"filing_date.missing"}
    frozen_today(checks, D(2020, 12, 18))
    assert codes(check_case(case)) == {"filing_date.missing", "law.unverified"}


# ── which requirements apply ────────────────────────────────────────────


def test_requirements_for_kinds() -> None:
    act = {r.id for r in checks.requirements_for("violation_act", FILED)}
    claim = {r.id for r in checks.requirements_for("administrative_claim", FILED)}
    complaint = {r.id for r in checks.requirements_for("observer_removed", FILED)}
    assert "respondent.address_missing" not in act and "respondent.address_missing" in complaint
    assert "complainant.birth_data_missing" in claim
    assert {"iin.missing", "phone.missing", "deadline.expired"} <= act & claim & complaint


def test_requirement_versions_follow_the_date() -> None:
    def version(on: dt.date) -> checks.Requirement:
        applying = checks.requirements_for("observer_removed", on)
        return next(r for r in applying if r.id == "constitutional_court.not_entitled")

    before, after = version(D(2026, 6, 30)), version(D(2026, 7, 1))
    assert before.citation.is_confirmed and not after.citation.is_confirmed
    assert before.id == after.id


def test_predicates_of_the_file_are_all_registered_and_used() -> None:
    used = {r.check for r in checks.requirements()}
    assert used == set(checks.predicate_names())


# ── rule file errors name the entry and the key ─────────────────────────


def _requirement(code: str) -> dict[str, Any]:
    data = ruledata.load(checks.REQUIREMENTS_FILE)
    return copy.deepcopy(next(entry for entry in data["requirement"] if entry["id"] == code))


def _with(code: str, **changes: object) -> dict[str, Any]:
    entry = _requirement(code)
    for key, value in changes.items():
        if value is None:
            entry.pop(key)
        else:
            entry[key] = value
    return entry


BROKEN: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("unknown key", _with("iin.missing", colour="red"), ("iin.missing", "colour")),
    ("missing key", _with("iin.missing", hint=None), ("iin.missing", "hint")),
    ("bad severity", _with("iin.missing", severity="fatal"), ("iin.missing", "severity")),
    ("unknown check", _with("iin.missing", check="looks_fine"), ("iin.missing", "check", "looks_fine")),
    ("bad field", _with("iin.missing", fields=["complainant.passport"]), ("iin.missing", "fields", "passport")),
    ("unknown kind", _with("iin.missing", kinds=["letter"]), ("iin.missing", "kinds", "letter")),
    ("star not alone", _with("iin.missing", kinds=["*", "observer_removed"]), ("iin.missing", "kinds")),
    (
        "unknown placeholder",
        _with("iin.missing", message={"kk": "{x}", "ru": "{x}", "en": "{x}"}),
        ("iin.missing", "message", "x"),
    ),
    (
        "placeholders differ",
        _with("deadline.expired", message={"kk": "{last_day}", "ru": "{last_day}", "en": "no date"}),
        ("deadline.expired", "message.en"),
    ),
    ("missing label", _with("iin.invalid", labels={}), ("iin.invalid", "labels", "length")),
    ("missing param", _with("constitutional_court.not_entitled", params={"level": "x"}), ("params", "roles")),
    ("extra param", _with("iin.missing", params={"x": 1}), ("iin.missing", "params", "x")),
    ("too few fields", _with("iin.birth_date_mismatch", fields=["complainant.birth_date"]), ("fields",)),
    ("bad citation", _with("filing_date.missing", citation={"law": "odihr_2021"}), ("filing_date.missing", "citation")),
    ("end before start", _with("iin.missing", effective_to=D(2000, 1, 1)), ("iin.missing", "effective_to")),
    ("no date", _with("iin.missing", effective_from=None), ("iin.missing", "effective_from")),
]


@pytest.mark.parametrize(("case", "entry", "named"), BROKEN, ids=[case for case, _, _ in BROKEN])
def test_malformed_requirement_names_entry_and_key(case: str, entry: dict[str, Any], named: tuple[str, ...]) -> None:
    with pytest.raises(ruledata.RuleFileError) as caught:
        checks.parse_requirement(entry, 0, catalog.catalog())
    text = str(caught.value)
    assert text.startswith(checks.REQUIREMENTS_FILE)
    for part in named:
        assert part in text, (case, text)


def test_overlapping_versions_are_rejected() -> None:
    entry = _requirement("iin.missing")
    with pytest.raises(ruledata.RuleFileError, match="iin.missing.*same dates"):
        checks.parse_requirements({"requirement": [entry, copy.deepcopy(entry)]}, catalog.catalog())


def test_shipped_requirements_reparse() -> None:
    again = checks.parse_requirements(ruledata.load(checks.REQUIREMENTS_FILE), catalog.catalog())
    assert again == checks.requirements()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"respondent": "moon"}, ("route.cec.supreme_court", "respondent")),
        ({"colour": "red"}, ("route.cec.supreme_court", "colour")),
        ({"citation": {"law": "appc"}}, ("route.cec.supreme_court", "citation")),
    ],
)
def test_malformed_route_names_entry_and_key(change: dict[str, Any], named: tuple[str, ...]) -> None:
    data = copy.deepcopy(ruledata.load(routes.HIERARCHY_FILE))
    next(route for route in data["route"] if route["id"] == "route.cec.supreme_court").update(change)
    with pytest.raises(ruledata.RuleFileError) as caught:
        routes.parse_routes(data)
    for part in named:
        assert part in str(caught.value)


def test_duplicate_route_pair_is_rejected() -> None:
    data = copy.deepcopy(ruledata.load(routes.HIERARCHY_FILE))
    twin = copy.deepcopy(data["route"][0])
    twin["id"] = "route.twin"
    data["route"].append(twin)
    with pytest.raises(ruledata.RuleFileError, match="same pair"):
        routes.parse_routes(data)


@pytest.mark.parametrize("level", [level.value for level in Level])
def test_the_respondents_problems_name_the_body_of_every_level(level: str) -> None:
    # «{body}» is filled for every level there is, the prosecutor's office and the akimat included.
    case = complete_case()
    case.respondent = Body(level=level, name="", number="", address="")
    problems = [p for p in check_case(case, today=FILED) if p.code in {"respondent.address_missing"}]
    assert problems, codes(check_case(case, today=FILED))
    for problem in problems:
        for language in LANGUAGES:
            message = problem.message[language]
            assert "{" not in message and "«»" not in message and "“”" not in message, (language, message)


def test_checking_a_case_parses_its_kind_s_template_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The questions, the sentences of the circumstances and the provisions cited come from one parse."""
    from kzcomplaint.core.law import questions

    kind = "administrative_claim"
    path = resources.templates_dir() / f"{kind}.toml"
    case = complete_case(kind)  # built first: it asks the document templates (their own reading) for answers
    case.facts = ""
    read: list[Path] = []
    real = ruledata.load_path
    monkeypatch.setattr(ruledata, "load_path", lambda p: read.append(p) or real(p))
    caches = (questions.template_data, questions.kind_questions, questions.facts_questions, checks.kind_citations)
    for cached in caches:
        cached.cache_clear()
    try:
        checks.check_case(case)
        assert questions.kind_questions(kind) and checks.kind_citations(kind)
        assert read.count(path) == 1
    finally:
        for cached in caches:
            cached.cache_clear()  # filled again by the next test from the real reader
