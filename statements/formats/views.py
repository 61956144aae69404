"""Thin views: parse the request, pick a QuerySet, hand rows to a format, set the type.

Everything here is public, read-only data, so the machine-readable endpoints allow any origin
(`Access-Control-Allow-Origin: *`): a newsroom's page can load the TimelineJS JSON directly.
Every response carries an ETag of its body and answers a matching If-None-Match with 304, so
calendar apps and feed readers that poll cheaply get nothing they already have.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import get_object_or_404
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.http import require_safe

from statements.models import Statement

from . import annotation, ical, jsonld, popolo, queries, timelinejs

JSONLD_TYPE = "application/ld+json"
# ETag from the body; 304 for a matching If-None-Match (also wraps the feeds in urls.py)
conditional = decorator_from_middleware(ConditionalGetMiddleware)


def site_base(request: HttpRequest) -> str:
    """'https://parley.example' — the origin every absolute link in a document starts with."""
    return request.build_absolute_uri("/").rstrip("/")


def _json(data: Any, *, content_type: str = "application/json", status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8", status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _bad(exc: Exception) -> HttpResponse:
    return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")


@conditional
@require_safe
def meetings_ics(request: HttpRequest) -> HttpResponse:
    """`/meetings.ics?actor=…&actor=…&kind=…&from=YYYY&to=YYYY&precision=day`."""
    try:
        scope = queries.MeetingFilter.from_query(request.GET)
    except queries.BadFilter as exc:
        return _bad(exc)
    name = "Parley: meetings"
    if scope.actors:
        name += " with " + " and ".join(a.name for a in scope.actors)
    body = ical.meetings_calendar(
        scope.meetings(),
        base=site_base(request),
        exact_only=request.GET.get("precision") == "day",
        name=name,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@conditional
@require_safe
def timeline_json(request: HttpRequest) -> HttpResponse:
    """`/api/v1/timeline.json` with the same filters as the calendar."""
    try:
        scope = queries.MeetingFilter.from_query(request.GET)
    except queries.BadFilter as exc:
        return _bad(exc)
    title = "Parley: diplomatic meetings"
    if scope.actors:
        title += " with " + " and ".join(a.name for a in scope.actors)
    return _json(timelinejs.timeline(scope.meetings(), base=site_base(request), title=title))


@conditional
@require_safe
def popolo_json(request: HttpRequest) -> HttpResponse:
    return _json(popolo.popolo_export(site_base(request)))


@conditional
@require_safe
def actor_jsonld(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(queries.actors_for_jsonld(), slug=slug)
    return _json(jsonld.actor_jsonld(actor, site_base(request)), content_type=JSONLD_TYPE)


@conditional
@require_safe
def meeting_jsonld(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(queries.meetings_for_jsonld(), slug=slug)
    return _json(jsonld.meeting_jsonld(meeting, site_base(request)), content_type=JSONLD_TYPE)


@conditional
@require_safe
def statement_jsonld(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(queries.statements_for_jsonld(), pk=pk)
    return _json(jsonld.statement_jsonld(statement, site_base(request)), content_type=JSONLD_TYPE)


@conditional
@require_safe
def claim_jsonld(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(queries.claims_for_jsonld(), pk=pk)
    return _json(jsonld.claim_jsonld(claim, site_base(request)), content_type=JSONLD_TYPE)


@conditional
@require_safe
def statement_annotation(request: HttpRequest, pk: int) -> HttpResponse:
    """The statement's W3C Web Annotation; 409 Conflict when its stored span no longer
    points at its stored words (the body then says what is stored and what the span holds)."""
    statement = get_object_or_404(Statement.objects.select_related("speaker", "article"), pk=pk)
    doc = annotation.statement_annotation(statement, site_base(request))
    if doc.get("parley:spanMismatch"):
        problem = {
            "type": "span-mismatch",
            "title": "The statement's stored span no longer matches its stored text.",
            "detail": (
                f"Statement {statement.pk}: article {statement.article.slug} "
                f"[{statement.start}:{statement.end}] does not hold the statement's text; "
                "an editor must correct the span before it can be served."
            ),
            "status": 409,
            "annotation": doc,
        }
        return _json(problem, content_type="application/problem+json", status=409)
    return _json(doc, content_type=JSONLD_TYPE)
