"""The lean read path: anonymous JSON GETs of lists and details without DRF's and
django-filter's per-request machinery.

DRF and django-filter cost several milliseconds per request before any SQL runs (building
the Request, authenticators, content negotiation, a FilterSet with its form, the ORM
compiling a 40-column query). For the requests that make up nearly all of the traffic — an
anonymous client reading JSON with the usual filters — this path reads the query string by
hand, runs SQL compiled once per shape (`config.compiled`) and answers with orjson.

It answers ONLY when it can give exactly the response the full path would give: the same
body (the same `rows_json`), the same headers (ETag, Allow, Vary), the same paging (DRF's own
paginator classes run on the rows), the same throttle (the view's throttles are consulted
the same way). Anything else — a credential or session cookie, another format or Accept
header, an unknown or repeated parameter, a value it does not read exactly as the filter
would, an error of any kind (400, 404, 429) — returns None, and the request goes through
DRF untouched, which gives the error its usual body. `tests/api/test_lean.py` compares both
paths response by response; `LEAN_READS = False` switches this path off.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.settings import api_settings

from .compiled import (
    NotCompilable,
    compiled_values,
    date_marker,
    int_marker,
    marker_like,
    pk_in,
    str_marker,
)

LEAN_READS = True

_ACCEPT_JSON = (None, "", "*/*", "application/json")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z").match


class Fallback(Exception):
    """This request is for the full DRF path."""


class _NoMatch:
    """A filter value that matches nothing (an unknown slug): an empty page, no main query."""


NO_MATCH = _NoMatch()


def _single(raw: list[str]) -> str:
    if len(raw) != 1:
        raise Fallback
    value = raw[0]
    # CharField strips and refuses NUL; an empty value means "no filter". Leave all of that
    # to the FilterSet: read only plain, non-empty values here.
    if not value or value != value.strip() or "\x00" in value:
        raise Fallback
    return value


# --- the filters the lean path reads ---------------------------------------------------------


class LeanFilter:
    """One query parameter: `parse` the raw values (or raise Fallback), `resolve` them (may
    query; NO_MATCH for nothing), `flat` = the values that reach the SQL, `markers` = the same
    for a marker argument, `apply` = the FilterSet's own filtering with that argument."""

    def parse(self, raw: list[str]) -> Any:
        raise NotImplementedError

    def resolve(self, value: Any) -> Any:
        return value

    def flat(self, value: Any) -> tuple:
        return (value,)

    def marker(self, index: int) -> Any:
        raise NotImplementedError

    def markers(self, value: Any, start: int) -> tuple[Any, tuple]:
        """(the argument `apply` is compiled with, the flat markers it puts in the SQL)."""
        argument = self.marker(start)
        return argument, tuple(self.flat(argument))

    def apply(self, queryset, value):
        raise NotImplementedError


class LeanSlug(LeanFilter):
    """A `RelatedSlugFilter`: the slug's id (one small query), then the foreign key."""

    def __init__(self, filterset_class, name: str) -> None:
        self.filter = filterset_class.base_filters[name]
        model = self.filter.related_model
        self.key = ("slug-pk", model._meta.label)
        manager = model._default_manager
        # the query `RelatedSlugFilter.filter` runs: .filter(slug=…).values_list("pk").first()
        self.lookup = lambda slug: manager.filter(slug=slug).order_by("pk").values("pk")

    def parse(self, raw):
        return _single(raw)

    def resolve(self, value):
        rows = compiled_values(self.key, self.lookup, [value], limit=1, prepare=True)
        return rows[0]["pk"] if rows else NO_MATCH

    def marker(self, index):
        return int_marker(index)

    def apply(self, queryset, value):
        return self.filter.filter_pk(queryset, value)


