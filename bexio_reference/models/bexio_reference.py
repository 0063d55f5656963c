# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime
import hashlib
import io
import uuid

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

from ..services import compliance, phrases, signing

HR = "hr.group_hr_user"
LOCKED = ("issued", "revoked", "superseded")
# What only the workflow methods write, as superuser after their own checks: no client sets
# these, whatever it sends or puts in its context.
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "author_id",
        "approver_id",
        "version",
        "previous_id",
        "superseded_by_id",
        "checked_hash",
        "doc_uuid",
        "token",
        "content_hash",
        "pdf_hash",
        "verify_url",
        "revoked_at",
        "revoke_reason",
        "pdf_attachment_id",
        "issued_issuer",
        "issued_uid",
        "issued_employee",
        "issued_body",
    }
)
# The only moves of an issued reference: revoked, or superseded by its next version.
LOCKED_MOVES = frozenset({"state", "revoked_at", "revoke_reason", "superseded_by_id"})
STATE_MOVES = {
    "draft": {"to_check"},
    "to_check": {"draft", "to_approve", "approved"},
    "to_approve": {"draft", "approved"},
    "approved": {"draft", "issued"},
    "issued": {"revoked", "superseded"},
    "revoked": set(),
    "superseded": set(),
}
# What the compliance check reads besides the facts; a change of any of it after the check
# means the check no longer speaks of this text.
CHECKED_FIELDS = (
    "company_id",
    "title",
    "body",
    "issue_date",
    "address_requested",
    "leaving_reason_requested",
    "signer2_name",
    "signer2_role",
)

ADDED_FACTS = ("nationality_id", "salutation", "surname")


def _plain(value):
    """A field's value as JSON can hold it."""
    if isinstance(value, models.BaseModel):
        return value.ids
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None if value is False else value


def _words(passage):
    """A passage as words: re-wrapped lines or doubled spaces leave it the same passage."""
    return " ".join((passage or "").split())


def _finding_key(rule, passage, message):
    """The same rule on the same words, wherever an edit moved them."""
    return signing.fingerprint(
        {"rule": rule, "passage": _words(passage), "message": message}
    )


