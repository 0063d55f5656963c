# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow holds for every role: what a button does, no write, create or context does.

Each role is a real user with exactly its groups, in one of two companies; the last class drives
the same attacks through Odoo's JSON-RPC endpoint, as a browser or a script would.
"""

import datetime
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

ATTACK_TEXT = "[Name] war krank. Er bemühte sich."


class ReferenceUsers:
    """Two companies, a user per role, an employee in each, and a reference issued in A."""

    @classmethod
    def setup_references(cls):
        cls.company = cls.env.company
        cls.company.write(
            {
                "name": "Alpenblick Technik AG",
                "city": "Winterthur",
                "vat": "CHE-123.456.788",
                "bexio_reference_four_eyes": True,
            }
        )
        cls.company_b = cls.env["res.company"].create(
            {"name": "Seeblick GmbH", "bexio_reference_four_eyes": True}
        )

        def user(login, groups, company=cls.company):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        cls.internal = user("ref_internal", "base.group_user")
        cls.employee_user = user("ref_employee", "base.group_user")
        cls.officer = user("ref_officer", "hr.group_hr_user")
        cls.approver = user("ref_approver", "hr.group_hr_user")
        cls.manager = user("ref_manager", "hr.group_hr_manager")
        cls.officer_b = user("ref_officer_b", "hr.group_hr_user", cls.company_b)
        cls.admin = cls.env.ref("base.user_admin")
        cls.anna = cls.env["hr.employee"].create(
            {
                "name": "Anna Keller",
                "birthday": datetime.date(1990, 4, 2),
                "place_of_birth": "Winterthur",
                "job_title": "Projektleiterin",
                # The employee herself: the one who would like a better reference.
                "user_id": cls.employee_user.id,
            }
        )
        cls.env["hr.contract"].create(
            {
                "name": "Anna Keller",
                "employee_id": cls.anna.id,
                "wage": 8000,
                "date_start": datetime.date(2020, 1, 1),
                "date_end": datetime.date(2026, 10, 31),
                "state": "close",
            }
        )
        cls.bruno = cls.env["hr.employee"].create(
            {
                "name": "Bruno Seiler",
                "birthday": datetime.date(1985, 7, 9),
                "company_id": cls.company_b.id,
            }
        )
        cls.issued = cls.new_draft()
        cls.issued.action_submit()
        cls.issued.with_user(cls.approver).action_approve()
        cls.issued.with_user(cls.approver).action_issue()

    def draft_with(self, sentence):
        """A draft with ``sentence`` before its closing paragraph, checked."""
        ref = self.new_draft()
        paragraphs = ref.body.split("\n\n")
        ref.body = "\n\n".join(paragraphs[:-1] + [sentence, paragraphs[-1]])
        ref.action_check()
        return ref

    @classmethod
    def new_draft(cls, user=None):
        """A clean draft written by the wizard, as HR writes one."""
        user = user or cls.officer
        wizard = (
            cls.env["bexio.reference.wizard"]
            .with_user(user)
            .with_context(active_model="hr.employee", active_id=cls.anna.id)
            .create(
                {
                    "language": "de",
                    "grade_performance": "5",
                    "grade_conduct": "5",
                    "tasks": "Projekte leiten\nKunden beraten",
                    "signer_role": "Geschäftsführerin",
                }
            )
        )
        action = wizard.action_create()
        return cls.env["bexio.reference"].with_user(user).browse(action["res_id"])


@tagged("post_install", "-at_install")
class TestReferencePermissions(ReferenceUsers, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_references()

    def workflow_writes(self, ref):
        other = self.new_draft()
        attachment = self.env["ir.attachment"].create({"name": "forged.pdf"})
        return [
            {"state": "approved"},
            {"state": "issued"},
            {"author_id": self.approver.id},
            {"approver_id": self.approver.id},
            {"version": 7},
            {"previous_id": other.id},
            {"superseded_by_id": other.id},
            {"checked_hash": "0" * 64},
            {"doc_uuid": "00000000-0000-4000-8000-000000000000"},
            {"token": "kid.signature"},
            {"content_hash": "0" * 64},
            {"pdf_hash": "0" * 64},
            {"verify_url": "https://forged.example/zeugnis/verify/x"},
            {"revoked_at": datetime.datetime(2026, 1, 1)},
            {"revoke_reason": "Forged"},
            {"pdf_attachment_id": attachment.id},
            {"issued_issuer": "Forged AG"},
            {"issued_uid": "CHE-000.000.000"},
            {"issued_employee": "Forged"},
            {"issued_body": "Forged."},
        ]

    # ----------------------------------------------------------- workflow fields
    def test_no_role_writes_a_workflow_field_whatever_the_context(self):
        ref = self.new_draft()
        for user in (self.officer, self.approver, self.manager, self.admin):
            for vals in self.workflow_writes(ref):
                for context in ({}, {"bexio_reference_issue": True}):
                    with (
                        self.subTest(user=user.login, vals=vals, context=context),
                        self.assertRaisesRegex(
                            AccessError, "change only through its buttons"
                        ),
                    ):
                        ref.with_user(user).with_context(**context).write(vals)
        for user in (self.internal, self.employee_user, self.officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                ref.with_user(user).write({"state": "approved"})
        self.assertEqual(
            (ref.state, ref.author_id, ref.approver_id, ref.version),
            ("draft", self.officer, self.env["res.users"], 1),
        )

    def test_a_reference_is_born_a_draft_of_its_creator(self):
        facts = self.new_draft()._facts_values()
        References = self.env["bexio.reference"].with_user(self.officer)
        for vals in self.workflow_writes(self.issued):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(AccessError, "change only through its buttons"),
            ):
                References.create(dict(facts, **vals))
        # Defaults from the context, or set for oneself with ir.default, do not count either.
        Defaults = self.env["ir.default"].with_user(self.officer)
        Defaults.set("bexio.reference", "state", "issued", user_id=True)
        Defaults.set("bexio.reference", "approver_id", self.approver.id, user_id=True)
        ref = References.with_context(
            default_state="issued",
            default_version=5,
            default_author_id=self.approver.id,
            default_doc_uuid="00000000-0000-4000-8000-000000000000",
        ).create(facts)
        self.assertEqual(
            (ref.state, ref.author_id, ref.approver_id, ref.version, ref.doc_uuid),
            ("draft", self.officer, self.env["res.users"], 1, False),
        )
        with self.assertRaisesRegex(AccessError, "change only through its buttons"):
            self.issued.with_user(self.officer).copy({"state": "issued"})
        copy = self.issued.with_user(self.officer).copy()
        self.assertEqual((copy.state, copy.version, copy.doc_uuid), ("draft", 1, False))

    def test_the_measured_attack_issues_nothing(self):
        # Create a text the check would stop, skip the check and approval, and issue it.
        ref = self.new_draft()
        ref.body = ATTACK_TEXT
        with self.assertRaisesRegex(AccessError, "change only through its buttons"):
            ref.write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "Only approved references are issued"):
            ref.action_issue()
        # Even if the state got there some other way, issuing checks four eyes and the check.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE bexio_reference SET state = 'approved' WHERE id = %s", [ref.id]
        )
        self.env.invalidate_all()
        with self.assertRaisesRegex(AccessError, "Four-eyes principle"):
            ref.action_issue()
        self.env.cr.execute(
            "UPDATE bexio_reference SET approver_id = %s WHERE id = %s",
            [self.approver.id, ref.id],
        )
        self.env.invalidate_all()
        with self.assertRaisesRegex(UserError, "compliance check has not run"):
            ref.with_user(self.approver).action_issue()
        self.assertEqual(
            (ref.state, ref.doc_uuid, ref.pdf_attachment_id.id),
            ("approved", False, False),
        )

    def test_issue_needs_another_approver_and_the_check_on_the_current_text(self):
        ref = self.new_draft()
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")
        with self.assertRaisesRegex(UserError, "author of a reference cannot approve"):
            ref.action_approve()
        ref.with_user(self.approver).action_approve()
        # After approval, the text no longer changes, not even for the HR manager ...
        for user in (self.officer, self.manager, self.admin):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "waiting for approval"),
            ):
                ref.with_user(user).write({"body": ATTACK_TEXT})
        # ... and a text changed behind the ORM's back is not issued.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE bexio_reference SET body = %s WHERE id = %s", [ATTACK_TEXT, ref.id]
        )
        self.env.invalidate_all()
        with self.assertRaisesRegex(UserError, "compliance check has not run"):
            ref.with_user(self.approver).action_issue()
        # The author approving her own reference is refused at issue too.
        ref.action_back_to_draft()
        ref.body = False
        ref.action_generate_text()
        ref.action_submit()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE bexio_reference SET state = 'approved', approver_id = author_id "
            "WHERE id = %s",
            [ref.id],
        )
        self.env.invalidate_all()
        with self.assertRaisesRegex(AccessError, "Four-eyes principle"):
            ref.with_user(self.approver).action_issue()
        self.assertEqual(ref.state, "approved")

    # ---------------------------------------------------------- issued is final
    def test_an_issued_reference_is_frozen_for_everyone(self):
        ref = self.issued
        body = ref.body
        for env_ref in (
            ref.with_user(self.officer),
            ref.with_user(self.manager),
            ref.with_user(self.admin),
            ref.sudo(),
        ):
            for context in ({}, {"bexio_reference_issue": True}):
                with (
                    self.subTest(user=env_ref.env.user.login, su=env_ref.env.su),
                    self.assertRaisesRegex(UserError, "cannot be changed"),
                ):
                    env_ref.with_context(**context).write({"body": "Hervorragend."})
        with self.assertRaisesRegex(UserError, "cannot go from Issued to Draft"):
            ref.sudo().write({"state": "draft"})
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            ref.sudo().write({"token": "kid.other"})
        for user in (self.manager, self.admin):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "cannot be deleted"),
            ):
                ref.with_user(user).unlink()
        with self.assertRaises(AccessError):
            ref.with_user(self.officer).unlink()  # officers delete nothing at all
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            ref.sudo().unlink()
        self.assertEqual((ref.state, ref.body), ("issued", body))
        # A draft is the HR manager's to delete.
        draft = self.new_draft()
        draft.with_user(self.manager).unlink()
        self.assertFalse(draft.exists())

    def test_the_issued_pdf_is_neither_replaced_nor_deleted(self):
        pdf = self.issued.pdf_attachment_id
        content = pdf.raw
        self.assertTrue(content.startswith(b"%PDF"))
        for user in (self.officer, self.manager, self.admin):
            attachment = pdf.with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "PDF of an issued reference"):
                    attachment.write({"raw": b"%PDF-1.4 forged"})
                with self.assertRaisesRegex(UserError, "PDF of an issued reference"):
                    attachment.unlink()
        self.assertEqual(pdf.raw, content)
        # Other attachments of the reference stay the users' to manage.
        note = self.env["ir.attachment"].create(
            {
                "name": "note.txt",
                "raw": b"x",
                "res_model": "bexio.reference",
                "res_id": self.issued.id,
            }
        )
        note.with_user(self.manager).write({"name": "note-2.txt"})
        note.with_user(self.manager).unlink()

    def test_a_revoked_reference_never_becomes_issued_again(self):
        ref = self.issued.with_user(self.officer)
        ref.action_revoke("Falsche Daten")
        self.assertEqual(ref.state, "revoked")
        for user in (self.officer, self.manager, self.admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                ref.with_user(user).with_context(bexio_reference_issue=True).write(
                    {"state": "issued"}
                )
        with self.assertRaisesRegex(UserError, "cannot go from Revoked to Issued"):
            ref.sudo().write({"state": "issued"})
        with self.assertRaisesRegex(UserError, "Only approved references are issued"):
            ref.action_issue()
        with self.assertRaisesRegex(UserError, "Only an issued reference"):
            ref.action_new_version()
        self.assertEqual(ref.state, "revoked")
        verified = self.env["bexio.reference"]._verify(ref.doc_uuid, ref.sudo().token)
        self.assertEqual(verified.state, "revoked")

    # --------------------------------------------------------------- findings
    def test_findings_change_only_by_their_decision_while_the_reference_is_a_draft(
        self,
    ):
        ref = self.new_draft()
        ref.body = ATTACK_TEXT
        ref.action_check()
        finding = ref.finding_ids.filtered(lambda f: f.severity == "high")[:1]
        self.assertTrue(finding)
        for user in (self.officer, self.manager, self.admin):
            Finding = finding.with_user(user)
            for vals in (
                {"severity": "low"},
                {"rule": "none"},
                {"explanation": "Nothing"},
                {"decision": "accepted"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaisesRegex(AccessError, "written by the check"),
                ):
                    Finding.write(vals)
            with self.assertRaises(AccessError):
                Finding.unlink()
            with self.assertRaises(AccessError):
                Finding.create(
                    {
                        "reference_id": ref.id,
                        "rule": "x",
                        "severity": "low",
                        "explanation": "x",
                    }
                )
            with self.assertRaises(AccessError):
                ref.with_user(user).write({"finding_ids": [(2, finding.id)]})
        self.assertEqual((finding.severity, finding.decision), ("high", "open"))
        finding.with_user(self.officer).action_accept(reason="Checked with legal.")
        self.assertEqual(
            (finding.decision, finding.decided_by), ("accepted", self.officer)
        )
        # Once submitted, the findings are what was approved: no more decisions.
        ref.action_back_to_draft()
        ref.body = False
        ref.action_generate_text()
        ref.action_check()
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")
        self.env.flush_all()
        self.env.cr.execute(
            "INSERT INTO bexio_reference_finding (reference_id, rule, severity, "
            "severity_order, explanation, decision) "
            "VALUES (%s, 'x', 'high', 0, 'x', 'open') RETURNING id",
            [ref.id],
        )
        late = self.env["bexio.reference.finding"].browse(self.env.cr.fetchone()[0])
        with self.assertRaisesRegex(UserError, "no longer change"):
            late.with_user(self.approver).action_accept()
        self.assertEqual(late.decision, "open")

    def test_other_companies_findings_stay_hidden(self):
        ref = self.new_draft()
        ref.body = ATTACK_TEXT
        ref.action_check()
        Findings = self.env["bexio.reference.finding"].with_user(self.officer_b)
        self.assertFalse(Findings.search([("reference_id", "=", ref.id)]))
        with self.assertRaises(AccessError):
            Findings.browse(ref.finding_ids.ids).read(["explanation"])
        with self.assertRaises(AccessError):
            Findings.browse(ref.finding_ids[:1].id).action_accept()

    def test_workflow_buttons_need_an_hr_officer_of_the_company(self):
        draft = self.new_draft()
        for user in (self.internal, self.employee_user, self.officer_b):
            for ref, method in (
                (draft, "action_check"),
                (draft, "action_submit"),
                (draft, "action_approve"),
                (draft, "action_back_to_draft"),
                (draft, "action_issue"),
                (self.issued, "action_revoke"),
                (self.issued, "action_new_version"),
            ):
                with (
                    self.subTest(user=user.login, method=method),
                    self.assertRaises(AccessError),
                ):
                    getattr(ref.with_user(user), method)()
        self.assertEqual((draft.state, self.issued.state), ("draft", "issued"))

    # ----------------------------------------------------------------- wizard
    def test_the_wizard_reads_only_employees_the_user_may_read(self):
        fields_list = ["employee_id", "employee_name", "birth_date", "function"]
        for user, employee in (
            (self.officer, self.bruno),  # another company's employee
            (self.officer_b, self.anna),
            (self.internal, self.anna),  # no HR rights
            (self.employee_user, self.bruno),
        ):
            Wizard = self.env["bexio.reference.wizard"].with_user(user)
            with self.subTest(user=user.login, employee=employee.name):
                with self.assertRaises(AccessError):
                    Wizard.with_context(
                        active_model="hr.employee", active_id=employee.id
                    ).default_get(fields_list)
                with self.assertRaises(AccessError):
                    Wizard.with_context(default_employee_id=employee.id).default_get(
                        fields_list
                    )
                with self.assertRaises(AccessError):
                    Wizard._from_employee(employee)
        values = (
            self.env["bexio.reference.wizard"]
            .with_user(self.officer_b)
            .with_context(active_model="hr.employee", active_id=self.bruno.id)
            .default_get(fields_list)
        )
        self.assertEqual(
            (values["employee_name"], values["birth_date"]),
            ("Bruno Seiler", datetime.date(1985, 7, 9)),
        )


@tagged("post_install", "-at_install")
class TestReferenceRpc(ReferenceUsers, HttpCase):
    """The same refusals through /web/dataset/call_kw, Odoo's real RPC path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_references()

    def call(self, model, method, *args, **kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs,
                    },
                },
                default=str,  # dates
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        return answer.get("result"), answer.get("error")

    def assertRefused(self, answer, exception, message):
        result, error = answer
        self.assertIsNone(result)
        self.assertEqual(error["data"]["name"], f"odoo.exceptions.{exception}")
        self.assertIn(message, error["data"]["message"])

    def test_an_hr_officer_cannot_forge_the_workflow_over_json_rpc(self):
        self.authenticate("ref_officer", "ref_officer")
        Ref = "bexio.reference"
        facts = dict(self.new_draft()._facts_values(), body=ATTACK_TEXT)
        self.assertRefused(
            self.call(Ref, "create", [dict(facts, state="approved")]),
            "AccessError",
            "change only through its buttons",
        )
        (ref_id,), error = self.call(Ref, "create", [facts])
        self.assertIsNone(error)
        self.assertRefused(
            self.call(
                Ref,
                "write",
                [ref_id],
                {"state": "approved"},
                context={"bexio_reference_issue": True},
            ),
            "AccessError",
            "change only through its buttons",
        )
        self.assertRefused(
            self.call(Ref, "action_issue", [ref_id]),
            "UserError",
            "Only approved references are issued",
        )
        # The issued reference: its text, and once revoked its state, are final.
        issued = self.issued.id
        self.assertRefused(
            self.call(
                Ref,
                "write",
                [issued],
                {"body": "Hervorragend."},
                context={"bexio_reference_issue": True},
            ),
            "UserError",
            "cannot be changed",
        )
        result, error = self.call(Ref, "action_revoke", [issued])
        self.assertIsNone(error)
        self.assertRefused(
            self.call(Ref, "write", [issued], {"state": "issued"}),
            "AccessError",
            "change only through its buttons",
        )
        self.assertEqual(self.call(Ref, "action_check", [ref_id]), (True, None))
        (finding_id, *_rest), _error = self.call(
            "bexio.reference.finding", "search", [("reference_id", "=", ref_id)]
        )
        self.assertRefused(
            self.call(
                "bexio.reference.finding",
                "write",
                [finding_id],
                {"decision": "accepted", "severity": "low"},
            ),
            "AccessError",
            "written by the check",
        )
        self.assertRefused(
            self.call(
                "bexio.reference.wizard",
                "default_get",
                ["employee_name", "birth_date"],
                context={"active_model": "hr.employee", "active_id": self.bruno.id},
            ),
            "AccessError",
            "",
        )
        self.env.invalidate_all()
        issued_ref = self.env[Ref].browse(issued)
        self.assertEqual(
            (self.env[Ref].browse(ref_id).state, issued_ref.state),
            ("to_check", "revoked"),
        )
        self.assertNotIn("Hervorragend", issued_ref.body)

    def test_the_hr_manager_cannot_delete_or_reissue_over_json_rpc(self):
        self.authenticate("ref_manager", "ref_manager")
        self.assertRefused(
            self.call("bexio.reference", "unlink", [self.issued.id]),
            "UserError",
            "cannot be deleted",
        )
        self.assertRefused(
            self.call(
                "bexio.reference",
                "write",
                [self.issued.id],
                {"issued_body": "Hervorragend.", "token": "kid.forged"},
            ),
            "AccessError",
            "change only through its buttons",
        )
        self.env.invalidate_all()
        self.assertEqual(self.issued.state, "issued")
