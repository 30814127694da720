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

from kzcomplaint.core.law import checks, citations, deadlines, routes  # noqa: E402


def _status(citation: citations.Citation) -> str:
    return "confirmed" if citation.is_confirmed else "**unconfirmed**"


def _dates(effective_from: dt.date, effective_to: dt.date | None) -> str:
    return f"{effective_from.isoformat()} – {effective_to.isoformat() if effective_to else 'open'}"


def generate() -> str:
    """The whole of docs/RULES.md."""
    lines = [
        "# The rules the app applies, with their citations",
        "",
        "Generated from `kzcomplaint/core/law/rules/*.toml` by `tools/rules_doc.py` — do not edit by hand.",
        "“Verified” is the date the text read was in force; an event after it gets a `law.unverified`",
        "warning. “Unconfirmed” rules are shown as such in the app and in documents.",
        "",
        "## Sources",
        "",
        "| id | source | text read |",
        "|---|---|---|",
    ]
    for law in citations.laws().values():
        lines.append(f"| `{law.id}` | {law.title['en']} | {'yes' if law.read else '**no**'} |")
    lines += [
        "",
        "## Deadline rules",
        "",
        "| id | term | trigger | citation | status | in force | verified |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule_id, versions in deadlines.rules().items():
        for rule in versions:
            if rule.same_day:
                term = "same day"
            else:
                term = f"{rule.length} {rule.unit} days"
                if rule.immediate_window:
                    term += f"; immediately within {rule.immediate_window.days} days of voting day"
            lines.append(
                f"| `{rule_id}` | {term} | {rule.trigger_label['en']} | {rule.citation.text('en')} "
                f"| {_status(rule.citation)} | {_dates(rule.effective_from, rule.effective_to)} "
                f"| {rule.verified_as_of.isoformat()} |"
            )
    lines += [
        "",
        "## Admissibility requirements (problem codes)",
        "",
        "| code | severity | kinds | citation | status | in force | verified |",
        "|---|---|---|---|---|---|---|",
    ]
    for requirement in checks.requirements():
        kinds = "all" if "*" in requirement.kinds else ", ".join(requirement.kinds)
        lines.append(
            f"| `{requirement.id}` | {requirement.severity} | {kinds} | {requirement.citation.text('en')} "
            f"| {_status(requirement.citation)} | {_dates(requirement.effective_from, requirement.effective_to)} "
            f"| {requirement.verified_as_of.isoformat()} |"
        )
    lines += [
        "",
        "## Who hears what (addressee routes)",
        "",
        "| respondent | addressee | citation | status |",
        "|---|---|---|---|",
    ]
    for route in routes.routes():
        lines.append(
            f"| {route.respondent} | {route.addressee} | {route.citation.text('en')} | {_status(route.citation)} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (ROOT / "docs" / "RULES.md").write_text(generate(), encoding="utf-8")
    print("wrote docs/RULES.md")
