"""The law as its text says, through the command line: the cases of issue 8 and ``kzcomplaint law``.

Each test quotes the provision it enforces. The answers are read from
``check --json`` and ``deadlines --rule … --json``, as a program would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kzcomplaint.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    """Run the CLI; return the exit code, the parsed JSON (or the text) and stderr."""
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def case_file(tmp_path: Path, example: str, **changes: Any) -> Path:
    """An example case with ``changes`` (dotted paths) applied, written to ``tmp_path``."""
    data = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    for path, value in changes.items():
        *parents, name = path.split("__")
        target = data
        for part in parents:
            target = target[part]
        target[name] = value
    out = tmp_path / f"{example}.json"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def problems(capsys: pytest.CaptureFixture[str], path: Path, today: str, lang: str = "ru") -> dict[str, Any]:
    code, data, _ = run(capsys, "check", str(path), "--json", "--today", today, "--ui-lang", lang)
    assert code in (0, 1), data
    return {problem["code"]: problem for problem in data["problems"]}


def deadline(capsys: pytest.CaptureFixture[str], rule: str, event: str, *extra: str) -> dict[str, Any]:
    code, data, _ = run(capsys, "deadlines", "--rule", rule, "--event", event, "--json", "--ui-lang", "ru", *extra)
    assert code == 0, data
    [result] = data["deadlines"]
    return dict(result)


# -- Election Law art. 20 para. 9 is for election commissions only --------------------------------

AKIMAT = {"level": "akimat", "name": "Акимат города Примерска", "address": "г. Примерск, пл. Учебная, 1"}


def test_a_claim_against_an_akimat_on_day_18_is_in_time(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Art. 49 part 2: «…органов местного государственного управления … обжалуются в суде»; APPC art. 136:
    «в течение месяца». Art. 20 para. 9's ten days are for «избирательной комиссии» only."""
    path = case_file(
        tmp_path,
        "administrative_claim",
        respondent=AKIMAT,
        contested__date="2026-03-02",
        election__voting_day="2026-03-01",
        filing_date="2026-03-20",
    )
    found = problems(capsys, path, "2026-03-20")
    assert "deadline.expired" not in found, found.get("deadline.expired")
    code, data, _ = run(capsys, "deadlines", str(path), "--json", "--today", "2026-03-20", "--ui-lang", "ru")
    rules = {d["rule"]: d for d in data["deadlines"]}
    assert "election.appeal_filing" not in rules
    term = rules["appc.claim_filing_action"]
    assert term["last_day"] == "2026-04-02" and term["citation"].startswith("ч. 2 ст. 136 ")
    # The working says from which day and why.
    assert any("2 марта 2026 года" in step for step in term["steps"])


def test_a_late_claim_against_an_akimat_is_returned_not_left_unconsidered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """APPC art. 136 part 8: «Пропуск срока … без уважительной причины … основанием для возвращения иска»."""
    path = case_file(
        tmp_path,
        "administrative_claim",
        respondent=AKIMAT,
        contested__date="2026-03-02",
        contested__type="decision",
        contested__decision_number="1",
        contested__received_on="2026-03-05",
        filing_date="2026-04-06",
    )
    found = problems(capsys, path, "2026-04-06")
    late = found["deadline.expired"]
    assert late["citation"].startswith("ч. 1 ст. 136 ")
    assert "5 апреля 2026 года" in late["message"]  # a month from the day the act was received
    assert "возвращает" in late["message"] and "не рассматривается" not in late["message"]
    for lang in ("kk", "en"):
        message = problems(capsys, path, "2026-04-06", lang)["deadline.expired"]["message"]
        assert "қаралмайды" not in message and "not considered" not in message


