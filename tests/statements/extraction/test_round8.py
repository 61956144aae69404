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


def _said(text: str) -> list[tuple[str | None, str]]:
    ex = extract("Leaders meet\n\nApril 4, 2025\n\n" + text)
    return [(s.speaker, s.text) for s in ex.statements]


def test_pronoun_reaches_back_over_a_paragraph_that_names_no_one() -> None:
    said = _said(
        "LIMA — Peruvian President Dina Boluarte opened the forum on Friday.\n\n"
        "The summit also heard calls for a regional fund for floods.\n\n"
        "“No country can face this alone,” she said.\n"
    )
    assert said == [("Dina Boluarte", "No country can face this alone,")]


def test_quote_first_with_an_unknown_title_before_the_name() -> None:
    said = _said("“We will meet again in Dhaka,” Foreign Adviser Touhid Hossain told reporters.\n")
    assert said == [("Touhid Hossain", "We will meet again in Dhaka,")]


def test_colon_closing_a_paragraph_introduces_the_quote_that_opens_the_next() -> None:
    said = _said(
        "Nigerian President Bola Tinubu used his farewell remarks to defend his record:\n\n"
        "“We are still here. We have not lost our purpose.”\n"
    )
    assert said == [("Bola Tinubu", "We are still here. We have not lost our purpose.")]


def test_hyphenated_title_is_not_part_of_the_name() -> None:
    ex = extract(
        "Summit opens\n\nFeb 15, 2025\n\n"
        "U.N. Secretary-General António Guterres, addressing the opening session, said the "
        'debt burden was "choking" development.\n'
    )
    assert [(s.speaker, s.text) for s in ex.statements] == [("António Guterres", "choking")]


def test_more_institutions_and_blocs_are_known() -> None:
    ex = extract(
        "Deal criticised\n\nDec 7, 2024\n\n"
        'The Élysée said on Friday that the text remained "unacceptable in its current state." '
        "Leaders of the EAC and SADC met in Dar es Salaam, Downing Street said.\n"
    )
    names = {a.name for a in ex.actors}
    assert {
        "the Élysée",
        "East African Community",
        "Southern African Development Community",
    } <= names
    assert "Downing Street" in names
    assert ex.statements[0].speaker == "the Élysée"


def test_outlet_told_after_a_speakers_verb_is_not_an_inverted_cue() -> None:
    said = _said(
        "Mauritania's foreign minister, Mohamed Salem Ould Merzoug, told VOA that the year had "
        'put "the question of financing at the center."\n'
    )
    assert said == [("Mohamed Salem Ould Merzoug", "the question of financing at the center.")]


def test_words_before_a_title_are_not_part_of_the_name() -> None:
    said = _said('"There is no shortcut," Enlargement Commissioner Marta Kos told reporters.\n')
    assert said == [("Marta Kos", "There is no shortcut,")]


def test_person_introduced_after_a_sentence_opening_for() -> None:
    said = _said(
        "Interior Minister Bruno Retailleau did not comment.\n\n"
        "For Samia Benkhelifa, a researcher at IRIS, both capitals can claim a win. "
        "“Nobody has blinked,” she said.\n"
    )
    assert said == [("Samia Benkhelifa", "Nobody has blinked,")]


def test_recalled_an_ambassador_and_said_little_are_not_statements() -> None:
    said = _said(
        "The two presidents last met in June, weeks before Algiers recalled its ambassador. "
        "Foreign Minister Ahmed Attaf, a veteran diplomat, said little in public.\n"
    )
    assert said == []


def test_summit_roster_names_everyone_at_the_articles_summit() -> None:
    ex = extract(
        "Bloc hands over its chair\n\nJune 22, 2025\n\n"
        "President Bola Tinubu on Sunday handed over the chairmanship of ECOWAS to Sierra "
        "Leone’s President Julius Maada Bio at the end of the bloc’s summit in Abuja.\n\n"
        "Heads of state who attended the one-day summit included Ghana’s John Mahama, "
        "Senegal’s Bassirou Diomaye Faye and Liberia’s Joseph Boakai.\n\n"
        "On the margins of the summit, Mr Tinubu met Mr Mahama at the Presidential Villa.\n"
    )
    own = _own(ex)
    summit = own[0]
    assert summit.kind == "summit" and str(summit.start.value) == "2025-06-22"
    assert [p.actor for p in summit.participants] == [
        "Bola Tinubu",
        "Julius Maada Bio",
        "John Mahama",
        "Bassirou Diomaye Faye",
        "Joseph Boakai",
    ]
    assert summit.place == "Abuja"
    # the roster sentence's own pairs are folded into the summit, not meetings of their own
    assert not any(
        {p.actor for p in m.participants}
        == {"John Mahama", "Bassirou Diomaye Faye", "Joseph Boakai"}
        for m in ex.meetings
    )


