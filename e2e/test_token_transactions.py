"""Token refreshes and outbox sends in real, separate PostgreSQL transactions (tier-2 tests
share one cursor).
"""

import time

from transactions import refresh_grants, run_worker, sandbox, signed_in

from bexio_sandbox.seed import DEMO_COMPANY


def test_a_worker_that_wrote_its_connection_row_refreshes_without_waiting_for_itself(
    stack,
):
    signed_in(stack)
    sandbox(stack, "POST", "tokens/expire", json={})
    sandbox(stack, "DELETE", "requests")
    out = run_worker(stack, "own_row")
    print(f"refresh with the connection row held: {out.get('seconds')} s")
    # Before bexio.token, this waited 15 s for its own lock and failed.
    assert "error" not in out, out.get("error")
    assert out["token"] != out["failed"]
    assert out["stored"] == out["token"], "the rotated token is committed"
    assert len(refresh_grants(stack)) == 1


def test_two_workers_refreshing_at_once_refresh_once_at_bexio(stack):
    signed_in(stack)
    sandbox(stack, "POST", "tokens/expire", json={})
    sandbox(stack, "DELETE", "requests")
    out = run_worker(stack, "concurrent")
    assert len(out["results"]) == 2
    assert not [r for r in out["results"] if r.startswith("error")], out["results"]
    assert len(set(out["results"])) == 1, "both use the one new token"
    assert out["results"][0] == out["stored"] != out["failed"]
    assert len(refresh_grants(stack)) == 1


def test_a_job_that_meets_a_revoked_grant_tells_the_admins_even_though_it_rolls_back(
    stack,
):
    """The job fails and rolls back; the "reconnect needed" mark and the admins' activity
    must not go with it, or the connection would read "connected" until the token cron."""
    signed_in(stack)
    sandbox(stack, "POST", "tokens/revoke", json={"company": DEMO_COMPANY})
    out = run_worker(stack, "revoked")
    assert "BexioNotConnected" in out.get("error", ""), out
    assert out["state"] == "reconnect", out
    assert any("Reconnect" in summary for summary in out["activities"]), out
    # Leave the demo signed in for whoever runs after.
    session = stack.login("admin", "admin")
    stack.sign_in(session)
    assert stack.connection(session)["state"] == "connected"


def test_two_workers_and_the_job_runner_on_one_outbox_item_send_it_once(stack):
    signed_in(stack)
    # Slow answers, so that the sends overlap.
    sandbox(stack, "POST", "latency", json={"seconds": 0.5})
    phone = "+41 79 555 %02d %02d" % divmod(int(time.time()) % 10000, 100)
    try:
        out = run_worker(stack, "outbox_race", phone)
    finally:
        sandbox(stack, "POST", "latency", json={"seconds": 0})
    print(f"outbox race, the two workers: {out['results']}")
    assert out["state"] == "done", out
    # Each worker either sent it, found it taken, or found the item busy and would retry.
    assert all(
        r in ("sent", "nothing to do") or "outbox item busy" in r
        for r in out["results"]
    ), out["results"]
    patches = [
        e
        for e in sandbox(stack, "GET", "requests")
        if e["method"] == "PATCH"
        and e["path"] == f"/4.0/payroll/employees/{out['employee']}"
        and (e.get("body") or {}).get("phone_number") == phone
    ]
    assert len(patches) == 1, patches
    (stored,) = (
        e
        for e in sandbox(stack, "GET", f"companies/{DEMO_COMPANY}/payroll_employee")
        if e["id"] == out["employee"]
    )
    assert stored["phone_number"] == phone
