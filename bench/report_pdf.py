"""Peak memory and time of the consultation report's PDF at 1,000 and 10,000 contributions, laid out in parts and
joined (now) against the whole document held in memory until written (before).

Seeds one throw-away SQLite database (bench/consultation.py's consultations: 12 commitments, 50 authors, half the
contributions answered), then produces each report in a fresh process (this script with `--one PATH ID`), so the
peak resident memory (VmHWM, printed by the child) is that process's own: Django, the rows, WeasyPrint and the PDF
writer. "now" is the task the worker runs (`build_report_pdf.call`, the file saved to storage); "before" is the
renderer before issue 15, kept here only: every line built into one list, laid out 500 lines per WeasyPrint pass
with every pass's layout kept until one `write_pdf` of all the pages, with the same templates.

Goals: the 10,000-contribution report's peak memory at most 1.2 times the 1,000-contribution one's (now), and its
time now at most the time before (ratio ≤ 1.0), both measured in this run. The time compared is the process's CPU
time (the renderer is single-threaded: on an idle machine it is the wall time; on a busy shared one the wall time
mostly measures the neighbours); both are printed.

Alone: `.venv/bin/python bench/report_pdf.py` from the repository root (its own data dir; about 5 minutes idle).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (1_000, 10_000)
PATHS = ("before", "now")
MEMORY_GOAL = 1.2
TIME_GOAL = 1.0
OLD_LINES_PER_PART = 500
CHILD_TIMEOUT = 900  # seconds; a busy shared machine is several times slower than an idle one
BENCH = Path(__file__).resolve()


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infitah.settings")
    import django

    django.setup()


def peak_rss_mb() -> float:
    """The process's own peak resident memory (VmHWM, in kB in /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def produce_now(consultation_id: int) -> dict[str, float]:
    """The worker's task, as `infitah db_worker` runs it."""
    from infitah.consultations.models import Consultation, ReportDocument, ReportStatus
    from infitah.consultations.report_tasks import build_report_pdf

    consultation = Consultation.objects.get(pk=consultation_id)
    document = ReportDocument.objects.create(consultation=consultation, language="ar", fingerprint="bench")
    build_report_pdf.call(document.pk)
    document.refresh_from_db()
    if document.status != ReportStatus.DONE:
        raise SystemExit(f"the report failed: {document.error}")
    return {"bytes": document.file.size, "pages": _pages(document.file.path)}


def produce_before(consultation_id: int) -> dict[str, float]:
    """The renderer before issue 15, with today's templates: every line in one list, every part's layout kept."""
    from django.template.loader import render_to_string
    from django.utils import timezone, translation
    from weasyprint import HTML

    from infitah.consultations import report
    from infitah.consultations.models import Consultation

    consultation = Consultation.objects.select_related("version", "collectivity").get(pk=consultation_id)
    with translation.override("ar"):
        summary = report.summarize(consultation)
        lines = list(report.lines(consultation, summary))
        chunks = [lines[start : start + OLD_LINES_PER_PART] for start in range(0, len(lines), OLD_LINES_PER_PART)]
        common = {"consultation": consultation, "generated_at": timezone.now(), "counts": summary.counts}
        documents = []
        for number, chunk in enumerate(chunks or [[]]):
            context = {**common, "tables": summary.tables, "lines": chunk, "first_part": number == 0}
            html = render_to_string(
                "consultations/report_pdf.html", {**context, "NUMBERED_AFTER": True, "LANGUAGE_BIDI": True}
            )
            documents.append(HTML(string=html).render())
        pages = [page for document in documents for page in document.pages]
        pdf = documents[0].copy(pages).write_pdf()
    return {"bytes": len(pdf), "pages": len(pages)}


def _pages(path: str) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def one(path: str, consultation_id: int) -> None:
    """Child process: produce one report, print what it cost as one JSON line."""
    setup_django()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = produce_now(consultation_id) if path == "now" else produce_before(consultation_id)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    cost = {"seconds": round(seconds, 1), "cpu": round(cpu, 1), "peak_mb": round(peak_rss_mb(), 1)}
    print(json.dumps({**result, **cost}))


def seed(env: dict[str, str]) -> dict[int, int]:
    """Migrate and create one consultation per size (in a child: this process stays without Django)."""
    code = (
        "import json, consultation as c; c.setup_django(); "
        f"print(json.dumps({{size: c.consultation_with(size, size).pk for size in {SIZES!r}}}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "PYTHONPATH": os.pathsep.join([str(BENCH.parent), env.get("PYTHONPATH", "")])},
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=True,
    ).stdout
    return {int(size): pk for size, pk in json.loads(output.strip().splitlines()[-1]).items()}


def measure(env: dict[str, str], path: str, consultation_id: int) -> dict[str, float]:
    command = [sys.executable, str(BENCH), "--one", path, str(consultation_id)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{path} report failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    sys.path.insert(0, str(BENCH.parent))
    from goals import goal, summary
    from run import bench_env

    with tempfile.TemporaryDirectory(prefix="infitah-bench-pdf-") as data_dir:
        env = bench_env(data_dir)
        env.pop("INFITAH_REPORT_PDF_LINES_PER_PART", None)
        consultations = seed(env)
        results: dict[tuple[str, int], dict[str, float]] = {}
        for size in SIZES:
            for path in PATHS:
                try:
                    results[path, size] = measure(env, path, consultations[size])
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    print(f"{path} at {size:,}: {error}")
                    continue
                r = results[path, size]
                print(
                    f"  {path:>6} {size:>6,} contributions: {r['seconds']:6.1f} s ({r['cpu']:.1f} s CPU),"
                    f" peak {r['peak_mb']:7.1f} MB,"
                    f" {r['pages']:,} pages, {r['bytes'] / 1e6:.1f} MB",
                    flush=True,
                )
    small, large = SIZES
    print(json.dumps({f"{path}@{size}": value for (path, size), value in results.items()}))
    if ("now", small) in results and ("now", large) in results:
        goal(
            f"{large:,}-contribution report PDF peak memory vs {small:,}",
            measured=results["now", large]["peak_mb"] / results["now", small]["peak_mb"],
            target=MEMORY_GOAL,
            higher_is_better=False,
        )
    if ("before", small) in results and ("before", large) in results:
        before = results["before", large]["peak_mb"] / results["before", small]["peak_mb"]
        print(f"  (before: peak memory {large:,} vs {small:,}: {before:.2f})")
    if ("now", large) in results and ("before", large) in results:
        goal(
            f"{large:,}-contribution report PDF time (CPU), new/old",
            measured=results["now", large]["cpu"] / results["before", large]["cpu"],
            target=TIME_GOAL,
            higher_is_better=False,
        )
    summary()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        one(sys.argv[2], int(sys.argv[3]))
        sys.exit(0)
    main()
    sys.exit(0)
