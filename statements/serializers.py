"""API output for articles, statements and claims; input for editors' writes."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actors.models import Actor
from actors.serializers import ActorSummarySerializer
from config.api_base import CachedIdentityField, Links, actor_fields, iso_date, iso_datetime
from config.compiled import compiled_values
from events.models import Meeting
from events.serializers import MeetingSummarySerializer

from .models import Article, Claim, ReviewStatus, Statement

# --- articles -------------------------------------------------------------------------------


class ArticleSummarySerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:article-detail", lookup_field="slug")
    publisher = ActorSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = ["url", "slug", "title", "publisher", "published_at"]
        read_only_fields = fields


class ArticleSerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:article-detail", lookup_field="slug")
    publisher = ActorSummarySerializer(read_only=True, allow_null=True)
    authors = ActorSummarySerializer(many=True, read_only=True)
    source_url = serializers.CharField(source="url", read_only=True)

    class Meta:
        model = Article
        fields = [
            "url",
            "slug",
            "title",
            "publisher",
            "authors",
            "byline",
            "published_at",
            "published_tz",
            "source_url",
            "source_name",
            "content_hash",
            "encoding",
            "body_start",
            "body_end",
            "imported_at",
            "updated_at",
        ]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    """The detail adds the stored text (every span points into it) and the page noise."""

    boilerplate = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField()), read_only=True
    )
    warnings = serializers.ListField(child=serializers.JSONField(), read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text", "boilerplate", "warnings"]
        read_only_fields = fields


# --- statements -----------------------------------------------------------------------------


class SpanSerializer(serializers.Serializer):
    start = serializers.IntegerField(read_only=True)
    end = serializers.IntegerField(read_only=True)


class StatementSummarySerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:statement-detail")
    speaker = ActorSummarySerializer(read_only=True)
    article = ArticleSummarySerializer(read_only=True)
    span = SpanSerializer(source="*", read_only=True)

    class Meta:
        model = Statement
        fields = ["url", "id", "text", "span", "direct", "speaker", "article"]
        read_only_fields = fields


class StatementSerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:statement-detail")
    span = SpanSerializer(source="*", read_only=True)
    span_valid = serializers.BooleanField(
        read_only=True,
        help_text="Whether article.text[start:end] still equals `text`. False means the "
        "stored span is broken; the record is shown, never silently corrected.",
    )
    speaker = ActorSummarySerializer(read_only=True)
    reported_via = ActorSummarySerializer(read_only=True, allow_null=True)
    meeting = MeetingSummarySerializer(read_only=True, allow_null=True)
    article = ArticleSummarySerializer(read_only=True)

    class Meta:
        model = Statement
        fields = [
            "url",
            "id",
            "text",
            "span",
            "span_valid",
            "direct",
            "speaker",
            "reported_via",
            "meeting",
            "article",
            "date",
            "date_precision",
            "date_approximate",
            "utterance",
            "part",
            "cameo_code",
            "confidence",
            "origin",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class StatementUpdateSerializer(serializers.Serializer):
    """An editor reassigns the speaker and/or the meeting (by slug; meeting may be null)."""

    speaker = serializers.SlugRelatedField(slug_field="slug", queryset=Actor.objects.all())
    meeting = serializers.SlugRelatedField(
        slug_field="slug", queryset=Meeting.objects.all(), allow_null=True
    )


# --- claims ---------------------------------------------------------------------------------


class ChainLinkSerializer(serializers.Serializer):
    role = serializers.ChoiceField(
        choices=["subject", "claimant", "reported_via", "publisher"], read_only=True
    )
    actor = ActorSummarySerializer(read_only=True)


def attribution_chain(claim: Claim) -> list[dict]:
    """subject → claimant → reporting outlet → publisher, skipping links that are unknown.
    The outlet is the claim's own, else its evidence's; the publisher is the evidence
    articles' (evidence comes prefetched, in text order)."""
    evidence = list(claim.evidence.all())
    reported_via = claim.reported_via or next(
        (s.reported_via for s in evidence if s.reported_via_id), None
    )
    publisher = next((s.article.publisher for s in evidence if s.article.publisher_id), None)
    links = [
        ("subject", claim.subject),
        ("claimant", claim.claimant),
        ("reported_via", reported_via),
        ("publisher", publisher),
    ]
    return [{"role": role, "actor": actor} for role, actor in links if actor is not None]


class ClaimSerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:claim-detail")
    claimant = ActorSummarySerializer(read_only=True)
    subject = ActorSummarySerializer(read_only=True, allow_null=True)
    reported_via = ActorSummarySerializer(read_only=True, allow_null=True)
    has_condition = serializers.SerializerMethodField()
    reviewed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    note = serializers.CharField(source="review_note", read_only=True)
    evidence = StatementSummarySerializer(many=True, read_only=True)
    attribution_chain = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "url",
            "id",
            "text",
            "claimant",
            "subject",
            "condition",
            "has_condition",
            "reported_via",
            "status",
            "reviewed_by",
            "reviewed_at",
            "note",
            "confidence",
            "evidence",
            "attribution_chain",
            "origin",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_has_condition(self, claim: Claim) -> bool:
        return bool(claim.condition)

    @extend_schema_field(ChainLinkSerializer(many=True))
    def get_attribution_chain(self, claim: Claim) -> list[dict]:
        return ChainLinkSerializer(attribution_chain(claim), many=True, context=self.context).data


class ClaimUpdateSerializer(serializers.Serializer):
    """An editor's correction and/or review of a claim, in one versioned change."""

    text = serializers.CharField(max_length=5000, trim_whitespace=True)
    condition = serializers.CharField(max_length=5000, allow_blank=True)
    subject = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), allow_null=True
    )
    status = serializers.ChoiceField(choices=ReviewStatus.choices)
    note = serializers.CharField(max_length=5000, allow_blank=True)


# --- the fast path: plain dicts from `.values()` rows, in the serializers' exact shape -------
# (the serializers above stay the schema, and serve the writes' responses; the tests in
# tests/api pin that both agree).

ARTICLE_SUMMARY_FIELDS = (
    "article__slug",
    "article__title",
    *actor_fields("article__publisher"),
    "article__published_at",
)


def article_summary_json(row: dict, links: Links, prefix: str = "article__") -> dict:
    slug = row[prefix + "slug"]
    return {
        "url": links.url("api:article-detail", slug, "slug"),
        "slug": slug,
        "title": row[prefix + "title"],
        "publisher": links.actor_from(row, prefix + "publisher"),
        "published_at": iso_datetime(row[prefix + "published_at"]),
    }


STATEMENT_FIELDS = (
    "id",
    "text",
    "start",
    "end",
    "span_valid",
    "direct",
    *actor_fields("speaker"),
    *actor_fields("reported_via"),
    "meeting__slug",
    "meeting__title",
    "meeting__start_date",
    "meeting__start_precision",
    *ARTICLE_SUMMARY_FIELDS,
    "date",
    "date_precision",
    "date_approximate",
    "utterance",
    "part",
    "cameo_code",
    "confidence",
    "origin",
    "version",
    "created_at",
    "updated_at",
)


def statements_json(rows: list[dict], links: Links) -> list[dict]:
    """`StatementSerializer(rows, many=True).data`, from `STATEMENT_FIELDS` rows."""
    url = links.url
    out = []
    for row in rows:
        meeting_slug = row["meeting__slug"]
        out.append(
            {
                "url": url("api:statement-detail", row["id"]),
                "id": row["id"],
                "text": row["text"],
                "span": {"start": row["start"], "end": row["end"]},
                "span_valid": row["span_valid"],
                "direct": row["direct"],
                "speaker": links.actor_from(row, "speaker"),
                "reported_via": links.actor_from(row, "reported_via"),
                "meeting": None
                if meeting_slug is None
                else {
                    "url": url("api:meeting-detail", meeting_slug, "slug"),
                    "slug": meeting_slug,
                    "title": row["meeting__title"],
                    "start_date": iso_date(row["meeting__start_date"]),
                    "start_precision": row["meeting__start_precision"],
                },
                "article": article_summary_json(row, links),
                "date": iso_date(row["date"]),
                "date_precision": row["date_precision"],
                "date_approximate": row["date_approximate"],
                "utterance": row["utterance"],
                "part": row["part"],
                "cameo_code": row["cameo_code"],
                "confidence": row["confidence"],
                "origin": row["origin"],
                "version": row["version"],
                "created_at": iso_datetime(row["created_at"]),
                "updated_at": iso_datetime(row["updated_at"]),
            }
        )
    return out


