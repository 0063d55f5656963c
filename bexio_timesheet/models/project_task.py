# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bexio work package a task came from."""

from odoo import fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    bexio_package_ref = fields.Integer(
        "bexio work package ID", copy=False, index=True, readonly=True
    )
