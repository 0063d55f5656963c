"""Figure 4: the rate limit.

With the sandbox at 100 requests per window, the employee import (300+ requests) finishes with no
failed request."""

import time

NAME = "rate"
TARGETS = {
    ("rate limit", "failed records"): 0,
}


def run(stack):
    window = 10.0 if stack.args.quick else 60.0
    limiter = stack.sandbox.app.rate_limiter
    # Fresh windows first: reset() also restores bexio's own limits.
    limiter.reset(window=window)
    limiter.set_all(100)
    seq = stack.last_seq()
    started = time.perf_counter()
    with stack.env(job=True) as env:
        connection = env["bexio.connection"].browse(stack.connection_id)
        run = env["hr.employee"]._bexio_import_employees(connection)
        state, failed, used = run.state, run.failed_count, run.requests_used
    wall = time.perf_counter() - started
    statuses = [e["status"] for e in stack.requests_since(seq)]
    limiter.reset()
    stack.results["rate limit"] = {
        "limit": f"100 per {window:.0f} s",
        "requests the job needed": used,
        "answered 429 (then waited for)": statuses.count(429),
        "failed records": failed,
        "run state": state,
        "time (s)": wall,
    }
