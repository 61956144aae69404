"""Paragraphs and sentences as character spans into the stored text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Span

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "st",
        "prof",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vol",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "blvd",
        "mt",
        "ft",
    ]
)
# Abbreviations that end a sentence only when the next word clearly starts one.
_CAN_END = frozenset(
    {"u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "etc", "inc", "co", "ltd", "jr", "sr"}
)
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "many",
        "most",
        "some",
        "several",
        "but",
        "and",
        "so",
        "yet",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "his",
        "her",
        "its",
        "their",
        "our",
        "one",
        "two",
        "three",
        "both",
        "all",
        "no",
        "not",
        "however",
        "meanwhile",
        "still",
        "also",
        "then",
        "since",
        "during",
        "according",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)|(?<=[:;])(?=\s*\n)")
_NEXT_WORD = re.compile(r"\s+([\"“‘'(\[]*)(\S+)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int


def paragraphs(text: str, body: Span, skip: tuple[Span, ...]) -> tuple[Paragraph, ...]:
    """Blocks of non-empty lines inside `body`, cut at blank lines and at boilerplate lines.

    'A.\\nB.\\n\\nC.' -> (Paragraph(0, 5), Paragraph(7, 9))
    """
    out: list[Paragraph] = []
    cur_start = cur_end = None
    pos = body.start
    skip_starts = {s.start for s in skip}
    for raw in text[body.start : body.end].split("\n"):
        s = raw.strip()
        lead = pos + len(raw) - len(raw.lstrip())
        if not s or lead in skip_starts or any(sp.start <= lead < sp.end for sp in skip):
            if cur_start is not None:
                out.append(Paragraph(cur_start, cur_end, len(out)))
                cur_start = None
        else:
            if cur_start is None:
                cur_start = lead
            cur_end = lead + len(s)
        pos += len(raw) + 1
    if cur_start is not None:
        out.append(Paragraph(cur_start, cur_end, len(out)))
    return tuple(out)


def _is_boundary(text: str, m: re.Match[str], para_end: int) -> bool:
    punct = m.group()
    if punct.startswith((":", ";")) or not punct:
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    if not nxt or m.end() >= para_end:
        return True
    word = nxt.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or nxt.group(1)):
        return False
    if punct[0] != ".":
        return True
    # the token the period belongs to
    i = m.start()
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    token = text[j:i].lstrip("\"“(‘'[").lower()
    if len(token) == 1 and token.isalpha():
        return False  # initial: "Matthew S. Schwartz"
    if token in _CAN_END:
        return word.strip("\"“‘'(").lower() in _STARTERS
    if token in _ABBREV:
        return False
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return word.strip("\"“‘'(").lower() in _STARTERS
    return True


def sentences(text: str, paras: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """Split each paragraph at sentence ends, keeping closing quotes with their sentence.

    'Mr. Kim met the U.S. envoy. "Fine," he said.' -> 'Mr. Kim met the U.S. envoy.' | '"Fine," he said.'
    """
    out: list[Sentence] = []
    for p in paras:
        start = p.start
        for m in _BOUNDARY.finditer(text, p.start, p.end):
            if m.end() <= start or not _is_boundary(text, m, p.end):
                continue
            if text[start : m.end()].strip():
                out.append(Sentence(start, m.end(), p.index))
            nxt = m.end()
            while nxt < p.end and text[nxt].isspace():
                nxt += 1
            start = nxt
        if start < p.end and text[start : p.end].strip():
            out.append(Sentence(start, p.end, p.index))
    return tuple(out)
