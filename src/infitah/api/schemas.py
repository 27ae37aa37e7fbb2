"""What the apps' API schemas share: translated texts and the short reference to an association."""

from typing import Annotated

from ninja import Field, Schema

TRANSLATED = "Text per language code (ar, fr, en, zgh); languages without text are left out."

# A translated model field ({language code: text}), documented as such.
Translated = Annotated[dict[str, str], Field(description=TRANSLATED)]


class AssociationRef(Schema):
    id: int
    name: Translated
