"""Dates in the fixed legal form of each language, and the month names people write.

Kazakh ``2021 жылғы 10 қаңтар``, Russian ``10 января 2021 года``, English
``10 January 2021`` — fixed patterns, not CLDR "long" forms (Kazakh "long" is
year-first with other words). The parser in :mod:`kzcomplaint.core.text.dates`
reads the same month names back, so whatever the app writes it can read.
This module builds no messages, so translation can format dates with it.
"""

from __future__ import annotations

import datetime as dt

KK_MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)  # fmt: skip
KK_MONTHS_ATTRIBUTIVE = (
    "қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
    "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы",
)  # fmt: skip
"""The month with the suffix ``-дағы/-дегі/-тағы/-тегі`` by vowel harmony: "of" a date, before a noun."""
RU_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
RU_NOMINATIVE = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_legal_date(d: dt.date, language: str) -> str:
    """Write ``d`` in the fixed legal form of ``language``.

    Args:
        d: the date.
        language: ``kk`` (``2021 жылғы 10 қаңтар``), ``ru`` (``10 января 2021
            года``) or ``en`` (``10 January 2021``).

    Raises:
        ValueError: for any other language.
    """
    if language == "kk":
        return f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}"
    if language == "ru":
        return f"{d.day} {RU_GENITIVE[d.month - 1]} {d.year} года"
    if language == "en":
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
    raise ValueError(f"no legal date form for language {language!r}")


def format_legal_date_of(d: dt.date, language: str) -> str:
    """``d`` as it stands before the act it dates.

    «2021 жылғы 10 қаңтардағы», «от 10 января 2021 года», "of 10 January 2021".

    Raises:
        ValueError: for a language other than kk, ru and en.
    """
    if language == "kk":
        return f"{d.year} жылғы {d.day} {KK_MONTHS_ATTRIBUTIVE[d.month - 1]}"
    if language == "ru":
        return f"от {format_legal_date(d, language)}"
    if language == "en":
        return f"of {format_legal_date(d, language)}"
    raise ValueError(f"no legal date form for language {language!r}")


def format_numeric(d: dt.date) -> str:
    """Write ``d`` as ``DD.MM.YYYY``, the numeric form used in all three languages."""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"
