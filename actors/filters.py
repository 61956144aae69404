"""Query-string filters for the actors API (documented in the OpenAPI schema)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q

from config.api_base import UpdatedSinceFilter

from .models import Actor, ActorKind


def search(queryset, name, value):
    from statements.search import apply_search

    return apply_search(queryset, value)


class ActorFilter(df.FilterSet):
    kind = df.MultipleChoiceFilter(
        choices=ActorKind.choices, help_text="Repeatable: actors of any of these kinds."
    )
    country = df.CharFilter(
        field_name="country__slug", help_text="The slug of the actor's country (a state)."
    )
    name = df.CharFilter(
        method="filter_name",
        help_text="Case-insensitive substring of the canonical name or of any alias.",
    )
    updated_since = UpdatedSinceFilter()
    q = df.CharFilter(
        method=search,
        help_text="Full-text search (PostgreSQL: ranked, best first unless `ordering` is given; "
        "SQLite: every word, accent- and case-insensitive).",
    )

    class Meta:
        model = Actor
        fields = ["kind", "country", "name", "updated_since", "q"]

    def filter_name(self, queryset, name, value):
        key = value.casefold()
        return queryset.filter(Q(name_key__contains=key) | Q(aliases__key__contains=key)).distinct()
