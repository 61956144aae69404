"""No lost edits: two editors open the same record, both save; the second save is refused."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from actors.models import Actor
from events.models import Meeting
from statements.models import Claim, Statement
from tests import factories

from .helpers import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_clients(editor, second_editor):
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(second_editor)
    return first, second


def test_the_second_editor_to_save_a_claim_is_refused_and_shown_what_changed(two_clients):
    first, second = two_clients
    claim = factories.ClaimFactory(text="Kim needs guarantees", condition="")
    url = reverse("admin:statements_claim_change", args=[claim.pk])
    form_a = change_form_data(first.get(url))
    form_b = change_form_data(second.get(url))
    assert form_a["expected_version"] == form_b["expected_version"] == "1"

    form_a["text"] = "Kim needs security guarantees"
    assert first.post(url, form_a).status_code == 302

    form_b["condition"] = "if talks resume"
    refused = second.post(url, form_b)
    assert refused.status_code == 200
    form = refused.context["adminform"].form
    assert form.conflict is not None
    assert form.conflict.changed_by == ("editor",)
    assert [(c.field, c.old, c.new) for c in form.conflict.changes] == [
        ("text", "Kim needs guarantees", "Kim needs security guarantees")
    ]
    html = refused.content.decode()
    assert "Someone else saved this record while you were editing it" in html
    assert "Not saved: editor changed this record" in html
    assert "<del>Kim needs guarantees</del>" in html
    assert "<ins>Kim needs security guarantees</ins>" in html

    claim.refresh_from_db()
    assert claim.text == "Kim needs security guarantees"
    assert claim.condition == "" and claim.version == 2
    # Reloading gives the current version, and then the second editor's change applies.
    form_b = change_form_data(second.get(url))
    assert form_b["expected_version"] == "2"
    form_b["condition"] = "if talks resume"
    assert second.post(url, form_b).status_code == 302
    claim.refresh_from_db()
    assert claim.condition == "if talks resume" and claim.text == "Kim needs security guarantees"


def test_a_review_action_meanwhile_also_blocks_a_stale_form(two_clients, editor):
    _, second = two_clients
    claim = factories.ClaimFactory()
    url = reverse("admin:statements_claim_change", args=[claim.pk])
    stale = change_form_data(second.get(url))
    from statements.services import claim_review

    claim_review(claim=claim, status="confirmed", reviewer=editor, note="Verified")
    stale["text"] = "something else"
    refused = second.post(url, stale)
    assert refused.status_code == 200
    changed = {c.field for c in refused.context["adminform"].form.conflict.changes}
    assert {"status", "review note", "reviewed by"} <= changed
    claim.refresh_from_db()
    assert claim.text != "something else" and claim.status == "confirmed"


def test_losing_the_race_after_the_form_check_is_refused_by_the_service(two_clients):
    """If the other save lands between the form's check and the write, the service's
    compare-and-swap refuses it: nothing is written and the editor is told."""
    first, _ = two_clients
    claim = factories.ClaimFactory(text="before")
    url = reverse("admin:statements_claim_change", args=[claim.pk])
    data = change_form_data(first.get(url))
    data["text"] = "mine"
    from statements.admin import ClaimForm

    real_clean = ClaimForm.clean

    def clean_then_someone_saves(form):
        cleaned = real_clean(form)
        Claim.objects.filter(pk=claim.pk).update(version=5, text="theirs")
        return cleaned

    with mock.patch.object(ClaimForm, "clean", clean_then_someone_saves):
        response = first.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("changed by someone else" in m for m in messages)
    claim.refresh_from_db()
    # The simulated rival write ran inside the admin's transaction, so it was rolled back
    # with everything else; what matters is that "mine" never landed.
    assert claim.text == "before" and claim.version == 1


@pytest.mark.parametrize(
    ("model", "factory", "field", "value"),
    [
        (Statement, factories.StatementFactory, "speaker", None),
        (Actor, factories.ActorFactory, "description", "Edited"),
        (Meeting, factories.MeetingFactory, "place", "Vladivostok"),
    ],
)
def test_statements_actors_and_meetings_are_protected_too(
    two_clients, model, factory, field, value
):
    first, second = two_clients
    obj = factory()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    form_a = change_form_data(first.get(url))
    form_b = change_form_data(second.get(url))
    if value is None:
        value = str(factories.ActorFactory().pk)
    form_a[field] = value
    assert first.post(url, form_a).status_code == 302
    form_b[field] = str(factories.ActorFactory().pk) if field == "speaker" else "Other"
    refused = second.post(url, form_b)
    assert refused.status_code == 200
    assert refused.context["adminform"].form.conflict is not None
    obj.refresh_from_db()
    stored = getattr(obj, f"{field}_id") if field == "speaker" else getattr(obj, field)
    assert str(stored) == value and obj.version == 2
