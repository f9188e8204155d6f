"""Pages for bringing articles in (submit a URL, paste text)."""

app_name = "sources"

urlpatterns: list = []
