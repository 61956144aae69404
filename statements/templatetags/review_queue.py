"""The editors' review queue on the admin index: unreviewed claims (most doubtful first) and
recently changed records, from simple-history's tables. A fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from actors.models import Actor
from events.models import Meeting
from statements.models import Claim, Statement

register = template.Library()

UNREVIEWED_SHOWN = 10
RECENT_SHOWN = 12
RECENT_DAYS = 7

# (model, label field): what a history row is called without touching another table.
TRACKED: tuple[tuple[type, str], ...] = (
    (Claim, "text"),
    (Statement, "text"),
    (Actor, "name"),
    (Meeting, "title"),
)

HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class RecentChange:
    kind: str
    label: str
    url: str
    what: str
    reason: str
    user: str
    at: dt.datetime


@register.inclusion_tag("admin/parley/review_queue.html", takes_context=True)
def review_queue(context) -> dict:
    request = context["request"]
    user = request.user
    data: dict = {"can_review": user.has_perm("statements.view_claim"), "days": RECENT_DAYS}
    if data["can_review"]:
        unreviewed = Claim.objects.unreviewed()
        data["unreviewed_count"] = unreviewed.count()
        data["unreviewed"] = list(
            unreviewed.select_related("claimant", "subject").order_by("confidence", "-id")[
                :UNREVIEWED_SHOWN
            ]
        )
        data["unreviewed_url"] = (
            reverse("admin:statements_claim_changelist") + "?status__exact=unreviewed&o=9"
        )
    since = timezone.now() - dt.timedelta(days=RECENT_DAYS)
    counts = []
    recent: list[RecentChange] = []
    for model, label_field in TRACKED:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        history = model.history.filter(history_date__gte=since)
        try:
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        counts.append(
            {
                "label": str(opts.verbose_name_plural),
                "count": history.count(),
                "edited": history.filter(history_user__isnull=False).count(),
                "url": changelist,
            }
        )
        for row in history.select_related("history_user").order_by("-history_date")[:RECENT_SHOWN]:
            recent.append(
                RecentChange(
                    kind=str(opts.verbose_name),
                    label=str(getattr(row, label_field))[:90],
                    url=reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[row.id]),
                    what=HISTORY_TYPES.get(row.history_type, row.history_type),
                    reason=row.history_change_reason or "",
                    user=row.history_user.get_username() if row.history_user else "importer",
                    at=row.history_date,
                )
            )
    recent.sort(key=lambda change: change.at, reverse=True)
    data["recent_counts"] = counts
    data["recent"] = recent[:RECENT_SHOWN]
    return data
