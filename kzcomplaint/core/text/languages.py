"""The three languages of the app and of its documents, and how each names itself."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
"""Languages of documents and of the interface, Kazakh first."""

DOCUMENT_LANGUAGES: tuple[str, ...] = (*LANGUAGES, "kk+ru")
"""What a document can be rendered in: one language, or Kazakh and Russian in parallel columns."""

LANGUAGE_ENDONYMS = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
"""Each language named in itself, as a language menu shows it (no translation needed)."""

DEFAULT_LANGUAGE = "ru"
"""The interface language when the system locale names none of the three."""
