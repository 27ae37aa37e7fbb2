"""In Chromium: pages run under the Content-Security-Policy without a single violation (the API docs' Swagger UI
and the back office included), and text too large for the server is put back in the form it was typed in."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.factories import CommuneFactory
from tests.participation.world import LABEL, register_discussions

VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation it reports (event or console message) collected."""
    reported = []
    page.add_init_script(VIOLATION_LISTENER)
    page.on(
        "console",
        lambda message: reported.append(message.text) if "Content Security Policy" in message.text else None,
    )

    def violations():
        return reported + page.evaluate("window.__cspViolations || []")

    page.violations = violations
    return page


def test_public_pages_and_the_api_docs_run_without_a_policy_violation(watched, network_world):
    commune = network_world["commune"]
    for url in ["/ar/", "/fr/network/", f"/ar/network/members/{commune.code}/", "/ar/accounts/signup/"]:
        response = watched.goto(url)
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        expect(watched.locator("link[rel=stylesheet]").first).to_be_attached()
        # The platform's own stylesheet applied: the header is laid out, not raw HTML.
        assert watched.evaluate("getComputedStyle(document.querySelector('.site-header')).display") != "inline"
        assert watched.violations() == [], url

    watched.goto("/api/v1/docs")
    # Swagger UI, served from ninja's own static files, draws the API under the policy.
    expect(watched.locator(".swagger-ui .information-container .title")).to_be_visible()
    expect(watched.locator(".swagger-ui .opblock").first).to_be_visible()
    assert watched.violations() == []


def test_the_back_office_runs_without_a_policy_violation(watched, verified_user_factory, log_in):
    admin = verified_user_factory(is_staff=True, is_superuser=True)
    log_in(admin.email, language="fr")

    for url in ["/fr/admin/", "/fr/admin/events/event/add/", "/fr/admin/territories/collectivity/"]:
        watched.goto(url)
        expect(watched.locator("#content h1")).to_be_visible()
        assert watched.violations() == [], url


@pytest.fixture
def discussion(request, transactional_db):
    from tests.factories import AdvisoryBodyFactory

    register_discussions(request)
    return AdvisoryBodyFactory(collectivity=CommuneFactory(), name={"ar": "هيئة الشباب", "fr": "Instance des jeunes"})


def test_a_comment_too_large_for_the_server_is_put_back_in_the_form(
    watched, discussion, verified_user_factory, log_in, settings
):
    citizen = verified_user_factory(full_name="سلمى الإدريسي")
    log_in(citizen.email)
    # A small server limit stands for the real one (2.5 MB): the browser keeps the text the same way.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1500
    text = "نقترح إحداث خط حافلات يربط الأحياء بالمستشفى الإقليمي. " * 12
    with translation.override("ar"):
        comment_label = translation.gettext("Your comment")
        title = translation.gettext("Too much text sent at once")
        back = translation.gettext("Back to the form")

    watched.goto(f"/ar/participation/comments/{LABEL}/{discussion.pk}/")
    watched.get_by_label(comment_label).fill(text)
    watched.locator(".comment-form [type=submit]").click()

    expect(watched.get_by_role("heading", name=title)).to_be_visible()
    watched.get_by_role("link", name=back).click()
    expect(watched.get_by_label(comment_label)).to_have_value(text)
    assert watched.violations() == []
