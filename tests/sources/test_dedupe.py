import pytest

from sources import dedupe, reading
from sources.models import FingerprintBand
from tests.factories import ArticleFactory
from tests.sources.conftest import PAGES


def _text(name):
    return reading.read_file(PAGES / name).text


def test_the_content_hash_ignores_case_spacing_and_typographic_quotes():
    assert dedupe.content_hash("“We will”  not\naccept it") == dedupe.content_hash(
        '"we will" NOT accept it'
    )
    assert dedupe.content_hash("one text") != dedupe.content_hash("another text")
    assert dedupe.content_hash("  \n") == ""


def test_a_syndicated_copy_is_similar_and_an_unrelated_story_is_not():
    original = dedupe.fingerprint(_text("wire_story.html"))
    copy = dedupe.fingerprint(_text("wire_story_copy.html"))
    unrelated = dedupe.fingerprint(_text("unrelated_story.html"))
    assert original.similarity(copy) >= dedupe.COPY_THRESHOLD
    assert original.similarity(unrelated) < 0.1


def test_short_texts_get_no_fingerprint():
    assert dedupe.fingerprint("Too short to compare.") is None


def test_signatures_survive_the_database_round_trip():
    print_ = dedupe.fingerprint(_text("wire_story.html"))
    assert dedupe.Fingerprint.from_bytes(print_.to_bytes()).similarity(print_) == 1.0


@pytest.mark.django_db
def test_find_original_returns_the_indexed_original_of_a_copy():
    original = ArticleFactory(text=_text("wire_story.html"))
    dedupe.index(original, dedupe.fingerprint(original.text))
    unrelated = ArticleFactory(text=_text("unrelated_story.html"))
    dedupe.index(unrelated, dedupe.fingerprint(unrelated.text))

    match = dedupe.find_original(dedupe.fingerprint(_text("wire_story_copy.html")))

    assert match.article_id == original.pk
    assert FingerprintBand.objects.filter(fingerprint_id=original.pk).count() == dedupe.BANDS


@pytest.mark.django_db
def test_a_copy_of_a_copy_points_to_the_first_version():
    original = ArticleFactory(text=_text("wire_story.html"))
    dedupe.index(original, dedupe.fingerprint(original.text))
    copy = ArticleFactory(text=_text("wire_story_copy.html"), copy_of=original)
    dedupe.index(copy, dedupe.fingerprint(copy.text))
    # Closer to the copy than to the original: the copy is the best match, its original is named.
    third = copy.text.replace("Reporting by Other Outlet staff", "Reporting by a third outlet")

    match = dedupe.find_original(dedupe.fingerprint(third))

    assert match.article_id == original.pk


@pytest.mark.django_db
def test_lookup_is_one_indexed_query_pair_whatever_the_table_size(django_assert_num_queries):
    for index in range(5):
        article = ArticleFactory(
            text=f"Story number {index}: " + " ".join(f"w{index}x{i}" for i in range(60))
        )
        dedupe.index(article, dedupe.fingerprint(article.text))
    with django_assert_num_queries(1):  # band keys IN (...): no candidate, no second query
        assert dedupe.find_original(dedupe.fingerprint(_text("wire_story.html"))) is None
