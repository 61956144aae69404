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


BODY = 'Ministers met on Tuesday. "We agreed," Foreign Minister Ann Berg said.\n'


def test_publisher_from_last_copyright_line_even_if_unknown() -> None:
    ex = extract(
        "River deal signed\n\nMay 4, 2022\n\n"
        + BODY
        + "\nJane Roe/Copyright 2022 The AP. All rights reserved\n\n"
        "Copyright © 2022 riverpost\n"
    )
    assert ex.article.publisher == "Riverpost"
    assert "Riverpost" in {a.name for a in ex.actors}


def test_publisher_from_published_in_line_and_not_from_a_company() -> None:
    ex = extract(
        "River deal signed\n\nMay 4, 2022\n\n"
        + BODY
        + "\nPublished in Delta Courier, May 5th, 2022\n\n© Delta Publishing Ltd.\n"
    )
    assert ex.article.publisher == "Delta Courier"


def test_dateline_in_normal_case_with_agency_below_a_caption() -> None:
    ex = extract(
        "River deal signed\n\n04.05.2022, 17:26\n\n"
        "Ann Berg and Olaf Lind at the press conference. Photo: Jane Roe/xyz\n\n"
        "Gdansk (xyz) - " + BODY
    )
    assert ex.article.publisher == "xyz"


def _meetings(text: str) -> list[tuple[set[str], str | None]]:
    ex = extract(text)
    return [
        ({p.actor for p in m.participants}, m.start.value.isoformat() if m.start else None)
        for m in ex.meetings
    ]


def test_host_meets_two_guests_separately_gives_two_bilaterals() -> None:
    text = (
        "Mediator hosts rivals\n\nMarch 3, 2021\n\n"
        "ROME — Italian President Carlo Bianchi hosted the leaders of two rival states in Rome "
        "late Tuesday.\n\n"
        "Bianchi met Freedonian President Tomas Varga and Sylvanian Prime Minister Ilse Rudd "
        "separately at the Quirinal Complex before a joint meeting of all three.\n"
    )
    got = _meetings(text)
    pairs = [p for p, _ in got]
    assert {"Carlo Bianchi", "Tomas Varga"} in pairs
    assert {"Carlo Bianchi", "Ilse Rudd"} in pairs
    dates = {frozenset(p): d for p, d in got}
    assert (
        dates[frozenset({"Carlo Bianchi", "Ilse Rudd"})]
        == dates[frozenset({"Carlo Bianchi", "Tomas Varga"})]
    )


def test_facility_names_are_not_people() -> None:
    names = _actor_names(
        "Talks end\n\nMarch 3, 2021\n\nThe two leaders spoke to reporters at the "
        "Presidential Complex and later toured Kherson Oblast. "
        '"We agreed," Foreign Minister Ann Berg said.\n'
    )
    assert "Presidential Complex" not in names
    assert "Kherson Oblast" not in names


def test_trip_to_several_capitals_is_one_visit_per_state() -> None:
    text = (
        "Envoy tours the region\n\nMarch 3, 2021\n\n"
        "LIMA — Chilean Foreign Minister Rosa Vidal held talks in Lima on Wednesday.\n\n"
        "Lima is the first stop on a regional tour that will take Vidal to Quito on Friday, "
        "and later to Bogota and Caracas.\n"
    )
    got = _meetings(text)
    assert ({"Rosa Vidal", "Ecuador"}, "2021-03-05") in got
    assert ({"Rosa Vidal", "Colombia"}, None) in got
    assert ({"Rosa Vidal", "Venezuela"}, None) in got


def test_will_travel_to_two_capitals_is_two_visits() -> None:
    text = (
        "Mediator plans trips\n\nMarch 3, 2021\n\n"
        "ROME — Italian President Carlo Bianchi hosted talks in Rome on Tuesday.\n\n"
        "Officials said Foreign Minister Marta Conti would travel to Nairobi and Kampala "
        "next month.\n"
    )
    pairs = [p for p, _ in _meetings(text)]
    assert {"Marta Conti", "Kenya"} in pairs
    assert {"Marta Conti", "Uganda"} in pairs


