# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Connector Tests",
    "summary": "A model that syncs through the bexio outbox, for the connector's tests only",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["bexio_connector"],
    "external_dependencies": {"python": ["bexio-odoo"]},
    "data": [
        "security/ir.model.access.csv",
        "security/test_bexio_connector_security.xml",
    ],
    "installable": True,
}
