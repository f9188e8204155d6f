"""The extraction engine: article text in, proposed statements out.

Pure Python (plus spaCy): no Django, no database, no network, no clock. The Django side builds a
:class:`Registry` snapshot of the actors and issues it knows and calls :func:`extract`.
"""

from sources.extraction.cues import CueLexicon
from sources.extraction.engine import ENGINE_VERSION, Engine, extract
from sources.extraction.types import (
    ActorRecord,
    ExtractedStatement,
    ExtractionResult,
    IssueRecord,
    NewActor,
    Registry,
)

__all__ = [
    "ENGINE_VERSION",
    "ActorRecord",
    "CueLexicon",
    "Engine",
    "ExtractedStatement",
    "ExtractionResult",
    "IssueRecord",
    "NewActor",
    "Registry",
    "extract",
]
