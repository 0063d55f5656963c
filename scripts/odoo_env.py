"""Odoo 18 on this machine: where it is, and what it needs to run the addons.

Shared by the test runner (tier 2) and the demo launcher. Installs Debian packages, Odoo's own
Python requirements and PostgreSQL when they are missing, as a new machine needs.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pip_install import fingerprint, pip_install

ROOT = Path(__file__).resolve().parent.parent
# Where scripts/demo puts the Odoo it fetches itself when none of the others holds one.
ODOO_CACHE = ROOT / ".cache" / "odoo-18.0"
ODOO_CANDIDATES = ("/opt/odoo-18.0", str(ROOT.parent / "odoo-18.0"), str(ODOO_CACHE))
ODOO_GIT = os.environ.get("BEXIO_ODOO_GIT", "https://github.com/odoo/odoo.git")


def run(cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, **kwargs)


def find_odoo():
    """Return (path, None) for an Odoo 18 source tree, or (None, why not)."""
    candidates = (
        [os.environ["ODOO_SRC"]]
        if os.environ.get("ODOO_SRC")
        else list(ODOO_CANDIDATES)
    )
    for candidate in candidates:
        release = Path(candidate) / "odoo" / "release.py"
        if not release.is_file() or not (Path(candidate) / "odoo-bin").is_file():
            continue
        match = re.search(r"version_info\s*=\s*\((\d+),\s*(\d+)", release.read_text())
        if match and match.groups() == ("18", "0"):
            return Path(candidate), None
        return None, f"{candidate} holds an Odoo that is not 18.0"
    return None, (
        "no Odoo 18 source tree found (looked in "
        f"{', '.join(candidates)}; set ODOO_SRC to use another)"
    )


def odoo_clone_command(target=None, *options):
    target = target or ODOO_CACHE
    return [
        "git",
        "clone",
        *options,
        "--depth",
        "1",
        "--branch",
        "18.0",
        ODOO_GIT,
        str(target),
    ]


def fetch_odoo():
    """Shallow-clone Odoo 18.0 into the project's cache, printing git's progress.

    Returns (path, None), or (None, what to do) where git cannot reach the repository. The
    clone goes to a side folder first, so an interrupted one is never taken for a tree.
    """
    manual = " ".join(odoo_clone_command())
    if shutil.which("git") is None:
        return None, f"git is not installed; install it, or run elsewhere: {manual}"
    partial = ODOO_CACHE.with_name(ODOO_CACHE.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    print(
        f"No Odoo 18 source tree found: fetching Odoo 18.0 from {ODOO_GIT} into "
        f"{ODOO_CACHE}\n(a shallow clone of the 18.0 branch: about 200 MB to download, "
        "1 GB on disk; later runs reuse it)",
        flush=True,
    )
    clone = run(odoo_clone_command(partial, "--progress"))
    if clone.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        return None, (
            f"git could not fetch Odoo 18.0 from {ODOO_GIT} (no network?). Run this "
            f"one command where the network reaches it, then start again:\n  {manual}"
        )
    partial.rename(ODOO_CACHE)
    return find_odoo()


def ensure_tier2_environment(odoo):
    """Install Odoo's own requirements and put Odoo itself on this interpreter's path."""
    marker = Path(sys.prefix) / ".bexio-tier2-ready"
    addon_requirements = ROOT / "requirements-odoo.txt"
    stamp = f"{odoo}:{fingerprint(odoo / 'requirements.txt', addon_requirements)}"
    if marker.exists() and marker.read_text() == stamp:
        return
    pip_install(
        "-r", str(odoo / "requirements.txt"), "-r", str(ROOT / "requirements.txt")
    )
    # Odoo on the path through a .pth file: works for any 18.0 checkout, packaged or not.
    site = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "odoo-18.0-source.pth").write_text(f"{odoo}\n")
    pip_install("--no-deps", "-r", str(addon_requirements))
    marker.write_text(stamp)


# Debian packages tier 2 needs: the database, the headers psycopg2 and python-ldap build with,
# and the tools the tests of PDFs and pages use.
SYSTEM_PACKAGES = (
    *("postgresql", "postgresql-client", "libpq-dev", "libldap2-dev", "libsasl2-dev"),
    # real PDFs, their pages as images, QR decoding, and the browser of Odoo's HttpCase
    *("wkhtmltopdf", "poppler-utils", "libzbar0", "chromium"),
    # the reference letter's font: wkhtmltopdf embeds it as text, web fonts become paths
    "fonts-dejavu-core",
)


def ensure_system_packages():
    missing = [
        p
        for p in SYSTEM_PACKAGES
        if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0
    ]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise RuntimeError(f"tier 2 needs the Debian packages {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], check=True, env=env)
    run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def ensure_postgres():
    """Make sure a PostgreSQL server answers and the current user may create databases."""
    if run(["pg_isready", "-q"]).returncode != 0:
        clusters = subprocess.run(
            ["pg_lsclusters", "-h"], capture_output=True, text=True
        )
        for line in clusters.stdout.splitlines():
            version, name = line.split()[:2]
            run(["pg_ctlcluster", version, name, "start"])
        for _ in range(30):
            if run(["pg_isready", "-q"]).returncode == 0:
                break
            time.sleep(1)
        else:
            raise RuntimeError(
                "PostgreSQL did not start; install it (apt-get install postgresql)"
            )
    user = os.environ.get("PGUSER") or os.environ.get("USER") or "root"
    probe = run(["psql", "-d", "postgres", "-tAc", "select 1"], capture_output=True)
    if probe.returncode != 0 and shutil.which("su"):
        run(["su", "postgres", "-c", f"createuser --superuser {user}"])


def addons_path(odoo):
    return ",".join([str(odoo / "odoo" / "addons"), str(odoo / "addons"), str(ROOT)])


def write_config(path, odoo, database, queue_job_channels=None, **options):
    """An odoo.cfg at ``path`` for ``database``: Odoo's and this repository's addons, no demo
    data, loopback only, warnings logged. ``options`` add or replace [options] keys."""
    values = {
        "addons_path": addons_path(odoo),
        "db_name": database,
        "without_demo": "all",
        "http_interface": "127.0.0.1",
        "log_level": "warn",
        **options,
    }
    text = "[options]\n" + "".join(
        f"{key} = {value}\n" for key, value in values.items()
    )
    if queue_job_channels:
        text += f"\n[queue_job]\nchannels = {queue_job_channels}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def odoo_bin(odoo, config, *args, command=()):
    """The command line of odoo-bin (or its ``command``, e.g. shell) with ``config``."""
    return [sys.executable, str(odoo / "odoo-bin"), *command, "-c", str(config), *args]


def install(odoo, config, database, modules):
    """Install ``modules`` in ``database`` and stop; returns the finished process."""
    return run(
        odoo_bin(
            odoo,
            config,
            "-d",
            database,
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--no-http",
        ),
        cwd=ROOT,
    )


def prepare(odoo):
    """Everything Odoo needs on this machine, installed and running."""
    ensure_system_packages()
    ensure_tier2_environment(odoo)
    ensure_postgres()
