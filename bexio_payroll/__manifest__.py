# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Payroll",
    "summary": "Employees both ways between Odoo and bexio Payroll and contacts",
    "version": "18.0.1.1.0",
    "category": "Human Resources/Employees",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["bexio_connector", "hr", "hr_holidays"],
    "external_dependencies": {"python": ["bexio-odoo", "python-stdnum"]},
    "data": [
        "views/hr_employee_views.xml",
        "views/bexio_connection_views.xml",
        "views/hr_leave_views.xml",
        "data/hr_leave_type_data.xml",
    ],
    "installable": True,
}