def test_a_late_complaint_against_a_commission_is_not_considered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Art. 20 para. 9: «По истечении указанных сроков заявление … рассмотрению не подлежит»."""
    path = case_file(tmp_path, "administrative_claim", filing_date="2023-03-30")
    late = problems(capsys, path, "2023-03-30")["deadline.expired"]
    assert late["citation"].startswith("п. 9 ст. 20 ") and "не рассматривается вовсе" in late["message"]


# -- Election Law art. 89 para. 7: seven days ----------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "day", "late"),
    [("registration_refusal", 9, True), ("registration_refusal", 7, False), ("", 9, True), ("other", 9, False)],
)
def test_a_refused_party_list_has_seven_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, answer: str, day: int, late: bool
) -> None:
    """Art. 89 para. 7: «Отказ в регистрации … партийного списка … могут быть в семидневный срок обжалованы
    в Центральную избирательную комиссию и (или) Верховный Суд». Unanswered, the shorter term applies."""
    path = case_file(
        tmp_path,
        "administrative_claim_cec",
        details__cec_decision=answer,
        contested__date="2023-02-20",
        filing_date=f"2023-03-{day - 8:02d}" if day > 8 else f"2023-02-{20 + day}",
    )
    found = problems(capsys, path, "2023-03-01")
    assert ("deadline.expired" in found) is late
    if late:
        assert found["deadline.expired"]["citation"].startswith("п. 7 ст. 89 ")


def test_party_list_rules_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 89 para. 7: appeal within seven days; «решение в семидневный срок со дня подачи жалобы»."""
    appeal = deadline(capsys, "election.party_list_registration_appeal", "2026-05-04")
    assert (appeal["last_day"], appeal["days"], appeal["unit"]) == ("2026-05-11", 7, "calendar")
    review = deadline(capsys, "election.party_list_registration_review", "2026-05-06")
    assert review["last_day"] == "2026-05-13" and review["citation"].startswith("п. 7 ст. 89 ")


# Art. 89 para. 1: «кандидатов по одномандатным территориальным избирательным округам – окружными
# избирательными комиссиями»: a district commission's refusal has the seven days of para. 7, whichever
# kind the user contests it through.
DISTRICT = {
    "level": "district",
    "name": "Учебная окружная избирательная комиссия",
    "number": "7",
    "address": "г. Примерск, ул. Учебная, 7",
    "phone": "+7 700 000 00 07",
}
CEC = {"level": "cec", "name": "Центральная избирательная комиссия Республики Казахстан", "address": "г. Астана"}


def case_terms(capsys: pytest.CaptureFixture[str], path: Path, today: str) -> dict[str, dict[str, Any]]:
    code, data, _ = run(capsys, "deadlines", str(path), "--json", "--today", today, "--ui-lang", "ru")
    assert code == 0, data
    return {term["rule"]: term for term in data["deadlines"]}


def refused_single_mandate(tmp_path: Path, kind: str, answer: str, filed: str, **changes: Any) -> Path:
    """A district commission's decision of 2026-05-04, contested through ``kind``, filed on ``filed``."""
    fields: dict[str, Any] = {
        "respondent": DISTRICT,
        "contested__type": "decision",
        "contested__date": "2026-05-04",
        "election__voting_day": "2026-06-14",
        "details__registration_decision": answer,
        "filing_date": filed,
    }
    if kind == "appeal_to_higher_commission":
        fields["addressee"] = CEC
    return case_file(tmp_path, kind, **{**fields, **changes})


@pytest.mark.parametrize("kind", ["appeal_to_higher_commission", "administrative_claim"])
def test_a_refused_single_mandate_candidate_has_seven_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    """Art. 89 para. 7: «Отказ в регистрации … кандидата по одномандатному территориальному избирательному
    округу могут быть в семидневный срок обжалованы»; art. 20 para. 9's ten days yield («если иные сроки
    обжалования не установлены»)."""
    path = refused_single_mandate(tmp_path, kind, "registration_refusal", "2026-05-12")
    terms = case_terms(capsys, path, "2026-05-12")
    appeal = terms["election.party_list_registration_appeal"]
    assert appeal["last_day"] == "2026-05-11" and appeal["citation"].startswith("п. 7 ст. 89 ")
    assert "election.appeal_filing" not in terms  # never the ten days for this decision
    assert not appeal["unanswered"]
    late = problems(capsys, path, "2026-05-12")["deadline.expired"]
    assert late["severity"] == "blocking" and late["citation"].startswith("п. 7 ст. 89 ")
    assert "11 мая 2026 года" in late["message"] and "пока нет ответа" not in late["message"]
    # Filed on the seventh day: in time.
    on_time = refused_single_mandate(tmp_path, kind, "registration_refusal", "2026-05-11")
    assert "deadline.expired" not in problems(capsys, on_time, "2026-05-11")


@pytest.mark.parametrize("kind", ["appeal_to_higher_commission", "administrative_claim"])
def test_another_decision_of_a_district_commission_keeps_ten_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    """Art. 20 para. 9: ten days for any other decision of an election commission."""
    path = refused_single_mandate(tmp_path, kind, "other", "2026-05-12")
    terms = case_terms(capsys, path, "2026-05-12")
    assert terms["election.appeal_filing"]["last_day"] == "2026-05-14"
    assert "election.party_list_registration_appeal" not in terms
    assert "deadline.expired" not in problems(capsys, path, "2026-05-12")


