"""The install steps a fresh machine runs: build constraints with old and new pip, and the demo
fetching its own Odoo. These run real pip and git (pip reaches the package index)."""

import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import demo_stack  # noqa: E402
import odoo_env  # noqa: E402
import pip_install  # noqa: E402


@pytest.fixture
def sdist_needing_old_setuptools(tmp_path):
    """A project whose setup.py fails on setuptools 70 or newer, as cbor2 5.4.2's does."""
    project = tmp_path / "needs-old-setuptools"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\n'
        'build-backend = "setuptools.build_meta"\n'
    )
    (project / "setup.py").write_text(
        textwrap.dedent(
            """
            import setuptools
            major = int(setuptools.__version__.split(".")[0])
            assert major < 70, "built with setuptools " + setuptools.__version__
            setuptools.setup(name="needs-old-setuptools", version="1.0")
            """
        )
    )
    return project


def install_into(tmp_path, project, python=sys.executable):
    target = tmp_path / "target"
    return pip_install.pip_install(
        "--no-deps",
        "--target",
        str(target),
        str(project),
        python=python,
        check=False,
    )


def test_the_virtualenv_has_the_pinned_pip_and_it_has_the_build_constraint_option():
    version = subprocess.run(
        [sys.executable, "-m", "pip", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[1]
    assert f"pip=={version}" == pip_install.PIP
    assert pip_install.build_constraint()[0] == [
        "--build-constraint",
        str(pip_install.BUILD_CONSTRAINTS),
    ]


def test_the_pinned_pip_builds_an_sdist_with_the_constrained_setuptools(
    tmp_path, sdist_needing_old_setuptools
):
    assert install_into(tmp_path, sdist_needing_old_setuptools).returncode == 0


def test_the_old_variable_alone_no_longer_reaches_the_build_with_the_pinned_pip(
    tmp_path, sdist_needing_old_setuptools, monkeypatch
):
    # Why the option is needed: pip 26 ignores PIP_CONSTRAINT in isolated builds, so the
    # newest setuptools is taken and the build fails, as cbor2's did on a fresh machine.
    monkeypatch.setattr(
        pip_install,
        "build_constraint",
        lambda python=None: (
            [],
            {"PIP_CONSTRAINT": str(pip_install.BUILD_CONSTRAINTS)},
        ),
    )
    assert install_into(tmp_path, sdist_needing_old_setuptools).returncode != 0


def test_a_pip_without_the_option_gets_the_constraint_through_the_variable(
    tmp_path, sdist_needing_old_setuptools
):
    # The pip that ensurepip bundles with this Python predates --build-constraint.
    old = tmp_path / "old-pip"
    venv.create(old, with_pip=True)
    python = str(old / "bin" / "python")
    options, env = pip_install.build_constraint(python)
    assert options == []
    assert env == {"PIP_CONSTRAINT": str(pip_install.BUILD_CONSTRAINTS)}
    assert (
        install_into(tmp_path, sdist_needing_old_setuptools, python=python).returncode
        == 0
    )


@pytest.fixture
def no_odoo_anywhere(tmp_path, monkeypatch):
    """Odoo looked for only in empty places, fetched into a cache under tmp_path."""
    cache = tmp_path / "cache" / "odoo-18.0"
    monkeypatch.delenv("ODOO_SRC", raising=False)
    monkeypatch.setattr(odoo_env, "ODOO_CACHE", cache)
    monkeypatch.setattr(
        odoo_env, "ODOO_CANDIDATES", (str(tmp_path / "nowhere"), str(cache))
    )
    return cache


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def odoo_remote(tmp_path):
    """A git repository with an 18.0 branch shaped like Odoo's (release.py and odoo-bin)."""
    work = tmp_path / "odoo-work"
    (work / "odoo").mkdir(parents=True)
    (work / "odoo" / "release.py").write_text(
        "version_info = (18, 0, 0, 'final', 0, '')\n"
    )
    (work / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    git("init", "-q", "-b", "18.0", cwd=work)
    git("add", ".", cwd=work)
    git(
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-qm",
        "18.0",
        cwd=work,
    )
    return f"file://{work}"


def test_the_demo_fetches_odoo_into_its_cache_when_none_is_found(
    no_odoo_anywhere, odoo_remote, monkeypatch, capfd
):
    monkeypatch.setattr(odoo_env, "ODOO_GIT", odoo_remote)
    assert odoo_env.find_odoo()[0] is None
    assert odoo_env.fetch_odoo() == (no_odoo_anywhere, None)
    assert odoo_env.find_odoo() == (no_odoo_anywhere, None)
    output = capfd.readouterr()
    assert "fetching Odoo 18.0" in output.out
    # git's own progress, which it prints only when asked to outside a terminal
    assert "Receiving objects" in output.err or "Unpacking objects" in output.err
    # a shallow clone of the one branch
    depth = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"],
        cwd=no_odoo_anywhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert depth == "1"


def test_without_network_the_demo_stops_with_the_one_command_to_run(
    no_odoo_anywhere, tmp_path, monkeypatch, capsys
):
    unreachable = f"file://{tmp_path / 'no-such-repository'}"
    monkeypatch.setattr(odoo_env, "ODOO_GIT", unreachable)
    monkeypatch.setattr(sys, "argv", ["scripts/demo"])
    assert demo_stack.main() == 2
    message = capsys.readouterr().err
    assert (
        f"git clone --depth 1 --branch 18.0 {unreachable} {no_odoo_anywhere}" in message
    )
    # nothing half-cloned is left to be mistaken for a tree next time
    assert not no_odoo_anywhere.exists()
    assert not no_odoo_anywhere.with_name("odoo-18.0.partial").exists()
