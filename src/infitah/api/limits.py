"""Rate limits of the API, in fixed windows counted in the shared cache.

- Writes, per token: INFITAH_API_RATE_WRITES (default "60/min").
- Anonymous reads, per address: INFITAH_API_RATE_READS (default "600/min").
- Reads with a token, per token: INFITAH_API_RATE_TOKEN_READS (default "1200/min").

A rate is "N/sec", "N/min", "N/hour" or "N/day". Over it, the answer is a 429 problem with Retry-After: the seconds
until the window ends. Counters live in Redis when REDIS_URL is set; without it, in a per-process memory cache rather
than the database cache, so that a read costs no query (the limit then holds per worker). Keys are keyed hashes:
the cache holds no address or token in clear.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from ninja.throttling import BaseThrottle

PERIODS = {"sec": 1, "s": 1, "min": 60, "m": 60, "hour": 3600, "h": 3600, "day": 86400, "d": 86400}
DEFAULTS = {"writes": "60/min", "reads": "600/min", "token_reads": "1200/min"}
_local = LocMemCache("infitah-api-limits", {"MAX_ENTRIES": 100000})


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def parse_rate(text: str) -> Rate:
    """ "60/min" → Rate(60, 60); a ValueError for anything else (a setting's typo should fail loudly)."""
    count, _slash, period = text.strip().partition("/")
    if not count.isdigit() or period not in PERIODS or int(count) < 1:
        raise ValueError(f"not a rate: {text!r} (e.g. 60/min)")
    return Rate(int(count), PERIODS[period])


def rate(kind: str) -> Rate:
    return parse_rate(getattr(settings, f"INFITAH_API_RATE_{kind.upper()}", DEFAULTS[kind]))


def now() -> float:
    """The clock of the windows (tests replace it rather than wait)."""
    return time.time()


def counters() -> BaseCache:
    cache = caches["default"]
    return _local if isinstance(cache, DatabaseCache) else cache


def hit(key: str, limit: Rate) -> tuple[bool, int]:
    """Count one request under `key`: (allowed, seconds until the window ends)."""
    moment = now()
    window = int(moment // limit.seconds)
    remaining = max(1, int((window + 1) * limit.seconds - moment + 0.999))
    cache_key = f"api-rate:{key}:{limit.seconds}:{window}"
    cache = counters()
    if cache.add(cache_key, 1, timeout=limit.seconds + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=limit.seconds + 1)
            count = 1
    return count <= limit.requests, remaining


def _digest(*parts: str) -> str:
    return salted_hmac("infitah.api.limits", "\x00".join(parts)).hexdigest()[:32]


def client_address(request: HttpRequest) -> str:
    """The address as the login limits see it: allauth's, which honours the trusted proxies configured with
    ALLAUTH_TRUSTED_PROXY_COUNT behind a reverse proxy (docs/deployment.md)."""
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import PermissionDenied

    try:
        return get_adapter(request).get_client_ip(request) or ""
    except PermissionDenied:
        return request.META.get("REMOTE_ADDR", "")


class FixedWindowLimit(BaseThrottle):
    """Every API operation passes through this one throttle (NinjaAPI(throttle=...))."""

    def __init__(self) -> None:
        self.retry_after: int | None = None

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "api_token", None)
        if token is not None:
            kind = "reads" if request.method in ("GET", "HEAD") else "writes"
            key, limit = f"t:{kind}:{_digest('t', str(token.pk))}", rate("token_reads" if kind == "reads" else kind)
        else:
            key, limit = f"a:{_digest('a', client_address(request))}", rate("reads")
        allowed, self.retry_after = hit(key, limit)
        return allowed

    def wait(self) -> float | None:
        return self.retry_after