class LeanDate(LeanFilter):
    """A date filter given as YYYY-MM-DD (the first of DateField's input formats); `derive`
    lists the values the filter computes from it (e.g. the first day of its month)."""

    def __init__(self, apply, derive=None) -> None:
        self._apply = apply
        self.derive = derive or (lambda d: (d,))

    def parse(self, raw):
        value = _single(raw)
        if not _ISO_DATE(value):
            raise Fallback
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise Fallback from None

    def flat(self, value):
        return self.derive(value)

    def marker(self, index):
        return date_marker(index)

    def apply(self, queryset, value):
        return self._apply(queryset, value)


class LeanChoices(LeanFilter):
    """A repeatable `MultipleChoiceFilter` (`?status=a&status=b`)."""

    def __init__(self, filterset_class, name: str) -> None:
        self.filter = filterset_class.base_filters[name]
        self.choices = {str(value) for value, _ in self.filter.extra["choices"]}

    def parse(self, raw):
        if not raw or any(value not in self.choices for value in raw):
            raise Fallback
        return tuple(dict.fromkeys(raw))  # the filter works on the set of values

    def flat(self, value):
        return value

    def markers(self, value, start):
        argument = tuple(str_marker(start + k) for k in range(len(value)))
        return argument, argument

    def apply(self, queryset, value):
        return self.filter.filter(queryset, list(value))


# --- rows for DRF's paginators ---------------------------------------------------------------


class LeanSearch(LeanFilter):
    """`q`, full-text search, on PostgreSQL (the SQLite fallback's SQL depends on the number
    of words). A query without words, which the FilterSet ignores, goes to the full path."""

    def parse(self, raw):
        from django.db import connection

        from statements.search import normalise_query, search_terms

        value = normalise_query(_single(raw))
        if connection.vendor != "postgresql" or not search_terms(value):
            raise Fallback
        return value

    def marker(self, index):
        return str_marker(index)

    def apply(self, queryset, value):
        from statements.search import search_match

        return queryset.filter(search_match(value))


