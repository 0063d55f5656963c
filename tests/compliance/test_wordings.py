# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The compliance check on wordings written for these tests (tests/compliance/cases.py): each
planted matter is found in its sentence whatever the paraphrase, and work topics, favourable
leaving formulas, dates in any format and names of others raise no high finding.

The check is pure Python and loaded by path, as the benchmark loads it: no Odoo needed.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

from . import cases

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bexio_reference" / "services" / "compliance"
sys.path.insert(0, str(ROOT / "benchmarks" / "compliance"))

import run as benchmark  # noqa: E402


def _load():
    spec = importlib.util.spec_from_file_location(
        "bexio_compliance_tier1",
        PACKAGE / "__init__.py",
        submodule_search_locations=[str(PACKAGE)],
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["bexio_compliance_tier1"] = module
    spec.loader.exec_module(module)
    return module


check = _load().check


def _compose(lang, slot, sentence, options):
    slots = {"P": "", "C": "", "E": ""}
    subs = options.get("sub")
    if sentence and not subs:
        slots[slot] = " " + sentence
    text = cases.BASE[lang].format(**slots)
    for old, new in subs or ():
        assert old in text, old
        text = text.replace(old, new)
    return text, (sentence or (subs[0][1] if subs else ""))


def _verdict(text, facts, kind, passage):
    findings = check(facts, text)
    if kind is None:
        return [f for f in findings if f.severity == "high"], findings
    start = text.find(passage)
    assert start >= 0, passage
    end = start + len(passage)
    spans = [(a, b) for a, b in benchmark.sentences(text) if a < end and start < b]
    hits = [
        f
        for f in findings
        if benchmark.RULE_KINDS.get(f.rule) == kind
        and f.start >= 0
        and (
            (f.start < end and start < f.end)
            or any(f.start < b and a < f.end for a, b in spans)
        )
    ]
    return hits, findings


def _label(case):
    lang, _slot, sentence, kind, options = case
    shown = sentence or str((options.get("sub") or [("", "")])[0][1])
    return f"{lang}-{kind or 'clean'}-{shown[:40]}"


@pytest.mark.parametrize("lang", sorted(cases.BASE))
def test_base_references_are_clean(lang):
    text, _ = _compose(lang, "P", "", {})
    high, _all = _verdict(text, cases.facts(lang), None, "")
    assert not high, [(f.rule, f.passage) for f in high]


@pytest.mark.parametrize("case", cases.PROBES, ids=_label)
def test_wording(case):
    lang, slot, sentence, kind, options = case
    options = dict(options)
    text, passage = _compose(lang, slot, sentence, options)
    options.pop("sub", None)
    hits, findings = _verdict(text, cases.facts(lang, **options), kind, passage)
    seen = [(f.rule, f.passage[:60]) for f in findings]
    if kind is None:
        assert not hits, seen
    else:
        assert hits, seen


@pytest.mark.parametrize(
    "case", cases.TEXTS, ids=lambda c: f"{c[0]}-{c[2] or 'clean'}-{c[1][:30]}"
)
def test_whole_reference(case):
    lang, text, kind, passage, options = case
    hits, findings = _verdict(text, cases.facts(lang, **options), kind, passage)
    seen = [(f.rule, f.passage[:60]) for f in findings]
    if kind is None:
        assert not hits, seen
    else:
        assert hits, seen
