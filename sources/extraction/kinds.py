"""Telling what kind of actor a new speaker is, with spaCy's named-entity recogniser.

Only new actors need it (the registry knows the others), so the model runs on the few
sentences that name them, and only when the caller asks (saving to the registry does; the
``extract`` command, which only reports, does not pay for loading a model).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sources.extraction.types import ActorKind

logger = logging.getLogger(__name__)

_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
    "GPE": "state",
}


@lru_cache(maxsize=2)
def _pipeline(model: str) -> Any:
    """The named-entity recogniser alone (no parser): loaded once per process."""
    try:
        import spacy

        return spacy.load(
            model, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "tok2vec"]
        )
    except (ImportError, OSError) as error:
        logger.warning(
            "spaCy model %s could not be loaded (%s); actor kinds are guessed.", model, error
        )
        return None


def entity_kinds(model: str, names_in_context: Sequence[tuple[str, str]]) -> dict[str, ActorKind]:
    """For each (name, sentence naming it): the kind the recogniser gives the name, if any."""
    nlp = _pipeline(model)
    if nlp is None or not names_in_context:
        return {}
    found: dict[str, ActorKind] = {}
    sentences = [sentence[:2000] for _name, sentence in names_in_context]
    for (name, _sentence), parsed in zip(names_in_context, nlp.pipe(sentences), strict=True):
        for ent in parsed.ents:
            if name in ent.text or ent.text in name:
                kind = _KINDS.get(ent.label_)
                if kind is not None:
                    found[name] = kind
                    break
    return found
