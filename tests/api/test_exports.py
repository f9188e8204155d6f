"""Streamed CSV and NDJSON exports of the statement list: same filters and visibility."""

import csv
import io
import json

import pytest

from positions import api_exports
from positions.models import Position, ReviewStatus
from tests.factories import ActorFactory, IssueFactory, StanceFactory, StatementFactory

pytestmark = pytest.mark.django_db
CSV, NDJSON = "/api/v1/statements/export.csv", "/api/v1/statements/export.ndjson"


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_csv_streams_the_visible_statements_with_stances(anon_client):
    stance = StanceFactory(issue=IssueFactory(slug="peace"), position=Position.OPPOSE)
    StatementFactory(review_status=ReviewStatus.PENDING)
    response = anon_client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="statements.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [int(r["id"]) for r in rows] == [stance.statement_id]
    assert rows[0]["stances"] == "peace=oppose"
    assert rows[0]["text"] == stance.statement.text


def test_ndjson_has_one_statement_per_line_shaped_as_in_the_list(analyst_client):
    rows = StatementFactory.create_batch(2, review_status=ReviewStatus.PENDING)
    response = analyst_client.get(NDJSON)
    assert response["Content-Type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in body(response).splitlines()]
    assert [line["id"] for line in lines] == [s.pk for s in reversed(rows)]
    listed = analyst_client.get("/api/v1/statements/").json()["results"]
    assert lines == listed


def test_exports_apply_the_list_filters(anon_client):
    lavrov = ActorFactory(slug="lavrov")
    match = StatementFactory(speaker=lavrov)
    StatementFactory()
    lines = body(anon_client.get(NDJSON, {"actor": "lavrov"})).splitlines()
    assert [json.loads(line)["id"] for line in lines] == [match.pk]


def test_a_bad_filter_on_an_export_is_a_json_400(anon_client):
    response = anon_client.get(CSV, {"since": "soon"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response.json()["errors"]["since"]


def test_exports_read_in_chunks_with_stances_prefetched_per_chunk(
    anon_client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(api_exports, "CHUNK_SIZE", 2)
    for _ in range(5):
        StanceFactory()
    response = anon_client.get(CSV)
    # The query runs as the body is consumed: statements once (a cursor read chunk by chunk),
    # then the stances of each chunk of 2: 3 chunks for 5 rows. Memory holds one chunk.
    with django_assert_num_queries(4):
        text = body(response)
    assert len(text.splitlines()) == 6


def test_csv_export_defuses_cells_a_spreadsheet_would_run(client):
    from tests.factories import StatementFactory

    StatementFactory(text="=HYPERLINK(1)", article__text="=HYPERLINK(1)")
    body = b"".join(client.get("/api/v1/statements/export.csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in body
    assert ",=HYPERLINK(1)" not in body
