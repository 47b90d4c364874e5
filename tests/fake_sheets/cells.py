"""Cell values: what RAW and USER_ENTERED store, and how FORMATTED_VALUE, UNFORMATTED_VALUE and FORMULA render it.

A stored cell is a plain Python value (str, int, float, bool) or one of the small classes below. An empty cell is
simply absent from its sheet. There is no formula engine: a formula made only of numbers, + - * / ^ and
parentheses is computed; any other formula renders as #NAME? (FORMULA still returns its text).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SKIP = object()   # JSON null in a write: the cell is left as it is
CLEAR = object()  # "" in a write: the cell becomes empty

_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_EXACT_INT_LIMIT = 2 ** 53  # Sheets stores every number as a double
RENDER_OPTIONS = ("FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA")
INPUT_OPTIONS = ("RAW", "USER_ENTERED")


@dataclass(frozen=True)
class Formula:
    text: str


@dataclass(frozen=True)
class GroupedNumber:
    """A number typed with thousands separators ("2,000,000.01"): Sheets keeps that format for display."""

    value: float
    decimals: int


@dataclass(frozen=True)
class CellError:
    code: str  # "#NAME?", "#DIV/0!"


class BadValue(ValueError):
    """A JSON value a cell cannot hold (an object or a list)."""


def _number(value: int | float) -> int | float:
    if isinstance(value, int) and abs(value) >= _EXACT_INT_LIMIT:
        return float(value)
    return value


def parse_input(value: object, option: str) -> object:
    """The stored value for one JSON cell written with `option` (RAW or USER_ENTERED); SKIP or CLEAR."""
    if value is None:
        return SKIP
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise BadValue(value)
        return _number(value)
    if not isinstance(value, str):
        raise BadValue(value)
    if value == "":
        return CLEAR
    if option == "RAW":
        return value  # RAW keeps text exactly: "007", "=1+2" and "TRUE" stay strings
    return parse_typed(value)


def parse_typed(text: str) -> object:
    """What Sheets makes of text typed into a cell (USER_ENTERED)."""
    if text == "":
        return CLEAR
    if text.startswith("'"):
        return text[1:] or CLEAR  # a leading apostrophe forces text
    if text.startswith("=") and len(text) > 1:
        return Formula(text)
    if text.upper() in ("TRUE", "FALSE"):
        return text.upper() == "TRUE"
    if _NUMBER.match(text):
        if re.match(r"^[+-]?\d+$", text):
            return _number(int(text))  # "0042" -> 42: the leading zeros are lost, as in Sheets
        return float(text)
    if _GROUPED.match(text):
        digits = text.replace(",", "")
        decimals = len(digits.partition(".")[2])
        return GroupedNumber(float(digits), decimals)
    return text


def evaluate(formula: Formula) -> object:
    """The value of a formula of plain arithmetic; CellError for anything else."""
    try:
        return _number(_Arithmetic(formula.text[1:]).parse())
    except ZeroDivisionError:
        return CellError("#DIV/0!")
    except (ValueError, OverflowError):
        return CellError("#NAME?")


class _Arithmetic:
    """expr := term (('+'|'-') term)*; term := power (('*'|'/') power)*; power := unary ('^' unary)*;
    unary := ('+'|'-') unary | number | '(' expr ')'."""

    _TOKEN = re.compile(r"\s*(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+|[-+*/^()])")

    def __init__(self, text: str):
        self.tokens, position = [], 0
        text = text.rstrip()
        while position < len(text):
            match = self._TOKEN.match(text, position)
            if not match:
                raise ValueError(text)
            self.tokens.append(match.group(1))
            position = match.end()
        self.i = 0

    def parse(self) -> float | int:
        value = self._expr()
        if self.i != len(self.tokens):
            raise ValueError("trailing tokens")
        return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 1e15 else value

    def _peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self) -> str:
        if self.i >= len(self.tokens):
            raise ValueError("unexpected end")
        self.i += 1
        return self.tokens[self.i - 1]

    def _expr(self):
        value = self._term()
        while self._peek() in ("+", "-"):
            value = value + self._term() if self._take() == "+" else value - self._term()
        return value

    def _term(self):
        value = self._power()
        while self._peek() in ("*", "/"):
            if self._take() == "*":
                value = value * self._power()
            else:
                value = value / self._power()
        return value

    def _power(self):
        value = self._unary()
        while self._peek() == "^":
            self._take()
            value = float(value) ** self._unary()
            if isinstance(value, complex):
                raise ValueError("no real result")
        return value

    def _unary(self):
        token = self._take()
        if token == "-":
            return -self._unary()
        if token == "+":
            return self._unary()
        if token == "(":
            value = self._expr()
            if self._take() != ")":
                raise ValueError("missing )")
            return value
        if token[0].isdigit() or token[0] == ".":
            return float(token) if any(c in token for c in ".eE") else int(token)
        raise ValueError(token)


def format_general(number: int | float) -> str:
    """Sheets' default 'General' number format: 4 -> "4", 1.45 -> "1.45", 1e20 -> "1E+20"."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        number = int(number)
    if isinstance(number, int) and abs(number) < 10 ** 15:
        return str(number)
    text = format(number, ".15g")
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}E{exponent[0]}{abs(int(exponent)):02d}"
    return text


def plain_number(number: int | float) -> int | float:
    """UNFORMATTED_VALUE: JSON numbers, integers without '.0'."""
    if isinstance(number, float) and number.is_integer() and abs(number) < _EXACT_INT_LIMIT:
        return int(number)
    return number


def render(value: object, option: str) -> object:
    """One non-empty cell as the API returns it under valueRenderOption `option`."""
    if isinstance(value, Formula):
        if option == "FORMULA":
            return value.text
        value = evaluate(value)
    if isinstance(value, CellError):
        return value.code
    formatted = option == "FORMATTED_VALUE"
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE") if formatted else value
    if isinstance(value, GroupedNumber):
        return f"{value.value:,.{value.decimals}f}" if formatted else plain_number(value.value)
    if isinstance(value, (int, float)):
        return format_general(value) if formatted else plain_number(value)
    return value
