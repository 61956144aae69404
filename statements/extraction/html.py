"""HTML pages: the article text and its metadata."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from .header import parse_datetime
from .reference import reference

_DROP = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "noscript",
    "iframe",
    "svg",
    "button",
)


@dataclass(frozen=True)
class Page:
    text: str  # title, byline, date and paragraphs separated by blank lines
    published: dt.datetime | None
    authors: tuple[str, ...]
    publisher: str | None
    url: str | None
    title: str


def _meta(soup: BeautifulSoup, *keys: str) -> str | None:
    for key in keys:
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        if tag and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _jsonld(soup: BeautifulSoup) -> list[dict]:
    out: list[dict] = []
    for tag in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(tag.string or "")
        except (ValueError, TypeError):
            continue
        items = (
            data
            if isinstance(data, list)
            else data.get("@graph", [data])
            if isinstance(data, dict)
            else []
        )
        out.extend(i for i in items if isinstance(i, dict))
    return out


def _as_dt(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        return None
    if isinstance(parsed, dt.datetime):
        return parsed
    return dt.datetime.combine(parsed, dt.time(0, 0))


def _publisher_name(raw: str | None) -> str | None:
    if not raw:
        return None
    ref = reference()
    if raw in ref.surface:
        return ref.surface[raw]
    m = ref.surface_re.search(raw)
    if m and ref.entities[ref.surface[m.group()]].kind == "media":
        return ref.surface[m.group()]
    return raw.strip()


def parse_html(html: str) -> Page:
    """Main text and metadata of an article page.

    '<h1>T</h1><article><p>A.</p><p>B.</p></article>' -> Page(text='T\\n\\nA.\\n\\nB.', ...)
    """
    soup = BeautifulSoup(html, "html.parser")
    ld = _jsonld(soup)
    art = next((i for i in ld if "Article" in str(i.get("@type", "")) or "datePublished" in i), {})
    published = _as_dt(
        _meta(
            soup, "article:published_time", "og:published_time", "datePublished", "pubdate", "date"
        )
        or art.get("datePublished")
        or (soup.find("time", attrs={"datetime": True}) or {}).get("datetime")  # type: ignore[union-attr]
    )
    authors: list[str] = []
    meta_author = _meta(soup, "author", "article:author", "byl")
    ld_author = art.get("author")
    if isinstance(ld_author, dict):
        ld_author = [ld_author]
    if isinstance(ld_author, list):
        authors += [a.get("name", "") for a in ld_author if isinstance(a, dict) and a.get("name")]
    elif isinstance(ld_author, str):
        authors.append(ld_author)
    if not authors and meta_author and not meta_author.startswith("http"):
        authors += [
            a.strip()
            for a in re.split(r",|\band\b", re.sub(r"^By\s+", "", meta_author))
            if a.strip()
        ]
    pub_raw = _meta(soup, "og:site_name", "application-name")
    if not pub_raw and isinstance(art.get("publisher"), dict):
        pub_raw = art["publisher"].get("name")
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = _meta(soup, "og:url") or (
        str(canonical["href"]) if canonical and canonical.get("href") else None
    )
    h1 = soup.find("h1")
    title = (
        (h1.get_text(" ", strip=True) if h1 else None)
        or _meta(soup, "og:title")
        or (soup.title.get_text(strip=True) if soup.title else "")
    )
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    paras = []
    for p in root.find_all(["p", "h2", "h3", "blockquote", "li"]):
        if p.find_parent(["p", "blockquote", "li"]) is not None and p.name != "p":
            continue
        txt = re.sub(r"\s+", " ", p.get_text(" ", strip=True)).strip()
        txt = re.sub(r"\s+([,.;:!?])", r"\1", txt)
        if txt and txt != title and txt not in paras:
            paras.append(txt)
    head = [title] if title else []
    if published:
        head.append(
            published.strftime("%B %d, %Y %I:%M %p").replace(" 0", " ")
            + (f" {published.tzname()}" if published.tzinfo else "")
        )
    if authors:
        head.append("By " + " and ".join(authors))
    text = "\n\n".join(["\n".join(head), *paras]) if head else "\n\n".join(paras)
    return Page(text, published, tuple(authors), _publisher_name(pub_raw), url, title or "")
