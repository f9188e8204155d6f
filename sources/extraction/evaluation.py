"""The scorer: statements matched by speaker and span overlap, then their fields compared.

A predicted and a gold statement match when the speaker is the same and the quote spans overlap
by at least half of the shorter one. Matching is one-to-one, best overlap first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sources.extraction.text import fold_name

STANCES = ("support", "oppose", "conditional", "neutral")


class Spanned(Protocol):
    @property
    def speaker(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def issue(self) -> str | None: ...
    @property
    def stance(self) -> str | None: ...


@dataclass
class Scores:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    speaker_span_matches: int = 0  # gold statements whose span was found, whatever the speaker
    speaker_correct: int = 0
    issue_correct: int = 0
    stance_pairs: list[tuple[str | None, str | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Of the gold statements whose span was found, the share with the right speaker."""
        if not self.speaker_span_matches:
            return 0.0
        return self.speaker_correct / self.speaker_span_matches

    @property
    def issue_accuracy(self) -> float:
        return self.issue_correct / self.true_positives if self.true_positives else 0.0

    @property
    def stance_accuracy(self) -> float:
        pairs = [(g, p) for g, p in self.stance_pairs if g is not None]
        return sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0

    @property
    def stance_macro_f1(self) -> float:
        pairs = [(g, p) for g, p in self.stance_pairs if g is not None]
        f1s = []
        for label in STANCES:
            tp = sum(1 for g, p in pairs if g == label and p == label)
            fp = sum(1 for g, p in pairs if g != label and p == label)
            fn = sum(1 for g, p in pairs if g == label and p != label)
            if tp + fp + fn == 0:
                continue
            f1s.append(2 * tp / (2 * tp + fp + fn))
        return sum(f1s) / len(f1s) if f1s else 0.0

    def add(self, other: Scores) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.gold += other.gold
        self.speaker_span_matches += other.speaker_span_matches
        self.speaker_correct += other.speaker_correct
        self.issue_correct += other.issue_correct
        self.stance_pairs.extend(other.stance_pairs)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.true_positives,
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "issue_accuracy": round(self.issue_accuracy, 4),
            "stance_accuracy": round(self.stance_accuracy, 4),
            "stance_macro_f1": round(self.stance_macro_f1, 4),
        }


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Overlap as a share of the shorter span."""
    inter = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def _pairs(
    predicted: Sequence[Spanned], gold: Sequence[Spanned], *, same_speaker: bool
) -> list[tuple[int, int]]:
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if same_speaker and fold_name(p.speaker) != fold_name(g.speaker):
                continue
            share = overlaps(p.start, p.end, g.start, g.end)
            if share >= 0.5:
                other = fold_name(p.speaker) != fold_name(g.speaker)
                candidates.append((share, other, i, j))
    # Best overlap first; on a tie ("A and B agreed": one span, two speakers) the pair with
    # the same speaker, so that list order cannot cross the pairs.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _share, _other, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


@dataclass
class Differences:
    """What a reader needs to see to fix a rule: misses, extras and wrong fields."""

    missed: list[Spanned] = field(default_factory=list)
    spurious: list[Spanned] = field(default_factory=list)
    wrong_speaker: list[tuple[Spanned, Spanned]] = field(default_factory=list)  # (gold, predicted)
    wrong_issue: list[tuple[Spanned, Spanned]] = field(default_factory=list)
    wrong_stance: list[tuple[Spanned, Spanned]] = field(default_factory=list)


def differences(predicted: Sequence[Spanned], gold: Sequence[Spanned]) -> Differences:
    """The same matching as :func:`score`, itemised."""
    out = Differences()
    matched = _pairs(predicted, gold, same_speaker=True)
    for i, j in matched:
        p, g = predicted[i], gold[j]
        if p.issue != g.issue:
            out.wrong_issue.append((g, p))
        elif g.stance is not None and p.stance != g.stance:
            out.wrong_stance.append((g, p))
    matched_p = {i for i, _ in matched}
    matched_g = {j for _, j in matched}
    by_span = {
        j: i
        for i, j in _pairs(predicted, gold, same_speaker=False)
        if i not in matched_p and j not in matched_g
    }
    for j, g in enumerate(gold):
        if j in matched_g:
            continue
        if j in by_span:
            out.wrong_speaker.append((g, predicted[by_span[j]]))
        else:
            out.missed.append(g)
    speaker_mismatched = set(by_span.values())
    out.spurious = [
        p for i, p in enumerate(predicted) if i not in matched_p and i not in speaker_mismatched
    ]
    return out


def score(predicted: Sequence[Spanned], gold: Sequence[Spanned]) -> Scores:
    """Scores for one article."""
    result = Scores(predicted=len(predicted), gold=len(gold))
    matched = _pairs(predicted, gold, same_speaker=True)
    result.true_positives = len(matched)
    for i, j in matched:
        p, g = predicted[i], gold[j]
        if p.issue == g.issue:
            result.issue_correct += 1
        result.stance_pairs.append((g.stance, p.stance))
    # Speaker accuracy: among span matches regardless of speaker, how often the speaker agrees.
    by_span = _pairs(predicted, gold, same_speaker=False)
    result.speaker_span_matches = len(by_span)
    result.speaker_correct = sum(
        1 for i, j in by_span if fold_name(predicted[i].speaker) == fold_name(gold[j].speaker)
    )
    return result
