"""Actors: titles, demonyms, outlets, capitals, groups, and the two-Kims case."""

from __future__ import annotations

from statements.extraction.actors import find_actors
from statements.extraction.types import ActorKind, Span


def _table(text: str):
    return find_actors(text, (Span(0, len(text)),))


def _names(table) -> dict[str, ActorKind]:
    return {a.name: a.kind for a in table.actors}


def test_titles_roles_and_countries() -> None:
    text = (
        "Chinese President Xi Jinping hosted South Korea's President Moon Jae-in. "
        "Secretary of State Mike Pompeo said the talks went well. Xi said Moon was welcome."
    )
    t = _table(text)
    xi = next(a for a in t.actors if a.name == "Xi Jinping")
    assert xi.country == "China" and xi.roles[0].title == "President"
    moon = next(a for a in t.actors if a.name == "Moon Jae-in")
    assert moon.country == "South Korea" and "Moon" in moon.aliases
    pompeo = next(a for a in t.actors if a.name == "Mike Pompeo")
    assert pompeo.roles[0].title == "Secretary of State"
    assert _names(t)["South Korea"] == ActorKind.STATE


def test_two_kims_never_merge() -> None:
    text = (
        "North Korean leader Kim Jong Un arrived by train. Kim waved. "
        '"It is a big day," said Reuters correspondent Lucian Pell-Kim. '
        "BBC reporter Laura Kim said the mood was tense. Kim later left the station."
    )
    t = _table(text)
    names = _names(t)
    assert names["Kim Jong Un"] == ActorKind.PERSON
    assert names["Laura Kim"] == ActorKind.PERSON
    bare = [f for f in t.found if f.text == "Kim"]
    assert len(bare) == 2 and all(f.actor == "Kim Jong Un" for f in bare)
    laura = next(a for a in t.actors if a.name == "Laura Kim")
    assert "Kim" not in laura.aliases


def test_capital_metonym_but_not_correspondent() -> None:
    text = (
        "Moscow said it would respond. NPR's Moscow correspondent Anna Lee reported from the city."
    )
    t = _table(text)
    states = [f for f in t.found if f.actor == "Russia"]
    assert [f.text for f in states] == ["Moscow"]
    anna = next(a for a in t.actors if a.name == "Anna Lee")
    assert anna.roles[0].title == "Moscow correspondent" and anna.roles[0].organization == "NPR"
    assert t.affiliation["Anna Lee"] == "NPR"


def test_outlets_groups_institutions() -> None:
    text = (
        "The Kremlin declined to comment, Interfax reported. Many analysts doubt it, "
        "and Western diplomats agree. North and South Korea were silent. Chinese state media said so."
    )
    names = _names(_table(text))
    assert names["the Kremlin"] == ActorKind.ORGANIZATION
    assert names["Interfax"] == ActorKind.MEDIA
    assert names["analysts"] == ActorKind.GROUP
    assert names["diplomats"] == ActorKind.GROUP
    assert names["North Korea"] == ActorKind.STATE and names["South Korea"] == ActorKind.STATE
    assert names["Chinese state media"] == ActorKind.MEDIA


def test_title_reference_resolves_to_holder() -> None:
    text = "Russian President Vladimir Putin arrived. Later the Russian president spoke briefly."
    t = _table(text)
    ref = [f for f in t.found if f.form == "title"]
    assert [(f.text, f.actor) for f in ref] == [("the Russian president", "Vladimir Putin")]
