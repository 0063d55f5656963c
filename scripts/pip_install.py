"""pip installs that build the same way with every pip this project may meet.

Some of Odoo 18's pinned sdists (cbor2 5.4.2 on Python 3.11, for one) import ``pkg_resources`` in
their ``setup.py``; the newest setuptools no longer ships it. ``build-constraints.txt`` pins the
build backend for those builds. How a constraint reaches pip's isolated build environments
changed: pip 25.3 added ``--build-constraint``, and from pip 26 ``PIP_CONSTRAINT`` no longer
applies there at all. So the option is used where pip has it and the old variable where it
does not, and the virtualenv's pip is pinned to the release these scripts are tested with.

Stdlib only: it runs in a virtualenv that has nothing installed yet.

CLI: ``python scripts/pip_install.py`` (run with the virtualenv's interpreter) installs the
project's requirements and the SDK, once per change of what they are made of.
"""

import hashlib
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The pip release the install steps are tested with (a fresh clone, an empty cache, CI). A
# newer one is taken only by changing this line and running CI.
PIP = "pip==26.3"
BUILD_CONSTRAINTS = ROOT / "build-constraints.txt"


@cache
def _has_build_constraint_option(python):
    usage = subprocess.run(
        [python, "-m", "pip", "install", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "--build-constraint" in usage


def build_constraint(python=sys.executable):
    """(extra pip arguments, extra environment) that pin the build backends of sdists."""
    if _has_build_constraint_option(python):
        return ["--build-constraint", str(BUILD_CONSTRAINTS)], {}
    return [], {"PIP_CONSTRAINT": str(BUILD_CONSTRAINTS)}


def pip_install(*args, python=sys.executable, check=True):
    """``pip install -q ARGS`` with ``python``, build constraints applied."""
    options, env = build_constraint(python)
    cmd = [python, "-m", "pip", "install", "-q", *options, *args]
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=check, env={**os.environ, **env})


def fingerprint(*paths):
    """What an install is made of: the pinned pip and the contents of ``paths``."""
    digest = hashlib.sha256(PIP.encode())
    for path in (BUILD_CONSTRAINTS, *paths):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def ensure_project_requirements(python=sys.executable):
    """The virtualenv of ``python`` with the pinned pip, requirements.txt and the SDK."""
    stamp = Path(sys.prefix) / ".bexio-requirements.sha"
    want = fingerprint(ROOT / "requirements.txt", ROOT / "setup.cfg")
    if stamp.is_file() and stamp.read_text() == want:
        return
    # pip itself is a wheel: no build, so no constraint is needed to install it.
    subprocess.run([python, "-m", "pip", "install", "-q", PIP], check=True)
    _has_build_constraint_option.cache_clear()
    pip_install("-r", str(ROOT / "requirements.txt"), python=python)
    pip_install("--no-deps", "-e", str(ROOT), python=python)
    stamp.write_text(want)


if __name__ == "__main__":
    ensure_project_requirements()
