"""Template files and the frame: every kind loads, three languages, same placeholders."""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path
from typing import Any

import jinja2
import pytest
from render_helpers import FIXTURES

from kzcomplaint.core.documents import templates
from kzcomplaint.core.files import resources
from kzcomplaint.core.law import catalog, questions
from kzcomplaint.core.text.languages import LANGUAGES

TEMPLATE_FILES = sorted(p for p in resources.templates_dir().glob("*.toml") if not p.name.startswith("_"))
_JINJA = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)


def _jinja_pieces(text: str) -> list[str]:
    """The placeholder expressions of a text, whitespace-normalised (independent of the loader)."""
    return sorted(" ".join((m.group(1) or m.group(2)).split()) for m in _JINJA.finditer(text))


def _localized_fields(data: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every table in a template file that holds kk/ru/en values."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(data, dict):
        if set(LANGUAGES) <= set(data):
            found.append((where, data))
        for key, value in data.items():
            found += _localized_fields(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found += _localized_fields(item, f"{where}[{index}]")
    return found


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.stem)
def test_template_loads_and_is_a_catalogue_kind(path: Path) -> None:
    template = templates.load_template(path.stem)
    assert template.id == path.stem
    assert catalog.get(template.id).document in templates.DOCUMENT_TYPES
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", template.version)
    assert template.legal_basis, "a document must rest on at least one provision"


@pytest.mark.parametrize("path", [*TEMPLATE_FILES, FIXTURES / "observer_removed.toml"], ids=lambda p: p.stem)
def test_three_languages_use_the_same_placeholders(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fields = _localized_fields(data)
    assert fields
    for where, texts in fields:
        for index in range(max(len(texts["kk"]), 1) if isinstance(texts["kk"], list) else 1):
            pieces = {}
            for lang in LANGUAGES:
                value = texts[lang]
                text = value[index] if isinstance(value, list) else value
                assert isinstance(text, str) and text.strip(), f"{path.name} {where}.{lang}: empty"
                pieces[lang] = _jinja_pieces(text)
            assert pieces["kk"] == pieces["ru"] == pieces["en"], f"{path.name} {where}[{index}]: {pieces}"


def test_frame_has_every_text_in_three_languages_with_the_same_fields() -> None:
    path = resources.templates_dir() / templates.FRAME_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fields = _localized_fields(data)
    assert len(fields) > 50
    for where, texts in fields:
        names = {lang: sorted(re.findall(r"\{(\w+)\}", texts[lang])) for lang in LANGUAGES}
        assert names["kk"] == names["ru"] == names["en"], f"_frame.toml {where}: {names}"
    frame = templates.load_frame()
    for document in templates.DOCUMENT_TYPES:
        assert frame.text(f"title.{document}", "ru").isupper()


def test_frame_roles_cover_every_role_of_the_model() -> None:
    from kzcomplaint.core.case.model import ElectionKind, Role

    frame = templates.load_frame()
    for role in Role:
        assert frame.has(f"roles.{role.value}"), role
    for kind in ElectionKind:
        assert frame.has(f"election_kinds.{kind.value}"), kind


def test_question_ids_are_unique_in_every_template() -> None:
    for template in templates.all_templates().values():
        ids = [q.id for q in template.questions]
        assert len(ids) == len(set(ids)), template.id


@pytest.mark.writers_done
def test_every_catalogue_kind_has_a_template_and_an_example() -> None:
    """COMPLETENESS GATE — passes only once the template writers have delivered all kinds.

    Every kind in rules/catalog.toml needs templates/<id>.toml and
    examples/<id>.json.
    """
    kinds = set(catalog.catalog())
    with_template = {p.stem for p in TEMPLATE_FILES}
    with_example = {p.stem for p in resources.examples_dir().glob("*.json")}
    assert sorted(kinds - with_template) == [], "kinds without a template"
    assert sorted(kinds - with_example) == [], "kinds without an example"
    assert sorted(with_template - kinds) == [], "templates of no catalogue kind"


# ── Validation errors name the file and the key ──────────────────────────


def _fixture_data() -> dict[str, Any]:
    return tomllib.loads((FIXTURES / "observer_removed.toml").read_text(encoding="utf-8"))


def _break(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(_fixture_data())
    mutate(data)
    return data


BROKEN = [
    ("id differs", lambda d: d.update(id="other_kind"), "x.toml id"),
    ("bad version", lambda d: d.update(version="one"), "x.toml version"),
    ("subtitle missing en", lambda d: d["subtitle"].pop("en"), "x.toml subtitle"),
    ("unknown top key", lambda d: d.update(paragraph=[]), "unknown keys ['paragraph']"),
    ("duplicate question", lambda d: d["questions"].append(dict(d["questions"][0])), "questions[7].id"),
    ("bad question type", lambda d: d["questions"][0].update(type="essay"), "questions[0].type"),
    ("choice without options", lambda d: d["questions"][5].pop("options"), "questions[5].options"),
    (
        "placeholders differ",
        lambda d: d["paragraphs"][0].update(en="On {{ contested_date }} I was removed."),
        "paragraphs[0].en: placeholders differ",
    ),
    (
        "unknown placeholder",
        lambda d: [d["paragraphs"][5].update({lang: "{{ complainant_name }}"}) for lang in LANGUAGES],
        "unknown placeholder 'complainant_name'",
    ),
    (
        "detail of no question",
        lambda d: [d["paragraphs"][5].update({lang: "{{ details.nobody }}"}) for lang in LANGUAGES],
        "paragraphs[5]: placeholder 'details.nobody'",
    ),
    (
        "syntax error",
        lambda d: [d["paragraphs"][5].update({lang: "{{ role "}) for lang in LANGUAGES],
        "paragraphs[5].kk: template syntax error",
    ),
    ("bad condition", lambda d: d["paragraphs"][1].update(when="details.police_involved =="), "paragraphs[1].when"),
    ("bad section", lambda d: d["paragraphs"][0].update(section="intro"), "paragraphs[0].section"),
    ("unknown law", lambda d: d["legal_basis"][0].update(law="tax_code"), "legal_basis[0]"),
    ("no summary", lambda d: d["legal_basis"][0].pop("summary"), "legal_basis[0]: missing key 'summary'"),
    (
        "confirmed without date",
        lambda d: d["legal_basis"][0].pop("verified_as_of"),
        "legal_basis[0]: a confirmed provision needs",
    ),
    (
        "part not a number",  # art. 49 has parts: «ч. [4] ст. 49» would reach the paper
        lambda d: [d["legal_basis"][0].pop("paragraph"), d["legal_basis"][0].update(article="49", part=[4])],
        "legal_basis[0].part: expected a string",
    ),
    ("no legal basis", lambda d: d.update(legal_basis=[]), "x.toml legal_basis"),
    ("requests lengths differ", lambda d: d["requests"]["ru"].append("Ещё."), "x.toml requests"),
    ("attachments not lists", lambda d: d["attachments"].update(kk="Жолдама"), "x.toml attachments.kk"),
]


@pytest.mark.parametrize(("name", "mutate", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_malformed_template_is_reported_with_file_and_key(name: str, mutate: Any, expected: str) -> None:
    with pytest.raises(templates.TemplateError) as caught:
        templates.parse_template(_break(mutate), "x.toml", expected_id="observer_removed")
    assert expected in str(caught.value)


def test_fixture_itself_is_valid() -> None:
    template = templates.parse_template(_fixture_data(), "x.toml", expected_id="observer_removed")
    assert [q.type for q in template.questions] == list(questions.QUESTION_TYPES)


def test_unknown_template_id_is_a_template_error() -> None:
    with pytest.raises(templates.TemplateError, match="no_such_kind"):
        templates.load_template("no_such_kind")
    with pytest.raises(templates.TemplateError):
        templates.load_template("../etc/passwd")


def test_frame_with_differing_fields_is_rejected() -> None:
    data = tomllib.loads((resources.templates_dir() / templates.FRAME_FILE).read_text(encoding="utf-8"))
    data["footer"]["page"]["ru"] = "Страница {page}"
    with pytest.raises(templates.TemplateError, match=r"footer\.page\.ru"):
        templates.parse_frame(data, "_frame.toml")


# ── One context per document ────────────────────────────────────────────


def test_texts_of_a_document_share_one_context_but_not_their_variables() -> None:
    env = templates.environment()
    renderer = templates.TextRenderer({"role": "observer", "details": {"stage": "voting"}})
    first = env.from_string("{% set note = 'set in the first text' %}{{ role }}: {{ note }}")
    second = env.from_string("{{ note }} / {{ details.stage }} / {{ missing.field }}")
    assert renderer.render(first) == "observer: set in the first text"
    # What the first text assigned is gone: an unknown name prints as the visible blank.
    assert renderer.render(second) == f"{templates.BLANK} / voting / {templates.BLANK}"
    assert renderer.render(first) == "observer: set in the first text", "rendering again gives the same text"


@pytest.mark.parametrize(
    ("when", "values", "expected"),
    [
        ("details.police_involved == 'yes'", {"details": {"police_involved": "yes"}}, True),
        ("details.police_involved == 'yes'", {"details": {}}, False),
        ("respondent.level in ['akimat', 'police']", {"respondent": {"level": "akimat"}}, True),
        ("not details.written_decision", {"details": {}}, True),
        ("range(3) | list | length == 3", {}, True),  # the engine's globals are there too
    ],
)
def test_conditions_evaluate_as_the_engine_compiles_them(when: str, values: dict[str, Any], expected: bool) -> None:
    renderer = templates.TextRenderer(values)
    ours = bool(renderer.evaluate(templates.compile_condition(when)))
    engine = bool(templates.environment().compile_expression(when, undefined_to_none=False)(**values))
    assert ours is engine is expected


@pytest.mark.parametrize("when", ["details.a == ", "a b", "x %} {{ 7*7 }} {% if y"])
def test_a_condition_that_is_not_one_expression_is_a_syntax_error(when: str) -> None:
    with pytest.raises(jinja2.TemplateSyntaxError):
        templates.compile_condition(when)


def test_the_sandbox_still_guards_a_shared_context() -> None:
    values = {"role": "observer"}
    unsafe = templates.environment().from_string("{{ role.__class__.__mro__ }}{{ role.format.__globals__ }}")
    shared = templates.TextRenderer(values).render(unsafe)
    assert shared == unsafe.render(values) == templates.BLANK * 2
