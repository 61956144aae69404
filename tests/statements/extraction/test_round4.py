"""Fourth generalisation round (statements and claims): a made-up sentence for each rule."""

from __future__ import annotations

from statements.extraction import extract


def _st(text: str) -> list[tuple[str, str, bool]]:
    ex = extract("Title\n\nMay 2, 2019\n\n" + text)
    for s in ex.statements:
        assert ex.text[s.start : s.end] == s.text
    return [(s.speaker, s.text, s.direct) for s in ex.statements]


def test_a_later_that_belongs_to_an_inner_verb() -> None:
    # the "that" after "showed" is the inner verb's, not the cue's
    got = _st("Envoy Ana Ruiz said the new figures showed that trade had grown.")
    assert got == [("Ana Ruiz", "the new figures showed that trade had grown", False)]


def test_told_without_that() -> None:
    assert _st("Envoy Ana Ruiz told Reuters they were hopeful.") == [
        ("Ana Ruiz", "they were hopeful", False)
    ]
    # the object of "told" is not part of the words, an inner "that" is
    assert _st("Envoy Ana Ruiz told reporters the leaders agreed that the row should end.") == [
        ("Ana Ruiz", "the leaders agreed that the row should end", False)
    ]
    # "told <object> <adverbials> that"
    assert _st("Envoy Ana Ruiz told Chilean news agencies last week that the row was over.") == [
        ("Ana Ruiz", "the row was over", False)
    ]


def test_trailing_according_to_is_attribution() -> None:
    got = _st("Envoy Ana Ruiz told Leo Sal that the border would reopen, according to the office.")
    assert got == [("Ana Ruiz", "the border would reopen", False)]


def test_a_noun_object_is_not_reported_speech() -> None:
    assert _st("Envoy Ana Ruiz urged Lima to reopen the border.") == []
    assert _st("Envoy Ana Ruiz welcomed the new visa rules.") == []
    assert _st("Envoy Ana Ruiz denied that troops had crossed.") == [
        ("Ana Ruiz", "troops had crossed", False)
    ]


def test_long_relative_clause_between_speaker_and_verb() -> None:
    got = _st(
        "Envoy Ana Ruiz, who had been received with full honours by the king and the queen and "
        "the crown prince at the palace the evening before, said Peru would send more grain."
    )
    assert got == [("Ana Ruiz", "Peru would send more grain", False)]


def test_a_name_after_said_that_does_not_end_the_clause_starts_the_words() -> None:
    # "…, Tomas Ferro, said Sal's government had …": Sal is inside the reported clause
    got = _st(
        "President Leo Sal met Ana Ruiz. In a statement, the adviser on trade, Tomas Ferro, "
        "said Sal's government had invited Ruiz to Lima."
    )
    assert got == [("Tomas Ferro", "Sal's government had invited Ruiz to Lima", False)]


def test_agreed_to_is_not_speech() -> None:
    got = _st("Peru and Chile agreed Wednesday to reopen the border, Envoy Ana Ruiz said.")
    assert got == [("Ana Ruiz", "Peru and Chile agreed Wednesday to reopen the border", False)]
    assert _st("Envoy Ana Ruiz agreed that the row was over.") == [
        ("Ana Ruiz", "the row was over", False)
    ]


def test_then_that_and_a_later_clause_with_its_own_subject() -> None:
    got = _st(
        "Envoy Ana Ruiz had said then that a deal was close, before Chilean officials "
        "accused Lima of stalling."
    )
    assert got == [("Ana Ruiz", "a deal was close", False)]


def test_according_to_someone_who_is_a_relative_clause_not_the_words() -> None:
    got = _st("The border would reopen, according to Envoy Ana Ruiz, who spoke in Lima.")
    assert got == [("Ana Ruiz", "The border would reopen", False)]


def test_a_second_verb_of_the_same_speaker() -> None:
    got = _st('Envoy Ana Ruiz called the deal "fair" and said Peru would sign it.')
    assert got == [("Ana Ruiz", "fair", True), ("Ana Ruiz", "Peru would sign it", False)]


def test_adding_that_after_a_pronoun_cue() -> None:
    got = _st('Envoy Ana Ruiz arrived. "We came to listen," she said, adding that Peru would sign.')
    assert got == [("Ana Ruiz", "We came to listen,", True), ("Ana Ruiz", "Peru would sign", False)]


