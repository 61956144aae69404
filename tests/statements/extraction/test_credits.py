"""Credit lines: photographers, their agencies and contributors (made-up names)."""

from __future__ import annotations

from statements.extraction import extract
from statements.extraction.credits import credit_actors

STORY = """Ministers meet

March 3, 2021

Lena Moor, left, greets Otto Kask in Riga.
Ana Ruiz/Getty Images

RIGA — President Lena Moor met Premier Otto Kask on Wednesday.

"We agreed," Moor said. (Photo: Tom Vale/AP)

Reuters' Ivo Brandt in Tallinn contributed to this report.
"""


def test_credit_actors() -> None:
    got = {(a.name, a.kind.value) for a in credit_actors(STORY, set())}
    assert ("Ana Ruiz", "person") in got
    assert ("Getty Images", "media") in got
    assert ("Tom Vale", "person") in got
    assert ("The Associated Press", "media") in got
    assert ("Ivo Brandt", "person") in got
    assert not any("Reuters" in name for name, kind in got if kind == "person")


def test_credit_actors_join_the_extraction() -> None:
    names = {a.name for a in extract(STORY).actors}
    assert {"Ana Ruiz", "Tom Vale", "Ivo Brandt", "Lena Moor", "Otto Kask"} <= names
