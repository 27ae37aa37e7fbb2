"""Issuing, finding and revoking API tokens (the only code that writes ApiToken rows).

A secret reads `inf_<prefix>_<random>`: the prefix finds the row, the keyed hash of the whole secret (HMAC-SHA256
with a key derived from SECRET_KEY) is compared in constant time. The secret itself is never stored.
"""

import hmac
import secrets
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.crypto import salted_hmac

from infitah.accounts.models import User
from infitah.api.models import ApiToken

SCHEME = "inf"
# last_used is written at most once a minute per token: a busy script does not write on every call.
LAST_USED_PRECISION = timedelta(minutes=1)


def secret_hash(secret: str) -> str:
    return salted_hmac("infitah.api.tokens", secret, algorithm="sha256").hexdigest()


def issue(user: User, name: str, expires: datetime | None = None) -> tuple[ApiToken, str]:
    """A new token of `user` and its secret, which the caller shows once."""
    prefix = secrets.token_hex(6)
    secret = f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=prefix, secret_hash=secret_hash(secret), expires=expires
    )
    return token, secret


def _prefix_of(secret: str) -> str | None:
    parts = secret.split("_", 2)
    if len(parts) != 3 or parts[0] != SCHEME or not parts[1] or len(parts[1]) > 16:
        return None
    return parts[1]


def authenticate(secret: str) -> ApiToken | None:
    """The active token whose secret this is (its use recorded), or None: unknown, revoked, expired, or its user
    deactivated."""
    prefix = _prefix_of(secret or "")
    if prefix is None:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, secret_hash(secret)):
        return None
    now = timezone.now()
    if not token.is_active(now) or not token.user.is_active:
        return None
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token


def revoke(token: ApiToken) -> None:
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])


def tokens_of(user: User):
    return ApiToken.objects.filter(user=user)
