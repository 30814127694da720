"""Citations follow the law's own division: parts for Election Law art. 49 and every APPC article.

Art. 49 of the Election Law has five unnumbered parts and the APPC divides
its articles into parts («частью шестой настоящей статьи», art. 64): the app
writes «ч. 4 ст. 49» / «49-бабының төртінші бөлігі» / "art. 49, part 4" and
never «п.» for them — not in a rule file, a template, a rendered document,
nor an interface string.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from render_helpers import docx_text

from kzcomplaint.core.case import caseio
from kzcomplaint.core.documents import render
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog, ruledata
from kzcomplaint.core.law.citations import Citation, kazakh_ordinal, laws, parse_citation
from kzcomplaint.core.text.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]


_APPC_RU = r"(?:АППК|Административного процедурно-процессуального кодекса)"
_APPC_KK = r"(?:ӘРПК|Әкімшілік рәсімдік-процестік кодексінің)"
_APPC_EN = r"(?:APPC|the Administrative Procedural and Process Code)"
PARAGRAPH_FOR_A_PART = [
    # «п. 4 ст. 49», «пункту 2 статьи 49»
    re.compile(r"(?:\bп\.|\bпункт\w*)\s*\d+(?:-\d+)?\s+(?:ст\.|стать\w+)\s*49\b", re.IGNORECASE),
    # «пункта 4 статьи 3 АППК», «п. 2 ст. 131 Административного процедурно-процессуального кодекса»
    re.compile(r"(?:\bп\.|\bпункт\w*)\s*\d+(?:-\d+)?\s+(?:ст\.|стать\w+)\s*\d+(?:-\d+)?\s+" + _APPC_RU, re.IGNORECASE),
    # «49-бабының 4-тармағы», «49-баптың 3-тармағы»
    re.compile(r"49-ба\w*\s+\d+-тармағ", re.IGNORECASE),
    # «ӘРПК-нің 3-бабы 4-тармағының», «…кодексінің 131-бабының 2-тармағы»
    re.compile(_APPC_KK + r"[^.;«»]{0,12}?\d+(?:-\d+)?-ба\w*\s+\d+-тармағ", re.IGNORECASE),
    # "Article 49(4)", "art. 49 para. 4"
    re.compile(r"\bArticle 49\s*\(\d", re.IGNORECASE),
    re.compile(r"\bart\.\s*49,?\s+para", re.IGNORECASE),
    # "Article 3(4)(5) APPC", "art. 131 para. 2 of the Administrative Procedural and Process Code"
    re.compile(r"\bArticles?\s+\d+(?:-\d+)?\s*\(\d+\)(?:\s*\(\d+\))?\s+(?:of\s+)?" + _APPC_EN, re.IGNORECASE),
    re.compile(_APPC_EN + r"\s+art\.\s*\d+(?:-\d+)?\s+para", re.IGNORECASE),
    re.compile(r"\bart\.\s*\d+(?:-\d+)?\s+para\.?\s*\d+[^.;]{0,20}? of " + _APPC_EN, re.IGNORECASE),
]


def paragraph_for_a_part(text: str) -> list[str]:
    """The places in ``text`` that cite a part of art. 49 or of the APPC as a paragraph (п.)."""
    return [match.group(0) for pattern in PARAGRAPH_FOR_A_PART for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    "bad",
    [
        "согласно пункту 4 статьи 49 Конституционного закона",
        "(п. 3 ст. 49)",
        "в силу подпункта 5) пункта 4 статьи 3 АППК",
        "п. 2 ст. 131 Административного процедурно-процессуального кодекса Республики Казахстан",
        "Конституциялық заңның 49-бабының 5-тармағына сәйкес",
        "ӘРПК-нің 3-бабы 4-тармағының 5) тармақшасына",
        "Under Article 49(5) of the Constitutional Law",
        "(art. 49 para 3)",
        "under Article 3(4)(5) APPC",
        "art. 131 para. 2 of the Administrative Procedural and Process Code",
    ],
)
def test_the_scanner_finds_a_paragraph_cited_for_a_part(bad: str) -> None:
    assert paragraph_for_a_part(bad)


@pytest.mark.parametrize(
    "good",
    [
        "согласно части четвёртой статьи 49 Конституционного закона",
        "ч. 4 ст. 49 Конституционного закона",
        "пункт 9 статьи 20 Конституционного закона",
        "подп. 5) ч. 4 ст. 3 Административного процедурно-процессуального кодекса Республики Казахстан",
        "49-бабының төртінші бөлігі",
        "20-бабының 9-тармағы",
        "Article 49, part 4, of the Constitutional Law",
        "art. 20 para. 9 of the Constitutional Law",
    ],
)
def test_the_scanner_lets_the_laws_own_division_pass(good: str) -> None:
    assert paragraph_for_a_part(good) == []


# -- the citation data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("citation", "kk", "ru", "en"),
    [
        (Citation("election_law", "49", part="4"), "49-бабының төртінші бөлігі", "ч. 4 ст. 49", "art. 49, part 4 of"),
        (Citation("election_law", "49", part="1"), "49-бабының бірінші бөлігі", "ч. 1 ст. 49", "art. 49, part 1 of"),
        (Citation("appc", "105", part="1"), "105-бабының бірінші бөлігі", "ч. 1 ст. 105", "art. 105, part 1 of"),
        (
            Citation("appc", "3", part="4", subparagraph="5"),
            "3-бабы төртінші бөлігінің 5) тармақшасы",
            "подп. 5) ч. 4 ст. 3",
            "art. 3, part 4, subpara. 5 of",
        ),
        (Citation("appc", "136", part="3-1"), "136-бабының 3-1-бөлігі", "ч. 3-1 ст. 136", "art. 136, part 3-1 of"),
        (Citation("election_law", "20", paragraph="9"), "20-бабының 9-тармағы", "п. 9 ст. 20", "art. 20 para. 9 of"),
    ],
)
def test_a_part_reads_as_the_law_writes_it(citation: Citation, kk: str, ru: str, en: str) -> None:
    assert kk in citation.text("kk")
    assert citation.text("ru").startswith(ru + " ")
    assert citation.text("en").startswith(en)


def test_kazakh_parts_are_ordinal_words() -> None:
    assert [kazakh_ordinal(str(n)) for n in (1, 2, 3, 4, 5, 8, 10, 11, 20)] == [
        "бірінші",
        "екінші",
        "үшінші",
        "төртінші",
        "бесінші",
        "сегізінші",
        "оныншы",
        "он бірінші",
        "жиырмасыншы",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"law": "election_law", "article": "49", "paragraph": "4"}, "divided into parts"),
        ({"law": "appc", "article": "131", "paragraph": "2"}, "divided into parts"),
        ({"law": "election_law", "article": "20", "part": "9"}, "divided into paragraphs"),
    ],
)
def test_a_rule_file_cannot_cite_the_wrong_unit(raw: dict[str, str], message: str) -> None:
    with pytest.raises(ruledata.RuleFileError, match=message):
        parse_citation(raw, "test")


def test_the_laws_say_how_they_are_divided() -> None:
    assert laws()["appc"].division("131") == "parts"
    assert laws()["election_law"].division("49") == "parts"
    assert laws()["election_law"].division("20") == "paragraphs"


def test_json_carries_the_part() -> None:
    data = Citation("election_law", "49", part="4").as_json("ru")
    assert (data["part"], data["paragraph"]) == ("4", None)


# -- nothing the app prints cites a part as a paragraph ------------------------------------------


DATA_FILES = sorted(resources.rules_dir().glob("*.toml")) + sorted(resources.templates_dir().glob("*.toml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=[path.name for path in DATA_FILES])
def test_no_rule_file_or_template_cites_a_part_as_a_paragraph(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if path.name == "law_texts.toml":
        # The statutes' own words are quoted as they are; they cite themselves correctly.
        data = {key: {k: v for k, v in entry.items() if k != "text"} for key, entry in data.items()}
    # Every string value, read in one pass (no pattern spans a quote or a line break).
    found = paragraph_for_a_part(json.dumps(data, ensure_ascii=False, default=str))
    assert found == [], f"{path.name}: {found}"


def test_no_interface_string_cites_a_part_as_a_paragraph() -> None:
    for language in LANGUAGES:
        po = (ROOT / "locales" / language / "LC_MESSAGES" / "kzcomplaint.po").read_text(encoding="utf-8")
        assert paragraph_for_a_part(po) == [], language


EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_rendered_document_cites_a_part_as_a_paragraph(language: str) -> None:
    """Every kind, filled (the examples) and blank (which lists every provision), in kk, ru and en."""
    kinds_seen = set()
    for path in EXAMPLES:
        case = caseio.load_case(path)
        kinds_seen.add(case.template)
        text = docx_text(render.render_docx(case, language, base_dir=path.parent))
        assert paragraph_for_a_part(text) == [], (path.name, paragraph_for_a_part(text))
    for kind in catalog.catalog():
        case = caseio.parse_case({"format": "kzcomplaint/1", "template": kind}, kind)
        blank = docx_text(render.render_docx(case, language, blank=True))
        assert paragraph_for_a_part(blank) == [], (kind, paragraph_for_a_part(blank))
    assert kinds_seen == set(catalog.catalog())


def test_a_rendered_claim_cites_parts() -> None:
    case = caseio.load_case(ROOT / "examples" / "administrative_claim.json")
    text = docx_text(render.render_docx(case, "ru", base_dir=ROOT / "examples"))
    assert "ч. 1 ст. 49 " in text and "частью первой статьи 49" in text
    assert "ч. 1 ст. 102 " in text and "части первой статьи 102" in text
