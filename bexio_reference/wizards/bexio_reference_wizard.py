# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.bexio_reference_facts import LANGUAGES


class BexioReferenceWizard(models.TransientModel):
    """Write a reference in a few minutes: facts prefilled from HR, grades, then the text."""

    _name = "bexio.reference.wizard"
    _inherit = "bexio.reference.facts"
    _description = "New employment reference"

    missing = fields.Text(compute="_compute_missing", string="Missing in HR")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        from_employee = context.get("active_model") == "hr.employee"
        employee = self.env["hr.employee"].browse(
            values.get("employee_id") or (from_employee and context.get("active_id"))
        )
        if employee:
            values.update(self._from_employee(employee))
        return values

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        # Opened from the list, the employee is picked here: prefill as from the employee form.
        if self.employee_id:
            self.update(self._from_employee(self.employee_id))

    @api.model
    def _from_employee(self, employee):
        """What HR, the contracts and the company already know.

        The employee comes from the client (the context's active_id or the form), so the user's
        own right to read it and its company is checked before contracts are read as superuser.
        """
        if not self.env.su:
            if not self.env.user.has_group("hr.group_hr_user"):
                raise AccessError(
                    self.env._("Only HR officers handle employment references.")
                )
            employee.check_access("read")
            if employee.company_id and employee.company_id not in self.env.companies:
                raise AccessError(
                    self.env._(
                        "%s belongs to a company you are not working in right now: "
                        "switch to it first.",
                        employee.name,
                    )
                )
        employee = employee.sudo()
        contracts = employee.contract_ids.filtered(lambda c: c.state != "cancel")
        first = min(contracts.mapped("date_start"), default=False)
        ends = contracts.mapped("date_end")
        last_end = max(ends) if ends and all(ends) else False
        hints = self._employee_hints(employee)
        level = hints.get("workload") or 100
        manager = self.env["hr.employee"].search(
            [("user_id", "=", self.env.uid)], limit=1
        )
        lang = (
            employee.lang
            or hints.get("language")
            or employee.company_id.partner_id.lang
            or "de"
        )[:2]
        name = (employee.name or "").split()
        return {
            "employee_id": employee.id,
            "employee_name": employee.name,
            "birth_date": employee.birthday,
            # The place of birth is no place of origin: HR fills that in from the passport.
            "nationality_id": employee.country_id.id,
            "salutation": {"female": "f", "male": "m"}.get(employee.gender, False),
            "surname": hints.get("surname") or (name[-1] if name else False),
            "function": employee.job_title or employee.job_id.name or False,
            "workload": int(level),
            "date_start": first,
            "date_end": last_end,
            "is_manager": bool(employee.child_ids),
            "place": employee.company_id.city or False,
            "signer_name": manager.name or self.env.user.name,
            "signer_role": manager.job_title or False,
            "language": lang if lang in dict(LANGUAGES) else "de",
            "reference_type": "full" if last_end else "interim",
        }

    @api.model
    def _employee_hints(self, employee):
        """What another application knows of ``employee`` beyond HR's own fields: its
        ``language`` and ``surname`` when Odoo cannot hold them, its ``workload`` in percent.

        None here; the bexio_reference_payroll bridge adds what bexio payroll knows, so a
        company that only writes references does not install the bexio connector.
        """
        return {}

    @api.depends(
        "birth_date",
        "origin",
        "nationality_id",
        "function",
        "date_start",
        "tasks",
        "place",
    )
    def _compute_missing(self):
        labels = {
            "birth_date": self.env._("date of birth"),
            "origin": self.env._("place of origin or nationality"),
            "function": self.env._("function"),
            "date_start": self.env._("start date"),
            "tasks": self.env._("tasks"),
            "place": self.env._("place of issue"),
        }
        for wizard in self:
            missing = [
                label
                for name, label in labels.items()
                if not wizard[name] and not wizard._known_otherwise(name)
            ]
            wizard.missing = (
                self.env._("Not in HR yet, complete it here: %s.", ", ".join(missing))
                if missing
                else False
            )

    def _known_otherwise(self, name):
        """A foreign national has no Swiss place of origin: the nationality stands for it."""
        return name == "origin" and self.nationality_id.code not in (False, "CH")

    def action_create(self):
        self.ensure_one()
        # Say what is missing in words, before the database refuses it in its own.
        empty = [
            field._description_string(self.env)
            for name, field in self.env["bexio.reference"]._fields.items()
            if field.required and name in self._fields and not self[name]
        ]
        if empty:
            raise UserError(
                self.env._(
                    "Complete this before the reference is written: %s.",
                    ", ".join(empty),
                )
            )
        values = self._facts_values()
        values["company_id"] = self.employee_id.company_id.id
        if self.reference_type == "interim":
            # The form hides the contract's end date for an interim reference: it has none.
            values["date_end"] = False
        reference = self.env["bexio.reference"].create(values)
        reference.action_generate_text()
        return {
            "type": "ir.actions.act_window",
            "res_model": "bexio.reference",
            "res_id": reference.id,
            "view_mode": "form",
        }
