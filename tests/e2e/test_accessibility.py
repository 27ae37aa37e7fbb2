"""axe-core, run in the browser, finds no accessibility violation at all (whatever its impact) on any kind of page,
in Arabic, French and Tamazight, on a wide screen and on a phone-sized one.

The demo data is loaded once, and one browser page visits every page kind in turn: a test per page kind would load
the demo and start a page each time. Every violation found is reported together at the end, page by page.
"""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from infitah.core.management.commands.demo import DEMO_PASSWORD
from tests.demo_data import load_demo

LANGUAGES = ("ar", "fr", "zgh")
WIDTHS = (1280, 360)


def describe(violations):
    lines = []
    for violation in violations:
        targets = [
            ", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in violation["nodes"]
        ]
        lines.append(f"  - {violation['id']} ({violation['impact']}): {violation['help']} → {targets[:5]}")
    return "\n".join(lines)


def demo_world():
    """Load the demo once and name one object of each kind of page."""
    from infitah.bodies.models import AdvisoryBody, Opinion
    from infitah.consultations.models import Consultation
    from infitah.events.models import Event
    from infitah.programs.demo import REGION_FOCAL_POINT
    from infitah.programs.models import Program
    from infitah.territories.models import CommitmentStanding, Membership

    load_demo()
    program = Program.objects.public().order_by("pk").first()
    adopted = Program.objects.public().filter(reference_version__isnull=False).order_by("pk").first()
    tracked = adopted.reference_version.snapshot["axes"][0]["commitments"][0]
    event = Event.objects.published().order_by("starts_at").first()
    # Marrakech-Safi ("07") has standings on the charter: its member page holds the widest table of the network's
    # pages, which a phone must scroll sideways.
    standing = CommitmentStanding.objects.filter(membership__collectivity__code="07").first()
    assert standing is not None, "the demo's member 07 has standings on the charter's commitments"
    from infitah.practices.models import Practice
    from infitah.resources.models import Resource

    library = {
        "practice": Practice.objects.published().order_by("pk").first().pk,
        "resource": Resource.objects.filter(versions__isnull=False).order_by("pk").first().pk,
    }
    return {
        **library,
        "member": Membership.objects.order_by("collectivity__code").first().collectivity.code,
        "member_with_standings": standing.membership.collectivity.code,
        "program": program.pk,
        "consultation": Consultation.objects.order_by("pk").first().pk,
        "event": event.pk,
        "month": event.starts_at.strftime("%Y/%-m"),
        "body": AdvisoryBody.objects.order_by("pk").first().pk,
        "opinion": Opinion.objects.order_by("pk").first().pk,
        "focal_point": REGION_FOCAL_POINT,
        "adopted": adopted.pk,
        "commitment": adopted.commitments.order_by("pk").first().pk,
        "tracked": tracked["key"],
        "news": _first_news(),
        "forum_thread": _forum_thread(),
    }


def _first_news():
    from infitah.news.models import NewsItem

    return NewsItem.objects.order_by("pk").first().pk  # the seed article


def _forum_thread():
    from infitah.forum.models import Thread

    return Thread.objects.public().order_by("pk").first().pk


PUBLIC_PAGES = {
    "home": "",
    "network": "network/",
    "member": "network/members/{member}/",
    "member with charter standings": "network/members/{member_with_standings}/",
    "contact": "network/members/{member}/contact/",
    "charter": "network/charter/",
    "programs": "programs/",
    "program": "programs/{program}/",
    "compare": "programs/{program}/compare/",
    "commitment": "programs/commitments/{commitment}/",
    "tracker": "monitoring/programs/{adopted}/",
    "tracker-commitment": "monitoring/programs/{adopted}/commitments/{tracked}/",
    "monitoring-report": "monitoring/programs/{adopted}/reports/2024-2/",
    "consultations": "consultations/",
    "consultation": "consultations/{consultation}/",
    "report": "consultations/{consultation}/report/",
    "events": "events/",
    "event": "events/{event}/",
    "calendar": "events/calendar/{month}/",
    "bodies": "bodies/",
    "body": "bodies/{body}/",
    "opinion": "bodies/opinions/{opinion}/",
    "openness index": "openness-index/?member=07",
    "openness index member": "openness-index/members/07/",
    "openness index method": "openness-index/method/",
    "budgets": "budgets/",
    "budgets member": "budgets/07/",
    "budget year": "budgets/07/2025/",
    "budgets compared": "budgets/07/compare/",
    "practices": "practices/",
    "practice": "practices/{practice}/",
    "resources": "resources/",
    "resource": "resources/{resource}/",
    "council calendar": "council/",
    "council member sessions": "council/members/07/",
    "accessibility": "accessibility/",
    "news": "news/",
    "news item": "news/{news}/",
    "forum": "forum/",
    "forum category": "forum/c/co-creation/",
    "forum thread": "forum/t/{forum_thread}/",
    "open data": "open-data/",
    "open data dataset": "open-data/events/",
    "login": "accounts/login/",
    "sign-up": "accounts/signup/",
    "search": "search/?q=%D8%A7%D9%84%D9%85%D8%B3%D8%A7%D8%A6%D9%84%D8%A9",  # المسائلة
    "search without words": "search/",
}
SIGNED_IN_PAGES = {
    "landing": "accounts/home/",
    "profile": "accounts/profile/",
    "notifications": "participation/notifications/",
    "share a practice": "practices/new/",
    "your practices": "practices/desk/",
    "publish a resource": "resources/new/",
}


def check(page, axe, path, failures, screenshot=None):
    response = page.goto(path)
    if response.status != 200:
        failures.append(f"{path}: HTTP {response.status}")
        return
    page.evaluate("document.fonts.ready")
    if screenshot is not None:
        page.screenshot(path=screenshot, full_page=True)
    violations = axe.run(page).response["violations"]
    if violations:
        failures.append(f"{path} at {page.viewport_size['width']}px:\n{describe(violations)}")


def test_no_accessibility_violation_on_any_page_kind_in_any_language_or_width(page, log_in, screenshot_dir):
    world = demo_world()
    axe = Axe()
    failures = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for language in LANGUAGES:
            for path in PUBLIC_PAGES.values():
                check(page, axe, f"/{language}/{path.format(**world)}", failures)
    log_in(world["focal_point"], DEMO_PASSWORD)
    # Signed in, the person lands on what waits for them (the pages below are theirs, not the login page).
    expect(page.get_by_role("heading", level=1)).to_have_text("ما ينتظرك")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for language in LANGUAGES:
            for name, path in SIGNED_IN_PAGES.items():
                shot = screenshot_dir / f"{name}-{language}-{width}.png" if name == "landing" else None
                check(page, axe, f"/{language}/{path.format(**world)}", failures, shot)
    assert not failures, f"{len(failures)} page(s) with accessibility violations:\n" + "\n".join(failures)
