"""A district commission's refusal to register a single-mandate candidate, on paper: one term, never both.

Election Law art. 89 para. 7 gives such a refusal seven days (to the CEC and/or the Supreme
Court, decided within seven days); art. 20 para. 9's ten days, and art. 49 part 5's three days
of review, are for every other decision. The question ``registration_decision`` chooses the
texts of ``appeal_to_higher_commission`` and ``administrative_claim``: a paper that said it was
filed "within the ten-day term" for a refusal, or cited art. 89 for another decision, would state
a term the law does not give — what must NOT be on it is checked here, in every language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import docx_text

from kzcomplaint.core.case import caseio
from kzcomplaint.core.case.model import Body, Case
from kzcomplaint.core.documents import render
from kzcomplaint.core.files import resources

KINDS = ("appeal_to_higher_commission", "administrative_claim")
DISTRICT = Body(
    level="district",
    name="Учебная окружная избирательная комиссия",
    number="7",
    address="г. Примерск, ул. Учебная, 7",
    phone="+7 700 000 00 07",
)

# The texts each answer puts on paper, and those of the other answer, by language.
SEVEN_DAYS = {
    "kk": ("89-бабының 7-тармағында белгіленген жеті күндік мерзімде",),
    "ru": ("семидневного срока, установленного пунктом 7 статьи 89", "п. 7 ст. 89 "),
    "en": ("seven-day term set by Article 89(7)", "art. 89 para. 7 "),
}
TEN_DAYS = {
    "kk": ("20-бабының 9-тармағында белгіленген он күндік мерзімде",),
    "ru": ("десятидневного срока, установленного пунктом 9 статьи 20", "п. 9 ст. 20 "),
    "en": ("ten-day term set by Article 20(9)", "art. 20 para. 9 "),
}
ANY_ART_89 = {"kk": ("89-бабы",), "ru": ("статьи 89", "ст. 89"), "en": ("Article 89", "art. 89")}
THREE_DAYS_REVIEW = {  # the higher commission's review (art. 49 part 5): not the term of such a refusal
    "kk": ("49-бабының бесінші бөлігі",),
    "ru": ("пятой статьи 49", "ч. 5 ст. 49"),
    "en": ("Article 49, part 5", "art. 49, part 5"),
}


def _paper(kind: str, answer: str, language: str) -> str:
    example = resources.examples_dir() / f"{kind}.json"
    case: Case = caseio.load_case(example)
    case.respondent = DISTRICT
    case.details["registration_decision"] = answer
    return docx_text(render.render_docx(case, language, base_dir=Path(example).parent))


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_registration_refusal_is_said_to_be_filed_within_seven_days_and_never_ten(kind: str, language: str) -> None:
    text = _paper(kind, "registration_refusal", language)
    assert [phrase for phrase in SEVEN_DAYS[language] if phrase not in text] == []
    assert [phrase for phrase in TEN_DAYS[language] if phrase in text] == []
    if kind == "appeal_to_higher_commission":
        assert [phrase for phrase in THREE_DAYS_REVIEW[language] if phrase in text] == []


@pytest.mark.parametrize("answer", ["other", ""], ids=["another-decision", "unanswered"])
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_another_decision_keeps_the_ten_days_and_never_cites_art_89(kind: str, language: str, answer: str) -> None:
    text = _paper(kind, answer, language)
    assert [phrase for phrase in TEN_DAYS[language] if phrase not in text] == []
    assert [phrase for phrase in ANY_ART_89[language] if phrase in text] == []
    if kind == "appeal_to_higher_commission":
        assert [phrase for phrase in THREE_DAYS_REVIEW[language] if phrase not in text] == []
