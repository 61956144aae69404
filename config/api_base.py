"""Plumbing shared by every API viewset: paging, strict ordering, CSV export, ETags, throttling.

It lives in `config/` because actors, events and statements all use it and the apps depend
on one another only one way (actors ← events ← statements).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import quote

import django_filters as df
import orjson
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import parse_etags
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import BasePagination, CursorPagination
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle
from rest_framework.utils.encoders import JSONEncoder
from rest_framework.utils.urls import remove_query_param, replace_query_param

from statements.services import StaleVersion

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


# --- errors -------------------------------------------------------------------------------


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since you read it (stale If-Match). Reload it."
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = 428  # Precondition Required (RFC 6585)
    default_detail = 'This write needs an If-Match header carrying the record\'s ETag, e.g. "3".'
    default_code = "precondition_required"


def _param_error(name: str, message: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({name: [message]})


# --- permissions ----------------------------------------------------------------------------


class ModelPermissionsOrAnonReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """DRF's DjangoModelPermissionsOrAnonReadOnly without building the view's queryset for
    reads: DRF calls `get_queryset()` only to learn the model, then checks an empty list of
    permissions for GET/HEAD/OPTIONS — which every user passes. Building the statements'
    annotated queryset cost about 1 ms per request (docs/performance.md)."""

    def has_permission(self, request, view):
        if self.perms_map.get(request.method) == []:
            return bool(request.user)  # what the parent answers when no permission is required
        return super().has_permission(request, view)


# --- throttling -----------------------------------------------------------------------------


class AnonThrottle(AnonRateThrottle):
    """AnonRateThrottle that reads its rate when used, so a settings override takes effect
    (DRF's own copy of the rates is frozen at import time)."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


# --- paging ---------------------------------------------------------------------------------


def parse_page_size(request, default: int = DEFAULT_PAGE_SIZE, cap: int = MAX_PAGE_SIZE) -> int:
    raw = request.query_params.get("page_size")
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _param_error("page_size", "A whole number is required.") from None
    if value < 1:
        raise _param_error("page_size", "Must be at least 1.")
    return min(value, cap)


PAGE_SIZE_PARAMETER = {
    "name": "page_size",
    "required": False,
    "in": "query",
    "description": f"Rows per page (default {DEFAULT_PAGE_SIZE}; larger values are capped at {MAX_PAGE_SIZE}).",
    "schema": {"type": "integer", "minimum": 1},
}


def _page_envelope(schema: dict) -> dict:
    return {
        "type": "object",
        "required": ["next", "previous", "results"],
        "properties": {
            "next": {"type": "string", "format": "uri", "nullable": True},
            "previous": {"type": "string", "format": "uri", "nullable": True},
            "results": schema,
        },
    }


class StableCursorPagination(CursorPagination):
    """Cursor paging: stable while rows are added or changed. The order is the view's
    `ordering` (or the client's `ordering`), always ending in the primary key."""

    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    ordering = "id"
    invalid_cursor_message = "Invalid cursor."

    def get_page_size(self, request) -> int:
        return parse_page_size(request, self.page_size, self.max_page_size)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            raise _param_error(self.cursor_query_param, self.invalid_cursor_message) from None

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, OverflowError, DjangoValidationError):
            # A well-formed cursor whose position does not fit the ordering's field.
            raise _param_error(self.cursor_query_param, self.invalid_cursor_message) from None

    def get_paginated_response_schema(self, schema):
        return _page_envelope(schema)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The opaque position returned in `next` or `previous`.",
                "schema": {"type": "string"},
            },
            PAGE_SIZE_PARAMETER,
        ]


class OffsetPagination(BasePagination):
    """`offset` + `page_size` without a COUNT: one row more than the page is fetched to know
    whether there is a next page."""

    offset_query_param = "offset"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = parse_page_size(request)
        raw = request.query_params.get(self.offset_query_param)
        try:
            self.offset = int(raw) if raw not in (None, "") else 0
        except ValueError:
            raise _param_error(self.offset_query_param, "A whole number is required.") from None
        if self.offset < 0:
            raise _param_error(self.offset_query_param, "Must be 0 or more.")
        rows = list(queryset[self.offset : self.offset + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        return rows[: self.page_size]

    def _link(self, offset: int | None) -> str | None:
        if offset is None:
            return None
        url = self.request.build_absolute_uri()
        if offset == 0:
            return remove_query_param(url, self.offset_query_param)
        return replace_query_param(url, self.offset_query_param, offset)

    def get_paginated_response(self, data):
        nxt = self.offset + self.page_size if self.has_next else None
        prev = max(self.offset - self.page_size, 0) if self.offset > 0 else None
        return Response({"next": self._link(nxt), "previous": self._link(prev), "results": data})

    def get_paginated_response_schema(self, schema):
        return _page_envelope(schema)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.offset_query_param,
                "required": False,
                "in": "query",
                "description": "How many rows to skip.",
                "schema": {"type": "integer", "minimum": 0},
            },
            PAGE_SIZE_PARAMETER,
        ]


