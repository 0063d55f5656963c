# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employees from bexio: the payroll employee (v4) and the person contact (v2).

Odoo, the bexio contact and the bexio payroll employee are matched independently: by the
stored bexio ids, then by personnel number. Names and e-mail addresses are hints only: they
never link or create on their own. Only values that differ are written, so a second import
with nothing changed writes nothing.
"""

import datetime

from odoo import api, fields, models

from odoo.addons.bexio_connector.services.record_changes import changed_values

from bexio_api import errors

from ..services import employee_mapping as mapping


class BexioPayrollImporter(models.AbstractModel):
    _name = "bexio.payroll.importer"
    _description = "bexio imports: employees"

    @api.model
    def _import_employees(self, connection, only=None):
        """Import bexio's employees into ``connection``'s company; returns the sync run.

        ``only`` limits the import to these Odoo employees (the "Sync with bexio" button).
        """
        client = connection._bexio_client()
        with self.env["bexio.sync.run"]._open(
            connection, client, self.env._("Employees from bexio")
        ) as run:
            company = connection.company_id
            Employee = self.env["hr.employee"]
            employees = Employee.with_context(active_test=False).search(
                [("company_id", "=", company.id)]
            )
            # Saved in Odoo, not yet in bexio: what bexio answers now is older than Odoo.
            unsent = self.env["bexio.outbox"]._unsent_fields(employees)
            contacts = {c.id: c for c in client.contacts.iter_all()}
            contacts_by_nr = {c.get("nr"): c for c in contacts.values() if c.get("nr")}
            try:
                payroll = client.payroll_employees.list()
            except errors.ModuleNotSubscribed:
                payroll = None
                if connection.payroll_state != "not_subscribed":
                    connection.sudo().write(
                        {
                            "payroll_state": "not_subscribed",
                            "payroll_checked_at": fields.Datetime.now(),
                        }
                    )
            if payroll is None:
                # Without the payroll module, employees sync with their bexio contacts only.
                seen = Employee.browse()
                for employee in (only or employees).filtered("bexio_contact_ref"):
                    contact = contacts.get(employee.bexio_contact_ref)
                    if contact is None:
                        run._count("skipped")
                        continue
                    changed = self._apply(
                        employee, None, contact, unsent.get(employee.id, ())
                    )
                    run._count("updated" if changed else "skipped")
                    seen |= employee
                self._mark_synced(seen)
                run.message = self.env._(
                    "bexio payroll is not part of the subscription: employees were updated "
                    "from their bexio contacts only."
                )
                return run
            by_ref = {e.bexio_payroll_ref: e for e in employees if e.bexio_payroll_ref}
            by_number = {e.personnel_number: e for e in employees if e.personnel_number}
            wanted = set(only.mapped("bexio_payroll_ref")) if only else None
            today = datetime.date.today()
            new = {}  # bexio id -> (values, IBAN): created together after the loop
            seen = Employee.browse()  # read from bexio and up to date: synced now
            summaries = self._wanted_summaries(payroll, wanted, run)
            details = client.payroll_employees.get_many(
                [summary.id for summary in summaries],
                date=today,
                workers=connection._read_workers(),
            )
            for done, (ref, detail) in enumerate(details):
                run._progress(done, len(summaries))
                try:
                    if isinstance(detail, errors.BexioError):
                        raise detail
                    detail.validate()
                    employee = by_ref.get(detail.id)
                    if not employee and detail.personal_number:
                        employee = by_number.get(detail.personal_number)
                        if employee and employee.bexio_payroll_ref:
                            employee = None  # linked to another bexio employee already
                    contact = (
                        contacts.get(employee.bexio_contact_ref) if employee else None
                    )
                    contact = contact or contacts_by_nr.get(detail.personal_number)
                    if not employee:
                        hint = self._hint(employees, detail)
                        if hint:
                            run._log_failure(hint, reference=detail.id)
                            continue
                        self._log_invalid_import(detail, run)
                        new[detail.id] = (
                            self._new_values(detail, contact, company),
                            detail.iban,
                        )
                        continue
                    self._log_invalid_import(detail, run)
                    changed = self._apply(
                        employee, detail, contact, unsent.get(employee.id, ())
                    )
                    run._count("updated" if changed else "skipped")
                    seen |= employee
                except (errors.InvalidRecord, errors.NotFound, errors.Gone) as exc:
                    self._log_unread(run, {"id": ref}, exc)
            created = run._create_records(
                Employee.with_context(bexio_no_outbox=True),
                {ref: values for ref, (values, _iban) in new.items()},
            )
            for ref, employee in created.items():
                if iban := new[ref][1]:
                    self._set_bank_account(employee, iban)
                seen |= employee
            self._mark_synced(seen)
        return run

    def _wanted_summaries(self, payroll, wanted, run):
        """The listed employees to read in detail: valid ones, and only ``wanted`` if given."""
        summaries = []
        for summary in payroll:
            try:
                summary.validate()
            except errors.InvalidRecord as exc:
                self._log_unread(run, summary, exc)
                continue
            if wanted is None or summary.id in wanted:
                summaries.append(summary)
        return summaries

    def _log_unread(self, run, summary, exc):
        run._log_failure(
            self.env._(
                "bexio employee %(id)s was not imported: %(error)s",
                id=summary.get("id"),
                error=exc.message,
            ),
            reference=str(summary.get("id")),
        )

    def _mark_synced(self, employees):
        """Stamp "Last synced" on employees that an import found in agreement with bexio."""
        if not employees:
            return
        # In SQL: a stamp of the reading, not a change of the employee; write_date stays,
        # so that a second import writes nothing.
        self.env.cr.execute(
            "UPDATE hr_employee SET bexio_synced_at = %s WHERE id IN %s",
            [fields.Datetime.now(), tuple(employees.ids)],
        )
        employees.invalidate_recordset(["bexio_synced_at"])

    @api.model
    def _log_invalid_import(self, detail, run):
        """bexio's AHV number and IBAN are imported only when valid: say so when not.

        The values are left out of the message: sync runs are read without HR rights.
        """
        who = self.env._(
            "bexio employee %(name)s (personnel number %(number)s)",
            name=f"{detail.first_name or ''} {detail.last_name or ''}".strip(),
            number=detail.personal_number or "-",
        )
        if detail.ahv_number and not mapping.valid_ahv(detail.ahv_number):
            run._log_failure(
                self.env._(
                    "%s has an AHV number that is not valid; it was not imported and Odoo "
                    "kept its own. Correct it in bexio payroll.",
                    who,
                ),
                reference=detail.id,
            )
        if detail.iban and not mapping.valid_iban(detail.iban):
            run._log_failure(
                self.env._(
                    "%s has a bank account that is not a valid IBAN; it was not imported and "
                    "Odoo kept its own. Correct it in bexio payroll.",
                    who,
                ),
                reference=detail.id,
            )

    @api.model
    def _hint(self, employees, detail):
        """An unlinked Odoo employee with the same e-mail or name: say so, link nothing."""
        name = f"{detail.first_name or ''} {detail.last_name or ''}".strip().lower()
        email = (detail.email or "").lower()
        for employee in employees.filtered(lambda e: not e.bexio_payroll_ref):
            emails = {
                (employee.private_email or "").lower(),
                (employee.work_email or "").lower(),
            }
            if (email and email in emails) or (
                name and employee.name.strip().lower() == name
            ):
                return self.env._(
                    "bexio employee %(name)s (personnel number %(number)s) looks like the Odoo "
                    "employee %(odoo)s, which has no personnel number. Enter %(number)s as "
                    "personnel number on %(odoo)s to link them, then sync again; nothing was "
                    "imported meanwhile.",
                    name=name.title(),
                    number=detail.personal_number or "-",
                    odoo=employee.name,
                )
        return None

    @api.model
    def _new_values(self, detail, contact, company):
        """The values of a new Odoo employee for bexio's ``detail`` and ``contact``."""
        values = {
            "name": detail.id,
            "company_id": company.id,
            "bexio_payroll_ref": detail.id,
            **self._values_from_payroll(detail),
        }
        if detail.personal_number:
            values["personnel_number"] = detail.personal_number
            values["bexio_personnel_number_synced"] = detail.personal_number
        if contact is not None:
            values["bexio_contact_ref"] = contact["id"]
            for field, value in mapping.values_from_contact(contact).items():
                values.setdefault(field, value)
        return values

    def _apply(self, employee, detail, contact, unsent=()):
        """Write what bexio has and Odoo does not yet; return whether anything changed.

        ``unsent`` are the fields saved in Odoo and still on their way to bexio: bexio's
        value of them is the old one, and writing it would undo the save on both sides
        (the outbox sends the record's current state).
        """
        employee.ensure_one()
        values = {}
        if detail is not None:
            values.update(self._values_from_payroll(detail))
            number = detail.personal_number or False
            if number != (employee.personnel_number or False):
                if employee.personnel_number and number:
                    employee._bexio_flag_number_conflict(
                        odoo=employee.personnel_number, bexio=number
                    )
                elif number:
                    values["personnel_number"] = number
            if number and number == (employee.personnel_number or False):
                values["bexio_personnel_number_synced"] = number
            if employee.bexio_payroll_ref != detail.id:
                values["bexio_payroll_ref"] = detail.id
        if contact is not None:
            if contact.get("id") != employee.bexio_contact_ref:
                values["bexio_contact_ref"] = contact["id"]
            values.update(
                {
                    k: v
                    for k, v in mapping.values_from_contact(contact).items()
                    if k not in values
                }
            )
        changes = changed_values(
            employee, {k: v for k, v in values.items() if k not in unsent}
        )
        bank = (
            detail.iban
            if detail is not None and "bank_account_id" not in unsent
            else None
        )
        if changes:
            employee.with_context(bexio_no_outbox=True).write(changes)
        bank_changed = bank and self._set_bank_account(employee, bank)
        return bool(changes or bank_changed)

    def _values_from_payroll(self, detail):
        """The Odoo values for bexio payroll's ``detail``, its codes looked up in Odoo."""
        nationality = detail.nationality or ""
        address_country = detail.address.country if detail.address else None
        return mapping.values_from_payroll(
            detail,
            nationality=self._country(nationality)
            if len(nationality) == 2 and nationality.isalpha()
            else None,
            address_country=self._country(address_country) if address_country else None,
            lang=self._lang(detail.language),
        )

    @api.model
    def _country(self, code):
        return self.env["res.country"].search([("code", "=", code)], limit=1).id

    @api.model
    def _lang(self, code):
        if code not in mapping.BEXIO_LANGUAGES:
            return None
        installed = [lang for lang, _name in self.env["res.lang"].get_installed()]
        preferred = [
            f"{code}_CH",
            f"{code}_DE",
            f"{code}_FR",
            f"{code}_IT",
            f"{code}_US",
        ]
        for lang in preferred + [lang for lang in installed if lang.startswith(code)]:
            if lang in installed:
                return lang
        return None

    def _set_bank_account(self, employee, iban):
        """Point the employee at a bank account with bexio's IBAN; True if it changed."""
        if not mapping.valid_iban(iban):
            return False
        number = mapping.compact_iban(iban)
        if (
            employee.bank_account_id
            and mapping.compact_iban(employee.bank_account_id.acc_number or "")
            == number
        ):
            return False
        partner = employee.work_contact_id
        if not partner:
            return False
        Bank = self.env["res.partner.bank"].sudo()
        account = Bank.search(
            [("partner_id", "=", partner.id), ("sanitized_acc_number", "=", number)],
            limit=1,
        ) or Bank.create({"partner_id": partner.id, "acc_number": number})
        employee.with_context(bexio_no_outbox=True).write(
            {"bank_account_id": account.id}
        )
        return True
