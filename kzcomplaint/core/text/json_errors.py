"""What Python's JSON and TOML readers say is wrong with a file, in the user's language.

``json.JSONDecodeError.msg`` and ``tomllib.TOMLDecodeError`` are English
("Unterminated string starting at", "Expected '=' after a key in a key/value
pair (at line 3, column 7)"); a Kazakh or Russian user reading why a case
file, a scenario pack or a directory of bodies cannot be read gets it in
their own language instead. Unknown texts (another Python's wording) are
passed on as they are.
"""

from __future__ import annotations

import re

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


NOT_UTF8 = N_("the file is not UTF-8 text; save it again with the UTF-8 encoding")
AT_LINE = N_("{reason} (line {line}, column {column})")
AT_END = N_("{reason} (at the end of the file)")

# By the start of tomllib's message (Python 3.11–3.13 wording); the position is parsed off its end.
_TOML_REASONS: tuple[tuple[str, str], ...] = (
    ("Expected '=' after a key", N_("an equals sign (=) is missing after a name")),
    ("Expected ']' at the end of a table", N_("a closing bracket ] is missing after a table name")),
    ("Expected ']]' at the end of an array", N_("closing brackets ]] are missing after a list name")),
    ("Unterminated string", N_("a text in quotation marks is not closed")),
    ("Unclosed array", N_("a list in square brackets is not closed")),
    ("Unclosed inline table", N_("a table in curly brackets is not closed")),
    ("Invalid value", N_("a value is missing or not valid here (a text needs quotation marks)")),
    ("Invalid statement", N_("this line is neither a name = value nor a [table]")),
    ("Invalid initial character for a key", N_("a name starts with a character a name cannot have")),
    ("Invalid date or datetime", N_("a date is not valid (write it as YYYY-MM-DD)")),
    ("Invalid hex value", N_("a character code after a backslash is not valid")),
    ("Escaped character is not a Unicode", N_("a character code after a backslash is not valid")),
    ("Unescaped '\\'", N_("a backslash starts an escape that does not exist")),
    ("Cannot declare", N_("the same name is given twice")),
    ("Cannot overwrite a value", N_("the same name is given twice")),
    ("Duplicate inline table key", N_("the same name is given twice")),
    ("Cannot redefine namespace", N_("the same name is given twice")),
    ("Cannot mutate immutable namespace", N_("a name set in curly brackets is extended later")),
    ("Illegal character", N_("a control character (such as a tab inside a text) is not allowed here")),
    ("Found invalid character", N_("a character is not allowed here")),
    ("Expected", N_("a character is missing or not allowed here")),
)
_TOML_POSITION = re.compile(r"\s*\((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)\s*$")


def toml_reason(error: Exception) -> Message | str:
    """What a ``tomllib.TOMLDecodeError`` says, with its line and column, as a translatable reason.

    An unknown wording is passed on as it is (still with its position).
    """
    text = str(error)
    found = _TOML_POSITION.search(text)
    message = text[: found.start()] if found else text
    reason: Message | str = message
    for start, msgid in _TOML_REASONS:
        if message.startswith(start):
            reason = Message(msgid)
            break
    if found is None:
        return reason
    if found.group("line") is None:
        return Message(AT_END, reason=reason)
    return Message(AT_LINE, reason=reason, line=int(found.group("line")), column=int(found.group("column")))
