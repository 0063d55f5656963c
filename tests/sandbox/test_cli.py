"""The ``bexio-sandbox`` command as a user runs it."""

import os
import re
import socket
import subprocess
import sys
from types import SimpleNamespace

import requests

from bexio_sandbox import Store
from bexio_sandbox.cli import main

from ..conftest import login


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_generate_adds_a_large_company_beside_the_demo(tmp_path, capsys):
    db = str(tmp_path / "big.db")
    assert (
        main(
            [
                "--db",
                db,
                "generate",
                "--contacts",
                "300",
                "--employees",
                "7",
                "--projects",
                "3",
                "--timesheets",
                "250",
            ]
        )
        == 0
    )
    store = Store(db)
    # each employee is also a person contact, as in the demo company
    assert store.count("bigco0000001", "contact") == 300 + 7
    assert store.count("bigco0000001", "payroll_employee") == 7
    assert store.count("bigco0000001", "pr_project") == 3
    assert store.count("bigco0000001", "timesheet") == 250
    assert store.count("alpenblick01", "payroll_employee") == 30
    assert "admin@bigco0000001.sandbox.bexio.local" in capsys.readouterr().out


def serve(db, port, *flags, env=None):
    """Start ``bexio-sandbox serve``; return the process and its banner, once printed."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bexio_sandbox",
            "--db",
            db,
            "serve",
            "--port",
            str(port),
        ]
        + list(flags),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )
    banner = []
    # The banner's last line comes after the socket is bound, before it serves.
    for line in process.stdout:
        banner.append(line)
        if line.lstrip().startswith("Data:"):
            break
    return process, "".join(banner)


def banner_token(banner):
    link = re.search(r"Admin page: +(\S+)", banner).group(1)
    token = re.search(r"Admin token: +(\S+)", banner).group(1)
    assert link.endswith(f"/_sandbox/?token={token}")
    return token


def test_serve_starts_with_one_command_and_applies_its_flags(tmp_path):
    port = free_port()
    db = str(tmp_path / "served.db")
    process, banner = serve(
        db,
        port,
        "--no-payroll",
        "--vat",
        "gross",
        "--fault",
        "status:503@GET /2.0/unit#1",
    )
    url = f"http://127.0.0.1:{port}"
    try:
        server = SimpleNamespace(url=url, issuer=f"{url}/realms/bexio")
        token = login(server)[1].access_token
        headers = {"Authorization": f"Bearer {token}"}
        units = [
            requests.get(f"{url}/2.0/unit", headers=headers, timeout=5).status_code
            for _ in range(2)
        ]
        assert units == [503, 200]
        payroll = requests.get(
            f"{url}/4.0/payroll/employees", headers=headers, timeout=5
        )
        assert payroll.status_code == 403
        settings = requests.get(
            f"{url}/2.0/kb_item_setting", headers=headers, timeout=5
        )
        invoice = next(s for s in settings.json() if s["kb_item_class"] == "KbInvoice")
        assert (invoice["default_mwst_type"], invoice["default_mwst_is_net"]) == (
            0,
            False,
        )
    finally:
        process.terminate()
        output = banner + process.communicate(timeout=10)[0]
    assert (
        f"bexio sandbox on {url}" in output
        and "demo@sandbox.bexio.local / demo" in output
    )
    assert Store(db).count("alpenblick01", "contact") >= 200  # the data stayed on disk


def test_serve_protects_the_admin_api_with_a_token_it_prints(tmp_path):
    port = free_port()
    process, banner = serve(str(tmp_path / "a.db"), port)
    url = f"http://127.0.0.1:{port}/_sandbox/api/companies"
    try:
        token = banner_token(banner)
        assert len(token) >= 32
        assert requests.get(url, timeout=5).status_code == 401
        assert (
            requests.get(url, headers={"X-Sandbox-Admin": "x"}, timeout=5).status_code
            == 401
        )
        assert (
            requests.get(url, headers={"X-Sandbox-Admin": token}, timeout=5).status_code
            == 200
        )
    finally:
        process.terminate()
        process.communicate(timeout=10)
    # A new start, a new token.
    process, again = serve(str(tmp_path / "a.db"), port)
    process.terminate()
    process.communicate(timeout=10)
    assert banner_token(again) != token


def test_serve_takes_the_admin_token_from_the_environment(tmp_path):
    port = free_port()
    process, banner = serve(
        str(tmp_path / "e.db"), port, env={"BEXIO_SANDBOX_ADMIN_TOKEN": "from-env-1234"}
    )
    try:
        assert banner_token(banner) == "from-env-1234"
        answer = requests.get(
            f"http://127.0.0.1:{port}/_sandbox/api/companies",
            headers={"X-Sandbox-Admin": "from-env-1234"},
            timeout=5,
        )
        assert answer.status_code == 200
    finally:
        process.terminate()
        process.communicate(timeout=10)
