"""Personal data encrypted at rest: a model field whose value the database only ever holds as a Fernet token.

The keys come from settings.FIELD_ENCRYPTION_KEYS (the first encrypts, every one decrypts: rotation puts a new key
first, re-saving each row with it retires the old one). A token is random each time, so an
encrypted column can be neither searched nor compared: keep a keyed hash beside it when the process must count.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured("INFITAH_FIELD_KEYS must hold url-safe base64 Fernet keys (32 bytes)") from error


def _current() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plain: str) -> str:
    return PREFIX + _current().encrypt(plain.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError("not an encrypted value")
    try:
        return _current().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        # A missing or wrong key must be loud: silently showing nothing would look like "no ID was given".
        message = "an encrypted value cannot be read with the configured INFITAH_FIELD_KEYS"
        raise ImproperlyConfigured(message) from error


class EncryptedCharField(models.TextField):
    """A short secret (a national ID number) stored encrypted; Python code sees the plain text.

    `max_length` bounds the plain text (forms and model validation check it); the column holds the longer token, as
    a text column without a limit."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        return super().formfield(**{"form_class": forms.CharField, "widget": forms.TextInput, **kwargs})
