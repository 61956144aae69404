"""Round 5 (meetings and actors on unseen articles): made-up stories, none from the corpus."""

from __future__ import annotations

from statements.extraction import extract


def _actor_names(text: str) -> set[str]:
    return {a.name for a in extract(text).actors}


def test_names_with_latin_extended_letters() -> None:
    text = (
        "Ministers meet on river traffic\n\nMay 4, 2022\n\n"
        "Czech Foreign Minister Tomáš Petříček met Polish diplomat Jarosław Wałęsa in Prague. "
        '"The river unites us," Wałęsa said.\n'
    )
    names = _actor_names(text)
    assert "Tomáš Petříček" in names
    assert "Jarosław Wałęsa" in names


def test_header_fields_separated_by_dots_give_author_outlet_and_date() -> None:
    text = (
        "Ministers agree on river traffic\n\nStandfirst on the talks in one line\n\n"
        "Jane Roe · Daily Planet · Posted: May 4, 2022 4:05 PM EDT | Last Updated: May 4\n\n"
        "Social Sharing\n\n"
        'Ministers met on Tuesday. "We agreed," Foreign Minister Ann Berg said.\n'
    )
    ex = extract(text)
    assert ex.article.published is not None and ex.article.published.date().isoformat() == (
        "2022-05-04"
    )
    assert ex.article.authors == ("Jane Roe",)
    assert ex.article.publisher == "Daily Planet"


def test_header_author_list_before_numeric_date_field() -> None:
    ex = extract(
        "River deal signed\n\nJane Roe, John Doe  |04.05.2022 - Update : 04.05.2022\n\nLIMA\n\n"
        'Ministers met on Tuesday. "We agreed," Foreign Minister Ann Berg said.\n'
    )
    assert ex.article.authors == ("Jane Roe", "John Doe")


def test_header_authors_separated_by_bars_above_date_line() -> None:
    ex = extract(
        "River deal signed\n\nJane Roe | John Doe\n\nPublished May 4, 2022\n\n"
        'Ministers met on Tuesday. "We agreed," Foreign Minister Ann Berg said.\n'
    )
    assert ex.article.authors == ("Jane Roe", "John Doe")


def test_header_author_in_capitals_alone_above_date_line() -> None:
    ex = extract(
        "River deal signed\n\nJANE DOE-ROE\n\nUpdated 04 May 2022\n\n"
        'Ministers met on Tuesday. "We agreed," Foreign Minister Ann Berg said.\n'
    )
    assert ex.article.authors == ("Jane Doe-Roe",)
