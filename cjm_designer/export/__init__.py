"""Exports for presentations and exchange: PDF drawn from the layout; PNG and SVG drawn from the canvas
scene (export/image.py)."""


class Cancelled(Exception):
    """An export stopped because its progress callback returned False; nothing was written."""
