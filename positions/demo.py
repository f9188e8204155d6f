"""The demo: the corpus articles that may be redistributed, and accounts to log in with."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from positions import gold, roles

if TYPE_CHECKING:
    from sources.ingestion import IngestResult

DEMO_DIR = Path(__file__).resolve().parent / "fixtures" / "demo"
# Public-domain articles without labels: the demo ingests them through the real pipeline, so
# the review queue holds machine-made pending statements for a curator to try.
UNLABELLED_DIR = DEMO_DIR / "unlabelled"

# (username, group, is_superuser)
DEMO_ACCOUNTS = (
    ("admin", roles.ADMIN, True),
    ("curator", roles.CURATOR, False),
    ("analyst", roles.ANALYST, False),
)


@dataclass(frozen=True)
class NewAccount:
    username: str
    role: str
    password: str


def load_demo_data() -> list[tuple[str, gold.LoadReport]]:
    """Load every gold file of the demo folder; files loaded before add nothing."""
    return [(path.name, gold.load_gold_file(path)) for path in gold.gold_files_in([DEMO_DIR])]


def ingest_unlabelled_articles() -> list[IngestResult]:
    """Ingest the unlabelled demo articles (extraction follows each new one); articles stored
    before come back as duplicates and add nothing."""
    from sources import ingestion

    return list(ingestion.ingest_files(sorted(UNLABELLED_DIR.glob("*.txt"))))


def ensure_demo_accounts() -> list[NewAccount]:
    """Create the demo accounts that don't exist yet, each with a fresh random password."""
    roles.ensure_roles()
    user_model = get_user_model()
    created = []
    for username, role, is_superuser in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username=username, password=password, is_staff=True, is_superuser=is_superuser
        )
        user.groups.add(Group.objects.get(name=role))
        created.append(NewAccount(username, role, password))
    return created
