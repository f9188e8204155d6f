"""The analysts' pages. Each view: permission, parse, one query or service call, render.

An htmx request (``HX-Request``) to the same address gets only the partial that changed: the
view appends ``#name`` to the template name (django-template-partials), so a partial is never
a second copy of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from positions import charts, exports, queries, search, services
from positions.forms import CompareForm, ReviewForm, SearchForm, StanceForm, TimelineFilterForm
from positions.models import Actor, Issue, Position, Stance, Statement
from sources.models import Article

TIMELINE_PAGE_SIZE = 25
MAP_GROUP_SIZE = 12


class HtmxHttpRequest:  # for type hints only: the request as django-htmx's middleware leaves it
    htmx: HtmxDetails


def _may_see_pending(request: HtmxHttpRequest) -> bool:
    return request.user.has_perm("positions.view_statement")


def _template(request: HtmxHttpRequest, template: str, partial: str) -> str:
    """The page, or only its ``partial`` for an htmx request (boosted ones get the page)."""
    if request.htmx and not request.htmx.boosted:
        return f"{template}#{partial}"
    return template


def _actor_or_redirect(request: HtmxHttpRequest, slug: str) -> Actor | HttpResponseBase:
    """The live actor, or a permanent redirect (keeping the query) from a merged-away slug."""
    actor, merged_into = queries.actor_by_slug_or_merge(slug)
    if actor is not None:
        return actor
    if merged_into is None:
        raise Http404(f"No actor has the address {slug!r}.")
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return redirect(merged_into.get_absolute_url() + query, permanent=True)


# --- Home and search ------------------------------------------------------------------------


@require_GET
@vary_on_headers("HX-Request")
def home(request: HtmxHttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    context = {
        "form": form,
        "results": search.search(text, include_pending=_may_see_pending(request)),
        "issues": queries.issues_by_name(limit=60) if not text else [],
    }
    return render(request, _template(request, "positions/home.html", "results"), context)


# --- Actor ----------------------------------------------------------------------------------


def _filter_form(request: HtmxHttpRequest) -> TimelineFilterForm:
    return TimelineFilterForm(
        request.GET,
        issues=list(queries.issues_by_name(limit=None)),
        outlets=list(queries.quoted_outlets()),
        may_see_pending=_may_see_pending(request),
    )


def _chart_context(request: HtmxHttpRequest, actor: Actor) -> dict[str, object]:
    summary = queries.actor_issue_summary(actor, include_pending=_may_see_pending(request))
    return {"actor": actor, "chart": charts.stance_chart(summary), "chart_loaded": True}


@require_GET
@vary_on_headers("HX-Request")
def actor_detail(request: HtmxHttpRequest, slug: str) -> HttpResponseBase:
    actor = _actor_or_redirect(request, slug)
    if not isinstance(actor, Actor):
        return actor
    template = "positions/actor_detail.html"
    # The chart reads every statement of the actor, so the page asks for it separately
    # (?chart, loaded by htmx once the page shows; a plain link without JavaScript).
    if "chart" in request.GET and request.htmx:
        return render(request, f"{template}#chart", _chart_context(request, actor))
    form = _filter_form(request)
    page = form.page_number()
    entries, has_more = queries.timeline_page(
        actor,
        form.timeline_filter(),
        include_pending=_may_see_pending(request),
        page=page,
        per_page=TIMELINE_PAGE_SIZE,
    )
    context = {"actor": actor, "form": form, "entries": entries, "page": page, "has_more": has_more}
    if request.htmx and not request.htmx.boosted:
        # "Load more" asks for the next page alone, to append; a filter, the whole timeline.
        return render(request, f"{template}#timeline{'-page' if page > 1 else ''}", context)
    context["actor"] = queries.actor_profile(actor)
    if "chart" in request.GET:
        context.update(_chart_context(request, context["actor"]))
    return render(request, template, context)


@require_GET
def actor_export(request: HtmxHttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """The timeline as filtered on the page (all pages), as CSV or JSON."""
    actor = _actor_or_redirect(request, slug)
    if not isinstance(actor, Actor):
        return actor
    form = _filter_form(request)
    stances = queries.timeline_stances(
        actor, form.timeline_filter(), include_pending=_may_see_pending(request)
    )
    rows = exports.timeline_rows(request, actor, stances.iterator(chunk_size=2000))
    if fmt == "csv":
        return exports.csv_response(rows, fields=exports.TIMELINE_FIELDS, filename=f"{slug}.csv")
    payload = {
        "actor": actor.name,
        "slug": actor.slug,
        "filters": form.cleaned_data,
        "stances": list(rows),
    }
    return exports.json_response(payload, filename=f"{slug}.json")


# --- Issue ----------------------------------------------------------------------------------


@require_GET
@vary_on_headers("HX-Request")
def issue_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue, slug=slug)
    compare = CompareForm(request.GET)
    compared = queries.compare_actors(issue, compare.slugs())
    context = {"issue": issue, "compared": compared, "chart": charts.compare_chart(compared)}
    template = _template(request, "positions/issue_detail.html", "comparison")
    if template.endswith("#comparison"):
        return render(request, template, context)  # only the comparison changed
    context["overview"] = queries.issue_overview(issue, per_group=MAP_GROUP_SIZE)
    return render(request, template, context)


@require_GET
def issue_export(request: HtmxHttpRequest, slug: str, fmt: str) -> HttpResponse:
    """Every actor's latest approved stance on the issue, grouped by position."""
    issue = get_object_or_404(Issue, slug=slug)
    groups = queries.issue_overview(issue, per_group=None, changes=0).groups
    rows = exports.issue_map_rows(request, groups)
    if fmt == "csv":
        return exports.csv_response(rows, fields=exports.ISSUE_MAP_FIELDS, filename=f"{slug}.csv")
    counts = {group.position: group.count for group in groups}
    payload = {"issue": issue.name, "slug": issue.slug, "counts": counts, "positions": rows}
    return exports.json_response(payload, filename=f"{slug}.json")


