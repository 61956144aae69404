"""Statements in the admin: the quote in context, speaker/meeting corrections that a re-import
keeps."""

from __future__ import annotations

import pytest
from django.urls import reverse

from actors.models import Actor, Origin
from statements.loader import load_extraction
from statements.models import Statement
from tests import factories
from tests.statements.test_loader import make_extraction

from .helpers import change_form_data

pytestmark = pytest.mark.django_db


def test_the_change_page_shows_the_quote_in_its_sentence_and_only_speaker_and_meeting_edit(
    editor_client,
):
    statement = factories.StatementFactory()
    page = editor_client.get(reverse("admin:statements_statement_change", args=[statement.pk]))
    html = page.content.decode()
    assert '&quot;<mark class="quote">We talked for hours,</mark>&quot; the minister said.' in html
    form = page.context["adminform"].form
    assert set(form.fields) == {"speaker", "meeting", "expected_version"}
    assert "admin-autocomplete" in html  # speaker and meeting use autocomplete widgets


def test_reassigning_the_speaker_is_a_correction_a_re_import_keeps(editor_client, editor):
    """Kim Jong Un → Lucian Kim: the editor's fix survives `load_extraction(refresh=True)`."""
    load_extraction(make_extraction())
    quote = Statement.objects.get(direct=True)
    right = Actor.objects.get(name="Jon Berg")
    assert quote.speaker.name == "Anna Berg"
    url = reverse("admin:statements_statement_change", args=[quote.pk])
    data = change_form_data(editor_client.get(url))
    data["speaker"] = str(right.pk)
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    quote.refresh_from_db()
    assert quote.speaker == right and quote.origin == Origin.CORRECTED and quote.version == 2
    latest = quote.history.latest("history_date")
    assert latest.history_user == editor and latest.history_change_reason == "Corrected: speaker"

    result = load_extraction(make_extraction(extra_statement=True), refresh=True)

    assert result.kept["statements"] == 1
    quote.refresh_from_db()
    assert quote.speaker == right and quote.origin == Origin.CORRECTED and quote.version == 2


def test_the_meeting_can_be_cleared_or_reassigned(editor_client):
    meeting = factories.MeetingFactory()
    statement = factories.StatementFactory(meeting=meeting)
    other = factories.MeetingFactory()
    url = reverse("admin:statements_statement_change", args=[statement.pk])
    data = change_form_data(editor_client.get(url))
    data["meeting"] = str(other.pk)
    assert editor_client.post(url, data).status_code == 302
    statement.refresh_from_db()
    assert statement.meeting == other
    data = change_form_data(editor_client.get(url))
    del data["meeting"]
    assert editor_client.post(url, data).status_code == 302
    statement.refresh_from_db()
    assert statement.meeting is None and statement.version == 3


def test_editors_cannot_add_or_delete_statements(editor_client):
    statement = factories.StatementFactory()
    assert editor_client.get(reverse("admin:statements_statement_add")).status_code == 403
    delete = reverse("admin:statements_statement_delete", args=[statement.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert Statement.objects.filter(pk=statement.pk).exists()
