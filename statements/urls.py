from django.urls import path

from . import views

urlpatterns = [
    path("", views.timeline, name="home"),
    path("search/", views.search, name="search"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
]
