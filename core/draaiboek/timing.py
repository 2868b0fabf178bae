"""Durations as people read them. Clock times are computed by :mod:`draaiboek.views`."""

from __future__ import annotations


def format_minutes(low: int, high: int | None = None) -> str:
    """'20 min', '15-20 min'."""
    return f"{low} min" if high is None or high == low else f"{low}-{high} min"
