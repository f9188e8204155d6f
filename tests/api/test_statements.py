"""/api/v1/statements/: who sees what, filters, cursor paging, query counts and writes."""

import datetime as dt

import pytest

from positions.models import Position, ReviewStatus, Stance, Statement, StatementKind
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    IssueFactory,
    StanceFactory,
    StatementFactory,
)

URL = "/api/v1/statements/"
pytestmark = pytest.mark.django_db


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_anonymous_sees_approved_statements_only(anon_client):
    approved = StatementFactory(review_status=ReviewStatus.APPROVED)
    pending = StatementFactory(review_status=ReviewStatus.PENDING)
    response = anon_client.get(URL)
    assert response.status_code == 200
    assert ids(response) == [approved.pk]
    assert anon_client.get(f"{URL}{pending.pk}/").status_code == 404


def test_analyst_sees_every_review_status(analyst_client):
    rows = [StatementFactory(review_status=s) for s in ReviewStatus.values]
    response = analyst_client.get(URL)
    assert sorted(ids(response)) == sorted(s.pk for s in rows)
    pending = analyst_client.get(URL, {"review_status": "pending"})
    assert ids(pending) == [rows[0].pk]


def test_signed_in_user_without_a_role_sees_approved_only(plain_client):
    approved = StatementFactory()
    StatementFactory(review_status=ReviewStatus.PENDING)
    assert ids(plain_client.get(URL)) == [approved.pk]


def test_statement_shows_speaker_evidence_and_stances(anon_client):
    stance = StanceFactory(position=Position.OPPOSE, confidence=0.75)
    statement = stance.statement
    body = anon_client.get(f"{URL}{statement.pk}/").json()
    assert body["speaker"]["slug"] == statement.speaker.slug
    assert body["text"] == statement.text
    assert (body["start"], body["end"]) == (0, len(statement.text))
    assert body["article"]["id"] == statement.article_id
    assert body["article"]["outlet"]["slug"] == statement.article.outlet.slug
    assert body["stances"] == [
        {
            "issue": {"slug": stance.issue.slug, "name": stance.issue.name},
            "position": "oppose",
            "confidence": 0.75,
            "note": "",
        }
    ]


def test_list_is_newest_first_by_default_and_oldest_first_on_request(anon_client):
    rows = StatementFactory.create_batch(3)
    assert ids(anon_client.get(URL)) == [s.pk for s in reversed(rows)]
    assert ids(anon_client.get(URL, {"ordering": "id"})) == [s.pk for s in rows]


def test_filters_combine_issue_and_stance_on_the_same_stance(anon_client):
    peace, sanctions = IssueFactory(slug="peace"), IssueFactory(slug="sanctions")
    both = StatementFactory()
    StanceFactory(statement=both, issue=peace, position=Position.SUPPORT)
    StanceFactory(statement=both, issue=sanctions, position=Position.OPPOSE)
    opposes_peace = StanceFactory(issue=peace, position=Position.OPPOSE).statement
    response = anon_client.get(URL, {"issue": "peace", "stance": "oppose"})
    assert ids(response) == [opposes_peace.pk]
    assert sorted(ids(anon_client.get(URL, {"issue": "peace"}))) == sorted(
        [both.pk, opposes_peace.pk]
    )


