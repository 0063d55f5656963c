# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bexio work package a task came from, and its revenue account."""

from odoo import fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    bexio_package_ref = fields.Integer(
        "bexio work package ID", copy=False, index=True, readonly=True
    )
    bexio_account_id = fields.Many2one(
        "bexio.account",
        "bexio account",
        help="bexio revenue account for invoice lines that bill this task's hours; it goes "
        "before the product's and the project's.",
    )