def test_a_participle_takes_the_sentence_subject() -> None:
    got = _st("Lima has rejected the offer, saying no treaty can bind Peru.")
    assert got == [("Peru", "no treaty can bind Peru", False)]


def test_with_someone_saying() -> None:
    got = _st("The round ended, with officials saying they were close to a deal.")
    assert got == [("officials", "they were close to a deal", False)]


def test_it_said_is_the_last_institution_that_spoke() -> None:
    got = _st(
        "The Ministry of Coastal Affairs said the port would open. Ships will dock soon, it said."
    )
    assert got == [
        ("Ministry of Coastal Affairs", "the port would open", False),
        ("Ministry of Coastal Affairs", "Ships will dock soon", False),
    ]


def test_a_noun_object_of_announced_is_not_reported_speech() -> None:
    assert _st("Envoy Ana Ruiz announced more than $5 million in new aid.") == []
    assert _st("Envoy Ana Ruiz announced Peru would send aid.") == [
        ("Ana Ruiz", "Peru would send aid", False)
    ]


def test_according_to_a_body_and_its_appositive() -> None:
    got = _st("Envoy Ana Ruiz will fly to Lima, according to Torre Tagle, Peru's foreign ministry.")
    assert [g[1] for g in got] == ["Envoy Ana Ruiz will fly to Lima"]


def test_a_verb_inside_a_relative_clause_is_no_cue() -> None:
    got = _st("Envoy Ana Ruiz, who analysts say is close to the king, arrived on Monday.")
    assert got == []


def test_a_state_body_named_by_its_demonym() -> None:
    got = _st("Ana Ruiz will visit Lima next month, the Peruvian presidency said.")
    assert got == [("Peruvian presidency", "Ana Ruiz will visit Lima next month", False)]


def _claims(text: str) -> list[tuple[str, str, str | None]]:
    ex = extract("Title\n\nMay 2, 2019\n\n" + text)
    return [(c.claimant, c.text, c.condition) for c in ex.claims]


def test_a_dateline_is_not_part_of_the_words() -> None:
    got = _st("LIMA, May 2 (Andina) -- Peru will reopen the border, Envoy Ana Ruiz said.")
    assert got == [("Ana Ruiz", "Peru will reopen the border", False)]


def test_claims_of_one_speaker_about_one_subject_merge_only_on_the_same_predicate() -> None:
    got = _claims(
        "Envoy Ana Ruiz said Peru would reopen the border to trucks. "
        "Ruiz said Peru would also send a border mission to Quito."
    )
    assert [g[1] for g in got] == [
        "Peru would reopen the border to trucks",
        "Peru would also send a border mission to Quito",
    ]


def test_each_whole_quoted_sentence_is_a_claim() -> None:
    got = _claims(
        'Envoy Ana Ruiz said: "We have agreed on the new border line. I can say that the '
        'hardest part is over. Who could have hoped for this?"'
    )
    assert [g[1] for g in got] == [
        "we have agreed on the new border line",
        "the hardest part is over",
    ]


def test_the_rest_of_a_split_quote_is_a_claim() -> None:
    got = _claims('"The talks were long," Envoy Ana Ruiz said, "and the new border line is fair."')
    assert ("Ana Ruiz", "the new border line is fair", None) in got


def test_a_quoted_fragment_makes_its_clause_a_claim() -> None:
    got = _claims(
        'Envoy Ana Ruiz said the border line was "fair and final" and would be signed soon.'
    )
    assert [g[1] for g in got] == ["the border line was fair and final"]


def test_called_x_quoted_y_is_x_is_y() -> None:
    got = _claims('Envoy Ana Ruiz called Chile "a loyal partner".')
    assert [g[1] for g in got] == ["Chile is a loyal partner"]


def test_two_that_clauses_are_two_claims() -> None:
    got = _claims("Envoy Ana Ruiz said the border was open and that trucks were moving.")
    assert [g[1] for g in got] == ["the border was open", "trucks were moving"]


def test_a_leading_when_is_a_condition() -> None:
    got = _claims('"When we trade, both ports grow," Envoy Ana Ruiz said.')
    assert got == [("Ana Ruiz", "both ports grow", "when we trade")]


