# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _bexio_issued_pdfs(self):
        """The attachments among these that are an issued reference's PDF."""
        if not self.ids:
            return self.browse()
        return (
            self.env["bexio.reference"]
            .sudo()
            .search([("pdf_attachment_id", "in", self.ids)])
            .pdf_attachment_id
        )

    def _bexio_check_not_issued_pdf(self):
        # Odoo lets whoever may write a record replace or delete its attachments; the issued
        # PDF is what the QR code's page vouches for, so only the workflow touches it.
        if not self.env.su and self._bexio_issued_pdfs():
            raise UserError(
                self.env._(
                    "This is the PDF of an issued reference: it cannot be changed or "
                    "deleted. Revoke the reference or issue a new version instead."
                )
            )

    def write(self, vals):
        self._bexio_check_not_issued_pdf()
        return super().write(vals)

    @api.ondelete(at_uninstall=True)
    def _unlink_except_issued_reference_pdf(self):
        self._bexio_check_not_issued_pdf()