# --- ordering -------------------------------------------------------------------------------


class StrictOrderingFilter(OrderingFilter):
    """`ordering=a,-b` over the view's `ordering_fields`; an unknown field is a 400 (DRF's
    own filter ignores it silently). The primary key always ends the order, so pages are
    stable. With `q` and no `ordering`, views that set `rank_ordering` list best matches first."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        allowed = set(view.ordering_fields)
        if raw:
            fields = [f.strip() for f in raw.split(",") if f.strip()]
            bad = [f for f in fields if f.lstrip("-") not in allowed]
            if bad or not fields:
                raise _param_error(
                    self.ordering_param,
                    f"Unknown ordering field(s) {', '.join(bad) or raw!r}; "
                    f"choose from {', '.join(sorted(allowed))} (prefix - to reverse).",
                )
        elif getattr(view, "rank_ordering", None) and "rank" in queryset.query.annotations:
            # Searched (a `q` with at least one word): best matches first.
            fields = list(view.rank_ordering)
        else:
            fields = list(view.ordering)
        if not {"id", "-id", "pk", "-pk"} & set(fields):
            fields.append("-id" if fields and fields[0].startswith("-") else "id")
        return tuple(fields)

    def get_schema_operation_parameters(self, view):
        choices = sorted(view.ordering_fields)
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": (
                    "Comma-separated fields to order by, '-' to reverse: "
                    + ", ".join(choices)
                    + f". Default: {', '.join(view.ordering)}."
                ),
                "schema": {"type": "string"},
            }
        ]


# --- JSON -----------------------------------------------------------------------------------

_drf_default = JSONEncoder().default


class OrjsonRenderer(JSONRenderer):
    """DRF's JSON renderer's output (compact, UTF-8), produced by orjson: several times faster
    on a page of 100 nested rows. Anything orjson does not know natively (lazy strings,
    decimals, …) goes through DRF's own encoder."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        return orjson.dumps(data, default=_drf_default, option=orjson.OPT_PASSTHROUGH_DATETIME)


