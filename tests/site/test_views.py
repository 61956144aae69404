"""The reader's pages: status, content, filters, escaping, and a fixed number of queries."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.urls import reverse

from statements.models import Statement
from tests import factories as f

from .factories import add_rows, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def titles_in_order(html: str) -> list[str]:
    return re.findall(r'<h3 class="tl-title"><a href="[^"]+">([^<]+)</a>', html)


# --- timeline -----------------------------------------------------------------------------


def test_timeline_groups_by_year_in_time_order_with_unknown_last(client, world):
    html = get(client, reverse("home"))
    assert titles_in_order(html) == [
        "Six-party talks",
        "Second Trump–Kim summit",
        "Putin–Kim talks on Russky Island",
        "A future round of talks",
    ]
    headings = re.findall(r'<h2 class="year-heading" id="([^"]+)">([^<]+)</h2>', html)
    assert headings == [
        ("year-2003", "2003"),
        ("year-2019", "2019"),
        ("year-unknown", "Date unknown"),
    ]
    assert "c. Feb 2019" in html and "2003 – 2009" in html and "25 Apr 2019" in html
    assert 'class="tl-item tl-approx"' in html and 'class="tl-item tl-range"' in html
    assert 'class="tl-item tl-point"' in html and 'class="tl-item tl-unknown"' in html
    assert "No major agreements" in html  # one-line outcome
    assert "Both sides said" not in html  # only the first outcome on the timeline
    assert (
        '<a href="/actors/vladimir-putin/">Vladimir Putin</a> <span class="role">(host)</span>'
        in html
    )
    # the overview: a dot for the day, a bar for the range, a dashed bar for the estimate
    assert (
        'role="img"' in html
        and '<title id="tl-title">Overview of 3 dated meetings, 2003–2019' in html
    )
    assert html.count('class="tl-point"') == 1 and html.count('class="tl-range"') == 1
    assert html.count('class="tl-approx"') == 1
    assert "<title>Other</title>" not in html


def test_timeline_filters_by_actors_kind_and_years(client, world):
    url = reverse("home")
    assert titles_in_order(get(client, f"{url}?actor=kim-jong-un")) == [
        "Second Trump–Kim summit",
        "Putin–Kim talks on Russky Island",
    ]
    # several actors: every one must have taken part
    both = get(client, f"{url}?actor=kim-jong-un&actor=vladimir-putin")
    assert titles_in_order(both) == ["Putin–Kim talks on Russky Island"]
    assert '<option value="kim-jong-un" selected>' in both
    assert '<option value="vladimir-putin" selected>' in both
    assert titles_in_order(get(client, f"{url}?kind=series")) == ["Six-party talks"]
    # a year range keeps meetings overlapping it, the 2003–2009 range included, undated out
    assert titles_in_order(get(client, f"{url}?from=2005&to=2006")) == ["Six-party talks"]
    assert titles_in_order(get(client, f"{url}?from=2019")) == [
        "Second Trump–Kim summit",
        "Putin–Kim talks on Russky Island",
    ]
    assert titles_in_order(get(client, f"{url}?to=2019&from=2010")) == [
        "Second Trump–Kim summit",
        "Putin–Kim talks on Russky Island",
    ]
    empty = get(client, f"{url}?kind=call")
    assert titles_in_order(empty) == [] and "match these filters" in empty
    # nonsense is ignored rather than an error
    assert len(titles_in_order(get(client, f"{url}?from=abc&kind=nope&actor=nobody"))) == 4


def test_timeline_pages_from_the_most_recent_with_filters_kept(client, world, settings):
    from statements import views

    views.TIMELINE_PAGE, saved = 2, views.TIMELINE_PAGE
    try:
        first = get(client, reverse("home"))
        # page 1: the most recent two (undated last), a link to earlier ones, none to later
        assert titles_in_order(first) == [
            "Putin–Kim talks on Russky Island",
            "A future round of talks",
        ]
        assert "Page 1 (the most recent)" in first
        assert 'rel="prev" href="?page=2"' in first and 'rel="next"' not in first
        second = get(client, reverse("home") + "?page=2")
        assert titles_in_order(second) == ["Six-party talks", "Second Trump–Kim summit"]
        assert 'rel="prev"' not in second and 'rel="next" href="/"' in second
        # the filters stay in the paging links
        filtered = get(client, reverse("home") + "?from=2000&page=1")
        assert titles_in_order(filtered)[-1] == "Putin–Kim talks on Russky Island"
        assert 'rel="prev" href="?from=2000&amp;page=2"' in filtered
        assert "No meetings on this page" in get(client, reverse("home") + "?page=9")
        assert titles_in_order(get(client, reverse("home") + "?page=x")) == titles_in_order(first)
    finally:
        views.TIMELINE_PAGE = saved


def test_timeline_actor_filter_offers_the_page_and_accepts_a_typed_name(client, world):
    html = get(client, reverse("home"))
    assert '<option value="kim-jong-un">Kim Jong Un</option>' in html
    assert 'id="f-actor-other" name="actor"' in html
    typed = get(client, reverse("home") + "?actor=&actor=Kim+Jong+Un")
    assert titles_in_order(typed) == ["Second Trump–Kim summit", "Putin–Kim talks on Russky Island"]
    assert '<option value="kim-jong-un" selected>' in typed


def test_timeline_with_nothing_loaded(client, db):
    assert "No meetings are loaded yet" in get(client, reverse("home"))


# --- pages --------------------------------------------------------------------------------


def test_meeting_page(client, world):
    html = get(client, world.vladivostok.get_absolute_url())
    assert "<title>Putin–Kim talks on Russky Island · Parley</title>" in html
    assert "Russky Island, Vladivostok, Russia" in html
    assert "25 Apr 2019" in html and "known to the day" in html
    assert 'Vladimir Putin</a> <span class="role">— host</span>' in html
    assert 'Kim Jong Un</a> <span class="role">— guest</span>' in html
    assert "No major agreements" in html and "Both sides said they were satisfied" in html
    assert 'Before:</span> <a href="/meetings/second-trump-kim-summit/">' in html
    assert "Kim Jong Un would be willing to denuclearize" in html
    assert "Above all, he focuses" in html and "The Associated Press" in html
    assert "That&#x27;s not just Putin" not in html  # not said at this meeting
    assert world.claim.get_absolute_url() in html
    assert world.article.get_absolute_url() in html  # the source
    assert 'aria-label="Breadcrumb"' in html
    hanoi = get(client, world.hanoi.get_absolute_url())
    assert 'After:</span> <a href="/meetings/putin-kim-talks-2019/">' in hanoi
    assert "c. Feb 2019" in hanoi and "approximate" in hanoi
    six = get(client, world.six_party.get_absolute_url())
    assert "2003 – 2009" in six and "a range, from a year to a year" in six


def test_actor_page(client, world):
    html = get(client, world.putin.get_absolute_url())
    assert "<h1>Vladimir Putin</h1>" in html
    assert "Person" in html and 'href="/actors/russia/">Russia</a>' in html
    assert "President" in html and "<li>Putin</li>" in html
    # whom he met: an SVG with a title, and a plain list
    assert (
        '<svg class="met-graph"' in html
        and '<title id="met-title">Whom Vladimir Putin met</title>' in html
    )
    assert 'href="/actors/kim-jong-un/">Kim Jong Un</a> (1)' in html
    assert titles_in_order(html) == ["Putin–Kim talks on Russky Island", "A future round of talks"]
    assert "Above all, he focuses" in html
    assert "Claims by Vladimir Putin" in html and world.claim.text in html
    kim = get(client, world.kim.get_absolute_url())
    about = kim.split('id="h-claims-about"')[1]
    assert world.claim.text in about
    assert "None recorded." in kim.split('id="h-claims-by"')[1].split('id="h-claims-about"')[0]


def test_article_page_highlights_each_statement_in_place(client, world):
    html = get(client, world.article.get_absolute_url())
    assert "NPR" in html and "Matthew S. Schwartz" in html
    assert 'href="https://www.npr.org/2019/04/25/kim-putin"' in html
    assert "25 April 2019, 07:37 EDT" in html  # in the zone the article gave
    for statement in (world.willing, world.above_all, world.sarcastic):
        assert f'id="statement-{statement.pk}"' in html
        assert f'href="{statement.get_absolute_url()}"' in html
    # the highlight sits at its span: the words before it, then the mark
    assert (
        "If North Korea is given security guarantees, "
        f'<mark class="hl hl-reported" id="statement-{world.willing.pk}">'
        f'<a class="hl-link" href="/statements/{world.willing.pk}/">Kim Jong Un would be willing to denuclearize</a></mark>'
        f'<span class="hl-tag"> [<span class="visually-hidden">reported speech by </span>Vladimir Putin · <a class="quote-claim" href="/claims/{world.claim.pk}/">claim {world.claim.pk}</a>]</span>'
    ) in html
    assert '[<span class="visually-hidden">quote by </span>Lucian Kim]' in html
    # boilerplate shown apart and dimmed; the header and trailer folded away, outside the body
    furniture = re.findall(r'<div class="furniture"[^>]*>(.*?)</div></div>', html, re.S)
    assert [b.count("Sign Up For The NPR Daily Newsletter") for b in furniture] == [1]
    outside = re.findall(r'<details class="furniture outside">(.*?)</details>', html, re.S)
    assert len(outside) == 2
    assert "Kim Jong Un Willing To Denuclearize" in outside[0] and "Header and byline" in outside[0]
    assert "Copyright 2019 NPR" in outside[1]
    bodies = re.findall(r'\n    <div class="text-body">(.*?)</div>', html, re.S)
    assert len(bodies) == 2 and "Sign Up" not in "".join(bodies)
    assert bodies[0].startswith("If North Korea") and bodies[1].startswith("&quot;<mark")


def test_article_text_and_names_are_escaped(client, db):
    text = 'Evil <script>alert("x")</script> article\n\n"<b>bold</b> words," said <i>Mallory</i>.\n'
    mallory = f.ActorFactory(name="<img src=x onerror=alert(1)>", slug="mallory")
    article = f.ArticleFactory(title="<script>t()</script>", text=text, body_end=len(text))
    s = text.index("<b>bold")
    statement = f.StatementFactory(
        article=article, speaker=mallory, start=s, end=s + 15, text=text[s : s + 15]
    )
    meeting = f.MeetingFactory(
        title="<svg onload=alert(1)>", place="<u>x</u>", outcomes=["<em>ok</em>"]
    )
    f.ParticipationFactory(meeting=meeting, actor=mallory)
    claim = f.ClaimFactory(claimant=mallory, subject=mallory, text="<script>c()</script>")
    claim.evidence.add(statement)
    pages = [
        article.get_absolute_url(),
        statement.get_absolute_url(),
        claim.get_absolute_url(),
        mallory.get_absolute_url(),
        meeting.get_absolute_url(),
        reverse("home"),
        reverse("search") + "?q=script",
        reverse("search") + "?q=%3Cscript%3E",
    ]
    for url in pages:
        html = get(client, url)
        for raw in ("<script>", "<img src=x", "<b>bold", "<svg onload", "<em>ok", "<u>x"):
            assert raw not in html, (url, raw)
    article.published_tz = "Not/AZone"
    article.save()
    html = get(client, article.get_absolute_url())
    assert "25 April 2019, 11:37 UTC" in html
    assert "Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; article" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_statement_page(client, world):
    html = get(client, world.above_all.get_absolute_url())
    assert 'What <a href="/actors/vladimir-putin/">Vladimir Putin</a> said' in html
    assert "Reported by" in html and "The Associated Press" in html
    # in context: the words around it, the quote marked
    assert (
        '<mark class="hl hl-quote">Above all, he focuses on protecting national interests and security,</mark>'
        in html
    )
    assert "Putin said, The Associated Press reported." in html
    assert world.claim.get_absolute_url() in html
    assert f"{world.article.get_absolute_url()}#statement-{world.above_all.pk}" in html
    assert "This statement is not evidence" in get(client, world.sarcastic.get_absolute_url())


def test_statement_page_lists_the_other_parts_of_an_utterance(client, world):
    Statement.objects.filter(pk__in=[world.willing.pk, world.above_all.pk]).update(utterance="u1")
    Statement.objects.filter(pk=world.above_all.pk).update(part=2)
    html = get(client, world.willing.get_absolute_url())
    assert "Parts of the same quote" in html and world.above_all.get_absolute_url() in html


def test_claim_page_draws_the_attribution_chain(client, world):
    html = get(client, world.claim.get_absolute_url())
    assert "<h1>Kim Jong Un is willing to denuclearize</h1>" in html
    assert "if given security guarantees" in html and "Unreviewed" in html
    chain = re.findall(r'<span class="chain-role">([^<]+)</span> <a href="[^"]+">([^<]+)</a>', html)
    assert chain == [
        ("subject", "Kim Jong Un"),
        ("claimant", "Vladimir Putin"),
        ("reported by", "The Associated Press"),
        ("published by", "NPR"),
    ]
    assert html.count('<p class="context">') == 2  # both evidence quotes in context
    assert (
        '<mark class="hl hl-reported">Kim Jong Un would be willing to denuclearize</mark>' in html
    )


def test_search_finds_and_highlights_across_kinds(client, world):
    html = get(client, reverse("search") + "?q=denuclearize")
    assert "<mark>denuclearize</mark>" in html
    assert world.willing.get_absolute_url() in html and world.claim.get_absolute_url() in html
    html = get(client, reverse("search") + "?q=putin")
    assert 'href="/actors/vladimir-putin/"><mark>Putin</mark>' in html.replace(
        "Vladimir <mark>", "<mark>"
    ) or ("Vladimir <mark>Putin</mark>" in html)
    html = get(client, reverse("search") + "?q=russky")
    assert "Putin–Kim talks on <mark>Russky</mark> Island" in html
    assert "Nothing matches" in get(client, reverse("search") + "?q=zanzibar")
    assert "Type a name" in get(client, reverse("search"))


def test_404_helps(client, db):
    html = get(client, "/no/such/page/", status=404)
    assert "We could not find that page" in html and 'action="/search/"' in html
    assert "/no/such/page/" in html
    get(client, "/actors/nobody/", status=404)
    get(client, "/claims/999999/", status=404)


# --- a fixed number of queries whatever the number of rows --------------------------------

ON_POSTGRESQL = int(connection.vendor == "postgresql")
PAGES = {
    # page: (url builder, queries)
    # meetings, participants (the actor list offers the participants shown)
    "timeline": (lambda w: reverse("home"), 2),
    # + the actors asked for
    "timeline-filtered": (
        lambda w: (
            reverse("home")
            + "?actor=vladimir-putin&actor=kim-jong-un&from=2000&to=2030&kind=summit"
        ),
        3,
    ),
    # meeting, participants, relations out, relations in, statements, claims, sources;
    # + 4 for the embedded JSON-LD (the same document as meetings/<slug>.jsonld)
    "meeting": (lambda w: w.vladivostok.get_absolute_url(), 7 + 4),
    # actor, aliases, roles, meetings, their participants, statements, claims; + 3 JSON-LD
    "actor": (lambda w: w.putin.get_absolute_url(), 7 + 3),
    # article, authors, statements, their claims
    "article": (lambda w: w.article.get_absolute_url(), 4),
    # statement with context, its claims, the article's authors (the JSON-LD reuses them:
    # it re-read the statement and the authors before, 2 + 2); on PostgreSQL all of them,
    # with the version of their rows for the page cache, in one (test_pagecache.py)
    "statement": (lambda w: w.willing.get_absolute_url(), 1 if ON_POSTGRESQL else 3),
    # claim with its actors, evidence with articles; + 3 JSON-LD
    "claim": (lambda w: w.claim.get_absolute_url(), 2 + 3),
    # actors, meetings, statements, claims
    "search": (lambda w: reverse("search") + "?q=putin", 4),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("extra", [0, 6])
def test_queries_do_not_grow_with_rows(client, world, django_assert_num_queries, page, extra):
    add_rows(world, extra)
    url, expected = PAGES[page]
    with django_assert_num_queries(expected):
        response = client.get(url(world))
    assert response.status_code == 200


def test_meeting_items_tag_renders_exactly_the_item_template(world):
    """The timeline's items come from a Python tag (the template engine was most of the
    page's time); the item template stays the reference and both must agree byte for byte."""
    from django.template.loader import render_to_string

    from events.models import Meeting
    from statements.templatetags.parley import meeting_items

    f.MeetingFactory(title='<b>"Q" & A</b>', place="<i>x</i>", outcomes=[{"text": "<ok>"}])
    meetings = list(Meeting.objects.for_site_timeline())
    expected = "".join(
        render_to_string("site/_meeting_item.html", {"meeting": m}) for m in meetings
    )
    assert meeting_items(meetings) == expected
    # the timeline passes its participants as rows (one query, no model instances)
    assert meeting_items(meetings, Meeting.objects.people_of(meetings)) == expected
    assert "&lt;b&gt;&quot;Q&quot; &amp; A&lt;/b&gt;" in expected


def test_actor_options_tag_renders_exactly_the_loop_it_replaced(world):
    from django.template import Context, Template

    from actors.models import Actor
    from statements.templatetags.parley import ACTOR_OPTIONS_TEMPLATE, actor_options

    hostile = f.ActorFactory(name="<b>\"Q\" & 'A'</b>", slug="q-and-a")
    actors = [*Actor.objects.order_by("name"), hostile]
    selected = {hostile.slug, actors[0].slug}
    expected = Template(ACTOR_OPTIONS_TEMPLATE).render(
        Context({"actor_choices": actors, "selected_slugs": selected})
    )
    assert actor_options(actors, selected) == expected


def test_statement_id_beyond_64_bits_is_a_404(client, world):
    assert client.get("/statements/99999999999999999999/").status_code == 404
