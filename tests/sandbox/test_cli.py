"""The ``bexio-sandbox`` command as a user runs it."""

import socket
import subprocess
import sys
import time
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


def test_serve_starts_with_one_command_and_applies_its_flags(tmp_path):
    port = free_port()
    db = str(tmp_path / "served.db")
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
            "--no-payroll",
            "--fault",
            "status:503@GET /2.0/unit#1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{url}/_sandbox/api/companies", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
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
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert (
        f"bexio sandbox on {url}" in output
        and "demo@sandbox.bexio.local / demo" in output
    )
    assert Store(db).count("alpenblick01", "contact") >= 200  # the data stayed on disk
