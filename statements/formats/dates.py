"""Dates at their true precision, in the forms the formats want.

Parley stores a fuzzy date as (first day of the period, precision): (2019-02-01, "month")
means "some time in February 2019". Every format here writes it back at that precision and
never invents the missing day.
"""

from __future__ import annotations

import datetime as dt

DAY, MONTH, YEAR = "day", "month", "year"
_RANK = {DAY: 0, MONTH: 1, YEAR: 2}


def partial_iso(value: dt.date | None, precision: str) -> str | None:
    """ISO 8601 at the stored precision: (2019-04-25, day) → '2019-04-25',
    (2019-02-01, month) → '2019-02', (2003-01-01, year) → '2003'; no date → None."""
    if value is None:
        return None
    if precision == YEAR:
        return f"{value.year:04d}"
    if precision == MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def partial_parts(value: dt.date, precision: str) -> dict[str, int]:
    """TimelineJS's date object: {'year': 2019, 'month': 2} for a month-precision date."""
    parts = {"year": value.year}
    if precision in (DAY, MONTH):
        parts["month"] = value.month
    if precision == DAY:
        parts["day"] = value.day
    return parts


def coarsest(*precisions: str) -> str:
    """The least precise of several precisions: ('day', 'month') → 'month'."""
    return max(precisions, key=lambda p: _RANK.get(p, 0))
