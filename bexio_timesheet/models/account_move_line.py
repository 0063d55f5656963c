# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The task an invoice line bills, for its bexio account."""

from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # Set by hand: without sale_timesheet nothing ties an invoice line to timesheets.
    # With it, the invoiced timesheets name their tasks (see account.move._bexio_tasks_of).
    bexio_task_id = fields.Many2one(
        "project.task",
        "Task",
        check_company=True,
        index="btree_not_null",
        help="The task whose hours the line bills: its bexio account goes before the "
        "product's and the project's.",
    )
