"""Sizes of the map's parts, shared by the canvas and the PDF (points)."""

from __future__ import annotations

from typing import NamedTuple

from .text import TextStyle


class Style(NamedTuple):
    """A named tuple, as `TextStyle` is (a dataclass of 34 fields took 1 ms of every start to make).
    A layout's memo tells styles apart by identity: comparing or hashing every field on each look-up
    would cost more than the measuring it saves."""

    margin: float = 24
    lane_header_width: float = 156
    stage_min_width: float = 212
    card_width: float = 184  # the narrowest card: cards widen to share their stage's width
    card_padding: float = 8
    card_gap: float = 10
    cell_padding: float = 14
    lane_min_height: float = 72
    marker_row: float = 18
    title: TextStyle = TextStyle(20, bold=True)
    description: TextStyle = TextStyle(10)
    persona: TextStyle = TextStyle(9.5, bold=True)
    stage_name: TextStyle = TextStyle(13, bold=True)
    stage_text: TextStyle = TextStyle(9)
    stage_funnel: TextStyle = TextStyle(9, bold=True)
    lane_name: TextStyle = TextStyle(11, bold=True)
    lane_kind: TextStyle = TextStyle(8)
    card_title: TextStyle = TextStyle(10.5, bold=True)
    card_text: TextStyle = TextStyle(9)
    link_label: TextStyle = TextStyle(8.5)
    card_text_lines: int = 8
    card_title_lines: int = 4
    stage_goal_lines: int = 3
    stage_question_lines: int = 4
    description_lines: int = 2
    personas_shown: int = 3
    emotion_step: float = 26
    emotion_dot: float = 12
    link_label_width: float = 110
    title_photo: float = 56  # the diameter of the persona's photo beside the title
    title_photo_column: float = 96  # the widest the persona's name under the photo is
    title_photo_gap: float = 14  # between the photo's column and the title's text
    title_note: float = 0  # room left under the title for what the layout's caller draws there (a comparison's summary)
    stage_note: float = 0  # room left at the foot of each stage header for the caller's note (a funnel's change)


DEFAULT_STYLE = Style()
