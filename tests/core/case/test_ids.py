"""Tests for core.ids: IIN, BIN, phone and e-mail checks (synthetic numbers only)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kzcomplaint.core.case.ids import (
    check_bin,
    check_email,
    check_iin,
    check_phone,
    format_phone,
    iin_check_digit,
    make_iin,
)

PUBLISHED_TEST_IINS = ["800416100254", "680503250034"]  # LAW.md §5


def _first_pass(first11: str) -> int:
    return sum(int(c) * w for c, w in zip(first11, range(1, 12), strict=True)) % 11


def _with_check_digit(first11: str) -> str:
    check = iin_check_digit(first11)
    assert check is not None
    return first11 + str(check)


def _never_issued_first11(prefix: str) -> str:
    """The first 11 digits starting with ``prefix`` whose two passes both give 10."""
    for serial in range(10 ** (11 - len(prefix))):
        first11 = f"{prefix}{serial:0{11 - len(prefix)}d}"
        if iin_check_digit(first11) is None:
            return first11
    raise AssertionError(f"no never-issued number starts with {prefix}")


# --- IIN -------------------------------------------------------------------------


@pytest.mark.parametrize("iin", PUBLISHED_TEST_IINS)
def test_published_test_values_are_valid(iin: str) -> None:
    result = check_iin(iin)
    assert result.valid and result.error is None


def test_published_value_decoded() -> None:
    result = check_iin("680503250034")
    assert (result.birth_date, result.sex, result.century) == (dt.date(1868, 5, 3), "female", 1800)


def test_spaces_are_ignored() -> None:
    assert check_iin(" 800416 1 0025 4 ").valid


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "length"),
        ("80041610025", "length"),
        ("8004161002544", "length"),
        ("80041610025a", "digits"),
        ("800416-100254", "digits"),
        ("８００４１６１００２５４", "digits"),  # full-width digits are not ASCII
        ("800416000254", "century"),
        ("800416700254", "century"),
        ("800416800254", "century"),
        ("800416900254", "century"),
        ("801316100254", "birth_date"),
        ("800431100254", "birth_date"),
        ("010229300000", "birth_date"),  # 29.02.1901 does not exist
        ("800416100255", "check_digit"),
    ],
)
def test_iin_errors(text: str, error: str) -> None:
    result = check_iin(text)
    assert not result.valid
    assert result.error == error


def test_iin_leap_day_depends_on_century() -> None:
    # 29.02.2000 exists, 29.02.1900 does not: the same six digits, two verdicts.
    assert check_iin(_with_check_digit("00022950000")).valid
    assert check_iin(_with_check_digit("00022930000")).error == "birth_date"


def test_never_issued() -> None:
    first11 = _never_issued_first11("9005174")
    for last in "0123456789":
        assert check_iin(first11 + last).error == "never_issued"


def test_check_digit_second_pass() -> None:
    # Find a number where the first pass gives 10 and check the second pass is used.
    first11 = next(f"9005174{s:04d}" for s in range(10_000) if _first_pass(f"9005174{s:04d}") == 10)
    weights = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
    second = sum(int(c) * w for c, w in zip(first11, weights, strict=True)) % 11
    assert iin_check_digit(first11) == (None if second == 10 else second)


@pytest.mark.parametrize("bad", ["", "1234567890", "123456789012", "1234567890a"])
def test_iin_check_digit_needs_eleven_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        iin_check_digit(bad)


BIRTH_DATES = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31))
SEXES = st.sampled_from(["male", "female"])
SERIALS = st.integers(0, 9999)


@given(birth_date=BIRTH_DATES, sex=SEXES, serial=SERIALS)
def test_make_iin_output_validates_and_round_trips(birth_date: dt.date, sex: str, serial: int) -> None:
    iin = make_iin(birth_date, sex, serial)
    if iin is None:
        # never issued: both passes give 10 for these eleven digits
        digit = {(18, "male"): 1, (18, "female"): 2, (19, "male"): 3, (19, "female"): 4}
        digit |= {(20, "male"): 5, (20, "female"): 6}
        first11 = f"{birth_date:%y%m%d}{digit[(birth_date.year // 100, sex)]}{serial:04d}"
        assert iin_check_digit(first11) is None
        return
    result = check_iin(iin)
    assert result.valid, result
    assert (result.birth_date, result.sex, result.century) == (birth_date, sex, birth_date.year // 100 * 100)
    assert iin[7:11] == f"{serial:04d}"


@given(
    birth_date=BIRTH_DATES, sex=SEXES, serial=SERIALS, position=st.integers(0, 11), delta=st.integers(1, 9)
)
def test_single_digit_change_is_detected(
    birth_date: dt.date, sex: str, serial: int, position: int, delta: int
) -> None:
    """A one-digit typo is caught — except where the published algorithm cannot catch it.

    The eleventh digit has weight 11 ≡ 0 (mod 11) in the first pass, so a typo
    there is caught only when the second pass is in play; and a typo that moves
    the number between the first and the second pass may coincide by chance.
    """
    iin = make_iin(birth_date, sex, serial)
    assume(iin is not None)
    assert iin is not None
    changed = iin[:position] + str((int(iin[position]) + delta) % 10) + iin[position + 1 :]
    result = check_iin(changed)
    switched_pass = (_first_pass(iin[:11]) == 10) != (_first_pass(changed[:11]) == 10)
    blind_spot = position == 10 and _first_pass(iin[:11]) != 10
    if not (switched_pass or blind_spot):
        assert not result.valid
        assert result.error in {"century", "birth_date", "check_digit", "never_issued"}


def test_eleventh_digit_blind_spot_is_real() -> None:
    """Document the algorithm's weakness so that nobody "fixes" the checker into rejecting valid IINs."""
    iin = make_iin(dt.date(1990, 5, 17), "female", 123)
    assert iin == "900517401231"
    typo = iin[:10] + "9" + iin[11]
    assert _first_pass(iin[:11]) != 10 and _first_pass(typo[:11]) != 10
    assert check_iin(typo).valid


