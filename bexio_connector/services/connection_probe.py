"""What "Test connection" checks, area by area, and how it explains a failure.

Each probe is one cheap read. Its outcome is one of: ok, not used (no installed sync addon needs
the area), missing scope (the connection was made before the addon that needs it was
installed: reconnect), not subscribed (bexio answers 403 for a module the subscription lacks),
no rights (the bexio user lacks the right), or error.
"""

from dataclasses import dataclass

from bexio_api import errors
from bexio_api.oauth import scope_grants

# area -> (feature that uses it, scope the read needs, how to probe)
AREAS = {
    "contacts": ("contacts", "contact_show", lambda c: c.contacts.list(limit=1)),
    "payroll": (
        "payroll",
        "payroll_employee_show",
        lambda c: c.payroll_employees.list(),
    ),
    "projects": ("projects", "project_show", lambda c: c.projects.list(limit=1)),
    "timesheets": (
        "timesheets",
        "monitoring_show",
        lambda c: c.timesheets.list(limit=1),
    ),
    "invoices": ("invoices", "kb_invoice_show", lambda c: c.invoices.list(limit=1)),
    "accounts": ("accounting", None, lambda c: c.accounts.list(limit=1)),
}


@dataclass
class ProbeResult:
    area: str
    status: str  # ok | not_used | missing_scope | not_subscribed | forbidden | error
    message: str


def area_labels(env):
    return {
        "contacts": env._("Contacts"),
        "payroll": env._("Payroll"),
        "projects": env._("Projects"),
        "timesheets": env._("Timesheets"),
        "invoices": env._("Invoices"),
        "accounts": env._("Chart of accounts and taxes"),
    }


def probe(env, client, granted_scopes, area, features):
    feature, scope, call = AREAS[area]
    if feature not in features:
        return ProbeResult(
            area, "not_used", env._("No installed bexio app of Odoo uses this.")
        )
    if scope and not scope_grants(granted_scopes, scope):
        return ProbeResult(
            area,
            "missing_scope",
            env._(
                "An app installed since the connection was made needs this, and bexio has "
                'not allowed it yet. Click "Reconnect" and allow access in bexio.'
            ),
        )
    try:
        call(client)
    except errors.ModuleNotSubscribed:
        return ProbeResult(
            area,
            "not_subscribed",
            env._(
                "Your bexio subscription does not include this module. Odoo works without it; "
                "add the module in bexio to use it."
            ),
        )
    except errors.Forbidden as exc:
        return ProbeResult(
            area,
            "forbidden",
            env._(
                "bexio refused access (%(message)s). Give the bexio user who connected Odoo the "
                "right to this area in bexio, then test again.",
                message=exc.message,
            ),
        )
    except errors.InvalidGrant:
        raise
    except errors.BexioError as exc:
        return ProbeResult(
            area,
            "error",
            env._(
                "bexio could not be reached or answered with an error: %(error)s. Try again in a "
                "few minutes.",
                error=str(exc),
            ),
        )
    return ProbeResult(area, "ok", env._("Works."))
