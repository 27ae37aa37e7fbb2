"""Training materials are stored under a random name and handed out as a download under the name they were given;
an unpublished event keeps its materials from the public."""

import pytest
from django.core.files.base import ContentFile

from infitah.events.models import EventKind, TrainingMaterial
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def material_of(event, name="دليل المشارك.pdf"):
    material = TrainingMaterial(event=event, title={"ar": "دليل المشارك"}, original_name=name)
    material.file.save(name, ContentFile(b"%PDF-1.4 guide"), save=True)
    return material


def test_a_material_is_stored_under_a_random_name_and_downloaded_under_its_own(client):
    material = material_of(EventFactory(kind=EventKind.TRAINING))
    assert "دليل" not in material.file.name and material.file.name.endswith(".pdf")
    assert material.file.name != material_of(material.event).file.name
    response = client.get(f"/ar/events/materials/{material.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%D8%AF%D9%84%D9%8A%D9%84" in response["Content-Disposition"]  # دليل, encoded
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_materials_of_an_unpublished_event_are_not_public(client):
    material = material_of(EventFactory(kind=EventKind.TRAINING, is_published=False))
    assert client.get(f"/ar/events/materials/{material.pk}/").status_code == 404