def test_appositive_title_of_state_gives_country() -> None:
    ex = extract(
        "Border talks\n\nMarch 3, 2021\n\nThe talks were led by Arman Sultanov, the head of "
        'Kazakhstan\'s border service. "We agreed," Sultanov said.\n'
    )
    actor = next(a for a in ex.actors if a.name == "Arman Sultanov")
    assert actor.country == "Kazakhstan"


def test_days_of_talks_ending_on_a_day_start_earlier() -> None:
    text = (
        "Border deal close\n\nMarch 5, 2021\n\n"
        "ALMATY — Delegations from Kazakhstan and Kyrgyzstan agreed on most of their border "
        "after three days of talks in Almaty.\n\n"
        "The talks, which ended on March 4, were led by Arman Sultanov, the head of "
        "Kazakhstan's border service, and his Kyrgyz counterpart, Bolot Asanov.\n"
    )
    got = _meetings(text)
    assert ({"Arman Sultanov", "Bolot Asanov"}, "2021-03-02") in got


TRIO = (
    "Ministers meet in Gdansk\n\nMay 12, 2022\n\n"
    "Foreign Minister Piotr Nowicki (C) with his Lithuanian and Latvian counterparts, "
    "Rasa Petraitė (L) and Ilze Ozola (R), in Gdansk.\n\n"
    "The foreign ministers of Poland, Lithuania and Latvia met in Gdansk on May 12 for talks "
    "on rail links.\n\n"
    '"We agreed," Polish Foreign Minister Piotr Nowicki said. '
    "Latvian Foreign Minister Ilze Ozola said the format worked. "
    "Foreign Minister Rasa Petraitė said it was useful.\n\n"
    "Nowicki, who took office in March, met Petraitė one-on-one before the trilateral session.\n"
)


def test_respective_counterparts_get_their_own_countries() -> None:
    ex = extract(TRIO)
    country = {a.name: a.country for a in ex.actors}
    assert country["Rasa Petraitė"] == "Lithuania"
    assert country["Ilze Ozola"] == "Latvia"


def test_foreign_ministers_of_listed_states_are_the_named_ministers() -> None:
    got = _meetings(TRIO)
    assert ({"Piotr Nowicki", "Rasa Petraitė", "Ilze Ozola"}, "2022-05-12") in got


def test_meeting_before_the_session_is_on_its_day_not_the_relative_clause_date() -> None:
    got = _meetings(TRIO)
    assert ({"Piotr Nowicki", "Rasa Petraitė"}, "2022-05-12") in got


def test_bloc_ministers_last_met_is_the_blocs_meeting() -> None:
    text = (
        "Ministers meet\n\nMarch 14, 2025\n\n"
        "OTTAWA — Foreign Minister Ann Berg hosted talks on Friday.\n\n"
        "The G20 finance ministers last met in Lisbon, Portugal, in November.\n"
    )
    assert ({"G20"}, "2024-11-01") in _meetings(text)


def test_two_demonym_delegations_meet_in_a_city_of_a_third_state() -> None:
    text = (
        "Ceasefire push\n\nMarch 14, 2025\n\n"
        "OTTAWA — Foreign Minister Ann Berg hosted talks on Friday.\n\n"
        "U.S. and Peruvian delegations agreed to the plan at talks in Istanbul, Turkey, "
        "on Tuesday.\n"
    )
    pairs = [p for p, _ in _meetings(text)]
    assert {"United States", "Peru"} in pairs
    assert {"United States", "Turkey"} not in pairs


def test_then_president_is_a_title() -> None:
    names = _actor_names(
        "Commission meets\n\nMarch 3, 2021\n\nThe commission last met in 2017, when the two "
        'countries were led by then-President Amadou Diallo. "We agreed," Foreign Minister '
        "Ann Berg said.\n"
    )
    assert "Amadou Diallo" in names