@pytest.mark.parametrize("kind", ["appeal_to_higher_commission", "administrative_claim"])
def test_unanswered_the_shorter_term_holds_and_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    """Unanswered, a district commission's decision could be such a refusal: the seven days apply, and the
    user is told which question lifts them."""
    path = refused_single_mandate(tmp_path, kind, "", "2026-05-12")
    terms = case_terms(capsys, path, "2026-05-12")
    appeal = terms["election.party_list_registration_appeal"]
    assert appeal["last_day"] == "2026-05-11" and appeal["unanswered"] == ["registration_decision"]
    [why] = [w["message"] for w in appeal["warnings"] if w["code"] == "deadline.unanswered"]
    assert "одномандатному" in why and "registration_decision" not in why
    assert terms["election.appeal_filing"]["last_day"] == "2026-05-14"  # shown beside it
    assert not terms["election.appeal_filing"]["unanswered"]
    late = problems(capsys, path, "2026-05-12")["deadline.expired"]
    assert late["citation"].startswith("п. 7 ст. 89 ") and "пока нет ответа на вопрос" in late["message"]
    kk = problems(capsys, path, "2026-05-12", "kk")["deadline.expired"]["message"]
    assert "жауап берілмегендіктен" in kk and "{question}" not in kk


@pytest.mark.parametrize(
    "changes",
    [
        {"respondent": {**DISTRICT, "level": "precinct"}},  # a precinct commission registers no one
        {"contested__type": "action"},  # a refusal of registration is a decision
        {"election__kind": "maslikhat"},  # art. 89 is the Mazhilis chapter
    ],
)
def test_unanswered_a_decision_that_cannot_be_such_a_refusal_keeps_ten_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, changes: dict[str, Any]
) -> None:
    path = refused_single_mandate(tmp_path, "appeal_to_higher_commission", "", "2026-05-12", **changes)
    terms = case_terms(capsys, path, "2026-05-12")
    assert "election.party_list_registration_appeal" not in terms
    assert "deadline.expired" not in problems(capsys, path, "2026-05-12")


