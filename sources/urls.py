"""Pages for bringing articles in (submit a URL, paste text)."""

from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("submit/", views.article_submit, name="article-submit"),
]
