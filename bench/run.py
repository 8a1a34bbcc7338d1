"""Benchmarks: each prints its figures. Run with `make bench`."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def bench_home_page(rounds: int = 50) -> None:
    client = Client()
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    if response.status_code != 200:
        raise SystemExit(f"home page answered {response.status_code}: run `make demo` first")
    # Counted now: every later request empties the connection's query log.
    query_count = len(queries)
    started = time.perf_counter()
    for _ in range(rounds):
        client.get("/")
    per_request = (time.perf_counter() - started) / rounds * 1000
    print(f"home page: {per_request:.1f} ms per request, {query_count} SQL queries")


if __name__ == "__main__":
    bench_home_page()

    from bench.reports import bench_reports

    bench_reports()

    from bench.certificates import bench_certificates

    bench_certificates()
