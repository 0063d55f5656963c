"""Figure 3: the outbox.

An employee write with the outbox / without it (target <= 1.2); 1,000 queued changes drained by
two workers at once, each worker trying every item (target: one request per change); five quick
edits of one employee (target: one request)."""

import statistics
import threading
import time

from ..stack import COMPANY

NAME = "outbox"
TARGETS = {
    ("outbox", "overhead with / without"): 1.2,
    ("outbox", "requests per change"): 1.0,
    ("outbox", "five quick edits: PATCH requests"): 1,
}


def run(stack):
    # What a user's save costs: one employee written in its own transaction, with Odoo's
    # change tracking, committed; with the outbox, and without (bexio_no_outbox).
    sample = 60
    with stack.env() as env:
        employee_ids = (
            env["hr.employee"]
            .search([("bexio_payroll_ref", "!=", False)], limit=sample)
            .ids
        )
    # Between two saves the outbox cron has run, as when users save now and then: each
    # save makes new items and asks the cron again.
    with_outbox, without = [], []
    for number, employee_id in enumerate(employee_ids):
        for use_outbox, bucket in ((False, without), (True, with_outbox)):
            started = time.perf_counter()
            with stack.env() as env:
                env["hr.employee"].browse(employee_id).with_context(
                    bexio_no_outbox=not use_outbox
                ).write({"private_phone": f"+41 79 {int(use_outbox)} {number:05d}"})
            bucket.append(time.perf_counter() - started)
            run_outbox_cron(stack)
    with stack.env() as env:  # not part of what follows
        env["bexio.outbox"].sudo().search([]).write({"state": "cancelled"})
        env["queue.job"].sudo().search([]).unlink()
    # 1,000 changes, drained by two workers that both try every item.
    with stack.env() as env:
        records = env["test.bexio.record"].create(
            [{"name": f"Kunde {n:04d}", "city": "Bern"} for n in range(1000)]
        )
        items = env["bexio.outbox"].search([("res_model", "=", "test.bexio.record")])
        item_ids = items.ids
        env["queue.job"].sudo().search([]).unlink()
        record_ids = records.ids
    seq = stack.last_seq()
    started = time.perf_counter()
    drain(stack, item_ids, workers=2)
    drained = time.perf_counter() - started
    created = [
        e
        for e in stack.requests_since(seq)
        if e["method"] == "POST" and e["path"] == "/2.0/contact" and e["status"] < 300
    ]
    throttled = [
        e
        for e in stack.requests_since(seq)
        if e["path"] == "/2.0/contact" and e["status"] == 429
    ]
    names = [
        c["name_1"]
        for c in stack.sandbox.app.store.all(COMPANY, "contact")
        if str(c.get("name_1", "")).startswith("Kunde ")
    ]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        print(f"created twice in bexio: {twice[:5]} ({len(twice)})", flush=True)
        for e in created:
            if (e.get("body") or {}).get("name_1") in twice[:2]:
                print("  ", e, flush=True)
    with stack.env() as env:
        states = env["bexio.outbox"].browse(item_ids).mapped("state")
        linked = (
            env["test.bexio.record"].browse(record_ids).filtered("bexio_contact_id")
        )
        # Five quick edits of one employee, each saved on its own.
        employee = env["hr.employee"].search(
            [("bexio_payroll_ref", "!=", False)], limit=1
        )
        employee_id, ref = employee.id, employee.bexio_payroll_ref
    for edit in range(5):
        with stack.env() as env:
            env["hr.employee"].browse(employee_id).write(
                {"private_phone": f"+41 79 555 00 0{edit}"}
            )
    with stack.env() as env:
        item_ids = (
            env["bexio.outbox"]
            .search([("res_model", "=", "hr.employee"), ("state", "=", "pending")])
            .ids
        )
        env["queue.job"].sudo().search([]).unlink()
    seq = stack.last_seq()
    drain(stack, item_ids, workers=1)
    patches = [
        e
        for e in stack.requests_since(seq)
        if e["method"] == "PATCH" and e["path"].endswith(f"/employees/{ref}")
    ]
    stack.results["outbox"] = {
        "employee save with outbox (ms, median of 60)": 1000
        * statistics.median(with_outbox),
        "employee save without (ms)": 1000 * statistics.median(without),
        "overhead with / without": statistics.median(with_outbox)
        / statistics.median(without),
        "changes queued": len(record_ids),
        "requests to drain them (2 workers)": len(created),
        "answered 429 by bexio's rate limit, then sent again": len(throttled),
        "requests per change": len(created) / len(record_ids),
        "records linked": len(linked),
        "items not done": sum(1 for s in states if s != "done"),
        "drain time (s)": drained,
        "five quick edits: PATCH requests": len(patches),
    }


def run_outbox_cron(stack):
    """What the cron worker does when a save asked for it: the items' jobs get queued."""
    from odoo.addons.bexio_connector.models.bexio_outbox import OUTBOX_CRON

    with stack.env() as env:
        cron = env.ref(OUTBOX_CRON)
        env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]).unlink()
        env["bexio.outbox"]._cron_resume()


def drain(stack, item_ids, workers):
    from odoo.addons.queue_job.exception import RetryableJobError

    errors = []

    def worker(order):
        for item_id in order:
            for _attempt in range(5):
                try:
                    with stack.env() as env:
                        env["bexio.outbox"].sudo().browse(item_id)._process()
                    break
                except RetryableJobError:
                    time.sleep(0.05)
                except Exception as exc:  # a worker logs and goes on, as queue_job does
                    errors.append(repr(exc))
                    break

    # Both workers try every item, one from each end: they meet on every item.
    orders = [list(item_ids), list(reversed(item_ids))][:workers]
    threads = [threading.Thread(target=worker, args=(o,)) for o in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        print(f"worker errors: {errors[:3]} ({len(errors)})", flush=True)