CLAIM_FIELDS = (
    "id",
    "text",
    *actor_fields("claimant"),
    *actor_fields("subject"),
    "condition",
    *actor_fields("reported_via"),
    "status",
    "reviewed_by__username",
    "reviewed_at",
    "review_note",
    "confidence",
    "origin",
    "version",
    "created_at",
    "updated_at",
)

EVIDENCE_FIELDS = (
    "claim_id",
    "statement_id",
    "statement__text",
    "statement__start",
    "statement__end",
    "statement__direct",
    *actor_fields("statement__speaker"),
    *actor_fields("statement__reported_via"),
    "statement__article__slug",
    "statement__article__title",
    *actor_fields("statement__article__publisher"),
    "statement__article__published_at",
)


def _evidence_of(*claim_ids):
    through = Claim.evidence.through.objects.filter(claim_id__in=claim_ids)
    return through.order_by("statement__article", "statement__start", "statement_id").values(
        *EVIDENCE_FIELDS
    )


def claims_json(rows: list[dict], links: Links) -> list[dict]:
    """`ClaimSerializer(rows, many=True).data`: the claims' rows and ONE query for all their
    evidence (in the order the prefetch gave: article, then position in it)."""
    evidence: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    if evidence:
        for ev in compiled_values("claims-evidence", _evidence_of, list(evidence)):
            evidence[ev["claim_id"]].append(ev)
    url = links.url
    out = []
    for row in rows:
        items = evidence[row["id"]]
        subject = links.actor_from(row, "subject")
        claimant = links.actor_from(row, "claimant")
        reported_via = links.actor_from(row, "reported_via")
        chain_outlet = reported_via or next(
            (
                links.actor_from(ev, "statement__reported_via")
                for ev in items
                if ev["statement__reported_via__slug"] is not None
            ),
            None,
        )
        publisher = next(
            (
                links.actor_from(ev, "statement__article__publisher")
                for ev in items
                if ev["statement__article__publisher__slug"] is not None
            ),
            None,
        )
        chain = [
            {"role": role, "actor": actor}
            for role, actor in (
                ("subject", subject),
                ("claimant", claimant),
                ("reported_via", chain_outlet),
                ("publisher", publisher),
            )
            if actor is not None
        ]
        out.append(
            {
                "url": url("api:claim-detail", row["id"]),
                "id": row["id"],
                "text": row["text"],
                "claimant": claimant,
                "subject": subject,
                "condition": row["condition"],
                "has_condition": bool(row["condition"]),
                "reported_via": reported_via,
                "status": row["status"],
                "reviewed_by": row["reviewed_by__username"],
                "reviewed_at": iso_datetime(row["reviewed_at"]),
                "note": row["review_note"],
                "confidence": row["confidence"],
                "evidence": [
                    {
                        "url": url("api:statement-detail", ev["statement_id"]),
                        "id": ev["statement_id"],
                        "text": ev["statement__text"],
                        "span": {"start": ev["statement__start"], "end": ev["statement__end"]},
                        "direct": ev["statement__direct"],
                        "speaker": links.actor_from(ev, "statement__speaker"),
                        "article": article_summary_json(ev, links, "statement__article__"),
                    }
                    for ev in items
                ],
                "attribution_chain": chain,
                "origin": row["origin"],
                "version": row["version"],
                "created_at": iso_datetime(row["created_at"]),
                "updated_at": iso_datetime(row["updated_at"]),
            }
        )
    return out
