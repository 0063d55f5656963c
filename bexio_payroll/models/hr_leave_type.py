# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..services import absence_mapping


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    bexio_absence_reason = fields.Selection(
        [
            (reason, absence_mapping.REASON_LABELS[reason])
            for reason in absence_mapping.REASONS
        ],
        "bexio absence reason",
        help="The reason bexio payroll books this time off as. Time off of a type without "
        "one is not sent to bexio.",
    )

    @api.model
    def _bexio_set_default_reasons(self):
        """Give Odoo's standard types their bexio reason, unless someone chose one."""
        for xmlid, reason in absence_mapping.DEFAULT_REASONS.items():
            leave_type = self.env.ref(xmlid, raise_if_not_found=False)
            if leave_type and not leave_type.bexio_absence_reason:
                leave_type.bexio_absence_reason = reason
