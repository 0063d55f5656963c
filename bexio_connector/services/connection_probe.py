"""What "Test connection" checks, area by area, and how it explains a failure.

Each probe is one cheap read. Its outcome is one of: ok, not used (no installed sync addon needs
the area), missing scope (the connection was made before the addon that needs it was
installed: reconnect), not subscribed (bexio answers 403 for a module the subscription lacks),
no rights (the bexio user lacks the right), or error.
"""

import logging
from dataclasses import dataclass

from odoo import fields
from odoo.exceptions import UserError

from bexio_api import errors
from bexio_api.oauth import scope_grants

_logger = logging.getLogger(__name__)

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


# The connection's payroll state for each probe outcome that says something about payroll.
PAYROLL_STATES = {
    "ok": "available",
    "not_subscribed": "not_subscribed",
    "missing_scope": "not_authorized",
    "not_used": "not_requested",
}


def _store_payroll_state(connection, state):
    connection.sudo().write(
        {"payroll_state": state, "payroll_checked_at": fields.Datetime.now()}
    )


def check_payroll(connection):
    """Whether bexio payroll answers this connection (bexio says 403 without the module).

    A failure other than that leaves the last known state: the next check decides.
    """
    if "payroll" not in connection._bexio_sync_features():
        state = "not_requested"
    elif not connection._has_scope("payroll_employee_show"):
        state = "not_authorized"
    else:
        client = connection._bexio_client(max_retries=1, timeout=(5, 15))
        try:
            client.payroll_employees.list()
            state = "available"
        except errors.ModuleNotSubscribed:
            state = "not_subscribed"
        except errors.BexioError as exc:
            _logger.info("bexio: payroll probe of %s failed: %s", connection.id, exc)
            return
    _store_payroll_state(connection, state)


def probe_areas(connection):
    """Every area's probe, quickly (no retries, short timeouts); a list of ProbeResult.

    The payroll probe also updates the connection's payroll state.
    """
    client = connection._bexio_client(
        max_retries=0, timeout=(3, 8), max_rate_limit_wait=2
    )
    scopes = (connection.granted_scopes or "").split()
    features = connection._bexio_sync_features()
    results = []
    for area in AREAS:
        try:
            results.append(probe(connection.env, client, scopes, area, features))
        except UserError as exc:
            results.append(ProbeResult(area, "error", str(exc)))
            break
    payroll = next((r for r in results if r.area == "payroll"), None)
    if payroll and payroll.status in PAYROLL_STATES:
        _store_payroll_state(connection, PAYROLL_STATES[payroll.status])
    return results
