"""Sources and what they say: articles, statements (with their exact span), claims.

The stored article text never changes after import; every span points into it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import orjson
from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q

from actors.models import Actor, ActorKind, Curated, history_records
from config.compiled import NotCompilable, marker_like, prepared_rows
from config.jsonrows import from_json, json_object_sql, set_prefetched, set_related
from events.models import Meeting, Precision


class ArticleQuerySet(models.QuerySet):
    def with_context(self) -> ArticleQuerySet:
        return self.select_related("publisher").prefetch_related("authors")

    def sources_for(self, meeting: Meeting) -> ArticleQuerySet:
        """Articles that mention `meeting` or report a statement made at it."""
        return self.filter(
            Q(
                models.Exists(
                    MeetingMention.objects.filter(article=models.OuterRef("pk"), meeting=meeting)
                )
            )
            | Q(
                models.Exists(
                    Statement.objects.filter(article=models.OuterRef("pk"), meeting=meeting)
                )
            )
        ).select_related("publisher")


class Article(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=500)
    text = models.TextField(help_text="The stored text after encoding repair; spans point here.")
    content_hash = models.CharField(max_length=64, unique=True, help_text="sha256 of the text")
    publisher = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="published_articles",
        limit_choices_to={"kind": ActorKind.MEDIA},
    )
    authors = models.ManyToManyField(Actor, blank=True, related_name="authored_articles")
    byline = models.CharField(max_length=500, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    published_tz = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="The zone the article gave, e.g. America/New_York.",
    )
    url = models.URLField(max_length=1000, blank=True, default="")
    body_start = models.PositiveIntegerField(default=0)
    body_end = models.PositiveIntegerField(default=0)
    boilerplate = models.JSONField(
        default=list, blank=True, help_text="[[start, end], …] of page noise"
    )
    source_name = models.CharField(max_length=500, blank=True, default="")
    encoding = models.CharField(max_length=40, blank=True, default="")
    warnings = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(body_start__lte=F("body_end")), name="article_body_span_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]

    @property
    def clean_body(self) -> str:
        """The body with recognised page noise (captions, newsletter boxes…) left out."""
        pieces, cursor = [], self.body_start
        for start, end in sorted(self.boilerplate):
            if end <= cursor or start >= self.body_end:
                continue
            pieces.append(self.text[cursor : max(cursor, start)])
            cursor = max(cursor, end)
        pieces.append(self.text[cursor : self.body_end])
        return "".join(pieces).strip()

    def get_absolute_url(self) -> str:
        from config.urlcache import url_for

        return url_for("article-detail", self.slug)


class SpanMixin(models.Model):
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        abstract = True


class ActorMention(SpanMixin):
    """Where an actor is named in an article: the provenance of actors and their aliases."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="actor_mentions")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="mentions")
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="actor_mention_unique"
            ),
            models.CheckConstraint(
                condition=Q(start__gte=0, end__gt=F("start")), name="actor_mention_span_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.start}–{self.end})"


class MeetingMention(SpanMixin):
    """Where an article speaks of a meeting: a meeting's sources."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="meeting_mentions")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="mentions")

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "meeting", "start", "end"], name="meeting_mention_unique"
            ),
            models.CheckConstraint(
                condition=Q(start__gte=0, end__gt=F("start")), name="meeting_mention_span_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} in article {self.article_id} ({self.start}–{self.end})"


class StatementQuerySet(models.QuerySet):
    def with_context(self) -> StatementQuerySet:
        """Everything a statement is shown with, in one query."""
        return self.select_related("speaker", "reported_via", "meeting", "article__publisher")

    # --- the reader's site -------------------------------------------------------------

    def in_article(self, article: Article) -> StatementQuerySet:
        """An article's statements in text order, with speakers and claims (two queries)."""
        return (
            self.filter(article=article)
            .select_related("speaker")
            .prefetch_related(models.Prefetch("claims", queryset=Claim.objects.order_by("pk")))
            .order_by("start", "end")
        )

    def at_meeting(self, meeting: Meeting) -> StatementQuerySet:
        """Statements made at or about a meeting, grouped by speaker."""
        return (
            self.filter(meeting=meeting)
            .with_context()
            .order_by("speaker__name", "speaker_id", "article_id", "start")
        )

    def by_speaker(self, actor: Actor) -> StatementQuerySet:
        """What an actor said, newest first (undated last)."""
        return (
            self.filter(speaker=actor)
            .with_context()
            .order_by(F("date").desc(nulls_last=True), "article_id", "start")
        )

    def for_page(self) -> StatementQuerySet:
        """A statement's page: its context and the claims it is evidence for."""
        return self.with_context().prefetch_related(
            models.Prefetch("claims", queryset=Claim.objects.select_related("claimant", "subject"))
        )

    def page(self, pk: int, known_version: str | None = None) -> StatementPage | None:
        """Everything the statement's page shows, with its version, in one query (None: no
        such statement). PostgreSQL only.

        The version is an md5 of PostgreSQL's row versions (`xmin`, the writing transaction,
        and `ctid`, the row's place, which a second write in the same transaction changes)
        of the statement, its article, speaker, outlet, meeting, publisher, its claims with
        their claimant and subject, the article's authors and the quote's other parts: every
        write to any of them changes it, by whatever path it came, so a page kept under it
        (config/pagecache.py) is never out of date. When it equals `known_version` the rows
        are not sent (`statement` is None); otherwise they come as JSON and are built into
        the instances `for_page()` and the view's prefetches would give
        (config/jsonrows.py), from the same snapshot as the version."""
        try:
            marker_like(pk, 0)  # refuses an id beyond 64 bits, which PostgreSQL would refuse
        except NotCompilable:
            return None
        rows = prepared_rows(_page_sql(), [known_version, pk], using=self.db)
        if not rows:
            return None
        version, data = rows[0]
        if data is None:
            return StatementPage(version, None, [])
        return _page_from_json(version, orjson.loads(data), self.db)


@dataclass
class StatementPage:
    """`StatementQuerySet.page()`: the page's version and, unless the caller already had
    that version, the statement (relations attached) and the parts of its quote."""

    version: str
    statement: Statement | None
    parts: list[Statement]


@functools.cache
def _page_sql() -> str:
    statement = Statement._meta.db_table
    article = Article._meta.db_table
    actor = Actor._meta.db_table
    evidence = Claim.evidence.through._meta.db_table
    claim = Claim._meta.db_table
    authors = Article.authors.through._meta.db_table

    def v(alias: str) -> str:  # a row's version
        return f"coalesce({alias}.xmin::text || {alias}.ctid::text, '-')"

    def obj(model, alias: str) -> str:
        return json_object_sql(model, alias)

    def one(model, alias: str, key: str, what) -> str:
        """`what(model, alias)` (its JSON or its version) of the row `key` points to."""
        row = f"(SELECT {what(model, alias)} FROM {model._meta.db_table} {alias}"
        return f"{row} WHERE {alias}.id = {key})"

    def version_of(model, alias: str) -> str:
        return f"{alias}.xmin::text || {alias}.ctid::text"

    def one_v(model, alias: str, key: str) -> str:  # its version, '-' for no row
        return f"coalesce({one(model, alias, key, version_of)}, '-')"

    # The rows the page shows, each set written once: the version covers exactly the rows
    # that are sent. Rows a key points to are scalar subqueries rather than joins: planning
    # a dozen joined tables took 1.7 ms, this 0.85 (it matters where statements are not
    # prepared, PARLEY_PREPARED_STATEMENTS=false), and the prepared query runs faster too.
    keyed = [
        (Actor, "sp", "s.speaker_id"),
        (Actor, "rv", "s.reported_via_id"),
        (Meeting, "m", "s.meeting_id"),
        (Actor, "p", "a.publisher_id"),
    ]
    claims = f"""FROM {evidence} ce JOIN {claim} c ON c.id = ce.claim_id
            WHERE ce.statement_id = s.id"""
    authors_of = f"""FROM {authors} aa JOIN {actor} au ON au.id = aa.actor_id
            WHERE aa.article_id = a.id"""
    parts = f"""FROM {statement} o
            WHERE s.utterance <> '' AND o.article_id = s.article_id
              AND o.utterance = s.utterance"""
    # The orders are the ORM's: Claim.Meta.ordering (-id), Actor.Meta.ordering (name; id
    # breaks ties), the view's parts order (part, start).
    return f"""
        SELECT v.version, CASE WHEN v.version IS DISTINCT FROM %s THEN json_build_object(
          's', {obj(Statement, "s")}, 'a', {obj(Article, "a")},
          {", ".join(f"'{a}', {one(m, a, key, obj)}" for m, a, key in keyed)},
          'claims', (SELECT json_agg(json_build_object('c', {obj(Claim, "c")},
                       'cl', {one(Actor, "cl", "c.claimant_id", obj)},
                       'su', {one(Actor, "su", "c.subject_id", obj)})
                       ORDER BY c.id DESC)
             {claims}),
          'authors', (SELECT json_agg({obj(Actor, "au")} ORDER BY au.name, au.id)
             {authors_of}),
          'parts', (SELECT json_agg({obj(Statement, "o")} ORDER BY o.part, o.start, o.id)
             {parts}))::text END
        FROM {statement} s
        JOIN {article} a ON a.id = s.article_id
        CROSS JOIN LATERAL (SELECT md5(concat_ws(',',
          {v("s")}, {v("a")}, {", ".join(one_v(*row) for row in keyed)},
          (SELECT string_agg(concat_ws(':', {v("ce")}, {v("c")},
                    {one_v(Actor, "cl", "c.claimant_id")}, {one_v(Actor, "su", "c.subject_id")}),
                  ';' ORDER BY ce.id)
             {claims}),
          (SELECT string_agg(concat_ws(':', {v("aa")}, {v("au")}), ';' ORDER BY aa.id)
             {authors_of}),
          (SELECT string_agg({v("o")}, ';' ORDER BY o.id) {parts}))) AS version
          OFFSET 0) v  -- not pulled up: the CASE and the SELECT list would compute it twice
        WHERE s.id = %s"""


def _page_from_json(version: str, data: dict, using: str) -> StatementPage:
    """The statement with its relations attached as `for_page()` with the article's authors
    prefetched gives it, and the parts of its quote."""
    statement = from_json(Statement, data["s"], using)
    article = from_json(Article, data["a"], using)
    set_related(article, "publisher", from_json(Actor, data["p"], using))
    set_prefetched(article, "authors", [from_json(Actor, a, using) for a in data["authors"] or ()])
    set_related(statement, "article", article)
    set_related(statement, "speaker", from_json(Actor, data["sp"], using))
    set_related(statement, "reported_via", from_json(Actor, data["rv"], using))
    set_related(statement, "meeting", from_json(Meeting, data["m"], using))
    claims = []
    for row in data["claims"] or ():
        claim = from_json(Claim, row["c"], using)
        set_related(claim, "claimant", from_json(Actor, row["cl"], using))
        set_related(claim, "subject", from_json(Actor, row["su"], using))
        claims.append(claim)
    set_prefetched(statement, "claims", claims)
    parts = [from_json(Statement, part, using) for part in data["parts"] or ()]
    return StatementPage(version, statement, parts)


class Statement(Curated, SpanMixin):
    # No single-column indexes for the article, speaker and meeting keys: the composite
    # indexes below lead with each of them (statement_span_unique, statement_speaker_date_idx,
    # statement_meeting_idx), and every import wrote to the duplicates (docs/performance.md,
    # seventh round).
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="statements", db_index=False
    )
    # Denormalised copy of article.text[start:end], kept for search and export; the API
    # checks on read that it still matches the article.
    text = models.TextField()
    speaker = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="statements", db_index=False
    )
    direct = models.BooleanField(help_text="A direct quote (the speaker's exact words).")
    reported_via = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relayed_statements",
        help_text="The outlet or agency the article says reported it.",
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        db_index=False,
    )
    date = models.DateField(null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    date_approximate = models.BooleanField(default=False)
    utterance = models.CharField(
        max_length=80,
        blank=True,
        default="",
        # read only with the article (the quote's parts): statement_span_unique serves it
        help_text="Statements of one quote interrupted by 'he said' share this key.",
    )
    part = models.PositiveSmallIntegerField(default=1)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(default=1.0, db_index=True)
    cameo_code = models.CharField(
        max_length=4,
        blank=True,
        default="",
        db_index=True,
        help_text="CAMEO event code where one fits (010 make statement, 012 pessimistic comment, …).",
    )

    history = history_records(
        "article",
        "cameo_code",
        "confidence",
        "date",
        "meeting",
        "reported_via",
        "speaker",
        "updated_at",
        "utterance",
    )
    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="statement_span_unique"
            ),
            models.CheckConstraint(
                condition=Q(start__gte=0, end__gt=F("start")), name="statement_span_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "-date", "-id"], name="statement_speaker_date_idx"),
            models.Index(fields=["meeting", "start"], name="statement_meeting_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:60]}"

    @property
    def span_matches(self) -> bool:
        """Whether the stored span still points at the stored words (it always should)."""
        return self.article.text[self.start : self.end] == self.text

    def get_absolute_url(self) -> str:
        from config.urlcache import url_for

        return url_for("statement-detail", self.pk)


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    CONFIRMED = "confirmed", "Confirmed (accurately attributed)"
    DISPUTED = "disputed", "Disputed"
    RETRACTED = "retracted", "Retracted"


class ClaimQuerySet(models.QuerySet):
    def with_context(self) -> ClaimQuerySet:
        return self.select_related(
            "claimant", "subject", "reported_via", "reviewed_by"
        ).prefetch_related(
            Prefetch(
                "evidence",
                queryset=Statement.objects.select_related("article__publisher", "reported_via"),
            )
        )

    def unreviewed(self) -> ClaimQuerySet:
        return self.filter(status=ReviewStatus.UNREVIEWED)

    # --- the reader's site -------------------------------------------------------------

    def for_page(self) -> ClaimQuerySet:
        """A claim's page: the chain's actors and every evidence statement with its article
        (for the quote in context), its speaker and its outlet."""
        return self.select_related(
            "claimant", "subject", "reported_via", "reviewed_by"
        ).prefetch_related(
            Prefetch(
                "evidence",
                queryset=Statement.objects.select_related(
                    "article__publisher", "reported_via", "speaker"
                ).order_by("article_id", "start"),
            )
        )

    def involving(self, actor: Actor) -> ClaimQuerySet:
        """Claims made by `actor` or about them."""
        return (
            self.filter(Q(claimant=actor) | Q(subject=actor))
            .select_related("claimant", "subject")
            .order_by("-id")
        )

    def about_meeting(self, meeting: Meeting) -> ClaimQuerySet:
        """Claims whose evidence was said at or about `meeting`."""
        return (
            self.filter(
                models.Exists(
                    Statement.objects.filter(claims=models.OuterRef("pk"), meeting=meeting)
                )
            )
            .select_related("claimant", "subject")
            .order_by("-id")
        )


class Claim(Curated):
    claimant = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="claims_made")
    subject = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="claims_about"
    )
    text = models.TextField(help_text="The proposition, normalised.")
    condition = models.TextField(blank=True, default="")
    evidence = models.ManyToManyField(Statement, related_name="claims", blank=True)
    reported_via = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relayed_claims",
        help_text="The outlet that carried the claimant's words.",
    )
    # The extraction key (claimant + subject + normalised proposition): how a re-import
    # recognises the claim even after an editor reworded it.
    fingerprint = models.CharField(max_length=64, unique=True)
    # indexed by claim_status_idx (status, -id), which also serves equality on status
    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True, default="")
    confidence = models.FloatField(default=1.0, db_index=True)

    history = history_records(
        "claimant",
        "confidence",
        "fingerprint",
        "reported_via",
        "reviewed_by",
        "status",
        "subject",
        "updated_at",
    )
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["status", "-id"], name="claim_status_idx")]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        from config.urlcache import url_for

        return url_for("claim-detail", self.pk)