def test_a_trailing_if_in_a_quote_is_a_condition() -> None:
    got = _claims('"Fishing will resume if the storms pass," Envoy Ana Ruiz said.')
    assert got == [("Ana Ruiz", "Fishing will resume", "if the storms pass")]


def test_an_aside_after_which_is_not_the_claim() -> None:
    got = _claims("Envoy Ana Ruiz said the ferry would sail to Arica, which lies in the north.")
    assert got == [("Ana Ruiz", "the ferry would sail to Arica", None)]


def test_words_before_told_and_its_object() -> None:
    got = _st("The border will reopen, Envoy Ana Ruiz told the Andina news agency last week.")
    assert got == [("Ana Ruiz", "The border will reopen", False)]


def test_two_parentheticals_between_speaker_and_verb() -> None:
    got = _st(
        "Ms Ana Ruiz, Minister in the Office of the President, who also attended, said she "
        "was sure the port would open."
    )
    assert got == [("Ana Ruiz", "she was sure the port would open", False)]


def test_passive_described_by_someone_as() -> None:
    got = _st('The last round was described by trade chief Ana Ruiz as "a waste of time."')
    assert got == [("Ana Ruiz", "a waste of time.", True)]


def test_a_colon_quote_belongs_to_the_sentence_subject() -> None:
    got = _st(
        "Envoy Ana Ruiz arrived on Monday. "
        'She also set out her terms: "The border must open first."'
    )
    assert got == [("Ana Ruiz", "The border must open first.", True)]


def test_warned_against_a_thing_is_not_speech() -> None:
    assert _st("Envoy Ana Ruiz cautioned against expecting a quick deal.") == []
    assert _st("Envoy Ana Ruiz warned that the deal was far off.") == [
        ("Ana Ruiz", "the deal was far off", False)
    ]


def test_words_of_two_speakers_are_a_joint_statement() -> None:
    got = _st(
        "Trade Minister Ana Ruiz and Peruvian Envoy Leo Sal told President Tomas Ferro on "
        "Monday that Peru would not accept new tariffs."
    )
    assert got == []


def test_a_later_fragment_of_the_sentence_makes_its_own_claim() -> None:
    got = _claims(
        'The Trade Ministry of Peru said it "deeply regrets" the tariffs and would take '
        '"firm countermeasures" soon.'
    )
    assert [g[1] for g in got] == [
        "it deeply regrets the tariffs",
        "would take firm countermeasures soon",
    ]


def test_passive_described_as_claim() -> None:
    got = _claims(
        'The last round, held in May, was described by trade chief Ana Ruiz as "a waste of time."'
    )
    assert got == [("Ana Ruiz", "the last round was a waste of time", None)]


def test_repeated_a_view_that() -> None:
    got = _st("Envoy Ana Ruiz repeated Lima's view that the border must stay open.")
    assert got == [("Ana Ruiz", "the border must stay open", False)]


def test_accused_someone_of_quoted_words() -> None:
    got = _st('Envoy Ana Ruiz accused Chile of making "absurd demands" at the talks.')
    assert got == [("Ana Ruiz", "absurd demands", True)]


def test_officials_of_two_states_are_one_group_not_a_joint_statement() -> None:
    got = _st("U.S. and Chilean officials said the border would reopen.")
    assert [(g[1], g[2]) for g in got] == [("the border would reopen", False)]


def test_a_quote_carried_by_an_agency_is_the_sentence_subjects() -> None:
    ex = extract(
        "Title\n\nMay 2, 2019\n\nEnvoy Ana Ruiz, for her part, thanked Lima for its "
        '"tireless efforts," according to the state news agency Andina.'
    )
    got = [(s.speaker, s.text, s.reported_via) for s in ex.statements]
    assert got == [("Ana Ruiz", "tireless efforts,", "Andina")]


def test_a_verb_inside_whether_is_no_cue() -> None:
    got = _st(
        "Envoy Ana Ruiz arrived. She declined to say whether she believed the port would open."
    )
    assert got == []


def test_replied_with_a_speech_is_not_speech() -> None:
    assert _st("Envoy Ana Ruiz replied with a speech that ran to an hour.") == []
