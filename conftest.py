"""Session-wide pytest hooks for every tier run from the repository root."""

import sys


def pytest_terminal_summary(terminalreporter):
    """The fault suite's figures (tier 2), where captured output does not hide them."""
    suite = sys.modules.get("odoo.addons.test_bexio_faults.tests.test_fault_suite")
    if suite is not None and suite.TestFaultSuite.scenarios:
        terminalreporter.write_line(suite.TestFaultSuite.summary())
