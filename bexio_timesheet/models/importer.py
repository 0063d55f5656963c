# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Imports from bexio: master data, customers, users, projects and their hours.

Each kind is one sync run. Records are matched by their stored bexio id; only values that
differ are written, so a second import with nothing changed writes nothing. A malformed bexio
record fails alone and is listed in its run.
"""

import datetime
import logging

from odoo import api, models

from odoo.addons.bexio_connector.services.address import join_street

from .bexio_connection import CUSTOMER_GROUP_NAMES, CUSTOMER_RULE_THRESHOLD

_logger = logging.getLogger(__name__)

BEXIO_TIMESTAMP = "%Y-%m-%d %H:%M:%S"  # v2's updated_at, bexio's local time
CHANGES_OVERLAP = datetime.timedelta(hours=1)


class BexioTimesheetImporter(models.AbstractModel):
    _name = "bexio.timesheet.importer"
    _description = "bexio imports: customers, projects, hours"

    @api.model
    def _import_all(self, connection, full=False):
        client = connection._bexio_client()
        context = {
            "bexio_no_outbox": True,
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_notrack": True,
        }
        importer = self.with_context(**context).with_company(connection.company_id)
        # Steps of the job: each is committed when done, and a retry skips those done.
        step = self.env["bexio.sync.run"]._run_step
        full = full or self.env.context.get("bexio_full_read", False)
        return [
            step(connection, "master_data", importer._import_master_data, client),
            step(connection, "contacts", importer._import_contacts, client, full=full),
            step(connection, "users", importer._import_users, client),
            step(connection, "projects", importer._import_projects, client),
            step(connection, "timesheets", importer._import_timesheets, client),
        ]

    @api.model
    def _known(self, model, field, domain, key=None):
        """The records of ``model`` in ``domain`` that carry a bexio id in ``field``, by id.

        ``key`` makes the dictionary key of a record instead (default: its bexio id).
        Archived records count: an archived project or partner is still the one bexio means.
        """
        records = model.with_context(active_test=False).search(
            domain + [(field, "!=", 0)]
        )
        return {(key(r) if key else r[field]): r for r in records}

    # ------------------------------------------------------------ master data
    def _import_master_data(self, connection, client):
        kind = self.env._("Accounts, taxes and activities from bexio")
        with self.env["bexio.sync.run"]._open(connection, client, kind) as run:
            kinds = (
                (
                    "bexio.account",
                    client.accounts.iter_all(),
                    lambda a: {
                        "name": a.name,
                        "code": a.account_no,
                        "active": bool(a.is_active),
                        "account_type": str(a.account_type)
                        if a.account_type
                        else False,
                    },
                ),
                (
                    "bexio.tax",
                    client.taxes.iter_all(),
                    lambda t: {
                        "name": t.display_name or t.name,
                        "code": t.code,
                        "rate": float(t.value or 0),
                        "tax_type": t.type,
                        "active": bool(t.is_active),
                    },
                ),
                (
                    "bexio.business.activity",
                    client.business_activities.iter_all(),
                    lambda b: {"name": b.name, "billable": bool(b.default_is_billable)},
                ),
            )
            for model, records, to_values in kinds:
                Model = self.env[model].sudo()
                known = self._known(
                    Model, "bexio_ref", [("connection_id", "=", connection.id)]
                )
                new = {}
                for record, values in run._each_valid(records, to_values):
                    existing = known.get(record.id)
                    if existing is None:
                        new[record.id] = dict(
                            values, connection_id=connection.id, bexio_ref=record.id
                        )
                    else:
                        run._update(existing, values)
                run._create_records(Model, new)
        return run

    # --------------------------------------------------------------- contacts
    def _customer_group(self, connection, groups):
        """The id and name of the category that marks customers, or (None, None)."""
        wanted = (connection.customer_group_name or "").strip().lower()
        names = (wanted,) if wanted else CUSTOMER_GROUP_NAMES
        for group_id, name in groups.items():
            if (name or "").strip().lower() in names:
                return group_id, name
        return None, None

    def _import_contacts(self, connection, client, full=False):
        """Customers (or every contact while fewer than ten carry the customer category).

        After a full read, the hourly sync asks bexio only for the contacts changed since the
        newest change already seen; the full read (nightly, or the button) also archives the
        partners whose contact is gone from bexio, which no search on changes can show.
        """
        with self.env["bexio.sync.run"]._open(
            connection, client, self.env._("Contacts from bexio")
        ) as run:
            groups = {g.id: g.name for g in client.contact_groups.iter_all()}
            group_id, group_name = self._customer_group(connection, groups)
            since = self._contacts_since(connection)
            full = full or not since
            if full:
                customers = (
                    list(client.contacts.search([("contact_group_ids", group_id, "=")]))
                    if group_id
                    else []
                )
                only_customers = len(customers) >= CUSTOMER_RULE_THRESHOLD
                everyone = (
                    list(client.contacts.iter_all())
                    if not only_customers or connection.last_contact_import
                    else None  # the first import: nothing in Odoo can be gone yet
                )
                contacts = customers if only_customers else everyone
            else:
                # Which contacts count is decided by the full read; until the next one the
                # hourly sync keeps to it.
                only_customers = connection.contact_import_customers_only and group_id
                criteria = [("updated_at", since, ">=")]
                if only_customers:
                    criteria.append(("contact_group_ids", group_id, "="))
                contacts = list(client.contacts.search(criteria))
                customers = everyone = None
            known = self.env["bexio.partner.binding"]._partners_of(connection)
            created = self._store_contacts(run, connection, client, contacts, groups)
            known.update(created)
            self._link_persons(client, known, None if full or created else since)
            gone = (
                self._archive_deleted(connection, known, {c.id for c in everyone})
                if everyone is not None
                else 0
            )
            newest = max(
                [connection.last_contact_import or ""]
                + [c.get("updated_at") or "" for c in everyone or contacts]
            )
            connection.sudo().write(
                {
                    "last_contact_import": newest or False,
                    "contact_import_customers_only": bool(only_customers),
                }
            )
            run.message = self._contacts_message(
                full, only_customers, customers, group_name
            )
            if gone:
                run.message += " " + self.env._(
                    "%s contacts were deleted in bexio: their partners are archived.",
                    gone,
                )
        return run

    def _contacts_since(self, connection):
        """The bexio time to ask for changes from, or None for a full read.

        An hour before the newest change seen: bexio stamps whole seconds in local time, a
        contact saved while the last sync read may carry an earlier stamp, and the clock
        goes back an hour in October. Contacts changed in that hour are read again and,
        unchanged in Odoo, written nothing.
        """
        if not connection.last_contact_import:
            return None
        newest = datetime.datetime.strptime(
            connection.last_contact_import, BEXIO_TIMESTAMP
        )
        return (newest - CHANGES_OVERLAP).strftime(BEXIO_TIMESTAMP)

    def _store_contacts(self, run, connection, client, contacts, groups):
        """Update the partners of ``contacts``; create the new ones (by bexio id)."""
        if not contacts:
            return {}
        company = connection.company_id
        odoo_countries = {c.code: c.id for c in self.env["res.country"].search([])}
        countries = {
            c.id: odoo_countries.get(c.iso_code) for c in client.countries.iter_all()
        }
        Partner = self.env["res.partner"].with_context(active_test=False)
        Binding = self.env["bexio.partner.binding"]
        known = Binding._partners_of(connection)
        tags = {}
        new = {}
        for contact, values in run._each_valid(
            contacts,
            lambda c: self._partner_values(c, groups, countries, tags, company),
        ):
            partner = known.get(contact.id)
            if partner is None:
                new[contact.id] = values
            else:
                run._update(partner, values)
        created = run._create_records(Partner, new)
        Binding._link_imported(connection, created)
        return created

    def _archive_deleted(self, connection, known, in_bexio):
        """Archive the partners whose contact bexio lists no more, and return how many.

        bexio keeps a deleted contact, archived, so the link stays: a partner another
        company's bexio also has stays active.
        """
        # bexio numbers contacts upwards: one above the newest listed was made after the
        # read (by Odoo's outbox, say), not deleted.
        newest = max(in_bexio, default=0)
        gone = self.env["res.partner"].union(
            *(p for r, p in known.items() if r not in in_bexio and r < newest)
        )
        gone = gone.filtered("active")
        if not gone:
            return 0
        elsewhere = (
            self.env["bexio.partner.binding"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", gone.ids),
                    ("connection_id", "!=", connection.id),
                ]
            )
            .partner_id
        )
        archived = gone - elsewhere
        archived.action_archive()
        return len(archived)

    def _contacts_message(self, full, only_customers, customers, group_name):
        if only_customers:
            return (
                self.env._(
                    '%(count)s contacts carry the customer category "%(name)s": only '
                    "customers were imported.",
                    count=len(customers),
                    name=group_name,
                )
                if full
                else self.env._(
                    'Changes since the last sync of the customers (contact category "%s").',
                    group_name,
                )
            )
        return (
            self.env._(
                "Fewer than %s contacts carry a customer category: every contact was "
                "imported.",
                CUSTOMER_RULE_THRESHOLD,
            )
            if full
            else self.env._("Changes since the last sync of every contact.")
        )

    def _partner_values(self, contact, groups, countries, tags, company):
        tag_ids = []
        for group_id in contact.contact_group_ids:
            name = groups.get(group_id)
            if name:
                if name not in tags:
                    tags[name] = self.env["res.partner.category"].search(
                        [("name", "=", name)], limit=1
                    ) or self.env["res.partner.category"].create({"name": name})
                tag_ids.append(tags[name].id)
        street = join_street(contact.street_name, contact.house_number)
        values = {
            "name": contact.display_name or contact.nr or str(contact.id),
            "is_company": contact.is_company,
            "company_id": company.id,
            "street": street or False,
            "street2": contact.address_addition or False,
            "zip": contact.postcode or False,
            "city": contact.city or False,
            "country_id": countries.get(contact.country_id) or False,
            "email": contact.mail or False,
            "phone": contact.phone_fixed or False,
            "mobile": contact.phone_mobile or False,
            "website": contact.url or False,
            "ref": contact.nr or False,
        }
        if tag_ids:
            values["category_id"] = [(6, 0, sorted(tag_ids))]
        return values

    def _link_persons(self, client, partners, since=None):
        """bexio relates persons to companies; Odoo makes the person a contact of it.

        ``since``: only the relations changed since then (a new partner may have an older
        relation, so a run that created partners reads them all).
        """
        relations = (
            client.contact_relations.search([("updated_at", since, ">=")])
            if since
            else client.contact_relations.iter_all()
        )
        for relation in relations:
            company = partners.get(relation.get("contact_id"))
            person = partners.get(relation.get("contact_sub_id"))
            if (
                company
                and person
                and company.is_company
                and not person.is_company
                and person.parent_id != company
            ):
                person.parent_id = company

    # ------------------------------------------------------------------ users
    def _import_users(self, connection, client):
        with self.env["bexio.sync.run"]._open(
            connection, client, self.env._("Users from bexio")
        ) as run:
            company = connection.company_id
            Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
            employees = Employee.search([("company_id", "=", company.id)])
            new = {}
            for user, _values in run._each_valid(client.users.iter_all()):
                bound = employees.filtered(lambda e, u=user: e.bexio_user_ref == u.id)
                if bound:
                    run._count("skipped")
                    continue
                email = (user.email or "").lower()
                matches = employees.filtered(
                    lambda e, m=email: m
                    and m
                    in ((e.work_email or "").lower(), (e.user_id.login or "").lower())
                )
                if len(matches) > 1:
                    run._log_failure(
                        self.env._(
                            "bexio user %(name)s (%(email)s) matches several employees "
                            "(%(names)s); their hours wait until one of them is linked.",
                            name=user.display_name,
                            email=user.email,
                            names=", ".join(matches.mapped("name")),
                        ),
                        reference=str(user.id),
                    )
                    continue
                if matches:
                    matches.bexio_user_ref = user.id
                    run._count("updated")
                    continue
                new[user.id] = {
                    "name": user.display_name or user.email,
                    "work_email": user.email,
                    "company_id": company.id,
                    "bexio_user_ref": user.id,
                }
            run._create_records(Employee, new)
        return run

    # --------------------------------------------------------------- projects
    def _import_projects(self, connection, client):
        with self.env["bexio.sync.run"]._open(
            connection, client, self.env._("Projects from bexio")
        ) as run:
            company = connection.company_id
            states = {s.id: s.name for s in client.project_states.list()}
            Project = self.env["project.project"].with_context(active_test=False)
            Task = self.env["project.task"].with_context(active_test=False)
            in_company = [("company_id", "=", company.id)]
            partners = self.env["bexio.partner.binding"]._partners_of(connection)
            known = self._known(Project, "bexio_project_ref", in_company)
            new, listed = {}, []
            for project, _values in run._each_valid(client.projects.iter_all()):
                state = states.get(project.pr_state_id) or ""
                partner = partners.get(project.contact_id)
                values = {
                    "name": project.name,
                    "partner_id": partner.id if partner else False,
                    "bexio_state": state,
                    "bexio_project_nr": project.nr,
                    "active": "archiv" not in state.lower(),
                }
                listed.append(project.id)
                record = known.get(project.id)
                if record is None:
                    new[project.id] = dict(
                        values,
                        bexio_project_ref=project.id,
                        company_id=company.id,
                        allow_timesheets=True,
                    )
                else:
                    run._update(record, values)
            known.update(run._create_records(Project, new))
            # Work packages: bexio lists them per project and addresses them under it, so a
            # task is known by its project and package; new ones are made in one batch.
            tasks = self._known(
                Task,
                "bexio_package_ref",
                [("project_id", "in", [known[p].id for p in listed if p in known])],
                key=lambda task: (
                    task.project_id.bexio_project_ref,
                    task.bexio_package_ref,
                ),
            )
            new_tasks = {}
            for project_id in listed:
                if project_id not in known:
                    continue  # Odoo refused to create it; the run says why
                for package in client.projects.packages(project_id).iter_all():
                    task = tasks.get((project_id, package.id))
                    if task is None:
                        new_tasks[f"{project_id}/packages/{package.id}"] = {
                            "name": package.name,
                            "project_id": known[project_id].id,
                            "bexio_package_ref": package.id,
                        }
                    elif task.name != package.name:
                        task.name = package.name
            run._create_records(Task, new_tasks, count=False)
        return run

    # ------------------------------------------------------------- timesheets
    def _import_timesheets(self, connection, client):
        with self.env["bexio.sync.run"]._open(
            connection, client, self.env._("Timesheets from bexio")
        ) as run:
            company = connection.company_id
            Line = self.env["account.analytic.line"].sudo()
            in_company = [("company_id", "=", company.id)]
            employees = self._known(
                self.env["hr.employee"].sudo(), "bexio_user_ref", in_company
            )
            projects = self._known(
                self.env["project.project"], "bexio_project_ref", in_company
            )
            tasks = self._known(
                self.env["project.task"],
                "bexio_package_ref",
                [("project_id", "in", [p.id for p in projects.values()])],
            )
            activities = {
                a.bexio_ref: a
                for a in self.env["bexio.business.activity"].search(
                    [("connection_id", "=", connection.id)]
                )
            }
            known = self._known(Line, "bexio_timesheet_ref", in_company)
            new = {}
            for sheet, _values in run._each_valid(client.timesheets.iter_all()):
                employee, project = (
                    employees.get(sheet.user_id),
                    projects.get(sheet.pr_project_id),
                )
                if employee and not employee.active:
                    run._log_failure(
                        self.env._(
                            "bexio timesheet %(id)s of %(date)s was not imported: %(name)s is "
                            "archived in Odoo, and Odoo keeps no new hours for archived "
                            "employees. Restore the employee to import their hours.",
                            id=sheet.id,
                            date=sheet.date,
                            name=employee.name,
                        ),
                        reference=str(sheet.id),
                    )
                    continue
                if not employee or not project:
                    run._log_failure(
                        self.env._(
                            "bexio timesheet %(id)s of %(date)s was not imported: its %(what)s "
                            "is not in Odoo.",
                            id=sheet.id,
                            date=sheet.date,
                            what=self.env._("user")
                            if not employee
                            else self.env._("project"),
                        ),
                        reference=str(sheet.id),
                    )
                    continue
                activity = activities.get(sheet.client_service_id)
                task = tasks.get(sheet.pr_package_id)
                values = {
                    "name": sheet.text or (activity.name if activity else "/"),
                    "date": sheet.date,
                    "unit_amount": round(sheet.minutes / 60.0, 4),
                    "employee_id": employee.id,
                    "project_id": project.id,
                    "task_id": task.id if task else False,
                    "bexio_billable": bool(sheet.allowable_bill),
                    "bexio_activity_id": activity.id if activity else False,
                }
                line = known.get(sheet.id)
                if line is None:
                    new[sheet.id] = dict(values, bexio_timesheet_ref=sheet.id)
                else:
                    run._update(line, values)
            run._create_records(Line, new)
        return run
