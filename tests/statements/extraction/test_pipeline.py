"""extract(): HTML input, str input, errors, purity of the package, properties."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import statements.extraction as pkg
from statements.extraction import InputError, content_hash, decode, extract

HTML = """<!DOCTYPE html><html><head>
<meta property="article:published_time" content="2019-06-30T14:02:00-04:00">
<meta property="og:site_name" content="Reuters">
<meta name="author" content="Jane Doe">
<meta property="og:url" content="https://example.com/a">
<title>Envoys meet | Site</title></head><body>
<nav><a>Home</a> <a>World</a></nav>
<header><p>Menu text</p></header>
<article><h1>Envoys Meet In Geneva</h1>
<figure><img alt="x"><figcaption>A caption, Someone said.</figcaption></figure>
<p>"We made progress," Foreign Minister Ann Berg said on Sunday.</p>
<p>The envoys met in Geneva.</p></article>
<aside>Read more about it</aside><footer>© 2019 Reuters</footer>
<script>var x = "said";</script></body></html>"""


def test_html_input() -> None:
    ex = extract(HTML.encode())
    assert ex.article.title == "Envoys Meet In Geneva"
    assert ex.article.published == dt.datetime(
        2019, 6, 30, 14, 2, tzinfo=dt.timezone(dt.timedelta(hours=-4))
    )
    assert ex.article.publisher == "Reuters"
    assert ex.article.authors == ("Jane Doe",)
    assert ex.article.url == "https://example.com/a"
    assert "Menu text" not in ex.text and "caption" not in ex.text and "var x" not in ex.text
    assert [(s.speaker, s.text) for s in ex.statements] == [("Ann Berg", "We made progress,")]
    assert ex.statements[0].date.value == dt.date(2019, 6, 30)


def test_content_hash() -> None:
    assert content_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    ex = extract("Title\n\nBody text here.")
    assert ex.content_hash == content_hash(ex.text)


def test_no_publication_date_warns() -> None:
    ex = extract("Title\n\nThe envoy met them on Thursday.")
    assert ex.article.published is None
    assert "no publication date found" in ex.warnings


def test_package_never_imports_django() -> None:
    root = Path(pkg.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n == "django" or n.startswith("django.") for n in names), path


def test_data_files_carry_no_article_specifics() -> None:
    data = " ".join(
        p.read_text(encoding="utf-8") for p in (Path(pkg.__file__).parent / "data").glob("*.json")
    )
    for banned in ("Russky", "Lucian", "Kuhn", "Schwartz", "Vladivostok", "Putin", "Jong Un"):
        assert banned not in data


def _check(ex) -> None:
    n = len(ex.text)
    for s in ex.statements:
        assert 0 <= s.start < s.end <= n and ex.text[s.start : s.end] == s.text
        assert 0.0 <= s.confidence <= 1.0
    for m in ex.mentions:
        assert 0 <= m.start < m.end <= n and ex.text[m.start : m.end] == m.text
    for b in ex.article.boilerplate:
        assert 0 <= b.start < b.end <= n
    for c in ex.claims:
        assert all(0 <= i < len(ex.statements) for i in c.evidence)


_words = st.sampled_from(
    ['"', "“", "”", "said", "Putin", "Kim", "Kim Jong Un", "President", "he", ",", ".", "\n\n",
     "Thursday", "according to", "Reuters", "reported", "that", "If", "the talks", "U.S.", "Mr.",
     "Moscow", "analysts", "summit", "with", "two months after", "held their second summit", "and"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_words, st.text(max_size=8)), max_size=60))
def test_any_text_gives_valid_spans(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        ex = extract(text)
    except InputError:
        return
    _check(ex)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_input_error(raw: bytes) -> None:
    try:
        decode(raw)
        ex = extract(raw)
    except InputError as exc:
        assert str(exc)
        return
    _check(ex)
