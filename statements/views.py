"""The reader's site: thin views that pick QuerySet methods and a template.

Every page runs a fixed number of queries whatever the number of rows (see tests/site/).
The actor and meeting pages live here rather than in their own apps because they show
statements and claims, and `statements` is the app that may know about all three.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from actors.models import Actor
from config.compiled import NotCompilable, compiled_instances, compiled_related
from config.pagecache import pages
from events.models import Meeting, MeetingKind, RelationKind

from .models import Article, Claim, Statement
from .pages import statement_blocks
from .search import MAX_QUERY_LENGTH, RANK_CANDIDATES, best_matches, search_terms
from .templatetags.parley import (
    article_blocks,
    claim_chain,
    counterparts,
    met_svg,
    timeline_svg,
    year_groups,
)

# Lists on detail pages stop here; the page says how many more there are.
PAGE_LIMIT = 100
# Meetings per page of the timeline (page 1 = the most recent).
TIMELINE_PAGE = 100
SEARCH_LIMIT = 25


@dataclass
class TimelineFilters:
    actors: list[Actor]
    kind: str
    year_from: int | None
    year_to: int | None

    @property
    def active(self) -> bool:
        return bool(self.actors or self.kind or self.year_from or self.year_to)


def _year(value: str | None) -> int | None:
    try:
        year = int((value or "").strip())
    except ValueError:
        return None
    return year if 1 <= year <= 9999 else None


def _timeline_filters(request) -> TimelineFilters:
    wanted = [w.strip() for w in request.GET.getlist("actor") if w.strip()]
    year_from, year_to = _year(request.GET.get("from")), _year(request.GET.get("to"))
    if year_from and year_to and year_from > year_to:
        year_from, year_to = year_to, year_from
    kind = request.GET.get("kind", "")
    return TimelineFilters(
        # by slug (the list's values) or by name (typed); no query at all when none is asked for
        actors=list(Actor.objects.by_slug_or_name(wanted)) if wanted else [],
        kind=kind if kind in MeetingKind.values else "",
        year_from=year_from,
        year_to=year_to,
    )


def _page_number(value: str | None) -> int:
    try:
        page = int(value or 1)
    except ValueError:
        return 1
    return min(max(page, 1), 100_000)


def _timeline_link(request, page: int) -> str:
    query = request.GET.copy()
    if page == 1:
        query.pop("page", None)
    else:
        query["page"] = str(page)
    return "?" + query.urlencode() if query else request.path


def timeline(request):
    """Meetings in time order, grouped by year, with filters kept in the URL; one page of
    TIMELINE_PAGE meetings, the most recent first (page 1), "earlier" and "later" links.
    2 queries (meetings, participants), 3 with an actor filter (the actors asked for)."""
    filters = _timeline_filters(request)
    page = _page_number(request.GET.get("page"))
    if filters.actors or filters.year_from or filters.year_to:
        meetings, has_earlier = (
            Meeting.objects.for_site_timeline(
                actors=filters.actors,
                kind=filters.kind,
                year_from=filters.year_from,
                year_to=filters.year_to,
            )
            .prefetch_related(None)
            .timeline_page(page, TIMELINE_PAGE)
        )
    else:
        # The usual page (all meetings, or one kind): its SQL compiled once; the same rows
        # as timeline_page() reads (backwards, one more than the page).
        values = [filters.kind] if filters.kind else []

        def newest_first(*kind):
            queryset = Meeting.objects.for_site_timeline(kind=kind[0] if kind else "")
            return queryset.prefetch_related(None).reverse()

        start = (page - 1) * TIMELINE_PAGE
        rows = compiled_instances(
            "timeline", newest_first, values, limit=TIMELINE_PAGE + 1, offset=start
        )
        has_earlier = len(rows) > TIMELINE_PAGE
        meetings = rows[:TIMELINE_PAGE][::-1]
    people = Meeting.objects.people_of(meetings)  # rows, not model instances
    # The actor list offers the participants of the meetings shown, and those asked for;
    # any other actor can be typed (slug or name).
    choices = {p.slug: p for rows in people.values() for p in rows}
    choices.update((a.slug, a) for a in filters.actors)
    return render(
        request,
        "site/timeline.html",
        {
            "meetings": meetings,
            "groups": year_groups(meetings),
            "overview": timeline_svg(meetings),
            "filters": filters,
            "actor_choices": sorted(choices.values(), key=lambda a: (a.name.casefold(), a.slug)),
            "people": people,
            "selected_slugs": {a.slug for a in filters.actors},
            "kind_choices": MeetingKind.choices,
            "page": page,
            "earlier_url": _timeline_link(request, page + 1) if has_earlier else None,
            "later_url": _timeline_link(request, page - 1) if page > 1 else None,
        },
    )


def meeting_detail(request, slug):
    """A meeting with participants, relations, statements by speaker, claims, sources."""
    meeting = get_object_or_404(Meeting.objects.for_page(), slug=slug)
    before = [r.target for r in meeting.relations_out.all() if r.kind == RelationKind.FOLLOWS]
    after = [r.source for r in meeting.relations_in.all() if r.kind == RelationKind.FOLLOWS]
    related = [
        (r.get_kind_display(), r.target)
        for r in meeting.relations_out.all()
        if r.kind != RelationKind.FOLLOWS
    ] + [
        (f"{r.source} is {r.get_kind_display().lower()}", r.source)
        for r in meeting.relations_in.all()
        if r.kind != RelationKind.FOLLOWS
    ]
    return render(
        request,
        "site/meeting.html",
        {
            "meeting": meeting,
            "before": before,
            "after": after,
            "related": related,
            "statements": list(Statement.objects.at_meeting(meeting)[:PAGE_LIMIT]),
            "claims": list(Claim.objects.about_meeting(meeting)[:PAGE_LIMIT]),
            "sources": list(Article.objects.sources_for(meeting)),
        },
    )


def actor_detail(request, slug):
    """An actor: who they are, their meetings, what they said, claims by and about them."""
    actor = get_object_or_404(Actor.objects.for_page(), slug=slug)
    meetings = list(Meeting.objects.with_participant(actor))
    people = counterparts(actor, meetings)
    claims = list(Claim.objects.involving(actor)[: 2 * PAGE_LIMIT])
    return render(
        request,
        "site/actor.html",
        {
            "actor": actor,
            "meetings": meetings,
            "groups": year_groups(meetings),
            "overview": timeline_svg(meetings),
            "people": people,
            "met_svg": met_svg(actor, people),
            "statements": list(Statement.objects.by_speaker(actor)[:PAGE_LIMIT]),
            "claims_by": [c for c in claims if c.claimant_id == actor.pk],
            "claims_about": [c for c in claims if c.subject_id == actor.pk],
        },
    )


def article_detail(request, slug):
    """The stored article with every statement highlighted in place (4 queries)."""
    article = get_object_or_404(Article.objects.with_context(), slug=slug)
    statements = list(Statement.objects.in_article(article))
    blocks = article_blocks(
        article.text, article.body_start, article.body_end, article.boilerplate, statements
    )
    return render(
        request,
        "site/article.html",
        {"article": article, "blocks": blocks, "statements": statements},
    )


@functools.cache
def _page_claims() -> Prefetch:
    """`Statement.objects.for_page()`'s one prefetch (built once: it is the same for every
    page, and building the queryset to read it cost about a tenth of the view's Python)."""
    (claims,) = Statement.objects.for_page()._prefetch_related_lookups
    return claims


