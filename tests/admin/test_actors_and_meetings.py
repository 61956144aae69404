"""Actors (aliases and roles inline, the merge action) and meetings (participants, dates,
related meetings) in the admin."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from actors.models import Actor, ActorMerge, Alias, Origin, Role
from events.models import Meeting, MeetingRelation, Participation
from statements.models import Article, Claim, Statement
from tests import factories

from .helpers import change_form_data

pytestmark = pytest.mark.django_db
ACTORS = "admin:actors_actor_changelist"


@pytest.fixture
def duplicates():
    """Kim Jong Un entered twice ("Kim Jong-un"), with something pointing at each."""
    keep = factories.ActorFactory(name="Kim Jong Un", slug="kim-jong-un")
    dupe = factories.ActorFactory(name="Kim Jong-un", slug="kim-jong-un-2")
    factories.AliasFactory(actor=dupe, name="North Korean leader")
    factories.RoleFactory(actor=dupe, title="Supreme Leader")
    statement = factories.StatementFactory(speaker=dupe)
    claim = factories.ClaimFactory(claimant=factories.ActorFactory(), subject=dupe)
    meeting = factories.MeetingFactory()
    shared = factories.MeetingFactory()
    factories.ParticipationFactory(meeting=meeting, actor=dupe)
    factories.ParticipationFactory(meeting=shared, actor=dupe)
    factories.ParticipationFactory(meeting=shared, actor=keep)
    article = factories.ArticleFactory()
    article.authors.add(dupe)
    return keep, dupe, statement, claim, meeting, article


def test_merge_asks_which_actor_to_keep_then_moves_everything(editor_client, editor, duplicates):
    keep, dupe, statement, claim, meeting, article = duplicates
    page = editor_client.post(
        reverse(ACTORS),
        {"action": "merge_actors", ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk], "index": 0},
    )
    assert page.status_code == 200
    assert page.templates[0].name == "admin/actors/actor/merge_confirmation.html"
    usage = dict((a.pk, u) for a, u in page.context["actors"])
    assert usage[dupe.pk]["statements"] == 1 and usage[dupe.pk]["participations"] == 2
    assert Actor.objects.filter(pk=dupe.pk).exists()

    done = editor_client.post(
        reverse(ACTORS),
        {
            "action": "merge_actors",
            ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk],
            "apply": "yes",
            "keep": keep.pk,
            "note": "Same person, hyphenated romanisation",
        },
    )
    assert done.status_code == 302

    assert not Actor.objects.filter(pk=dupe.pk).exists()
    for model, field in [
        (Statement, "speaker"),
        (Claim, "subject"),
        (Participation, "actor"),
        (Alias, "actor"),
        (Role, "actor"),
    ]:
        assert not model.objects.filter(**{f"{field}_id": dupe.pk}).exists(), model
    assert Article.authors.through.objects.filter(actor_id=dupe.pk).count() == 0
    statement.refresh_from_db()
    claim.refresh_from_db()
    assert statement.speaker == keep and claim.subject == keep
    assert set(keep.participations.values_list("meeting_id", flat=True)) == {
        meeting.pk,
        Participation.objects.filter(actor=keep).exclude(meeting=meeting).get().meeting_id,
    }
    assert list(article.authors.all()) == [keep]
    assert set(keep.aliases.values_list("name", flat=True)) == {
        "Kim Jong-un",
        "North Korean leader",
    }
    assert list(keep.roles.values_list("title", flat=True)) == ["Supreme Leader"]

    record = ActorMerge.objects.get()
    assert record.kept == keep and record.merged_id == dupe.pk
    assert record.merged_name == "Kim Jong-un" and record.merged_by == editor
    assert record.note == "Same person, hyphenated romanisation"
    assert record.moved["statements"] == 1
    # History: the deletion of the duplicate and the change to the kept actor, both by the editor.
    gone = Actor.history.filter(id=dupe.pk).latest("history_date")
    assert gone.history_type == "-" and gone.history_user == editor
    kept = keep.history.latest("history_date")
    assert kept.history_user == editor and "Merged Kim Jong-un" in kept.history_change_reason
    # The merge shows on the kept actor's page.
    page = editor_client.get(reverse("admin:actors_actor_change", args=[keep.pk]))
    assert "Same person, hyphenated romanisation" in page.content.decode()


def test_merge_needs_a_choice_and_a_note(editor_client, duplicates):
    keep, dupe, *_ = duplicates
    page = editor_client.post(
        reverse(ACTORS),
        {"action": "merge_actors", ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk], "apply": "yes"},
    )
    assert page.status_code == 200
    assert {"keep", "note"} <= set(page.context["form"].errors)
    assert Actor.objects.filter(pk=dupe.pk).exists() and not ActorMerge.objects.exists()


def test_merge_of_one_actor_is_refused(editor_client):
    actor = factories.ActorFactory()
    response = editor_client.post(
        reverse(ACTORS), {"action": "merge_actors", ACTION_CHECKBOX_NAME: [actor.pk], "index": 0}
    )
    assert response.status_code == 302 and Actor.objects.filter(pk=actor.pk).exists()


def test_staff_without_the_group_cannot_merge(client, staff_without_group, duplicates):
    keep, dupe, *_ = duplicates
    client.force_login(staff_without_group)
    response = client.post(
        reverse(ACTORS),
        {
            "action": "merge_actors",
            ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk],
            "apply": "yes",
            "keep": keep.pk,
            "note": "x",
        },
    )
    assert response.status_code == 403
    assert Actor.objects.filter(pk=dupe.pk).exists()


def test_aliases_and_roles_are_edited_inline_and_marked_as_an_editors(editor_client, editor):
    actor = factories.ActorFactory(name="Vladimir Putin")
    alias = factories.AliasFactory(actor=actor, name="Putin")
    url = reverse("admin:actors_actor_change", args=[actor.pk])
    data = change_form_data(editor_client.get(url))
    data.update(
        {
            "aliases-0-name": "President Putin",
            "aliases-TOTAL_FORMS": "2",
            "aliases-1-name": "Russian President Vladimir Putin",
            "aliases-1-actor": str(actor.pk),
            "roles-TOTAL_FORMS": "1",
            "roles-0-title": "President",
            "roles-0-actor": str(actor.pk),
            "description": "President of Russia",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    actor.refresh_from_db()
    assert actor.description == "President of Russia" and actor.origin == Origin.CORRECTED
    assert actor.version == 2
    assert actor.history.latest("history_date").history_user == editor
    alias.refresh_from_db()
    assert (alias.name, alias.origin) == ("President Putin", Origin.CORRECTED)
    added = Alias.objects.get(name="Russian President Vladimir Putin")
    assert added.origin == Origin.ENTERED and added.key == "russian president vladimir putin"
    assert Role.objects.get(actor=actor).origin == Origin.ENTERED


def test_meeting_participants_dates_and_related_meetings(editor_client, editor):
    meeting = factories.MeetingFactory(title="Putin–Kim summit")
    earlier = factories.MeetingFactory(title="Trump–Kim summit")
    putin, kim = factories.ActorFactory.create_batch(2)
    url = reverse("admin:events_meeting_change", args=[meeting.pk])
    page = editor_client.get(url)
    html = page.content.decode()
    assert "Date (stored at its true precision)" in html
    data = change_form_data(page)
    data.update(
        {
            "place": "Russky Island, Vladivostok",
            "start_date": "2019-02-01",
            "start_precision": "month",
            "date_approximate": "on",
            "participations-TOTAL_FORMS": "2",
            "participations-0-actor": str(putin.pk),
            "participations-0-role": "host",
            "participations-0-meeting": str(meeting.pk),
            "participations-1-actor": str(kim.pk),
            "participations-1-role": "guest",
            "participations-1-meeting": str(meeting.pk),
            "relations_out-TOTAL_FORMS": "1",
            "relations_out-0-target": str(earlier.pk),
            "relations_out-0-kind": "follows",
            "relations_out-0-source": str(meeting.pk),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert meeting.place == "Russky Island, Vladivostok"
    assert meeting.date_display == "c. Feb 2019" and str(meeting.last_day) == "2019-02-28"
    assert meeting.origin == Origin.CORRECTED and meeting.version == 2
    assert {(p.actor_id, p.role, p.origin) for p in meeting.participations.all()} == {
        (putin.pk, "host", Origin.ENTERED),
        (kim.pk, "guest", Origin.ENTERED),
    }
    assert MeetingRelation.objects.get().target == earlier
    assert meeting.history.latest("history_date").history_user == editor
    assert Meeting.objects.count() == 2
