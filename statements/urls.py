from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
]