@pytest.mark.parametrize(
    ("birth_date", "sex", "serial"),
    [(dt.date(1799, 12, 31), "male", 1), (dt.date(2100, 1, 1), "female", 1), (dt.date(1990, 1, 1), "x", 1)],
)
def test_make_iin_rejects_what_no_iin_encodes(birth_date: dt.date, sex: str, serial: int) -> None:
    with pytest.raises(ValueError):
        make_iin(birth_date, sex, serial)


@pytest.mark.parametrize("serial", [-1, 10_000])
def test_make_iin_rejects_bad_serial(serial: int) -> None:
    with pytest.raises(ValueError):
        make_iin(dt.date(1990, 1, 1), "male", serial)


def test_make_iin_returns_none_when_never_issued() -> None:
    first11 = _never_issued_first11("9005174")
    assert make_iin(dt.date(1990, 5, 17), "female", int(first11[7:])) is None


# --- BIN --------------------------------------------------------------------------

VALID_BIN = _with_check_digit("08074000001")  # registered July 2008, resident, head office


def test_valid_bin_decoded() -> None:
    result = check_bin(VALID_BIN)
    assert result.valid and result.error is None
    assert (result.registration_year, result.registration_month) == (8, 7)
    assert (result.entity_type, result.attribute) == ("resident", "head_office")


