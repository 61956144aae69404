"""The site's pure helpers: article segments, context snippets, highlighting, SVGs."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from statements.templatetags.parley import (
    article_blocks,
    condition_text,
    counterparts,
    highlight,
    met_svg,
    snippet,
    timeline_svg,
)


def stmt(pk: int, start: int, end: int):
    return SimpleNamespace(pk=pk, start=start, end=end)


@st.composite
def article_with_spans(draw):
    text = draw(st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=80))
    n = len(text)
    body_start = draw(st.integers(0, n))
    body_end = draw(st.integers(0, n))
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=5))
    boilerplate = [[min(s, e), max(s, e)] for s, e in spans[:2]]
    statements = [stmt(i + 1, min(s, e), max(s, e)) for i, (s, e) in enumerate(spans) if s != e]
    return text, body_start, body_end, boilerplate, statements


@given(article_with_spans())
def test_blocks_join_back_to_the_stored_text_and_keep_statements_in_their_spans(case):
    text, body_start, body_end, boilerplate, statements = case
    blocks = article_blocks(text, body_start, body_end, boilerplate, statements)
    assert "".join(b.text for b in blocks) == text
    position = 0
    for block in blocks:
        assert block.start == position
        for piece in block.pieces:
            if piece.statement is not None:
                assert piece.statement.start <= position
                assert position + len(piece.text) <= piece.statement.end
            position += len(piece.text)
        assert position == block.end
    # each statement's anchor is placed once at most
    firsts = [p.statement.pk for b in blocks for p in b.pieces if p.statement and p.first]
    assert len(firsts) == len(set(firsts))


def test_blocks_separate_body_boilerplate_and_outside():
    text = "Title\n\nBody one. Sign up now! Body two.\nFooter"
    start = text.index("Body one")
    end = text.index("\nFooter")
    noise = [text.index("Sign up"), text.index("Sign up") + len("Sign up now!")]
    quote = stmt(1, text.index("Body two"), text.index("Body two") + 8)
    blocks = article_blocks(text, start, end, [noise], [quote])
    assert [(b.kind, b.text) for b in blocks] == [
        ("outside", "Title\n\n"),
        ("body", "Body one. "),
        ("boilerplate", "Sign up now!"),
        ("body", " Body two."),
        ("outside", "\nFooter"),
    ]
    assert [(p.text, p.statement) for p in blocks[3].pieces] == [
        (" ", None),
        ("Body two", quote),
        (".", None),
    ]


def test_bad_body_bounds_and_boilerplate_fall_back_to_the_whole_text():
    blocks = article_blocks("abc", 5, 1, [["x", None], [1]], [])
    assert [(b.kind, b.text) for b in blocks] == [("body", "abc")]


def test_snippet_stays_in_the_paragraph_and_marks_cuts():
    text = "Header line\nFirst words of the paragraph said the quote here and more after.\nNext"
    start = text.index("the quote")
    s = snippet(text, start, start + len("the quote"), radius=12)
    assert (s.before, s.quote, s.after) == ("…said ", "the quote", " here and…")
    s = snippet(text, start, start + len("the quote"), radius=500)
    assert s.before == "First words of the paragraph said "
    assert s.after == " here and more after."


def test_highlight_escapes_and_marks_accent_and_case_insensitively():
    html = highlight('<b>PYÖNGYANG’s</b> talks & "Pyongyang"', ["pyongyang", "talk"])
    assert html == (
        "&lt;b&gt;<mark>PYÖNGYANG</mark>’s&lt;/b&gt; <mark>talks</mark> &amp; "
        "&quot;<mark>Pyongyang</mark>&quot;"
    )
    assert highlight("<i>x</i>", []) == "&lt;i&gt;x&lt;/i&gt;"


def test_condition_text_adds_if_once():
    assert condition_text("given security guarantees") == "if given security guarantees"
    assert (
        condition_text("If North Korea is given guarantees") == "If North Korea is given guarantees"
    )
    assert condition_text("") == ""


def meeting(title, start, precision="day", end=None, approximate=False, last_day=None):
    return SimpleNamespace(
        title=title,
        start_date=start,
        start_precision=precision,
        end_date=end,
        date_approximate=approximate,
        last_day=last_day or end or start,
        date_display=title,
    )


def test_timeline_svg_draws_points_bars_and_estimates_to_scale():
    svg = timeline_svg(
        [
            meeting(
                "<Six>",
                dt.date(2003, 1, 1),
                "year",
                dt.date(2009, 1, 1),
                last_day=dt.date(2009, 12, 31),
            ),
            meeting(
                "Hanoi",
                dt.date(2019, 2, 1),
                "month",
                approximate=True,
                last_day=dt.date(2019, 2, 28),
            ),
            meeting("Russky", dt.date(2019, 4, 25)),
            meeting("Undated", None),
        ]
    )
    assert svg.startswith('<svg class="timeline-overview"') and 'role="img"' in svg
    assert "Overview of 3 dated meetings, 2003–2019" in svg
    assert svg.count('class="tl-range"') == 1 and svg.count('class="tl-approx"') == 1
    assert svg.count('class="tl-point"') == 1
    assert "&lt;Six&gt;" in svg and "<Six>" not in svg
    # the 2003–2009 bar spans 7 of the 17 years drawn (width 776 units inside the padding)
    width = float(svg.split('class="tl-range" x="12.0" y="')[1].split('width="')[1].split('"')[0])
    assert abs(width - 776 * 7 / 17) < 1
    assert timeline_svg([meeting("Undated", None)]) == ""


def test_met_svg_names_whom_they_met_escaped():
    me = SimpleNamespace(pk=1, name="Vladimir Putin")
    kim = SimpleNamespace(pk=2, name="<Kim>")
    meetings = [
        SimpleNamespace(
            participations=SimpleNamespace(
                all=lambda: [SimpleNamespace(actor=me), SimpleNamespace(actor=kim)]
            )
        )
    ] * 2
    people = counterparts(me, meetings)
    assert [(p.actor.name, p.meetings) for p in people] == [("<Kim>", 2)]
    svg = met_svg(me, people)
    assert '<title id="met-title">Whom Vladimir Putin met</title>' in svg
    assert "&lt;Kim&gt; (2 meetings)" in svg and "<Kim>" not in svg
    assert met_svg(me, []) == ""
