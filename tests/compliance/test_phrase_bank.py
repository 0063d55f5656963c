# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every text the wizard writes passes the compliance check it is checked with.

An author who generates a reference and presses "Check" must not be told that our own
sentences are incoherent or leave something out: every language, type, grade, form of
address, with and without a leadership grade. Both packages are pure Python, loaded by path.
"""

import datetime
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "bexio_reference" / "services"


def _load(name, path, package=None):
    spec = importlib.util.spec_from_file_location(
        name, path, submodule_search_locations=package
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


check = _load(
    "bexio_compliance_phrase_bank",
    SERVICES / "compliance" / "__init__.py",
    [str(SERVICES / "compliance")],
).check
phrases = _load("bexio_phrases_tier1", SERVICES / "phrases.py")

BIRTH, START, END = (
    datetime.date(1990, 4, 2),
    datetime.date(2019, 3, 1),
    datetime.date(2025, 6, 30),
)
CASES = [
    (language, kind, grade, manager, salutation)
    for language in ("de", "fr", "it", "en")
    for kind in ("full", "interim", "apprenticeship", "confirmation")
    for grade in (5, 4, 3, 2, 1)
    for manager in (True, False)
    for salutation in ("f", "m", None)
    if not (kind in ("apprenticeship", "confirmation") and manager)
]


def _reference(language, kind, grade, manager, salutation):
    end = None if kind == "interim" else END
    grades = {} if kind == "confirmation" else {"performance": grade, "conduct": grade}
    if manager:
        grades["leadership"] = grade
    text_facts = {
        "employee_name": "Anna Keller",
        "salutation": salutation,
        "surname": "Keller",
        "birth": phrases.format_date(language, BIRTH),
        "origin": "Chur GR",
        "nationality": "CH",
        "nationality_name": "",
        "function": "Projektleiterin",
        "workload": 80,
        "company": "Muster Treuhand AG",
        "start": phrases.format_date(language, START),
        "end": phrases.format_date(language, end) if end else "",
        "tasks": "- Planung der Projekte\n- Budgetverantwortung",
        "assessment_requested": kind == "apprenticeship",
    }
    title = phrases.TITLES[language][kind]
    facts = {
        "type": kind,
        "language": language,
        "title": title,
        "expected_title": title,
        "company_name": "Muster Treuhand AG",
        "employee_name": "Anna Keller",
        "gender": salutation or "f",
        "birth_date": BIRTH,
        "origin": "Chur GR",
        "start": START,
        "end": end,
        "function": "Projektleiterin",
        "tasks": text_facts["tasks"],
        "place": "Luzern",
        "issue_date": END,
        "signer_name": "Beat Muster",
        "signer_role": "Geschäftsführer",
        "grades": grades,
        "is_manager": manager,
        "assessment_requested": kind == "apprenticeship",
        "address_requested": False,
        "leaving_reason_requested": False,
        "home_street": "Bahnhofstrasse 1",
    }
    return facts, phrases.compose(language, kind, text_facts, grades)


@pytest.mark.parametrize("language,kind,grade,manager,salutation", CASES)
def test_the_phrase_bank_raises_no_high_finding(
    language, kind, grade, manager, salutation
):
    facts, text = _reference(language, kind, grade, manager, salutation)
    high = [(f.rule, f.passage) for f in check(facts, text) if f.severity == "high"]
    assert not high, text
