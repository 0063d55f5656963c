"""The report: every figure with its target, printed and written to benchmarks/results/."""

import json
import time

from .stack import ROOT


def report(results, targets, quick):
    print("\n== Benchmarks ==")
    for section, figures in results.items():
        print(f"\n{section}")
        for name, value in figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            target = targets.get((section, name))
            mark = ""
            if target is not None:
                met = value <= target if target else value == 0
                mark = f"   (target <= {target}: {'met' if met else 'NOT MET'})"
            print(f"  {name:<52} {shown}{mark}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = out / f"{stamp}{'-quick' if quick else ''}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {path.relative_to(ROOT)}")
