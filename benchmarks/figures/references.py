"""Figure 5: references.

Issuing (sign, render, attach) / rendering the same PDF alone; the public verification page's
median and 95th-percentile latency / Odoo's /web/health."""

import os
import signal
import statistics
import subprocess
import time

import requests

NAME = "references"
TARGETS = {}


def run(stack):
    times, renders = [], []
    with stack.env() as env:
        env.company.bexio_reference_four_eyes = False
        employees = env["hr.employee"].search(
            [("bexio_payroll_ref", "!=", False)], limit=5
        )
        employee_ids = employees.ids
    for employee_id in employee_ids:
        with stack.env() as env:
            wizard = (
                env["bexio.reference.wizard"]
                .with_context(active_model="hr.employee", active_id=employee_id)
                .create({})
            )
            wizard.write(
                {
                    "tasks": "Kunden beraten\nProjekte leiten",
                    "function": wizard.function or "Sachbearbeiterin",
                    "date_start": wizard.date_start or "2020-01-01",
                    "place": wizard.place or "Winterthur",
                    "grade_performance": "4",
                    "grade_conduct": "4",
                }
            )
            reference = env["bexio.reference"].browse(wizard.action_create()["res_id"])
            reference.signer_role = "Geschäftsführerin"
            reference.action_check()
            for finding in reference.finding_ids.filtered(
                lambda f: f.decision == "open"
            ):
                finding.action_accept()
            reference.action_submit()
            if reference.state == "to_approve":
                reference.action_approve()
            started = time.perf_counter()
            reference.action_issue()
            env.flush_all()
            times.append(time.perf_counter() - started)
            started = time.perf_counter()
            env["ir.actions.report"]._render_qweb_pdf(
                "bexio_reference.action_report_reference", reference.ids
            )
            renders.append(time.perf_counter() - started)
            stack.verify_url = reference.sudo().verify_url
    stack.results["reference issue"] = {
        "issue (s, median of 5)": statistics.median(times),
        "render the same PDF alone (s)": statistics.median(renders),
        "issue / render": statistics.median(times) / statistics.median(renders),
    }
    bench_verify_page(stack)


def bench_verify_page(stack):
    port = 8369
    server = subprocess.Popen(
        stack.odoo_bin(
            "--http-port",
            str(port),
            "--proxy-mode",
            "--db-filter",
            f"^{stack.database}$",
        ),
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                if requests.get(f"{base}/web/health", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        path = stack.verify_url.split("://", 1)[1].split("/", 1)[1]
        page, health = [], []
        for n in range(200):
            # Each sample from its own address: the page limits checks per address.
            headers = {
                "X-Forwarded-For": f"10.{n // 250}.{n % 250}.1",
                "X-Forwarded-Host": f"127.0.0.1:{port}",  # Odoo trusts the proxy then
            }
            for url, bucket in (
                (f"{base}/{path}", page),
                (f"{base}/web/health", health),
            ):
                started = time.perf_counter()
                answer = requests.get(url, headers=headers, timeout=10)
                bucket.append(time.perf_counter() - started)
                answer.raise_for_status()

        def p95(values):
            return sorted(values)[int(len(values) * 0.95) - 1]

        stack.results["verification page"] = {
            "median (ms)": 1000 * statistics.median(page),
            "p95 (ms)": 1000 * p95(page),
            "/web/health median (ms)": 1000 * statistics.median(health),
            "median / health": statistics.median(page) / statistics.median(health),
            "p95 / health p95": p95(page) / p95(health),
            "samples": len(page),
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
