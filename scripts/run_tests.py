"""Run the project's tests and say plainly which tiers ran.

Tier 1 (always): ``pytest -p no:odoo tests`` - the SDK, the sandbox, and the SDK against a live
sandbox on 127.0.0.1.

Tier 2 (when an Odoo 18 source tree is found and the repository has addons): every addon is
installed in a fresh PostgreSQL database and its ``tests/`` run with pytest-odoo. Odoo is looked
for in $ODOO_SRC, then /opt/odoo-18.0, then ../odoo-18.0 beside the repository.

Tier 3 (with Odoo too): ``e2e/`` starts the demo stack (sandbox, Odoo server with its job
runner) on spare ports and drives it in a real headless Chromium with Playwright.

Usage: python scripts/run_tests.py [--tier 1|2|3] [extra pytest arguments for tier 1]
"""

import argparse
import sys
import uuid

from odoo_env import ROOT, find_odoo, install, prepare, run, write_config


def lint():
    """pre-commit on the whole tree, as OCA's CI runs it: hygiene, ruff, pylint-odoo."""
    if not (ROOT / ".git").exists():
        print("lint: not a git checkout, pre-commit skipped", flush=True)
        return 0
    return run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "run",
            "--all-files",
            "--show-diff-on-failure",
        ],
        cwd=ROOT,
    ).returncode


def pytest_without_odoo(folder, *pytest_args):
    """pytest on ``folder`` without pytest-odoo's plugin (these tests start what they need)."""
    cmd = [sys.executable, "-m", "pytest", "-p", "no:odoo", "-p", "no:cacheprovider"]
    # pytest exits 5 when it collected nothing: that is a failure of a suite, not a pass.
    return run([*cmd, str(ROOT / folder), *pytest_args], cwd=ROOT).returncode


def tier1(pytest_args):
    return pytest_without_odoo("tests", *pytest_args)


def addons():
    return sorted(p.parent.name for p in ROOT.glob("*/__manifest__.py"))


def tier2(odoo, names):
    prepare(odoo)
    database = f"bexio_test_{uuid.uuid4().hex[:8]}"
    config = write_config(ROOT / ".cache" / "odoo-test.cfg", odoo, database)
    try:
        installed = install(odoo, config, database, names)
        if installed.returncode != 0:
            return installed.returncode
        tests = [
            str(ROOT / name / "tests")
            for name in names
            if (ROOT / name / "tests").is_dir()
        ]
        if not tests:
            print("tier 2: the addons have no tests/ folder", flush=True)
            return 1
        result = run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                f"--odoo-config={config}",
                f"--odoo-database={database}",
                "--odoo-http",
                *tests,
            ],
            cwd=ROOT,
        )
        return result.returncode
    finally:
        run(["dropdb", "--if-exists", database])


def tier3(odoo):
    """The demo stack in a real headless Chromium: what a user does, end to end."""
    prepare(odoo)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "-r",
            str(ROOT / "requirements-e2e.txt"),
        ],
        check=True,
    )
    return pytest_without_odoo("e2e")


def verdict(code):
    return "passed" if code == 0 else f"FAILED (exit {code})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", choices=("1", "2", "3"), help="run only this tier")
    args, pytest_args = parser.parse_known_args()
    summary = []
    failed = False
    if args.tier is None:
        code = lint()
        failed |= code != 0
        summary.append(f"lint (pre-commit on the whole tree): {verdict(code)}")
    if args.tier in (None, "1"):
        code = tier1(pytest_args)
        failed |= code != 0
        summary.append(f"tier 1 (SDK, sandbox, contract; no Odoo): {verdict(code)}")
    if args.tier in (None, "2"):
        odoo, why = find_odoo()
        names = addons()
        if odoo is None:
            summary.append(f"tier 2 (addons in Odoo 18): skipped - {why}")
        elif not names:
            summary.append(
                f"tier 2 (addons in Odoo 18): skipped - Odoo found at {odoo}, "
                "but the repository has no addon yet"
            )
        else:
            code = tier2(odoo, names)
            failed |= code != 0
            summary.append(
                f"tier 2 (addons {', '.join(names)} in Odoo at {odoo}): {verdict(code)}"
            )
    if args.tier in (None, "3"):
        odoo, why = find_odoo()
        if odoo is None:
            summary.append(f"tier 3 (end to end in Chromium): skipped - {why}")
        else:
            code = tier3(odoo)
            failed |= code != 0
            summary.append(
                f"tier 3 (sandbox, Odoo server and job runner, driven in Chromium): {verdict(code)}"
            )
    print("\n== Test tiers ==", *summary, sep="\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
