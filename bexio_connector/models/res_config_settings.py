# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from bexio_api.urls import secure_base_url


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    bexio_client_id = fields.Char(
        "bexio client ID", config_parameter="bexio_connector.client_id"
    )
    bexio_client_secret = fields.Char(
        "bexio client secret",
        config_parameter="bexio_connector.client_secret",
        groups="base.group_system",
    )
    bexio_api_url = fields.Char(
        "bexio API URL",
        config_parameter="bexio_connector.api_url",
        help="Leave empty for bexio (https://api.bexio.com); set it to use the local sandbox.",
    )
    bexio_auth_url = fields.Char(
        "bexio sign-in URL",
        config_parameter="bexio_connector.auth_url",
        help="Leave empty for bexio (https://auth.bexio.com/realms/bexio).",
    )
    bexio_connection_id = fields.Many2one(related="company_id.bexio_connection_id")
    bexio_connection_state = fields.Selection(
        related="company_id.bexio_connection_id.state"
    )

    def set_values(self):
        # The SDK sends tokens and the client secret to these addresses and refuses plain
        # http for anything but this machine: say so at saving, not in a job an hour later.
        for url in (self.bexio_api_url, self.bexio_auth_url):
            if not url:
                continue
            try:
                secure_base_url(url, "URL")
            except ValueError as exc:
                raise UserError(
                    self.env._(
                        "%(url)s cannot be used for bexio: Odoo sends the bexio sign-in "
                        "there, so it must start with https:// (plain http:// only for "
                        "this machine, such as the local sandbox). Leave it empty for bexio.",
                        url=url,
                    )
                ) from exc
        return super().set_values()

    def action_bexio_open_connection(self):
        connection = self.env["bexio.connection"]._for_company(self.company_id)
        if not connection:
            connection = self.env["bexio.connection"].create(
                {"company_id": self.company_id.id}
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "bexio.connection",
            "res_id": connection.id,
            "view_mode": "form",
        }