def test_the_cec_decides_a_refused_candidates_appeal_in_seven_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Art. 89 para. 7: «Центральная избирательная комиссия … выносит по жалобе решение в семидневный срок
    со дня подачи жалобы», not the three days of art. 49 part 5 («если иное не предусмотрено»)."""
    path = refused_single_mandate(tmp_path, "appeal_to_higher_commission", "registration_refusal", "2026-05-06")
    terms = case_terms(capsys, path, "2026-05-06")
    assert terms["election.party_list_registration_review"]["last_day"] == "2026-05-13"
    assert "election.higher_commission_review" not in terms
    other = refused_single_mandate(tmp_path, "appeal_to_higher_commission", "other", "2026-05-06")
    terms = case_terms(capsys, other, "2026-05-06")
    assert terms["election.higher_commission_review"]["last_day"] == "2026-05-09"
    assert "election.party_list_registration_review" not in terms


@pytest.mark.parametrize(
    ("kind", "addressee"),
    [("appeal_to_higher_commission", {"level": "territorial", "name": "Учебная ТИК", "address": "г. Примерск"}),
     ("administrative_claim", None)],
)
def test_a_refused_candidates_appeal_goes_to_the_cec_or_the_supreme_court(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, addressee: dict[str, str] | None
) -> None:
    """Art. 89 para. 7: «обжалованы в Центральную избирательную комиссию и (или) Верховный Суд»."""
    extra = {"addressee": addressee} if addressee else {}
    path = refused_single_mandate(tmp_path, kind, "registration_refusal", "2026-05-06", **extra)
    wrong = problems(capsys, path, "2026-05-06")["addressee.registration_refusal"]
    assert wrong["severity"] == "blocking" and wrong["citation"].startswith("п. 7 ст. 89 ")
    assert "Центральная избирательная комиссия" in wrong["message"]
    other = refused_single_mandate(tmp_path, kind, "other", "2026-05-06", **extra)
    assert "addressee.registration_refusal" not in problems(capsys, other, "2026-05-06")
    if kind == "appeal_to_higher_commission":
        to_cec = refused_single_mandate(tmp_path, kind, "registration_refusal", "2026-05-06")
        assert "addressee.registration_refusal" not in problems(capsys, to_cec, "2026-05-06")


@pytest.mark.parametrize(
    ("vote", "rules", "wrong_kind"),
    [
        ("presidential", {"election.candidate_registration_appeal"}, False),
        ("parliamentary", {"election.party_list_registration_appeal"}, True),
        ("other", {"election.candidate_registration_appeal", "election.party_list_registration_appeal"}, True),
    ],
)
def test_the_candidate_appeal_takes_the_term_of_its_vote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, vote: str, rules: set[str], wrong_kind: bool
) -> None:
    """Art. 59 para. 8 (a presidential candidate: «в десятидневный срок … в Верховный Суд») and art. 89
    para. 7 (a Mazhilis one: seven days). The kind's paper is a presidential candidate's: in a Mazhilis
    vote the checker says so."""
    path = case_file(
        tmp_path,
        "candidate_registration_appeal",
        election__kind=vote,
        contested__date="2026-05-04",
        filing_date="2026-05-12",
    )
    terms = case_terms(capsys, path, "2026-05-12")
    filing = {rule for rule in terms if rule.endswith("_appeal")}
    assert filing == rules
    if "election.candidate_registration_appeal" in terms:
        assert terms["election.candidate_registration_appeal"]["last_day"] == "2026-05-14"
    found = problems(capsys, path, "2026-05-12")
    assert ("election.wrong_kind" in found) is wrong_kind
    # Filed on day 8: late under art. 89 para. 7, in time under art. 59 para. 8.
    assert ("deadline.expired" in found) is ("election.party_list_registration_appeal" in rules)
    if wrong_kind:
        assert found["election.wrong_kind"]["severity"] == "blocking"
        assert found["election.wrong_kind"]["citation"].startswith("п. 8 ст. 59 ")


# -- Election Law art. 48 para. 1: voting day and its eve are working days for courts ----------


@pytest.mark.parametrize(("received", "last_day"), [("2026-06-02", "2026-06-07"), ("2026-06-01", "2026-06-06")])
def test_a_court_term_ending_on_voting_day_or_its_eve_is_not_a_day_off(
    capsys: pytest.CaptureFixture[str], received: str, last_day: str
) -> None:
    """Art. 48 para. 1: «День голосования и предшествующий ему день для судов, органов прокуратуры и
    внутренних дел … является рабочим днем»."""
    court = deadline(capsys, "election.court_review", received, "--voting-day", "2026-06-07")
    assert court["last_day"] == last_day and not court["immediate"]
    assert "deadline.non_working_last_day" not in [w["code"] for w in court["warnings"]]
    assert any("рабочий день" in step and "ст. 48" in step for step in court["steps"])
    # A commission is not named in art. 48 para. 1: the same day is still flagged for it.
    commission = deadline(capsys, "election.commission_review", received, "--voting-day", "2026-06-07")
    assert "deadline.non_working_last_day" in [w["code"] for w in commission["warnings"]]


# -- APPC art. 64 part 3 and art. 76 ----------------------------------------------------------------


def test_an_appeal_handed_in_on_saturday_counts_from_the_next_working_day(capsys: pytest.CaptureFixture[str]) -> None:
    """APPC art. 64 part 3: «поступило … в нерабочий день, то оно регистрируется в ближайший следующий за
    ним рабочий день»; art. 76 part 2: the term starts the day after registration."""
    term = deadline(capsys, "appc.written_appeal_review", "2026-03-07")
    assert term["last_day"] == "2026-04-03"
    assert any("10 марта 2026 года" in step and "ст. 64" in step for step in term["steps"])


# -- Election Law art. 59 para. 8: only the candidate or the nominating association ---------------


def test_a_presidential_registration_appeal_by_someone_else_is_warned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Art. 59 para. 8: «…могут быть обжалованы … лично кандидатом либо выдвинувшим его общественным
    объединением»."""
    path = case_file(tmp_path, "candidate_registration_appeal", complainant__role="observer")
    warning = problems(capsys, path, "2022-10-25")["complainant.not_entitled_candidate_appeal"]
    assert warning["severity"] == "warning" and warning["citation"].startswith("п. 8 ст. 59 ")


# -- the prosecutor's office and the CEC as addressees --------------------------------------------


