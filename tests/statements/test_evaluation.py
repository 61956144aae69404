"""The golden corpus is well-formed, and the scoring in `statements.evaluation` is right.

Pure tests: `pytest tests/statements/test_evaluation.py -p no:django`. The command tests
configure minimal settings themselves when pytest-django has not.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from statements.evaluation import (
    CorpusScore,
    evaluate_corpus,
    format_table,
    required_participants,
    score_article,
    span_overlap,
    token_similarity,
)
from statements.extraction import decode

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
ARTICLE_SUFFIXES = (".txt", ".html")
KINDS = {"person", "state", "organization", "media", "group"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def stored_text(raw: bytes) -> str:
    """The text the importer stores, which every expected offset points into."""
    return decode(raw).text


def corpus_pairs() -> list[tuple[Path, Path]]:
    return [
        (article, article.with_suffix(".json"))
        for article in sorted(CORPUS.iterdir())
        if article.suffix in ARTICLE_SUFFIXES
    ]


PAIRS = corpus_pairs()
IDS = [a.name for a, _ in PAIRS]


# --------------------------------------------------------------------------- the corpus


def test_corpus_size_and_coverage():
    assert len(PAIRS) >= 16
    for article, expected in PAIRS:
        assert expected.is_file(), f"{article.name} has no expected .json"
    raws = {a.name: a.read_bytes() for a, _ in PAIRS}
    assert any(r.startswith(b"\xef\xbb\xbf") for r in raws.values()), "no UTF-8 BOM article"
    assert any(r.startswith((b"\xff\xfe", b"\xfe\xff")) for r in raws.values()), "no UTF-16"
    assert any(n.endswith(".html") for n in raws), "no HTML article"

    def is_cp1252(raw: bytes) -> bool:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return False
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return True
        return False

    assert any(is_cp1252(r) for r in raws.values()), "no cp1252 article"
    mojibake = [
        n
        for n, r in raws.items()
        if not is_cp1252(r)
        and not r.startswith((b"\xff\xfe", b"\xfe\xff"))
        and "â€" in r.decode("utf-8-sig")
    ]
    assert mojibake, "no mojibake article"
    for name in mojibake:
        assert "â€" not in stored_text(raws[name]), f"{name} is not repaired by ftfy"


@pytest.mark.parametrize(("article", "expected_path"), PAIRS, ids=IDS)
def test_expected_json_is_well_formed(article: Path, expected_path: Path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert set(expected) == {"article", "actors", "meetings", "statements", "claims"}

    meta = expected["article"]
    assert set(meta) == {"title", "published", "authors", "publisher"}
    assert isinstance(meta["title"], str) and meta["title"]
    assert meta["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"])
    assert all(isinstance(a, str) and a for a in meta["authors"])

    names = set()
    for actor in expected["actors"]:
        assert set(actor) == {"name", "kind", "aliases"}, actor
        assert actor["kind"] in KINDS, actor
        assert actor["name"] not in names, f"duplicate actor {actor['name']}"
        assert all(isinstance(a, str) and a for a in actor["aliases"])
        names.add(actor["name"])
    if meta["publisher"] is not None:
        assert meta["publisher"] in names, "publisher must be a media actor"

    for meeting in expected["meetings"]:
        assert set(meeting) == {
            "title",
            "participants",
            "start",
            "end",
            "place",
            "mentioned_only",
        }
        assert meeting["participants"], meeting["title"]
        assert set(meeting["participants"]) <= names, meeting["title"]
        for key in ("start", "end"):
            assert meeting[key] is None or DATE.match(meeting[key]), meeting
        assert isinstance(meeting["mentioned_only"], bool)
    assert any(not m["mentioned_only"] for m in expected["meetings"]), "no reported meeting"

    assert expected["statements"], "an article without statements"
    for st in expected["statements"]:
        assert set(st) == {"speaker", "text", "start", "end", "direct", "reported_via"}
        assert st["speaker"] in names, st
        assert st["reported_via"] is None or st["reported_via"] in names, st
        assert isinstance(st["direct"], bool)
        assert isinstance(st["start"], int) and isinstance(st["end"], int)
        assert st["text"] == st["text"].strip(), st["text"]

    for claim in expected["claims"]:
        assert set(claim) == {"claimant", "subject", "text", "condition"}
        assert claim["claimant"] in names, claim
        assert claim["subject"] is None or claim["subject"] in names, claim


@pytest.mark.parametrize(
    ("article", "expected_path"), [p for p in PAIRS if p[0].suffix == ".txt"], ids=lambda p: p.name
)
def test_statement_offsets_match_stored_text(article: Path, expected_path: Path):
    text = stored_text(article.read_bytes())
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    for st in expected["statements"]:
        assert text[st["start"] : st["end"]] == st["text"], st


@pytest.mark.parametrize(
    ("article", "expected_path"), [p for p in PAIRS if p[0].suffix == ".html"], ids=lambda p: p.name
)
def test_html_statement_texts_occur_in_page(article: Path, expected_path: Path):
    import html

    page = html.unescape(re.sub(r"<[^>]+>", "", article.read_text(encoding="utf-8")))
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    for st in expected["statements"]:
        assert (st["start"], st["end"]) == (-1, -1)
        assert st["text"] in page, st["text"]


@pytest.mark.parametrize(("article", "expected_path"), PAIRS, ids=IDS)
def test_expected_scores_perfectly_against_itself(article: Path, expected_path: Path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    score = score_article(copy.deepcopy(expected), expected, name=article.name)
    assert score.figures() == dict.fromkeys(score.figures(), 1.0), score.as_dict()


# --------------------------------------------------------------------------- scoring


def make_expected() -> dict:
    text = 'Kim said "We are ready." Putin said he was satisfied. Kim Yo Jong said "No."'
    quotes = [
        ("Kim Jong Un", "We are ready.", True),
        ("Vladimir Putin", "he was satisfied", False),
        ("Kim Yo Jong", "No.", True),
    ]
    statements = []
    for speaker, quote, direct in quotes:
        start = text.index(quote)
        statements.append(
            {
                "speaker": speaker,
                "text": quote,
                "start": start,
                "end": start + len(quote),
                "direct": direct,
                "reported_via": None,
            }
        )
    return {
        "article": {"title": "T", "published": "2019-04-25", "authors": [], "publisher": None},
        "actors": [
            {"name": "Kim Jong Un", "kind": "person", "aliases": ["Kim", "the chairman"]},
            {"name": "Kim Yo Jong", "kind": "person", "aliases": []},
            {"name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"]},
            {"name": "Russia", "kind": "state", "aliases": ["Moscow"]},
        ],
        "meetings": [
            {
                "title": "Vladivostok summit",
                "participants": ["Kim Jong Un", "Vladimir Putin"],
                "start": "2019-04-25",
                "end": None,
                "place": "Vladivostok",
                "mentioned_only": False,
            },
            {
                "title": "Six-party talks",
                "participants": ["Russia", "Kim Jong Un", "Vladimir Putin", "Kim Yo Jong"],
                "start": "2003",
                "end": "2009",
                "place": None,
                "mentioned_only": True,
            },
        ],
        "statements": statements,
        "claims": [
            {
                "claimant": "Vladimir Putin",
                "subject": "Kim Jong Un",
                "text": "Kim Jong Un would be willing to denuclearize",
                "condition": "if North Korea is given security guarantees",
            }
        ],
    }


def test_perfect_match_scores_one():
    expected = make_expected()
    score = score_article(copy.deepcopy(expected), expected)
    assert score.figures() == dict.fromkeys(score.figures(), 1.0)


def test_missing_statement_gives_exact_recall():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    del predicted["statements"][1]
    score = score_article(predicted, expected)
    assert score.statement_recall == pytest.approx(2 / 3)
    assert score.statement_precision == 1.0
    assert score.statement_f1 == pytest.approx(0.8)
    assert score.speaker_accuracy == 1.0
    assert score.missed_statements == ["Vladimir Putin: he was satisfied"]


def test_wrong_speaker_lowers_speaker_accuracy_only():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    predicted["statements"][2]["speaker"] = "Kim Jong Un"  # the other Kim
    score = score_article(predicted, expected)
    assert score.statement_f1 == 1.0
    assert score.speaker_accuracy == pytest.approx(2 / 3)
    assert len(score.wrong_speakers) == 1


def test_speaker_may_be_an_alias_of_the_expected_actor():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    predicted["statements"][0]["speaker"] = "the Chairman"
    predicted["statements"][1]["speaker"] = "putin"
    assert score_article(predicted, expected).speaker_accuracy == 1.0


def test_span_overlap_and_text_fallback():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    # a span one character short still overlaps enough
    predicted["statements"][0]["end"] -= 1
    predicted["statements"][0]["text"] = "We are ready"
    # no valid span: matched by text
    predicted["statements"][1].update(start=-1, end=-1, text="he was satisfied.")
    score = score_article(predicted, expected)
    assert score.statements_matched == 3
    assert span_overlap({"start": 0, "end": 10}, {"start": 5, "end": 15}) == pytest.approx(1 / 3)


def test_spans_far_apart_do_not_match_unless_texts_equal():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    predicted["statements"][1].update(start=0, end=5, text="Kim s")
    assert score_article(predicted, expected).statements_matched == 2
    # same text at shifted offsets (e.g. a stored text that kept a BOM) still matches
    predicted = copy.deepcopy(expected)
    for st in predicted["statements"]:
        st["start"] += 40
        st["end"] += 40
    assert score_article(predicted, expected).statements_matched == 3


def test_matching_is_one_to_one():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    predicted["statements"].append(copy.deepcopy(expected["statements"][0]))
    score = score_article(predicted, expected)
    assert score.statements_matched == 3
    assert score.statement_precision == pytest.approx(3 / 4)
    assert len(score.spurious_statements) == 1


def test_token_similarity():
    assert token_similarity("“We are ready.”", '"we are ready"') == 1.0
    assert token_similarity("a b c d e", "x y z") == 0.0
    # containment only counts when the shorter text is at least half the longer
    assert token_similarity("we are ready", "we are ready to talk") == 1.0
    assert token_similarity("ready", "we are ready to talk now") < 0.8


def test_actor_recall_keeps_namesakes_apart():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    # the two Kims merged into one predicted actor
    predicted["actors"] = [
        {"name": "Kim Jong Un", "kind": "person", "aliases": ["Kim", "Kim Yo Jong"]},
        {"name": "Putin", "kind": "person", "aliases": []},
        {"name": "Moscow", "kind": "state", "aliases": []},
    ]
    score = score_article(predicted, expected)
    assert score.actor_recall == pytest.approx(3 / 4)
    assert score.missed_actors == ["Kim Yo Jong"]


def test_meeting_recall_participants_and_dates():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    predicted["actors"].append({"name": "Kim", "kind": "person", "aliases": []})
    predicted["meetings"] = [
        # participants named by alias, date at a coarser precision: found
        {"title": "x", "participants": ["Kim", "Putin"], "start": "2019-04"},
        # three of four participants, year only: found (all but one)
        {"title": "y", "participants": ["Russia", "Kim", "Putin"], "start": "2003-08-27"},
    ]
    assert score_article(predicted, expected).meeting_recall == 1.0

    predicted["meetings"][0]["start"] = "2019-05"
    predicted["meetings"][1]["participants"] = ["Russia", "Putin"]
    score = score_article(predicted, expected)
    assert score.meeting_recall == 0.0
    assert required_participants(2) == 1
    assert required_participants(4) == 3
    assert required_participants(1) == 1

    predicted["meetings"] = [{"title": "z", "participants": ["Putin", "Kim"], "start": None}]
    assert score_article(predicted, expected).meetings_found == 0


def test_claim_recall():
    expected = make_expected()
    predicted = copy.deepcopy(expected)
    predicted["claims"][0]["text"] = "Kim would be willing to denuclearize"
    predicted["claims"][0]["claimant"] = "Putin"
    assert score_article(predicted, expected).claim_recall == 1.0
    predicted["claims"][0]["claimant"] = "Kim Jong Un"
    assert score_article(predicted, expected).claim_recall == 0.0
    predicted["claims"][0].update(claimant="Vladimir Putin", text="North Korea is given guarantees")
    assert score_article(predicted, expected).claim_recall == 0.0


def test_empty_prediction():
    score = score_article({}, make_expected())
    assert score.statement_precision == 0.0
    assert score.statement_recall == 0.0
    assert score.statement_f1 == 0.0
    assert score.actor_recall == 0.0


def test_micro_average_and_thresholds():
    expected = make_expected()
    perfect = copy.deepcopy(expected)
    partial = copy.deepcopy(expected)
    partial["statements"] = partial["statements"][:1]
    corpus = evaluate_corpus([("a", perfect, expected), ("b", partial, expected)])
    overall = corpus.overall
    assert overall.statement_recall == pytest.approx(4 / 6)
    assert overall.statement_precision == 1.0
    assert corpus.failures({"statement_recall": 0.5}) == []
    failures = corpus.failures({"statement_f1": 0.95, "speaker_accuracy": 0.95})
    assert len(failures) == 1 and failures[0].startswith("statement F1")
    table = format_table(corpus)
    assert "overall" in table and "0.667" in table
    assert isinstance(CorpusScore([]).overall.statement_f1, float)


# --------------------------------------------------------------------------- the command


class FakeExtraction:
    def __init__(self, dry_run: dict):
        self._dry_run = dry_run

    def to_dry_run(self) -> dict:
        return copy.deepcopy(self._dry_run)


@pytest.fixture
def settings_ready():
    """Minimal settings when pytest-django has not configured the project's."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(INSTALLED_APPS=[], USE_TZ=True)
        django.setup()


