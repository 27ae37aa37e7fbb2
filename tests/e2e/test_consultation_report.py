"""In Chromium, in Arabic: a visitor opens a closed consultation's report, asks for the PDF, sees it ready, downloads
it, and the PDF's text holds the Arabic title of the commitment that was consulted."""

import datetime
import subprocess

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from infitah.consultations.models import ResponseOutcome
from infitah.programs.versions import publish_version
from tests.consultations.factories import ConsultationFactory, ContributionFactory, ResponseFactory
from tests.factories import CommuneFactory, UserFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

# Without the lam-alef ligature, which pdftotext splits.
TITLE_WORDS = "نشر الميزانية بصيغة مفتوحة"


@pytest.fixture
def closed_consultation(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    program = ProgramFactory(collectivity=commune, phase="public_consultation")
    axis = AxisFactory(program=program, title={"ar": "الشفافية", "fr": "Transparence"})
    CommitmentFactory(axis=axis, title={"ar": TITLE_WORDS, "fr": "Publier le budget en format ouvert"})
    version = publish_version(program, None)
    consultation = ConsultationFactory(
        program=program,
        version=version,
        title={"ar": "استشارة حول برنامج الانفتاح", "fr": "Consultation sur le programme"},
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(days=2),
    )
    key = version.snapshot["axes"][0]["commitments"][0]["key"]
    contribution = ContributionFactory(
        consultation=consultation, author=UserFactory(full_name="سلمى"), commitment_key=key, body="ننتظر النشر كل شهر"
    )
    ResponseFactory(
        contribution=contribution, outcome=ResponseOutcome.RETAINED, reason={"ar": "سيُدرج في الصيغة المقبلة"}
    )
    return consultation


def test_a_visitor_downloads_the_arabic_pdf_report(page, closed_consultation, tmp_path, screenshot_dir):
    with translation.override("ar"):
        report_url = f"/ar/consultations/{closed_consultation.pk}/report/"
    page.goto(report_url)
    expect(page.get_by_text("ننتظر النشر كل شهر")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "consultation-report-ar.png"), full_page=True)

    page.locator(f'a[href="/ar/consultations/{closed_consultation.pk}/report/pdf/ar/"]').click()
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    download_link = page.locator("main a[download]")
    with page.expect_download() as caught:
        download_link.click()
    saved = tmp_path / "report.pdf"
    caught.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    text = subprocess.run(  # noqa: S603 - poppler's pdftotext on the file this test saved
        ["/usr/bin/pdftotext", str(saved), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert TITLE_WORDS in text
    assert "ننتظر النشر كل شهر" in text
