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


def _meetings(ex) -> set[tuple[str | None, frozenset[str]]]:
    return {
        (m.start.iso() if m.start else None, frozenset(p.actor for p in m.participants))
        for m in ex.meetings
    }


def test_lede_trip_takes_the_visited_state_and_not_a_relative_clauses_date() -> None:
    ex = extract(
        "Envoys tour region\n\nAugust 17, 2022\n\nQUITO — The statement came as Foreign "
        "Minister Ana Ruiz and Trade Minister Leo Sal arrived in Lima at the start of a tour, "
        "which will take them to Santiago on Friday.\n"
    )
    main = ex.meetings[0]
    assert not main.mentioned_only
    assert [p.actor for p in main.participants] == ["Ana Ruiz", "Leo Sal", "Peru"]
    assert main.start is not None and main.start.iso() == "2022-08-17"


def test_lede_delegations_and_the_first_sentences_day() -> None:
    ex = extract(
        "Fish talks open\n\nAugust 19, 2022\n\nLIMA — The first fisheries talks between Peru "
        "and Chile opened with a row on Thursday.\n\nForeign Minister Ana Ruiz and Trade "
        "Minister Leo Sal faced Tomas Ferro, Chile's top negotiator, and Minister Jorge Pardo "
        "across a table in Lima.\n"
    )
    main = ex.meetings[0]
    assert {p.actor for p in main.participants} == {
        "Ana Ruiz",
        "Leo Sal",
        "Tomas Ferro",
        "Jorge Pardo",
    }
    assert main.start is not None and main.start.iso() == "2022-08-18"


def test_a_meeting_with_another_ordinal_is_not_the_same_meeting() -> None:
    ex = extract(
        "Second summit ends\n\nAugust 17, 2022\n\nLIMA — President Rosa Vidal held her second "
        "summit with President Tomas Ferro on Wednesday.\n\nVidal said she and Ferro had not "
        "set a date for a third summit.\n"
    )
    titles = [m.title for m in ex.meetings]
    assert any(t.startswith("Third") for t in titles), titles


def test_separate_talks_beside_the_own_meeting_share_its_date() -> None:
    ex = extract(
        "Vidal in Santiago\n\nAugust 17, 2022\n\nSANTIAGO — President Rosa Vidal held talks "
        "with President Tomas Ferro on Wednesday.\n\nA spokesman said Minister Ana Ruiz, who "
        "accompanied Vidal, had held separate talks with her counterpart, Jorge Pardo.\n"
    )
    assert ("2022-08-17", frozenset({"Ana Ruiz", "Jorge Pardo"})) in _meetings(ex)


def test_an_organisations_summit_has_it_as_party() -> None:
    ex = extract(
        "Vidal in Santiago\n\nAugust 17, 2022\n\nSANTIAGO — Analyst Jorge Pardo said the "
        "contrast with last week's NATO summit in Madrid was striking.\n"
    )
    assert any(
        {p.actor for p in m.participants} == {"NATO"} and m.start.iso() == "2022-08-10"
        for m in ex.meetings
    )


SERIES = """Fisheries talks resume

August 17, 2022

LIMA — Peruvian Minister Ana Ruiz and her Chilean counterpart Jorge Pardo held the 13th round of fisheries talks in Lima on Wednesday.

The next round of fisheries talks is expected to take place in Santiago next month.

The 12th round was held on June 3. The last such meeting in Santiago was held in May 2019.

Their previous meeting took place in Arica in March.
"""


def test_another_meeting_of_a_series_is_between_the_states() -> None:
    got = _meetings(extract(SERIES))
    # "the next round", "the last such meeting", "the 12th round": the states whose envoys meet
    assert ("2022-09", frozenset({"Peru", "Chile"})) in got
    assert ("2019-05", frozenset({"Peru", "Chile"})) in got
    assert ("2022-06-03", frozenset({"Peru", "Chile"})) in got
    # "their previous meeting" is the same people's
    assert ("2022-03", frozenset({"Ana Ruiz", "Jorge Pardo"})) in got


