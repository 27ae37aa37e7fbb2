"""`make bench`, part 2: a consultation page with 10,000 contributions against one with 100, and the time to
produce the consultation report (CSV and PDF) for 10,000 contributions.

Runs in its own process on a throw-away SQLite data dir (bench/run.py calls it; it also runs alone:
`INFITAH_DATA_DIR=$(mktemp -d) python bench/consultation.py`). Times are medians of repeated requests made through
Django's test client in this process, so the ratio compares like with like on the same machine in the same run.
"""

import datetime
import json
import os
import statistics
import sys
import time

from goals import goal

SIZES = (100, 10_000)
REPEATS = 15
TARGET_RATIO = 1.5
AXES, COMMITMENTS_PER_AXIS, AUTHORS = 3, 4, 50


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infitah.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def consultation_with(contributions, suffix):
    """A closed consultation on a published program version with `contributions` rows, half of them answered."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from infitah.consultations.models import Consultation, Contribution, Response
    from infitah.programs.models import Axis, Commitment, Program
    from infitah.programs.phases import Phase
    from infitah.programs.versions import publish_version
    from infitah.territories.models import Collectivity, CollectivityKind

    region = Collectivity.objects.filter(kind=CollectivityKind.REGION).order_by("code").first()
    program = Program.objects.create(
        collectivity=region, title={"ar": f"برنامج {suffix}", "fr": f"Programme {suffix}"}, phase=Phase.DRAFTING
    )
    keys = []
    for a in range(AXES):
        axis = Axis.objects.create(program=program, order=a, title={"ar": f"المحور {a}", "fr": f"Axe {a}"})
        for c in range(COMMITMENTS_PER_AXIS):
            commitment = Commitment.objects.create(
                axis=axis,
                order=c,
                title={"ar": f"نشر الميزانية {a}-{c}", "fr": f"Publier le budget {a}-{c}"},
                principles=["transparency"],
                start_date=datetime.date(2024, 1, 1),
                end_date=datetime.date(2025, 12, 31),
            )
            keys.append((axis.key, commitment.key))
    version = publish_version(program, None)
    Program.objects.filter(pk=program.pk).update(phase=Phase.PUBLIC_CONSULTATION)
    now = timezone.now()
    consultation = Consultation.objects.create(
        program=program,
        version=version,
        title={"ar": f"استشارة {suffix}", "fr": f"Consultation {suffix}"},
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=5),
    )
    users = get_user_model()
    authors = [
        users.objects.create_user(f"bench-{suffix}-{n}@bench.example", full_name=f"مشارك {n}") for n in range(AUTHORS)
    ]
    rows = [
        Contribution(
            consultation=consultation,
            collectivity_id=region.pk,
            kind="comment",
            author=authors[n % AUTHORS],
            axis_key=keys[n % len(keys)][0],
            commitment_key=keys[n % len(keys)][1] if n % 3 else None,
            body=f"ملاحظة رقم {n} حول نشر المعطيات المفتوحة وتتبع الالتزامات",
            contributor_kind="citizen",
            contributor_gender=("female", "male", "")[n % 3],
            created_at=now - datetime.timedelta(days=20, seconds=n),
        )
        for n in range(contributions)
    ]
    Contribution.objects.bulk_create(rows, batch_size=2000)
    answered = Contribution.objects.filter(consultation=consultation).order_by("pk")[: contributions // 2]
    Response.objects.bulk_create(
        [
            Response(contribution=row, outcome="not_retained", reason={"ar": "خارج الاختصاص", "fr": "Hors compétence"})
            for row in answered
        ],
        batch_size=2000,
    )
    return consultation


def median_time(client, path):
    client.get(path)  # warm-up
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    return statistics.median(times)


def median_cold_time(client, path, consultation):
    """After a change (a new contribution or answer moves the consultation's stamp): counts are computed again."""
    from infitah.consultations.models import Consultation
    from infitah.consultations.selectors import touch

    times = []
    for _ in range(5):
        touch(consultation.pk)
        Consultation.objects.get(pk=consultation.pk)
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def queries_of(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def main():
    setup_django()
    from django.test import Client
    from django.utils import translation

    from infitah.consultations import report
    from infitah.consultations.models import ReportDocument
    from infitah.consultations.report_tasks import build_report_pdf

    client = Client()
    consultations = {size: consultation_with(size, size) for size in SIZES}
    pages = {size: f"/ar/consultations/{c.pk}/" for size, c in consultations.items()}
    medians = {size: median_time(client, path) for size, path in pages.items()}
    queries = {size: queries_of(client, path) for size, path in pages.items()}
    cold = {size: median_cold_time(client, pages[size], consultations[size]) for size in SIZES}
    small, large = SIZES
    ratio = medians[large] / medians[small]

    big = consultations[large]
    started = time.perf_counter()
    csv_bytes = sum(len(chunk) for chunk in client.get(f"/ar/consultations/{big.pk}/report.csv").streaming_content)
    csv_seconds = time.perf_counter() - started
    with translation.override("ar"):
        started = time.perf_counter()
        report.summarize(big)
        build_seconds = time.perf_counter() - started
    # The worker's task, laid out in parts (bench/report_pdf.py measures its memory); counts included again.
    document = ReportDocument.objects.create(consultation=big, language="ar", fingerprint="bench")
    started = time.perf_counter()
    build_report_pdf.call(document.pk)
    pdf_seconds = time.perf_counter() - started
    document.refresh_from_db()
    pdf_size = document.file.size

    print(f"\nConsultation page, {small:,} vs {large:,} contributions (median of {REPEATS} requests, test client):")
    print(f"  {small:>6,}: {medians[small] * 1000:7.1f} ms, {queries[small]} queries")
    print(f"  {large:>6,}: {medians[large] * 1000:7.1f} ms, {queries[large]} queries")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(
        f"  ratio {ratio:.2f} (target ≤ {TARGET_RATIO}: {verdict}); queries equal: {queries[small] == queries[large]}"
    )
    cold_ratio = cold[large] / cold[small]
    print(f"  first request after a change (counts recomputed): {cold[small] * 1000:.1f} ms", end="")
    print(f" vs {cold[large] * 1000:.1f} ms (ratio {cold_ratio:.2f})")
    print(f"Consultation report for {large:,} contributions:")
    print(f"  CSV streamed: {csv_seconds:.1f} s ({csv_bytes / 1e6:.1f} MB)")
    print(f"  PDF (Arabic): counts {build_seconds:.1f} s; the worker's task {pdf_seconds:.1f} s", end="")
    print(f" ({pdf_size / 1e6:.1f} MB)")
    print(
        json.dumps(
            {
                "page_ms": {str(k): round(v * 1000, 1) for k, v in medians.items()},
                "ratio": round(ratio, 2),
                "queries": {str(k): v for k, v in queries.items()},
                "csv_s": round(csv_seconds, 1),
                "pdf_s": round(pdf_seconds, 1),
            }
        )
    )
    goal(
        f"consultation page, {large:,} vs {small:,} contributions (time)",
        measured=ratio,
        target=TARGET_RATIO,
        higher_is_better=False,
    )
    goal(
        f"consultation page, SQL queries at {large:,} minus at {small:,}",
        measured=queries[large] - queries[small],
        target=0,
        higher_is_better=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
