"""`make bench`, open data: peak memory of exporting a dataset of 10,000 rows against one of 1,000,000, per format.

The open-data catalogue writes every dataset in constant memory (infitah.opendata.formats): CSV and JSON streamed
chunk by chunk, XLSX through openpyxl's write-only mode into a temporary file. This bench registers a synthetic
dataset whose rows come from a generator (no database: what is measured is the writer, not SQLite) and exports it
through `core.datasets.table()` exactly as a download does, the output thrown away (CSV, JSON) or written to a
temporary file (XLSX).

Each export runs in a fresh process (this script with `--one FORMAT ROWS`): the peak of Python's allocations during
the export (tracemalloc; for XLSX the process's peak resident memory, see TRACED), and the growth of the process's
resident memory (ru_maxrss after the export minus before), which also sees what C code allocates. Goal: the
1,000,000-row peak at most 1.5 times the 10,000-row peak. Time per 100,000 rows is measured apart, in a process
without tracemalloc (it slows allocation).

Alone: `INFITAH_DATA_DIR=$(mktemp -d) .venv/bin/python bench/open_data_export.py`.
"""

import datetime
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from goals import goal

SMALL, LARGE = 10_000, 1_000_000
TIMED = 100_000
GOAL = 1.5
FORMATS = ("csv", "json", "xlsx")
KEY = "bench-synthetic"
BENCH = Path(__file__).resolve()


class SyntheticRows:
    """Reads like a queryset to `table()`: `iterator(chunk_size)` yields the rows, made one at a time."""

    def __init__(self, count: int) -> None:
        self.count = count

    def iterator(self, chunk_size: int = 1000):
        first = datetime.date(2024, 1, 1)
        for number in range(self.count):
            yield (
                number,
                f"C{number % 1500:05d}",
                f"ورشة تشاركية رقم {number} — Atelier participatif n° {number}",
                (first + datetime.timedelta(days=number % 700)).isoformat(),
                (number % 10_000) / 100,
                number % 3 == 0,
                "=1+1" if number % 97 == 0 else "",
            )


def register(key: str, count: int):
    from infitah.core.datasets import Column, Dataset, register_dataset

    register_dataset(
        Dataset(
            key=key,
            title="Synthetic",
            description="Bench rows",
            rows=lambda: SyntheticRows(count),
            columns=tuple(
                Column(name, lambda row, index=index: row[index])
                for index, name in enumerate(("id", "collectivity", "title", "day", "amount", "flag", "note"))
            ),
        )
    )


def export(key: str, fmt: str) -> int:
    """Write the dataset; the number of bytes produced."""
    import tempfile

    from infitah.core.datasets import table
    from infitah.opendata import formats

    if fmt == "xlsx":
        with tempfile.TemporaryFile() as out:
            formats.write_xlsx(table(key), out)
            return out.tell()
    chunks = formats.csv_chunks(table(key)) if fmt == "csv" else formats.json_chunks(table(key))
    return sum(len(chunk.encode()) for chunk in chunks)


def one(fmt: str, count: int, traced: bool) -> dict:
    sys.path.insert(0, str(BENCH.parent))
    from data import setup_django

    setup_django()
    register(KEY, count)
    register("bench-warm-up", 100)
    export("bench-warm-up", fmt)  # imports (openpyxl) and first-call costs stay out of the measure
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    size = export(KEY, fmt)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before  # KiB on Linux
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"peak": peak, "rss_peak": rss_peak, "rss_growth_kib": rss_growth, "seconds": elapsed, "bytes": size}


def measure(fmt: str, count: int, traced: bool) -> dict:
    command = [sys.executable, str(BENCH), "--one", fmt, str(count), "traced" if traced else "timed"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=3600, env=os.environ)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# tracemalloc slows openpyxl's many small allocations about tenfold (a traced 1,000,000-row XLSX would take some
# twenty minutes here): XLSX is measured by the process's peak resident memory instead, which includes the ~100 MB
# of an idle Django process and so understates the ratio; its growth during the export is shown beside it.
TRACED = {"csv": True, "json": True, "xlsx": False}


def main() -> int:
    print(f"\nOpen-data export: peak memory for {SMALL:,} vs {LARGE:,} rows (7 columns; goal: ratio ≤ {GOAL})")
    print(
        "| format | measure | 10k rows | 1M rows | ratio | RSS growth 10k / 1M | file, 1M rows "
        "| s per 100k rows | goal |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    met_everywhere = True
    for fmt in FORMATS:
        traced = TRACED[fmt]
        small, large = measure(fmt, SMALL, traced), measure(fmt, LARGE, traced)
        timed = measure(fmt, TIMED, False)
        key = "peak" if traced else "rss_peak"
        ratio = large[key] / small[key]
        met = goal(
            f"open data {fmt} export peak memory, {LARGE:,} vs {SMALL:,} rows",
            measured=ratio,
            target=GOAL,
            higher_is_better=False,
        ).met
        met_everywhere &= met
        print(
            f"| {fmt} | {'Python peak (tracemalloc)' if traced else 'process peak RSS'} "
            f"| {small[key] / 1024:,.0f} KiB | {large[key] / 1024:,.0f} KiB | {ratio:.2f} "
            f"| {small['rss_growth_kib']:,} / {large['rss_growth_kib']:,} KiB | {large['bytes'] / 1e6:,.0f} MB "
            f"| {timed['seconds']:.2f} | {'met' if met else 'NOT met'} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "traced")))
        sys.exit(0)
    sys.exit(main())
