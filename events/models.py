"""Meetings: summits, talks, visits, calls and series of them, with dates at their true precision."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.db import models
from django.db.models import Q

from actors.models import Actor, Curated, history_records


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class MeetingKind(models.TextChoices):
    SUMMIT = "summit", "Summit"
    BILATERAL = "bilateral", "Bilateral talks"
    MULTILATERAL = "multilateral", "Multilateral talks"
    VISIT = "visit", "Visit"
    CALL = "call", "Call"
    NEGOTIATION = "negotiation", "Negotiation round"
    SERIES = "series", "Series of meetings"
    OTHER = "other", "Other"


def period_end(value: dt.date, precision: str) -> dt.date:
    """The last day a (value, precision) pair can mean: (2019-02-01, month) → 2019-02-28."""
    if precision == Precision.YEAR:
        return dt.date(value.year, 12, 31)
    if precision == Precision.MONTH:
        nxt = dt.date(value.year + (value.month == 12), value.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return value


def format_fuzzy(value: dt.date | None, precision: str, approximate: bool = False) -> str:
    """'25 Apr 2019', 'c. Feb 2019', '2003' or 'date unknown' — the reader's form."""
    if value is None:
        return "date unknown"
    if precision == Precision.YEAR:
        text = f"{value.year}"
    elif precision == Precision.MONTH:
        text = value.strftime("%b %Y")
    else:
        text = f"{value.day} {value.strftime('%b %Y')}"
    return f"c. {text}" if approximate else text


class Person(NamedTuple):
    """A participant as the timeline shows it."""

    role: str
    slug: str
    name: str


class MeetingQuerySet(models.QuerySet):
    def on_timeline(self) -> MeetingQuerySet:
        """Dated meetings first in time order, undated last; participants prefetched."""
        return self.order_by(models.F("start_date").asc(nulls_last=True), "title").prefetch_related(
            "participations__actor"
        )

    def with_participants(self, actors: list[Actor]) -> MeetingQuerySet:
        """Meetings in which every one of `actors` took part."""
        qs = self
        for actor in actors:
            qs = qs.filter(participations__actor=actor)
        return qs.distinct()

    def overlapping(self, start: dt.date | None, end: dt.date | None) -> MeetingQuerySet:
        """Meetings whose span (at its precision) overlaps [start, end]; stored bounds are
        the first day of each period, so `last_day` (end of the final period) is compared."""
        qs = self.exclude(start_date__isnull=True)
        if end is not None:
            qs = qs.filter(start_date__lte=end)
        if start is not None:
            qs = qs.filter(last_day__gte=start)
        return qs

    # --- the reader's site -------------------------------------------------------------

    def for_site_timeline(
        self,
        *,
        actors: list[Actor] | tuple[Actor, ...] = (),
        kind: str = "",
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> MeetingQuerySet:
        """The timeline page: meetings in time order (undated last) with their participants
        (one extra query), narrowed to those every one of `actors` took part in, of `kind`,
        and overlapping the years `year_from`–`year_to` (a year filter leaves out undated ones)."""
        qs = self
        for actor in actors:
            qs = qs.filter(
                models.Exists(
                    Participation.objects.filter(meeting=models.OuterRef("pk"), actor=actor)
                )
            )
        if kind:
            qs = qs.filter(kind=kind)
        if year_from is not None or year_to is not None:
            qs = qs.overlapping(
                dt.date(year_from, 1, 1) if year_from is not None else None,
                dt.date(year_to, 12, 31) if year_to is not None else None,
            )
        return qs.order_by(
            models.F("start_date").asc(nulls_last=True), "title", "id"
        ).prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor").order_by(
                    "role", "actor__name"
                ),
            )
        )

    def people_of(self, meetings: list[Meeting]) -> dict[int, list[Person]]:
        """Each meeting's participants as light rows (one query, no model instances), in the
        order of `for_site_timeline`'s prefetch: role, then name."""
        from config.compiled import compiled_values

        people: dict[int, list[Person]] = {m.pk: [] for m in meetings}
        if people:
            for row in compiled_values("people-of", _people_of, list(people)):
                people[row["meeting_id"]].append(
                    Person(row["role"], row["actor__slug"], row["actor__name"])
                )
        return people

    def timeline_page(self, page: int, size: int) -> tuple[list[Meeting], bool]:
        """Page `page` of this (time-ordered) list counted from its END — page 1 holds the
        `size` most recent meetings — in time order, and whether earlier ones exist. Read
        backwards with LIMIT/OFFSET: no COUNT, one query (plus the prefetches)."""
        start = (page - 1) * size
        rows = list(self.reverse()[start : start + size + 1])
        has_earlier = len(rows) > size
        rows = rows[:size]
        rows.reverse()
        return rows, has_earlier

    def for_page(self) -> MeetingQuerySet:
        """A meeting's page: participants with their roles and the meetings it relates to."""
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("actor").order_by(
                    "role", "actor__name"
                ),
            ),
            models.Prefetch(
                "relations_out", queryset=MeetingRelation.objects.select_related("target")
            ),
            models.Prefetch(
                "relations_in", queryset=MeetingRelation.objects.select_related("source")
            ),
        )

    def with_participant(self, actor: Actor) -> MeetingQuerySet:
        """An actor's meetings, in time order, with every participant (for 'whom they met')."""
        return self.filter(
            models.Exists(Participation.objects.filter(meeting=models.OuterRef("pk"), actor=actor))
        ).for_site_timeline()


