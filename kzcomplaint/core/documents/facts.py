"""Draft the facts text from the answers to a kind's questions (a pure function).

The draft is the kind's own sentences for the circumstances
(``[[paragraphs]]`` of section ``circumstances`` in ``templates/<kind>.toml``)
that the answers make apply, each filled with the answers and closed as a
sentence, one a line, in the document's language. A question's wording is
never part of it: it is interface text. The document prints exactly this
text when the case has no facts text of its own, so whether the user keeps
the draft or edits it, every answer appears on paper once.

The user edits the result; the Facts page never overwrites an edited text
without being asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzcomplaint.core.case.model import Case
    from kzcomplaint.core.documents.templates import Template


def draft_facts(case: Case, language: str, *, template: Template | None = None) -> str:
    """The facts text drafted from ``case``'s answers in ``language`` (kk, ru or en).

    Args:
        case: the case; its answers (``case.details``, or their translation
            into ``language``), bodies and dates fill the sentences.
        language: the document language.
        template: the kind's template (the shipped one of ``case.template`` when None).

    Returns:
        One sentence a line; ``""`` when the kind has no sentences that apply.
    """
    from kzcomplaint.core.documents import render

    return render.drafted_facts(case, language, template=template)
