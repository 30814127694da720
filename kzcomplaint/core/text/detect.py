"""Which language the user's own texts are written in, to warn before a mixed document.

The document language is chosen separately from the case: a Kazakh complaint
can be exported from a case whose facts were typed in Russian. The frame and
the template text then come out in Kazakh while the facts, answers and
requests stay as typed — a document a clerk may refuse as written in two
languages. This module tells the front ends so they can say it in advance.

The test is by letters, which is enough to tell these three apart: Latin
letters mean English; Cyrillic with the Kazakh-only letters
(Ә Ғ Қ Ң Ө Ұ Ү Һ І) in more than a small share means Kazakh (a Russian text
quoting Kazakh names has a few); other Cyrillic means Russian.
"""

from __future__ import annotations

from collections.abc import Iterable

from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.languages import LANGUAGE_ENDONYMS

KAZAKH_LETTERS = frozenset("ӘҒҚҢӨҰҮҺІәғқңөұүһі")
KAZAKH_SHARE = 0.02
"""Share of Kazakh-only letters among Cyrillic ones above which a text is Kazakh (they are ~6% of Kazakh prose)."""
MIN_LETTERS = 40
"""Shorter texts (a name, a number) say nothing reliable about their language."""

MSG_MIXED = N_(
    "The facts and answers are in this language: {written}. They are printed as typed, so the document "
    "({language}) will mix two languages. Translate them, or choose this document language: {written}."
)


def text_language(text: str) -> str | None:
    """The language of ``text`` (kk, ru or en), or None when it is too short to tell."""
    cyrillic = latin = kazakh = 0
    for char in text:
        if not char.isalpha():
            continue
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
            kazakh += char in KAZAKH_LETTERS
        elif char.isascii():
            latin += 1
    if cyrillic + latin < MIN_LETTERS:
        return None
    if latin > cyrillic:
        return "en"
    return "kk" if kazakh / cyrillic > KAZAKH_SHARE else "ru"


def written_language(texts: Iterable[str]) -> str | None:
    """The language of the user's own texts taken together (a case's facts, answers and requests)."""
    return text_language("\n".join(part for part in texts if part))


def mixed_language_note(texts: Iterable[str], language: str) -> Message | None:
    """A warning when the user's ``texts`` are in a language the document (kk, ru, en, kk+ru) is not."""
    written = written_language(texts)
    if written is None or written in language.split("+"):
        return None
    document = " + ".join(LANGUAGE_ENDONYMS[part] for part in language.split("+"))
    return Message(MSG_MIXED, written=LANGUAGE_ENDONYMS[written], language=document)
