#!/usr/bin/env python3
# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How well the compliance check of bexio_reference finds what a Swiss HR lawyer would.

The corpus (benchmarks/compliance/corpus/<lang>.<split>.jsonl) was written by other people,
blind to the check: references in German, French, Italian and English, a third clean (with
traps that are the work, not the person), the rest with planted violations of one of the
kinds below. This script loads the check's pure-Python package by path (no Odoo), runs it on
every reference of a split and prints:

- recall per kind and language: a planted violation is found when a finding of a rule
  mapped to its kind (table RULE_KINDS) overlaps its passage or lies in a sentence that the
  passage also touches;
- false alarms per language: the share of clean references with at least one high finding
  (and, for the record, with any finding at all);
- the median and 95th-percentile time of one check, and the slowest;
- how many findings carry a suggestion, and whether applying it clears the finding.

    python benchmarks/compliance/run.py --split dev          # tune on this one
    python benchmarks/compliance/run.py --split dev2         # and this second one
    python benchmarks/compliance/run.py --split dev3         # and a third
    python benchmarks/compliance/run.py --split heldout      # once, at the end
    python benchmarks/compliance/run.py --split dev --show   # misses and false alarms

Nothing here is a pass/fail test; it prints figures.
"""

import argparse
import datetime
import importlib.util
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bexio_reference" / "services" / "compliance"
CORPUS = Path(__file__).resolve().parent / "corpus"
LANGUAGES = ("de", "fr", "it", "en")
KINDS = (
    "health", "union", "politics", "religion", "private_life", "leaving_reason", "address",
    "coded", "omission", "date_mismatch", "incoherent", "placeholder", "tense",
    "type_content",
)  # fmt: skip

# Which corpus kind each rule of the check speaks of. Rules that check the form's own fields
# (title, signers, date logic) have no kind: the corpus plants nothing there.
RULE_KINDS = {
    "private.health": "health",
    "private.union": "union",
    "private.politics": "politics",
    "private.religion": "religion",
    "private.life": "private_life",
    "private.leaving": "leaving_reason",
    "private.address": "address",
    "private.salary": "private_life",
    "coded.effort": "coded",
    "coded.interest": "coded",
    "coded.sociability": "coded",
    "coded.restriction": "coded",
    "coded.known_as": "coded",
    "coded.delegation": "coded",
    "coded.assigned": "coded",
    "coded.punctuality": "coded",
    "coded.complaint": "coded",
    "coded.health_wish": "coded",
    "coded.order": "coded",
    "omission.name": "omission",
    "omission.identity": "omission",
    "omission.start": "omission",
    "omission.end": "omission",
    "omission.function": "omission",
    "omission.performance": "omission",
    "omission.conduct": "omission",
    "omission.leadership": "omission",
    "omission.assessment": "omission",
    "omission.closing": "omission",
    "dates.birth": "date_mismatch",
    "dates.start": "date_mismatch",
    "dates.end": "date_mismatch",
    "incoherent.performance": "incoherent",
    "incoherent.conduct": "incoherent",
    "incoherent.leadership": "incoherent",
    "incoherent.text": "incoherent",
    "incoherent.closing_cold": "incoherent",
    "incoherent.closing_warm": "incoherent",
    "placeholder.template": "placeholder",
    "placeholder.name": "placeholder",
    "tense.interim": "tense",
    "tense.final": "tense",
    "type.confirmation": "type_content",
    "type.apprenticeship": "type_content",
}
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def load_check():
    spec = importlib.util.spec_from_file_location(
        "bexio_compliance",
        PACKAGE / "__init__.py",
        submodule_search_locations=[str(PACKAGE)],
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["bexio_compliance"] = module
    spec.loader.exec_module(module)
    return module


def facts_of(item):
    """The corpus's facts as the check reads them (grades on the form's scale, 5 best)."""
    facts = dict(item["facts"])
    grades = facts.get("grades") or {}
    # The corpus grades as German references are read, 1 best; the form, 5 best.
    facts["grades"] = {k: 6 - v for k, v in grades.items() if v}
    for key in ("birth_date", "start", "end", "issue_date"):
        if facts.get(key):
            facts[key] = datetime.date.fromisoformat(facts[key])
    facts["type"] = item["type"]
    facts["language"] = item["language"]
    # What the PDF prints outside the text is on the form; the corpus does not test it.
    facts.setdefault("place", "x")
    facts.setdefault("signer_name", "x")
    facts.setdefault("signer_role", "x")
    return facts


def sentences(text):
    return [m.span() for m in SENTENCE.finditer(text)]


def found(violation, text, findings):
    start = text.find(violation["passage"])
    if start < 0:
        return False
    end = start + len(violation["passage"])
    spans = [(a, b) for a, b in sentences(text) if a < end and start < b]
    for finding in findings:
        if RULE_KINDS.get(finding.rule) != violation["kind"] or finding.start < 0:
            continue
        a, b = finding.start, finding.end
        if a < end and start < b:
            return True
        if any(a < s_end and s_start < b for s_start, s_end in spans):
            return True
    return False


def load(split, language):
    splits = ("dev", "heldout") if split == "all" else (split,)
    items = []
    for name in splits:
        path = CORPUS / f"{language}.{name}.jsonl"
        if path.exists():
            items += [
                json.loads(line) for line in path.read_text().splitlines() if line
            ]
    return items


def percent(numerator, denominator):
    return f"{100 * numerator / denominator:5.1f}%" if denominator else "    -"


def fixes(check, facts, text, findings, tally):
    """Apply each suggestion alone: does the finding go, without a new high one?"""
    before = {(f.rule, f.passage) for f in findings}
    for finding in findings:
        if finding.start < 0:
            continue
        tally["passage"] += 1
        if finding.suggestion is None:
            continue
        tally["suggestion"] += 1
        fixed = text[: finding.start] + finding.suggestion + text[finding.end :]
        after = check(facts, fixed)
        if any(f.rule == finding.rule and f.passage == finding.passage for f in after):
            continue
        tally["cleared"] += 1
        new = {
            (f.rule, f.passage)
            for f in after
            if f.severity == "high"
            and f.passage
            and f.passage not in finding.suggestion
        }
        tally["no new high"] += not (new - before)


def measure(split, check, show):
    """Recall cells, clean-text counts, timings and (for --show) what went wrong."""
    recall = {}  # (kind, lang) -> [found, total]
    clean = {}  # lang -> [texts, with a high finding, with any finding]
    times = []
    shown = []
    tally = {"passage": 0, "suggestion": 0, "cleared": 0, "no new high": 0}
    for language in LANGUAGES:
        for item in load(split, language):
            facts = facts_of(item)
            began = time.perf_counter()
            findings = check(facts, item["text"])
            times.append((time.perf_counter() - began, len(item["text"]), item["id"]))
            fixes(check, facts, item["text"], findings, tally)
            if not item["violations"]:
                row = clean.setdefault(language, [0, 0, 0])
                high = [f for f in findings if f.severity == "high"]
                row[0] += 1
                row[1] += bool(high)
                row[2] += bool(findings)
                if show and high:
                    shown.append(("FALSE ALARM", item["id"], high))
            for violation in item["violations"]:
                cell = recall.setdefault((violation["kind"], language), [0, 0])
                cell[1] += 1
                if found(violation, item["text"], findings):
                    cell[0] += 1
                elif show:
                    shown.append(("MISSED", item["id"], violation, findings))
    return recall, clean, times, shown, tally


def print_recall(recall):
    print(
        f"{'kind':<16}" + "".join(f"{lang:>14}" for lang in LANGUAGES) + f"{'all':>14}"
    )
    totals = {lang: [0, 0] for lang in LANGUAGES}
    for kind in KINDS:
        cells = []
        row = [0, 0]
        for lang in LANGUAGES:
            hit, total = recall.get((kind, lang), [0, 0])
            totals[lang][0] += hit
            totals[lang][1] += total
            row[0] += hit
            row[1] += total
            cells.append(f"{percent(hit, total)} {hit:>2}/{total:<3}" if total else "-")
        print(
            f"{kind:<16}"
            + "".join(f"{c:>14}" for c in cells)
            + f"{percent(*row)} {row[0]:>3}/{row[1]:<3}"
        )
    everything = [
        sum(v[0] for v in totals.values()),
        sum(v[1] for v in totals.values()),
    ]
    print(
        f"{'recall':<16}"
        + "".join(
            f"{percent(*totals[lang])} {totals[lang][0]:>2}/{totals[lang][1]:<3}"
            for lang in LANGUAGES
        )
        + f"{percent(*everything)} {everything[0]:>3}/{everything[1]:<3}"
    )


def print_clean(clean):
    print(
        f"{'clean texts':<16}"
        + "".join(f"{lang:>14}" for lang in LANGUAGES)
        + f"{'all':>14}"
    )
    for index, label in ((1, "high finding"), (2, "any finding")):
        cells = []
        for lang in LANGUAGES:
            row = clean.get(lang, [0, 0, 0])
            cells.append(f"{percent(row[index], row[0])} {row[index]:>2}/{row[0]:<3}")
        total = sum(clean.get(lang, [0, 0, 0])[0] for lang in LANGUAGES)
        hits = sum(clean.get(lang, [0, 0, 0])[index] for lang in LANGUAGES)
        print(
            f"{label:<16}"
            + "".join(f"{c:>14}" for c in cells)
            + f"{percent(hits, total)} {hits:>3}/{total:<3}"
        )


def print_times(times):
    durations = sorted(t for t, _n, _i in times)
    if not durations:
        return
    p95 = durations[min(len(durations) - 1, int(round(0.95 * len(durations))) - 1)]
    slowest = max(times)
    print(
        f"time per check: median {1000 * statistics.median(durations):.1f} ms, "
        f"95th percentile {1000 * p95:.1f} ms, slowest {1000 * slowest[0]:.1f} ms "
        f"({slowest[1]} characters), {len(durations)} checks"
    )


def print_shown(shown):
    for entry in shown:
        print()
        if entry[0] == "FALSE ALARM":
            print(f"FALSE ALARM {entry[1]}")
            for finding in entry[2]:
                print(f"   {finding.rule}: {finding.passage[:140]!r}")
            continue
        _label, ident, violation, findings = entry
        print(f"MISSED {ident} {violation['kind']}: {violation['passage'][:140]!r}")
        for finding in findings:
            print(f"   had {finding.rule}: {finding.passage[:80]!r}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split", choices=("dev", "dev2", "dev3", "heldout", "all"), default="dev"
    )
    parser.add_argument(
        "--show",
        action="store_true",
        help="misses and false alarms (development splits only)",
    )
    args = parser.parse_args(argv)
    if args.show and args.split not in ("dev", "dev2", "dev3"):
        parser.error("--show prints the texts: only for the development splits")
    check = load_check().check
    recall, clean, times, shown, tally = measure(args.split, check, args.show)
    print(f"Compliance check on the {args.split} split\n")
    print_recall(recall)
    print()
    print_clean(clean)
    print()
    print_times(times)
    print(
        f"suggestions: {tally['suggestion']} of {tally['passage']} findings with a passage "
        f"carry one; applied alone, {tally['cleared']} clear their finding, "
        f"{tally['no new high']} of them without a new high finding"
    )
    print_shown(shown)


if __name__ == "__main__":
    main()
