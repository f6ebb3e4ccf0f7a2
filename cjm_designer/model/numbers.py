"""Figures written as a Russian or an English reader expects them: 10 000 and 10,000, 2,75 and 2.75,
28,1 % and 28.1%. Shared by the map's headers and cards, the reports and the Analytics dock; a
missing figure is a dash. `parse` reads them back, in either language, for the Inspector and the CSV
import alike."""

from __future__ import annotations

import math
import re
from decimal import Decimal

NBSP = "\u00a0"  # keeps a number with its unit and the groups of its digits on one line
MISSING = "—"
SPACES = " \u00a0\u202f\u2009"  # what may group digits: space, no-break, narrow no-break and thin space
_FIGURE = re.compile(rf"(?P<sign>[+\-\u2212]?)(?P<mantissa>[0-9][0-9.,{SPACES}]*|[.,][0-9]+)"
                     r"(?:[eE](?P<exponent>[+\-\u2212]?[0-9]+))?")


def count(value: int | None, language: str) -> str:
    """A whole number with its thousands grouped."""
    if value is None:
        return MISSING
    return f"{value:,}".replace(",", NBSP if language == "ru" else ",")


def decimal(value: float | None, language: str) -> str:
    """A measured figure, whole when it is whole (never in exponent form), else as few digits as it has."""
    if value is None:
        return MISSING
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if language == "ru" else text


def percent(fraction: float | None, language: str) -> str:
    """A share (0.281) as a percentage with at most one decimal (28,1 %)."""
    if fraction is None:
        return MISSING
    text = f"{fraction * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')}{NBSP}%" if language == "ru" else f"{text}%"


def per_cent(value: float | None, language: str) -> str:
    """A figure kept in per cent (12.5, a conversion rate), its digits as `decimal` writes them:
    12,5 % or 12.5%. (`percent` takes a share, 0.125, and rounds it to one decimal.)"""
    if value is None:
        return MISSING
    return f"{decimal(value, language)}{NBSP}%" if language == "ru" else f"{decimal(value, language)}%"


class NumberError(ValueError):
    """Why a text is not the figure asked for (in English: callers show messages of their own)."""


def parse(text: str, whole: bool = False, percent: bool = False) -> float | int | None:
    """The figure in `text`, None when it is blank or the dash of a missing one.

    Reads what `count`, `decimal` and `percent` write in both languages, and what people type like
    them: a leading minus (`-` or U+2212) or plus; digits grouped in threes by spaces, no-break,
    narrow no-break or thin spaces, or by the one of `,` `.` that is not the decimal sign; `,` or
    `.` as the decimal sign (of both, the later one; a sign that occurs twice groups); an exponent;
    a trailing `%` when `percent` is asked for (28,1 % is 28.1). A lone comma before exactly three
    digits groups when a `whole` number is asked for (1,234 is 1234, as `count` writes it in
    English) and is the decimal sign otherwise (1,234 is 1.234, as `decimal` writes it in Russian).
    A `whole` figure comes back as an int. Anything else raises NumberError."""
    body = text.strip()
    if body in ("", MISSING):
        return None
    if body.endswith("%"):
        if not percent:
            raise NumberError("a per cent sign where no percentage is meant")
        body = body[:-1].rstrip()
    figure = _FIGURE.fullmatch(body)
    if figure is None:
        raise NumberError("not a number")
    integer, fraction = _digits(figure["mantissa"], whole)
    sign = "-" if figure["sign"] in ("-", "\u2212") else ""
    exponent = (figure["exponent"] or "0").replace("\u2212", "-")
    value = Decimal(f"{sign}{integer or 0}.{fraction or 0}e{exponent}")
    if not math.isfinite(float(value)):
        raise NumberError("too large a number")
    if not whole:
        return float(value)
    if value != value.to_integral_value():
        raise NumberError("not a whole number")
    return int(value)


def _digits(mantissa: str, whole: bool) -> tuple[str, str]:
    """The digits before and after the decimal sign of `mantissa`, its groups checked and dropped."""
    point = _decimal_sign(mantissa, whole)
    integer, fraction = mantissa.rsplit(point, 1) if point else (mantissa, "")
    if point and point in integer:
        raise NumberError("more than one decimal sign")
    if fraction and not fraction.isdigit():
        raise NumberError("only digits may follow the decimal sign")
    groups = re.split(f"[{SPACES},.]", integer)
    if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        raise NumberError("digits are grouped in threes, such as 10 000")
    return "".join(groups), fraction


def _decimal_sign(mantissa: str, whole: bool) -> str | None:
    """Which of `,` and `.` is the decimal sign in `mantissa`, if either is."""
    marks = [c for c in mantissa if c in ",."]
    if not marks:
        return None
    if len(set(marks)) == 2:
        return marks[-1]
    if len(marks) > 1 or whole and re.fullmatch(r"[0-9]{1,3},[0-9]{3}", mantissa):
        return None
    return marks[0]
