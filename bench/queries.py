"""Grow the benchmark network to N members, then count the SQL queries each page costs; prints JSON.

Run by bench/run.py in its own process (settings come from the environment it sets):

    python bench/queries.py 1000 /ar/ /ar/network/ /healthz
"""

import json
import sys

from data import commune_code, ensure_members, setup_django


def count_queries(pages):
    """{page: queries}; a page may hold {member}, replaced by a member present at every size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for page in pages:
        path = page.replace("{member}", commune_code(0))
        client.get(path)  # warm-up: the first request of a process fills per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[page] = len(queries)
    return counts


def main(members, pages):
    setup_django()
    present = ensure_members(members)
    print(json.dumps({"members": present, "queries": count_queries(pages)}))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
