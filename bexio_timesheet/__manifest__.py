# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Timesheets and Invoices",
    "summary": "Customers, projects and hours in from bexio; invoices out to bexio as drafts",
    "version": "18.0.1.2.0",
    "category": "Services/Timesheets",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["bexio_connector", "hr_timesheet", "account"],
    "external_dependencies": {"python": ["bexio-odoo"]},
    "data": [
        "security/ir.model.access.csv",
        "security/bexio_timesheet_security.xml",
        "views/bexio_master_data_views.xml",
        "views/bexio_connection_views.xml",
        "views/bexio_invoice_views.xml",
        "views/bexio_partner_binding_views.xml",
        "data/ir_cron_data.xml",
        "views/bexio_timesheet_menus.xml",
    ],
    "installable": True,
}