def _same_words(findings, rule, passage):
    """An earlier finding of the rule on these words, whatever the check's wording then
    (a new version of the check words its explanations anew: decisions stay)."""
    words = _words(passage)
    return next(
        (f for f in findings if f.rule == rule and _words(f.passage) == words),
        findings.browse(),
    )


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
    # The chatter says that the text changed, never what it said: a sentence removed because it
    # must not be in a reference would otherwise stay readable in the tracked old value.
    body = fields.Text()
    body_fingerprint = fields.Char(
        "Text version", compute="_compute_body_fingerprint", store=True, tracking=True
    )
    issue_date = fields.Date(default=fields.Date.context_today)
    signer2_name = fields.Char("Second signer")
    signer2_role = fields.Char("Second signer's role")
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    can_approve = fields.Boolean(compute="_compute_can_approve")
    finding_ids = fields.One2many("bexio.reference.finding", "reference_id", copy=False)
    open_high_count = fields.Integer(
        "Open high-severity findings", compute="_compute_open_high_count"
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
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
    # What the signature covers, as it stood at issue: renaming the company later changes
    # neither the verdict nor what the verification page shows.
    issued_issuer = fields.Char("Issuer as issued", copy=False, readonly=True)
    issued_uid = fields.Char("Issuer UID as issued", copy=False, readonly=True)
    issued_employee = fields.Char("Employee as issued", copy=False, readonly=True)
    issued_body = fields.Text("Text as issued", copy=False, readonly=True)
    # The fingerprint of the content the compliance check last ran on.
    checked_hash = fields.Char("Checked content fingerprint", copy=False, readonly=True)

    _sql_constraints = [
        ("doc_uuid_uniq", "unique(doc_uuid)", "Document ids are unique.")
    ]

    @api.depends("employee_name", "reference_type", "language", "version")
    def _compute_name(self):
        # Stored once for every reader: in the reference's own language, as its title reads.
        for ref in self:
            kind = phrases.TITLES[ref.language or "de"][ref.reference_type or "full"]
            ref.name = f"{kind}: {ref.employee_name or ''} (v{ref.version})"

    @api.depends("body")
    def _compute_body_fingerprint(self):
        for ref in self:
            ref.body_fingerprint = (
                signing.text_hash(ref.body)[:12] if ref.body else False
            )

    @api.depends("reference_type", "language")
    def _compute_title(self):
        for ref in self:
            ref.title = phrases.TITLES[ref.language or "de"][
                ref.reference_type or "full"
            ]

    @api.depends("state", "author_id")
    @api.depends_context("uid")
    def _compute_can_approve(self):
        is_hr = self.env.user.has_group(HR)
        for ref in self:
            ref.can_approve = (
                is_hr and ref.state == "to_approve" and ref.author_id != self.env.user
            )

    @api.depends("finding_ids.decision", "finding_ids.severity")
    def _compute_open_high_count(self):
        for ref in self:
            ref.open_high_count = len(
                ref.finding_ids.filtered(
                    lambda f: f.severity == "high" and f.decision == "open"
                )
            )

    # ------------------------------------------------------- the guards
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._refuse_workflow_fields(vals)
            # A new reference starts as a draft by its creator, whatever defaults the
            # context or ir.default would put into the workflow fields.
            start = dict.fromkeys(WORKFLOW_FIELDS, False)
            start.update(state="draft", author_id=self.env.uid, version=1)
            vals_list = [dict(vals, **start) for vals in vals_list]
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._refuse_workflow_fields(vals)
        # Even as superuser: nobody edits what was issued, or what waits for approval.
        bookkeeping = self._bookkeeping_fields()
        content = set(vals) - WORKFLOW_FIELDS - bookkeeping
        for ref in self:
            if ref.state in LOCKED and set(vals) - LOCKED_MOVES - bookkeeping:
                raise UserError(
                    self.env._(
                        "An issued reference cannot be changed: create a new version instead."
                    )
                )
            if ref.state in ("to_approve", "approved") and content:
                raise UserError(
                    self.env._(
                        "This reference is waiting for approval or issue: send it back to "
                        "draft to change it."
                    )
                )
            if "state" in vals:
                ref._check_move(vals["state"])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(ref.state in LOCKED for ref in self):
            raise UserError(
                self.env._(
                    "An issued, revoked or superseded reference cannot be deleted: revoke "
                    "it or issue a new version instead."
                )
            )

    def _refuse_workflow_fields(self, vals):
        forbidden = WORKFLOW_FIELDS & set(vals)
        if forbidden:
            raise AccessError(
                self.env._(
                    "These fields of an employment reference change only through its "
                    "buttons (Check, Submit, Approve, Issue, Revoke, New version): %s.",
                    ", ".join(sorted(forbidden)),
                )
            )

    def _bookkeeping_fields(self):
        """The chatter's and activities' fields: they say nothing of the reference."""
        return (
            (
                set(self.env["mail.thread"]._fields)
                | set(self.env["mail.activity.mixin"]._fields)
            )
            - set(models.MAGIC_COLUMNS)
            - {"id", "display_name"}
        )

    def _check_move(self, state):
        self.ensure_one()
        if state != self.state and state not in STATE_MOVES[self.state]:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "A reference cannot go from %(old)s to %(new)s.",
                    old=labels[self.state],
                    new=labels.get(state, state),
                )
            )

    def _check_workflow_access(self):
        """Who may move references: HR officers, on references of their companies."""
        if self.env.su:
            return
        if not self.env.user.has_group(HR):
            raise AccessError(
                self.env._("Only HR officers handle employment references.")
            )
        self.check_access("write")

    def _checked_fingerprint(self):
        """The content the compliance check speaks of, as one fingerprint."""
        self.ensure_one()
        names = sorted(
            (set(self.env["bexio.reference.facts"]._fields) - {"id", "display_name"})
            | set(CHECKED_FIELDS)
        )
        values = {name: _plain(self[name]) for name in names}
        # Facts added in 18.0.1.4.0 count once filled in: a reference checked before the
        # upgrade keeps its fingerprint, and need not be checked again for nothing.
        for name in ADDED_FACTS:
            if not values[name]:
                del values[name]
        return signing.fingerprint(values)

    def _check_ready(self):
        """The check ran on the text as it stands and left no open high finding."""
        self.ensure_one()
        if not self.checked_hash or self.checked_hash != self._checked_fingerprint():
            raise UserError(
                self.env._(
                    "The compliance check has not run on the text as it stands: send the "
                    "reference back to draft and submit it again."
                )
            )
        if self.open_high_count:
            raise UserError(
                self.env._(
                    "Fix the text or accept each high-severity finding (Compliance tab) "
                    "first."
                )
            )

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

    def _pdf_text(self, key, **values):
        self.ensure_one()
        return phrases.pdf_text(self.language or "de", key, **values)

    def _pdf_page_parts(self):
        """The footer's "Page x of y" around the numbers wkhtmltopdf fills in."""
        marker = "\x00"
        text = self._pdf_text("page", page=marker, topage=marker)
        before, between, after = text.split(marker)
        return before, between, after

    def _letterhead_lines(self):
        """The issuer's address, with the country named in the reference's language."""
        self.ensure_one()
        partner = self.company_id.partner_id
        city = " ".join(filter(None, (partner.zip, partner.city)))
        country = phrases.country(
            self.language or "de", partner.country_id.code, partner.country_id.name
        )
        lines = (
            self.issued_issuer or self.company_id.name,
            partner.street,
            partner.street2,
            city,
            country,
        )
        return [line for line in lines if line]

    def _format_date(self, value):
        return phrases.format_date(self.language or "de", value)

    def _country_name(self):
        """The nationality's country in the reference's language, whatever Odoo has installed."""
        country = self.nationality_id
        if not country:
            return ""
        lang = self._report_lang()
        if lang and lang.split("_")[0] == self.language:
            country = country.with_context(lang=lang)
        elif self.language != "en":
            return phrases.country(self.language, country.code, "")
        return phrases.country(self.language or "de", country.code, country.name)

    def _text_facts(self):
        return {
            "employee_name": self.employee_name,
            "salutation": self.salutation,
            "surname": self.surname,
            "birth": self._format_date(self.birth_date),
            "origin": self.origin or "",
            "nationality": self.nationality_id.code or "",
            "nationality_name": self._country_name(),
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
        """What the check reads besides the text: the form, and what the PDF prints outside it.

        Grades are the form's (5 excellent .. 1 insufficient); the title the check expects is
        the one of the type and language, since the PDF prints the title above the text.
        """
        self.ensure_one()
        grades = {k: v for k, v in self._grades().items() if v}
        employee = self.employee_id.sudo()
        return {
            "type": self.reference_type,
            "language": self.language,
            "title": self.title,
            "expected_title": phrases.TITLES[self.language or "de"][
                self.reference_type or "full"
            ],
            "company_name": self.company_id.name,
            "employee_name": self.employee_name,
            "gender": self.salutation
            or {"male": "m", "female": "f"}.get(employee.gender),
            "birth_date": self.birth_date,
            "origin": self._origin_fact(),
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
            "home_street": employee.private_street,
        }

    def _origin_fact(self):
        """What the text names as where the person belongs: the place, or the nationality."""
        self.ensure_one()
        if self.origin and self.nationality_id.code in (False, "CH"):
            return self.origin
        return self._country_name() or self.origin or False

    def action_check(self):
        """Run the compliance check; keep earlier decisions on findings that are still there.

        Explanations are written in the language of the user who runs the check.
        """
        self._check_workflow_access()
        Finding = self.env["bexio.reference.finding"].sudo()
        for ref in self:
            if ref.state not in ("draft", "to_check"):
                raise UserError(self.env._("Only drafts are checked."))
            results = compliance.check(ref._compliance_facts(), ref.body or "")
            findings = ref.sudo().finding_ids
            kept = {f.key: f for f in findings if f.key}
            keys, matched = set(), Finding.browse()
            for result in results:
                key = _finding_key(result.rule, result.passage, result.message)
                while key in keys:
                    key = signing.fingerprint({"again": key})
                keys.add(key)
                values = Finding._values_of(result)
                earlier = kept.get(key) or _same_words(
                    findings - matched, result.rule, result.passage
                )
                if earlier:
                    matched |= earlier
                    earlier.write(dict(values, key=key))
                else:
                    Finding.create(dict(values, reference_id=ref.id, key=key))
            (findings - matched).unlink()
            ref.sudo().write(
                {"state": "to_check", "checked_hash": ref._checked_fingerprint()}
            )
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
            ref.sudo().state = (
                "to_approve" if ref.company_id.bexio_reference_four_eyes else "approved"
            )
            if ref.state == "to_approve":
                ref._schedule_approval()
        if blocked:
            # Odoo's own notification: references install without the bexio connector.
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "message": self.env._(
                        "Fix the text or accept each high-severity finding (Compliance tab) "
                        "before submitting: %s.",
                        ", ".join(blocked.mapped("employee_name")),
                    ),
                },
            }
        return True

    def _approvers(self):
        """Who may approve: HR officers of the reference's company, except its author."""
        self.ensure_one()
        users = self.env.ref(HR).sudo().users
        return users.filtered(
            lambda u: not u.share
            and self.company_id in u.company_ids
            and u != self.author_id
        )

    def _schedule_approval(self):
        self.ensure_one()
        for user in self._approvers():
            self.sudo().activity_schedule(
                "bexio_reference.mail_activity_approve_reference", user_id=user.id
            )

    def _close_approval(self, feedback):
        """The hand-off is over, approved or sent back: nobody is left asked to approve."""
        kind = self.env.ref("bexio_reference.mail_activity_approve_reference")
        activities = self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == kind
        )
        if activities:
            activities.action_feedback(feedback=feedback)

    def _check_four_eyes(self):
        self.ensure_one()
        if self.author_id == self.env.user:
            raise UserError(
                self.env._(
                    "Four-eyes principle: the author of a reference cannot approve it."
                )
            )

    def action_approve(self):
        self._check_workflow_access()
        for ref in self:
            if ref.state != "to_approve":
                raise UserError(
                    self.env._("This reference is not waiting for approval.")
                )
            ref._check_four_eyes()
            ref._check_ready()
            ref.sudo().write({"state": "approved", "approver_id": self.env.uid})
            ref._close_approval(self.env._("Approved by %s.", self.env.user.name))
            ref.message_post(body=self.env._("Approved by %s.", self.env.user.name))
        return True

    def action_back_to_draft(self):
        self._check_workflow_access()
        refs = self.filtered(
            lambda r: r.state in ("to_check", "to_approve", "approved")
        )
        refs.sudo().write(
            {"state": "draft", "approver_id": False, "checked_hash": False}
        )
        refs._close_approval(
            self.env._("Sent back to draft by %s.", self.env.user.name)
        )
        return True

    # ---------------------------------------------------------------- issue
    def _signed_values(self):
        """The canonical content the QR token signs: what stood at issue, not what is now."""
        self.ensure_one()
        return {
            "doc": self.doc_uuid,
            "issuer": self.issued_issuer or "",
            "uid": self.issued_uid or "",
            "type": self.reference_type,
            "issued": self.issue_date.isoformat() if self.issue_date else "",
            "employee": self.issued_employee or "",
            "content": signing.text_hash(self.issued_body or ""),
            "version": self.version,
        }

    def action_issue(self):
        self._check_workflow_access()
        for ref in self:
            if ref.state != "approved":
                raise UserError(self.env._("Only approved references are issued."))
            # Again here: the state alone proves nothing of how the reference got there.
            if ref.company_id.bexio_reference_four_eyes and (
                not ref.approver_id or ref.approver_id == ref.author_id
            ):
                raise AccessError(
                    self.env._(
                        "Four-eyes principle: a reference is issued only after someone "
                        "other than its author has approved it."
                    )
                )
            ref._check_ready()
            key = self.env["bexio.reference.key"]._for_company(ref.company_id)
            doc = str(uuid.uuid4())
            ref.sudo().write(
                {
                    "doc_uuid": doc,
                    "issued_issuer": ref.company_id.name,
                    "issued_uid": ref.company_id.vat or "",
                    "issued_employee": ref.employee_name,
                    "issued_body": ref.body or "",
                }
            )
            values = ref._signed_values()
            token = signing.sign(key.private_pem, key.kid, values)
            base = ref.get_base_url()
            ref.sudo().write(
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
            ref.sudo().write(
                {
                    "state": "issued",
                    "pdf_hash": hashlib.sha256(pdf).hexdigest(),
                    "pdf_attachment_id": attachment.id,
                }
            )
            if ref.previous_id.state == "issued":
                ref.previous_id.sudo().write(
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
        return self._number_pages(pdf)

    def _number_pages(self, pdf):
        """ "Page x of y" in the reference's language, stamped onto every page.

        Debian's wkhtmltopdf (unpatched Qt) drops the footer HTML that would carry the numbers.
        """
        self.ensure_one()
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        total = reader.getNumPages()
        writer = PdfFileWriter()
        for index in range(total):
            page = reader.getPage(index)
            width, height = (float(v) for v in page.mediaBox[2:])
            stamp = io.BytesIO()
            sheet = canvas.Canvas(stamp, pagesize=(width, height))
            sheet.setFont("Helvetica", 8)
            sheet.setFillGray(0.33)
            text = self._pdf_text("page", page=index + 1, topage=total)
            sheet.drawCentredString(width / 2, 12 * mm, text)
            sheet.save()
            page.mergePage(PdfFileReader(io.BytesIO(stamp.getvalue())).getPage(0))
            writer.addPage(page)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def _qr_data_uri(self):
        self.ensure_one()
        png = self.env["ir.actions.report"].barcode(
            "QR", self.sudo().verify_url, width=180, height=180, quiet=0
        )
        return "data:image/png;base64," + base64.b64encode(png).decode()

    def action_download_pdf(self):
        """The issued PDF as a download: the attachment's form would offer its deletion."""
        self.ensure_one()
        if not self.pdf_attachment_id:
            raise UserError(self.env._("This reference has no issued PDF yet."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.pdf_attachment_id.id}?download=true",
            "target": "self",
        }

    def action_revoke(self, reason=None):
        self._check_workflow_access()
        for ref in self.filtered(lambda r: r.state == "issued"):
            ref.sudo().write(
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
        self._check_workflow_access()
        if self.state != "issued":
            raise UserError(self.env._("Only an issued reference gets a new version."))
        new = self.sudo().copy(
            {
                "version": self.version + 1,
                "previous_id": self.id,
                "state": "draft",
                "author_id": self.env.uid,
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
            f"{part[0]}." for part in (self.issued_employee or "").split()
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
