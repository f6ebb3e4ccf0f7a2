"""Exports for presentations and exchange: PDF drawn from the layout."""
