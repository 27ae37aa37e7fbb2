"""What the tests do with Django's test client: read a page, count the queries it costs, read its main text."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page(client, url, status=200):
    """The page's HTML, once its status is the expected one."""
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def page_as(client, person, url, follow=False):
    """The page's HTML as `person` reads it (None: a visitor), whoever the client was signed in as before."""
    client.logout()
    if person is not None:
        client.force_login(person)
    return client.get(url, follow=follow).content.decode()


def queries(client, url):
    """How many queries a successful page costs."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def main_text(response):
    """The words of the page's <main>, tags taken out and spaces collapsed."""
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<main") : html.index("</main>")]).split())
