# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "bexio Connector",
    "summary": "Connect each Odoo company to its bexio account: sign-in, tokens, outbox, sync log",
    "version": "18.0.1.2.0",
    "category": "Accounting/Connectors",
    "website": "https://github.com/bexio-odoo/bexio-odoo",
    "author": "bexio-odoo contributors",
    "maintainers": ["bexio-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["base_setup", "mail", "queue_job"],
    "external_dependencies": {"python": ["bexio-odoo"]},
    "data": [
        "security/bexio_connector_security.xml",
        "security/ir.model.access.csv",
        "data/queue_job_data.xml",
        "data/ir_cron_data.xml",
        "views/bexio_connection_views.xml",
        "views/bexio_connection_status_views.xml",
        "views/bexio_outbox_views.xml",
        "views/bexio_sync_run_views.xml",
        "views/res_config_settings_views.xml",
        "views/oauth_templates.xml",
        "wizards/bexio_connection_check_views.xml",
        "views/bexio_connector_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "bexio_connector/static/src/systray/*",
            "bexio_connector/static/src/record_sent/*",
        ],
    },
    "installable": True,
}
