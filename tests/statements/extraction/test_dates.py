"""Relative dates resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from statements.extraction.dates import find_dates
from statements.extraction.sentences import paragraphs, sentences
from statements.extraction.types import Precision, Span

PUB = dt.date(2019, 4, 25)  # a Thursday


def _dates(text: str, pub: dt.date | None = PUB):
    paras = paragraphs(text, Span(0, len(text)), ())
    return find_dates(text, sentences(text, paras), pub)


@pytest.mark.parametrize(
    ("text", "iso", "precision", "approx"),
    [
        ("They met Thursday.", "2019-04-25", Precision.DAY, False),
        ("They met on Tuesday.", "2019-04-23", Precision.DAY, False),
        ("They will meet on Friday.", "2019-04-26", Precision.DAY, False),
        ("He stays before returning home on Friday.", "2019-04-26", Precision.DAY, False),
        ("They met last Thursday.", "2019-04-18", Precision.DAY, False),
        ("They met yesterday.", "2019-04-24", Precision.DAY, False),
        ("They meet next month.", "2019-05", Precision.MONTH, False),
        ("They met in June 2018.", "2018-06", Precision.MONTH, False),
        ("They met on June 12, 2018.", "2018-06-12", Precision.DAY, False),
        ("They met three years ago.", "2016", Precision.YEAR, True),
    ],
)
def test_single(text: str, iso: str, precision: Precision, approx: bool) -> None:
    (d,) = _dates(text)
    assert (d.date.iso(), d.date.precision, d.date.approximate) == (iso, precision, approx)


def test_offset_targets_clause() -> None:
    text = "The talks Thursday came two months after the leaders held a summit, hoping for more."
    first, second = _dates(text)
    assert first.date.iso() == "2019-04-25"
    assert second.date.iso() == "2019-02" and second.date.approximate
    assert text[second.target.start : second.target.end] == " the leaders held a summit"


def test_range() -> None:
    (d,) = _dates("They were held from 2003 through 2009.")
    assert (d.date.iso(), d.end_date.iso(), d.date.precision) == ("2003", "2009", Precision.YEAR)


def test_unknown_stays_none() -> None:
    assert _dates("They met on Thursday.", None) == ()
