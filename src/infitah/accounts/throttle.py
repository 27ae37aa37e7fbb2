"""Login throttling that stops guessing without locking the owner out.

Failed logins are counted in the shared cache (Redis when REDIS_URL is set, else the database cache: see
settings.CACHES), so every app process applies the same limit. Three counters, over a sliding window:

- per client address, whatever account it tries: stops one address guessing many accounts;
- per (address, account): stops one address guessing one account;
- per account, from every address: when it is high the account is being guessed from many places, and then
  only addresses with no recent failure for it may try. The owner, typing the right password from their usual
  address, still gets in; each guessing address gets one try per window.

The check runs before the password is checked, so a refused attempt tells nothing about the password, and
refused attempts are not counted. Cache keys are keyed hashes: the cache holds no address or e-mail in clear.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils.crypto import salted_hmac


@dataclass(frozen=True)
class Limits:
    per_address: int = 30
    per_address_and_account: int = 5
    per_account: int = 10
    window_seconds: int = 15 * 60


@dataclass(frozen=True)
class Failures:
    address: int = 0
    address_and_account: int = 0
    account: int = 0


def may_try(failures: Failures, limits: Limits) -> bool:
    """Whether a login attempt may have its password checked, given the recent failures."""
    if failures.address >= limits.per_address:
        return False
    if failures.address_and_account >= limits.per_address_and_account:
        return False
    # An account guessed from many places: only addresses that have not failed on it recently may try.
    return not (failures.account >= limits.per_account and failures.address_and_account > 0)


def limits() -> Limits:
    return Limits(**getattr(settings, "INFITAH_LOGIN_LIMITS", {}))


def _digest(*parts: str) -> str:
    return salted_hmac("infitah.login-throttle", "\x00".join(parts)).hexdigest()[:32]


def _scope_keys(address: str, account: str | None) -> dict[str, str]:
    account = (account or "").strip().lower()
    return {
        "address": f"login-failures:a:{_digest('a', address)}",
        "address_and_account": f"login-failures:p:{_digest('p', address, account)}",
        "account": f"login-failures:u:{_digest('u', account)}",
    }


def _buckets(key: str, window: int, now: float) -> tuple[str, str]:
    """The current and the previous window's counter: together, a window that slides."""
    current = int(now // window)
    return f"{key}:{current}", f"{key}:{current - 1}"


def recent_failures(
    address: str, account: str | None, *, now: float | None = None, limits_: Limits | None = None
) -> Failures:
    limits_ = limits_ or limits()
    now = time.time() if now is None else now
    keys = _scope_keys(address, account)
    buckets = {scope: _buckets(key, limits_.window_seconds, now) for scope, key in keys.items()}
    stored = caches["default"].get_many([bucket for pair in buckets.values() for bucket in pair])
    return Failures(**{scope: sum(int(stored.get(b) or 0) for b in pair) for scope, pair in buckets.items()})


# Any fixed number: the key of PostgreSQL's advisory lock that serialises the throttle's increments.
_ADVISORY_LOCK = 0x1F1A7A


@contextmanager
def _serialised() -> Iterator[None]:
    """Redis increments atomically. The database cache reads then writes, so the increment runs in a transaction
    that holds a lock: SQLite takes its write lock at BEGIN (transaction_mode IMMEDIATE); PostgreSQL takes an
    advisory lock until the commit. Two processes then never lose a count."""
    cache = caches["default"]
    if not isinstance(cache, DatabaseCache):
        yield
        return
    alias = router.db_for_write(cache.cache_model_class)
    with transaction.atomic(using=alias):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])
        yield


def _increment(bucket: str, timeout: int) -> None:
    cache = caches["default"]
    with _serialised():
        if cache.add(bucket, 1, timeout=timeout):
            return
        if isinstance(cache, DatabaseCache):
            cache.set(bucket, int(cache.get(bucket) or 0) + 1, timeout=timeout)
            return
        try:
            cache.incr(bucket)
        except ValueError:  # expired between add and incr
            cache.add(bucket, 1, timeout=timeout)


def record_failure(
    address: str, account: str | None, *, now: float | None = None, limits_: Limits | None = None
) -> None:
    limits_ = limits_ or limits()
    now = time.time() if now is None else now
    for key in _scope_keys(address, account).values():
        current, _previous = _buckets(key, limits_.window_seconds, now)
        _increment(current, timeout=2 * limits_.window_seconds)


def record_success(
    address: str, account: str | None, *, now: float | None = None, limits_: Limits | None = None
) -> None:
    """The right password from this address: its own failures on this account are forgiven. The account's and
    the address's counters stay, or an attacker could reset them by logging into an account of their own."""
    limits_ = limits_ or limits()
    now = time.time() if now is None else now
    key = _scope_keys(address, account)["address_and_account"]
    caches["default"].delete_many(list(_buckets(key, limits_.window_seconds, now)))
