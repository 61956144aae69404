"""Model instances from rows PostgreSQL sent as JSON.

A page that shows one record with its relations (a statement with its article, speaker,
meeting, claims and the article's authors) took one query per relation through the ORM. With
`json_object_sql` the same rows travel as JSON objects inside one query (`json_build_object`
of the model's concrete columns, keyed by attname), and `from_json` turns each object back
into the instance the ORM would have built — every concrete field, converted to the Python
type the field's database converters give — so templates, `get_absolute_url()` and
`get_FOO_display()` work on them unchanged. `set_related` and `set_prefetched` then attach
relations as `select_related` and `prefetch_related` would, so reading them runs no query.

Only field types whose JSON form converts exactly are accepted; any other refuses at the
time the SQL is built (`UnsupportedField`), not on some later request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from django.db import models

# get_internal_type() → how its JSON value becomes the field's Python value (None: as is)
_CONVERTERS: dict[str, Callable[[Any], Any] | None] = {
    "AutoField": None,
    "BigAutoField": None,
    "SmallAutoField": None,
    "IntegerField": None,
    "BigIntegerField": None,
    "SmallIntegerField": None,
    "PositiveIntegerField": None,
    "PositiveBigIntegerField": None,
    "PositiveSmallIntegerField": None,
    "ForeignKey": None,  # to an integer key (checked below)
    "OneToOneField": None,
    "CharField": None,
    "TextField": None,
    "SlugField": None,
    "BooleanField": None,
    "FloatField": float,  # JSON writes 1.0 as 1
    "DateField": dt.date.fromisoformat,
    # timestamptz in the session's zone, which Django sets to UTC: "2019-04-25T11:37:00+00:00"
    "DateTimeField": dt.datetime.fromisoformat,
    "JSONField": None,  # the value itself is JSON (checked below: no custom decoder)
}


class UnsupportedField(TypeError):
    """A field whose value would not come back from JSON exactly as the ORM gives it."""


def _fields(model) -> list[models.Field]:
    fields = list(model._meta.concrete_fields)
    for field in fields:
        kind = field.get_internal_type()
        if kind not in _CONVERTERS:
            raise UnsupportedField(f"{model.__name__}.{field.name} ({kind})")
        if kind == "JSONField" and field.decoder is not None:
            raise UnsupportedField(f"{model.__name__}.{field.name} (a custom decoder)")
        if field.is_relation and field.target_field.get_internal_type() not in (
            "AutoField",
            "BigAutoField",
            "IntegerField",
            "BigIntegerField",
        ):
            raise UnsupportedField(f"{model.__name__}.{field.name} (a non-integer key)")
    return fields


def json_object_sql(model, alias: str) -> str:
    """`json_build_object(...)` of `model`'s concrete columns on the row aliased `alias`."""
    pairs = ", ".join(f"'{f.attname}', {alias}.\"{f.column}\"" for f in _fields(model))
    return f"json_build_object({pairs})"


@cache
def _conversions(model) -> tuple[list[str], list[tuple[str, Callable[[Any], Any] | None]]]:
    """`model`'s attnames in column order, and how each one's JSON value is converted."""
    fields = _fields(model)
    return [f.attname for f in fields], [
        (f.attname, _CONVERTERS[f.get_internal_type()]) for f in fields
    ]


def from_json(model, data: dict[str, Any] | None, using: str):
    """The instance `model.from_db` would build from this row; None for no row (also the
    all-null object of a LEFT JOIN that found nothing)."""
    if data is None or data.get("id") is None:
        return None
    attnames, conversions = _conversions(model)
    values = []
    for name, convert in conversions:
        value = data[name]
        values.append(value if convert is None or value is None else convert(value))
    return model.from_db(using, attnames, values)


def set_related(instance, name: str, value) -> None:
    """Attach a foreign key's object (or None) as `select_related(name)` would."""
    instance._meta.get_field(name).set_cached_value(instance, value)


def set_prefetched(instance, name: str, objects: Sequence, queryset=None) -> None:
    """Attach a many-to-many or reverse relation's objects as
    `prefetch_related(Prefetch(name, queryset))` would: `.all()` then runs no query."""
    manager = getattr(instance, name)
    related = manager.get_queryset() if queryset is None else manager._apply_rel_filters(queryset)
    related._result_cache = list(objects)
    related._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[manager.prefetch_cache_name] = related
