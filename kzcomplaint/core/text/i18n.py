"""Translation of interface messages, with an explicit translator object.

Interface strings are English gettext msgids. Module-level strings are only
marked with :func:`N_` and translated where they are shown, through a
:class:`Translator` for an explicit language — never a ``_`` in builtins, so
a Russian interface can produce a Kazakh document in the same process.

Texts that are legal content (requirement messages, fix hints, titles of
document kinds) are data: three-language tables ``{kk, ru, en}`` indexed by
the language (``title[tr.language]``), not gettext messages.

Catalogues are compiled ``.mo`` files made by ``pybabel compile`` at build
time; when a checkout has none yet, the ``.po`` source is read instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import locale
import os
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from kzcomplaint.core.files import resources
from kzcomplaint.core.text.languages import DEFAULT_LANGUAGE, LANGUAGES
from kzcomplaint.core.text.legal_dates import format_legal_date

DOMAIN = "kzcomplaint"


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction without translating it."""
    return message


class Translator:
    """Translates interface messages into one language."""

    def __init__(self, language: str) -> None:
        """A translator into ``language`` (one of kk, ru, en); its catalogue is read when first used."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self._loaded: gettext.NullTranslations | None = None

    @property
    def _catalog(self) -> gettext.NullTranslations:
        # Read on the first message, not before: the command line makes a translator for its
        # errors before it knows it will only open the window, which speaks the user's chosen
        # language (reading a catalogue costs some 2 ms of that window's start).
        if self._loaded is None:
            self._loaded = _load_catalog(self.language)
        return self._loaded

    def gettext(self, message: str) -> str:
        """Return ``message`` translated."""
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Return the singular or plural form for ``n``, translated."""
        return self._catalog.ngettext(singular, plural, n)

    def format(self, message: str, /, **params: object) -> str:
        """Translate ``message`` and fill its ``{name}`` placeholders."""
        return self.gettext(message).format(**params)


class _PoCatalog(gettext.NullTranslations):
    """A catalogue read from a ``.po`` file with Babel (for uncompiled checkouts)."""

    def __init__(self, path: os.PathLike[str] | str) -> None:
        super().__init__()
        from babel.messages.pofile import read_po

        with open(path, "rb") as handle:
            catalog = read_po(handle)
        self._messages: dict[str, str] = {}
        self._plurals: dict[str, tuple[str, ...]] = {}
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple):
                if isinstance(message.string, tuple) and all(message.string):
                    self._plurals[message.id[0]] = tuple(message.string)
            elif isinstance(message.id, str) and isinstance(message.string, str) and message.string:
                self._messages[message.id] = message.string
        self._plural_index = gettext.c2py(catalog.plural_expr)

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plurals.get(msgid1)
        if not forms:
            return msgid1 if n == 1 else msgid2
        index = self._plural_index(n)
        return forms[min(index, len(forms) - 1)]


@functools.cache
def _load_catalog(language: str) -> gettext.NullTranslations:
    folder = resources.locales_dir() / language / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with open(mo, "rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        return _PoCatalog(po)
    return gettext.NullTranslations()


@functools.cache
def translator(language: str) -> Translator:
    """Return the shared translator for ``language``."""
    return Translator(language)


def default_ui_language() -> str:
    """Guess the interface language from the environment, falling back to Russian."""
    names = ("KZCOMPLAINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    candidates = [os.environ.get(name, "") for name in names]
    try:
        # Python reports the C locale (no locale set: a service, a bare
        # container; C.UTF-8 after PEP 538 coercion) as en_US, which is not a
        # choice anybody made: it falls back to Russian like no locale at all.
        if locale.setlocale(locale.LC_CTYPE).split(".")[0] not in ("C", "POSIX"):
            candidates.append(locale.getlocale()[0] or "")
    except (ValueError, locale.Error):
        pass
    for value in candidates:
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


@runtime_checkable
class Localized(Protocol):
    """Anything that can say itself in a language (a citation of the law, for one)."""

    def text(self, language: str) -> str:
        """The text in ``language`` (kk, ru or en)."""
        ...


class Message:
    """An interface message to be translated later: an English msgid and its parameters.

    The core returns messages, not strings, so the same result (a deadline's
    steps, a load error) can be shown in any interface language. Parameters
    are resolved in the language they are shown in: a date in its legal form,
    a nested ``Message`` rendered, a three-language table ``{kk, ru, en}`` from
    the rule data by its entry, anything :class:`Localized` (a citation) by
    its text in that language.
    """

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, /, **params: object) -> None:
        """Keep ``msgid`` (already marked with ``N_``) and its ``{name}`` parameters."""
        self.msgid = msgid
        self.params = params

    def render(self, tr: Translator) -> str:
        """The message in ``tr``'s language with its parameters filled in."""
        def resolve(value: object) -> object:
            if isinstance(value, Message):
                return value.render(tr)
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return format_legal_date(value, tr.language)
            if isinstance(value, Mapping) and set(value) == set(LANGUAGES):
                return value[tr.language]
            if isinstance(value, Localized):
                return value.text(tr.language)
            return value

        values = {key: resolve(value) for key, value in self.params.items()}
        return tr.gettext(self.msgid).format(**values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.msgid, self.params) == (other.msgid, other.params)

    def __hash__(self) -> int:
        return hash(self.msgid)

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, **{self.params!r})"
