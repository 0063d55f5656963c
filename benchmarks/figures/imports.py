"""Figures 1 and 2: the first import, and a second one (the hourly sync) with nothing changed.

First import: requests used / the minimum the API allows (target <= 1.05); Odoo-side time (wall
time minus time spent waiting for bexio) / a plain batched create() of the same values (target
<= 1.5). Second import: requests, rows written (target 0), time / first import; then the nightly
full re-read with nothing changed."""

import math
import time

from ..stack import COMPANY, PAGE, HttpClock

NAME = "imports"
TARGETS = {
    ("first import", "requests / minimum"): 1.05,
    ("first import", "Odoo-side time / create floor"): 1.5,
    ("first import", "failed"): 0,
    ("second import", "written"): 0,
    ("second import", "failed"): 0,
}


def run_import(stack, full=False):
    """One sync's imports: the hourly one, or (``full``) the nightly full re-read."""
    clock = HttpClock()
    seq = stack.last_seq()
    with clock.installed():
        started = time.perf_counter()
        with stack.env(job=True) as env:
            env = env(context=dict(env.context, bexio_full_read=full))
            connection = env["bexio.connection"].browse(stack.connection_id)
            env["hr.employee"]._bexio_import_employees(connection)
            env["bexio.timesheet.importer"]._import_all(connection)
            runs = env["bexio.sync.run"].search([("connection_id", "=", connection.id)])
            written = sum(runs.mapped("created_count")) + sum(
                runs.mapped("updated_count")
            )
            failed = sum(runs.mapped("failed_count"))
            runs.unlink()
        wall = time.perf_counter() - started
    routes = {}
    for entry in stack.requests_since(seq):
        route = f"{entry['method']} " + "/".join(
            "{id}" if part.isdigit() or len(part) == 36 else part
            for part in entry["path"].split("/")
        )
        routes[route] = routes.get(route, 0) + 1
    stack.routes = dict(sorted(routes.items(), key=lambda kv: -kv[1]))
    return {
        "wall": wall,
        "http": clock.seconds,
        "odoo": wall - clock.seconds,
        "requests": len(stack.requests_since(seq)),
        "written": written,
        "failed": failed,
    }


def minimum_requests(stack):
    """The fewest requests the API allows for what the import reads.

    Pages of 2000 for each list, one detail call per payroll employee and one work-package
    list per project (bexio has no other way to read them), one request for each small list.
    """
    store = stack.sandbox.app.store
    count = store.count
    customers = sum(
        1
        for c in store.all(COMPANY, "contact")
        if "2" in (c.get("contact_group_ids") or "")
    )
    employees = count(COMPANY, "payroll_employee")
    projects = count(COMPANY, "pr_project")
    small_lists = 13  # groups, countries, relations, users, states, activities,
    # accounts, taxes, currencies, employee contacts, payroll list, project list, company
    return (
        math.ceil(customers / PAGE)
        + employees
        + projects
        + math.ceil(count(COMPANY, "timesheet") / PAGE)
        + small_lists
    )


def create_floor(stack):
    """A plain batched create() of the values the import wrote, rolled back."""
    bexio_ids = {
        "res.partner": "bexio_contact_ref",
        "hr.employee": "bexio_payroll_ref",
        "project.project": "bexio_project_ref",
        "project.task": "bexio_package_ref",
        "account.analytic.line": "bexio_timesheet_ref",
    }
    seconds = 0.0
    with stack.env() as env:
        for model, bexio_id in bexio_ids.items():
            Model = (
                env[model]
                .sudo()
                .with_context(
                    tracking_disable=True,
                    mail_create_nolog=True,
                    bexio_no_outbox=True,
                )
            )
            values = Model.search([(bexio_id, "!=", 0)]).copy_data()
            if model == "hr.employee":
                # A user and a work contact belong to one employee.
                for vals in values:
                    vals.pop("user_id", None)
                    vals.pop("work_contact_id", None)
            env.flush_all()
            env.cr.execute("SAVEPOINT floor")
            started = time.perf_counter()
            Model.create(values)
            env.flush_all()
            seconds += time.perf_counter() - started
            env.cr.execute("ROLLBACK TO SAVEPOINT floor")
            env.invalidate_all(flush=False)
        env.cr.rollback()
    return seconds


def run(stack):
    first = run_import(stack)
    first_routes = stack.routes
    floor = create_floor(stack)
    minimum = minimum_requests(stack)
    second = run_import(stack)
    second_routes = stack.routes
    full = run_import(stack, full=True)
    stack.results["first import"] = {
        **first,
        "minimum requests": minimum,
        "requests / minimum": first["requests"] / minimum,
        "create floor (s)": floor,
        "Odoo-side time / create floor": first["odoo"] / floor,
    }
    stack.results["first import: requests by route"] = first_routes
    stack.results["second import"] = {
        **second,
        "requests / first import": second["requests"] / first["requests"],
        "time / first import": second["wall"] / first["wall"],
    }
    stack.results["second import: requests by route"] = second_routes
    stack.results["full re-read, nothing changed"] = {
        **full,
        "requests / first import": full["requests"] / first["requests"],
    }
