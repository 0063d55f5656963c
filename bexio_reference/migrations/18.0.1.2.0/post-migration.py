# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""References issued before 18.0.1.2.0 were signed over the company's name and UID and the text
as they stood then; their new snapshot fields take those values, so that their QR codes keep
verifying (where the company has not been renamed since, which already broke them)."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE bexio_reference AS ref
           SET issued_issuer = company.name,
               issued_uid = COALESCE(partner.vat, ''),
               issued_employee = ref.employee_name,
               issued_body = COALESCE(ref.body, '')
          FROM res_company AS company
          JOIN res_partner AS partner ON partner.id = company.partner_id
         WHERE company.id = ref.company_id
           AND ref.doc_uuid IS NOT NULL
           AND ref.issued_body IS NULL
        """
    )
