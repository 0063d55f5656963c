# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CUSTOMER_GROUP_NAMES = (
    "kunden",
    "customers",
    "clients",
    "clienti",
    "kunde",
    "customer",
)
CUSTOMER_RULE_THRESHOLD = (
    10  # from this many categorised customers on, import only those
)


class BexioConnection(models.Model):
    _inherit = "bexio.connection"

    customer_group_name = fields.Char(
        "Customer category",
        help="The bexio contact category that marks customers. Empty: the usual names "
        "(Kunden, Customers, Clients, Clienti). While fewer than ten contacts carry it, every "
        "contact is imported; from ten on, only customers.",
    )
    last_contact_import = fields.Char(
        "Contacts imported up to",
        readonly=True,
        copy=False,
        help="bexio's timestamp of the newest contact already imported (incremental imports).",
    )
    contact_import_customers_only = fields.Boolean(
        "Only customers imported",
        readonly=True,
        copy=False,
        help="What the last full read decided: the hourly sync asks bexio for the changed "
        "customers only, or for every changed contact.",
    )

    invoice_default_account_id = fields.Many2one(
        "bexio.account",
        "Default bexio account",
        check_company=True,
        help="Used for invoice lines whose product, project and category name none.",
    )
    invoice_use_bexio_numbering = fields.Boolean(
        "Use bexio invoice numbers",
        default=True,
        help="On (bexio's own default): bexio numbers the invoices and Odoo shows \"Defined by "
        "bexio\" until the number arrives. Off: Odoo's invoice number is used in bexio too, "
        "which needs bexio's automatic numbering switched off.",
    )
    invoice_push_on_post = fields.Boolean(
        "Send invoices when posted", help="Off: send with the button on the invoice."
    )
    invoice_book_bexio_payments = fields.Boolean(
        "Book bexio's payments in Odoo",
        help="On: each payment recorded in bexio is booked in Odoo as a payment on the "
        "journal below, reconciled with the invoice, and cancelled when deleted in bexio. "
        "Off: the invoice only shows what bexio received.",
    )
    invoice_payment_journal_id = fields.Many2one(
        "account.journal",
        "Journal for bexio payments",
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )
    timesheet_write_back = fields.Boolean(
        "Send Odoo hours to bexio",
        help="Hours recorded in Odoo on projects that come from bexio are sent to bexio as "
        "non-billable timesheets (once each).",
    )

    @api.constrains("invoice_book_bexio_payments", "invoice_payment_journal_id")
    def _check_invoice_payment_journal(self):
        # Without a journal the poll could only record the payment, never book it.
        for connection in self:
            if connection.invoice_book_bexio_payments and not (
                connection.invoice_payment_journal_id
            ):
                raise ValidationError(
                    self.env._(
                        "Choose the journal that books bexio's payments, or switch "
                        "booking off."
                    )
                )

    def action_bexio_suggest_tax_mapping(self):
        """Map each unmapped sales tax to the one active bexio sales tax of the same rate."""
        self.ensure_one()
        # The taxes are written with the administrator's own rights: mapping is accounting.
        self._check_manager()
        bexio_taxes = self.env["bexio.tax"].search(
            [("connection_id", "=", self.id), ("tax_type", "=", "sales_tax")]
        )
        taxes = self.env["account.tax"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "=", "percent"),
                ("bexio_tax_id", "=", False),
            ]
        )
        mapped = 0
        for tax in taxes:
            candidates = bexio_taxes.filtered(
                lambda b, t=tax: abs(b.rate - t.amount) < 0.001
            )
            if len(candidates) == 1:
                tax.bexio_tax_id = candidates
                mapped += 1
        return self._bexio_notify(
            self.env._(
                "%(mapped)s of %(total)s sales taxes mapped by rate; map the others by hand.",
                mapped=mapped,
                total=len(taxes),
            )
        )

    def _save_setting_fields(self):
        return [*super()._save_setting_fields(), "timesheet_write_back"]

    def _own_fields(self):
        return super()._own_fields() | {
            "last_contact_import",
            "contact_import_customers_only",
        }

    def _bexio_sync_features(self):
        return [*super()._bexio_sync_features(), "projects", "timesheets", "invoices"]

    def _bexio_sync(self):
        result = super()._bexio_sync()
        self.env["bexio.timesheet.importer"]._import_all(self)
        return result

    def action_bexio_refresh(self):
        """ "Refresh from bexio": the whole import, in the background."""
        self.ensure_one()
        self._check_manager()
        # As the hourly sync: the import writes partners, projects and hours in sudo anyway.
        self.sudo()._bexio_delay(
            self.env._("bexio: refresh %s", self.company_id.name), "refresh"
        )._bexio_refresh_job()
        return self._bexio_notify(
            self.env._("The refresh from bexio runs in the background; see Sync runs.")
        )

    def _bexio_refresh_job(self):
        return self.env["bexio.timesheet.importer"]._import_all(self, full=True)
