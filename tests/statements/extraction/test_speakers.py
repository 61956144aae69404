"""Unnamed bodies and groups as speakers (`speakers.py`): made-up sentences."""

from __future__ import annotations

from statements.extraction import extract


def _st(text: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    ex = extract("Title\n\nMay 2, 2019\n\n" + text)
    return [(s.speaker, s.text) for s in ex.statements], {a.name: str(a.kind) for a in ex.actors}


def test_a_persons_office_and_the_office_later() -> None:
    got, kinds = _st(
        "President Leo Sal met Ana Ruiz in Lima, Sal's press office said. "
        "The presidential press office said in a release that the talks would go on."
    )
    assert got == [
        ("Sal's press office", "President Leo Sal met Ana Ruiz in Lima"),
        ("Sal's press office", "the talks would go on"),
    ]
    assert kinds["Sal's press office"] == "organization"


def test_a_named_body_and_its_initials() -> None:
    got, _ = _st(
        "The Ministry of Coastal Affairs said in a statement that the port would open. "
        "Ships will dock on Friday, the MCA said."
    )
    assert got == [
        ("Ministry of Coastal Affairs", "the port would open"),
        ("Ministry of Coastal Affairs", "Ships will dock on Friday"),
    ]


def test_groups_with_where_they_are_and_what_they_are() -> None:
    got, kinds = _st(
        "Fishermen in the north told Reuters they were worried. "
        "The quotas were cut, officials from both sides say."
    )
    assert got == [
        ("fishermen", "they were worried"),
        ("officials", "The quotas were cut"),
    ]
    assert kinds["fishermen"] == "group"


def test_according_to_people_familiar_and_one_of_them() -> None:
    got, _ = _st(
        "The envoys had quarrelled over fish, according to three people familiar with the "
        "matter. The ministers met again on Monday, one of the people said."
    )
    assert got == [
        ("people familiar with the matter", "The envoys had quarrelled over fish"),
        ("people familiar with the matter", "The ministers met again on Monday"),
    ]


def test_an_unnamed_person_described_by_the_body_they_serve() -> None:
    got, kinds = _st(
        "A Frente adviser, who spoke on condition of anonymity, said the group was ready to talk."
    )
    assert got == [("Frente adviser", "the group was ready to talk")]
    assert kinds["Frente adviser"] == "group"


def test_his_spokesman_is_the_aide_of_the_person_last_named() -> None:
    got, _ = _st(
        "President Leo Sal met Ana Ruiz in Lima. "
        "His spokesman later told reporters the two had agreed to meet again."
    )
    assert got == [("Sal's spokesman", "the two had agreed to meet again")]


def test_a_generational_suffix_is_not_the_surname() -> None:
    got, _ = _st(
        "President Tomas Ferro Jr. arrived in Lima. "
        "Ferro, for his part, told reporters that the talks would go on."
    )
    assert got == [("Tomas Ferro Jr", "the talks would go on")]


def test_an_outlet_named_after_according_to() -> None:
    ex = extract(
        "Title\n\nMay 2, 2019\n\nEnvoy Ana Ruiz said the port would open, according to the "
        "state news agency Andina."
    )
    kinds = {a.name: str(a.kind) for a in ex.actors}
    assert kinds.get("Andina") == "media"


def test_the_official_paragraphs_later_is_the_unnamed_official_named_before() -> None:
    got, _ = _st(
        "A senior Peruvian official told reporters that the port would open.\n\n"
        "Ships waited offshore.\n\n"
        '"We are ready," the official said.'
    )
    assert got == [
        ("senior Peruvian official", "the port would open"),
        ("senior Peruvian official", "We are ready,"),
    ]
