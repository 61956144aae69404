"""Round 8 (session of 30 Nov, dev set h11–h34): made-up stories, none from the corpus."""

from __future__ import annotations

from statements.extraction import extract


def _own(ex):
    return [m for m in ex.meetings if not m.mentioned_only]


def test_host_with_two_guests_named_by_their_states_titles() -> None:
    text = (
        "Negotiators return to the table\n\nMay 14, 2025\n\n"
        "GENEVA — UN envoy Maria Lindqvist hosted Armenia's chief negotiator Aram Petrosyan and "
        "Azerbaijan's chief negotiator Elchin Mammadov for talks on Wednesday.\n\n"
        '"It was useful," Lindqvist said.\n'
    )
    own = _own(extract(text))
    assert len(own) == 1
    assert {p.actor for p in own[0].participants} == {
        "Maria Lindqvist",
        "Aram Petrosyan",
        "Elchin Mammadov",
    }
    assert str(own[0].start.value) == "2025-05-14"


def test_meeting_two_guests_separately_is_not_one_three_way_meeting() -> None:
    text = (
        "Talks in Ankara\n\nDecember 12, 2024\n\n"
        "ANKARA — President Recep Tayyip Erdogan met Ethiopian Prime Minister Abiy Ahmed and "
        "Somali President Hassan Sheikh Mohamud separately on Wednesday.\n"
    )
    own = _own(extract(text))
    assert {frozenset(p.actor for p in m.participants) for m in own} >= {
        frozenset({"Recep Tayyip Erdogan", "Abiy Ahmed"}),
        frozenset({"Recep Tayyip Erdogan", "Hassan Sheikh Mohamud"}),
    }
    assert all(len(m.participants) == 2 for m in own)


def test_lede_of_ministers_of_listed_states_is_their_meeting() -> None:
    text = (
        "Neighbours pledge joint push\n\nMar 9, 2025\n\n"
        "VIENTIANE — The foreign ministers of Laos, Thailand and Cambodia agreed on Sunday to "
        "set up a joint border commission.\n\n"
        '"This is a new start," Thai Foreign Minister Maris Sangiampongsa told reporters. '
        "Lao Foreign Minister Thongsavanh Phomvihane and Cambodian Foreign Minister Prak Sokhonn "
        "also spoke.\n"
    )
    own = _own(extract(text))
    assert len(own) == 1
    assert [p.actor for p in own[0].participants] == [
        "Thongsavanh Phomvihane",
        "Maris Sangiampongsa",
        "Prak Sokhonn",
    ]
    assert str(own[0].start.value) == "2025-03-09"
    assert own[0].place == "Vientiane"


def test_lede_listing_states_without_their_officials_keeps_the_states() -> None:
    text = (
        "Amazon nations sign declaration\n\nAugust 9, 2023\n\n"
        "BELEM, Brazil — Brazil, Bolivia, Colombia and Peru signed a declaration on Tuesday "
        "to fight deforestation.\n\n"
        "The text set no deadline, officials said.\n"
    )
    own = _own(extract(text))
    assert [p.actor for p in own[0].participants] == ["Brazil", "Bolivia", "Colombia", "Peru"]
    assert str(own[0].start.value) == "2023-08-08"


def test_planned_group_meeting_in_the_lede_is_not_the_articles_own() -> None:
    text = (
        "Ministers to meet\n\nMar 9, 2025\n\n"
        "AMMAN — The foreign ministers of Jordan, Iraq and Lebanon will meet in Baghdad next "
        "month to discuss border security.\n"
    )
    assert _own(extract(text)) == []
