"""History on claims, statements, actors and meetings: who, when, what; and revert."""

from __future__ import annotations

import pytest
from django.urls import reverse

from actors.models import Actor, Origin
from events.models import Meeting
from statements.services import claim_update, statement_update
from tests import factories

from .helpers import change_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.ClaimFactory,
        factories.StatementFactory,
        factories.ActorFactory,
        factories.MeetingFactory,
    ],
)
def test_every_record_links_to_its_history(editor_client, factory):
    obj = factory()
    opts = obj._meta
    change = editor_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    )
    history_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
    assert history_url in change.content.decode()
    # and carries the version it was opened on, for the no-lost-edits check
    assert f'type="hidden" name="expected_version" value="{obj.version}"' in change.content.decode()
    assert editor_client.get(history_url).status_code == 200


def test_the_history_page_shows_who_when_and_what_changed(editor_client, editor):
    claim = factories.ClaimFactory(text="Kim needs guarantees")
    claim_update(claim=claim, user=editor, expected_version=1, text="Kim needs security guarantees")
    page = editor_client.get(reverse("admin:statements_claim_history", args=[claim.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    records = list(page.context["page_obj"].object_list)
    assert [r.history_user for r in records] == [editor, None]
    assert records[0].history_change_reason == "Edited: text"
    changes = records[0].history_delta_changes
    text_change = next(c for c in changes if str(c["field"]).lower() == "text")
    assert text_change["old"] == "Kim needs guarantees"
    assert text_change["new"] == "Kim needs security guarantees"
    assert "editor" in html and "Edited: text" in html


def test_revert_a_claim_to_an_earlier_version(editor_client, editor, second_editor):
    claim = factories.ClaimFactory(text="Original proposition", condition="")
    first = claim.history.earliest("history_date")
    claim_update(
        claim=claim, user=second_editor, expected_version=1, text="Vandalised", condition="never"
    )

    url = reverse("admin:statements_claim_simple_history", args=[claim.pk, first.history_id])
    page = editor_client.get(url)
    assert page.status_code == 200
    data = change_form_data(page)
    assert data["text"] == "Original proposition"
    assert data["expected_version"] == "2"  # the stored version, not the old one shown
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    claim.refresh_from_db()
    assert claim.text == "Original proposition" and claim.condition == ""
    assert claim.version == 3 and claim.origin == Origin.CORRECTED
    latest = claim.history.latest("history_date")
    assert latest.history_user == editor and claim.history.count() == 3


def test_revert_a_statement_speaker(editor_client, editor):
    statement = factories.StatementFactory()
    original = statement.speaker
    first = statement.history.earliest("history_date")
    statement_update(
        statement=statement, user=editor, expected_version=1, speaker=factories.ActorFactory()
    )
    url = reverse(
        "admin:statements_statement_simple_history", args=[statement.pk, first.history_id]
    )
    response = editor_client.post(url, change_form_data(editor_client.get(url)))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.speaker == original and statement.version == 3


def test_revert_form_is_refused_if_the_record_changed_after_it_was_opened(editor_client, editor):
    claim = factories.ClaimFactory(text="v1")
    first = claim.history.earliest("history_date")
    claim_update(claim=claim, user=editor, expected_version=1, text="v2")
    url = reverse("admin:statements_claim_simple_history", args=[claim.pk, first.history_id])
    data = change_form_data(editor_client.get(url))
    claim_update(claim=claim, user=editor, expected_version=2, text="v3")
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert refused.context["adminform"].form.conflict is not None
    claim.refresh_from_db()
    assert claim.text == "v3"


@pytest.mark.parametrize(
    ("model", "factory", "field"),
    [
        (Actor, factories.ActorFactory, "description"),
        (Meeting, factories.MeetingFactory, "place"),
    ],
)
def test_revert_actors_and_meetings(editor_client, editor, model, factory, field):
    obj = factory()
    first = obj.history.earliest("history_date")
    opts = model._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = change_form_data(editor_client.get(change))
    data[field] = "Changed"
    assert editor_client.post(change, data).status_code == 302
    url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, first.history_id]
    )
    assert editor_client.post(url, change_form_data(editor_client.get(url))).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == "" and obj.version == 3
