# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
import uuid

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..services import compliance, phrases, signing
from .bexio_reference_facts import TYPES

HR = "hr.group_hr_user"


class BexioReference(models.Model):
    """A Swiss employment reference (Arbeitszeugnis), from draft to an issued, signed PDF."""

    _name = "bexio.reference"
    _description = "Employment reference"
    _inherit = ["bexio.reference.facts", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(index=True, check_company=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    reference_type = fields.Selection(tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_check", "To check"),
            ("to_approve", "To approve"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("revoked", "Revoked"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    title = fields.Char(compute="_compute_title", store=True, readonly=False)
    function = fields.Char(required=True)
    date_start = fields.Date(required=True)
    address_requested = fields.Boolean("Home address asked for")
    leaving_reason_requested = fields.Boolean("Reason for leaving asked for")
    body = fields.Text(tracking=True)
    issue_date = fields.Date(default=fields.Date.context_today)
    signer2_name = fields.Char("Second signer")
    signer2_role = fields.Char("Second signer's role")
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    finding_ids = fields.One2many("bexio.reference.finding", "reference_id", copy=False)
    open_high_count = fields.Integer(
        "Open high-severity findings", compute="_compute_open_high_count"
    )
    version = fields.Integer(default=1, readonly=True)
    previous_id = fields.Many2one("bexio.reference", readonly=True, copy=False)
    superseded_by_id = fields.Many2one("bexio.reference", readonly=True, copy=False)
    # Issue data: what the QR code points at and what its signature covers.
    doc_uuid = fields.Char("Document ID", copy=False, readonly=True, index=True)
    token = fields.Char(copy=False, readonly=True, groups=HR)
    content_hash = fields.Char("Content fingerprint", copy=False, readonly=True)
    pdf_hash = fields.Char("PDF fingerprint", copy=False, readonly=True)
    verify_url = fields.Char("Verification link", copy=False, readonly=True, groups=HR)
    revoked_at = fields.Datetime(copy=False, readonly=True)
    revoke_reason = fields.Text(copy=False, readonly=True)
    pdf_attachment_id = fields.Many2one(
        "ir.attachment", "Issued PDF", copy=False, readonly=True
    )

    _sql_constraints = [
        ("doc_uuid_uniq", "unique(doc_uuid)", "Document ids are unique.")
    ]

    @api.depends("employee_name", "reference_type", "version")
    def _compute_name(self):
        labels = dict(TYPES)
        for ref in self:
            kind = labels.get(ref.reference_type)
            ref.name = f"{kind}: {ref.employee_name or ''} (v{ref.version})"

    @api.depends("reference_type", "language")
    def _compute_title(self):
        for ref in self:
            ref.title = phrases.TITLES[ref.language or "de"][
                ref.reference_type or "full"
            ]

    @api.depends("finding_ids.decision", "finding_ids.severity")
    def _compute_open_high_count(self):
        for ref in self:
            ref.open_high_count = len(
                ref.finding_ids.filtered(
                    lambda f: f.severity == "high" and f.decision == "open"
                )
            )

    def write(self, vals):
        locked = self.filtered(lambda r: r.state in ("issued", "revoked", "superseded"))
        allowed = {
            "state",
            "revoked_at",
            "revoke_reason",
            "superseded_by_id",
            "message_main_attachment_id",
            "activity_ids",
        }
        if (
            locked
            and set(vals) - allowed
            and not self.env.context.get("bexio_reference_issue")
        ):
            raise UserError(
                self.env._(
                    "An issued reference cannot be changed: create a new version instead."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------- the text
    def _grades(self):
        self.ensure_one()
        grades = {
            "performance": int(self.grade_performance or 0),
            "conduct": int(self.grade_conduct or 0),
        }
        if self.is_manager:
            grades["leadership"] = int(self.grade_leadership or 0)
        return grades

    def _report_lang(self):
        """The installed Odoo language that speaks the reference's language, Swiss first.

        Without one, the printing user's language.
        """
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        for code in (f"{self.language}_CH", *sorted(installed)):
            if code in installed and code.split("_")[0] == self.language:
                return code
        return self.env.lang

    def _format_date(self, value):
        return value.strftime("%d.%m.%Y") if value else ""

    def _text_facts(self):
        return {
            "employee_name": self.employee_name,
            "birth": self._format_date(self.birth_date),
            "origin": self.origin or "",
            "function": self.function or "",
            "workload": self.workload,
            "company": self.company_id.name,
            "start": self._format_date(self.date_start),
            "end": self._format_date(self.date_end),
            "tasks": self.tasks or "",
            "assessment_requested": self.assessment_requested,
        }

    def action_generate_text(self):
        for ref in self:
            grades = ref._grades()
            needs_grades = ref.reference_type in ("full", "interim") or (
                ref.reference_type == "apprenticeship" and ref.assessment_requested
            )
            if needs_grades and not all(grades.values()):
                raise UserError(self.env._("Grade every criterion first."))
            ref.body = phrases.compose(
                ref.language, ref.reference_type, ref._text_facts(), grades
            )
        return True

    # --------------------------------------------------------- compliance
    def _compliance_facts(self):
        self.ensure_one()
        grades = {k: v for k, v in self._grades().items() if v}
        return {
            "type": self.reference_type,
            "language": self.language,
            "title": self.title,
            "company_name": self.company_id.name,
            "employee_name": self.employee_name,
            "birth_date": self.birth_date,
            "origin": self.origin,
            "start": self.date_start,
            "end": self.date_end,
            "function": self.function,
            "tasks": self.tasks,
            "place": self.place,
            "issue_date": self.issue_date,
            "signer_name": self.signer_name,
            "signer_role": self.signer_role,
            "grades": grades,
            "is_manager": self.is_manager,
            "assessment_requested": self.assessment_requested,
            "address_requested": self.address_requested,
            "leaving_reason_requested": self.leaving_reason_requested,
            "home_street": self.employee_id.sudo().private_street,
        }

    def action_check(self):
        """Run the compliance check; keep earlier decisions on findings that are still there."""
        for ref in self:
            if ref.state not in ("draft", "to_check"):
                raise UserError(self.env._("Only drafts are checked."))
            results = compliance.check(ref._compliance_facts(), ref.body or "")
            kept = {(f.rule, f.explanation, f.passage): f for f in ref.finding_ids}
            keys = set()
            for result in results:
                key = (result.rule, result.explanation, result.passage)
                keys.add(key)
                if key not in kept:
                    self.env["bexio.reference.finding"].create(
                        {
                            "reference_id": ref.id,
                            "rule": result.rule,
                            "severity": result.severity,
                            "explanation": result.explanation,
                            "passage": result.passage,
                        }
                    )
            ref.finding_ids.filtered(
                lambda f, keys=keys: (f.rule, f.explanation, f.passage) not in keys
            ).unlink()
            ref.state = "to_check"
        return True

    def action_submit(self):
        """Send for approval (four eyes) or approve directly, once the check allows it.

        Open high-severity findings stop the reference at "To check", visibly: the findings are
        kept (an error would roll them back) and a warning says what to do.
        """
        blocked = self.browse()
        for ref in self:
            ref.action_check()
            if ref.open_high_count:
                blocked |= ref
                continue
            ref.state = (
                "to_approve" if ref.company_id.bexio_reference_four_eyes else "approved"
            )
        if blocked:
            return self.env["bexio.connection"]._bexio_notify(
                self.env._(
                    "Fix the text or accept each high-severity finding (Compliance tab) "
                    "before submitting: %s.",
                    ", ".join(blocked.mapped("employee_name")),
                ),
                kind="warning",
            )
        return True

    def action_approve(self):
        for ref in self:
            if ref.state != "to_approve":
                raise UserError(
                    self.env._("This reference is not waiting for approval.")
                )
            if ref.author_id == self.env.user:
                raise AccessError(
                    self.env._(
                        "Four-eyes principle: the author of a reference cannot approve it."
                    )
                )
            ref.write({"state": "approved", "approver_id": self.env.user.id})
            ref.message_post(body=self.env._("Approved by %s.", self.env.user.name))
        return True

    def action_back_to_draft(self):
        self.filtered(
            lambda r: r.state in ("to_check", "to_approve", "approved")
        ).write({"state": "draft", "approver_id": False})
        return True

    # ---------------------------------------------------------------- issue
    def _signed_values(self):
        self.ensure_one()
        return {
            "doc": self.doc_uuid,
            "issuer": self.company_id.name,
            "uid": self.company_id.vat or "",
            "type": self.reference_type,
            "issued": self.issue_date.isoformat() if self.issue_date else "",
            "employee": self.employee_name,
            "content": signing.text_hash(self.body or ""),
            "version": self.version,
        }

    def action_issue(self):
        for ref in self:
            if ref.state != "approved":
                raise UserError(self.env._("Only approved references are issued."))
            key = self.env["bexio.reference.key"]._for_company(ref.company_id)
            doc = str(uuid.uuid4())
            ref.with_context(bexio_reference_issue=True).doc_uuid = doc
            values = ref._signed_values()
            token = signing.sign(key.private_pem, key.kid, values)
            base = ref.get_base_url()
            ref.with_context(bexio_reference_issue=True).write(
                {
                    "token": token,
                    "content_hash": signing.fingerprint(values),
                    "verify_url": f"{base}/zeugnis/verify/{doc}?t={token}",
                }
            )
            pdf = ref._render_pdf()
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{ref.title} - {ref.employee_name}.pdf",
                    "type": "binary",
                    "datas": base64.b64encode(pdf),
                    "res_model": ref._name,
                    "res_id": ref.id,
                    "mimetype": "application/pdf",
                }
            )
            ref.with_context(bexio_reference_issue=True).write(
                {
                    "state": "issued",
                    "pdf_hash": hashlib.sha256(pdf).hexdigest(),
                    "pdf_attachment_id": attachment.id,
                }
            )
            if ref.previous_id and ref.previous_id.state == "issued":
                ref.previous_id.write(
                    {"state": "superseded", "superseded_by_id": ref.id}
                )
            ref.message_post(
                body=self.env._("Issued; fingerprint %s.", ref.content_hash[:16]),
                attachment_ids=attachment.ids,
            )
        return True

    def _render_pdf(self):
        report = self.env.ref("bexio_reference.action_report_reference")
        pdf, _kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.ids
        )
        return pdf

    def _qr_data_uri(self):
        self.ensure_one()
        png = self.env["ir.actions.report"].barcode(
            "QR", self.sudo().verify_url, width=180, height=180, quiet=0
        )
        return "data:image/png;base64," + base64.b64encode(png).decode()

    def action_revoke(self, reason=None):
        for ref in self.filtered(lambda r: r.state == "issued"):
            ref.write(
                {
                    "state": "revoked",
                    "revoked_at": fields.Datetime.now(),
                    "revoke_reason": reason
                    or self.env._("Revoked by %s", self.env.user.name),
                }
            )
            ref.message_post(body=self.env._("Revoked: %s", ref.revoke_reason))
        return True

    def action_new_version(self):
        self.ensure_one()
        if self.state != "issued":
            raise UserError(self.env._("Only an issued reference gets a new version."))
        new = self.copy(
            {
                "version": self.version + 1,
                "previous_id": self.id,
                "state": "draft",
                "author_id": self.env.user.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    # ---------------------------------------------------------- verification
    def _masked_employee(self):
        """Initials and year of birth: enough for the holder of the paper to recognise,
        too little for someone who guessed a URL to learn who was employed here."""
        self.ensure_one()
        initials = " ".join(
            f"{part[0]}." for part in (self.employee_name or "").split()
        )
        if self.birth_date:
            return self.env._(
                "%(initials)s, born %(year)s",
                initials=initials,
                year=self.birth_date.year,
            )
        return initials

    def _verify(self, doc_uuid, token):
        """The reference a QR code points at if its token is genuine, else an empty recordset.

        Unknown documents and bad tokens give the same answer, so ids cannot be probed.
        """
        ref = self.sudo().search(
            [
                ("doc_uuid", "=", doc_uuid or ""),
                ("state", "in", ("issued", "revoked", "superseded")),
            ],
            limit=1,
        )
        if not ref or not token:
            return self.browse()
        key = (
            self.env["bexio.reference.key"]
            .sudo()
            .search(
                [
                    ("company_id", "=", ref.company_id.id),
                    ("kid", "=", signing.token_kid(token)),
                ],
                limit=1,
            )
        )
        if not key or not signing.verify(key.public_key, token, ref._signed_values()):
            return self.browse()
        return ref


class BexioReferenceFinding(models.Model):
    _name = "bexio.reference.finding"
    _description = "Compliance finding"
    _order = "severity_order, id"

    reference_id = fields.Many2one(
        "bexio.reference", required=True, ondelete="cascade", index=True
    )
    rule = fields.Char(required=True)
    severity = fields.Selection(
        [("high", "High"), ("medium", "Medium"), ("low", "Low")], required=True
    )
    severity_order = fields.Integer(
        "Severity rank", compute="_compute_severity_order", store=True
    )
    explanation = fields.Text(required=True)
    passage = fields.Char()
    decision = fields.Selection(
        [("open", "Open"), ("accepted", "Accepted")], default="open", required=True
    )
    decided_by = fields.Many2one("res.users", readonly=True)
    decided_at = fields.Datetime(readonly=True)

    @api.depends("severity")
    def _compute_severity_order(self):
        order = {"high": 0, "medium": 1, "low": 2}
        for finding in self:
            finding.severity_order = order.get(finding.severity, 3)

    def action_accept(self):
        for finding in self:
            finding.write(
                {
                    "decision": "accepted",
                    "decided_by": self.env.user.id,
                    "decided_at": fields.Datetime.now(),
                }
            )
            finding.reference_id.message_post(
                body=self.env._(
                    '%(user)s accepted the %(severity)s finding "%(text)s".',
                    user=self.env.user.name,
                    severity=finding.severity,
                    text=finding.explanation,
                )
            )
        return True
