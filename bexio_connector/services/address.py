# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo keeps a street as one line, bexio as street name and house number."""

import re

_STREET = re.compile(
    r"^(?P<name>.*?)\s+(?P<number>\d+\s?[a-zA-Z]?(?:[-/]\d+[a-zA-Z]?)?)$"
)


def split_street(street):
    """ "Technikumstrasse 71a" -> ("Technikumstrasse", "71a")."""
    match = _STREET.match((street or "").strip())
    if not match:
        return (street or "").strip(), ""
    return match.group("name"), match.group("number").replace(" ", "")


def join_street(name, number):
    return " ".join(part for part in (name, number) if part)
