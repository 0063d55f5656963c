# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Employment References",
    "summary": "Swiss employment references: compliance check, four-eyes approval, signed PDF "
    "with a QR code and a public verification page",
    "version": "18.0.1.5.0",
    "category": "Human Resources/Employees",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["hr_contract", "web"],
    "external_dependencies": {"python": ["cryptography"]},
    "data": [
        "security/bexio_reference_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_data.xml",
        "report/reference_report.xml",
        "wizards/bexio_reference_wizard_views.xml",
        "wizards/bexio_reference_finding_accept_views.xml",
        "views/bexio_reference_views.xml",
        "views/verify_templates.xml",
        "views/res_config_settings_views.xml",
        "views/bexio_reference_menus.xml",
    ],
    "installable": True,
}
