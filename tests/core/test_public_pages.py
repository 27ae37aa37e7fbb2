"""Pages people and search engines expect: robots.txt, sitemap.xml (public pages only, every language, with
alternates) and the accessibility statement."""

import pytest
from django.utils import translation

from infitah.programs.phases import Phase
from tests.bodies.factories import OpinionFactory
from tests.consultations.factories import ConsultationFactory, published_program
from tests.events.factories import EventFactory
from tests.factories import AdvisoryBodyFactory, CommuneFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_engines_out_of_private_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    for language in ("ar", "fr", "en", "zgh"):
        assert f"Disallow: /{language}/admin/" in text and f"Disallow: /{language}/accounts/" in text
    assert "Disallow: /api/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_public_pages_in_every_language_with_alternates(client):
    member = MembershipFactory(collectivity=CommuneFactory(code="07.351.01"))
    public = published_program(member.collectivity)
    draft = published_program(CommuneFactory())
    consultation = ConsultationFactory(program=public)
    hidden_consultation = ConsultationFactory(program=draft)
    type(draft).objects.filter(pk=draft.pk).update(phase=Phase.PREPARATION)
    published, unpublished = EventFactory(), EventFactory(is_published=False)
    body = AdvisoryBodyFactory(collectivity=member.collectivity)
    opinion = OpinionFactory(body=body)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for language in ("ar", "fr", "en", "zgh"):
        assert f"<loc>http://testserver/{language}/</loc>" in xml
        assert f"<loc>http://testserver/{language}/network/members/07.351.01/</loc>" in xml
        assert f"<loc>http://testserver/{language}/programs/{public.pk}/</loc>" in xml
        assert f"<loc>http://testserver/{language}/consultations/{consultation.pk}/</loc>" in xml
        assert f"<loc>http://testserver/{language}/events/{published.pk}/</loc>" in xml
        assert f"<loc>http://testserver/{language}/bodies/{body.pk}/</loc>" in xml
        assert f"<loc>http://testserver/{language}/accessibility/</loc>" in xml
    with translation.override("fr"):
        opinion_url = opinion.get_absolute_url()
    assert f'hreflang="fr" href="http://testserver{opinion_url}"' in xml
    assert 'hreflang="ar" href="http://testserver/ar/network/members/07.351.01/"' in xml
    assert 'hreflang="x-default"' in xml
    assert f"/programs/{draft.pk}/" not in xml
    assert f"/consultations/{hidden_consultation.pk}/" not in xml
    assert f"/events/{unpublished.pk}/" not in xml
    assert "/accounts/" not in xml and "/admin/" not in xml


@pytest.mark.parametrize(
    ("language", "heading", "target"),
    [
        ("en", "Accessibility statement", "WCAG) 2.1"),
        ("fr", "Déclaration d’accessibilité", "WCAG) 2.1"),
        ("ar", "تصريح إمكانية الولوج", "WCAG) 2.1"),
    ],
)
def test_the_accessibility_statement_says_its_target_limits_how_to_report_and_its_date(
    client, language, heading, target
):
    import re

    response = client.get(f"/{language}/accessibility/")
    html = response.content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<main") : html.index("</main>")]).split())
    assert heading in text and target in text
    assert "2026" in text
    assert f'href="/{language}/accessibility/"' in html  # linked from every page's footer
