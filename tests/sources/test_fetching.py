"""The fetch guard and limits. Only 127.0.0.1 is ever contacted; other addresses come from a
resolver stub and are refused before any connection."""

import gzip

import pytest

from sources.fetching import (
    Fetcher,
    FetchError,
    RefusedURL,
    TransientFetchError,
    address_problem,
)
from tests.sources.servers import Answer

PAGE = b"<html><body><p>Hello</p></body></html>"


def stub(*addresses):
    calls = []

    def resolve(host, port):
        calls.append(host)
        return list(addresses)

    resolve.calls = calls
    return resolve


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("10.0.0.1", "private"),
        ("192.168.1.20", "private"),
        ("172.16.5.4", "private"),
        ("127.0.0.1", "loopback"),
        ("169.254.169.254", "metadata"),
        ("169.254.10.10", "link-local"),
        ("fd00::1", "private"),
        ("fd00:ec2::254", "metadata"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("::ffff:10.0.0.1", "private"),
        ("64:ff9b::a9fe:a9fe", "metadata"),
        ("0.0.0.0", "reserved"),
        ("100.64.0.1", "reserved"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
    ],
)
def test_non_public_addresses_are_refused_when_a_name_resolves_to_them(address, problem):
    resolver = stub(address)
    fetcher = Fetcher(resolver=resolver)
    with pytest.raises(RefusedURL, match=problem):
        fetcher.get("https://innocent.example/page")
    assert resolver.calls == ["innocent.example"]  # refused after DNS, before any connection


def test_public_addresses_pass_the_guard():
    assert address_problem("93.184.215.14") == ""
    assert address_problem("2606:2800:21f:cb07:6820:80da:af6b:8b2c") == ""
    Fetcher(resolver=stub("93.184.215.14")).check_url("https://news.example/a")


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    fetcher = Fetcher(resolver=stub("93.184.215.14", "10.0.0.1"))
    with pytest.raises(RefusedURL, match=r"innocent.example \(10.0.0.1\)"):
        fetcher.check_url("http://innocent.example/")


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1/admin", "http://[fd00::1]/", "http://169.254.169.254/latest/"]
)
def test_literal_private_addresses_are_refused(url):
    with pytest.raises(RefusedURL, match="only public internet addresses"):
        Fetcher().get(url)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.example/a", "gopher://news.example/", "data:,x"]
)
def test_non_http_schemes_are_refused(url):
    with pytest.raises(RefusedURL, match="only http and https"):
        Fetcher(resolver=stub("93.184.215.14")).get(url)


def test_loopback_is_refused_unless_explicitly_allowed(server):
    server.routes["/page"] = Answer(body=PAGE)
    with pytest.raises(RefusedURL, match="loopback"):
        Fetcher().get(server.url("/page"))
    assert server.requests == []