def test_a_first_name_that_is_also_a_capital() -> None:
    ex = extract(
        "Summit\n\nDec 7, 2024\n\n"
        "The summit was attended by Paraguay’s Santiago Peña. Peña left early. "
        "The minister later flew to Santiago.\n"
    )
    people = {a.name for a in ex.actors if a.kind.value == "person"}
    assert "Santiago Peña" in people
    assert "Chile" in {a.name for a in ex.actors}  # the later "Santiago" is still the capital


def _pairs(ex) -> set[tuple[frozenset[str], str | None, bool]]:
    return {
        (
            frozenset(p.actor for p in m.participants),
            str(m.start.value) if m.start else None,
            m.mentioned_only,
        )
        for m in ex.meetings
    }


def test_a_host_meets_the_two_separately() -> None:
    ex = extract(
        "Talks in Brussels\n\nMay 14, 2025\n\n"
        "BRUSSELS — EU envoy Peter Sørensen hosted Serbia's chief negotiator Petar Petković and "
        "Kosovo's chief negotiator Besnik Bislimi for talks on Wednesday.\n\n"
        "EU foreign policy chief Kaja Kallas received the two negotiators separately in the "
        "morning.\n"
    )
    pairs = _pairs(ex)
    assert (frozenset({"Kaja Kallas", "Petar Petković"}), "2025-05-14", False) in pairs
    assert (frozenset({"Kaja Kallas", "Besnik Bislimi"}), "2025-05-14", False) in pairs


def test_met_one_and_later_another() -> None:
    ex = extract(
        "Summit\n\nFeb 16, 2025\n\n"
        "ADDIS ABABA — On the margins of the summit on Saturday, U.N. Secretary-General "
        "António Guterres met Angolan President João Lourenço and, later, Djibouti's Foreign "
        "Minister Mahmoud Ali Youssouf.\n"
    )
    pairs = _pairs(ex)
    assert (frozenset({"António Guterres", "João Lourenço"}), "2025-02-15", False) in pairs
    assert (frozenset({"António Guterres", "Mahmoud Ali Youssouf"}), "2025-02-15", False) in pairs
    assert not any(len(p) == 3 for p, _, _ in pairs)


def test_reported_clauses_coordinated_by_and_that_are_two_statements() -> None:
    said = _said(
        "Foreign ministry spokesman Chrispin Phiri said 32 agreements had been reviewed and "
        "that a new visa regime would take effect next year.\n"
    )
    assert said == [
        ("Chrispin Phiri", "32 agreements had been reviewed"),
        ("Chrispin Phiri", "a new visa regime would take effect next year"),
    ]


def test_institution_a_spokesperson_speaks_for_and_state_agencies_are_actors() -> None:
    ex = extract(
        "Talks\n\nApril 4, 2025\n\n"
        "An unnamed State Department spokesperson said Washington backed the plan. "
        "The two leaders met for 40 minutes, according to the state news agency BSS, and "
        "Belarus’s BelTA said the visit was a success.\n"
    )
    names = {a.name for a in ex.actors}
    assert {"the State Department", "BSS", "BelTA"} <= names


def test_the_demonym_leader_is_that_states_head() -> None:
    said = _said(
        "Angolan President João Lourenço took over the chairmanship.\n\n"
        '"Africa cannot keep asking others to silence the guns," the Angolan leader said.\n'
    )
    assert said == [("João Lourenço", "Africa cannot keep asking others to silence the guns,")]


def test_the_demonym_leader_is_not_a_foreign_minister() -> None:
    ex = extract(
        "Summit\n\nApril 4, 2025\n\nThai Foreign Minister Maris Sangiampongsa chaired the "
        "ministers. The Thai premier called for a regional early-warning network.\n"
    )
    maris = next(a for a in ex.actors if a.name == "Maris Sangiampongsa")
    assert "The Thai premier" not in maris.aliases


def test_a_given_name_opening_a_sentence_with_a_relative_clause() -> None:
    said = _said(
        "Brazil’s Luiz Inácio Lula da Silva attended the summit.\n\n"
        'Lula, whose government negotiated the text, called the deal "the largest ever."\n'
    )
    assert said == [("Luiz Inácio Lula da Silva", "the largest ever.")]


def test_a_regnal_number_ends_the_name() -> None:
    said = _said(
        "Jordan's King Abdullah II said Jordan rejected any displacement. Abdullah left.\n"
    )
    assert said == [("Abdullah II", "Jordan rejected any displacement")]


def test_an_office_located_between_its_name_and_the_verb() -> None:
    said = _said(
        "Italian Prime Minister Giorgia Meloni visited Tripoli. In a statement, Meloni’s office "
        "at Palazzo Chigi said the two leaders had agreed to step up joint patrols.\n"
    )
    assert said == [("Meloni’s office", "the two leaders had agreed to step up joint patrols")]


def test_a_spokesperson_for_a_body_speaks_for_it() -> None:
    said = _said(
        "A spokesperson for Haftar’s self-styled Libyan National Army (LNA) said the field "
        'marshal was "open to any visit."\n'
    )
    assert said == [("spokesperson for the Libyan National Army", "open to any visit.")]