def test_the_three_leaders_and_a_three_way_summit() -> None:
    ex = extract(
        "Summit\n\nAugust 17, 2022\n\nLIMA — Peruvian President Rosa Vidal and Chilean "
        "President Tomas Ferro met on the sidelines of a three-way summit with Bolivian "
        "President Jorge Pardo in Lima.\n\nThe three leaders agreed to hold their next "
        "trilateral summit in Bolivia next year.\n"
    )
    got = _meetings(ex)
    assert ("2022-08-17", frozenset({"Rosa Vidal", "Tomas Ferro", "Jorge Pardo"})) in got
    assert ("2023", frozenset({"Peru", "Chile", "Bolivia"})) in got


def test_a_meeting_told_as_before_or_far_from_the_report_is_not_the_own() -> None:
    ex = extract(
        "Summit\n\nAugust 17, 2022\n\nLIMA — Earlier in the day, President Rosa Vidal met "
        "Minister Ana Ruiz.\n\nMinister Jorge Pardo met Minister Leo Sal in Quito last month."
        "\n\nVidal hosted Chilean President Tomas Ferro at the palace on Wednesday.\n"
    )
    own = [m for m in ex.meetings if not m.mentioned_only]
    assert [frozenset(p.actor for p in m.participants) for m in own] == [
        frozenset({"Rosa Vidal", "Tomas Ferro"})
    ]
    # "earlier in the day" is the report's day
    assert ("2022-08-17", frozenset({"Rosa Vidal", "Ana Ruiz"})) in _meetings(ex)


def test_counterparts_take_the_demonyms_state() -> None:
    ex = extract(
        "Talks\n\nAugust 17, 2022\n\nEnvoy Ana Ruiz will meet her Chilean counterparts, "
        "Foreign Minister Jorge Pardo and Defence Minister Leo Sal, in Lima on Monday.\n"
    )
    countries = {a.name: a.country for a in ex.actors}
    assert countries["Jorge Pardo"] == "Chile" and countries["Leo Sal"] == "Chile"


def test_states_named_only_by_demonym_are_actors() -> None:
    ex = extract(
        "Talks\n\nAugust 17, 2022\n\nLIMA — Envoy Ana Ruiz met Bolivian President Jorge Pardo "
        "on Wednesday.\n"
    )
    bolivia = next(a for a in ex.actors if a.name == "Bolivia")
    assert bolivia.aliases == ("Bolivian",)
    # not a party: the demonym is the president's
    assert all(p.actor != "Bolivia" for m in ex.meetings for p in m.participants)


@pytest.mark.parametrize(
    ("header", "authors", "publisher"),
    [
        ("Author Maria Lind\nDate 03.11.2020", ("Maria Lind",), None),
        ("Text by: Maria Lind\nIssued on: 03/11/2020 - 10:15", ("Maria Lind",), None),
        ("By political reporter Tom Hale\nPosted Tue 3 Nov 2020 at 9:12pm", ("Tom Hale",), None),
        (
            "Published Nov 3, 2020, 05:42 PM\n\nLi Wen-Y\nSenior Foreign Correspondent",
            ("Li Wen-Y",),
            None,
        ),
        ("LIMA, Nov 3, 2020 (PTI) -", (), "Press Trust of India"),
        ("EFE | Lima | 3 Nov. 2020", (), "EFE"),
    ],
)
def test_header_bylines_and_agencies(header: str, authors: tuple, publisher: str | None) -> None:
    ex = extract(f"Envoys meet\n\n{header}\n\nEnvoy Ana Ruiz met Minister Leo Sal on Tuesday.\n")
    assert ex.article.authors == authors
    assert ex.article.published is not None
    assert ex.article.publisher == publisher


def test_credit_lines_in_capitals_and_via_name_outlets() -> None:
    ex = extract(
        "Envoys meet\n\nNovember 3, 2020\n\nEnvoy Ana Ruiz met Minister Leo Sal on Tuesday.\n\n"
        "Image source, KCNA via Reuters\n\nSOURCE: AL JAZEERA AND NEWS AGENCIES\n"
    )
    media = {a.name: a.aliases for a in ex.actors if a.kind == "media"}
    assert "Reuters" in media
    assert media.get("Al Jazeera") == ("AL JAZEERA",) or ex.article.publisher == "Al Jazeera"
    assert ex.article.publisher == "Al Jazeera"