class LeanRows:
    """What DRF's paginators ask of a queryset — `order_by`, one cursor position filter on the
    primary key, a slice — answered with SQL compiled once per shape."""

    def __init__(self, view, filters: list[tuple[str, LeanFilter, Any]], empty: bool) -> None:
        self.view = view
        self.filters = filters
        self.empty = empty
        self.ordering: tuple[str, ...] = ()
        self.position: tuple[str, int] | None = None
        self.query = SimpleNamespace(annotations={})  # StrictOrderingFilter looks for "rank"

    def _copy(self) -> LeanRows:
        other = LeanRows(self.view, self.filters, self.empty)
        other.ordering, other.position = self.ordering, self.position
        return other

    def order_by(self, *fields: str) -> LeanRows:
        other = self._copy()
        other.ordering = fields
        return other

    def filter(self, **kwargs) -> LeanRows:
        ((lookup, value),) = kwargs.items()
        field, op = lookup.rsplit("__", 1)
        if field not in ("id", "pk") or op not in ("lt", "gt"):
            raise NotCompilable(lookup)
        other = self._copy()
        other.position = (op, int(value))
        return other

    def __getitem__(self, window: slice) -> list[dict]:
        if self.empty:
            return []
        offset = window.start or 0
        arguments, flat_markers, values = [], [], []
        for _name, lean, value in self.filters:
            argument, markers = lean.markers(value, len(flat_markers))
            arguments.append(argument)
            flat_markers += markers
            values += lean.flat(value)
        shape = [(name, len(lean.flat(value))) for name, lean, value in self.filters]
        op = None
        if self.position is not None:
            op, position = self.position
            arguments.append(int_marker(len(flat_markers)))
            flat_markers.append(arguments[-1])
            values.append(position)
        view, ordering, leans = self.view, self.ordering, [f[1] for f in self.filters]
        searched = [value for _name, lean, value in self.filters if isinstance(lean, LeanSearch)]
        if searched:
            return self._search_page(
                searched[0], leans, shape, op, (arguments, flat_markers), values, window
            )

        def build(*args):
            queryset = view.get_queryset()
            for lean, argument in zip(leans, args, strict=False):
                queryset = lean.apply(queryset, argument)
            queryset = view.as_rows(queryset).order_by(*ordering)
            if op is not None:
                queryset = queryset.filter(**{f"id__{op}": args[-1]})
            return queryset

        key = ("lean-list", type(view).__qualname__, tuple(shape), ordering, op)
        return compiled_values(
            key,
            build,
            values,
            markers=(arguments, flat_markers),
            limit=window.stop - offset,
            offset=offset,
        )

    def _search_page(self, q, leans, shape, op, markers, values, window) -> list[dict]:
        """A searched page in two steps: its ids, then its rows by id (the joins and the span
        check for those rows only). The ids come in the order PostgreSQL runs fastest for
        these words, judged from PostgreSQL's estimates (`statements.search.ids_order`): for
        rare words, sorting the GIN index's matches; for common ones, walking the primary key
        until the page is full.
        Three queries whatever the words: the estimate, the ids, the rows."""
        from django.db import router

        from statements.search import ids_order

        view, ordering = self.view, self.ordering
        if not ordering or ordering[0].lstrip("-") not in ("id", "pk"):
            raise Fallback
        model = view.filterset_class._meta.model
        offset = window.start or 0
        limit = window.stop - offset
        rare, order = ids_order(model, q, router.db_for_read(model), ordering[0], limit)

        def build_ids(*args):
            queryset = model._default_manager.all()  # no annotations, no joins they need
            for lean, argument in zip(leans, args, strict=False):
                queryset = lean.apply(queryset, argument)
            queryset = queryset.values("id").order_by(order)
            if op is not None:
                queryset = queryset.filter(**{f"id__{op}": args[-1]})
            return queryset

        key = ("lean-search-ids", type(view).__qualname__, tuple(shape), ordering[0], op, rare)
        ids = [
            row["id"]
            for row in compiled_values(
                key, build_ids, values, markers=markers, limit=limit, offset=offset
            )
        ]

        def build_rows(marker):
            queryset = view.as_rows(view.get_queryset()).filter(pk_in(model, marker))
            return queryset.order_by(*ordering)

        return compiled_values(
            ("lean-search-rows", type(view).__qualname__, ordering),
            build_rows,
            [ids],
            prepare=True,
        )


# --- the path ------------------------------------------------------------------------------


def _json_response(view, body: bytes | None, status: int = 200, etag: str | None = None):
    response = HttpResponse(body or b"", status=status, content_type="application/json")
    if body is None:
        del response["Content-Type"]  # as DRF does for an empty body
    headers = dict(view.headers)
    vary = headers.pop("Vary", None)
    if vary is not None:
        patch_vary_headers(response, [v.strip() for v in vary.split(",")])
    # The full path reads the (absent) session to authenticate, so SessionMiddleware adds
    # "Vary: Cookie"; it is true of this response too (a signed-in client may see another).
    patch_vary_headers(response, ["Cookie"])
    for key, value in headers.items():
        response[key] = value
    if etag is not None:
        response["ETag"] = etag
    return response


def lean_response(view, request, args, kwargs) -> HttpResponse | None:
    """The response, or None for the full DRF path (see the module's docstring)."""
    if not LEAN_READS or request.method != "GET" or view.lean_filters is None:
        return None
    action = view.action_map.get("get")
    if action not in ("list", "retrieve"):
        return None
    meta = request.META
    if (
        "HTTP_AUTHORIZATION" in meta
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        # the test client's force_authenticate()
        or getattr(request, "_force_auth_user", None) is not None
        or getattr(request, "_force_auth_token", None) is not None
        or meta.get("HTTP_ACCEPT") not in _ACCEPT_JSON
    ):
        return None
    try:
        return _respond(view, request, action, args, kwargs)
    except (Fallback, NotCompilable):
        return None


