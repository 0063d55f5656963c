# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Fault Suite",
    "summary": "The whole import and push workload under injected bexio faults, for tests only",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["bexio_payroll", "bexio_timesheet"],
    "external_dependencies": {"python": ["bexio-odoo"]},
    "data": [],
    "installable": True,
}
