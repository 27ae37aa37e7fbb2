"""The back office shows each person only what they may open: every link on the pages a demo role reaches from the
back office's index answers (no 403 behind a link)."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest

from infitah.accounts.models import User
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/en/admin/[^"#]*)"')
# Leaving the back office, or pages that only an action button reaches.
SKIP = ("/en/admin/logout/", "/en/admin/jsi18n/", "/en/admin/autocomplete/")
MAX_PAGES = 80


def crawl(client):
    """Pages reached from the index (each path once, whatever its query), with the links that led nowhere."""
    seen, broken = set(), []
    queue = deque([("/en/admin/", "start")])
    while queue and len(seen) < MAX_PAGES:
        url, came_from = queue.popleft()
        path = urlsplit(url).path
        if path in seen or url.startswith(SKIP):
            continue
        seen.add(path)
        response = client.get(url.replace("&amp;", "&"))
        if path.startswith("/en/admin/r/") and response.status_code == 302:
            continue  # "view on site": to the public page
        if response.status_code != 200:
            broken.append((url, response.status_code, came_from))
            continue
        for link in HREF.findall(response.content.decode()):
            if urlsplit(link).path not in seen:
                queue.append((link, url))
    return seen, broken


def test_every_link_a_demo_role_sees_in_the_back_office_opens(client):
    logins = load_demo()
    staff = [(role, email) for role, email in logins if User.objects.get(email=email).can_access_backoffice]
    assert len(staff) >= 3
    failures = {}
    for role, email in staff:
        client.force_login(User.objects.get(email=email))
        seen, broken = crawl(client)
        assert len(seen) > 5, role
        if broken:
            failures[str(role)] = broken
        client.logout()
    assert failures == {}