def iso_datetime(value: dt.datetime | None) -> str | None:
    """As DRF's DateTimeField writes it: ISO 8601 in the current zone (UTC), 'Z' for +00:00."""
    if value is None:
        return None
    text = value.astimezone(dt.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def iso_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


# --- CSV ------------------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet will show as text: formula-like values get a leading quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


Column = tuple[str, Callable[[Any], Any]]


def csv_rows(columns: list[Column], objects: Iterable[Any]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([name for name, _ in columns])
    for obj in objects:
        yield writer.writerow([csv_cell(get(obj)) for _, get in columns])


class CSVRenderer(BaseRenderer):
    """Selected by `?format=csv` or `Accept: text/csv`; the viewset streams the rows itself
    (see `ApiViewSetMixin.list`), so this renderer only renders errors."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict):
            rows = [[key, str(value)] for key, value in data.items()]
        else:
            rows = [[str(data)]]
        return "".join(csv_rows([("error", lambda r: r[0]), ("detail", lambda r: r[1])], rows))


CSV_CHUNK_SIZE = 2000


def iterate_in_transaction(queryset) -> Iterator[Any]:
    """The rows in chunks from one cursor, inside a transaction while the response streams:
    on PostgreSQL a plain server-side cursor (outside a transaction Django would declare it
    WITH HOLD, and PostgreSQL would materialise the whole result before the first row).
    `savepoint=False`: no extra statements when a transaction is already open."""
    with transaction.atomic(using=queryset.db, savepoint=False):
        yield from queryset.iterator(chunk_size=CSV_CHUNK_SIZE)


# --- ETags ----------------------------------------------------------------------------------


def etag_for_version(version: int) -> str:
    return f'"{version}"'


def etag_in(header: str, etag: str, weak: bool) -> bool:
    """Whether `etag` is among an If-(None-)Match header's tags (weak comparison for
    If-None-Match, strong for If-Match)."""
    if header.strip() == "*":
        return True
    for tag in parse_etags(header):
        if tag.startswith("W/"):
            if weak and tag[2:] == etag:
                return True
        elif tag == etag:
            return True
    return False


# --- schema helpers -------------------------------------------------------------------------

ERROR_SCHEMA = OpenApiResponse(
    response=OpenApiTypes.OBJECT, description="Error; the body names the problem."
)


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=OpenApiTypes.OBJECT, description=description)


def read_responses(serializer, *, detail: bool) -> dict:
    responses = {
        200: serializer,
        400: error(
            "A malformed filter, ordering, page size or cursor; the body names the parameter."
        ),
        401: error("Invalid token or session credentials were sent."),
        403: error("Forbidden."),
        406: error("The requested format is not offered by this endpoint."),
        429: error("Too many requests from an anonymous client; see Retry-After."),
    }
    if detail:
        responses[304] = OpenApiResponse(description="Not modified: If-None-Match matched.")
        responses[404] = error("No such record.")
    else:
        responses[404] = error("Not found (an unknown format).")
        responses[(200, "text/csv")] = OpenApiResponse(
            response=OpenApiTypes.STR,
            description="The whole filtered list as CSV, streamed (paging is ignored).",
        )
    return responses


def write_responses(serializer) -> dict:
    return {
        200: serializer,
        400: error("Invalid input; the body names the field."),
        401: error("Not authenticated (send `Authorization: Token …` or a session)."),
        403: error("Authenticated, but without the model's change permission."),
        404: error("No such record."),
        406: error("Only JSON is offered for writes."),
        412: error("If-Match does not match the record's current ETag: someone changed it."),
        415: error("The body must be JSON (Content-Type: application/json)."),
        428: error("If-Match header missing."),
        429: error("Too many requests."),
    }


IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='An ETag from an earlier response, e.g. "3"; when it still matches: 304.',
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the version you edited, e.g. "3". Missing: 428; stale: 412.',
    examples=[OpenApiExample("version 1", value='"1"')],
)


# --- the viewset base -----------------------------------------------------------------------


def request_has_filters(request) -> bool:
    """Whether the query string holds anything the filter backends could act on (building
    a FilterSet costs about a millisecond, so a plain detail GET skips it)."""
    return any(key != "format" for key in request.query_params)


class ApiViewSetMixin:
    """JSON by default, streamed CSV for lists, ETags and conditional GET on details,
    If-Match–guarded writes through a service (`perform_write`)."""

    renderer_classes = [OrjsonRenderer, CSVRenderer]
    filter_backends = [
        DjangoFilterBackend,
        StrictOrderingFilter,
    ]
    csv_columns: list[Column] = []
    # The query parameters the lean read path reads itself (config/lean.py); None: no lean
    # path for this resource.
    lean_filters: dict | None = None

    def dispatch(self, request, *args, **kwargs):
        from .lean import lean_response

        response = lean_response(self, request, args, kwargs)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        # An unsupported method is a 405 for everyone, before any permission check (DRF
        # would otherwise answer DELETE on a read-only resource with 403).
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def get_renderers(self):
        if getattr(self, "action", None) == "list":
            return [renderer() for renderer in self.renderer_classes]
        return [OrjsonRenderer()]

    # reads

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        if getattr(request.accepted_renderer, "format", None) == "csv":
            return self.csv_response(queryset)
        if self.row_fields is None:
            page = self.paginate_queryset(queryset)
            return self.get_paginated_response(self.get_serializer(page, many=True).data)
        # The fast path: plain dicts from `.values()`, shaped by `rows_json` (no
        # ModelSerializer, no model instances, links from one reversed route per request).
        rows = self.paginate_queryset(self.page_rows(queryset))
        return self.get_paginated_response(self.rows_json(rows, Links(request)))

    # --- the fast path (views that set `row_fields` and implement `rows_json`)

    row_fields: tuple[str, ...] | None = None

    def reads_rows(self) -> bool:
        """Whether this request is answered from `.values()` rows (JSON list or detail)."""
        if self.row_fields is None or getattr(self, "action", None) not in ("list", "retrieve"):
            return False
        renderer = getattr(self.request, "accepted_renderer", None)
        return getattr(renderer, "format", None) != "csv"

    def annotate_rows(self, queryset):
        """What the rows need computed in SQL (JSON rows and CSV rows alike)."""
        return queryset

    def as_rows(self, queryset):
        return self.annotate_rows(queryset).prefetch_related(None).values(*self.row_fields)

    def page_rows(self, queryset):
        """What the paginator pages through for a list: by default the rows themselves."""
        return self.as_rows(queryset)

    def rows_json(self, rows: list[dict], links: Links) -> list[dict]:
        raise NotImplementedError

    def get_row(self) -> dict:
        """The detail's row, like `get_object` (same filters, a 404 when absent or malformed)."""
        queryset = self.get_queryset()
        if request_has_filters(self.request):
            queryset = self.filter_queryset(queryset)  # as get_object does
        queryset = self.as_rows(queryset)
        lookup_url_kwarg = self.lookup_url_kwarg or self.lookup_field
        try:
            return queryset.get(**{self.lookup_field: self.kwargs[lookup_url_kwarg]})
        except (queryset.model.DoesNotExist, ValueError, TypeError, DjangoValidationError):
            raise Http404 from None

    # --- CSV

    csv_row_fields: tuple[str, ...] | None = None

    def csv_response(self, queryset) -> StreamingHttpResponse:
        name = self.basename
        if self.csv_row_fields is not None:
            queryset = self.annotate_rows(queryset)
            queryset = queryset.prefetch_related(None).values(*self.csv_row_fields)
        response = StreamingHttpResponse(
            csv_rows(self.csv_columns, iterate_in_transaction(queryset)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="parley-{name}.csv"'
        return response

    def etag(self, obj) -> str:
        return etag_for_version(obj.version)

    def retrieve(self, request, *args, **kwargs):
        if self.row_fields is None:
            obj = self.get_object()
            etag = self.etag(obj)
        else:
            obj = self.get_row()
            etag = etag_for_version(obj["version"])
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and etag_in(if_none_match, etag, weak=True):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        if self.row_fields is None:
            data = self.get_serializer(obj).data
        else:
            data = self.rows_json([obj], Links(request))[0]
        return Response(data, headers={"ETag": etag})


class IfMatchWriteMixin:
    """PATCH/PUT guarded by If-Match: the input serializer validates, `perform_write` calls
    the service with the version the client edited (so of two racing writers one wins)."""

    input_serializer_class = None
    http_method_names = ["get", "put", "patch", "head", "options"]

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        obj = self.get_object()
        if_match = request.headers.get("If-Match")
        if not if_match or if_match.strip() == "*":
            raise PreconditionRequired()
        if not etag_in(if_match, self.etag(obj), weak=False):
            raise PreconditionFailed()
        serializer = self.input_serializer_class(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        try:
            self.perform_write(obj, serializer.validated_data, obj.version, request.user)
        except StaleVersion as exc:
            raise PreconditionFailed(str(exc)) from None
        except ValueError as exc:
            raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from None
        obj = self.get_queryset().get(pk=obj.pk)
        return Response(self.get_serializer(obj).data, headers={"ETag": self.etag(obj)})

    def partial_update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return self.update(request, *args, **kwargs)

    def perform_write(self, obj, data: dict, expected_version: int, user) -> None:
        raise NotImplementedError


# --- filters --------------------------------------------------------------------------------


class StrictBooleanField(forms.NullBooleanField):
    """true/false/1/0 (any case) or absent; anything else is an error, not "no filter"."""

    widget = forms.TextInput  # NullBooleanSelect would turn unknown text into "unknown"

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"true", "1"}:
            return True
        if text in {"false", "0"}:
            return False
        raise forms.ValidationError("Use true or false.", code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(df.BooleanFilter):
    field_class = StrictBooleanField


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, normalised to UTC here: PostgreSQL refuses zone offsets beyond
    ±15:59 ("-16:20") that Python accepts, and that must be a 400, not a database error."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(dt.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("Enter a valid date/time.", code="invalid") from None


class CameoCodeFilter(df.CharFilter):
    """A CAMEO event code or its prefix ('04' matches every consult code), so analysts can
    join Parley with GDELT or ICEWS data."""

    def __init__(self, **kwargs):
        kwargs.setdefault("field_name", "cameo_code")
        kwargs.setdefault("lookup_expr", "startswith")
        kwargs.setdefault(
            "help_text",
            "CAMEO event code or its prefix (04 = every consult code), to join with GDELT/ICEWS.",
        )
        super().__init__(**kwargs)


class UpdatedSinceFilter(df.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "updated_at")
        kwargs.setdefault("lookup_expr", "gte")
        kwargs.setdefault(
            "help_text",
            "Only records changed at or after this ISO 8601 date-time (for syncing).",
        )
        super().__init__(*args, **kwargs)


class RelatedSlugFilter(df.CharFilter):
    """`?speaker=<slug>`: the slug is resolved to its id first (one small constant query),
    so the main query filters on the indexed foreign key instead of joining the related
    table; on skewed data at 1M statements this took the speaker list from 847 ms of SQL to
    1.6 ms (docs/performance.md). An unknown slug matches nothing."""

    def __init__(self, *args, related_model, **kwargs):
        self.related_model = related_model
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        pk = (
            self.related_model._default_manager.filter(slug=value)
            .values_list("pk", flat=True)
            .first()
        )
        if pk is None:
            return qs.none()
        return self.filter_pk(qs, pk)

    def filter_pk(self, qs, pk):
        return qs.filter(**{f"{self.field_name}_id": pk})


# --- links ----------------------------------------------------------------------------------

_KEY = "parley-url-key-0"


_REVERSED: dict[tuple, str] = {}


def _reversed_path(view_name: str, kwarg: str) -> str:
    """The route's path with a placeholder value, reversed once per process (and URLconf and
    script prefix): reverse() cost ~0.2 ms a call, several times per request."""
    key = (view_name, kwarg, get_urlconf(), get_script_prefix())
    path = _REVERSED.get(key)
    if path is None:
        path = _REVERSED[key] = reverse(view_name, kwargs={kwarg: _KEY})
    return path


def _url_template(request, view_name: str, kwarg: str) -> str:
    templates = getattr(request, "_parley_url_templates", None)
    if templates is None:
        templates = {}
        request._parley_url_templates = templates
    key = (view_name, kwarg)
    template = templates.get(key)
    if template is None:
        template = templates[key] = request.build_absolute_uri(_reversed_path(view_name, kwarg))
    return template


_URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]+\Z").match  # ids and slugs need no quoting


class Links:
    """Absolute API URLs for one request, each route reversed once: `links.actor(slug)`."""

    def __init__(self, request):
        self.request = request
        self._split: dict[tuple[str, str], tuple[str, str]] = {}

    def url(self, view_name: str, value: Any, kwarg: str = "pk") -> str:
        split = self._split.get((view_name, kwarg))
        if split is None:
            prefix, _, suffix = _url_template(self.request, view_name, kwarg).partition(_KEY)
            split = self._split[(view_name, kwarg)] = (prefix, suffix)
        text = str(value)
        if not _URL_SAFE(text):
            text = quote(text, safe="")
        return split[0] + text + split[1]

    def actor(self, slug: str | None, name: str | None, kind: str | None) -> dict | None:
        """The actor summary every resource embeds (`ActorSummarySerializer`), or None."""
        if slug is None:
            return None
        return {
            "url": self.url("api:actor-detail", slug, "slug"),
            "slug": slug,
            "name": name,
            "kind": kind,
        }

    def actor_from(self, row: dict, prefix: str) -> dict | None:
        return self.actor(row[prefix + "__slug"], row[prefix + "__name"], row[prefix + "__kind"])


def actor_fields(prefix: str) -> tuple[str, str, str]:
    return (f"{prefix}__slug", f"{prefix}__name", f"{prefix}__kind")


class CachedIdentityField(serializers.HyperlinkedIdentityField):
    """The link HyperlinkedIdentityField gives, with the route reversed once per request and
    view name instead of once per row: a claims page embeds about ten links per claim, and
    reverse() was ~40 % of the list's time (docs/performance.md, item 3)."""

    def get_url(self, obj, view_name, request, format):
        value = getattr(obj, self.lookup_field)
        if value in (None, "") or request is None or format:
            return super().get_url(obj, view_name, request, format)
        template = _url_template(request, view_name, self.lookup_url_kwarg)
        return template.replace(_KEY, quote(str(value), safe=""))
