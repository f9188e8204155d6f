"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Run with ``.venv/bin/pytest -m browser tests/browser``. Playwright's own browser downloads are
never used: the tests launch /usr/bin/chromium (``apt-get install chromium``) and are skipped,
with the reason, where it is missing. Screenshots go to test-results/ (git-ignored).
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from positions import roles
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test's thread; Django would otherwise refuse
# the database calls the tests make to set up data. Only this folder needs it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install -y chromium")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def shoot():
    """Save a full-page screenshot as test-results/<name>.png."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take


@pytest.fixture
def curator_login(transactional_db):
    roles.ensure_roles()
    user = UserFactory(username="carla", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.CURATOR))
    return user.username, PASSWORD
