# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from bexio_api import errors

from ..services import employee_mapping as mapping

_logger = logging.getLogger(__name__)

HR = "hr.group_hr_user"
# Written by the sync alone (in sudo): readonly in the views stops no one over RPC.
SYNC_ONLY_FIELDS = frozenset(
    {
        "bexio_payroll_ref",
        "bexio_contact_ref",
        "bexio_employment_level",
        "bexio_hours_per_week",
        "bexio_personnel_number_synced",
        "bexio_personnel_number_remote",
        "bexio_conflict",
        "bexio_synced_at",
        "bexio_problems",
    }
)


class HrEmployee(models.Model):
    """Employees in both directions with bexio: payroll employee (v4) and person contact (v2).

    Odoo, the bexio contact and the bexio payroll employee are matched independently: by the
    stored bexio ids, then by personnel number. Names and e-mail addresses are hints only: they
    never link or create on their own. A personnel number changed on one side is a conflict
    that a person resolves; both values are kept until then.
    """

    _name = "hr.employee"
    _inherit = ["hr.employee", "bexio.sync.mixin"]
    _bexio_targets = {
        "payroll_employee": (*mapping.PAYROLL_SOURCES, "personnel_number"),
        "employee_contact": mapping.CONTACT_SOURCES,
    }

    personnel_number = fields.Char(
        groups=HR,
        copy=False,
        index=True,
        tracking=True,
        help="The personnel number in bexio payroll; it links the employee to bexio.",
    )
    bexio_payroll_ref = fields.Char(
        "bexio payroll ID", groups=HR, copy=False, index=True, readonly=True
    )
    bexio_contact_ref = fields.Integer(
        "bexio contact ID", groups=HR, copy=False, index=True, readonly=True
    )
    bexio_employment_level = fields.Float(
        "Employment level (%)",
        groups=HR,
        readonly=True,
        help="As bexio payroll has it.",
    )
    bexio_hours_per_week = fields.Float(
        "Hours per week", groups=HR, readonly=True, help="As bexio payroll has it."
    )
    bexio_personnel_number_synced = fields.Char(
        "Personnel number last synced", groups=HR, copy=False, readonly=True
    )
    bexio_personnel_number_remote = fields.Char(
        "Personnel number in bexio", groups=HR, copy=False, readonly=True
    )
    bexio_conflict = fields.Text("bexio conflict", groups=HR, copy=False, readonly=True)
    bexio_synced_at = fields.Datetime(
        "Last synced",
        groups=HR,
        copy=False,
        readonly=True,
        help="When Odoo last read this employee from bexio or sent it there.",
    )
    bexio_problems = fields.Char(
        "Values bexio did not receive",
        groups=HR,
        copy=False,
        readonly=True,
        help="The bexio payroll fields (comma-separated) that the last send left out "
        "because Odoo's value is invalid: the chatter says so once, not on every save.",
    )
    bexio_payroll_state = fields.Selection(
        selection=lambda self: self.env["bexio.connection"]
        ._fields["payroll_state"]
        .selection,
        string="bexio payroll module",
        compute="_compute_bexio_payroll_state",
        groups=HR,
    )
    # The mixin's fields, restricted as every hr.employee field must be (hr.employee.public).
    bexio_sync_state = fields.Selection(groups=HR)
    bexio_sync_error = fields.Text(groups=HR)
    bexio_last_sync = fields.Datetime(groups=HR)
    bexio_connection_state = fields.Selection(groups=HR)

    _sql_constraints = [
        (
            "bexio_payroll_ref_uniq",
            "unique(company_id, bexio_payroll_ref)",
            "Two employees cannot be linked to the same bexio payroll employee.",
        ),
    ]

    def _compute_bexio_payroll_state(self):
        for employee in self:
            connection = employee._bexio_connection()
            employee.bexio_payroll_state = (
                connection.payroll_state if connection else False
            )

    def _compute_bexio_sync_state(self):
        # An employee imported or matched by an import agrees with bexio before Odoo ever
        # sends it anything: the outbox alone would call it "Not synced".
        result = super()._compute_bexio_sync_state()
        for employee in self:
            if employee.bexio_sync_state == "not_synced" and employee.bexio_synced_at:
                employee.bexio_sync_state = "synced"
        return result

    # ------------------------------------------------------------- validation
    @api.constrains("ssnid")
    def _check_ssnid(self):
        result = super()._check_ssnid()
        for employee in self:
            if (
                employee.ssnid
                and employee._bexio_settings()
                and not mapping.valid_ahv(employee.ssnid)
            ):
                # The number itself is left out: this message also reaches sync run logs.
                raise ValidationError(
                    self.env._(
                        "The AHV number of %s is not valid. bexio payroll takes Swiss AHV "
                        "numbers only, written 756.xxxx.xxxx.xx, whose last digit is the check "
                        "digit: check the number on the AHV card.",
                        employee.name,
                    )
                )
        return result

    @api.constrains("bank_account_id")
    def _check_bexio_iban(self):
        for employee in self:
            account = employee.sudo().bank_account_id.acc_number
            if (
                account
                and employee._bexio_settings()
                and not mapping.valid_iban(account)
            ):
                raise ValidationError(
                    self.env._(
                        "The bank account of %s is not a valid IBAN, and bexio payroll pays "
                        "salaries to IBANs only. Check the country code, the two check digits "
                        "and the length (21 characters for Switzerland and Liechtenstein).",
                        employee.name,
                    )
                )

    def _bexio_check_sync_only(self, field_names):
        touched = SYNC_ONLY_FIELDS.intersection(field_names)
        if touched and not self.env.su:
            raise AccessError(
                self.env._(
                    "Only the sync with bexio writes these fields: %s.",
                    ", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in touched
                        )
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._bexio_check_sync_only(vals)
        return super().create(vals_list)

    # ---------------------------------------------------------------- conflicts
    def write(self, vals):
        self._bexio_check_sync_only(vals)
        if "personnel_number" in vals and not self.env.context.get("bexio_no_outbox"):
            for employee in self.filtered("bexio_payroll_ref"):
                if (employee.personnel_number or "") != (
                    vals["personnel_number"] or ""
                ):
                    employee._bexio_flag_number_conflict(
                        odoo=vals["personnel_number"],
                        bexio=employee.bexio_personnel_number_synced,
                    )
        return super().write(vals)

    def _bexio_flag_number_conflict(self, odoo, bexio):
        self.ensure_one()
        self.sudo().with_context(bexio_no_outbox=True).write(
            {
                "bexio_personnel_number_remote": bexio,
                "bexio_conflict": self.env._(
                    'The personnel number differs: Odoo "%(odoo)s", bexio "%(bexio)s". It '
                    "links the employee to bexio, so it is not changed on either side until "
                    "you choose which one is right.",
                    odoo=odoo or "",
                    bexio=bexio or "",
                ),
            }
        )

    def _bexio_check_hr_officer(self):
        """The employee buttons are for HR officers, on employees they may edit."""
        if not self.env.su and not self.env.user.has_group(HR):
            raise AccessError(
                self.env._(
                    "Only HR officers can sync employees with bexio or settle their personnel "
                    "numbers."
                )
            )
        self.check_access("write")

    def action_bexio_keep_odoo_number(self):
        """Resolve the conflict with Odoo's number: bexio gets it."""
        self._bexio_check_hr_officer()
        for employee in self:
            employee.sudo().with_context(bexio_no_outbox=True).write(
                {"bexio_conflict": False, "bexio_personnel_number_remote": False}
            )
            connection = employee._bexio_connection()
            if connection:
                self.env["bexio.outbox"]._record_change(
                    connection, employee, "payroll_employee", ["personnel_number"]
                )
        return True

    def action_bexio_take_bexio_number(self):
        """Resolve the conflict with bexio's number: Odoo takes it."""
        self._bexio_check_hr_officer()
        for employee in self:
            employee.sudo().with_context(bexio_no_outbox=True).write(
                {
                    "personnel_number": employee.bexio_personnel_number_remote,
                    "bexio_personnel_number_synced": employee.bexio_personnel_number_remote,
                    "bexio_conflict": False,
                    "bexio_personnel_number_remote": False,
                }
            )
        return True

    def action_bexio_sync(self):
        """ "Sync with bexio": read this employee from bexio now, and send what waits."""
        self._bexio_check_hr_officer()
        # As the hourly sync does, after the check: an HR officer need not see the connection.
        for company, employees in self.sudo().grouped("company_id").items():
            connection = self.env["bexio.connection"].sudo()._for_company(company)
            if not connection or connection.state != "connected":
                raise UserError(
                    self.env._("%s is not connected to bexio.", company.name)
                    if not connection
                    else connection._not_connected_message()
                )
            self.env["bexio.payroll.importer"].sudo()._import_employees(
                connection, only=employees.filtered("bexio_payroll_ref")
            )
            self.env["bexio.outbox"].sudo().search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", employees.ids),
                    ("state", "=", "pending"),
                ]
            )._enqueue()
        return True

    @api.model
    def _bexio_import_employees(self, connection, only=None):
        """Import bexio's employees (``bexio.payroll.importer``); returns the sync run."""
        return self.env["bexio.payroll.importer"]._import_employees(
            connection, only=only
        )

    # --------------------------------------------------------------------- push
    def _bexio_outbox_label(self):
        # The name, without display_name's access check on every save.
        return self.sudo().name

    def _bexio_should_push(self, target):
        settings = self._bexio_settings()
        if not settings or self.env.context.get("bexio_no_outbox"):
            return False
        create = settings["payroll_create_employees"]
        if target == "payroll_employee":
            if settings["payroll_state"] in ("not_subscribed", "not_requested"):
                return False
            return bool(self.bexio_payroll_ref) or create
        return bool(self.bexio_contact_ref) or create

    def _bexio_push_on_create(self, target):
        return self._bexio_should_push(target)

    def _bexio_payroll_values(self, changed):
        """The payroll fields fed by the Odoo fields in ``changed``; invalid ones left out."""
        return mapping.payroll_values(
            self, changed, self.sudo().bank_account_id.acc_number
        )

    def _bexio_problem_message(self, field):
        # Named, never shown: outbox errors and the chatter are read by people without HR
        # rights, so not even a masked AHV number or IBAN goes into them.
        return {
            "ahv_number": self.env._(
                "The AHV number in Odoo is not valid (it must be 756.xxxx.xxxx.xx with a "
                "correct check digit); it was not sent to bexio. Correct it on the "
                "employee's form."
            ),
            "iban": self.env._(
                "The bank account in Odoo is not a valid IBAN; it was not sent to bexio. "
                "Correct it on the employee's form."
            ),
            "date_of_birth": self.env._(
                "The date of birth in Odoo is not plausible (before 1900 or not in the "
                "past); it was not sent to bexio. Correct it on the employee's form."
            ),
            "address": self.env._(
                "The private address has no house number; bexio payroll takes the street "
                "only with its house number, so the street was not sent. Add the house "
                "number to the street in Odoo."
            ),
        }[field]

    def _bexio_push_payroll_employee(self, item):
        self.ensure_one()
        connection = item.connection_id
        client = connection._bexio_client()
        if self.bexio_conflict and item.changed_fields == "personnel_number":
            raise UserError(self.bexio_conflict)
        changed = set((item.changed_fields or "").split(","))
        if self.bexio_payroll_ref:
            values, _problems = self._bexio_payroll_values(changed)
            try:
                if values:
                    self._bexio_patch_payroll(client, values)
                reference = self.bexio_payroll_ref
            except (errors.NotFound, errors.Gone):
                reference = self._bexio_recreate_payroll(client, item)
        else:
            reference = self._bexio_create_payroll(client, item)
        # Every value bexio lacks because Odoo's is invalid, changed now or before: each is
        # listed until it is corrected, none replaces another.
        _values, problems = self._bexio_payroll_values(set(mapping.PAYROLL_SOURCES))
        pending = [f for f in mapping.PROBLEM_FIELDS if f in problems]
        before = set((self.bexio_problems or "").split(","))
        stamp = {
            "bexio_synced_at": fields.Datetime.now(),
            "bexio_problems": ",".join(pending) or False,
        }
        if "personnel_number" in changed and self.personnel_number:
            stamp["bexio_personnel_number_synced"] = self.personnel_number
        item._store_remote_ref(self, stamp)
        if not pending:
            return reference
        # Sent without the refused values: the rest is in bexio, the warning stays visible.
        warning = "\n".join(self._bexio_problem_message(f) for f in pending)
        if set(pending) - before:  # said once in the chatter, not on every save
            self.message_post(body=warning, subtype_xmlid="mail.mt_note")
        return reference, warning

    def _bexio_patch_payroll(self, client, values):
        """PATCH ``values``, with the AHV number bexio requires in every change: Odoo's when
        it is valid (the same as bexio's, or the change being sent), else bexio's own (the
        SDK reads it)."""
        if "ahv_number" not in values and mapping.valid_ahv(self.ssnid):
            values = dict(values, ahv_number=mapping.format_ahv(self.ssnid))
        try:
            client.payroll_employees.update(self.bexio_payroll_ref, values)
        except ValueError as exc:
            # The values are writable and the street goes with its number: what the SDK can
            # still refuse is a change without any AHV number.
            raise UserError(
                self.env._(
                    "bexio payroll needs the AHV number with every change of an employee, and "
                    "%s has no valid one, in Odoo or in bexio: enter it, then save again.",
                    self.name,
                )
            ) from exc

    def _bexio_create_payroll(self, client, item):
        """Create the payroll employee, unless an earlier attempt already did (lost answer)."""
        if self.personnel_number:
            for existing in client.payroll_employees.list():
                if existing.get("personal_number") == self.personnel_number:
                    item._store_remote_ref(self, {"bexio_payroll_ref": existing.id})
                    return existing.id
        values, problems = self._bexio_payroll_values(
            set(mapping.PAYROLL_SOURCES) | {"personnel_number"}
        )
        if "ahv_number" not in values:
            raise UserError(
                "\n".join(self._bexio_problem_message(f) for f in sorted(problems))
                or self.env._(
                    "bexio payroll needs an AHV number to create an employee: enter it on %s.",
                    self.name,
                )
            )
        created = client.payroll_employees.create(values)
        item._store_remote_ref(
            self,
            {
                "bexio_payroll_ref": created.id,
                "bexio_personnel_number_synced": self.personnel_number,
            },
        )
        return created.id

    def _bexio_recreate_payroll(self, client, item):
        old = self.bexio_payroll_ref
        item._store_remote_ref(self, {"bexio_payroll_ref": False})
        self.invalidate_recordset(["bexio_payroll_ref"])
        reference = self._bexio_create_payroll(client, item)
        self.message_post(
            body=self.env._(
                "The bexio payroll employee %(old)s no longer exists in bexio; Odoo created it "
                "again as %(new)s with the employee's current data.",
                old=old,
                new=reference,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return reference

    def _bexio_push_employee_contact(self, item):
        reference = self._bexio_send_contact(item)
        item._store_remote_ref(self, {"bexio_synced_at": fields.Datetime.now()})
        return reference

    def _bexio_send_contact(self, item):
        self.ensure_one()
        client = item.connection_id._bexio_client()
        values = mapping.contact_values(self)
        if self.bexio_contact_ref:
            try:
                return str(client.contacts.update(self.bexio_contact_ref, values).id)
            except errors.NotFound:
                _logger.info(
                    "bexio contact %s of employee %s is gone or archived; healing it",
                    self.bexio_contact_ref,
                    self.id,
                )
            try:
                archived = client.contacts.get(
                    self.bexio_contact_ref, show_archived=True
                )
            except errors.NotFound:
                archived = None
            if archived is not None:
                client.contacts.restore(archived.id)
                self.message_post(
                    body=self.env._(
                        "The bexio contact %s was archived in bexio; Odoo restored it.",
                        archived.id,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                return str(client.contacts.update(archived.id, values).id)
        existing = None
        if self.personnel_number:
            existing = client.contacts.find_one([("nr", self.personnel_number, "=")])
        if existing is None:
            existing = client.contacts.create(
                self._bexio_new_contact_values(
                    item.connection_id,
                    client,
                    dict(values, nr=self.personnel_number or None),
                    is_company=False,
                )
            )
            if self.bexio_contact_ref:
                self.message_post(
                    body=self.env._(
                        "The bexio contact %(old)s no longer exists; Odoo created it "
                        "again as %(new)s.",
                        old=self.bexio_contact_ref,
                        new=existing.id,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        item._store_remote_ref(self, {"bexio_contact_ref": existing.id})
        return str(existing.id)