def test_the_prosecutors_office_is_an_addressee(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Art. 49 part 1: «Суды и органы прокуратуры обязаны принимать заявления … и рассматривать их в
    пятидневный срок, а поступившие менее чем за пять дней до голосования … – немедленно»."""
    prosecutor = {"level": "prosecutor", "name": "Прокуратура города Примерска", "address": "г. Примерск"}
    path = case_file(tmp_path, "observer_removed", addressee=prosecutor)
    found = problems(capsys, path, "2021-01-12")
    assert "addressee.wrong_level" not in found
    code, data, _ = run(capsys, "deadlines", str(path), "--json", "--today", "2021-01-12", "--ui-lang", "ru")
    review = {d["rule"]: d for d in data["deadlines"]}["election.court_review"]
    assert review["immediate"] is False and review["citation"].startswith("ч. 1 ст. 49 ")


def test_the_cec_hears_a_complaint_about_a_precinct_commission(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Art. 12 subpara. 5: the CEC «рассматривает заявления и жалобы на решения и действия (бездействие)
    избирательных комиссий» — any commission."""
    cec = {"level": "cec", "name": "Центральная избирательная комиссия Республики Казахстан"}
    path = case_file(tmp_path, "ballot_stuffing", addressee=cec)
    assert "addressee.wrong_level" not in problems(capsys, path, "2021-01-12")


# -- the 2026 law, the Kurultai, the referendum -----------------------------------------------------


def test_a_later_event_names_what_law_305_viii_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """The Institute's note on art. 89 para. 7: «В пункт 7 предусматривается изменение Конституционным законом
    РК от 11.06.2026 № 305-VIII (вводится в действие с 01.07.2026)»."""
    term = deadline(capsys, "election.party_list_registration_appeal", "2026-08-03")
    [warning] = [w["message"] for w in term["warnings"] if w["code"] == "law.unverified"]
    assert "305-VIII" in warning and "п. 7 ст. 89" in warning and "may differ" not in warning
    other = deadline(capsys, "election.appeal_filing", "2026-08-03")
    [warning] = [w["message"] for w in other["warnings"] if w["code"] == "law.unverified"]
    assert "305-VIII" in warning and "статьи 1, 3, 4" in warning


def test_a_kurultai_case_is_unconfirmed_and_has_no_chamber_chairs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = case_file(
        tmp_path,
        "administrative_claim_cec",
        election__kind="kurultai",
        complainant__role="chamber_speaker",
    )
    found = problems(capsys, path, "2023-02-27")
    assert {"election.rules_unconfirmed", "complainant.role_not_in_vote"} <= set(found)
    assert "Курултай" in found["election.rules_unconfirmed"]["message"]
    assert all(p["citation_confirmed"] in (False, None) for p in found.values())


def test_a_referendum_cites_its_door_to_the_election_law(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Referendum law art. 31-1: decisions of referendum commissions «могут быть обжалованы в соответствии с
    Конституционным законом … "О выборах в Республике Казахстан"»."""
    path = case_file(tmp_path, "observer_removed", election__kind="referendum", filing_date="2021-01-25")
    late = problems(capsys, path, "2021-01-25")["deadline.expired"]
    assert late["via"].startswith("ст. 31-1 ")


# -- the text shipped -------------------------------------------------------------------------------


def test_law_prints_a_provision_to_read_aloud(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "law", "election_law.39.2", "--ui-lang", "ru")
    assert code == 0
    assert "п. 2 ст. 39 " in out and "по мотивированному решению избирательной комиссии" in out
    assert "https://adilet.zan.kz/rus/docs/Z950002464_" in out and "17 июня 2026 года" in out


@pytest.mark.parametrize(("lang", "said"), [("kk", "ресми қазақша мәтін табылмады"), ("en", "no official Kazakh text")])
def test_law_says_only_the_russian_text_is_shipped(capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    code, out, _ = run(capsys, "law", "49.4", "--ui-lang", lang)
    assert code == 0 and said in out
    assert "Заявления граждан и организаций о нарушениях" in out  # the official wording, not a translation


def test_law_json_lists_every_provision(capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(capsys, "law", "--json", "--ui-lang", "en")
    assert code == 0
    ids = {p["id"] for p in data["provisions"]}
    assert {"election_law.49.4", "election_law.89.7", "appc.64.3", "appc.136.8", "referendum_law.31-1"} <= ids
    for provision in data["provisions"]:
        assert provision["text"] and provision["wording_as_of"]
        assert "kk" not in provision["languages"]


def test_law_unknown_id_exits_2_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, data, err = run(capsys, "law", "election_law.49.9", "--json", "--ui-lang", "en")
    assert code == 2 and data["error"]["provision"] == "election_law.49.9"
    assert "election_law.49" in err