@pytest.fixture
def fake_extract(monkeypatch):
    """Replace `statements.extraction.extract`; returns the dict the fake will answer with."""
    import statements.extraction as extraction

    answers: dict[bytes, dict] = {}

    def extract(raw: bytes):
        return FakeExtraction(answers.get(raw, {}))

    monkeypatch.setattr(extraction, "extract", extract, raising=False)
    return answers


def run_command(*args, **options):
    from io import StringIO

    from django.core.management import call_command

    from statements.management.commands.evaluate_extraction import Command

    out, err = StringIO(), StringIO()
    call_command(Command(), *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue()


def test_command_perfect_corpus_passes_thresholds(settings_ready, fake_extract):
    for article, expected in PAIRS:
        fake_extract[article.read_bytes()] = json.loads(expected.read_text(encoding="utf-8"))
    output = run_command(
        CORPUS,
        min_statement_f1=0.95,
        min_speaker_accuracy=0.95,
        min_actor_recall=0.95,
        min_meeting_recall=0.9,
        min_claim_recall=0.9,
    )
    assert "overall" in output
    assert all(a.name in output for a, _ in PAIRS)


def test_command_threshold_failure_exits_non_zero(settings_ready, fake_extract, tmp_path):
    from django.core.management.base import CommandError

    expected = make_expected()
    article = tmp_path / "001_tiny.txt"
    article.write_text("Kim said ...", encoding="utf-8")
    (tmp_path / "001_tiny.json").write_text(json.dumps(expected), encoding="utf-8")
    predicted = copy.deepcopy(expected)
    predicted["statements"][2]["speaker"] = "Kim Jong Un"
    fake_extract[article.read_bytes()] = predicted

    output = run_command(article, min_statement_f1=0.95)  # F1 is 1.0: passes
    assert "001_tiny.txt" in output
    with pytest.raises(CommandError, match=r"speaker accuracy 0\.667 < 0\.950"):
        run_command(tmp_path, min_speaker_accuracy=0.95)


def test_command_json_format_and_extraction_errors(settings_ready, monkeypatch, tmp_path):
    import statements.extraction as extraction

    def broken(raw: bytes):
        raise ValueError("boom")

    monkeypatch.setattr(extraction, "extract", broken, raising=False)
    (tmp_path / "002_x.txt").write_text("text", encoding="utf-8")
    (tmp_path / "002_x.json").write_text(json.dumps(make_expected()), encoding="utf-8")
    payload = json.loads(run_command(tmp_path, format="json"))
    assert payload["articles"][0]["error"] == "ValueError: boom"
    assert payload["overall"]["statement_recall"] == 0.0
    assert payload["failures"] == []


def test_a_ministry_matches_under_the_name_the_importer_gives_it():
    expected = make_expected()
    expected["actors"].append(
        {"name": "Ministry of Foreign Affairs of Thailand", "kind": "organization", "aliases": []}
    )
    expected["statements"][0]["speaker"] = "Ministry of Foreign Affairs of Thailand"
    predicted = copy.deepcopy(expected)
    predicted["statements"][0]["speaker"] = "Foreign Ministry of Thailand"
    predicted["actors"][-1]["name"] = "Foreign Ministry of Thailand"
    score = score_article(predicted, expected)
    assert score.speaker_accuracy == 1.0 and score.actor_recall == 1.0
    predicted["statements"][0]["speaker"] = "Foreign Ministry of Vietnam"
    assert score_article(predicted, expected).speaker_accuracy < 1.0
