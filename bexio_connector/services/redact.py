# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""AHV numbers and IBANs are never shown or logged in full outside the employee's own record.

Outbox errors, sync run problems and log lines are read by people without HR rights, so a
message that must mention such a number names the field and shows a masked value
(756.****.****.97), and text that comes from elsewhere (bexio's answers) is masked before it
is stored or logged.
"""

import re

# 756.1234.5678.97, 7561234567897, 756 1234 5678 97: Swiss AHV numbers, however written.
AHV_IN_TEXT = re.compile(r"(?<![0-9])756[.\s-]?\d{4}[.\s-]?\d{4}[.\s-]?\d{2}(?![0-9])")
# CH93 0076 2011 6238 5295 7 or CH9300762011623852957: IBANs as bexio writes them.
IBAN_IN_TEXT = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")


def mask(value, keep_start=0, keep_end=0):
    """``value`` with its letters and digits starred, but the first ``keep_start`` and the
    last ``keep_end`` of them; a value too short to hide anything that way is starred whole.
    """
    value = str(value or "")
    positions = [i for i, char in enumerate(value) if char.isalnum()]
    if len(positions) < keep_start + keep_end + 6:
        keep_start = keep_end = 0
    shown = set(positions[:keep_start]) | set(
        positions[len(positions) - keep_end :] if keep_end else ()
    )
    return "".join(
        char if i in shown or not char.isalnum() else "*"
        for i, char in enumerate(value)
    )


def mask_ahv(value):
    """756.1234.5678.97 -> 756.****.****.97 (756 is every Swiss number's prefix)."""
    return mask(value, 3, 2)


def mask_iban(value):
    """CH93 0076 2011 6238 5295 7 -> CH** **** **** **** ***5 7."""
    return mask(value, 2, 2)


def redact(text):
    """``text`` with every AHV number and IBAN in it masked (None and "" as they are)."""
    if not text:
        return text
    text = AHV_IN_TEXT.sub(lambda match: mask_ahv(match.group()), str(text))
    return IBAN_IN_TEXT.sub(lambda match: mask_iban(match.group()), text)
