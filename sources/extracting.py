"""The bridge from ingestion to extraction: run the engine on a stored article and save what it
proposes through ``positions`` services.

Ingestion calls :func:`extract_article` (through the Celery task ``sources.tasks.extract_article``)
for each newly stored article. The extraction issue fills it in; until then it only records that
the article is ready for extraction.
"""

import logging

logger = logging.getLogger(__name__)


def extract_article(article_id: int) -> None:
    """Propose statements for the article (filled in by the extraction work, issue 5)."""
    logger.info("Article %s is stored and awaits the extraction engine.", article_id)
