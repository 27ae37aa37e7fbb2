"""How long `infitah serve` takes to answer /healthz: the first start in a fresh data dir (static files collected
once) and the next starts (nothing to collect). Printed in seconds and as a ratio, measured in one run.

Goal: a start with nothing to collect answers in under 5 s on this project's 2-core machines.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goals import goal
from run import INFITAH, bench_env, free_port, machine, start_server, stop_server, wait_until_up

RESTARTS = 3
# The first start collects and compresses every static file: minutes on a busy two-core machine.
FIRST_START_TIMEOUT = 600


def time_to_first_answer(env, log):
    port = free_port()
    started = time.monotonic()
    server = start_server(env, port, log)
    try:
        wait_until_up(server, port, timeout=FIRST_START_TIMEOUT)
        return time.monotonic() - started
    finally:
        stop_server(server)


def main():
    with tempfile.TemporaryDirectory(prefix="infitah-bench-serve-") as data_dir:
        env = bench_env(data_dir)
        subprocess.run([*INFITAH, "migrate", "--verbosity", "0"], env=env, check=True)  # noqa: S603
        with (Path(data_dir) / "server.log").open("w") as log:
            first = time_to_first_answer(env, log)
            later = sorted(time_to_first_answer(env, log) for _ in range(RESTARTS))
    median = later[len(later) // 2]
    print(f"infitah serve, seconds to the first /healthz answer ({machine()}):")
    print(f"  first start (collects static files): {first:6.1f} s")
    print(f"  later starts, median of {RESTARTS}:        {median:6.1f} s   (goal < 5 s)")
    print(f"  ratio later / first:                 {median / first:6.2f}")
    goal(
        "seconds from `infitah serve` to /healthz, nothing to collect",
        measured=median,
        target=5,
        higher_is_better=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
