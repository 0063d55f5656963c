# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Employment References with bexio Payroll",
    "summary": "Prefill employment references with what bexio payroll knows of the employee: "
    "language, surname and employment level",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Employees",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["bexio_reference", "bexio_payroll"],
    "external_dependencies": {"python": ["bexio-odoo"]},
    "auto_install": True,
    "installable": True,
}
