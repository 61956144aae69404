"""API for articles (read), statements and claims (read; editors PATCH/PUT with If-Match)."""

from __future__ import annotations

from operator import itemgetter

from django.db.models import BooleanField, Case, F, Prefetch, Value, When
from django.db.models.functions import Substr
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from config.api_base import (
    IF_MATCH,
    IF_NONE_MATCH,
    ApiViewSetMixin,
    IfMatchWriteMixin,
    OffsetPagination,
    StableCursorPagination,
    read_responses,
    write_responses,
)
from config.compiled import pk_in
from config.lean import LeanChoices, LeanDate, LeanSearch, LeanSlug

from .filters import ArticleFilter, ClaimFilter, StatementFilter
from .models import Article, Claim, Statement
from .search import SearchedRows, is_searched, normalise_query
from .serializers import (
    CLAIM_FIELDS,
    STATEMENT_FIELDS,
    ArticleDetailSerializer,
    ArticleSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    StatementSerializer,
    StatementUpdateSerializer,
    attribution_chain,
    claims_json,
    statements_json,
)
from .services import claim_update, statement_update


def with_span_check(queryset):
    """Annotate `span_valid`: article.text[start:end] == text, computed in SQL so that a list
    never loads whole article texts (SQL substrings are 1-based)."""
    return queryset.annotate(
        span_valid=Case(
            When(
                text=Substr("article__text", F("start") + 1, F("end") - F("start")),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def slug_of(actor) -> str | None:
    return actor.slug if actor is not None else None


@extend_schema_view(
    list=extend_schema(
        summary="List articles",
        responses=read_responses(ArticleSerializer(many=True), detail=False),
    ),
    retrieve=extend_schema(
        summary="One article, by slug, with its stored text",
        parameters=[IF_NONE_MATCH],
        responses=read_responses(ArticleDetailSerializer, detail=True),
    ),
)
class ArticleViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """News articles as stored; every statement span points into `text` (detail only)."""

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    filterset_class = ArticleFilter
    pagination_class = OffsetPagination
    ordering_fields = ["published_at", "title", "slug", "imported_at", "updated_at", "id"]
    ordering = ["-published_at"]
    csv_columns = [
        ("slug", lambda a: a.slug),
        ("title", lambda a: a.title),
        ("publisher", lambda a: slug_of(a.publisher)),
        ("authors", lambda a: "; ".join(author.slug for author in a.authors.all())),
        ("byline", lambda a: a.byline),
        ("published_at", lambda a: a.published_at.isoformat() if a.published_at else None),
        ("published_tz", lambda a: a.published_tz),
        ("source_url", lambda a: a.url),
        ("content_hash", lambda a: a.content_hash),
        ("updated_at", lambda a: a.updated_at.isoformat()),
    ]

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    def get_queryset(self):
        queryset = Article.objects.with_context()
        if self.action != "retrieve":
            queryset = queryset.defer("text", "boilerplate", "warnings")
        return queryset

    def etag(self, obj) -> str:
        # Articles carry no version: the last change's timestamp stands in for it.
        return f'"a{int(obj.updated_at.timestamp() * 1_000_000)}"'


@extend_schema_view(
    list=extend_schema(
        summary="List statements (cursor-paged)",
        responses=read_responses(StatementSerializer(many=True), detail=False),
    ),
    retrieve=extend_schema(
        summary="One statement",
        parameters=[IF_NONE_MATCH],
        responses=read_responses(StatementSerializer, detail=True),
    ),
    partial_update=extend_schema(
        summary="Reassign a statement's speaker and/or meeting",
        request=StatementUpdateSerializer,
        parameters=[IF_MATCH],
        responses=write_responses(StatementSerializer),
    ),
    update=extend_schema(
        summary="Set a statement's speaker and meeting",
        request=StatementUpdateSerializer,
        parameters=[IF_MATCH],
        responses=write_responses(StatementSerializer),
    ),
)
class StatementViewSet(ApiViewSetMixin, IfMatchWriteMixin, viewsets.ReadOnlyModelViewSet):
    """What actors said, each with its exact span in the stored article."""

    serializer_class = StatementSerializer
    lookup_value_regex = "[^/]+"  # a malformed id is the API's JSON 404, not the site's page
    input_serializer_class = StatementUpdateSerializer
    filterset_class = StatementFilter
    pagination_class = StableCursorPagination
    ordering_fields = ["id", "updated_at", "created_at"]
    ordering = ["id"]
    row_fields = STATEMENT_FIELDS
    lean_filters = {
        **{
            name: LeanSlug(StatementFilter, name)
            for name in ("speaker", "meeting", "article", "reported_via")
        },
        "date_from": LeanDate(
            lambda qs, day: StatementFilter.filter_date_from(None, qs, "date_from", day),
            # the filter compares with the day, its month's first day and its year's
            derive=lambda day: (day, day.replace(day=1), day.replace(month=1, day=1)),
        ),
        "date_to": LeanDate(StatementFilter.base_filters["date_to"].filter),
        "q": LeanSearch(),
    }
    # CSV rows are `.values()` dicts (no model instances, no joins beyond what the columns use).
    csv_row_fields = (
        "id",
        "article__slug",
        "start",
        "end",
        "span_valid",
        "text",
        "speaker__slug",
        "speaker__name",
        "direct",
        "cameo_code",
        "reported_via__slug",
        "meeting__slug",
        "article__publisher__slug",
        "date",
        "date_precision",
        "date_approximate",
        "confidence",
        "origin",
        "version",
        "updated_at",
    )
    csv_columns = [
        ("id", itemgetter("id")),
        ("article", itemgetter("article__slug")),
        ("start", itemgetter("start")),
        ("end", itemgetter("end")),
        ("span_valid", itemgetter("span_valid")),
        ("text", itemgetter("text")),
        ("speaker", itemgetter("speaker__slug")),
        ("speaker_name", itemgetter("speaker__name")),
        ("direct", itemgetter("direct")),
        ("cameo_code", itemgetter("cameo_code")),
        ("reported_via", itemgetter("reported_via__slug")),
        ("meeting", itemgetter("meeting__slug")),
        ("publisher", itemgetter("article__publisher__slug")),
        ("date", itemgetter("date")),
        ("date_precision", itemgetter("date_precision")),
        ("date_approximate", itemgetter("date_approximate")),
        ("confidence", itemgetter("confidence")),
        ("origin", itemgetter("origin")),
        ("version", itemgetter("version")),
        ("updated_at", lambda s: s["updated_at"].isoformat()),
    ]

    def rows_json(self, rows, links):
        return statements_json(rows, links)

    def annotate_rows(self, queryset):
        return with_span_check(queryset)

    def page_rows(self, queryset):
        if is_searched(queryset):
            # the page's ids first, then their rows (statements/search.py)
            q = normalise_query(self.request.query_params.get("q"))
            return SearchedRows(
                queryset,
                q,
                lambda ids: self.as_rows(self.get_queryset().filter(pk_in(Statement, ids))),
            )
        return self.as_rows(queryset)

    def get_queryset(self):
        if self.action in ("list", "retrieve"):
            # read as `.values()` rows (STATEMENT_FIELDS / csv_row_fields): joins come from
            # them, the span check from `annotate_rows`
            return Statement.objects.all()
        return with_span_check(
            Statement.objects.with_context().defer(
                "article__text", "article__boilerplate", "article__warnings"
            )
        )

    def perform_write(self, obj, data, expected_version, user):
        kwargs = {}
        if "speaker" in data:
            kwargs["speaker"] = data["speaker"]
        if "meeting" in data:
            kwargs["meeting"] = data["meeting"]
        statement_update(statement=obj, user=user, expected_version=expected_version, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary="List claims (cursor-paged)",
        responses=read_responses(ClaimSerializer(many=True), detail=False),
    ),
    retrieve=extend_schema(
        summary="One claim, with its evidence and attribution chain",
        parameters=[IF_NONE_MATCH],
        responses=read_responses(ClaimSerializer, detail=True),
    ),
    partial_update=extend_schema(
        summary="Correct and/or review a claim",
        request=ClaimUpdateSerializer,
        parameters=[IF_MATCH],
        responses=write_responses(ClaimSerializer),
    ),
    update=extend_schema(
        summary="Set a claim's text, condition, subject, status and note",
        request=ClaimUpdateSerializer,
        parameters=[IF_MATCH],
        responses=write_responses(ClaimSerializer),
    ),
)
class ClaimViewSet(ApiViewSetMixin, IfMatchWriteMixin, viewsets.ReadOnlyModelViewSet):
    """Normalised propositions: claimant, subject, condition, review, evidence, and the
    attribution chain subject → claimant → reporting outlet → publisher."""

    serializer_class = ClaimSerializer
    lookup_value_regex = "[^/]+"
    input_serializer_class = ClaimUpdateSerializer
    filterset_class = ClaimFilter
    pagination_class = StableCursorPagination
    ordering_fields = ["id", "updated_at", "created_at", "reviewed_at"]
    ordering = ["-id"]
    row_fields = CLAIM_FIELDS
    lean_filters = {
        "status": LeanChoices(ClaimFilter, "status"),
        "claimant": LeanSlug(ClaimFilter, "claimant"),
        "subject": LeanSlug(ClaimFilter, "subject"),
    }
    csv_columns = [
        ("id", lambda c: c.pk),
        ("text", lambda c: c.text),
        ("claimant", lambda c: c.claimant.slug),
        ("subject", lambda c: slug_of(c.subject)),
        ("condition", lambda c: c.condition),
        ("reported_via", lambda c: slug_of(c.reported_via)),
        ("status", lambda c: c.status),
        ("reviewed_by", lambda c: c.reviewed_by.username if c.reviewed_by else None),
        ("reviewed_at", lambda c: c.reviewed_at.isoformat() if c.reviewed_at else None),
        ("note", lambda c: c.review_note),
        ("confidence", lambda c: c.confidence),
        ("evidence", lambda c: "; ".join(str(s.pk) for s in c.evidence.all())),
        (
            "attribution_chain",
            lambda c: " > ".join(
                f"{link['role']}:{link['actor'].slug}" for link in attribution_chain(c)
            ),
        ),
        ("origin", lambda c: c.origin),
        ("version", lambda c: c.version),
        ("updated_at", lambda c: c.updated_at.isoformat()),
    ]

    def get_queryset(self):
        if self.reads_rows():
            return Claim.objects.all()  # `.values()` rows; claims_json fetches the evidence
        evidence = Statement.objects.select_related(
            "speaker", "reported_via", "article__publisher"
        ).defer("article__text", "article__boilerplate", "article__warnings")
        return Claim.objects.select_related(
            "claimant", "subject", "reported_via", "reviewed_by"
        ).prefetch_related(Prefetch("evidence", queryset=evidence))

    def rows_json(self, rows, links):
        return claims_json(rows, links)

    def perform_write(self, obj, data, expected_version, user):
        claim_update(claim=obj, user=user, expected_version=expected_version, **data)
