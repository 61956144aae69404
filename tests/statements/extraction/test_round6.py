"""Round 6 (speakers and actors on unseen articles): made-up stories, none from the corpus."""

from __future__ import annotations

from statements.extraction import extract


def _speakers(text: str) -> list[str | None]:
    return [s.speaker for s in extract(text).statements]


def test_surname_with_courtesy_title_goes_to_the_person_introduced_with_it() -> None:
    text = (
        "Ministers discuss river trade\n\nMay 4, 2022\n\n"
        "Prime Minister Arthur Teller met the visiting delegation in Lisbon on Tuesday.\n\n"
        '"We are ready to sign," Mr Teller said.\n\n'
        "Dr Maria Teller, a researcher at a local institute, followed the talks.\n\n"
        '"The deal will need time," Dr Teller said.\n'
    )
    assert _speakers(text) == ["Arthur Teller", "Maria Teller"]


def test_title_words_before_a_name_are_not_part_of_it() -> None:
    text = (
        "Envoy hosts river talks\n\nMay 4, 2022\n\n"
        "EU Special Representative Jonas Halvorsen hosted the two delegations in Brussels.\n\n"
        '"The talks were useful," Halvorsen said.\n'
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Jonas Halvorsen"]
    assert not any(a.name.startswith("Special") for a in ex.actors)


def test_pronoun_goes_to_a_subject_behind_capitalised_modifiers() -> None:
    text = (
        "Leaders meet on river trade\n\nMay 4, 2022\n\n"
        '"We will sign soon," President Paul Rider said in Lisbon on Tuesday.\n\n'
        "Upper Valley's Regional Governor Ada Kline welcomed the talks but asked for a seat. "
        '"Nobody asked us," she said.\n'
    )
    assert _speakers(text) == ["Paul Rider", "Ada Kline"]


def test_cantonese_and_hokkien_family_names_come_first() -> None:
    text = (
        "Ministers discuss river trade\n\nMay 4, 2022\n\n"
        "Prime Minister Arthur Chua met the visiting delegation in Lisbon on Tuesday.\n\n"
        '"We are ready to sign," Mr Chua said.\n\n'
        "Dr Chua Siew Ling, a researcher at a local institute, followed the talks.\n\n"
        '"The deal will need time," Dr Chua said.\n'
    )
    assert _speakers(text) == ["Arthur Chua", "Chua Siew Ling"]


def test_lead_with_a_dateline_above_the_date_line_is_body_not_standfirst() -> None:
    text = (
        "Two states agree to speed up river talks\n\n"
        "LISBON: Portugal and Spain will step up talks on river traffic, "
        "Foreign Minister Ana Prado said on Monday.\n\n"
        "07 Apr 2025 06:45PM (Updated: 07 Apr 2025 08:12PM)\n\n"
        "The two ministers met for two hours.\n"
    )
    ex = extract(text)
    assert ex.article.published is not None and ex.article.published.day == 7
    assert [s.speaker for s in ex.statements] == ["Ana Prado"]
    assert ex.article.body.start < text.index("LISBON") + 1


def test_month_after_a_place_is_a_date_not_part_of_the_place() -> None:
    text = (
        "Leaders to meet again\n\nMay 14, 2025\n\n"
        "President Ivo Marek and Prime Minister Lena Sova last held a meeting in Lisbon in "
        "October 2023.\n"
    )
    places = [m.place for m in extract(text).meetings]
    assert "Lisbon" in places
    assert not any(p and "October" in p for p in places)


def test_date_of_the_meeting_named_after_since_stays() -> None:
    text = (
        "Leaders to meet again\n\nMay 14, 2025\n\n"
        "President Ivo Marek and Prime Minister Lena Sova have not met face to face since a "
        "failed meeting in Lisbon in October 2023.\n"
    )
    starts = [m.start for m in extract(text).meetings]
    assert any(s is not None and (s.value.year, s.value.month) == (2023, 10) for s in starts)


def test_publisher_from_a_source_line_with_editors_initials() -> None:
    text = (
        "Ministers meet on river traffic\n\nMay 4, 2022\n\n"
        '"We agreed," Foreign Minister Ann Berg said in Lisbon on Tuesday.\n\n'
        "Source: Daily Planet/jr(mk)\n"
    )
    assert extract(text).article.publisher == "Daily Planet"


def test_publisher_from_a_copyright_line_with_a_company_form() -> None:
    text = (
        "Ministers meet on river traffic\n\nMay 4, 2022\n\n"
        '"We agreed," Foreign Minister Ann Berg said in Lisbon on Tuesday.\n\n'
        "© 2025 The Daily Planet DAC\n"
    )
    assert extract(text).article.publisher == "The Daily Planet"


def test_according_to_a_body_with_its_acronym_in_parentheses() -> None:
    text = (
        "Ministers meet\n\nMay 4, 2022\n\n"
        "Foreign Minister Ann Berg met her Spanish counterpart in Lisbon on Tuesday.\n\n"
        "According to Portugal's Ministry of Foreign Affairs (MFA), the ministers also "
        "discussed trade and the sea.\n"
    )
    sts = extract(text).statements
    assert [s.text for s in sts] == ["the ministers also discussed trade and the sea"]


def test_according_to_the_demonym_government() -> None:
    text = (
        "Ministers meet\n\nMay 4, 2022\n\n"
        "Foreign Minister Ann Berg met her Spanish counterpart in Lisbon on Tuesday.\n\n"
        "According to the Spanish government, the ministers also discussed trade and the sea.\n"
    )
    sts = extract(text).statements
    assert [(s.speaker, s.text) for s in sts] == [
        ("Spanish government", "the ministers also discussed trade and the sea")
    ]


def test_trailing_according_to_the_demonym_presidency() -> None:
    text = (
        "Leaders meet\n\nMay 4, 2022\n\n"
        "President Ann Berg met her Spanish counterpart in Lisbon on Tuesday.\n\n"
        "Spain's Prime Minister Luis Vega joined by video link, according to the Spanish "
        "presidency.\n"
    )
    sts = extract(text).statements
    assert [s.speaker for s in sts] == ["Spanish presidency"]


def test_the_statement_said_goes_to_whoever_issued_the_statement() -> None:
    text = (
        "Ministers meet\n\nMay 4, 2022\n\n"
        "Foreign Minister Ann Berg met her Spanish counterpart in Lisbon on Tuesday.\n\n"
        "The ministers agreed to meet again in Madrid next month, the Spanish Foreign Ministry "
        "said in a statement. The statement said the next meeting would also review river "
        "traffic.\n"
    )
    sts = extract(text).statements
    last = [s for s in sts if "river traffic" in s.text]
    assert [s.speaker for s in last] == ["Foreign Ministry of Spain"]


def test_unnamed_official_with_a_rank_before_the_body() -> None:
    text = (
        "Ministers meet\n\nMay 4, 2022\n\n"
        "Foreign Minister Ann Berg met her Spanish counterpart in Lisbon on Tuesday.\n\n"
        "A senior NATO diplomat, speaking on condition of anonymity, said the alliance hoped "
        "to bring the two together soon.\n"
    )
    assert _speakers(text) == ["senior NATO diplomat"]


def test_spokesperson_for_a_named_person() -> None:
    text = (
        "Ministers meet\n\nMay 4, 2022\n\n"
        "Foreign Minister Ann Berg met her Spanish counterpart in Lisbon on Tuesday.\n\n"
        "A spokesman for Berg said the proposal had been a surprise to Portugal.\n"
    )
    assert _speakers(text) == ["spokesman for Berg"]
