"""Every text a person can type has a stated limit, enforced by the form and by model validation.

The association description once took 200,000 characters. These tests walk every model and every form of the
platform, so a text field added without a limit fails here rather than in production.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import formats, translation

import infitah
from infitah.accounts.models import Association
from infitah.core.translation import MULTILINE_MAX_LENGTH, TranslatedField, TranslatedFormField
from infitah.participation.models import Comment
from tests.factories import AssociationFactory, CommuneFactory, UserFactory


def platform_models():
    return [model for model in apps.get_models() if model.__module__.startswith("infitah.")]


def platform_forms():
    for module in pkgutil.walk_packages(infitah.__path__, "infitah."):
        if ".migrations" not in module.name and not module.name.endswith(("__main__", ".wsgi")):
            importlib.import_module(module.name)
    found, pending = set(), [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("infitah."):
                found.add(subclass)
    return sorted(found, key=lambda form: f"{form.__module__}.{form.__name__}")


def limit_of(field):
    if isinstance(field, TranslatedFormField):
        return field.max_length
    return field.max_length or field.widget.attrs.get("maxlength")


def is_multiline(field):
    widget = field.widget.widgets[0] if isinstance(field, TranslatedFormField) else field.widget
    return isinstance(widget, forms.Textarea)


def stated(limit, help_text):
    return any(
        number in str(help_text) for number in (str(limit), formats.number_format(int(limit), force_grouping=True))
    )


def test_every_text_column_of_every_model_has_a_limit_that_model_validation_checks():
    unlimited = []
    for model in platform_models():
        for field in model._meta.concrete_fields:
            if not field.editable:
                continue
            if isinstance(field, TranslatedField) and not field.text_max_length:
                unlimited.append(f"{model.__name__}.{field.name}")
            if isinstance(field, models.TextField) and not (
                field.max_length and any(isinstance(v, MaxLengthValidator) for v in field.validators)
            ):
                unlimited.append(f"{model.__name__}.{field.name}")

    assert not unlimited


def test_every_text_field_of_every_form_has_a_limit_and_a_text_area_states_it():
    assert len(platform_forms()) > 30, "the walk finds the platform's forms"
    unlimited, unstated = [], []
    with translation.override("en"):
        for form in platform_forms():
            for name, field in form.base_fields.items():
                if not isinstance(field, forms.CharField | TranslatedFormField):
                    continue
                where = f"{form.__module__}.{form.__name__}.{name}"
                limit = limit_of(field)
                if not limit:
                    unlimited.append(where)
                elif is_multiline(field) and not stated(limit, field.help_text):
                    unstated.append(where)

    assert not unlimited, "text fields without a limit"
    assert not unstated, "text areas whose help text does not state the limit"


@pytest.mark.django_db
def test_a_too_long_association_description_is_refused_by_model_validation():
    association = AssociationFactory(description={"fr": "x" * (MULTILINE_MAX_LENGTH + 1)})

    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            association.full_clean()
        messages = refused.value.message_dict["description"]

    assert messages == ["The fr text is too long (5001 characters; the limit is 5000)."]


@pytest.mark.django_db
def test_a_too_long_comment_is_refused_by_model_validation(settings):
    from infitah.participation.text import COMMENT_MAX_LENGTH

    with pytest.raises(ValidationError) as refused:
        Comment(body="x" * (COMMENT_MAX_LENGTH + 1)).clean_fields(exclude=["content_type", "object_id"])

    assert "body" in refused.value.message_dict


@pytest.mark.django_db
def test_the_association_form_refuses_200000_characters_with_the_limit_and_keeps_the_text(client):
    client.force_login(UserFactory())
    seat = CommuneFactory()
    text = "جمعية تعمل على تتبع الميزانية. " * 6500  # about 200,000 characters
    data = {
        "name_0": "جمعية الشفافية",
        "name_1": "Association Transparence",
        "name_2": "",
        "name_3": "",
        "registration_date": "2020-01-15",
        "seat": seat.pk,
        "description_0": text,
        "description_1": "",
        "description_2": "",
        "description_3": "",
        "title": "",
    }

    response = client.post("/en/associations/register/", data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 5000 characters" in html
    assert "At most 5,000 characters in each language." in html
    assert text[:300] in html, "the text typed comes back in the form"
    assert not Association.objects.exists()