def _respond(view, request, action, args, kwargs):
    from .api_base import Links, OrjsonRenderer, StrictOrderingFilter, etag_for_version, etag_in

    drf_request = Request(request)
    # Anonymous, as the checks above ensure. Set without DRF's `user` setter, which would also
    # replace the Django request's lazy user (and change what the full path does after us).
    drf_request._user = api_settings.UNAUTHENTICATED_USER()
    drf_request._auth = None
    drf_request.accepted_renderer = OrjsonRenderer()
    drf_request.accepted_media_type = "application/json"
    view.args, view.kwargs, view.action = args, kwargs, action
    view.request, view.format_kwarg = drf_request, None
    view.headers = view.default_response_headers
    query = request.GET

    if action == "retrieve":
        if query:
            raise Fallback
        lookup = view.lookup_url_kwarg or view.lookup_field
        raw = kwargs[lookup]
        if view.lookup_field in ("pk", "id"):
            if not (raw.isascii() and raw.isdigit()):
                raise Fallback
            value: Any = int(raw)
            marker_like(value, 0)  # beyond 64 bits: the full path (the ORM's 404)
        else:
            value = raw
        _throttle(view, drf_request)
        key = ("lean-detail", type(view).__qualname__, view.lookup_field)
        field = view.lookup_field

        def build(marker):
            return view.as_rows(view.get_queryset()).filter(**{field: marker})

        rows = compiled_values(key, build, [value], prepare=True)
        if len(rows) != 1:
            raise Fallback  # 404 (or a duplicate): the full path answers it
        row = rows[0]
        etag = etag_for_version(row["version"])
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and etag_in(if_none_match, etag, weak=True):
            return _json_response(view, None, status=304, etag=etag)
        data = view.rows_json([row], Links(drf_request))[0]
        return _json_response(view, _dumps(data), etag=etag)

    # a list
    paginator = view.paginator
    allowed = set(view.lean_filters) | {"page_size", "ordering"}
    cursor_paged = hasattr(paginator, "cursor_query_param")
    allowed.add(paginator.cursor_query_param if cursor_paged else "offset")
    filters = []
    for name in query:
        if name not in allowed:
            raise Fallback
        raw = query.getlist(name)
        lean = view.lean_filters.get(name)
        if lean is None:
            _single(raw)
            continue
        filters.append((name, lean, lean.parse(raw)))
    filters.sort(key=lambda f: f[0])
    try:
        ordering = StrictOrderingFilter().get_ordering(drf_request, LeanRows(view, [], False), view)
        if cursor_paged:
            paginator.get_page_size(drf_request)
            cursor = paginator.decode_cursor(drf_request)
            if ordering[0].lstrip("-") not in ("id", "pk"):
                raise Fallback  # positions of other fields: the full path
            if cursor is not None and cursor.position is not None:
                marker_like(int(cursor.position), 0)  # a 64-bit integer, or the full path
        else:
            probe = type(paginator)()
            probe.paginate_queryset([], drf_request, view)  # page_size, offset: 400s
    except (exceptions.APIException, ValueError, TypeError, NotCompilable):
        raise Fallback from None
    _throttle(view, drf_request)
    empty = False
    resolved = []
    for name, lean, value in filters:
        value = lean.resolve(value)
        if value is NO_MATCH:
            empty = True
        resolved.append((name, lean, value))
    rows = LeanRows(view, resolved, empty)
    if not cursor_paged:
        rows = rows.order_by(*ordering)  # what StrictOrderingFilter.filter_queryset does
    page = paginator.paginate_queryset(rows, drf_request, view=view)
    data = view.rows_json(page, Links(drf_request))
    return _json_response(view, _dumps(paginator.get_paginated_response(data).data))


def _throttle(view, drf_request) -> None:
    """The view's throttles, consulted as DRF's `check_throttles` does; a refusal goes to the
    full path, which consults them again and answers 429 with Retry-After."""
    for throttle in view.get_throttles():
        if not throttle.allow_request(drf_request, view):
            raise Fallback


def _dumps(data) -> bytes:
    from .api_base import OrjsonRenderer

    return OrjsonRenderer().render(data)
