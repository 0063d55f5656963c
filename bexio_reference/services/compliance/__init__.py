# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The compliance check of a Swiss employment reference (Art. 330a OR and Swiss practice).

``check(facts, text)`` reads the text as a reference is built (opening facts, tasks,
performance, conduct, leadership, closing), grades each assessment sentence from the phrase
bank, and returns findings: the rule, its severity, why it matters (an English msgid the Odoo
side translates), the exact passage, and a replacement from the phrase bank. It imports
nothing from Odoo, so the benchmark loads it by path.
"""

from .engine import Finding, check
from .messages import HIGH, LOW, MEDIUM, RULES

__all__ = ["HIGH", "LOW", "MEDIUM", "RULES", "Finding", "check"]
