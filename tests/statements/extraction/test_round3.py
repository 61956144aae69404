"""Third generalisation round (issue 6): made-up stories for each new rule (none from the corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from statements.extraction import extract
from statements.extraction.dates import find_dates
from statements.extraction.sentences import paragraphs, sentences
from statements.extraction.types import Span

WED = dt.date(2022, 8, 17)  # a Wednesday


def _dates(text: str, pub: dt.date = WED) -> list[str]:
    paras = paragraphs(text, Span(0, len(text)), ())
    return [d.date.iso() for d in find_dates(text, sentences(text, paras), pub)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # "last <weekday>" is seven to thirteen days back (the past six days are named bare)
        ("Envoys met last Monday in Oslo.", "2022-08-08"),
        ("Envoys met last Thursday in Oslo.", "2022-08-04"),
        # "<month> of last year", "<month> next year"
        ("They first met in October of last year.", "2021-10"),
        ("A summit is planned for March next year.", "2023-03"),
        # "last August" in an August article is a year back, "next August" a year ahead
        ("They last met in Lima last August.", "2021-08"),
        ("They plan to meet again next August.", "2023-08"),
        # "the end of <month>" is a month
        ("The envoys are due to meet again at the end of September.", "2022-09"),
        # a clause without a verb takes the tense of the clause it hangs from
        (
            "The envoys will meet their hosts, Minister Ana Ruiz and Minister Leo Sal, in Lima on Monday.",
            "2022-08-22",
        ),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert _dates(text) == [iso]


def test_a_month_anchors_a_count_of_months() -> None:
    # "two months after" counts from the month told in the same sentence, not from the report
    got = _dates(
        "He last came in May 2020, when he signed a pact two months after the talks collapsed."
    )
    assert got == ["2020-05", "2020-03"]


STORY = """Envoys meet in Lima

August 17, 2022

LIMA — President Rosa Vidal of Peru met President Tomas Ferro of Chile in Lima on Wednesday.

Vidal last visited the presidential palace in Santiago in April 2020, when she met Ferro two months after the collapse of the Quito summit.

Trade officials from Lima and Santiago held their first fisheries dialogue in three years last Monday.

The last Chilean leader to travel to Lima was Jorge Pardo, in 2009.
"""


def _by_date(ex) -> dict[str | None, set[str]]:
    return {
        m.start.iso() if m.start else None: {p.actor for p in m.participants} for m in ex.meetings
    }


def test_a_when_clause_takes_the_date_of_its_clause_not_another_meetings() -> None:
    got = _by_date(extract(STORY))
    # the "when" clause's meeting is April 2020, the collapsed summit's date is not its own
    assert got.get("2020-04") == {"Rosa Vidal", "Tomas Ferro"}


def test_capitals_stand_for_their_states_as_parties() -> None:
    ex = extract(STORY)
    got = _by_date(ex)
    # "officials from Lima and Santiago held … dialogue … last Monday"
    assert got.get("2022-08-08") == {"Peru", "Chile"}
    # "to travel to Lima was Jorge Pardo, in 2009": the visited state is a party
    assert got.get("2009") == {"Jorge Pardo", "Peru"}
    aliases = {a.name: a.aliases for a in ex.actors}
    assert "Santiago" in aliases["Chile"]


def test_a_capital_as_a_place_is_not_its_state() -> None:
    ex = extract(
        "Talks\n\nAugust 17, 2022\n\nMinister Ana Ruiz, a former Lima correspondent, met "
        "Minister Leo Sal at Lima's airport on Wednesday.\n"
    )
    assert not any(a.name == "Peru" for a in ex.actors)
