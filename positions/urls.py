from django.urls import path

from positions import views

app_name = "positions"

urlpatterns = [
    path("", views.home, name="home"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
]
