"""Routes of the formats, meant to be included at the site root, before the API router:

path("", include("statements.formats.urls")),
"""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("meetings.ics", views.meetings_ics, name="formats-meetings-ics"),
    path(
        "feeds/meetings.atom", views.conditional(feeds.MeetingsFeed()), name="formats-feed-meetings"
    ),
    path("feeds/claims.atom", views.conditional(feeds.ClaimsFeed()), name="formats-feed-claims"),
    path(
        "feeds/claims/reviewed.atom",
        views.conditional(feeds.ReviewedClaimsFeed()),
        name="formats-feed-reviews",
    ),
    path("api/v1/timeline.json", views.timeline_json, name="formats-timeline"),
    path("api/v1/popolo.json", views.popolo_json, name="formats-popolo"),
    path("api/v1/actors/<slug:slug>.jsonld", views.actor_jsonld, name="formats-actor-jsonld"),
    path("api/v1/meetings/<slug:slug>.jsonld", views.meeting_jsonld, name="formats-meeting-jsonld"),
    path(
        "api/v1/statements/<int:pk>.jsonld",
        views.statement_jsonld,
        name="formats-statement-jsonld",
    ),
    path("api/v1/claims/<int:pk>.jsonld", views.claim_jsonld, name="formats-claim-jsonld"),
    path(
        "api/v1/statements/<int:pk>/annotation.json",
        views.statement_annotation,
        name="formats-statement-annotation",
    ),
]
