"""No lost edits in the admin: every change form carries the version the editor opened.

The form holds the record's `version` in a hidden field. On save, if someone saved the record
since, the form is refused with a clear message and the list of what changed between the
version the editor opened and the current one (from the record's history). The service the
admin saves through repeats the check as an atomic compare-and-swap, so two saves racing past
the form check still cannot both win (`StaleVersion`, handled in `changeform_view`).

Lives in `actors` (the root of the dependency chain) so that events and statements share it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from .models import Origin
from .services import StaleVersion, curated_update

VERSION_FIELD = "expected_version"
# Not worth showing an editor: they change with every save.
BOOKKEEPING_FIELDS = ["version", "origin", "created_at", "updated_at"]


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Conflict:
    """What happened to a record between the version an editor opened and now."""

    opened: int
    current: int
    changed_by: tuple[str, ...] = ()
    changed_at: dt.datetime | None = None
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str:
        who = ", ".join(self.changed_by) or "someone else"
        return (
            f"Not saved: {who} changed this record while you were editing it (you opened "
            f"version {self.opened}; it is now version {self.current}). What changed is shown at the top of "
            "the form. Reload the page to see the current record, then apply your change again."
        )


def _display(value: object) -> str:
    if value is None or value == "":
        return "—"
    return str(value)


def conflict_since(model: type[models.Model], pk: object, opened: int, current: int) -> Conflict:
    """The changes to record `pk` of `model` since version `opened`, from its history."""
    history = model.history.filter(**{model._meta.pk.attname: pk}).select_related("history_user")
    latest = history.order_by("-history_date", "-history_id").first()
    base = history.filter(version=opened).order_by("-history_date", "-history_id").first()
    if latest is None or base is None:
        return Conflict(opened, current)
    later = history.filter(history_date__gt=base.history_date).order_by("history_date")
    users = []
    for record in later:
        name = record.history_user.get_username() if record.history_user else "the importer"
        if name not in users:
            users.append(name)
    delta = latest.diff_against(
        base, excluded_fields=BOOKKEEPING_FIELDS, foreign_keys_are_objs=True
    )
    changes = []
    for change in delta.changes:
        model_field = model._meta.get_field(change.field)
        choices = dict(model_field.flatchoices or ())
        old, new = choices.get(change.old, change.old), choices.get(change.new, change.new)
        changes.append(Change(str(model_field.verbose_name), _display(old), _display(new)))
    return Conflict(opened, current, tuple(users), latest.history_date, tuple(changes))


class VersionedForm(forms.ModelForm):
    """A change form that knows which version of the record it was opened on."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Set on a subclass when the form's instance is not the stored record (the revert form
    # shows an old version): then the version the editor "opened" is the stored one.
    opened_version: int | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = self.opened_version or self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        model = type(self.instance)
        current = model._default_manager.filter(pk=self.instance.pk).values_list(
            "version", flat=True
        )[0]
        opened = cleaned.get(VERSION_FIELD)
        if opened is None:
            raise ValidationError(
                "This form does not say which version of the record you edited; reload the page."
            )
        if opened != current:
            self.conflict = conflict_since(model, self.instance.pk, opened, current)
            raise ValidationError(self.conflict.message, code="stale")
        return cleaned


class VersionedAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin (history with who/when/what and revert) plus the version check.

    Subclasses save through a service in `save_model`, passing `self.opened_version(form)`
    as the service's `expected_version`."""

    form = VersionedForm

    @staticmethod
    def opened_version(form: forms.Form) -> int | None:
        return form.cleaned_data.get(VERSION_FIELD)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        names = {
            name
            for _, options in fieldsets
            for line in options["fields"]
            for name in ([line] if isinstance(line, str) else line)
        }
        if VERSION_FIELD not in names:
            fieldsets.append((None, {"fields": [VERSION_FIELD], "classes": ["hidden"]}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        match = getattr(request, "resolver_match", None)
        if obj is not None and match and (match.url_name or "").endswith("_simple_history"):
            # The revert form shows an old version; what the editor opened is the stored one.
            stored = (
                self.model._default_manager.filter(pk=obj.pk)
                .values_list("version", flat=True)
                .first()
            )
            form = type(form.__name__, (form,), {"opened_version": stored})
        return form

    def _refuse_stale(self, request, exc: StaleVersion):
        self.message_user(request, str(exc), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion as exc:  # lost the race after the form's check: nothing saved
            return self._refuse_stale(request, exc)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except StaleVersion as exc:
            return self._refuse_stale(request, exc)


class CuratedAdmin(VersionedAdmin):
    """Actors and meetings: a new record is an editor's entry; a change is a versioned,
    recorded correction (`curated_update`); inline rows are marked as the editor's work."""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.origin = Origin.ENTERED
            super().save_model(request, obj, form, change)
            return
        curated_update(
            obj=obj,
            user=request.user,
            expected_version=self.opened_version(form),
            reason="Edited in the admin: " + ", ".join(form.changed_data or ["related rows"]),
        )

    def save_formset(self, request, form, formset, change):
        rows = formset.save(commit=False)
        for row in rows:
            if hasattr(row, "origin"):
                row.origin = Origin.CORRECTED if row.pk else Origin.ENTERED
            row.save()
        for row in formset.deleted_objects:
            row.delete()
        formset.save_m2m()
