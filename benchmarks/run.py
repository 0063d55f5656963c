"""Benchmarks of the bexio addons in a real Odoo 18 against the sandbox on 127.0.0.1.

Every figure is a ratio against a baseline measured in the same run, on the same machine, so
that a shared, noisy machine still gives comparable numbers. Nothing here is a pass/fail test:
the script prints the figures with their targets and writes them to benchmarks/results/.

    scripts/benchmark              # the large company: 10,000 contacts, 300 employees,
                                   # 100 projects, 50,000 timesheets; about ten minutes
    scripts/benchmark --quick      # a fifth of that, and a 10 s rate-limit window

What is measured (targets from the project's issue 8; one module each in benchmarks/figures/):

1. First import: requests used / the minimum the API allows (target <= 1.05); Odoo-side time
   (wall time minus time spent waiting for bexio) / a plain batched create() of the same
   values (target <= 1.5).
2. Second import with nothing changed: requests, rows written (target 0), time / first import.
3. Outbox: an employee write with the outbox / without it (target <= 1.2); 1,000 queued
   changes drained by two workers at once, each worker trying every item (target: one
   request per change); five quick edits of one employee (target: one request).
4. Rate limit: with the sandbox at 100 requests per window, the employee import (300+
   requests) finishes with no failed request.
5. References: issuing (sign, render, attach) / rendering the same PDF alone; the public
   verification page's median and 95th-percentile latency / Odoo's /web/health.
6. Payroll at 100 ms: the employee import's wall time / (requests x latency), with four reads
   in flight and, in the same run, one at a time.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from odoo_env import find_odoo, prepare  # noqa: E402

from benchmarks.figures import FIGURES  # noqa: E402
from benchmarks.report import report  # noqa: E402
from benchmarks.stack import Bench  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a fifth of the large company"
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.005,
        help="seconds the sandbox adds to each request",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database afterwards"
    )
    parser.add_argument(
        "--only",
        choices=[figure.NAME for figure in FIGURES],
        action="append",
        help="run only these parts (repeatable; the import always runs first)",
    )
    args = parser.parse_args()
    odoo, why = find_odoo()
    if odoo is None:
        raise SystemExit(f"the benchmarks need Odoo 18: {why}")
    prepare(odoo)
    bench = Bench(args, odoo)
    bench.start_sandbox()
    bench.create_database()
    try:
        bench.sign_in()
        parts = set(args.only or [figure.NAME for figure in FIGURES])
        for figure in FIGURES:
            if figure is FIGURES[0] or figure.NAME in parts:
                figure.run(bench)
    finally:
        if bench.results:
            targets = {}
            for figure in FIGURES:
                targets.update(figure.TARGETS)
            report(bench.results, targets, args.quick)
        bench.cleanup()


if __name__ == "__main__":
    main()
