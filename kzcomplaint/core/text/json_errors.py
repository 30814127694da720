"""What Python's JSON reader says is wrong with a file, in the user's language.

``json.JSONDecodeError.msg`` is English ("Unterminated string starting at");
a Kazakh or Russian user reading why a case file cannot be opened gets it in
their own language instead. Unknown texts (another Python's wording) are
passed on as they are.
"""

from __future__ import annotations

from kzcomplaint.core.text.i18n import N_, Message

# By the start of json's message (Python 3.11–3.13 wording).
_REASONS: tuple[tuple[str, str], ...] = (
    ("Expecting value", N_("a value is expected here")),
    ("Expecting property name enclosed in double quotes", N_("a name in double quotation marks is expected here")),
    ("Expecting ':' delimiter", N_("a colon (:) is missing here")),
    ("Expecting ',' delimiter", N_("a comma is missing here")),
    ("Unterminated string starting at", N_("a text in quotation marks is not closed")),
    ("Invalid control character at", N_("a control character (such as a line break) is inside a text")),
    ("Invalid \\uXXXX escape", N_("a character code after a backslash is incomplete")),
    ("Invalid \\escape", N_("a backslash starts an escape that does not exist")),
    ("Extra data", N_("there is more text after the end of the data")),
    ("Illegal trailing comma", N_("a comma stands before a closing bracket")),
)


def json_reason(message: str) -> Message | str:
    """``message`` of a ``json.JSONDecodeError`` as a translatable reason (unchanged when not known)."""
    for start, msgid in _REASONS:
        if message.startswith(start):
            return Message(msgid)
    return message
