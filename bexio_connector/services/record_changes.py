# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What an import would change on a record: writing only that keeps a repeated import silent."""

from odoo import models


def changed_values(record, values):
    """The part of ``values`` that differs from ``record``.

    Many2one fields compare by id, x2many fields given as ``[(6, 0, ids)]`` by their set of
    ids, and empty values (False, None, "", 0) are all alike.
    """
    changes = {}
    for name, value in values.items():
        current = record[name]
        if record._fields[name].type in ("many2many", "one2many"):
            if set(current.ids) != set(value[0][2]):
                changes[name] = value
            continue
        if isinstance(current, models.BaseModel):
            current = current.id
        if (current or False) != (value or False):
            changes[name] = value
    return changes
