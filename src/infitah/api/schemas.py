"""What the apps' API schemas share: translated texts and the short reference to an association."""

from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import BeforeValidator, ValidationInfo

from infitah.core.translation import tr

TRANSLATED = (
    "Text per language code (ar, fr, en, zgh); languages without text are left out. In a list asked with "
    "`?lang=`, one text instead: {text, lang}, lang being the language of the text found (the platform's "
    "fallbacks apply when the asked one is missing)."
)


class LocalText(Schema):
    text: str = Field(description="The text in the asked language, or its first fallback that has one")
    lang: str = Field(description="The language of `text`")


def _in_asked_language(value: Any, info: ValidationInfo) -> Any:
    # AppRouter.paged sets the asked language on the request (ninja passes the request as validation context).
    request = (info.context or {}).get("request")
    lang = getattr(request, "infitah_lang", None)
    if lang is None or not isinstance(value, dict):
        return value
    found = tr(value, lang)
    return {"text": str(found), "lang": found.lang}


# A translated model field ({language code: text}), documented as such.
Translated = Annotated[dict[str, str] | LocalText, BeforeValidator(_in_asked_language), Field(description=TRANSLATED)]


class AssociationRef(Schema):
    id: int
    name: Translated
