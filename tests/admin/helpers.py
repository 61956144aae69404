"""Posting admin change forms the way a browser would: start from the form as rendered."""

from __future__ import annotations

import datetime as dt
from typing import Any


def _put(data: dict[str, Any], name: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        if value:
            data[name] = "on"
        return
    if isinstance(value, list | tuple):
        data[name] = [str(v) for v in value]
        return
    if isinstance(value, dt.date | dt.datetime):
        data[name] = value.isoformat()
        return
    data[name] = str(value)


def change_form_data(response) -> dict[str, Any]:
    """The POST data of a rendered admin change form, unchanged."""
    data: dict[str, Any] = {}
    form = response.context["adminform"].form
    for name in form.fields:
        _put(data, name, form[name].value())
    for inline in response.context.get("inline_admin_formsets") or ():  # none on revert forms
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            _put(data, management.add_prefix(name), management[name].value())
        for sub in formset.forms:
            for name in sub.fields:
                _put(data, sub.add_prefix(name), sub[name].value())
    return data
