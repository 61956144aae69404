"""The editors' admin for articles, statements and claims.

Every save and action goes through `statements.services` so that a change made here is
versioned, stamped and recorded exactly like one made through the API.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse

from actors.admin_versioning import VersionedAdmin, VersionedForm
from actors.services import StaleVersion

from .admin_display import evidence_table, statement_in_context
from .loader import claim_fingerprint
from .models import Article, Claim, ReviewStatus, Statement
from .services import claim_create, claim_review, claim_update, statement_update


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_at", "source_name", "imported_at"]
    list_select_related = ["publisher"]
    search_fields = ["title", "byline", "source_name"]
    readonly_fields = ["content_hash", "text", "imported_at", "updated_at"]
    autocomplete_fields = ["publisher", "authors"]
    # Django 5.x warns about the scheme URLField will assume in 6.0; decide it now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


# --- statements ------------------------------------------------------------------------


@admin.register(Statement)
class StatementAdmin(VersionedAdmin):
    list_display = [
        "short_text",
        "speaker",
        "direct",
        "reported_via",
        "meeting",
        "date",
        "confidence",
        "origin",
    ]
    list_filter = ["direct", "origin", ("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["speaker", "reported_via", "meeting"]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["speaker", "meeting"]
    fieldsets = [
        (None, {"fields": ["quote_in_context", "speaker", "meeting"]}),
        (
            "Source (read-only provenance)",
            {
                "fields": [
                    "article",
                    ("start", "end"),
                    "direct",
                    "reported_via",
                    ("date", "date_precision", "date_approximate"),
                    "confidence",
                ]
            },
        ),
        ("Record", {"fields": ["origin", "version", "created_at", "updated_at"]}),
    ]
    readonly_fields = [
        "quote_in_context",
        "article",
        "start",
        "end",
        "direct",
        "reported_via",
        "date",
        "date_precision",
        "date_approximate",
        "confidence",
        "origin",
        "version",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:90]

    @admin.display(description="quote in its sentence")
    def quote_in_context(self, obj):
        return statement_in_context(obj)

    def save_model(self, request, obj, form, change):
        stored = Statement.objects.get(pk=obj.pk)
        saved = statement_update(
            statement=stored,
            user=request.user,
            expected_version=self.opened_version(form),
            speaker=obj.speaker,
            meeting=obj.meeting,
        )
        obj.version, obj.origin = saved.version, saved.origin


# --- claims ----------------------------------------------------------------------------


class ClaimForm(VersionedForm):
    class Meta:
        model = Claim
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            claimant, subject = cleaned.get("claimant"), cleaned.get("subject")
            if claimant and cleaned.get("text"):
                fingerprint = claim_fingerprint(
                    claimant.name,
                    subject.name if subject else None,
                    cleaned["text"],
                    cleaned.get("condition", ""),
                )
                if Claim.objects.filter(fingerprint=fingerprint).exists():
                    raise ValidationError("This claim (same claimant, subject and words) exists.")
        status = cleaned.get("status")
        if (
            status
            and status != ReviewStatus.UNREVIEWED
            and "status" in self.changed_data
            and not (cleaned.get("review_note") or "").strip()
        ):
            self.add_error("review_note", "Say why: a review needs a note.")
        return cleaned


class ReviewForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Why: recorded with the review on every selected claim.",
    )


REVIEW_ACTIONS = {
    "confirm": (ReviewStatus.CONFIRMED, "Confirm (accurately attributed)"),
    "dispute": (ReviewStatus.DISPUTED, "Dispute"),
    "retract": (ReviewStatus.RETRACTED, "Retract"),
}


def _review_action(verb: str):
    status, label = REVIEW_ACTIONS[verb]

    @admin.action(permissions=["change"], description=f"{label} selected claims…")
    def action(modeladmin, request, queryset):
        return modeladmin.review_selected(request, queryset, status=status, verb=verb)

    action.__name__ = f"{verb}_claims"
    return action


@admin.register(Claim)
class ClaimAdmin(VersionedAdmin):
    form = ClaimForm
    list_display = [
        "proposition",
        "claimant",
        "subject",
        "condition_short",
        "status",
        "evidence_count",
        "reviewed_by",
        "reviewed_at",
        "confidence",
    ]
    list_filter = [
        "status",
        ("claimant", admin.RelatedOnlyFieldListFilter),
        ("subject", admin.RelatedOnlyFieldListFilter),
        ("evidence__article", admin.RelatedOnlyFieldListFilter),
        ("evidence__meeting", admin.RelatedOnlyFieldListFilter),
        "origin",
    ]
    list_select_related = ["claimant", "subject", "reviewed_by"]
    ordering = ["-id"]
    search_fields = ["text", "condition", "claimant__name", "subject__name"]
    autocomplete_fields = ["claimant", "subject", "reported_via", "evidence"]
    readonly_fields = [
        "evidence_in_context",
        "reviewed_by",
        "reviewed_at",
        "origin",
        "confidence",
        "fingerprint",
        "version",
        "created_at",
        "updated_at",
    ]
    actions = [_review_action(verb) for verb in REVIEW_ACTIONS]

    def get_fieldsets(self, request, obj=None):
        claim = (None, {"fields": ["text", "condition", "claimant", "subject", "reported_via"]})
        if obj is None:
            return [claim, ("Evidence", {"fields": ["evidence"]})]
        return [
            claim,
            ("Evidence (read-only provenance)", {"fields": ["evidence_in_context"]}),
            ("Review", {"fields": ["status", "review_note", "reviewed_by", "reviewed_at"]}),
            (
                "Record",
                {
                    "fields": [
                        "origin",
                        "confidence",
                        "fingerprint",
                        "version",
                        "created_at",
                        "updated_at",
                        "expected_version",
                    ]
                },
            ),
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(evidence_count=Count("evidence"))

    @admin.display(description="proposition", ordering="text")
    def proposition(self, obj):
        return obj.text[:120]

    @admin.display(description="condition")
    def condition_short(self, obj):
        return obj.condition[:80]

    @admin.display(description="evidence", ordering="evidence_count")
    def evidence_count(self, obj):
        return obj.evidence_count

    @admin.display(description="evidence")
    def evidence_in_context(self, obj):
        statements = obj.evidence.select_related("article", "speaker").order_by(
            "article_id", "start"
        )
        return evidence_table(statements)

    def save_model(self, request, obj, form, change):
        if not change:
            claim = claim_create(
                user=request.user,
                claimant=obj.claimant,
                subject=obj.subject,
                text=obj.text,
                condition=obj.condition,
                reported_via=obj.reported_via,
                evidence=form.cleaned_data.get("evidence") or (),
            )
            obj.pk, obj.fingerprint, obj.origin = claim.pk, claim.fingerprint, claim.origin
            obj._state.adding = False
            return
        stored = Claim.objects.select_related("subject").get(pk=obj.pk)
        review = {}
        if obj.status != stored.status or obj.review_note != stored.review_note:
            review = {"status": obj.status, "note": obj.review_note}
        saved = claim_update(
            claim=stored,
            user=request.user,
            expected_version=self.opened_version(form),
            text=obj.text,
            condition=obj.condition,
            subject=obj.subject,
            claimant=obj.claimant,
            reported_via=obj.reported_via,
            **review,
        )
        for name in ("version", "origin", "status", "review_note", "reviewed_by", "reviewed_at"):
            setattr(obj, name, getattr(saved, name))

    def review_selected(self, request, queryset, *, status: str, verb: str):
        """An intermediate page asks for the note (like Django's delete confirmation); on
        submit every selected claim is reviewed through `claim_review`. The versions shown
        on the page are checked, so a claim changed meanwhile is skipped, not overwritten."""
        claims = list(queryset.select_related("claimant", "subject").order_by("pk"))
        form = ReviewForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, stale = [], []
            for claim in claims:
                raw = request.POST.get(f"version_{claim.pk}")
                try:
                    claim_review(
                        claim=claim,
                        status=status,
                        reviewer=request.user,
                        note=form.cleaned_data["note"],
                        expected_version=int(raw) if raw else None,
                    )
                    done.append(claim)
                except StaleVersion:
                    stale.append(claim)
            if done:
                self.message_user(
                    request,
                    f"{ReviewStatus(status).label}: {len(done)} claim(s).",
                    messages.SUCCESS,
                )
            if stale:
                self.message_user(
                    request,
                    f"{len(stale)} claim(s) changed since you selected them and were not "
                    "reviewed; look at them again: " + "; ".join(str(c) for c in stale),
                    messages.WARNING,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"{REVIEW_ACTIONS[verb][1]} {len(claims)} claim(s)",
            "opts": self.model._meta,
            "claims": claims,
            "form": form,
            "status_label": ReviewStatus(status).label,
            "submit_label": f"{REVIEW_ACTIONS[verb][1]}: {len(claims)} claim(s)",
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/statements/claim/review_confirmation.html", context)
