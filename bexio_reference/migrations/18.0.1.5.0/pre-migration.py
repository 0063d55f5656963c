# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 18.0.1.5.0 the employee's bexio language and surname belong to the
bexio_reference_payroll bridge. Handing their records over keeps the columns and what the
payroll import wrote in them: the update of bexio_reference would otherwise drop both."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'bexio_reference_payroll'
         WHERE module = 'bexio_reference'
           AND (name IN ('field_hr_employee__bexio_language',
                         'field_hr_employee__bexio_last_name')
                OR name LIKE 'selection__hr_employee__bexio_language__%%')
        """
    )