def test_attending_an_organisations_summit_and_meeting_again() -> None:
    ex = extract(
        "Visit\n\nAugust 15, 2022\n\nQUITO — President Rosa Vidal held talks with President "
        "Tomas Ferro on Monday.\n\nVidal will attend the summit of the African Union in Addis "
        "Ababa on Tuesday, where she is expected to meet Minister Jorge Pardo.\n\nThe two "
        "presidents agreed to meet again in Lima in the second half of the year.\n"
    )
    got = _meetings(ex)
    assert ("2022-08-16", frozenset({"Rosa Vidal", "African Union"})) in got
    # the "where" clause takes the day of the clause before it
    assert ("2022-08-16", frozenset({"Rosa Vidal", "Jorge Pardo"})) in got
    # "meet again … in the second half of the year": a meeting to come, not the own one
    assert ("2022", frozenset({"Rosa Vidal", "Tomas Ferro"})) in got


def test_intergovernmental_bodies_are_known() -> None:
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nEnvoy Ana Ruiz met officials of the European Commission "
        "and the Gulf Cooperation Council on Monday. The US state department welcomed it.\n"
    )
    names = {a.name for a in ex.actors}
    assert {"European Commission", "Gulf Cooperation Council", "the State Department"} <= names


def test_names_with_particles_and_given_name_short_forms() -> None:
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nCommission President Marta van der Berg and Army chief "
        "Omar Hassan al-Tayeb met President Rizal Hamdan on Monday.\n\n"
        '"We agreed," Rizal said. "It went well," van der Berg told reporters.\n'
    )
    names = {a.name for a in ex.actors if a.kind == "person"}
    assert {"Marta van der Berg", "Omar Hassan al-Tayeb", "Rizal Hamdan"} <= names
    assert "Rizal" not in names
    speakers = {st.text: st.speaker for st in ex.statements}
    assert speakers["We agreed,"] == "Rizal Hamdan"
    assert speakers["It went well,"] == "Marta van der Berg"


def test_an_organisation_introduced_with_its_acronym() -> None:
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nThe rebel Northern Liberation Front (NLF) met envoys on "
        "Monday. An NLF spokesman said the talks went well.\n"
    )
    nlf = next(a for a in ex.actors if a.name == "Northern Liberation Front")
    assert "NLF" in nlf.aliases
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nThe Andean Council on Trade Relations (ACTR) met envoys "
        "on Monday. The ACTR said the talks went well.\n"
    )
    actr = next(a for a in ex.actors if a.name == "Andean Council on Trade Relations")
    assert "ACTR" in actr.aliases


ROUNDS = """Truce talks resume

August 18, 2022

LOME — Delegations of the Westland Army Command (WAC) and the rebel Northern Liberation Front (NLF) resumed talks in Lome on Thursday.

The talks are mediated by Ghana and Togo, joined this time by a representative of the African Union.

The previous round in Lome, which opened on May 6, produced a short truce.

The last Ghana-Togo summit, held by video link in April 2021, was described by envoy Ana Ruiz as "a start."
"""


def test_armed_groups_mediators_and_hyphenated_sides() -> None:
    got = _meetings(extract(ROUNDS))
    sides = {"Westland Army Command", "Northern Liberation Front"}
    full = frozenset(sides | {"Ghana", "Togo", "African Union"})
    assert ("2022-08-18", full) in got
    assert ("2022-05-06", full) in got
    assert any(d == "2021-04" and {"Ghana", "Togo"} <= parts for d, parts in got)


def test_retreat_lede_told_and_the_two_of_three() -> None:
    ex = extract(
        "Retreat\n\nAugust 18, 2022\n\nLIMA — Council President Ana Ruiz and Commission "
        "President Leo Sal told Chilean President Tomas Ferro on Thursday that trade must be "
        "fair.\n\nThe two officials later met Premier Jorge Pardo for the summit proper, the "
        "9th in a series that began in 1998.\n\nThe leaders last held the retreat in Lima in "
        "October 2021.\n"
    )
    got = _meetings(ex)
    trio = frozenset({"Ana Ruiz", "Leo Sal", "Tomas Ferro"})
    assert ("2022-08-18", trio) in got
    assert ("2022-08-18", frozenset({"Ana Ruiz", "Leo Sal", "Jorge Pardo"})) in got
    assert any(d == "2021-10" for d, _ in got)