def test_a_page_is_fetched_with_our_user_agent(server, fetcher):
    server.routes["/page"] = Answer(body=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    result = fetcher.get(server.url("/page"))
    assert result.status == 200
    assert result.content == PAGE
    assert result.charset == "utf-8"
    assert server.requests[0][1]["User-Agent"].startswith("StancebookBot/")


def test_redirects_are_followed_within_the_limit(server, fetcher):
    server.routes["/old"] = Answer(status=301, headers={"Location": "/newer"})
    server.routes["/newer"] = Answer(status=302, headers={"Location": server.url("/page")})
    server.routes["/page"] = Answer(body=PAGE)
    result = fetcher.get(server.url("/old"))
    assert result.final_url == server.url("/page")
    assert result.content == PAGE


def test_a_redirect_to_a_private_address_is_refused(server, fetcher):
    server.routes["/go"] = Answer(status=302, headers={"Location": "http://10.0.0.1/admin"})
    with pytest.raises(RefusedURL, match=r"10\.0\.0\.1.*private"):
        fetcher.get(server.url("/go"))


def test_a_redirect_to_a_name_resolving_to_metadata_is_refused(server):
    def resolve(host, port):
        return ["127.0.0.1"] if host == "127.0.0.1" else ["169.254.169.254"]

    fetcher = Fetcher(resolver=resolve, allowed_addresses={"127.0.0.1"})
    server.routes["/go"] = Answer(status=307, headers={"Location": "http://metadata.test/"})
    with pytest.raises(RefusedURL, match="metadata.test.*metadata"):
        fetcher.get(server.url("/go"))
    assert [path for path, _ in server.requests] == ["/go"]


def test_dns_rebinding_between_check_and_connect_is_refused(server):
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # the check sees one address, connect another

    fetcher = Fetcher(resolver=lambda host, port: next(answers), allowed_addresses={"127.0.0.1"})
    server.routes["/page"] = Answer(body=PAGE)
    with pytest.raises(RefusedURL, match="10.0.0.1"):
        fetcher.get(f"http://rebind.test:{server.port}/page")
    assert server.requests == []


def test_redirect_loops_stop_at_the_limit(server, fetcher):
    server.routes["/loop"] = Answer(status=302, headers={"Location": "/loop"})
    with pytest.raises(RefusedURL, match="redirected more than 5 times"):
        fetcher.get(server.url("/loop"))
    assert len(server.requests) == 6


def test_a_slow_server_times_out_as_a_transient_error(server, fetcher):
    server.routes["/slow"] = Answer(body=PAGE, delay=3)
    fetcher.timeout.read = 0.3
    with pytest.raises(TransientFetchError, match="did not answer in time"):
        fetcher.get(server.url("/slow"))


def test_a_server_dripping_its_body_hits_the_total_deadline(server, fetcher):
    server.routes["/drip"] = Answer(body=b"<p>" + b"x" * 20_000, chunk=1000, drip=0.1)
    fetcher.total_timeout = 0.5
    with pytest.raises(TransientFetchError, match="took longer than 0.5s"):
        fetcher.get(server.url("/drip"))


def test_a_declared_50mb_body_is_refused_before_reading(server, fetcher):
    server.routes["/big"] = Answer(body=b"x" * 50 * 1024 * 1024)
    with pytest.raises(RefusedURL, match="52,428,800 bytes, over the 5,242,880-byte cap"):
        fetcher.get(server.url("/big"))


def test_an_undeclared_50mb_body_is_cut_off_at_the_cap(server, fetcher):
    server.routes["/big"] = Answer(body=b"x" * 50 * 1024 * 1024, send_length=False)
    with pytest.raises(RefusedURL, match="more than the 5,242,880-byte cap"):
        fetcher.get(server.url("/big"))


def test_a_gzip_bomb_is_refused_without_inflating_it(server, fetcher):
    bomb = gzip.compress(b"\0" * 40 * 1024 * 1024, compresslevel=9)  # 8 times the cap
    assert len(bomb) < 100_000
    server.routes["/bomb"] = Answer(
        body=bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    with pytest.raises(RefusedURL, match="cap once decompressed"):
        fetcher.get(server.url("/bomb"))


def test_gzip_pages_are_decoded(server, fetcher):
    server.routes["/gz"] = Answer(
        body=gzip.compress(PAGE), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    assert fetcher.get(server.url("/gz")).content == PAGE


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "video/mp4"])
def test_content_that_is_not_text_is_refused(server, fetcher, content_type):
    server.routes["/file"] = Answer(body=b"\x89PNG\r\n", headers={"Content-Type": content_type})
    with pytest.raises(RefusedURL, match=f"is '{content_type}', not a web page or feed"):
        fetcher.get(server.url("/file"))


def test_a_404_is_a_permanent_failure(server, fetcher):
    with pytest.raises(FetchError, match="answered 404") as caught:
        fetcher.get(server.url("/missing"))
    assert not caught.value.transient


@pytest.mark.parametrize("status", [500, 503, 429])
def test_server_errors_are_transient(server, fetcher, status):
    server.routes["/flaky"] = Answer(status=status, body=b"try later")
    with pytest.raises(TransientFetchError, match=f"answered {status}"):
        fetcher.get(server.url("/flaky"))


def test_a_refused_connection_is_transient(fetcher):
    with pytest.raises(TransientFetchError, match="Could not connect"):
        fetcher.get("http://127.0.0.1:9/nothing-listens-here")


def test_conditional_requests_send_validators_and_accept_304(server, fetcher):
    server.routes["/feed"] = lambda handler: (
        Answer(status=304, headers={})
        if handler.headers.get("If-None-Match") == '"v1"'
        else Answer(body=b"<rss/>", headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    )
    first = fetcher.get(server.url("/feed"))
    second = fetcher.get(server.url("/feed"), etag=first.etag)
    assert first.etag == '"v1"'
    assert second.is_not_modified


def test_the_next_vetted_address_is_tried_when_one_does_not_connect(server):
    # ::1 (loopback) has nothing listening on the server's port; 127.0.0.1 does.
    fetcher = Fetcher(
        resolver=lambda host, port: ["::1", "127.0.0.1"], allowed_addresses={"::1", "127.0.0.1"}
    )
    server.routes["/page"] = Answer(body=PAGE)
    assert fetcher.get(f"http://two-addresses.test:{server.port}/page").content == PAGE
