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

import re
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


_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
"""The UTF-8 lead bytes of U+0400–U+04FF (the Cyrillic block): one per character of the block."""
_CYRILLIC_NOT_LETTERS = re.compile(
    "[" + "".join(chr(code) for code in range(0x0400, 0x0500) if not chr(code).isalpha()) + "]"
)
"""The marks and signs of the Cyrillic block (҂ and the combining titlos): not letters, and rare."""
_KAZAKH = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")


def text_language(text: str) -> str | None:
    """The language of ``text`` (kk, ru or en), or None when it is too short to tell.

    Counted with string and byte methods rather than letter by letter: the
    checker asks this of every text of a case, a batch of every case.
    """
    if len(text) < MIN_LETTERS:
        return None
    latin = len(text.encode("ascii", "ignore").translate(None, _ASCII_NOT_LETTERS))
    encoded = text.encode("utf-8", "surrogatepass")
    cyrillic = sum(encoded.count(lead) for lead in _CYRILLIC_LEADS)
    if cyrillic and _CYRILLIC_NOT_LETTERS.search(text):
        cyrillic -= len(_CYRILLIC_NOT_LETTERS.findall(text))
    if cyrillic + latin < MIN_LETTERS:
        return None
    if latin > cyrillic:
        return "en"
    kazakh = len(_KAZAKH.findall(text))
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
