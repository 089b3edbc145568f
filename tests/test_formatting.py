"""Swedish number formatting: the whole-number fast path of `number` gives what the general path gives."""

from __future__ import annotations

import pytest

from faktabank.text import formatting
from faktabank.text.formatting import MINUS, NBSP, amount, number


def _general(value: object, signed: bool = False) -> str:
    """`number` by its general path: a float of the same value takes it (ints up to 2**53 are exact)."""
    return number(float(value), signed=signed) if isinstance(value, int) else number(value, signed=signed)


@pytest.mark.parametrize("value", [0, 1, -1, 7, 999, 1000, -1000, 58818, -58818, 4511722, 10**12, -(10**15)])
def test_whole_numbers_read_as_the_general_path_gives(value: int) -> None:
    assert number(value) == _general(value)
    assert number(value, signed=True) == _general(value, signed=True)


def test_swedish_form() -> None:
    assert number(4511722) == f"4{NBSP}511{NBSP}722"
    assert number(-58818) == f"{MINUS}58{NBSP}818"
    assert number(5, signed=True) == "+5"
    assert number(0.5) == "0,5"
    assert number(True) == "True" and number(None) == "" and number("ej angivet") == "ej angivet"
    assert amount(93, "procent") == f"93{NBSP}%"
    assert amount(-59, "tkr") == f"{MINUS}59{NBSP}tkr"


def test_the_fast_path_is_taken_for_plain_ints_only() -> None:
    class Int(int):
        pass

    assert number(Int(1234)) == f"1{NBSP}234"  # a subclass takes the general path, with the same result
    assert formatting.number(False) == "False"
