# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

TYPES = [
    ("full", "Full reference"),
    ("interim", "Interim reference"),
    ("confirmation", "Confirmation of employment"),
    ("apprenticeship", "Apprenticeship reference"),
]
LANGUAGES = [("de", "German"), ("fr", "French"), ("it", "Italian"), ("en", "English")]
GRADES = [
    ("5", "5 - excellent"),
    ("4", "4 - very good"),
    ("3", "3 - good"),
    ("2", "2 - adequate"),
    ("1", "1 - insufficient"),
]


class BexioReferenceFacts(models.AbstractModel):
    """What a reference says of the employment: the wizard collects it, the reference keeps it."""

    _name = "bexio.reference.facts"
    _description = "Employment reference facts"

    employee_id = fields.Many2one("hr.employee", required=True)
    reference_type = fields.Selection(TYPES, "Type", required=True, default="full")
    language = fields.Selection(LANGUAGES, required=True, default="de")
    employee_name = fields.Char(required=True)
    birth_date = fields.Date()
    origin = fields.Char(
        "Place of origin",
        help="Swiss citizens: the place of origin as in the passport, e.g. Chur GR.",
    )
    nationality_id = fields.Many2one("res.country", "Nationality")
    salutation = fields.Selection(
        [
            ("f", "Ms (Frau, Madame, la signora)"),
            ("m", "Mr (Herr, Monsieur, il signor)"),
        ],
        "Form of address",
        help="How the text names the person after the first mention, with the surname. "
        "Empty: the full name throughout.",
    )
    surname = fields.Char(help="Used with the form of address: Frau Keller.")
    function = fields.Char()
    workload = fields.Integer("Workload (%)", default=100)
    date_start = fields.Date("Employed from")
    date_end = fields.Date("Employed until")
    tasks = fields.Text(help="One task per line.")
    is_manager = fields.Boolean("Leads people")
    grade_performance = fields.Selection(GRADES, "Performance")
    grade_conduct = fields.Selection(GRADES, "Conduct")
    grade_leadership = fields.Selection(GRADES, "Leadership")
    assessment_requested = fields.Boolean(help="Apprentices: assessment asked for.")
    place = fields.Char("Place of issue")
    signer_name = fields.Char()
    signer_role = fields.Char()

    def _facts_values(self):
        """The facts of this record as values to create another record with."""
        self.ensure_one()
        names = self.env["bexio.reference.facts"]._fields.keys() - {
            "id",
            "display_name",
        }
        return self._convert_to_write({name: self[name] for name in names})
