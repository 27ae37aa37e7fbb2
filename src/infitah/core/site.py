"""The platform's public address (`settings.SITE_URL`, from INFITAH_SITE_URL): every link written where no
request says which address the reader used — e-mails, feeds, calendars — starts with it."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings

WILDCARD_HOSTS = {"", "0.0.0.0", "::", "[::]"}  # noqa: S104 - names of "every address", compared, not bound


def site_link(path=""):
    """The absolute address of `path` (e.g. "/ar/events/3/") on the public site."""
    return f"{settings.SITE_URL}{path}" if path else settings.SITE_URL


def on_site(url):
    """`url` with its scheme and host replaced by the public site's (path, query and fragment kept)."""
    parts = urlsplit(url)
    tail = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return site_link(tail or "/")


def public_site():
    """The site as allauth's e-mails name it ("Hello from …"): the public host name, like a `RequestSite`."""
    host = urlsplit(settings.SITE_URL).netloc
    return SimpleNamespace(domain=host, name=host)


def served_site_url(host, port):
    """The address a server started on `host`:`port` answers at, for when no INFITAH_SITE_URL is set."""
    if host in WILDCARD_HOSTS:
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"
