"""Pages for bringing articles in: submit a URL or paste text (curators and admins)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sources import ingestion, queries
from sources.forms import SubmitForm
from sources.ingestion import Outcome


@login_required
@permission_required("sources.add_article", raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_submit(request: HttpRequest) -> HttpResponse:
    form = SubmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["url"]:
            result = ingestion.submit_url(data["url"], outlet=data["outlet"])
        else:
            result = ingestion.ingest_text(data["text"], title=data["title"], outlet=data["outlet"])
        if result.outcome == Outcome.FAILED:
            form.add_error(None, f"Not stored: {result.reason}")
        else:
            messages.success(request, _MESSAGES[result.outcome].format(result=result))
            return redirect("sources:article-submit")
    context = {"form": form, "recent": queries.recent_articles()}
    return render(request, "sources/article_submit.html", context)


_MESSAGES = {
    Outcome.NEW: "Stored as article {result.article_id}; extraction is queued.",
    Outcome.QUEUED: "Queued: article {result.article_id} will be fetched in a moment.",
    Outcome.DUPLICATE: "Already known: {result.reason}.",
}
