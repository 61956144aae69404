"""Header: title, publication date/time/zone, byline."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from statements.extraction.header import parse_datetime, split_header, split_names

NY = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 25, 20197:37 AM ET", dt.datetime(2019, 4, 25, 7, 37, tzinfo=NY)),
        ("March 3, 202011:05 PM ET", dt.datetime(2020, 3, 3, 23, 5, tzinfo=NY)),
        ("Updated 3:15 PM EDT, Tue June 30, 2019", dt.datetime(2019, 6, 30, 15, 15, tzinfo=NY)),
        ("June 30, 2019 at 10:02 a.m. EDT", dt.datetime(2019, 6, 30, 10, 2, tzinfo=NY)),
        ("2019-06-30", dt.date(2019, 6, 30)),
        ("30 June 2019", dt.date(2019, 6, 30)),
        ("2019-06-30T10:00:00Z", dt.datetime(2019, 6, 30, 10, 0, tzinfo=dt.UTC)),
        ("no date here", None),
    ],
)
def test_parse_datetime(line: str, expected) -> None:
    assert parse_datetime(line) == expected


def test_glued_date_and_bare_author() -> None:
    text = (
        "Leaders Meet Again\n\nMay 2, 20198:15 PM ET\nJane Q. Doe 2017 square\n\n"
        "Jane Q. Doe\nFacebook\n\nThe leaders met on Thursday.\n"
    )
    h = split_header(text)
    assert h.title == "Leaders Meet Again"
    assert h.published == dt.datetime(2019, 5, 2, 20, 15, tzinfo=NY)
    assert h.authors == ("Jane Q. Doe",)
    assert text[h.body_start :].strip().startswith("The leaders met")
    assert [text[s.start : s.end] for s in h.noise] == ["Jane Q. Doe 2017 square", "Facebook"]


def test_byline_with_agency() -> None:
    h = split_header(
        "Title\nBy JANE DOE and JOHN ROE Associated Press\nPublished: 30 June 2019\n\nBody."
    )
    assert h.authors == ("Jane Doe", "John Roe")
    assert h.agency == "The Associated Press"
    assert h.published == dt.datetime(2019, 6, 30, 0, 0)


def test_split_names() -> None:
    assert split_names("Jane Doe, John Roe and Ann Poe") == (
        ("Jane Doe", "John Roe", "Ann Poe"),
        None,
    )


def test_masthead_and_section_label_above_the_headline() -> None:
    text = (
        "Gulf News\nUAE | Government\n\nPresident receives Kenya's Ruto in Abu Dhabi\n\n"
        "A trade pact is expected to double non-oil trade, officials say\n\n"
        "Published: January 14, 2025 19:26\nBy Nada Al Hashimi, Staff Reporter\n\n"
        "Abu Dhabi: The two leaders held talks on Tuesday.\n"
    )
    h = split_header(text)
    assert h.title == "President receives Kenya's Ruto in Abu Dhabi"
    assert h.agency == "Gulf News"
    assert h.published == dt.datetime(2025, 1, 14, 19, 26)
    assert h.authors == ("Nada Al Hashimi",)  # the role is not a name
    assert [text[s.start : s.end] for s in h.noise] == ["Gulf News", "UAE | Government"]
    assert text[h.body_start :].strip().startswith("Abu Dhabi: The two leaders")


def test_outlet_line_between_byline_and_date() -> None:
    text = (
        "NEWS | AFRICA\n\nMinisters back Nairobi talks as the crisis deepens\n\n"
        "By Joseph Wangui\nNation Media Group\n\nTuesday, February 18, 2025\n\n"
        "Foreign ministers on Monday called for a ceasefire.\n"
    )
    h = split_header(text)
    assert h.title == "Ministers back Nairobi talks as the crisis deepens"
    assert h.published == dt.datetime(2025, 2, 18, 0, 0)
    assert h.authors == ("Joseph Wangui",)
    assert h.agency == "Nation Media Group"


def test_short_headline_is_not_a_masthead() -> None:
    text = "Leaders Meet Again\n\nMay 2, 2019\n\nThe leaders met on Thursday in Hanoi.\n"
    h = split_header(text)
    assert h.title == "Leaders Meet Again"
    assert h.agency is None


def test_masthead_then_section_then_a_byline_with_a_parenthetical() -> None:
    text = (
        "Le Monde\n\nInternational\n\nFrance and Algeria announce a reset in Algiers\n\n"
        "On his first visit, the minister held talks with his counterpart.\n\n"
        "By Claire Morand (Algiers, special correspondent)\n\n"
        "Published on April 6, 2025, at 8:12 pm (Paris), updated at 9:40 pm\n\n"
        "After eight months of crisis, France and Algeria are talking again.\n"
    )
    h = split_header(text)
    assert h.title == "France and Algeria announce a reset in Algiers"
    assert h.agency == "Le Monde"
    assert h.authors == ("Claire Morand",)
    assert h.published == dt.datetime(2025, 4, 6, 20, 12)


def test_day_first_dashed_date_on_a_section_line_under_the_masthead() -> None:
    text = (
        "Buenos Aires Times\n\nLATIN AMERICA | 07-12-2024 08:30\n\n"
        "Mercosur and EU seal trade deal in Montevideo\n\n"
        "After 25 years of talks, the two blocs concluded negotiations.\n\n"
        "BY MARTINA ACOSTA\n\nMercosur leaders met in Montevideo on Friday.\n"
    )
    h = split_header(text)
    assert h.title == "Mercosur and EU seal trade deal in Montevideo"
    assert h.published == dt.datetime(2024, 12, 7, 8, 30)
    assert h.authors == ("Martina Acosta",)
    assert h.agency == "Buenos Aires Times"


def test_two_authors_an_agency_and_places_above_the_date() -> None:
    text = (
        "Balkan Insight\n\nNews\n\nWestern Balkan Leaders Back Crackdown at London Summit\n\n"
        "The prime minister hosted the summit, pressing governments to do more.\n\n"
        "Elira Kadiu, Saša Dragojlović\nBIRN\nTirana, Belgrade\nOctober 22, 2025 | 19:05\n\n"
        "Leaders of the six Western Balkan countries met in London on Wednesday.\n"
    )
    h = split_header(text)
    assert h.title == "Western Balkan Leaders Back Crackdown at London Summit"
    assert h.authors == ("Elira Kadiu", "Saša Dragojlović")
    assert h.published == dt.datetime(2025, 10, 22, 19, 5)
    assert text[h.body_start :].strip().startswith("Leaders of the six")


def test_bare_author_right_above_the_date_and_author_with_a_role() -> None:
    h = split_header(
        "Amman meeting: neighbours pledge joint push\n\n"
        "Neighbours agreed to set up a joint operations room.\n\n"
        "Selin Aydemir\nMar 9, 2025\n\nAMMAN — The ministers met on Sunday.\n"
    )
    assert h.authors == ("Selin Aydemir",) and h.published == dt.datetime(2025, 3, 9, 0, 0)
    h = split_header(
        "Peters and Brown clear the air\n\n2:14 pm on 18 March 2025\n\nShare this\n"
        "Share on Twitter\n\nHannah Tuilagi, Political Reporter\n\nThe ministers met.\n"
    )
    assert h.authors == ("Hannah Tuilagi",)