@pytest.mark.parametrize(
    ("first11", "entity_type", "attribute"),
    [
        ("95015100002", "non_resident", "branch"),
        ("12126200001", "joint_entrepreneurship", "representative_office"),
        ("21034300001", "resident", "peasant_farm"),
    ],
)
def test_bin_types_and_attributes(first11: str, entity_type: str, attribute: str) -> None:
    result = check_bin(_with_check_digit(first11))
    assert result.valid
    assert (result.entity_type, result.attribute) == (entity_type, attribute)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("0807400000", "length"),
        ("08074000000x", "digits"),
        (_with_check_digit("08004000001"), "month"),
        (_with_check_digit("08134000001"), "month"),
        (_with_check_digit("08073000001"), "type"),
        (_with_check_digit("08077000001"), "type"),
        (_with_check_digit("08074400001"), "attribute"),
        (VALID_BIN[:11] + str((int(VALID_BIN[11]) + 1) % 10), "check_digit"),
        (_never_issued_first11("080740") + "0", "never_issued"),
        # an IIN is not a BIN: its fifth digit is the first digit of the birth day
        ("800416100254", "type"),
    ],
)
def test_bin_errors(text: str, error: str) -> None:
    result = check_bin(text)
    assert not result.valid
    assert result.error == error


# --- phones ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("+7 701 234 56 78", "+77012345678"),
        ("8 701 234 5678", "+77012345678"),
        ("87012345678", "+77012345678"),
        ("+77012345678", "+77012345678"),
        ("+7 (7172) 12-34-56", "+77172123456"),
        ("8 (727) 250-50-50", "+77272505050"),
        ("+7 700 000 00 01", "+77000000001"),
        (" +7 747 000 00 05 ", "+77470000005"),
    ],
)
def test_kazakh_numbers_are_valid(text: str, e164: str) -> None:
    result = check_phone(text)
    assert result.valid and result.error is None
    assert result.e164 == e164


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("+7 916 123 45 67", "foreign"),  # Russia shares +7
        ("8 916 123 45 67", "foreign"),
        ("+7 701 234 56", "invalid"),
        ("+7 701 234 56 78 90", "invalid"),
        ("+7 727 000 00 01", "invalid"),
        ("+7 701 FLOWERS", "not_a_number"),
        ("тел. +7 701 234 56 78", "not_a_number"),
        ("+7 701 234 56 78, +7 702 000 00 01", "not_a_number"),
        ("+", "not_a_number"),
    ],
)
def test_phone_errors(text: str, error: str) -> None:
    result = check_phone(text)
    assert not result.valid
    assert result.error == error
    assert result.e164 is None


@pytest.mark.parametrize(
    ("e164", "expected"),
    [
        ("+77012345678", "+7 701 234 56 78"),
        ("+77000000001", "+7 700 000 00 01"),
        ("+77172123456", "+7 7172 12 34 56"),
        ("+77272505050", "+7 7272 50 50 50"),
        ("not a number", "not a number"),
    ],
)
def test_format_phone(e164: str, expected: str) -> None:
    assert format_phone(e164) == expected


@given(st.integers(0, 9_999_999))
def test_formatted_mobile_reads_back(subscriber: int) -> None:
    e164 = f"+7701{subscriber:07d}"
    result = check_phone(format_phone(e164))
    assert result.valid and result.e164 == e164


# --- e-mail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "observer@example.org",
        "a.b-c+d@mail.example.kz",
        " x@example.kz ",
        "x@сайлау.қаз",
        "o'neil@example.com",
    ],
)
def test_good_emails(text: str) -> None:
    assert check_email(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "observer",
        "observer@",
        "@example.org",
        "a@@example.org",
        "a@b@example.org",
        "a b@example.org",
        "a@exa mple.org",
        "a@example",
        "a@example.",
        "a@.example.org",
        "a@-example.org",
        "a@example-.org",
        "a@example..org",
        ".a@example.org",
        "a.@example.org",
        "a..b@example.org",
        "a@example.o",
        "a@example.123",
        "a@ex_ample.org",
        "a" * 65 + "@example.org",
        "a@" + "b" * 250 + ".org",
    ],
)
def test_bad_emails(text: str) -> None:
    assert not check_email(text)


def test_importing_ids_is_cheap() -> None:
    code = (
        "import sys, kzcomplaint.core.case.ids; print(sorted({'phonenumbers', 'dateparser'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
