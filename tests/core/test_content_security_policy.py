"""Every kind of page is served with a Content-Security-Policy, and none of them needs an exception to it.

The policy allows only the platform's own scripts, styles, fonts and images. A page that carried an inline
script, an event handler attribute (onclick=…), an inline style or a `javascript:` link would either break under
the policy or need it loosened; this crawl of one page of every kind, on the demo data, keeps both from happening.
"""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from infitah.bodies.models import AdvisoryBody, Opinion
from infitah.consultations.models import Consultation, Contribution
from infitah.core.security import content_security_policy
from infitah.events.models import Event
from infitah.programs.models import Commitment, Program
from infitah.territories.models import Membership
from tests.demo_data import load_demo
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Data blocks, not scripts: a browser never runs them (the API docs keep their settings in one).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts and styles, handler attributes, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> block")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "style":
                self.found.append(f"<{tag} style=…>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}=javascript:…>")

    handle_startendtag = handle_starttag


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def parse_policy(header):
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in (p.strip() for p in header.split(";")) if part}


@pytest.fixture
def demo():
    with translation.override("en"):
        load_demo()


def public_pages():
    program = Program.objects.filter(versions__isnull=False).distinct().order_by("pk").first()
    consultation = Consultation.objects.order_by("pk").first()
    # The report is public once a consultation has closed.
    closed = Consultation.objects.filter(closes_at__lt=timezone.now()).order_by("pk").first()
    event = Event.objects.filter(is_published=True).order_by("pk").first()
    body = AdvisoryBody.objects.order_by("pk").first()
    member = Membership.objects.select_related("collectivity").order_by("pk").first()
    today = date.today()
    return {
        "home": reverse("core:home"),
        "network": reverse("territories:network"),
        "member": member.get_absolute_url(),
        "charter": reverse("territories:charter"),
        "programs": reverse("programs:list"),
        "program": program.get_absolute_url(),
        "program version": program.versions.first().get_absolute_url(),
        "compare": reverse("programs:compare", args=[program.pk]),
        "commitments library": reverse("programs:library"),
        "commitment": Commitment.objects.order_by("pk").first().get_absolute_url(),
        "consultations": reverse("consultations:list"),
        "consultation": consultation.get_absolute_url(),
        "contribution": Contribution.objects.filter(is_hidden=False).order_by("pk").first().get_absolute_url(),
        "report": reverse("consultations:report", args=[closed.pk]),
        "events": reverse("events:list"),
        "event": event.get_absolute_url(),
        "calendar": reverse("events:calendar", args=[today.year, today.month]),
        "bodies": reverse("bodies:list"),
        "body": body.get_absolute_url(),
        "associations": reverse("associations:list"),
        "openness index": reverse("openness_index:dashboard"),
        "openness index member": reverse("openness_index:member", args=["07"]),
        "openness index method": reverse("openness_index:method"),
        "sign-up": reverse("account_signup"),
        "login": reverse("account_login"),
        "password reset": reverse("account_reset_password"),
        "not found": "/en/no-such-page/",
        "API docs": "/api/v1/docs",
    }


def signed_in_pages():
    program = Program.objects.order_by("pk").first()
    event = Event.objects.order_by("pk").first()
    opinion = Opinion.objects.order_by("pk").first()
    return {
        "profile": reverse("accounts:profile"),
        "notifications": reverse("participation:notifications"),
        "opinion": opinion.get_absolute_url() if opinion else reverse("bodies:list"),
        "program draft editor": reverse("programs:draft", args=[program.pk]),
        "event agenda editor": reverse("events:agenda", args=[event.pk]),
        "admin index": reverse("admin:index"),
        "admin change list": reverse("admin:events_event_changelist"),
        "admin change form": reverse("admin:events_event_change", args=[event.pk]),
        "admin add form": reverse("admin:programs_program_add"),
    }


def crawl(client, pages):
    problems = {}
    for kind, url in pages.items():
        response = client.get(url)
        if response.status_code != (404 if kind == "not found" else 200):
            problems[kind] = f"{url} answered {response.status_code}"
            continue
        header = response.headers.get("Content-Security-Policy")
        if not header:
            problems[kind] = f"{url} has no Content-Security-Policy"
            continue
        policy = parse_policy(header)
        wrong = {name: policy.get(name) for name, sources in POLICY.items() if policy.get(name) != sources}
        if wrong:
            problems[kind] = f"{url}: {wrong}"
        found = inline_code(response.content.decode())
        if found:
            problems[kind] = f"{url}: {sorted(set(found))}"
    return problems


def test_every_public_page_kind_has_the_policy_and_no_inline_code(client, demo):
    with translation.override("en"):
        pages = public_pages()

    assert not crawl(client, pages)


def test_every_signed_in_and_back_office_page_kind_has_the_policy_and_no_inline_code(client, demo):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with translation.override("en"):
        pages = signed_in_pages()

    assert not crawl(client, pages)


def test_the_header_lists_every_directive_of_the_policy():
    assert parse_policy(content_security_policy()) | POLICY == parse_policy(content_security_policy())


def test_a_page_that_sets_its_own_policy_keeps_it(rf):
    from django.http import HttpResponse

    from infitah.core.security import ContentSecurityPolicyMiddleware

    def view(request):
        response = HttpResponse("")
        response.headers["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = ContentSecurityPolicyMiddleware(view)(rf.get("/"))

    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<script src="/static/a.js"></script><script type="application/json">{}</script>', []),
        ("<script>alert(1)</script>", ["<script> without src"]),
        ('<p style="color:red">', ["<p style=…>"]),
        ("<style>p{}</style>", ["<style> block"]),
        ('<img src="x.png" onerror="alert(1)">', ["<img onerror=…>"]),
        ('<a href="javascript:alert(1)">', ["<a href=javascript:…>"]),
        ("<p>onclick=&quot;x&quot; style=&quot;y&quot; &lt;script&gt;</p>", []),
    ],
)
def test_the_crawl_recognises_inline_code(html, found):
    assert inline_code(html) == found