def test_days_of_talks_and_the_people_who_held_them_are_one_meeting() -> None:
    ex = extract(
        "Talks end\n\nAugust 19, 2022\n\nLIMA — Two days of fisheries talks between Peru and "
        "Chile ended on Friday without a deal.\n\nPeruvian Minister Ana Ruiz met Chilean "
        "Minister Jorge Pardo on Friday morning in what was the fifth round of talks.\n\n"
        "The previous round was held in Santiago last month.\n"
    )
    days = [
        (m.start.iso(), m.end.iso() if m.end else None, {p.actor for p in m.participants})
        for m in ex.meetings
        if m.start
    ]
    assert ("2022-08-18", "2022-08-19", {"Ana Ruiz", "Jorge Pardo"}) in days
    # "the previous round", with nobody named: between the states
    assert ("2022-07", None, {"Peru", "Chile"}) in days


def test_the_same_parties_a_day_apart_are_one_meeting() -> None:
    ex = extract(
        "Visit\n\nAugust 19, 2022\n\nLIMA — President Rosa Vidal held talks with President "
        "Tomas Ferro at the palace on Friday.\n\nVidal and Ferro met on Thursday evening for "
        "a dinner.\n"
    )
    pair = [
        m for m in ex.meetings if {p.actor for p in m.participants} == {"Rosa Vidal", "Tomas Ferro"}
    ]
    assert len(pair) == 1
    assert (pair[0].start.iso(), pair[0].end.iso()) == ("2022-08-18", "2022-08-19")


def test_parties_and_organisations_named_in_passing() -> None:
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nAgents hacked Liberal Party computers, said Ana Ruiz, a "
        "fellow at the Center for a New Atlantic Order and a member of the ruling Workers' "
        "Party.\n"
    )
    names = {a.name for a in ex.actors if a.kind == "organization"}
    assert {"Liberal Party", "Center for a New Atlantic Order", "Workers' Party"} <= names


@pytest.mark.parametrize(
    ("sentence", "iso", "parties"),
    [
        # a call is a meeting
        (
            "Peruvian President Rosa Vidal spoke by phone with Chilean President Tomas Ferro on Monday.",
            "2023-05-15",
            {"Rosa Vidal", "Tomas Ferro"},
        ),
        # "will host": a meeting to come
        (
            "Peruvian President Rosa Vidal will host Chilean President Tomas Ferro in Lima next week.",
            "2023-05-22",
            {"Rosa Vidal", "Tomas Ferro"},
        ),
        # two demonyms before the delegations
        (
            "Peruvian and Chilean officials held talks in Lima on Monday.",
            "2023-05-15",
            {"Peru", "Chile"},
        ),
        # a bloc's leaders or ministers
        (
            "President Rosa Vidal hosted leaders of the Association of Southeast Asian Nations on Monday.",
            "2023-05-15",
            {"Rosa Vidal", "ASEAN"},
        ),
        ("Foreign ministers from the Group of Seven met in Lima on Monday.", "2023-05-15", {"G7"}),
        # "welcomed <person>" is a meeting; a demonym does not start a name
        (
            "Saudi Crown Prince Omar bin Tariq welcomed Chilean Minister Jorge Pardo to Riyadh on Monday.",
            "2023-05-15",
            {"Omar bin Tariq", "Jorge Pardo"},
        ),
        # the own meeting two days before the report is still the report's
        (
            "President Rosa Vidal met Pope Leo at the Vatican on Saturday.",
            "2023-05-13",
            {"Rosa Vidal", "Leo"},
        ),
        # a three-day visit does not span the one-day meeting told in the same sentence
        (
            "President Rosa Vidal, who is on a three-day visit to Chile, met President Tomas Ferro on Monday.",
            "2023-05-15",
            {"Rosa Vidal", "Tomas Ferro"},
        ),
    ],
)
def test_more_meeting_shapes(sentence: str, iso: str, parties: set[str]) -> None:
    ex = extract("Title\n\nMay 15, 2023\n\nLIMA — " + sentence + "\n")
    got = [
        (m.start.iso() if m.start else None, m.end, {p.actor for p in m.participants})
        for m in ex.meetings
    ]
    assert (iso, None, parties) in got, got
    assert not any(a.name.startswith("Saudi ") for a in ex.actors if a.kind == "person")
    if iso == "2023-05-13":
        assert not ex.meetings[0].mentioned_only


