"""docker-compose.yml: official Odoo 18 and PostgreSQL images plus the sandbox, wired so that the
sandbox has one address for the browser and for Odoo. Docker itself is not needed to read it."""

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def dockerfile(service):
    build = compose()[service]["build"]
    return (ROOT / build["context"] / build["dockerfile"]).read_text()


def test_the_services_use_the_official_images():
    services = compose()
    assert set(services) == {"db", "sandbox", "odoo"}
    assert re.fullmatch(r"postgres:\d+", services["db"]["image"])
    assert dockerfile("odoo").splitlines()[1] == "FROM odoo:18"


def test_odoo_reaches_the_sandbox_where_the_browser_does():
    services = compose()
    assert services["odoo"]["network_mode"] == "service:sandbox"
    published = services["sandbox"]["ports"]
    assert "127.0.0.1:8765:8765" in published and "127.0.0.1:8069:8069" in published
    assert (
        services["odoo"]["environment"]["DEMO_SANDBOX_URL"] == "http://localhost:8765"
    )


def test_what_the_images_copy_exists_and_the_start_script_parses():
    for service in ("sandbox", "odoo"):
        for line in dockerfile(service).splitlines():
            if line.startswith("COPY "):
                for source in line.split()[1:-1]:
                    assert (
                        ROOT / source
                    ).exists(), f"{service}: COPY {source} is missing"
    subprocess.run(["bash", "-n", str(ROOT / "docker" / "odoo-start.sh")], check=True)
    for addon in (
        "bexio_connector",
        "bexio_payroll",
        "bexio_timesheet",
        "bexio_reference",
        "bexio_reference_payroll",
    ):
        assert f"COPY {addon} /mnt/extra-addons/{addon}" in dockerfile("odoo")


def published_ports(service):
    """(host address, host port, container port) of each port a service publishes."""
    for entry in service.get("ports", ()):
        if isinstance(entry, dict):  # the long syntax
            yield (
                entry.get("host_ip", ""),
                str(entry["published"]),
                str(entry["target"]),
            )
            continue
        parts = str(entry).rsplit(":", 2)
        if len(parts) < 3:
            parts = ["", *parts] if len(parts) == 2 else ["", "", parts[0]]
        yield parts[0], parts[1], parts[2].split("/")[0]


def test_nothing_is_published_beyond_this_machine():
    """Odoo signs in as admin / admin and the sandbox hands out tokens: loopback only."""
    services = compose()
    published = [
        (name, *port) for name, s in services.items() for port in published_ports(s)
    ]
    assert {(name, port) for name, _ip, port, _target in published} == {
        ("sandbox", "8765"),
        ("sandbox", "8069"),
    }
    assert all(ip == "127.0.0.1" for _name, ip, _port, _target in published), published
    for name, service in services.items():
        assert service.get("network_mode", "") != "host", name


def test_the_sandbox_gets_its_admin_token_from_the_environment():
    environment = compose()["sandbox"]["environment"]
    assert environment["BEXIO_SANDBOX_ADMIN_TOKEN"] == "${BEXIO_SANDBOX_ADMIN_TOKEN:-}"
    command = dockerfile("sandbox").splitlines()[-1]
    assert "--admin-token" not in command  # a token on a command line is visible in ps
