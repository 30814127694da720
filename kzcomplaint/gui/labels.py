"""Names of the model's enumerations and of legal grounds in the interface language, from the core's data.

Roles, kinds of vote, contested types and yes/no are legal texts the core
keeps in three languages (``templates/_frame.toml``); levels of bodies are in
the directory of bodies. The GUI shows those same words in its lists rather
than a second set of its own. Citations are shown as the core gives them,
visibly marked when unconfirmed.

Nothing here imports Qt: the start page uses it before the first window is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzcomplaint.core.text.i18n import N_

if TYPE_CHECKING:
    from kzcomplaint.core.law.citations import Citation
    from kzcomplaint.core.text.i18n import Translator

MSG_UNCONFIRMED = N_("unconfirmed")
MSG_IMMEDIATELY = N_("without delay (same day)")
"""The last day of a term that runs out at once."""


def without_mnemonic(text: str) -> str:
    """A label without its mnemonic ampersand ("&&" stays a literal "&"): for accessible names and reviews."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def capitalized(text: str) -> str:
    """``text`` with its first letter in upper case (the rest unchanged)."""
    return text[:1].upper() + text[1:]


def frame_text(key: str, language: str) -> str:
    """A text of the document frame (``roles.observer``) in ``language``."""
    from kzcomplaint.core.documents import templates

    return templates.load_frame().text(key, language)


def kind_title(template_id: str, language: str) -> str:
    """A document kind's title in ``language``: "" when no kind is chosen, the id when the catalogue lacks it."""
    if not template_id:
        return ""
    from kzcomplaint.core.law import catalog

    try:
        return catalog.get(template_id).title[language]
    except catalog.UnknownTemplateError:
        return template_id


def role_label(role: str, language: str) -> str:
    """The complainant's capacity, as a list shows it."""
    return capitalized(frame_text(f"roles.{role}", language))


def election_kind_label(kind: str, language: str) -> str:
    """A kind of vote, as a list shows it."""
    return capitalized(frame_text(f"election_kinds.{kind}", language))


def contested_type_label(kind: str, language: str) -> str:
    """Decision, action or inaction, as a list shows it."""
    return capitalized(frame_text(f"contested_types.{kind}", language))


def yes_no_labels(language: str) -> dict[str, str]:
    """The words for ``yes`` and ``no`` in ``language``."""
    return {"yes": frame_text("answers.yes", language), "no": frame_text("answers.no", language)}


def citation_text(citation: Citation, tr: Translator) -> str:
    """A citation in ``tr``'s language, visibly marked when unconfirmed."""
    text = citation.text(tr.language)
    if not citation.is_confirmed:
        text = f"{text} ({tr.gettext(MSG_UNCONFIRMED)})"
    return text


def ground_text(citation: Citation | None, tr: Translator) -> str:
    """A rule's ground: its citation, or that no provision of law requires it for this document."""
    from kzcomplaint.core.law.citations import MSG_NO_PROVISION

    return citation_text(citation, tr) if citation is not None else tr.gettext(MSG_NO_PROVISION)
