"""A citation reads as a lawyer writes it, in each language."""

from __future__ import annotations

import pytest

from kzcomplaint.core.law.citations import Citation, laws

# The forms of a law divided into paragraphs (the Election Law's articles but art. 49). The APPC and
# art. 49 are divided into parts and are never cited by paragraph: tests/core/documents/test_citation_division.py.
LAW_KK = laws()["election_law"].short["kk"]


@pytest.mark.parametrize(
    ("parts", "kk", "ru", "en"),
    [
        (
            {"article": "20", "paragraph": "9"},
            "20-бабының 9-тармағы",
            "п. 9 ст. 20",
            "art. 20 para. 9 of",
        ),
        ({"article": "12", "subparagraph": "5"}, "12-бабының 5) тармақшасы", "подп. 5) ст. 12", "art. 12 subpara. 5"),
        (
            {"article": "3", "paragraph": "4", "subparagraph": "5"},
            "3-бабы 4-тармағының 5) тармақшасы",
            "подп. 5) п. 4 ст. 3",
            "art. 3 para. 4 subpara. 5",
        ),
        ({"article": "105"}, "105-бабы", "ст. 105", "art. 105 of"),
    ],
)
def test_citation_forms(parts: dict[str, str], kk: str, ru: str, en: str) -> None:
    citation = Citation(law="election_law", **parts)
    assert citation.text("kk") == f"{LAW_KK} {kk}"
    assert citation.text("ru").startswith(ru + " ")
    assert citation.text("en").startswith(en)


def test_section_of_a_report() -> None:
    citation = Citation(law="odihr_2021", section="XIII")
    assert citation.text("kk").endswith("XIII бөлімі")
    assert citation.text("ru").startswith("раздел XIII ")
    assert citation.text("en").startswith("section XIII of ")


def test_unread_source_is_unconfirmed() -> None:
    assert not Citation(law="iin_decree", article="1").is_confirmed
    assert not Citation(law="appc", article="131", confirmed=False).is_confirmed
    assert Citation(law="appc", article="131").is_confirmed
