"""The Moroccan national identity card number (CNIE): its shape, checked the same way wherever it is asked for.

Pure but for identity_hash's key. The number is one or two letters (the issuing region) then digits; it is stored
upper-case without spaces. Where it is kept at all, it is kept encrypted (core.crypto) or as a keyed hash, never in
clear.
"""

import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SHAPE = re.compile(r"[A-Z]{1,2}[0-9]{1,7}")
_SEPARATORS = re.compile(r"[\s\-./]+")
# Arabic-Indic and Eastern Arabic-Indic digits typed on an Arabic keyboard are the same number.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalise_national_id(value: str) -> str:
    """The number as stored (upper-case, no spaces or dashes, Western digits), or a ValidationError for the form."""
    number = _SEPARATORS.sub("", (value or "").translate(_DIGITS)).upper()
    if not number:
        raise ValidationError(_("Enter your national ID card number."), code="required")
    if not _SHAPE.fullmatch(number):
        raise ValidationError(
            _("A national ID card number is one or two letters followed by digits, for example AB123456."),
            code="invalid",
        )
    return number


def masked(number: str) -> str:
    """For the few people allowed to know a number exists, not to read it: the letters and the last two digits."""
    if not number:
        return ""
    letters = len(number) - len(number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    hidden = max(len(number) - letters - 2, 0)
    return number[:letters] + "•" * hidden + number[letters + hidden :]


def identity_hash(number: str, scope: str) -> str:
    """A keyed hash of a normalised number within `scope` (e.g. one petition): equal numbers give equal hashes in the
    same scope, so a person is counted once, and different ones elsewhere, so two lists cannot be joined on it.
    Without the key (settings.IDENTITY_HASH_KEY) the hash cannot be turned back into a number by trying them all."""
    message = f"{scope}\x00{number}".encode()
    return hmac.new(settings.IDENTITY_HASH_KEY.encode(), message, hashlib.sha256).hexdigest()