def test_filters_by_actor_kind_dates_outlet_confidence_and_words(anon_client):
    lavrov = ActorFactory(slug="lavrov")
    article = ArticleFactory(text="Peace talks must include Russia, the minister said.")
    match = StatementFactory(
        speaker=lavrov,
        article=article,
        kind=StatementKind.DIRECT,
        said_on=dt.date(2025, 3, 6),
        confidence=0.8,
    )
    StatementFactory(speaker=lavrov, said_on=dt.date(2024, 1, 1))
    StatementFactory(said_on=dt.date(2025, 3, 6))
    query = {
        "actor": "lavrov",
        "kind": "direct",
        "since": "2025-03-01",
        "until": "2025-03-31",
        "outlet": article.outlet.slug,
        "min_confidence": "0.5",
        "max_confidence": "0.9",
        "q": "peace talks",
    }
    assert ids(anon_client.get(URL, query)) == [match.pk]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("since", "yesterday"),
        ("kind", "shouted"),
        ("stance", "maybe"),
        ("min_confidence", "2"),
        ("article", "99999999999999999999999"),
        ("article", "1.5"),
        ("ordering", "text"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_the_parameter(anon_client, param, value):
    response = anon_client.get(URL, {param: value})
    if param == "ordering":  # DRF ignores unknown orderings rather than failing
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert param in response.json()["errors"]


def test_cursor_pages_cover_every_row_once(anon_client):
    rows = StatementFactory.create_batch(7)
    seen, url = [], URL + "?page_size=3"
    while url:
        body = anon_client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert seen == [s.pk for s in reversed(rows)]


def test_a_forged_cursor_is_a_404_not_a_500(anon_client):
    response = anon_client.get(URL, {"cursor": "not-a-cursor"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_list_query_count_is_flat_for_anonymous(anon_client, django_assert_num_queries):
    for _ in range(4):
        StanceFactory(statement=StanceFactory().statement)
    # statements + speaker + affiliation + article + outlet; stances + issues
    with django_assert_num_queries(2):
        response = anon_client.get(URL)
    assert len(response.json()["results"]) == 4


def test_list_query_count_is_flat_for_an_analyst(analyst_client, django_assert_num_queries):
    for _ in range(4):
        StanceFactory(statement=StatementFactory(review_status=ReviewStatus.PENDING))
    # token + user; user permissions; group permissions; statements (joined); stances + issues
    with django_assert_num_queries(5):
        response = analyst_client.get(URL)
    assert len(response.json()["results"]) == 4


# --- Writes ---------------------------------------------------------------------------------


def new_statement_body(article, speaker, issue):
    return {
        "speaker": speaker.slug,
        "text": article.text[:11],
        "kind": "reported",
        "article": article.pk,
        "start": 0,
        "end": 11,
        "said_on": "2025-04-01",
        "stances": [{"issue": issue.slug, "position": "oppose", "confidence": 0.7}],
    }


def test_curator_records_a_statement_with_stances(curator_client, curator):
    article, speaker, issue = ArticleFactory(), ActorFactory(), IssueFactory()
    response = curator_client.post(URL, new_statement_body(article, speaker, issue), format="json")
    assert response.status_code == 201, response.json()
    statement = Statement.objects.get(pk=response.json()["id"])
    assert statement.created_by == curator
    assert statement.review_status == ReviewStatus.PENDING
    assert statement.stances.get().position == Position.OPPOSE
    assert response.json()["stances"][0]["issue"]["slug"] == issue.slug


def test_a_span_that_does_not_match_the_article_is_a_400(curator_client):
    article, speaker, issue = ArticleFactory(), ActorFactory(), IssueFactory()
    body = new_statement_body(article, speaker, issue) | {"text": "Something else"}
    response = curator_client.post(URL, body, format="json")
    assert response.status_code == 400
    assert f"article {article.pk}" in response.json()["detail"]
    assert "text" in response.json()["errors"]


def test_unknown_speaker_and_issue_are_field_errors(curator_client):
    article = ArticleFactory()
    body = {
        "speaker": "nobody",
        "text": "x",
        "kind": "direct",
        "article": article.pk,
        "stances": [{"issue": "nothing", "position": "oppose"}],
    }
    response = curator_client.post(URL, body, format="json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "speaker" in errors
    assert "issue" in errors["stances"]["0"]
    assert "speaker: Object with slug=nobody does not exist." in response.json()["detail"]


def test_analyst_may_not_write_and_anonymous_must_sign_in(analyst_client, anon_client):
    body = new_statement_body(ArticleFactory(), ActorFactory(), IssueFactory())
    assert analyst_client.post(URL, body, format="json").status_code == 403
    response = anon_client.post(URL, body, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_curator_corrects_only_the_fields_sent(curator_client):
    statement = StatementFactory(said_on=dt.date(2025, 4, 1), via="")
    response = curator_client.patch(
        f"{URL}{statement.pk}/", {"said_on": "2025-04-02", "via": "Tass"}, format="json"
    )
    assert response.status_code == 200, response.json()
    statement.refresh_from_db()
    assert (statement.said_on, statement.via) == (dt.date(2025, 4, 2), "Tass")
    assert response.json()["via"] == "Tass"


def test_a_correction_breaking_the_span_is_a_400(curator_client):
    statement = StatementFactory()
    response = curator_client.patch(
        f"{URL}{statement.pk}/", {"text": "Not the words"}, format="json"
    )
    assert response.status_code == 400
    statement.refresh_from_db()
    assert statement.text != "Not the words"


def test_put_is_not_offered(curator_client):
    statement = StatementFactory()
    assert curator_client.put(f"{URL}{statement.pk}/", {}, format="json").status_code == 405


def test_curator_sets_and_replaces_a_stance(curator_client):
    statement, issue = StatementFactory(), IssueFactory()
    url = f"{URL}{statement.pk}/stances/"
    first = curator_client.post(url, {"issue": issue.slug, "position": "support"}, format="json")
    assert first.status_code == 200
    again = curator_client.post(url, {"issue": issue.slug, "position": "oppose"}, format="json")
    assert again.json()["position"] == "oppose"
    assert Stance.objects.get(statement=statement, issue=issue).position == Position.OPPOSE


def test_a_stance_on_a_rejected_statement_is_refused(curator_client):
    statement = StatementFactory(review_status=ReviewStatus.REJECTED)
    response = curator_client.post(
        f"{URL}{statement.pk}/stances/",
        {"issue": IssueFactory().slug, "position": "support"},
        format="json",
    )
    assert response.status_code == 400
    assert f"Statement {statement.pk} was rejected" in response.json()["detail"]


def test_curator_approves_and_rejects(curator_client, curator):
    statement = StatementFactory(review_status=ReviewStatus.PENDING)
    response = curator_client.post(
        f"{URL}{statement.pk}/review/", {"status": "approved"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["review_status"] == "approved"
    statement.refresh_from_db()
    assert statement.reviewed_by == curator


def test_curator_reviews_many_at_once(curator_client):
    rows = StatementFactory.create_batch(3, review_status=ReviewStatus.PENDING)
    response = curator_client.post(
        f"{URL}review/",
        {"statements": [s.pk for s in rows], "status": "rejected"},
        format="json",
    )
    assert response.json() == {"changed": 3}
    assert set(Statement.objects.values_list("review_status", flat=True)) == {"rejected"}


def test_analyst_may_not_review(analyst_client):
    statement = StatementFactory(review_status=ReviewStatus.PENDING)
    response = analyst_client.post(
        f"{URL}{statement.pk}/review/", {"status": "approved"}, format="json"
    )
    assert response.status_code == 403