def statement_detail(request, pk):
    """A statement in its context, with the claims it is evidence for and its other parts.

    On PostgreSQL one query (`Statement.objects.page`) reads the version of every row the
    page shows and, unless this process already rendered the page under that version (kept
    in config/pagecache.py: then the page is sent as it was), the rows themselves as JSON.
    Elsewhere 3 queries (+1 for a quote in several parts): the statement with its context,
    its claims, the article's authors — compiled once (config/compiled.py), giving what
    `get_object_or_404` and `prefetch_related` gave. Either way the page's JSON-LD needs no
    queries of its own."""
    if _is_postgresql(Statement):
        return _statement_page_postgresql(request, pk)
    try:
        found = compiled_instances(
            "statement-page",
            lambda pk: Statement.objects.for_page().prefetch_related(None).filter(pk=pk),
            [pk],
            prepare=True,
        )
    except NotCompilable:  # an id beyond 64 bits: no such statement
        found = []
    if not found:
        raise Http404("No Statement matches the given query.")
    statement = found[0]
    # for_page()'s prefetch (its claims), then the article's authors for the JSON-LD
    claims = _page_claims()
    compiled_related("statement-page-claims", statement, claims.prefetch_to, claims.queryset)
    compiled_related("statement-page-authors", statement.article, "authors")
    parts = []
    if statement.utterance:
        parts = compiled_instances(
            "statement-page-parts",
            lambda article_id, utterance: Statement.objects.filter(
                article_id=article_id, utterance=utterance
            ).order_by("part", "start"),
            [statement.article_id, statement.utterance],
            prepare=True,
        )
    return _render_statement_page(request, statement, parts)


def _statement_page_postgresql(request, pk) -> HttpResponse:
    # the page's JSON-LD holds absolute URLs: one entry per host the site is reached by
    key = ("statement", pk, request.get_host(), request.is_secure())
    kept = pages.get(key)
    found = Statement.objects.page(pk, kept[0] if kept is not None else None)
    if found is None:
        raise Http404("No Statement matches the given query.")
    if found.statement is None:  # the rows have not changed since this page was rendered
        return HttpResponse(kept[1])
    response = _render_statement_page(request, found.statement, found.parts)
    pages.put(key, found.version, response.content)
    return response


def _render_statement_page(request, statement, parts) -> HttpResponse:
    blocks = statement_blocks(statement, parts)
    return render(request, "site/statement_page.html", {"statement": statement, "blocks": blocks})


def _is_postgresql(model) -> bool:
    return connections[router.db_for_read(model)].vendor == "postgresql"


def claim_detail(request, pk):
    """A claim with its attribution chain and its evidence quotes in context (2 queries)."""
    claim = get_object_or_404(Claim.objects.for_page(), pk=pk)
    evidence = list(claim.evidence.all())
    return render(
        request,
        "site/claim.html",
        {"claim": claim, "evidence": evidence, "chain": claim_chain(claim, evidence)},
    )


def search(request):
    """Actors, meetings, statements and claims matching `q`, matched words marked."""
    q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(q)
    results = {}
    if terms:
        results = {
            "actors": best_matches(Actor.objects.all(), q, SEARCH_LIMIT),
            "meetings": best_matches(Meeting.objects.all(), q, SEARCH_LIMIT),
            "statements": best_matches(Statement.objects.with_context(), q, SEARCH_LIMIT),
            "claims": best_matches(
                Claim.objects.select_related("claimant", "subject"), q, SEARCH_LIMIT
            ),
        }
    return render(
        request,
        "site/search.html",
        {
            "q": q,
            "terms": terms,
            "results": results,
            "total": sum(len(v) for v in results.values()),
            "limit": SEARCH_LIMIT,
            "candidates": RANK_CANDIDATES,
        },
    )
