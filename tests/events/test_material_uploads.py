"""Training materials uploaded in the back office go through the same structural check as every attachment."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from infitah.events.models import Event, TrainingMaterial
from tests.events.test_admin import ADD, event_form, translated
from tests.files import HTML_PAGE, pdf_bytes

pytestmark = pytest.mark.django_db


def with_material(data, name, content):
    data = dict(data)
    data.update({"materials-TOTAL_FORMS": 1, "materials-0-file": SimpleUploadedFile(name, content)})
    data.update({f"materials-0-{key}": value for key, value in translated("title", {"fr": "Guide"}).items()})
    return data


def test_an_html_page_carrying_the_pdf_signature_is_refused_in_the_back_office(client, people):
    client.force_login(people.editor)

    polyglot = b"<!-- %PDF-1.7 -->\n" + HTML_PAGE
    response = client.post(ADD, with_material(event_form(people.commune_a), "guide.pdf", polyglot))

    assert response.status_code == 200
    assert "does not match its .pdf extension" in response.content.decode()
    assert not Event.objects.exists()
    assert not TrainingMaterial.objects.exists()


def test_a_genuine_pdf_is_accepted_as_a_training_material(client, people):
    client.force_login(people.editor)

    response = client.post(ADD, with_material(event_form(people.commune_a), "guide.pdf", pdf_bytes()))

    assert response.status_code == 302, response.content.decode()[:2000]
    assert TrainingMaterial.objects.get().original_name == "guide.pdf"
