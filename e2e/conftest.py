"""The product as a user meets it: the demo stack (real sandbox, real Odoo server with its job
runner, real PostgreSQL) driven in a real headless Chromium.

Screenshots go to $BEXIO_SCREENSHOTS (docs/screenshots refreshes the README's), else .cache.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from demo_stack import DemoStack  # noqa: E402
from odoo_env import find_odoo  # noqa: E402

CHROMIUM = os.environ.get("BEXIO_CHROMIUM", "/usr/bin/chromium")
# As root and on a machine without outside network: no sandbox, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def stack():
    odoo, why = find_odoo()
    if odoo is None:
        pytest.fail(f"the end-to-end tests need Odoo 18: {why}")
    database = f"bexio_e2e_{uuid.uuid4().hex[:8]}"
    demo = DemoStack(
        odoo,
        database=database,
        odoo_port=int(os.environ.get("BEXIO_E2E_PORT", 8269)),
        sandbox_port=int(os.environ.get("BEXIO_E2E_SANDBOX_PORT", 8965)),
        workdir=ROOT / ".cache" / "e2e" / database,
        reset=True,
    )
    try:
        yield demo.start(connect=False)
    finally:
        demo.stop()
        subprocess.run(["dropdb", "--if-exists", database], check=False)


@pytest.fixture(scope="session")
def shots():
    folder = Path(
        os.environ.get("BEXIO_SCREENSHOTS") or ROOT / ".cache" / "e2e" / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def signed_in_page(chromium, stack):
    """``signed_in_page(login, password)``: a new browser page signed in to Odoo."""

    def open_page(login, password):
        page = chromium.new_page(
            viewport={"width": 1366, "height": 900}, locale="en-US"
        )
        page.set_default_timeout(30_000)
        page.goto(f"{stack.odoo_url}/web/login")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url("**/odoo**")
        return page

    return open_page


@pytest.fixture(scope="session")
def admin_page(signed_in_page):
    page = signed_in_page("admin", "admin")
    yield page
    page.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A screenshot of every open page when a test fails: what the user would have seen."""
    report = yield
    if report.when == "call" and report.failed and "chromium" in item.funcargs:
        folder = ROOT / ".cache" / "e2e" / "failures"
        folder.mkdir(parents=True, exist_ok=True)
        for number, context in enumerate(item.funcargs["chromium"].contexts):
            for page_number, page in enumerate(context.pages):
                page.screenshot(path=folder / f"{item.name}-{number}-{page_number}.png")
    return report
