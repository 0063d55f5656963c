# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class BexioReferenceFinding(models.Model):
    """What the compliance check found in a reference, why it matters, and a fix."""

    _name = "bexio.reference.finding"
    _description = "Compliance finding"
    _order = "severity_order, passage_start, id"

    reference_id = fields.Many2one(
        "bexio.reference", required=True, ondelete="cascade", index=True
    )
    rule = fields.Char(required=True)
    label = fields.Char("Finding")
    severity = fields.Selection(
        [("high", "High"), ("medium", "Medium"), ("low", "Low")], required=True
    )
    severity_order = fields.Integer(
        "Severity rank", compute="_compute_severity_order", store=True
    )
    explanation = fields.Text(required=True)
    basis = fields.Char("Why it matters")
    passage = fields.Char()
    passage_start = fields.Integer(default=-1)
    suggestion = fields.Text("Suggested text")
    has_suggestion = fields.Boolean("Can be applied")
    # The same finding in the next check: rule, place and text, whatever the language.
    key = fields.Char(index=True)
    decision = fields.Selection(
        [("open", "Open"), ("accepted", "Accepted")], default="open", required=True
    )
    decided_by = fields.Many2one("res.users", readonly=True)
    decided_at = fields.Datetime(readonly=True)
    decision_reason = fields.Text("Reason", readonly=True)

    @api.depends("severity")
    def _compute_severity_order(self):
        order = {"high": 0, "medium": 1, "low": 2}
        for finding in self:
            finding.severity_order = order.get(finding.severity, 3)

    @api.model
    def _values_of(self, result):
        """A finding of the check as stored: texts in the user's language, the passage."""
        if result.params:
            explanation = self.env._(result.message, **result.params)
        else:
            explanation = self.env._(result.message)
        return {
            "rule": result.rule,
            "label": self.env._(result.label),
            "severity": result.severity,
            "explanation": explanation,
            "basis": self.env._(result.basis) if result.basis else False,
            "passage": result.passage,
            "passage_start": result.start,
            "suggestion": result.suggestion or False,
            "has_suggestion": result.suggestion is not None and result.start >= 0,
        }

    # What the check found is the check's to write; HR only decides, through action_accept,
    # or applies the suggestion through action_apply_suggestion.
    @api.model_create_multi
    def create(self, vals_list):
        self._refuse_unless_check()
        return super().create(vals_list)

    def write(self, vals):
        self._refuse_unless_check()
        return super().write(vals)

    def unlink(self):
        self._refuse_unless_check()
        return super().unlink()

    def _refuse_unless_check(self):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Compliance findings are written by the check; HR accepts them with "
                    "the Accept button."
                )
            )

    def _check_decidable(self):
        self.reference_id._check_workflow_access()
        for finding in self:
            if finding.reference_id.state not in ("draft", "to_check"):
                raise UserError(
                    self.env._(
                        "The findings of a submitted reference no longer change: send it "
                        "back to draft first."
                    )
                )

    def action_open_accept(self):
        """The Accept button: a high finding asks for the reason first, the others do not."""
        self.ensure_one()
        if self.severity != "high":
            return self.action_accept()
        self._check_decidable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Accept a high-severity finding"),
            "res_model": "bexio.reference.finding.accept",
            "view_mode": "form",
            "target": "new",
            "context": {"default_finding_id": self.id},
        }

    def action_accept(self, reason=None):
        """Accept what the check found; a high finding only with a reason, kept in the chatter."""
        self._check_decidable()
        reason = (reason or "").strip()
        if not reason and any(finding.severity == "high" for finding in self):
            raise UserError(
                self.env._(
                    "Say why the passage may stay: a high-severity finding is accepted "
                    "only with a reason."
                )
            )
        severities = dict(self._fields["severity"]._description_selection(self.env))
        for finding in self:
            finding.sudo().write(
                {
                    "decision": "accepted",
                    "decided_by": self.env.uid,
                    "decided_at": fields.Datetime.now(),
                    "decision_reason": reason or False,
                }
            )
            values = {
                "user": self.env.user.name,
                "severity": severities.get(finding.severity, finding.severity),
                "label": finding.label or finding.rule,
                "reason": reason,
            }
            finding.reference_id.message_post(
                body=self.env._(
                    '%(user)s accepted the %(severity)s finding "%(label)s". Reason: '
                    "%(reason)s",
                    **values,
                )
                if reason
                else self.env._(
                    '%(user)s accepted the %(severity)s finding "%(label)s".', **values
                )
            )
        return True

    def action_apply_suggestion(self):
        """Put the suggested text in place of the passage, then check the text again.

        The body is written as the user, through the reference's own guards, so this does
        nothing the user could not do by editing the text: only drafts and references being
        checked, only by HR officers of the company.
        """
        self.ensure_one()
        self._check_decidable()
        if not self.has_suggestion:
            raise UserError(self.env._("This finding has no suggestion to apply."))
        reference = self.reference_id
        body = reference.body or ""
        start = self._passage_in(body)
        end = start + len(self.passage or "")
        reference.write({"body": _splice(body, start, end, self.suggestion or "")})
        reference.message_post(
            body=self.env._(
                '%(user)s applied the suggestion of the finding "%(label)s".',
                user=self.env.user.name,
                label=self.label or self.rule,
            )
        )
        reference.action_check()
        return True

    def _passage_in(self, body):
        """Where the passage stands in ``body`` now; an error if it no longer does."""
        passage = self.passage or ""
        start = self.passage_start
        if passage and 0 <= start and body[start : start + len(passage)] == passage:
            return start
        if passage and body.count(passage) == 1:
            return body.index(passage)
        raise UserError(
            self.env._(
                "The text has changed since the check, so this suggestion no longer fits: "
                "click Check again."
            )
        )


def _splice(body, start, end, suggestion):
    """``body`` with [start, end) replaced; a removed sentence takes its space along."""
    before, after = body[:start], body[end:]
    if suggestion:
        return before + suggestion + after
    left, right = before.rstrip(" \t"), after.lstrip(" \t")
    if not left:
        return right.lstrip("\n")
    if left.endswith("\n"):
        # The passage began a line: an emptied paragraph leaves no blank lines behind.
        if right.startswith("\n") or not right:
            right = right.lstrip("\n")
            if not right:
                return left.rstrip("\n")
        return left + right
    if not right or right.startswith("\n"):
        return left + right
    return left + " " + right
