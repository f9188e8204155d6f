"""The analysts' pages. These addresses are a contract: bookmarks and other programs use them."""

from django.urls import path

from positions import views

app_name = "positions"

urlpatterns = [
    path("", views.home, name="home"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("actors/<slug:slug>.csv", views.actor_export, {"fmt": "csv"}, name="actor-csv"),
    path("actors/<slug:slug>.json", views.actor_export, {"fmt": "json"}, name="actor-json"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue-detail"),
    path("issues/<slug:slug>.csv", views.issue_export, {"fmt": "csv"}, name="issue-csv"),
    path("issues/<slug:slug>.json", views.issue_export, {"fmt": "json"}, name="issue-json"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("statements/<int:pk>/review/", views.statement_review, name="statement-review"),
    path("stances/<int:pk>/correct/", views.stance_correct, name="stance-correct"),
]
