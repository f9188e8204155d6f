"""Recognise the same text (content hash) and syndicated copies of it (MinHash LSH).

The same text stored twice is prevented by ``Article.content_hash`` (a unique index). A wire story
republished with small edits at another outlet has a different hash, so each article's text also
gets a MinHash signature over word 5-shingles, split into LSH bands; each band is hashed to one
64-bit key in an indexed table. Looking up an article's possible originals is one indexed
``key IN (...)`` query for its ``BANDS`` keys plus one query for those candidates' signatures, so
the cost per article does not grow with the table. Candidates are confirmed by the Jaccard
similarity their signatures estimate.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

from sources.models import Article, ArticleFingerprint, FingerprintBand

SHINGLE_WORDS = 5
NUM_PERM = 96
BANDS = 32
ROWS = NUM_PERM // BANDS  # 3 rows a band: P(candidate) is 0.99 at similarity 0.5, 0.03 at 0.1
COPY_THRESHOLD = 0.5  # estimated Jaccard of 5-shingles; wire copies with new intros stay above
MIN_WORDS = 25  # shorter texts share too few shingles for the estimate to mean anything
MAX_CANDIDATES = 50  # a flood of near-identical boilerplate cannot make one lookup expensive

_PUNCT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-"})  # fmt: skip
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The text as compared: NFKC, case-folded, typographic quotes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text ('' for empty text, which is never deduplicated)."""
    normal = normalise(text)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest() if normal else ""


@dataclass(frozen=True)
class Fingerprint:
    signature: np.ndarray  # NUM_PERM uint32

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band (band number included, so bands never collide)."""
        keys = []
        for band in range(BANDS):
            chunk = self.signature[band * ROWS : (band + 1) * ROWS].tobytes()
            digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        return float(np.count_nonzero(self.signature == other.signature)) / NUM_PERM

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        return cls(np.frombuffer(bytes(data), dtype="<u4"))


@functools.cache
def _template() -> MinHash:
    # Imported on first use: datasketch pulls in SciPy, about two seconds of start-up that every
    # manage.py command (extract among them) would otherwise pay through the admin's imports.
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def fingerprint(text: str) -> Fingerprint | None:
    """The MinHash of the text's word 5-shingles; None when the text is too short to compare."""
    words = _WORD.findall(normalise(text))
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    template = _template()
    minhash = type(template)(
        num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme
    )
    minhash.update_batch(list(shingles))
    return Fingerprint(np.asarray(minhash.hashvalues, dtype=np.uint32))


@dataclass(frozen=True)
class Match:
    article_id: int
    similarity: float


def find_original(print_: Fingerprint, *, exclude_id: int | None = None) -> Match | None:
    """The stored article this text is most likely a copy of (its original, not another copy)."""
    candidate_ids = list(
        FingerprintBand.objects.filter(key__in=print_.band_keys())
        .exclude(fingerprint_id=exclude_id)
        .values_list("fingerprint_id", flat=True)
        .distinct()[:MAX_CANDIDATES]
    )
    if not candidate_ids:
        return None
    best: Match | None = None
    rows = ArticleFingerprint.objects.filter(article_id__in=candidate_ids).values_list(
        "article_id", "signature", "article__copy_of_id"
    )
    for article_id, signature, copy_of_id in rows:
        score = print_.similarity(Fingerprint.from_bytes(signature))
        if score >= COPY_THRESHOLD and (best is None or score > best.similarity):
            # Link every copy to the first version seen, so copies form a star, not a chain.
            best = Match(article_id=copy_of_id or article_id, similarity=score)
    if best is not None and best.article_id == exclude_id:
        return None
    return best


def index(article: Article, print_: Fingerprint) -> None:
    """Store the article's fingerprint and band keys (call inside the article's transaction).

    Only called when an article's text is first stored; a stored article is never stored again
    (ingestion reports a duplicate), so there is nothing to replace: two INSERTs.
    """
    ArticleFingerprint.objects.create(article=article, signature=print_.to_bytes())
    FingerprintBand.objects.bulk_create(
        FingerprintBand(fingerprint_id=article.pk, key=key) for key in print_.band_keys()
    )
