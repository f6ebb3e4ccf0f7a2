"""Figures written as a Russian or an English reader expects them: 10 000 and 10,000, 2,75 and 2.75,
28,1 % and 28.1%. Shared by the map's headers and cards, the reports and the Analytics dock; a
missing figure is a dash."""

from __future__ import annotations

NBSP = "\u00a0"  # keeps a number with its unit and the groups of its digits on one line
MISSING = "—"


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