def _people_of(*meeting_ids):
    return (
        Participation.objects.filter(meeting_id__in=meeting_ids)
        .order_by("role", "actor__name")
        .values("meeting_id", "role", "actor__slug", "actor__name")
    )


class Meeting(Curated):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    kind = models.CharField(
        max_length=16, choices=MeetingKind.choices, default=MeetingKind.OTHER, db_index=True
    )
    place = models.CharField(max_length=300, blank=True, default="")
    start_date = models.DateField(null=True, blank=True, db_index=True)
    start_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    date_approximate = models.BooleanField(
        default=False, help_text="The date is an estimate ('two months after …')."
    )
    # The last day the meeting can cover (end of its end period, or of its start period):
    # derived once on write so that overlap filters are plain indexed comparisons.
    last_day = models.DateField(null=True, blank=True, editable=False, db_index=True)
    outcomes = models.JSONField(default=list, blank=True)
    mentioned_only = models.BooleanField(
        default=False, help_text="Only referred to in the sources, not reported as it happened."
    )
    related = models.ManyToManyField(
        "self", through="MeetingRelation", symmetrical=False, related_name="+", blank=True
    )
    confidence = models.FloatField(default=1.0)
    cameo_code = models.CharField(
        max_length=4,
        blank=True,
        default="",
        db_index=True,
        help_text="CAMEO event code where one fits (043 host a visit, 046 negotiate, …).",
    )

    history = history_records(
        "cameo_code", "kind", "slug", "start_date", "updated_at", excluded_fields=["last_day"]
    )
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=models.F("start_date")),
                name="meeting_end_not_before_start",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="meeting_title_not_empty"),
        ]
        indexes = [models.Index(fields=["start_date", "last_day"], name="meeting_span_idx")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.last_day = self.compute_last_day()
        super().save(*args, **kwargs)

    def compute_last_day(self) -> dt.date | None:
        if self.end_date is not None:
            return period_end(self.end_date, self.end_precision)
        if self.start_date is not None:
            return period_end(self.start_date, self.start_precision)
        return None

    @property
    def date_display(self) -> str:
        start = format_fuzzy(self.start_date, self.start_precision, self.date_approximate)
        if self.end_date and self.end_date != self.start_date:
            end = format_fuzzy(self.end_date, self.end_precision)
            return f"{start} – {end}"
        return start

    def get_absolute_url(self) -> str:
        from config.urlcache import url_for

        return url_for("meeting-detail", self.slug)


class ParticipantRole(models.TextChoices):
    PARTICIPANT = "participant", "Participant"
    HOST = "host", "Host"
    GUEST = "guest", "Guest"
    MEDIATOR = "mediator", "Mediator"


class Participation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(
        max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )
    origin = models.CharField(max_length=12, default="extracted")

    class Meta:
        ordering = ["meeting", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "actor"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.actor} at {self.meeting} ({self.role})"


class RelationKind(models.TextChoices):
    FOLLOWS = "follows", "Follows"
    PART_OF = "part_of", "Part of"
    RELATED = "related", "Related to"


class MeetingRelation(models.Model):
    """`source` follows / is part of / relates to `target`."""

    source = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=10, choices=RelationKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="relation_unique"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display().lower()} {self.target}"
