"""The review of all answers before export: every registered field with its value, page by page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kzcomplaint.core.case.model import Case, Evidence, get_path
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui import labels
from kzcomplaint.gui.i18n import LANGUAGE_NAMES

if TYPE_CHECKING:
    from kzcomplaint.core.law.directory import Directory
    from kzcomplaint.gui.pages.base import BasePage

MSG_EMPTY = N_("(not given)")
MSG_EVIDENCE_ITEM = N_("{description} — file: {file}")
MSG_YES = N_("Yes")
MSG_NO = N_("No")


def _value_text(case: Case, path: str, value: object, tr: Translator, directory: Directory, region: str) -> str:
    from kzcomplaint.core.text import legal_dates

    language = tr.language
    if path == "region":
        return directory.region_name(region, language)
    if path == "template":
        return labels.kind_title(case.template, language)
    if path == "representative":
        return tr.gettext(MSG_YES if case.representative is not None else MSG_NO)
    if path == "language":
        return LANGUAGE_NAMES.get(case.language, case.language)
    if isinstance(value, dt.date):
        return legal_dates.format_legal_date(value, language)
    if path.endswith(".role") and isinstance(value, str) and value:
        return labels.role_label(value, language)
    if path == "election.kind" and isinstance(value, str) and value:
        return labels.election_kind_label(value, language)
    if path == "contested.type" and isinstance(value, str) and value:
        return labels.contested_type_label(value, language)
    if path.endswith(".level") and isinstance(value, str) and value:
        return labels.capitalized(directory.level_name(value, language))
    if isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, Evidence):
                items.append(tr.format(MSG_EVIDENCE_ITEM, description=item.description or "—", file=item.file or "—"))
            else:
                items.append(str(item))
        return "\n".join(items)
    return "" if value is None else str(value)


def review_rows(
    case: Case, pages: Iterable[BasePage], tr: Translator, directory: Directory, region: str
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Every field of every page: (page title, [(path, label, value shown)]).

    Details answers are shown as the page shows them: a date answer in the
    legal form, a yes/no or choice answer by its label.
    """
    result = []
    for page in pages:
        page.ensure_built()
        rows = []
        for path, entry in page.fields.items():
            if path.startswith("representative.") and case.representative is None:
                continue
            value = get_path(case, path)
            text = _value_text(case, path, value, tr, directory, region)
            if path.startswith("details."):
                text = _answer_text(page, path, text)
            rows.append((path, entry.text(tr), text.strip() or tr.gettext(MSG_EMPTY)))
        if rows:
            result.append((page.title(), rows))
    return result


def _answer_text(page: BasePage, path: str, stored: str) -> str:
    """A details answer as its input shows it (a choice by its label, a date in legal form)."""
    display = getattr(page.fields[path].widget, "display_text", None)
    return str(display()) if callable(display) and stored else stored
