"""Claims in the admin: review actions with notes, the change form through the services, the
evidence shown in its sentence, filters."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from actors.models import Origin
from statements.models import Claim, ReviewStatus
from tests import factories

from .helpers import change_form_data

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:statements_claim_changelist"


def _act(client, action, claims, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in claims], **extra}
    return client.post(reverse(CHANGELIST), data)


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("confirm_claims", ReviewStatus.CONFIRMED),
        ("dispute_claims", ReviewStatus.DISPUTED),
        ("retract_claims", ReviewStatus.RETRACTED),
    ],
)
def test_a_review_action_asks_for_a_note_then_stamps_every_selected_claim(
    editor_client, editor, action, status
):
    claims = factories.ClaimFactory.create_batch(3)
    untouched = factories.ClaimFactory()

    page = _act(editor_client, action, claims[:2] + [claims[2]], index=0)
    assert page.status_code == 200
    assert page.templates[0].name == "admin/statements/claim/review_confirmation.html"
    assert [c.pk for c in page.context["claims"]] == sorted(c.pk for c in claims)
    assert Claim.objects.filter(status=ReviewStatus.UNREVIEWED).count() == 4  # nothing yet

    versions = {f"version_{c.pk}": c.version for c in claims}
    done = _act(editor_client, action, claims, apply="yes", note="Checked the AP wire", **versions)
    assert done.status_code == 302

    for claim in Claim.objects.filter(pk__in=[c.pk for c in claims]):
        assert claim.status == status
        assert claim.review_note == "Checked the AP wire"
        assert claim.reviewed_by == editor
        assert claim.reviewed_at is not None
        assert claim.version == 2
        latest = claim.history.latest("history_date")
        assert latest.history_user == editor
        assert latest.history_change_reason == f"Review: {status}"
    untouched.refresh_from_db()
    assert untouched.status == ReviewStatus.UNREVIEWED and untouched.reviewed_by is None


def test_a_review_without_a_note_is_refused_and_changes_nothing(editor_client):
    claim = factories.ClaimFactory()
    page = _act(editor_client, "confirm_claims", [claim], apply="yes", note="   ")
    assert page.status_code == 200
    assert "note" in page.context["form"].errors
    claim.refresh_from_db()
    assert claim.status == ReviewStatus.UNREVIEWED and claim.version == 1


def test_a_claim_changed_after_the_note_page_opened_is_skipped_not_overwritten(
    editor_client, second_editor
):
    from statements.services import claim_review

    fresh, changed = factories.ClaimFactory.create_batch(2)
    versions = {f"version_{c.pk}": c.version for c in (fresh, changed)}
    claim_review(claim=changed, status="disputed", reviewer=second_editor, note="Misquoted")

    response = _act(
        editor_client,
        "confirm_claims",
        [fresh, changed],
        apply="yes",
        note="Looks right",
        **versions,
    )
    assert response.status_code == 302
    fresh.refresh_from_db()
    changed.refresh_from_db()
    assert fresh.status == ReviewStatus.CONFIRMED
    assert changed.status == ReviewStatus.DISPUTED and changed.review_note == "Misquoted"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("changed since you selected them" in m for m in messages)


def test_a_staff_user_without_the_group_cannot_run_actions(client, staff_without_group):
    claim = factories.ClaimFactory()
    client.force_login(staff_without_group)
    response = _act(client, "confirm_claims", [claim], apply="yes", note="x")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ReviewStatus.UNREVIEWED


def test_the_change_page_shows_the_evidence_highlighted_in_its_sentence_escaped(editor_client):
    text = (
        'Intro line.\n<b>Talks</b> opened. "We will never <script>x</script> yield," Kim said. End.'
    )
    article = factories.ArticleFactory(text=text)
    start = text.index("We will")
    end = text.index(" Kim said") - 1
    statement = factories.StatementFactory(
        article=article, start=start, end=end, text=text[start:end]
    )
    claim = factories.ClaimFactory()
    claim.evidence.add(statement)

    page = editor_client.get(reverse("admin:statements_claim_change", args=[claim.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        '&quot;<mark class="quote">We will never &lt;script&gt;x&lt;/script&gt; yield,</mark>'
        "&quot; Kim said." in html
    )
    assert "<script>x</script>" not in html
    assert "Intro line" not in html.split("parley-evidence")[1].split("</table>")[0]


def test_editing_a_claim_goes_through_the_service(editor_client, editor):
    claim = factories.ClaimFactory(text="Putin said Kim needs guarantees")
    new_subject = factories.ActorFactory(name="Kim Jong Un")
    url = reverse("admin:statements_claim_change", args=[claim.pk])
    data = change_form_data(editor_client.get(url))
    data.update(
        text="Kim needs security guarantees",
        condition="if talks resume",
        subject=str(new_subject.pk),
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.text == "Kim needs security guarantees"
    assert claim.subject == new_subject and claim.condition == "if talks resume"
    assert claim.origin == Origin.CORRECTED and claim.version == 2
    assert claim.status == ReviewStatus.UNREVIEWED and claim.reviewed_by is None
    latest = claim.history.latest("history_date")
    assert latest.history_user == editor
    assert latest.history_change_reason.startswith("Edited:")


def test_reviewing_from_the_change_form_needs_a_note_and_stamps_the_reviewer(editor_client, editor):
    claim = factories.ClaimFactory()
    url = reverse("admin:statements_claim_change", args=[claim.pk])
    data = change_form_data(editor_client.get(url))
    data["status"] = ReviewStatus.CONFIRMED
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "review_note" in refused.context["adminform"].form.errors

    data["review_note"] = "Matches the transcript"
    assert editor_client.post(url, data).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ReviewStatus.CONFIRMED and claim.reviewed_by == editor
    assert claim.review_note == "Matches the transcript" and claim.reviewed_at is not None


def test_an_editor_adds_a_claim_with_evidence(editor_client, editor):
    claimant = factories.ActorFactory(name="Vladimir Putin")
    subject = factories.ActorFactory(name="Kim Jong Un")
    statement = factories.StatementFactory(speaker=claimant)
    response = editor_client.post(
        reverse("admin:statements_claim_add"),
        {
            "text": "Kim Jong Un needs international security guarantees",
            "condition": "",
            "claimant": claimant.pk,
            "subject": subject.pk,
            "evidence": [statement.pk],
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim = Claim.objects.get()
    assert claim.origin == Origin.ENTERED and claim.status == ReviewStatus.UNREVIEWED
    assert list(claim.evidence.all()) == [statement]
    assert len(claim.fingerprint) == 64
    assert claim.history.get().history_user == editor

    again = editor_client.post(
        reverse("admin:statements_claim_add"),
        {"text": claim.text, "claimant": claimant.pk, "subject": subject.pk},
    )
    assert again.status_code == 200 and Claim.objects.count() == 1


def test_filters_by_article_and_meeting_through_the_evidence(editor_client):
    meeting = factories.MeetingFactory()
    at_meeting = factories.StatementFactory(meeting=meeting)
    elsewhere = factories.StatementFactory()
    a, b = factories.ClaimFactory.create_batch(2)
    a.evidence.add(at_meeting)
    b.evidence.add(elsewhere)
    url = reverse(CHANGELIST)

    by_meeting = editor_client.get(url, {"evidence__meeting__id__exact": meeting.pk})
    assert [c.pk for c in by_meeting.context["cl"].result_list] == [a.pk]
    by_article = editor_client.get(url, {"evidence__article__id__exact": elsewhere.article_id})
    assert [c.pk for c in by_article.context["cl"].result_list] == [b.pk]
    by_status = editor_client.get(url, {"status__exact": "confirmed"})
    assert list(by_status.context["cl"].result_list) == []
    found = editor_client.get(url, {"q": a.text})
    assert [c.pk for c in found.context["cl"].result_list] == [a.pk]


def test_the_list_sorts_by_confidence_and_counts_evidence(editor_client):
    low = factories.ClaimFactory(confidence=0.2)
    high = factories.ClaimFactory(confidence=0.9)
    low.evidence.add(*factories.StatementFactory.create_batch(2))
    page = editor_client.get(reverse(CHANGELIST), {"o": "9"})  # the confidence column
    rows = list(page.context["cl"].result_list)
    assert [c.pk for c in rows] == [low.pk, high.pk]
    assert [c.evidence_count for c in rows] == [2, 0]


def test_actor_autocomplete_serves_the_claim_form(editor_client):
    factories.ActorFactory(name="Lucian Kim")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Lucian",
            "app_label": "statements",
            "model_name": "claim",
            "field_name": "claimant",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Lucian Kim"]
