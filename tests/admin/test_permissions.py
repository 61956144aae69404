"""Who can reach the admin, and what the Editors group allows."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

EXPECTED_EDITOR_PERMISSIONS = {
    "statements.view_claim",
    "statements.change_claim",
    "statements.add_claim",
    "statements.view_statement",
    "statements.change_statement",
    "statements.view_article",
    "actors.view_actor",
    "actors.change_actor",
    "actors.view_alias",
    "actors.add_alias",
    "actors.change_alias",
    "actors.delete_alias",
    "actors.view_role",
    "actors.add_role",
    "actors.change_role",
    "actors.delete_role",
    "actors.view_actormerge",
    "actors.add_actormerge",
    "events.view_meeting",
    "events.change_meeting",
    "events.view_participation",
    "events.add_participation",
    "events.change_participation",
    "events.delete_participation",
    "events.view_meetingrelation",
    "events.add_meetingrelation",
    "events.change_meetingrelation",
    "events.delete_meetingrelation",
}


def test_the_editors_group_has_exactly_the_permissions_the_job_needs():
    group = Group.objects.get(name="Editors")
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    assert granted == EXPECTED_EDITOR_PERMISSIONS


def test_editor_permissions_exclude_articles_writes_and_user_management(editor):
    assert editor.has_perm("statements.change_claim")
    for forbidden in [
        "statements.change_article",
        "statements.delete_article",
        "statements.delete_claim",
        "auth.view_user",
        "auth.change_user",
        "auth.add_user",
        "auth.change_group",
    ]:
        assert not editor.has_perm(forbidden), forbidden


@pytest.mark.parametrize(
    "name",
    [
        "admin:index",
        "admin:statements_claim_changelist",
        "admin:statements_statement_changelist",
        "admin:statements_article_changelist",
        "admin:actors_actor_changelist",
        "admin:actors_actormerge_changelist",
        "admin:events_meeting_changelist",
        "admin:statements_claim_add",
    ],
)
def test_an_editor_reaches_their_pages(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:statements_article_add"],
)
def test_an_editor_cannot_manage_users_or_add_articles(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_an_editor_can_read_but_not_change_or_delete_an_article(editor_client):
    article = factories.ArticleFactory()
    change = reverse("admin:statements_article_change", args=[article.pk])
    page = editor_client.get(change)
    assert page.status_code == 200
    assert b'name="title"' not in page.content  # rendered read-only
    assert editor_client.post(change, {"title": "Hacked"}).status_code == 403
    delete = reverse("admin:statements_article_delete", args=[article.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    article.refresh_from_db()
    assert article.title != "Hacked"


def test_staff_without_the_group_sees_nothing_to_edit(client, staff_without_group):
    claim = factories.ClaimFactory()
    client.force_login(staff_without_group)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert index.context["app_list"] == []
    assert b"Review queue" not in index.content
    assert client.get(reverse("admin:statements_claim_changelist")).status_code == 403
    change = reverse("admin:statements_claim_change", args=[claim.pk])
    assert client.get(change).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("admin:statements_claim_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_non_staff_user_cannot_reach_the_admin_even_in_the_group(client):
    user = factories.UserFactory(username="reader", is_staff=False)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    for name in ["admin:index", "admin:statements_claim_changelist"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    # and cannot sign in there either
    client.logout()
    response = client.post(
        reverse("admin:login"),
        {"username": "reader", "password": "correct horse battery staple"},
    )
    assert response.status_code == 200 and "_auth_user_id" not in client.session
