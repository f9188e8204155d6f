import pytest

from sources.canonical import InvalidURL, canonical_url, domain_of


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://news.example/world/story", "https://news.example/world/story"),
        ("http://news.example/world/story", "https://news.example/world/story"),
        ("https://WWW.News.Example/world/story/", "https://news.example/world/story"),
        ("https://news.example/world/story#comments", "https://news.example/world/story"),
        ("https://news.example:443/world/story", "https://news.example/world/story"),
        ("http://news.example:80/world/story", "https://news.example/world/story"),
        (
            "https://news.example/story?utm_source=rss&utm_medium=feed&id=7&fbclid=x&gclid=y",
            "https://news.example/story?id=7",
        ),
        ("https://news.example/story?b=2&a=1", "https://news.example/story?a=1&b=2"),
        ("https://news.example/amp/story", "https://news.example/story"),
        ("https://news.example/story/amp", "https://news.example/story"),
        ("https://news.example/story.amp.html", "https://news.example/story.html"),
        ("https://news.example/story?amp=1", "https://news.example/story"),
        ("https://news.example/story?outputType=amp", "https://news.example/story"),
        ("https://amp.news.example/story", "https://news.example/story"),
        (
            "https://news-example.cdn.ampproject.org/c/s/news.example/amp/story?utm_source=x",
            "https://news.example/story",
        ),
        (
            "https://editorials.voa.gov/amp/strengthening-ukraine/6972556.html",
            "https://editorials.voa.gov/strengthening-ukraine/6972556.html",
        ),
        ("https://news.example/a%7Eb", "https://news.example/a~b"),
        ("https://user:secret@news.example/story", "https://news.example/story"),
        ("https://news.example", "https://news.example/"),
    ],
)
def test_variants_of_one_address_get_one_spelling(given, expected):
    assert canonical_url(given) == expected


def test_meaningful_query_parameters_are_kept():
    assert canonical_url("https://news.example/view?id=12&page=2") == (
        "https://news.example/view?id=12&page=2"
    )


@pytest.mark.parametrize(
    "given",
    ["ftp://news.example/a", "file:///etc/passwd", "javascript:alert(1)", "news", "http://"],
)
def test_non_web_addresses_are_rejected_with_a_reason(given):
    with pytest.raises(InvalidURL, match="web address|no host"):
        canonical_url(given)


def test_domain_drops_www_for_outlet_matching():
    assert domain_of("https://www.state.gov/reported-massacre-in-mali/") == "state.gov"
