# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime
import logging
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.bexio_connector.exceptions import BexioNotConnected
from odoo.addons.bexio_connector.services import jobs

from bexio_api import errors
from bexio_api.formats import round_to_factor
from bexio_api.resources import custom_position
from bexio_api.resources.invoices import MWST_TAXED, STATUS_NAMES

_logger = logging.getLogger(__name__)

# How long a paid invoice is still polled: a payment deleted in bexio after the invoice
# was paid in full (a booking error put right) is undone in Odoo within this time.
PAID_POLL_DAYS = 60

BEXIO_STATUS = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("paid", "Paid"),
    ("partially paid", "Partially paid"),
    ("cancelled", "Cancelled"),
    ("overdue", "Overdue"),
]


class AccountMove(models.Model):
    """Customer invoices out to bexio as drafts, through the outbox.

    ``api_reference`` carries the move's identity, so an attempt whose answer was lost finds
    the draft bexio already made instead of making a second one.
    """

    _name = "account.move"
    _inherit = ["account.move", "bexio.sync.mixin"]
    _bexio_targets = {"invoice": ()}

    bexio_invoice_ref = fields.Integer(
        "bexio invoice ID", copy=False, readonly=True, index=True
    )
    bexio_document_nr = fields.Char("bexio number", copy=False, readonly=True)
    bexio_number_display = fields.Char(
        "Number in bexio", compute="_compute_bexio_number_display"
    )
    bexio_status = fields.Selection(
        BEXIO_STATUS, "bexio status", copy=False, readonly=True
    )
    bexio_total = fields.Monetary("Total in bexio", copy=False, readonly=True)
    bexio_total_difference = fields.Monetary(
        "Difference to bexio",
        copy=False,
        readonly=True,
        help="bexio's total minus Odoo's, after rounding to the currency's rounding step.",
    )

    bexio_payment_ids = fields.One2many(
        "bexio.invoice.payment", "move_id", "Payments in bexio", readonly=True
    )
    bexio_amount_received = fields.Monetary(
        "Received in bexio", compute="_compute_bexio_payment_state"
    )
    bexio_payment_state = fields.Selection(
        [
            ("not_paid", "Not paid in bexio"),
            ("partial", "Partially paid in bexio"),
            ("paid", "Paid in bexio"),
        ],
        "bexio payment state",
        compute="_compute_bexio_payment_state",
    )
    bexio_paid_since = fields.Datetime(
        "Paid in bexio since",
        copy=False,
        readonly=True,
        help="When the status poll first saw the invoice paid in bexio; it keeps reading "
        "the payments for a while after, so that a payment deleted in bexio is undone.",
    )
    bexio_pdf_id = fields.Many2one(
        "ir.attachment", "bexio PDF", copy=False, readonly=True
    )

    @api.depends("bexio_payment_ids.amount", "amount_total")
    def _compute_bexio_payment_state(self):
        for move in self:
            received = sum(move.bexio_payment_ids.mapped("amount"))
            move.bexio_amount_received = received
            if not move.bexio_payment_ids:
                move.bexio_payment_state = "not_paid"
            elif move.currency_id.compare_amounts(received, move.amount_total) >= 0:
                move.bexio_payment_state = "paid"
            else:
                move.bexio_payment_state = "partial"

    @api.depends("bexio_document_nr", "bexio_invoice_ref", "company_id")
    def _compute_bexio_number_display(self):
        for move in self:
            connection = move._bexio_connection()
            if move.bexio_document_nr:
                move.bexio_number_display = move.bexio_document_nr
            elif connection and connection.invoice_use_bexio_numbering:
                move.bexio_number_display = self.env._("Defined by bexio")
            else:
                move.bexio_number_display = False

    # -------------------------------------------------------------- sending
    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        for move in posted.filtered(lambda m: m.move_type == "out_invoice"):
            connection = move._bexio_connection()
            if (
                connection
                and connection.invoice_push_on_post
                and not move.bexio_invoice_ref
            ):
                self.env["bexio.outbox"]._record_change(connection, move, "invoice", [])
        return posted

    def action_bexio_send(self):
        """ "Send to bexio": queue the invoice; the outbox makes the bexio draft."""
        # Whoever may post invoices may send them: posting sends them too, when enabled.
        if not self.env.su and not self.env.user.has_group(
            "account.group_account_invoice"
        ):
            raise AccessError(
                self.env._("Only users who may post invoices can send them to bexio.")
            )
        self.check_access("write")
        for move in self:
            if move.move_type == "out_refund":
                raise UserError(self._bexio_credit_note_message())
            if move.move_type != "out_invoice" or move.state != "posted":
                raise UserError(
                    self.env._("Only posted customer invoices can be sent to bexio.")
                )
            connection = move._bexio_connection()
            if not connection:
                raise UserError(
                    self.env._("%s is not connected to bexio.", move.company_id.name)
                )
            self.env["bexio.outbox"]._record_change(connection, move, "invoice", [])
        # The send runs in the background: say so, and show the form's "being sent" banner;
        # the job's message reloads the form when bexio has answered.
        action = self.env["bexio.connection"]._bexio_notify(
            self.env._(
                "The invoice is being sent to bexio; this form updates when it is."
            )
        )
        action["params"]["next"] = {"type": "ir.actions.client", "tag": "soft_reload"}
        return action

    def _bexio_tell_sender(self, item, failed, number=None):
        """Tell the user who sent the invoice, in their language, that bexio has answered.

        The message goes over the bus: the user's open tabs show it and reload the invoice
        when it is on screen (bexio_connector's record-sent service).
        """
        user = item.write_uid or item.create_uid
        if not user or user._is_superuser() or user.share:
            return
        move = self.with_context(lang=user.lang)
        if failed:
            message = move.env._(
                "%(invoice)s was not sent to bexio; the invoice says why.",
                invoice=self.display_name,
            )
        else:
            message = move.env._(
                "%(invoice)s is in bexio as draft %(number)s.",
                invoice=self.display_name,
                number=number,
            )
        user._bus_send(
            "bexio_record_sent",
            {
                "model": self._name,
                "id": self.id,
                "message": message,
                "type": "danger" if failed else "success",
            },
        )

    def _bexio_credit_note_message(self):
        return self.env._(
            "bexio's API cannot create credit notes, so Odoo does not send them. Record the "
            "credit note in bexio by hand, or cancel the bexio invoice there."
        )

    def _bexio_should_push(self, target):
        return False  # invoices are sent on purpose (button or posting), not on every write

    def _bexio_api_reference(self):
        return f"odoo:{self.env.cr.dbname}:account.move:{self.id}"

    def _bexio_push_invoice(self, item):
        try:
            remote_ref, number = self._bexio_send_invoice(item)
        except BexioNotConnected:
            raise  # the item waits for the reconnect: nothing to tell yet
        except (UserError, errors.BexioError) as exc:
            # A transient error is tried again (and this message rolled back with the job).
            if not getattr(exc, "transient", False) or jobs.is_last_attempt(self.env):
                self._bexio_tell_sender(item, failed=True)
            raise
        self._bexio_tell_sender(item, failed=False, number=number)
        return remote_ref

    def _bexio_send_invoice(self, item):
        """Create the bexio draft unless it exists; returns its id and bexio's number.

        The number comes from bexio's answer, not from the invoice: the ids are stored in a
        transaction of their own, which the job's transaction does not see.
        """
        self.ensure_one()
        if self.move_type == "out_refund":
            raise UserError(self._bexio_credit_note_message())
        client = item.connection_id._bexio_client()
        if self.bexio_invoice_ref:
            # sent already: never a second draft
            ref = str(self.bexio_invoice_ref)
            return ref, self.bexio_document_nr or ref
        reference = self._bexio_api_reference()
        currency = self._bexio_currency(client)
        invoice = client.invoices.find_by_api_reference(reference)
        if invoice is None:
            values = self._bexio_invoice_values(item.connection_id, client, currency)
            values["api_reference"] = reference
            invoice = client.invoices.create(values)
        self._bexio_store_invoice(item, invoice, currency)
        return str(invoice.id), invoice.document_nr or str(invoice.id)

    def _bexio_store_invoice(self, item, invoice, bexio_currency):
        currency = self.currency_id
        odoo_total = Decimal(str(self.amount_total))
        factor = bexio_currency.round_factor if bexio_currency else None
        expected = round_to_factor(odoo_total, factor) if factor else odoo_total
        values = {
            "bexio_invoice_ref": invoice.id,
            "bexio_document_nr": invoice.document_nr,
            "bexio_status": STATUS_NAMES.get(invoice.kb_item_status_id, "draft"),
            "bexio_total": float(invoice.total or 0),
            "bexio_total_difference": currency.round(
                float((invoice.total or 0) - expected)
            ),
        }
        item._store_remote_ref(self, values)

    def _bexio_currency(self, client):
        """bexio's record of the invoice's currency (its id and rounding), or None."""
        return next(
            (
                c
                for c in client.currencies.iter_all()
                if c.name == self.currency_id.name
            ),
            None,
        )

    # ------------------------------------------------------------ the values
    def _bexio_invoice_values(self, connection, client, currency):
        positions, problems = [], []
        for line in self.invoice_line_ids.filtered(
            lambda line: line.display_type == "product"
        ):
            # Every mapping problem of the invoice at once, not one per attempt.
            mapped = []
            for find in (
                lambda line=line: self._bexio_account_for(line, connection),
                lambda line=line: self._bexio_tax_for(line),
            ):
                try:
                    mapped.append(find())
                except UserError as exc:
                    if exc.args[0] not in problems:
                        problems.append(exc.args[0])
            if len(mapped) < 2:
                continue
            account, tax = mapped
            positions.append(
                custom_position(
                    line.quantity,
                    line.price_unit,
                    text=line.name or line.product_id.display_name or "/",
                    account_id=account.bexio_ref,
                    tax_id=tax.bexio_ref,
                    discount_in_percent=line.discount or None,
                )
            )
        if problems:
            raise UserError("\n".join(problems))
        if not positions:
            raise UserError(self.env._("The invoice has no lines to send to bexio."))
        included = any(tax.price_include for tax in self.invoice_line_ids.tax_ids)
        values = {
            "contact_id": self._bexio_contact_for(connection, client),
            "user_id": self._bexio_signed_in_user(connection, client),
            "title": self.ref or self.name,
            "is_valid_from": (self.invoice_date or fields.Date.today()).isoformat(),
            # The positions' taxes apply, added to Odoo's prices or included in them, so that
            # bexio's total is Odoo's. (mwst_type 1, "excluding taxes" in the docs, makes live
            # bexio compute no VAT at all.) A bexio company without VAT charges none whatever
            # is sent: its total is then lower than Odoo's, and the difference says so.
            "mwst_type": MWST_TAXED,
            "mwst_is_net": not included,
            "positions": positions,
        }
        if self.invoice_date_due:
            values["is_valid_to"] = self.invoice_date_due.isoformat()
        if currency is None:
            raise UserError(
                self.env._(
                    "bexio has no currency %s: add it in bexio, then retry.",
                    self.currency_id.name,
                )
            )
        values["currency_id"] = currency.id
        lang = (self.partner_id.lang or "")[:2]
        language = next(
            (
                language
                for language in client.languages.iter_all()
                if language.iso_639_1 == lang
            ),
            None,
        )
        if language:
            values["language_id"] = language.id
        if not connection.invoice_use_bexio_numbering:
            setting = client.document_settings.for_class("KbInvoice")
            if setting is not None and setting.get("use_automatic_enumeration"):
                raise UserError(
                    self.env._(
                        "bexio numbers invoices itself (automatic numbering is on in bexio), so it "
                        'would refuse Odoo\'s number %s. Switch on "Use bexio invoice numbers" on '
                        "the bexio connection, or switch off automatic numbering in bexio, then "
                        "retry.",
                        self.name,
                    )
                )
            values["document_nr"] = self.name
        return values

    def _bexio_account_for(self, line, connection):
        """The most specific account set: the billed task's (one per task, as bexio users
        assign them), the product's (an expense category is a product, so a re-invoiced
        expense takes its category's), the project's, the product category's, the
        connection's default."""
        # Product and category accounts are per company; the job's user may be in another.
        product = line.product_id.with_company(self.company_id)
        projects = self._bexio_projects_of(line)
        for candidate in (
            self._bexio_task_account(line),
            product.product_tmpl_id.bexio_account_id,
            projects.bexio_account_id[:1],
            product.categ_id.bexio_account_id,
            connection.invoice_default_account_id,
        ):
            if candidate:
                return candidate
        raise UserError(
            self.env._(
                'The line "%(line)s" has no bexio account: set one on its task, the product, its '
                "category (%(category)s), the project, or as default on the bexio connection, "
                "then retry.",
                line=line.name,
                category=product.categ_id.display_name or "-",
            )
        )

    def _bexio_task_account(self, line):
        tasks = self._bexio_tasks_of(line)
        accounts = tasks.bexio_account_id
        # A line billing tasks of different accounts has no one task account: bexio takes
        # one account per position, so the project's (or the product's) decides.
        if len(accounts) == 1 and all(tasks.mapped("bexio_account_id")):
            return accounts
        return self.env["bexio.account"]

    def _bexio_tasks_of(self, line):
        """The tasks whose hours the line bills: the one set on the line; else, where
        sale_timesheet invoices hours, the tasks of the timesheets this invoice bills
        through the line's order lines, or the task the order line made."""
        if line.bexio_task_id:
            return line.bexio_task_id
        # sudo: the job's user need not see every employee's timesheets nor the orders.
        Task = self.env["project.task"].sudo()
        order_lines = line.sudo()["sale_line_ids"] if "sale_line_ids" in line else None
        if not order_lines:
            return Task
        Timesheet = self.env["account.analytic.line"].sudo()
        tasks = Task
        if "timesheet_invoice_id" in Timesheet._fields:
            tasks = Timesheet.search(
                [
                    ("so_line", "in", order_lines.ids),
                    ("timesheet_invoice_id", "=", self.id),
                    ("task_id", "!=", False),
                ]
            ).task_id
        if not tasks and "task_id" in order_lines._fields:
            tasks = order_lines.task_id
        return tasks

    def _bexio_projects_of(self, line):
        account_ids = [
            int(key)
            for keys in (line.analytic_distribution or {})
            for key in keys.split(",")
        ]
        if not account_ids:
            return self.env["project.project"]
        return self.env["project.project"].search([("account_id", "in", account_ids)])

    def _bexio_tax_for(self, line):
        taxes = line.tax_ids
        if len(taxes) != 1:
            raise UserError(
                self.env._(
                    'The line "%s" needs exactly one tax to be sent to bexio.',
                    line.name,
                )
            )
        if not taxes.bexio_tax_id:
            raise UserError(
                self.env._(
                    "Tax '%(tax)s' has no bexio tax: choose its bexio tax in %(menu)s > "
                    'Configuration > Taxes (or use "Suggest tax mapping" on the connection), '
                    "then retry.",
                    tax=taxes.name,
                    menu=self._bexio_accounting_menu(),
                )
            )
        if not taxes.bexio_tax_id.active:
            raise UserError(
                self.env._(
                    "Tax '%(tax)s' is mapped to the bexio tax %(bexio)s, which is no longer "
                    "active; bexio accepts only active sales taxes on invoices.",
                    tax=taxes.name,
                    bexio=taxes.bexio_tax_id.display_name,
                )
            )
        return taxes.bexio_tax_id

    def _bexio_accounting_menu(self):
        """The accounting app's name as this database shows it: "Invoicing" in Community,
        "Accounting" where the accounting app renames it."""
        menu = self.env.ref("account.menu_finance", raise_if_not_found=False)
        return menu.sudo().name if menu else self.env._("Invoicing")

    def _bexio_contact_for(self, connection, client):
        """The customer's bexio contact in this connection's bexio (see the binding)."""
        partner = self.partner_id.commercial_partner_id
        return self.env["bexio.partner.binding"]._contact_ref_for(
            connection,
            client,
            partner,
            lambda values: self._bexio_new_contact_values(
                connection, client, values, is_company=partner.is_company
            ),
        )

    # --------------------------------------------------------------- status
    @api.model
    def _cron_bexio_invoice_status(self):
        """Poll bexio for the status of invoices sent to it (bexio has no webhooks)."""
        open_moves = self.search(self._bexio_polled_domain())
        for company, moves in open_moves.grouped("company_id").items():
            connection = self.env["bexio.connection"]._for_company(company)
            if not connection or connection.state != "connected":
                continue
            client = connection._bexio_client()
            refs = {move.bexio_invoice_ref: move for move in moves}
            try:
                found = client.invoices.search([("id", list(refs), "in")])
            except errors.BexioError:
                continue
            for invoice in found:
                move = refs.get(invoice.id)
                status = STATUS_NAMES.get(invoice.kb_item_status_id)
                if not move or not status:
                    continue
                if move.bexio_status != status or (
                    status == "paid" and not move.bexio_paid_since
                ):
                    move.write(
                        {
                            "bexio_status": status,
                            "bexio_document_nr": invoice.document_nr
                            or move.bexio_document_nr,
                            "bexio_paid_since": move._bexio_paid_since(status),
                        }
                    )
                if status in ("draft", "cancelled"):
                    continue
                # One invoice's failure (bexio's or a booking Odoo refuses) leaves the
                # others polled, and its payments unrecorded so that the next poll retries.
                try:
                    with self.env.cr.savepoint():
                        move._bexio_read_payments(connection, client)
                        move._bexio_attach_pdf(client)
                except (errors.BexioError, UserError) as exc:
                    _logger.warning(
                        "bexio payments of invoice %s not read: %s", move.id, exc
                    )
                    continue
        return True

    @api.model
    def _bexio_polled_domain(self):
        """Invoices in bexio that are open, and those paid lately: bexio lets a payment be
        deleted after the invoice is paid in full, and only a poll can see that."""
        cutoff = fields.Datetime.now() - datetime.timedelta(days=PAID_POLL_DAYS)
        return [
            ("bexio_invoice_ref", "!=", 0),
            ("bexio_status", "!=", "cancelled"),
            "|",
            ("bexio_status", "!=", "paid"),
            "|",
            ("bexio_paid_since", "=", False),
            ("bexio_paid_since", ">=", cutoff),
        ]

    def _bexio_paid_since(self, status):
        if status != "paid":
            return False
        return self.bexio_paid_since or fields.Datetime.now()

    def _bexio_read_payments(self, connection, client):
        """Odoo's record of bexio's payments follows bexio's: new ones added, deleted undone."""
        self.ensure_one()
        remote = {p.id: p for p in client.invoices.payments(self.bexio_invoice_ref)}
        known = {line.bexio_ref: line for line in self.bexio_payment_ids}
        self.bexio_payment_ids.filtered(
            lambda line: line.bexio_ref not in remote
        )._undo()
        for ref, payment in remote.items():
            if ref in known:
                continue
            line = self.env["bexio.invoice.payment"].create(
                {
                    "move_id": self.id,
                    "bexio_ref": ref,
                    "date": payment.date,
                    "amount": float(payment.value or 0),
                }
            )
            if connection.invoice_book_bexio_payments:
                line.payment_id = self._bexio_book_payment(connection, line)

    def _bexio_book_payment(self, connection, line):
        journal = connection.invoice_payment_journal_id
        if not journal:
            raise UserError(
                self.env._(
                    "The bexio connection books bexio's payments in Odoo but names no "
                    "journal for them: choose one, then the next poll books them."
                )
            )
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=self.ids)
            .create(
                {
                    "amount": line.amount,
                    "payment_date": line.date,
                    "journal_id": journal.id,
                    "communication": self.env._(
                        "bexio payment %s", self.bexio_document_nr or self.name
                    ),
                }
            )
        )
        return wizard._create_payments()

    def _bexio_attach_pdf(self, client):
        """bexio's PDF of the issued invoice, attached once."""
        self.ensure_one()
        if self.bexio_pdf_id:
            return
        pdf = client.invoices.pdf(self.bexio_invoice_ref, logopaper=True)
        name = f"{self.bexio_document_nr or self.bexio_invoice_ref}.pdf"
        self.bexio_pdf_id = self.env["ir.attachment"].create(
            {
                "name": name,
                "res_model": self._name,
                "res_id": self.id,
                "datas": base64.b64encode(pdf.data),
                "mimetype": "application/pdf",
            }
        )