# --- Article and curation -------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch of the article's text, and the statement it quotes if any."""

    text: str
    statement: Statement | None = None


def highlight(text: str, statements: list[Statement]) -> list[Segment]:
    """The text cut at each statement's span; a span overlapping an earlier one is not cut."""
    segments, at = [], 0
    for statement in sorted((s for s in statements if s.has_span), key=lambda s: s.start):
        if statement.start < at or statement.end > len(text):
            continue
        segments.append(Segment(text[at : statement.start]))
        segments.append(Segment(text[statement.start : statement.end], statement))
        at = statement.end
    segments.append(Segment(text[at:]))
    return [segment for segment in segments if segment.text]


@require_GET
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    may_review = request.user.has_perm("positions.review_statement")
    statements = queries.article_statements(article.pk, include_pending=_may_see_pending(request))
    context = {
        "article": article,
        "statements": statements,
        "segments": highlight(article.text, statements),
        "may_review": may_review,
        "may_correct": request.user.has_perm("positions.change_stance"),
        "positions": Position.choices,
    }
    return render(request, "positions/article_detail.html", context)


def _statement_card(
    request: HtmxHttpRequest, pk: int, error: str = ""
) -> HttpResponse | HttpResponseBase:
    """After a curator's action: the statement's card again (htmx), or back to the article."""
    statement = queries.statement_for_review(pk)
    if statement is None:
        raise Http404(f"No statement {pk} on an article.")
    if not request.htmx:
        if error:
            messages.error(request, f"Statement {pk}: {error}")
        return redirect(statement.article.get_absolute_url() + f"#statement-{pk}")
    context = {
        "statement": statement,
        "may_review": request.user.has_perm("positions.review_statement"),
        "may_correct": request.user.has_perm("positions.change_stance"),
        "positions": Position.choices,
        "error": error,
    }
    return render(request, "positions/article_detail.html#statement-card", context)


@require_POST
@permission_required("positions.review_statement", raise_exception=True)
def statement_review(request: HtmxHttpRequest, pk: int) -> HttpResponseBase:
    """Approve, reject or reopen a statement; the history records who did it."""
    statement = get_object_or_404(Statement, pk=pk, article__isnull=False)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _statement_card(request, statement.pk, "Choose approve, reject or reopen.")
    services.review_statements(
        statements=[statement.pk], status=form.cleaned_data["status"], by=request.user
    )
    return _statement_card(request, statement.pk)


@require_POST
@permission_required("positions.change_stance", raise_exception=True)
def stance_correct(request: HtmxHttpRequest, pk: int) -> HttpResponseBase:
    """Correct the position a statement takes on an issue."""
    stance = get_object_or_404(Stance.objects.select_related("statement", "issue"), pk=pk)
    form = StanceForm(request.POST)
    error = ""
    if not form.is_valid():
        error = f"Choose one of: {', '.join(Position.values)}."
    else:
        try:
            services.set_stance(
                statement=stance.statement,
                issue=stance.issue,
                position=form.cleaned_data["position"],
                confidence=1.0,
                note=stance.note,
                by=request.user,
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return _statement_card(request, stance.statement_id, error)
