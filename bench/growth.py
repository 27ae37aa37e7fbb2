"""A page at two network sizes, measured side by side: one server per size, in alternating rounds.

Measured one size after the other, minutes apart, the ratio "1,000 members vs 10" moved with the machine, not with
the page: 0.72 to 1.40 over one idle day with nothing changed (docs/performance.md). Here both sizes are served at
once, from two copies of one data directory (the larger grown from the copy), and every round measures both, each
against its own server's /healthz, the order swapped every other round; the figure is the median of the rounds'
ratios (large / small), so a slow minute of the machine weighs on both sides of one round, not on one size.
"""

import shutil
import statistics
from dataclasses import dataclass

ROUNDS = 9


def copy_data_dir(source, target):
    """The database, keys, media and collected static files of `source`, into `target` (no server running on it)."""
    shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.log"))


@dataclass(frozen=True)
class Growth:
    at_small: float  # median over the rounds of the page's rps / /healthz's, at the small size
    at_large: float
    ratio: float  # median over the rounds of (large / small)


def alternating_growth(rps, small_port, large_port, path, requests, healthz_requests, headers=(None, None)):
    """`rps(port, path, total, headers)` → requests per second; `headers` for the small and the large server."""
    servers = ((small_port, headers[0]), (large_port, headers[1]))
    for port, header in servers:  # per-process caches warm on both
        rps(port, path, max(requests // 4, 4), header)
    at = ([], [])
    for number in range(ROUNDS):
        order = (0, 1) if number % 2 == 0 else (1, 0)
        for size in order:
            port, header = servers[size]
            baseline = rps(port, "/healthz", healthz_requests, None)
            at[size].append(rps(port, path, requests, header) / baseline)
    return Growth(
        at_small=statistics.median(at[0]),
        at_large=statistics.median(at[1]),
        ratio=statistics.median(large / small for small, large in zip(*at, strict=True)),
    )
