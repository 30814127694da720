"""Write docs/RULES.md from the rule files, so the documentation is the data.

Run ``.venv/bin/python tools/rules_doc.py`` after changing a rule file; a
test fails while docs/RULES.md differs from what this prints.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzcomplaint.core.case.model import ElectionKind  # noqa: E402
from kzcomplaint.core.law import (  # noqa: E402
    amendments,
    checks,
    citations,
    deadlines,
    elections,
    routes,
    texts,
)


def _status(citation: citations.Citation) -> str:
    return "confirmed" if citation.is_confirmed else "**unconfirmed**"


def _dates(effective_from: dt.date, effective_to: dt.date | None) -> str:
    return f"{effective_from.isoformat()} – {effective_to.isoformat() if effective_to else 'open'}"


def _cite(citation: citations.Citation | None) -> str:
    if citation is None:
        return "— (no provision)"
    quoted = texts.texts_for(citation)
    text = citation.text("en")
    linked = f"[{text}](#{quoted[0].id.replace('.', '-')})" if quoted else text
    return f"{linked} ({_status(citation)})"


def _grounds(requirement: checks.Requirement) -> str:
    if requirement.grounds is None:
        ground = _cite(requirement.citation)
    else:
        ground = "; ".join(f"{scope}: {_cite(citation)}" for scope, citation in requirement.grounds.items())
    if requirement.practice is not None:
        ground += f"; practice: {requirement.practice.text('en')}"
    return ground


def _changed(law: citations.Law, provision: amendments.ChangedProvision) -> str:
    """A changed provision, divided as its law divides the article (part or paragraph)."""
    text = f"art. {provision.article}"
    if provision.unit:
        text += f", part {provision.unit}" if law.division(provision.article) == "parts" else f" para. {provision.unit}"
    if provision.subparagraph:
        text += f" subpara. {provision.subparagraph}"
    return text


def generate() -> str:
    """The whole of docs/RULES.md."""
    lines = [
        "# The rules the app applies, with their citations",
        "",
        "Generated from `kzcomplaint/core/law/rules/*.toml` by `tools/rules_doc.py` — do not edit by hand.",
        "“Verified” is the date the text read was in force; an event after it gets a `law.unverified`",
        "warning naming what is known to change. “Unconfirmed” rules are shown as such in the app.",
        "Citations follow the law's own division: parts for Election Law art. 49 and every APPC",
        "article, paragraphs elsewhere. Each citation links to its quoted text below.",
        "",
        "## Sources",
        "",
        "| id | source | text read | divided into |",
        "|---|---|---|---|",
    ]
    for law in citations.laws().values():
        division = "report" if law.report else law.divided_into
        if law.articles_in_parts:
            division += f" (parts: art. {', '.join(sorted(law.articles_in_parts))})"
        lines.append(f"| `{law.id}` | {law.title['en']} | {'yes' if law.read else '**no**'} | {division} |")
    lines += [
        "",
        "## Deadline rules",
        "",
        "| id | term | trigger | citation | in force | verified |",
        "|---|---|---|---|---|---|",
    ]
    for rule_id, versions in deadlines.rules().items():
        for rule in versions:
            if rule.same_day:
                term = "same day"
            else:
                term = f"{rule.length} month(s)" if rule.unit == "months" else f"{rule.length} {rule.unit} days"
                if rule.immediate_window:
                    term += f"; immediately within {rule.immediate_window.days} days of voting day"
                if rule.voting_day_working:
                    term += "; voting day and its eve are working days"
            lines.append(
                f"| `{rule_id}` | {term} | {rule.trigger_label['en']} | {_cite(rule.citation)} "
                f"| {_dates(rule.effective_from, rule.effective_to)} | {rule.verified_as_of.isoformat()} |"
            )
    shared = deadlines.load_rules()
    lines += [
        "",
        f"Voting day and the day before it are working days for courts and prosecutors: "
        f"{_cite(shared.voting_day_working)}. An appeal received on a day off is registered on the next "
        f"working day: {_cite(shared.registration)}.",
        "",
        "## Admissibility requirements (problem codes)",
        "",
        "Grounds by document: `claim` = a claim to a court, `appeal` = a written appeal to a state body,",
        "`complaint` = a complaint to an election commission; a document not listed is not concerned.",
        "",
        "| code | severity | kinds | grounds | in force | verified |",
        "|---|---|---|---|---|---|",
    ]
    for requirement in checks.requirements():
        kinds = "all" if "*" in requirement.kinds else ", ".join(requirement.kinds)
        lines.append(
            f"| `{requirement.id}` | {requirement.severity} | {kinds} | {_grounds(requirement)} "
            f"| {_dates(requirement.effective_from, requirement.effective_to)} "
            f"| {requirement.verified_as_of.isoformat()} |"
        )
    lines += [
        "",
        "## Who hears what (addressee routes)",
        "",
        "| respondent | addressee | citation |",
        "|---|---|---|",
    ]
    for route in routes.routes():
        lines.append(f"| {route.respondent} | {route.addressee} | {_cite(route.citation)} |")
    lines += ["", "## Kinds of vote", ""]
    for kind in ElectionKind:
        vote = elections.rules_for(kind.value)
        notes = []
        if vote.via is not None:
            notes.append(f"the Election Law applies through {_cite(vote.via)}")
        if not vote.rules_confirmed:
            notes.append("every rule, route and body is shown **unconfirmed**")
        if vote.roles_not_offered:
            notes.append(f"roles not offered: {', '.join(vote.roles_not_offered)}")
        if notes:
            lines.append(f"- `{kind.value}`: {'; '.join(notes)}.")
    lines += ["", "## Known amendments", ""]
    for amendment in amendments.amendments():
        state = "text read" if amendment.text_read else "text **not read**"
        law = citations.laws()[amendment.law]
        changed = ", ".join(_changed(law, p) for p in amendment.provisions)
        lines.append(
            f"- {amendment.title['en']} amends `{amendment.law}` from {amendment.in_force.isoformat()} ({state}): "
            f"{changed}."
        )
    lines += [
        "",
        "## The texts",
        "",
        "Quoted verbatim from the stored copy of adilet.zan.kz (the ODIHR report in its own English).",
        "Only the official Russian text of the laws is shipped: no official Kazakh text was found in the",
        "stored copies.",
    ]
    for provision in texts.all_texts().values():
        language, text = provision.quote("ru")
        lines += [
            "",
            f'### {provision.citation.text("en")} <a id="{provision.id.replace(".", "-")}"></a>',
            "",
            f"`{provision.id}` — {provision.title}",
            "",
        ]
        lines += [f"> {line}" if line.strip() else ">" for line in text.splitlines()]
        source = provision.url or provision.source
        lines += ["", f"Source: {source}; wording as of {provision.wording_as_of.isoformat()} ({language})."]
        if provision.notes:
            lines.append(f"Pending: {provision.notes}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (ROOT / "docs" / "RULES.md").write_text(generate(), encoding="utf-8")
    print("wrote docs/RULES.md")