def test_a_movement_and_a_states_negotiators_with_a_mediator() -> None:
    ex = extract(
        "Talks\n\nMay 15, 2023\n\nDOHA — Hamas and Israeli negotiators held talks in Doha on "
        "Monday, mediated by Qatar.\n"
    )
    assert ("2023-05-15", frozenset({"Hamas", "Israel", "Qatar"})) in _meetings(ex)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a scheduled event in the present tense is ahead
        ("The NATO summit in Lima opens on Tuesday.", [("2023-05-16", {"NATO"}, False)]),
        # "Leaders of" a bloc, capitalised at the start of the sentence
        (
            "Leaders of the Group of Seven gathered in Lima on Friday for a three-day summit.",
            [("2023-05-12", {"G7"}, False)],
        ),
        # "last met …" in the lede is not the report's meeting
        (
            "President Rosa Vidal and President Tomas Ferro last met in Quito in September.",
            [("2022-09", {"Rosa Vidal", "Tomas Ferro"}, True)],
        ),
        # the meeting a count starts from is dated by the count, and is not the report's
        (
            "The meeting came a day after Minister Ana Ruiz met Minister Leo Sal.",
            [("2023-05-14", {"Ana Ruiz", "Leo Sal"}, None)],
        ),
        # "since the November summit": that summit's month, not this meeting's
        (
            "It was the first meeting between President Rosa Vidal and President Tomas Ferro "
            "since the November summit in Quito.",
            [("2023-05-15", {"Rosa Vidal", "Tomas Ferro"}, False)],
        ),
    ],
)
def test_dates_of_scheduled_earlier_and_counted_meetings(sentence: str, expected: list) -> None:
    ex = extract("Title\n\nMay 15, 2023\n\nLIMA — " + sentence + "\n")
    got = [
        (m.start.iso() if m.start else None, {p.actor for p in m.participants}, m.mentioned_only)
        for m in ex.meetings
    ]
    for iso, parties, mentioned in expected:
        assert any(d == iso and p == parties and mentioned in (None, mo) for d, p, mo in got), got
    # and nothing else: no meeting of the report's day, no other date for these people
    assert len(got) == len(expected), got
    if "three-day" not in sentence:
        assert all(m.end is None for m in ex.meetings)


def test_an_acronym_of_something_that_is_not_a_body() -> None:
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nEnvoy Ana Ruiz said the Long Range Strike Missile (LRSM) "
        "would be deployed.\n"
    )
    assert not any(
        a.name == "Long Range Strike Missile" and a.kind == "organization" for a in ex.actors
    )


def test_a_sentence_opening_pronoun_mediation_and_this_month_ahead() -> None:
    ex = extract(
        "Title\n\nMay 15, 2023\n\nLIMA — Peruvian President Rosa Vidal will visit Chile next "
        "month, her office said.\n\nShe last met Chilean President Tomas Ferro in Quito in "
        "September. Envoys from Peru and Chile resumed talks in Quito on Monday under EU "
        "mediation. Vidal is expected to visit Bolivia in May.\n"
    )
    got = _meetings(ex)
    assert ("2022-09", frozenset({"Rosa Vidal", "Tomas Ferro"})) in got
    assert ("2023-05-15", frozenset({"Peru", "Chile", "European Union"})) in got
    assert ("2023-05", frozenset({"Rosa Vidal", "Bolivia"})) in got


def test_one_name_per_body_and_services_by_demonym() -> None:
    ex = extract(
        "Talks\n\nAugust 15, 2022\n\nPeru's Ministry of Foreign Affairs said the talks went well. "
        "The Chilean Army said it agreed. Bolivia's army said it did not.\n"
    )
    names = {a.name for a in ex.actors if a.kind == "organization"}
    assert {"Foreign Ministry of Peru", "Chilean Army", "Bolivian Army"} <= names
    speakers = {st.speaker for st in ex.statements}
    assert {"Foreign Ministry of Peru", "Chilean Army", "Bolivian Army"} <= speakers


def test_a_listed_trio_met() -> None:
    ex = extract(
        "Title\n\nMay 15, 2023\n\nCUSCO — The foreign ministers of Peru, Chile and Bolivia met in "
        "Cusco on Monday.\n"
    )
    got = _meetings(ex)
    assert ("2023-05-15", frozenset({"Peru", "Chile", "Bolivia"})) in got
    # not also a meeting of the last two
    assert ("2023-05-15", frozenset({"Chile", "Bolivia"})) not in got