def test_consultations_are_a_meeting() -> None:
    text = (
        "Governments meet\n\nMarch 3, 2021\n\n"
        "VIENNA — Austrian Chancellor Karl Huber hosted Czech Prime Minister Petr Dvorak on "
        "Tuesday.\n\n"
        "The last consultations between Huber and Dvorak took place in Prague in May 2019.\n"
    )
    assert ({"Karl Huber", "Petr Dvorak"}, "2019-05-01") in _meetings(text)


def test_mid_month_date() -> None:
    text = (
        "Border talks\n\nDecember 3, 2024\n\n"
        "ALMATY — Kazakh Foreign Minister Arman Sultanov hosted Kyrgyz Foreign Minister Bolot "
        "Asanov on Tuesday.\n\n"
        "Sultanov and Asanov last met in Osh in mid-November.\n"
    )
    assert ({"Arman Sultanov", "Bolot Asanov"}, "2024-11-01") in _meetings(text)


def test_two_rounds_in_two_months_are_two_meetings() -> None:
    text = (
        "Mediation resumes\n\nDecember 12, 2024\n\n"
        "ROME — Italian President Carlo Bianchi hosted Eritrean President Amanuel Tesfay in "
        "Rome on Wednesday.\n\n"
        "Italy's Foreign Minister Marta Conti mediated two earlier rounds of indirect talks "
        "between the Eritrean and Djiboutian foreign ministers in Rome, in July and in August.\n"
    )
    got = _meetings(text)
    assert ({"Marta Conti", "Eritrea", "Djibouti"}, "2024-07-01") in got
    assert ({"Marta Conti", "Eritrea", "Djibouti"}, "2024-08-01") in got


def test_smaller_states_are_in_the_gazetteer() -> None:
    names = _actor_names(
        "Pacific forum\n\nMarch 3, 2021\n\nLeaders from Tuvalu, Vanuatu and the Democratic "
        'Republic of Congo attended. "We agreed," Foreign Minister Ann Berg said.\n'
    )
    assert {"Tuvalu", "Vanuatu", "Democratic Republic of the Congo"} <= names


def test_ministry_named_by_capital_or_bare_demonym() -> None:
    names = _actor_names(
        "Talks\n\nMarch 3, 2021\n\nThe ministers agreed to meet again, according to Lima's "
        "Foreign Ministry.\n\nChilean Foreign Ministry spokesperson Rosa Vidal said on Tuesday "
        "that the talks were useful.\n"
    )
    assert "Foreign Ministry of Peru" in names
    assert "Foreign Ministry of Chile" in names


def test_word_spans_match_the_boundary_regex() -> None:
    import re

    from statements.extraction.names import word_spans

    hay = "Kim and Kim-Jong met Kim, Kimball and _Kim; KIM-Kim"
    for needle in ("Kim", "KIM", "Jong"):
        rx = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])")
        assert word_spans(hay, needle) == [m.span() for m in rx.finditer(hay)]
        rx = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        assert word_spans(hay, needle, hyphen=False) == [m.span() for m in rx.finditer(hay)]


def test_the_day_before_and_the_following_day_count_from_the_day_told() -> None:
    import datetime as dt

    from statements.extraction.dates import find_dates
    from statements.extraction.sentences import Sentence

    text = (
        "Berg met Ruiz on Tuesday and, the day before, Soto; she will fly to Quito on "
        "Thursday and see Lopez the following day."
    )
    got = {
        text[d.start : d.end]: d.date.value
        for d in find_dates(text, (Sentence(0, len(text), 0),), dt.date(2024, 6, 14))
    }
    assert got["the day before"] == dt.date(2024, 6, 10)
    assert got["the following day"] == dt.date(2024, 6, 21)  # Thursday is the 20th
