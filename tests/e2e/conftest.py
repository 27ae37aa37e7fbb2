"""Browser tests: Python Playwright driving Debian's Chromium against pytest-django's live server.

One browser for all of them (starting Chromium is the slow part); each test gets a fresh context,
so no cookie or session leaks from one journey into the next.
"""

import os
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.db import connections
from django.test.utils import override_settings

from infitah.territories.models import Collectivity
from tests.factories import (
    CommuneFactory,
    MembershipFactory,
    NetworkFactory,
    PartnerFactory,
    ProvinceFactory,
    UserFactory,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPOSITORY = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"  # the one tests.factories.UserFactory sets


def pytest_collection_modifyitems(config, items):
    e2e_dir = Path(__file__).parent
    for item in items:
        if e2e_dir in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            # The live server needs committed data; serialized rollback restores the regions that a data
            # migration ships, which each test's flush would otherwise wipe.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session", autouse=True)
def _plain_http_live_server():
    """The live server serves plain HTTP on the loopback.

    SecurityMiddleware reads SECURE_SSL_REDIRECT once, when the live server builds its handler at session
    start — before tests/conftest.py's per-test settings apply — so it is turned off here for the session.
    """
    with override_settings(
        SECURE_SSL_REDIRECT=False,
        SECURE_HSTS_SECONDS=0,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        LANGUAGE_COOKIE_SECURE=False,
    ):
        yield


# Package scope, not session: Playwright's sync API cannot start while another instance runs in the same
# thread, and browser tests elsewhere (tests/api) start their own after these have run.
@pytest.fixture(scope="package")
def browser(django_db_setup):
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: the browser tests need Debian's Chromium "
            "(apt-get install -y chromium). Never `playwright install`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django would otherwise refuse the
    # tests' ORM calls while it runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    thread_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    # While Playwright's loop runs in this thread, Django keeps connections per async context, not per
    # thread: without this the tests would open new connections, away from the test database set-up's
    # (which holds the serialized-rollback data and, on SQLite, is the one the live server shares).
    for alias, connection in thread_connections.items():
        connections[alias] = connection
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _site_is_the_live_server(settings, live_server):
    """Links in e-mails and feeds go to the platform's public address: in these tests, the live server."""
    settings.SITE_URL = live_server.url


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    directory = Path(os.environ.get("INFITAH_SCREENSHOT_DIR") or REPOSITORY / "var" / "screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture
def network_world(transactional_db):
    """The network with a few members: enough for the home, network and member pages to show real content."""
    network = NetworkFactory()
    region = Collectivity.objects.get(code="07")  # Marrakech-Safi, shipped by a data migration
    province = ProvinceFactory(parent=region, code="07.351", name={"ar": "إقليم الحوز", "fr": "Province d'Al Haouz"})
    commune = CommuneFactory(parent=province, code="07.351.01", name={"ar": "جماعة أمزميز", "fr": "Commune d'Amizmiz"})
    members = [MembershipFactory(collectivity=c) for c in (region, province, commune)]
    PartnerFactory(acronym="AMRM", name={"ar": "جمعية جهات المغرب", "fr": "Association des régions du Maroc"})
    return {"network": network, "region": region, "province": province, "commune": commune, "members": members}


@pytest.fixture
def verified_user_factory(transactional_db):
    def make(**fields):
        user = UserFactory(**fields)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def log_in(page):
    """Log in through the real login page, as a person would."""

    def log_in_as(email, password=PASSWORD, language="ar"):
        log_in_on(page, email, password, language)

    return log_in_as


def log_in_on(page, email, password=PASSWORD, language="ar"):
    """Log in through the real login page in this browser page (another browser context's, say)."""
    page.goto(f"/{language}/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=login]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()


def sign_up_on(page, email, full_name, password, language="ar"):
    """Fill and send the real sign-up form in this browser page."""
    page.goto(f"/{language}/accounts/signup/")
    form = page.locator("main form").filter(has=page.locator("input[name=password2]"))
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=full_name]").fill(full_name)
    form.locator("input[name=password1]").fill(password)
    form.locator("input[name=password2]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()
