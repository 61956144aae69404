"""Query-string filters for the articles, statements and claims API."""

from __future__ import annotations

import datetime as dt

import django_filters as df
from django.db.models import Q

from actors.models import Actor
from config.api_base import (
    CameoCodeFilter,
    RelatedSlugFilter,
    StrictBooleanFilter,
    UpdatedSinceFilter,
)
from events.models import Meeting, Precision

from .models import Article, Claim, ReviewStatus, Statement
from .search import apply_search


def search(queryset, name, value):
    return apply_search(queryset, value)


class ArticleFilter(df.FilterSet):
    publisher = df.CharFilter(field_name="publisher__slug", help_text="The publisher's slug.")
    published_from = df.DateFilter(field_name="published_at__date", lookup_expr="gte")
    published_to = df.DateFilter(field_name="published_at__date", lookup_expr="lte")
    updated_since = UpdatedSinceFilter()

    class Meta:
        model = Article
        fields = ["publisher", "published_from", "published_to", "updated_since"]


class StatementFilter(df.FilterSet):
    speaker = RelatedSlugFilter(
        field_name="speaker", related_model=Actor, help_text="The speaker's slug."
    )
    meeting = RelatedSlugFilter(
        field_name="meeting", related_model=Meeting, help_text="The meeting's slug."
    )
    article = RelatedSlugFilter(
        field_name="article", related_model=Article, help_text="The article's slug."
    )
    direct = StrictBooleanFilter(help_text="true: direct quotes; false: reported speech.")
    reported_via = RelatedSlugFilter(
        field_name="reported_via",
        related_model=Actor,
        help_text="The slug of the outlet that relayed it.",
    )
    date_from = df.DateFilter(
        method="filter_date_from",
        help_text="Statements made on or after this date (a month- or year-precision date "
        "counts when its period reaches the date).",
    )
    date_to = df.DateFilter(
        field_name="date", lookup_expr="lte", help_text="Statements made on or before this date."
    )
    cameo_code = CameoCodeFilter()
    updated_since = UpdatedSinceFilter()
    q = df.CharFilter(method=search, help_text="Full-text search over the statement's words.")

    class Meta:
        model = Statement
        fields = [
            "speaker",
            "meeting",
            "article",
            "direct",
            "reported_via",
            "date_from",
            "date_to",
            "cameo_code",
            "updated_since",
            "q",
        ]

    def filter_date_from(self, queryset, name, value: dt.date):
        # Stored dates are the first day of their period: (2019-04-01, month) is all April.
        return queryset.filter(
            Q(date__gte=value)
            | Q(date_precision=Precision.MONTH, date__gte=value.replace(day=1))
            | Q(date_precision=Precision.YEAR, date__gte=value.replace(month=1, day=1))
        )


class ClaimFilter(df.FilterSet):
    claimant = RelatedSlugFilter(
        field_name="claimant", related_model=Actor, help_text="The claimant's slug."
    )
    subject = RelatedSlugFilter(
        field_name="subject", related_model=Actor, help_text="The subject's slug."
    )
    status = df.MultipleChoiceFilter(
        choices=ReviewStatus.choices, distinct=False, help_text="Repeatable."
    )
    has_condition = StrictBooleanFilter(
        method="filter_has_condition", help_text="true: only conditional claims; false: none."
    )
    updated_since = UpdatedSinceFilter()
    q = df.CharFilter(method=search, help_text="Full-text search over proposition and condition.")

    class Meta:
        model = Claim
        fields = ["claimant", "subject", "status", "has_condition", "updated_since", "q"]

    def filter_has_condition(self, queryset, name, value):
        return queryset.exclude(condition="") if value else queryset.filter(condition="")
