"""The analysts' pages. Each view: permission, parse, one query, render."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from positions import queries
from positions.models import Actor, Issue
from sources.models import Article


def _may_see_pending(request: HttpRequest) -> bool:
    return request.user.has_perm("positions.view_statement")


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "actors": Actor.objects.order_by("name")[:50],
        "issues": Issue.objects.order_by("name")[:50],
    }
    return render(request, "positions/home.html", context)


@require_GET
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor, merged_into = queries.actor_by_slug_or_merge(slug)
    if actor is None:
        if merged_into is None:
            raise Http404(f"No actor has the address {slug!r}.")
        return redirect(merged_into, permanent=True)
    timeline = queries.actor_timeline(actor, include_pending=_may_see_pending(request))
    return render(request, "positions/actor_detail.html", {"actor": actor, "timeline": timeline})


@require_GET
def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue, slug=slug)
    context = {
        "issue": issue,
        "positions": queries.current_positions(issue),
        "changes": queries.position_changes(issue)[:20],
    }
    return render(request, "positions/issue_detail.html", context)


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    return render(request, "positions/article_detail.html", {"article": article})
