"""Figure 6: the employee import against a bexio 100 ms away.

bexio's payroll list has no details, so the import reads every employee on its own. With the
sandbox answering each request after 100 ms, the import's wall time is set against requests x
latency (what reading one after another costs at least), for the pooled reads and, in the same
run, for reads one at a time (``bexio_connector.read_workers`` = 1)."""

import time

NAME = "payroll latency"
LATENCY = 0.1
TARGETS = {
    ("payroll import at 100 ms", "pooled wall / (requests x latency)"): 0.5,
    ("payroll import at 100 ms", "failed records"): 0,
}


def _import(stack, workers):
    with stack.env() as env:
        env["ir.config_parameter"].sudo().set_param(
            "bexio_connector.read_workers", str(workers)
        )
    seq = stack.last_seq()
    started = time.perf_counter()
    with stack.env(job=True) as env:
        connection = env["bexio.connection"].browse(stack.connection_id)
        run = env["hr.employee"]._bexio_import_employees(connection)
        failed = run.failed_count
    wall = time.perf_counter() - started
    return wall, len(stack.requests_since(seq)), failed


def run(stack):
    faults = stack.sandbox.app.faults
    before = faults.latency
    faults.latency = LATENCY
    try:
        sequential = _import(stack, 1)
        pooled = _import(stack, 4)
    finally:
        faults.latency = before
        with stack.env() as env:
            env["ir.config_parameter"].sudo().set_param(
                "bexio_connector.read_workers", ""
            )
    floor = pooled[1] * LATENCY
    stack.results["payroll import at 100 ms"] = {
        "requests": pooled[1],
        "requests x latency (s)": floor,
        "pooled, 4 reads in flight: wall (s)": pooled[0],
        "pooled wall / (requests x latency)": pooled[0] / floor,
        "one at a time: wall (s)": sequential[0],
        "one at a time wall / (requests x latency)": sequential[0]
        / (sequential[1] * LATENCY),
        "pooled wall / one at a time": pooled[0] / sequential[0],
        "failed records": pooled[2] + sequential[2],
    }
