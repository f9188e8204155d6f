"""Curators' daily work in the admin: review queue, bulk review, evidence, merges, roles."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from positions.models import Actor, ReviewStatus, Statement
from tests.factories import ActorFactory, ArticleFactory, StanceFactory, StatementFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:positions_statement_changelist")
QUEUE = reverse("admin:positions_pendingstatement_changelist")


def _act(client, url, action, objects, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], **extra}
    return client.post(url, data, follow=True)


def test_curator_approves_statements_in_bulk(client, curator):
    pending = StatementFactory.create_batch(3, review_status=ReviewStatus.PENDING)
    client.force_login(curator)

    response = _act(client, QUEUE, "approve", pending[:2])

    assert "2 statement(s) marked approved." in response.content.decode()
    statuses = dict(Statement.objects.values_list("pk", "review_status"))
    assert [statuses[s.pk] for s in pending] == ["approved", "approved", "pending"]
    assert Statement.objects.get(pk=pending[0].pk).history.first().history_user == curator


def test_curator_rejects_statements_in_bulk(client, curator):
    statement = StatementFactory(review_status=ReviewStatus.PENDING)
    client.force_login(curator)
    _act(client, CHANGELIST, "reject", [statement])
    statement.refresh_from_db()
    assert (statement.review_status, statement.reviewed_by) == (ReviewStatus.REJECTED, curator)


def test_analyst_reads_the_queue_but_cannot_review(client, analyst):
    statement = StatementFactory(
        review_status=ReviewStatus.PENDING, text="Lavrov said no.", article__text="Lavrov said no."
    )
    client.force_login(analyst)

    page = client.get(QUEUE)
    assert page.status_code == 200
    assert "Lavrov said no." in page.content.decode()
    assert 'value="approve"' not in page.content.decode()

    _act(client, QUEUE, "approve", [statement])
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.PENDING


def test_analyst_cannot_edit_a_statement(client, analyst):
    statement = StatementFactory()
    client.force_login(analyst)
    url = reverse("admin:positions_statement_change", args=[statement.pk])
    response = client.post(url, {"text": "changed"})
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_review_queue_lists_only_pending_statements(client, curator):
    StatementFactory(
        review_status=ReviewStatus.PENDING, text="Pending words.", article__text="Pending words."
    )
    StatementFactory(
        review_status=ReviewStatus.APPROVED, text="Approved words.", article__text="Approved words."
    )
    client.force_login(curator)
    page = client.get(QUEUE).content.decode()
    assert "Pending words." in page
    assert "Approved words." not in page


def test_review_queue_filters_by_confidence_and_searches_text(client, curator):
    StatementFactory(
        review_status=ReviewStatus.PENDING,
        confidence=0.3,
        text="Low words.",
        article__text="Low words.",
    )
    StatementFactory(
        review_status=ReviewStatus.PENDING,
        confidence=0.9,
        text="High words.",
        article__text="High words.",
    )
    client.force_login(curator)
    low = client.get(QUEUE, {"confidence": "low"}).content.decode()
    assert "Low words." in low
    assert "High words." not in low
    found = client.get(QUEUE, {"q": "High"}).content.decode()
    assert "High words." in found
    assert "Low words." not in found


def test_statement_page_shows_the_span_highlighted_and_escaped(client, curator):
    text = "Before. <script>alert(1)</script> said the minister. After."
    article = ArticleFactory(text=text)
    quote = "<script>alert(1)</script> said the minister"
    start = text.index(quote)
    statement = StatementFactory(article=article, text=quote, start=start, end=start + len(quote))
    client.force_login(curator)

    page = client.get(
        reverse("admin:positions_statement_change", args=[statement.pk])
    ).content.decode()

    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; said the minister</mark>" in page
    assert "<script>alert(1)</script>" not in page


def test_curator_corrects_a_stance_inline_and_history_keeps_before_and_after(client, curator):
    stance = StanceFactory(position="support")
    statement = stance.statement
    client.force_login(curator)
    url = reverse("admin:positions_statement_change", args=[statement.pk])
    form = {
        "speaker": statement.speaker_id,
        "text": statement.text,
        "kind": statement.kind,
        "review_status": "approved",
        "article": statement.article_id,
        "start": statement.start,
        "end": statement.end,
        "said_on": "2025-04-01",
        "said_on_precision": "day",
        "confidence": "1.0",
        "stances-TOTAL_FORMS": "1",
        "stances-INITIAL_FORMS": "1",
        "stances-0-id": stance.pk,
        "stances-0-statement": statement.pk,
        "stances-0-issue": stance.issue_id,
        "stances-0-position": "oppose",
        "stances-0-confidence": "1.0",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    stance.refresh_from_db()
    assert stance.position == "oppose"
    before, after = stance.history.all()[1], stance.history.all()[0]
    assert (before.position, after.position, after.history_user) == ("support", "oppose", curator)


def test_curator_cannot_save_a_span_outside_the_article(client, curator):
    statement = StatementFactory()
    client.force_login(curator)
    url = reverse("admin:positions_statement_change", args=[statement.pk])
    form = {
        "speaker": statement.speaker_id,
        "text": statement.text,
        "kind": statement.kind,
        "review_status": "approved",
        "article": statement.article_id,
        "start": 5000,
        "end": 5000 + len(statement.text),
        "said_on_precision": "day",
        "confidence": "1.0",
        "stances-TOTAL_FORMS": "0",
        "stances-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert "outside the text of article" in response.content.decode()
    statement.refresh_from_db()
    assert statement.start == 0


def test_merge_action_asks_for_confirmation_then_merges(client, curator):
    keep = ActorFactory(name="Sergey Lavrov")
    dupe = ActorFactory(name="Sergei Lavrov")
    StatementFactory(speaker=dupe)
    client.force_login(curator)
    url = reverse("admin:positions_actor_changelist")

    confirm = _act(client, url, "merge", [keep, dupe])
    assert "Merge actors" in confirm.content.decode()
    assert Actor.objects.filter(pk=dupe.pk).exists()

    done = _act(client, url, "merge", [keep, dupe], confirm="yes", target=keep.pk)
    assert "Merged 1 actor(s) into Sergey Lavrov." in done.content.decode()
    assert not Actor.objects.filter(pk=dupe.pk).exists()
    assert keep.statements.count() == 1


def test_analyst_cannot_merge_actors(client, analyst):
    a, b = ActorFactory(), ActorFactory()
    client.force_login(analyst)
    _act(
        client,
        reverse("admin:positions_actor_changelist"),
        "merge",
        [a, b],
        confirm="yes",
        target=a.pk,
    )
    assert Actor.objects.filter(pk=b.pk).exists()


def test_actor_autocomplete_finds_actors_by_alias(client, curator):
    from positions import services

    russia = services.create_actor(name="Russia", kind="state", aliases=["Moscow"])
    client.force_login(curator)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Mosc",
            "app_label": "positions",
            "model_name": "statement",
            "field_name": "speaker",
        },
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(russia.pk)]
