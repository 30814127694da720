"""Kazakh identifiers: IIN, BIN, phone numbers and e-mail addresses.

The rules are those of LAW.md §5. An IIN is ``YYMMDD C SSSS K``: birth date,
a digit for century and sex, a serial and a check digit; a BIN is
``YYMM T A SSSSS K`` with the same check digit. The check digit is the sum of
the first eleven digits weighted 1..11, modulo 11; when that gives 10 the sum
is taken again with weights 3..11, 1, 2, and when that also gives 10 the
number is never issued.

One limitation follows from the published algorithm, not from this code: the
eleventh digit has weight 11 ≡ 0 (mod 11) in the first pass, so a typo in it
usually goes unnoticed. Front ends should show the decoded birth date and sex
so the user can spot a wrong IIN by eye.

Phone numbers are judged with libphonenumber's data (``phonenumbers``),
imported on first use so that importing this module stays cheap. Only numbers
of Kazakhstan are valid: a Russian ``+7 9xx`` number is not.

The results carry error codes, not sentences; ``core.checks`` turns them into
messages with citations.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

_WEIGHTS_FIRST = tuple(range(1, 12))
_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# The seventh IIN digit: century of birth and sex (LAW.md §5).
_CENTURY_DIGITS: dict[int, tuple[int, str]] = {
    1: (1800, "male"),
    2: (1800, "female"),
    3: (1900, "male"),
    4: (1900, "female"),
    5: (2000, "male"),
    6: (2000, "female"),
}

BIN_TYPES: dict[int, str] = {4: "resident", 5: "non_resident", 6: "joint_entrepreneurship"}
"""The fifth BIN digit: kind of legal entity."""

BIN_ATTRIBUTES: dict[int, str] = {
    0: "head_office",
    1: "branch",
    2: "representative_office",
    3: "peasant_farm",
}
"""The sixth BIN digit: which part of the entity the number belongs to."""

_WHITESPACE = re.compile(r"\s+")


def _digits_only(text: str) -> tuple[str, str | None]:
    """Strip whitespace; return the digits and ``digits``/``length`` when they are not 12 ASCII digits."""
    value = _WHITESPACE.sub("", text)
    # str.isdigit alone would accept "١٢" and "²"; identifiers are ASCII digits.
    if value and not (value.isascii() and value.isdigit()):
        return value, "digits"
    if len(value) != 12:
        return value, "length"
    return value, None


def iin_check_digit(first11: str) -> int | None:
    """Compute the check digit of an IIN or BIN from its first eleven digits.

    Args:
        first11: exactly eleven ASCII digits.

    Returns:
        The check digit 0–9, or ``None`` when both passes give 10 (such a
        number is never issued).

    Raises:
        ValueError: when ``first11`` is not eleven digits.
    """
    if len(first11) != 11 or not (first11.isascii() and first11.isdigit()):
        raise ValueError(f"expected 11 digits, got {first11!r}")
    digits = [int(c) for c in first11]
    check = sum(d * w for d, w in zip(digits, _WEIGHTS_FIRST, strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, _WEIGHTS_SECOND, strict=True)) % 11
        if check == 10:
            return None
    return check


def _check_digit_error(value: str) -> str | None:
    expected = iin_check_digit(value[:11])
    if expected is None:
        return "never_issued"
    if expected != int(value[11]):
        return "check_digit"
    return None


@dataclasses.dataclass(frozen=True)
class IinResult:
    """What an IIN says and whether it is valid.

    Attributes:
        valid: True when every rule holds.
        error: None, or the first rule broken: ``length``, ``digits``,
            ``century``, ``birth_date``, ``check_digit``, ``never_issued``.
        birth_date: decoded birth date, when the digits form a real date.
        sex: ``male`` or ``female``, when the century digit is known.
        century: first year of the birth century (1800, 1900 or 2000), when known.

    The decoded fields are filled as far as the number allows, even when it
    is invalid; trust them only when ``valid``.
    """

    valid: bool
    error: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None
    century: int | None = None


def check_iin(text: str) -> IinResult:
    """Validate an individual identification number (ИИН / ЖСН).

    Args:
        text: the IIN; spaces are ignored (``800416 1 0025 4``).

    Returns:
        The verdict with the birth date and sex it encodes.
    """
    value, error = _digits_only(text)
    if error:
        return IinResult(valid=False, error=error)
    century_digit = int(value[6])
    if century_digit not in _CENTURY_DIGITS:
        return IinResult(valid=False, error="century")
    century, sex = _CENTURY_DIGITS[century_digit]
    try:
        birth_date = dt.date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return IinResult(valid=False, error="birth_date", sex=sex, century=century)
    error = _check_digit_error(value)
    return IinResult(valid=error is None, error=error, birth_date=birth_date, sex=sex, century=century)


def make_iin(birth_date: dt.date, sex: str, serial: int) -> str | None:
    """Build a well-formed IIN for tests and demonstrations (never a real person's).

    Args:
        birth_date: between 1800-01-01 and 2099-12-31.
        sex: ``male`` or ``female``.
        serial: 0–9999, the four serial digits.

    Returns:
        The twelve digits, or ``None`` when this combination is never issued
        (both check-digit passes give 10); try the next serial.

    Raises:
        ValueError: for a birth date, sex or serial out of range.
    """
    century = birth_date.year // 100 * 100
    digit = next((d for d, (c, s) in _CENTURY_DIGITS.items() if c == century and s == sex), None)
    if digit is None:
        raise ValueError(f"no IIN century digit for {birth_date.year} and sex {sex!r}")
    if not 0 <= serial <= 9999:
        raise ValueError(f"serial must be 0–9999, got {serial}")
    first11 = f"{birth_date:%y%m%d}{digit}{serial:04d}"
    check = iin_check_digit(first11)
    return None if check is None else f"{first11}{check}"


@dataclasses.dataclass(frozen=True)
class BinResult:
    """What a BIN says and whether it is valid.

    Attributes:
        valid: True when every rule holds.
        error: None, or the first rule broken: ``length``, ``digits``,
            ``month``, ``type``, ``attribute``, ``check_digit``, ``never_issued``.
        registration_year: two-digit year of registration (``YY``); the
            number does not say the century.
        registration_month: month of registration, 1–12.
        entity_type: a value of :data:`BIN_TYPES`.
        attribute: a value of :data:`BIN_ATTRIBUTES`.
    """

    valid: bool
    error: str | None = None
    registration_year: int | None = None
    registration_month: int | None = None
    entity_type: str | None = None
    attribute: str | None = None


def check_bin(text: str) -> BinResult:
    """Validate a business identification number (БИН / БСН).

    Args:
        text: the BIN; spaces are ignored.

    Returns:
        The verdict with the registration month, entity type and attribute.
    """
    value, error = _digits_only(text)
    if error:
        return BinResult(valid=False, error=error)
    year, month = int(value[0:2]), int(value[2:4])
    if not 1 <= month <= 12:
        return BinResult(valid=False, error="month")
    entity_type = BIN_TYPES.get(int(value[4]))
    if entity_type is None:
        return BinResult(valid=False, error="type", registration_year=year, registration_month=month)
    attribute = BIN_ATTRIBUTES.get(int(value[5]))
    error = "attribute" if attribute is None else _check_digit_error(value)
    return BinResult(
        valid=error is None,
        error=error,
        registration_year=year,
        registration_month=month,
        entity_type=entity_type,
        attribute=attribute,
    )


@dataclasses.dataclass(frozen=True)
class PhoneResult:
    """Whether a phone number is a valid number of Kazakhstan.

    Attributes:
        valid: True for a valid Kazakh number.
        e164: the number as ``+77012345678`` when valid, else None.
        error: None, or ``empty``, ``not_a_number`` (letters or stray
            characters, or unreadable), ``invalid`` (no such number plan) or
            ``foreign`` (a valid number of another country, e.g. Russia's +7 9xx).
    """

    valid: bool
    e164: str | None = None
    error: str | None = None


# Digits and the punctuation people put between them; letters would make
# phonenumbers read a vanity number ("+7 701 FLOWERS") and text like "доб. 12"
# or a second number must not pass silently.
_PHONE_CHARACTERS = re.compile(r"[0-9\s+()\-.]+")


def check_phone(text: str) -> PhoneResult:
    """Validate a Kazakh phone number.

    Args:
        text: e.g. ``+7 701 234 56 78``, ``8 701 234 5678``, ``87012345678``,
            ``+7 (7172) 12-34-56``.

    Returns:
        The verdict and, when valid, the E.164 form.
    """
    import phonenumbers  # on first use: ~20 ms that a CLI call without phones need not pay

    stripped = text.strip()
    if not stripped:
        return PhoneResult(valid=False, error="empty")
    if not _PHONE_CHARACTERS.fullmatch(stripped):
        return PhoneResult(valid=False, error="not_a_number")
    try:
        number = phonenumbers.parse(stripped, "KZ")
    except phonenumbers.NumberParseException:
        return PhoneResult(valid=False, error="not_a_number")
    if not phonenumbers.is_valid_number(number):
        return PhoneResult(valid=False, error="invalid")
    if phonenumbers.region_code_for_number(number) != "KZ":
        return PhoneResult(valid=False, error="foreign")
    return PhoneResult(
        valid=True, e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    )


def format_phone(e164: str) -> str:
    """Write a phone number the way Kazakh documents do: ``+7 701 234 56 78``.

    libphonenumber's international format groups a mobile number as
    ``+7 701 234 5678``; the last group of four is split in two, the usual
    Kazakh spelling. Text that is not a phone number is returned unchanged,
    so a display never fails on a half-typed value.
    """
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, "KZ")
    except phonenumbers.NumberParseException:
        return e164
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return re.sub(r" ([0-9]{2})([0-9]{2})$", r" \1 \2", formatted)


# A practical address check, not RFC 5322: one "@", no spaces, a local part of
# common characters, and a domain of dot-separated labels ending in a
# top-level domain of letters. Domain labels may be Cyrillic (".қаз", ".рф").
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+[^\W\d_]{2,63}"
)
_MAX_EMAIL_CHARS = 254
_MAX_EMAIL_LOCAL_CHARS = 64


def check_email(text: str) -> bool:
    """Whether ``text`` looks like a deliverable e-mail address (``name@example.kz``).

    Leading and trailing spaces are ignored; the whole address must be at most
    254 characters and its local part at most 64.
    """
    value = text.strip()
    if len(value) > _MAX_EMAIL_CHARS or not _EMAIL.fullmatch(value):
        return False
    return len(value.split("@", 1)[0]) <= _MAX_EMAIL_LOCAL_CHARS
