"""Dates and times as people write them in Kazakh, Russian and English.

Complaints, decisions and case files carry dates in many hand-written forms
(``10.01.2021``, ``10 января 2021 г.``, ``2021 жылғы 10 қаңтар``,
``January 10, 2021``). :func:`parse_date` reads them all with a small parser
of its own and asks ``dateparser`` only about what it does not recognise;
dateparser is imported inside that fallback so that importing this module —
and every quick CLI command — stays fast.

:func:`kzcomplaint.core.text.legal_dates.format_legal_date` writes the fixed
per-language form used in documents, and whatever it writes :func:`parse_date`
reads back.

Failures raise :class:`DateError`, a ``ValueError`` carrying a
:class:`~kzcomplaint.core.text.i18n.Message` that tells the user what is wrong
and how to write the date instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from kzcomplaint.core.text.i18n import N_, Message
from kzcomplaint.core.text.legal_dates import EN_MONTHS, KK_MONTHS, RU_GENITIVE, RU_NOMINATIVE

MIN_YEAR = 1900
MAX_YEAR = 2100

# Nobody writes a date in more than this; longer input is not handed to
# dateparser, whose run time grows with the text.
_MAX_DATE_CHARS = 100

DATEPARSER_LANGUAGES = ["kk", "ru", "en"]
DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": True,
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Only absolute dates: "вчера", "2 days ago" or a Unix timestamp must not
    # become a date in a legal document or a case file (dateparser accepts
    # relative dates even with STRICT_PARSING).
    "PARSERS": ["custom-formats", "absolute-time"],
}

MSG_EMPTY = N_("No date given. Write the date as DD.MM.YYYY, for example 10.01.2021.")
MSG_NOT_RECOGNISED = N_(
    "{text!r} is not a date kzcomplaint can read. Write it as DD.MM.YYYY (10.01.2021), "
    "as YYYY-MM-DD (2021-01-10) or in words: 10 января 2021 года, 2021 жылғы 10 қаңтар, 10 January 2021."
)
MSG_NO_SUCH_MONTH = N_(
    "{text!r} is not a real date: there is no month {month}. Use a month from 1 to 12 (DD.MM.YYYY)."
)
MSG_NO_SUCH_DAY = N_(
    "{text!r} is not a real date: month {month} of {year} has days 1 to {days}, not {day}. "
    "Check the day and the month."
)
MSG_YEAR_RANGE = N_(
    "{text!r}: the year {year} is outside 1900–2100. Check the year and write it with four digits."
)
MSG_NOT_A_DIGIT = N_(
    "{text!r} contains “{char}”, which looks like a digit but is not one of the ordinary digits 0–9 "
    "(it may be a superscript or a digit of another script). Retype it with the digits 0–9."
)
MSG_TIME_NOT_RECOGNISED = N_(
    "{text!r} is not a time kzcomplaint can read. Write it as HH:MM, for example 14:30."
)
MSG_TIME_IMPOSSIBLE = N_(
    "{text!r} is not a real time: hours run from 00 to 23 and minutes from 00 to 59. Check the time."
)


class DateError(ValueError):
    """A date or time that cannot be used, with a message for the user.

    Attributes:
        message: what is wrong and how to write it, to be rendered per language.
        code: ``empty``, ``not_recognised``, ``impossible`` (a recognised form
            naming a day, month or time that does not exist), ``year_range``,
            or ``not_a_digit`` (a superscript ³, a digit of another script).
        text: the text that was given.
    """

    def __init__(self, message: Message, code: str, text: str) -> None:
        """Keep the message, the code and the offending text."""
        super().__init__(message.msgid.format(**message.params))
        self.message = message
        self.code = code
        self.text = text


_RU_ABBREVIATIONS = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip

# People type Kazakh on Russian keyboards ("2021 жылгы 10 кантар") and use the
# Latin "i" for "і"; folding both spellings to one key accepts either.
_KK_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _fold(word: str) -> str:
    """Lower-case ``word`` and fold Kazakh letters to their Russian-keyboard look-alikes."""
    word = word.lower().translate(_KK_FOLD)
    if _CYRILLIC.search(word):
        word = word.replace("i", "и")
    return word


def _month_words() -> dict[str, int]:
    """Exact (folded) word → month number: Russian and English, full and abbreviated, Kazakh abbreviated."""
    entries: list[tuple[str, int]] = [("sept", 9), *_RU_ABBREVIATIONS.items()]
    for number, (genitive, nominative, english, kazakh) in enumerate(
        zip(RU_GENITIVE, RU_NOMINATIVE, EN_MONTHS, KK_MONTHS, strict=True), 1
    ):
        # Kazakh abbreviations are the first three letters ("қаң.", "ақп.").
        for word in (genitive, nominative, english, english[:3], kazakh[:3]):
            entries.append((_fold(word), number))
    words: dict[str, int] = {}
    for word, number in entries:
        # A word naming two months would silently read one of them wrongly.
        if words.setdefault(word, number) != number:
            raise ValueError(f"month word {word!r} is ambiguous")
    return words


_MONTH_WORDS = _month_words()

# Kazakh months take case suffixes ("қаңтардағы", "қаңтарда"): match by stem.
_KK_STEMS: tuple[tuple[str, int], ...] = tuple((_fold(name), n) for n, name in enumerate(KK_MONTHS, 1))

# Words that may surround a date without changing it: year markers, ordinal
# endings split off by the tokeniser ("10th", "10-го"), "of".
_FILLER_WORDS = frozenset(
    _fold(word)
    for word in (
        "г", "гг", "год", "года", "году",
        "ж", "жыл", "жылы", "жылғы", "жылдың",
        "го", "е", "ое",
        "st", "nd", "rd", "th", "of", "the",
    )
)  # fmt: skip

# Words people type in a hurry for a recent day, read only when the caller says what
# "today" is (the GUI: the app's today, a trainer's date included). A case file or a
# command line never holds them: "вчера" in a saved case would mean another day tomorrow.
_RELATIVE_DAYS: dict[str, int] = {
    _fold(word): offset
    for word, offset in (
        ("сегодня", 0), ("вчера", -1), ("позавчера", -2),
        ("бүгін", 0), ("кеше", -1), ("алдыңғы күні", -2),
        ("today", 0), ("yesterday", -1), ("the day before yesterday", -2),
    )
}  # fmt: skip

_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")
_YEAR_SUFFIX = r"(?:\s*(?:г\.?|год|года|ж\.?|жыл|жылы))?"
_ISO_LIKE = re.compile(r"([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([-./])([0-9]{1,2})\2([0-9]{4})" + _YEAR_SUFFIX)
_QUOTES = "«»\"“”„'‘’ \t\r\n\u00a0"


def _month_of(word: str) -> int | None:
    """The month a (folded) word names, or None."""
    month = _MONTH_WORDS.get(word)
    if month is not None:
        return month
    for stem, number in _KK_STEMS:
        if word.startswith(stem):
            return number
    return None


def _build(text: str, year: int, month: int, day: int) -> dt.date:
    """Make the date, raising the right :class:`DateError` for an impossible one."""
    if not 1 <= month <= 12:
        raise DateError(Message(MSG_NO_SUCH_MONTH, text=text, month=month), "impossible", text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(Message(MSG_YEAR_RANGE, text=text, year=year), "year_range", text)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        message = Message(MSG_NO_SUCH_DAY, text=text, month=month, year=year, days=days, day=day)
        raise DateError(message, "impossible", text)
    return dt.date(year, month, day)


def _parse_words(text: str, folded: str) -> dt.date | None:
    """Read a day, a month word and a four-digit year in any order, or return None."""
    day = month = year = None
    for token in _TOKEN.findall(folded):
        if token.isdigit():
            if len(token) == 4 and year is None:
                year = int(token)
            elif len(token) <= 2 and day is None:
                day = int(token)
            else:
                return None
        elif token in _FILLER_WORDS:
            continue
        else:
            number = _month_of(token)
            if number is None or month is not None:
                return None
            month = number
    if day is None or month is None or year is None:
        return None
    return _build(text, year, month, day)


def _normalise_for_dateparser(text: str) -> str:
    """Rewrite Kazakh forms dateparser does not know ("жылғы", "қаңтардағы") into ones it does."""
    words = []
    for token in text.split():
        bare = _fold(token.strip(".,"))
        if bare in _FILLER_WORDS:
            continue
        for stem, number in _KK_STEMS:
            if bare.startswith(stem):
                token = EN_MONTHS[number - 1]
                break
        words.append(token)
    return " ".join(words)


def _parse_with_dateparser(text: str) -> dt.date | None:
    """Ask dateparser about a form our own parser does not know (absolute dates only)."""
    # Imported here: it takes a while to import and is rarely needed.
    import dateparser

    try:
        result: dt.datetime | None = dateparser.parse(
            _normalise_for_dateparser(text), languages=DATEPARSER_LANGUAGES, settings=DATEPARSER_SETTINGS
        )
    except Exception:  # a third-party parser's failure on odd input means "not recognised"
        return None
    if result is None:
        return None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise DateError(Message(MSG_YEAR_RANGE, text=text, year=result.year), "year_range", text)
    return result.date()


def _refuse_other_digits(text: str) -> None:
    """Raise :class:`DateError` when ``text`` holds a digit other than 0–9.

    ``int()`` reads Arabic-Indic or full-width digits, dateparser reads a
    superscript ``³`` as 3, and ``"³".isdigit()`` is true: without this a
    ``10.01.202³`` became 10 January 2023, and ``²⁰²¹-01-10`` crashed.
    """
    for char in text:
        if char.isnumeric() and not ("0" <= char <= "9"):
            raise DateError(Message(MSG_NOT_A_DIGIT, text=text, char=char), "not_a_digit", text)


def relative_days(text: str) -> int | None:
    """How many days from today ``text`` names when it is a word like «вчера», «кеше», "today" (else None)."""
    words = _fold(text.strip(_QUOTES)).replace(".", " ").split()
    return _RELATIVE_DAYS.get(" ".join(words))


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """Read a date written by a person in Kazakh, Russian, English or digits.

    Args:
        text: e.g. ``2021-01-10``, ``10.01.2021``, ``10/1/2021 г.``,
            ``10 января 2021 года``, ``2021 жылғы 10 қаңтар``,
            ``10 қаңтардағы 2021 ж.``, ``January 10, 2021``, ``Jan 10 2021``.
        today: when given, «сегодня», «вчера», «позавчера», «бүгін», «кеше»,
            «алдыңғы күні», "today", "yesterday" are read relative to it
            (:func:`relative_days`); without it they are not dates.

    Returns:
        The date.

    Raises:
        DateError: with code ``impossible`` for a recognised form naming a day
            that does not exist (31.02.2021), ``year_range`` for a year outside
            1900–2100, ``not_a_digit`` for a digit other than 0–9 (``³``),
            ``not_recognised`` or ``empty`` otherwise.
    """
    _refuse_other_digits(text)
    stripped = text.strip(_QUOTES)
    if not stripped:
        raise DateError(Message(MSG_EMPTY), "empty", text)
    if today is not None and (offset := relative_days(stripped)) is not None:
        return today + dt.timedelta(days=offset)
    folded = _fold(stripped)
    match = _ISO_LIKE.fullmatch(folded)
    if match:
        return _build(text, int(match[1]), int(match[3]), int(match[4]))
    match = _DAY_FIRST.fullmatch(folded)
    if match:
        return _build(text, int(match[4]), int(match[3]), int(match[1]))
    result = _parse_words(text, folded)
    if result is None and len(stripped) <= _MAX_DATE_CHARS and re.search(r"[0-9]", folded):
        result = _parse_with_dateparser(stripped)
    if result is None:
        raise DateError(Message(MSG_NOT_RECOGNISED, text=text), "not_recognised", text)
    return result


_TIME = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})|([0-9]{2})([0-9]{2})")


def parse_time(text: str) -> str:
    """Read a time of day written as ``14:30``, ``14.30``, ``1430`` or ``9:05``.

    Returns:
        The time as ``HH:MM``.

    Raises:
        DateError: code ``impossible`` for 25:00 or 14:60, ``not_a_digit`` for
            a digit other than 0–9, ``not_recognised`` for anything else.
    """
    _refuse_other_digits(text)
    stripped = text.strip()
    match = _TIME.fullmatch(stripped)
    if not match:
        raise DateError(Message(MSG_TIME_NOT_RECOGNISED, text=text), "not_recognised", text)
    hours, minutes = (int(match[1]), int(match[2])) if match[1] else (int(match[3]), int(match[4]))
    if hours > 23 or minutes > 59:
        raise DateError(Message(MSG_TIME_IMPOSSIBLE, text=text), "impossible", text)
    return f"{hours:02d}:{minutes:02d}"


_TIME_PREFIXES = tuple(
    re.compile(pattern)
    for pattern in (
        r"[0-9]",
        r"(?:[01][0-9]|2[0-3])",
        r"(?:[01]?[0-9]|2[0-3])[:.](?:[0-5][0-9]?)?",
        r"(?:[01][0-9]|2[0-3])[0-5][0-9]?",
    )
)
_LETTER = re.compile(r"[^\W\d_]")


def time_entry_state(text: str) -> str:
    """What an input makes of a time as it is being typed: ``acceptable``, ``intermediate`` or ``invalid``.

    ``invalid`` is what can never become a time (``25``, ``14:6``, ``1⁴``),
    so the input refuses the keystroke and the case never holds a time that
    does not exist (the loader refuses ``25:99``). Words (``около 14 ч``)
    are the user's own and acceptable, as the loader keeps them.
    """
    stripped = text.strip()
    if not stripped:
        return "acceptable"
    try:
        parse_time(stripped)
        return "acceptable"
    except DateError as error:
        if error.code in ("impossible", "not_a_digit"):  # 25:00, or a ⁴ that no keystroke can make a digit
            return "invalid"
    if _LETTER.search(stripped):
        return "acceptable"
    if any(pattern.fullmatch(stripped) for pattern in _TIME_PREFIXES):
        return "intermediate"
    return "invalid"
