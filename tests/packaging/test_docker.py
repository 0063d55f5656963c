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
    assert "8765:8765" in published and "8069:8069" in published
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
    ):
        assert f"COPY {addon} /mnt/extra-addons/{addon}" in dockerfile("odoo")
