"""How many signatures one account and one network address may give in an hour (settings.INFITAH_SIGNING_LIMITS
overrides): beyond, signing is refused with a clear message until the window slides on.

The same counters as the login throttle (accounts.throttle): in the shared cache, over a sliding window of two
buckets, increments serialised on the database cache, keys that are keyed hashes (no address or account in clear).
Only signatures actually given are counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac

from infitah.accounts import throttle


@dataclass(frozen=True)
class Limits:
    per_account: int = 10
    per_address: int = 30
    window_seconds: int = 60 * 60


def limits() -> Limits:
    return Limits(**getattr(settings, "INFITAH_SIGNING_LIMITS", {}))


def _keys(account_pk: int, address: str | None) -> dict[str, str]:
    def digest(*parts: str) -> str:
        return salted_hmac("infitah.petitions.signing", "\x00".join(parts)).hexdigest()[:32]

    keys = {"account": f"petition-signing:u:{digest('u', str(account_pk))}"}
    if address:
        keys["address"] = f"petition-signing:a:{digest('a', address)}"
    return keys


def _buckets(key: str, window: int, now: float) -> tuple[str, str]:
    current = int(now // window)
    return f"{key}:{current}", f"{key}:{current - 1}"


def may_sign(account_pk: int, address: str | None, *, now: float | None = None) -> bool:
    limits_ = limits()
    now = time.time() if now is None else now
    buckets = {scope: _buckets(key, limits_.window_seconds, now) for scope, key in _keys(account_pk, address).items()}
    stored = caches["default"].get_many([bucket for pair in buckets.values() for bucket in pair])
    used = {scope: sum(int(stored.get(bucket) or 0) for bucket in pair) for scope, pair in buckets.items()}
    return used.get("account", 0) < limits_.per_account and used.get("address", 0) < limits_.per_address


def record_signature(account_pk: int, address: str | None, *, now: float | None = None) -> None:
    limits_ = limits()
    now = time.time() if now is None else now
    for key in _keys(account_pk, address).values():
        current, _previous = _buckets(key, limits_.window_seconds, now)
        throttle._increment(current, timeout=2 * limits_.window_seconds)
