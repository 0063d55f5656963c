"""The addons as OCA packages them: complete manifests, readme fragments, wheels, translations.

These read the addons' files and build their wheels; they do not import Odoo.
"""

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDONS = sorted(p.parent for p in ROOT.glob("*/__manifest__.py"))
SHIPPED = [a for a in ADDONS if not a.name.startswith("test_")]
LANGUAGES = ("de", "fr", "it")
# Import names of the libraries the addons use beyond Odoo's own, and their distributions.
DISTRIBUTIONS = {
    "bexio_api": "bexio-odoo",
    "bexio_sandbox": "bexio-odoo",
    "stdnum": "python-stdnum",
    "qrcode": "qrcode",
    "cryptography": "cryptography",
}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%[sd]")


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def test_the_addons_and_the_test_addons_are_found():
    assert [a.name for a in SHIPPED] == [
        "bexio_connector",
        "bexio_payroll",
        "bexio_reference",
        "bexio_reference_payroll",
        "bexio_timesheet",
    ]
    assert [a.name for a in ADDONS if a not in SHIPPED] == [
        "test_bexio_connector",
        "test_bexio_faults",
    ]


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_the_manifest_is_complete(addon):
    data = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data["license"] == "LGPL-3"
    assert data["author"] == "bexio-odoo contributors"
    for key in ("name", "summary", "website", "category", "depends", "installable"):
        assert data.get(key), f"{addon.name}: {key} is missing"
    for path in data.get("data", []) + data.get("demo", []):
        assert (addon / path).is_file(), f"{addon.name}: {path} is listed but missing"
    # Every library the addon imports beyond Odoo's is declared, so that pip installs it.
    imported = {
        match
        for path in addon.rglob("*.py")
        for match in re.findall(
            r"^\s*(?:from|import) (\w+)", path.read_text(), flags=re.MULTILINE
        )
    }
    wanted = sorted(
        {dist for module, dist in DISTRIBUTIONS.items() if module in imported}
    )
    declared = sorted(data.get("external_dependencies", {}).get("python", []))
    assert declared == wanted


def repository_closure(name):
    """The repository's addons that installing ``name`` installs with it."""
    found, todo = set(), [name]
    while todo:
        addon = ROOT / todo.pop()
        if addon.name in found or not (addon / "__manifest__.py").is_file():
            continue
        found.add(addon.name)
        todo += manifest(addon)["depends"]
    return found


def test_references_install_without_the_connector_and_the_bridge_joins_payroll():
    # A company that only writes references needs neither the connector nor its SDK.
    assert repository_closure("bexio_reference") == {"bexio_reference"}
    bridge = manifest(ROOT / "bexio_reference_payroll")
    assert bridge["auto_install"] is True
    assert sorted(bridge["depends"]) == ["bexio_payroll", "bexio_reference"]


@pytest.mark.parametrize("addon", SHIPPED, ids=lambda a: a.name)
def test_the_readme_is_assembled_from_its_fragments(addon):
    for fragment in ("DESCRIPTION.md", "CONFIGURE.md", "USAGE.md", "CONTRIBUTORS.md"):
        text = (addon / "readme" / fragment).read_text().strip()
        assert text, f"{addon.name}: readme/{fragment} is empty"
    readme = (addon / "README.rst").read_text()
    assert manifest(addon)["name"] in readme
    assert (addon / "readme" / "USAGE.md").read_text().strip()[:60] in readme
    assert "<h1" in (addon / "static" / "description" / "index.html").read_text()


def test_readme_and_index_are_generated_from_the_current_fragments():
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("addon", SHIPPED, ids=lambda a: a.name)
def test_every_string_is_translated_into_german_french_and_italian(addon):
    template = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    # A bridge module has a handful of strings; an addon a few hundred.
    assert len(template) > (5 if manifest(addon).get("auto_install") else 20)
    for language in LANGUAGES:
        catalog = {
            e.msgid: e.msgstr
            for e in polib.pofile(str(addon / "i18n" / f"{language}.po"))
        }
        for entry in template:
            translated = catalog.get(entry.msgid)
            assert (
                translated
            ), f"{addon.name} {language}: {entry.msgid!r} is not translated"
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), f"{addon.name} {language}: placeholders differ in {translated!r}"


def test_each_addon_builds_a_wheel_with_its_data_and_translations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            *[str(a) for a in SHIPPED],
        ],
        check=True,
        cwd=ROOT,
    )
    for addon in SHIPPED:
        (wheel,) = tmp_path.glob(f"odoo_addon_{addon.name}-18.0.*.whl")
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
            metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
            requires = [
                line.split(":", 1)[1].strip()
                for line in archive.read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist:")
            ]
        prefix = f"odoo/addons/{addon.name}/"
        for path in ["__manifest__.py", *manifest(addon).get("data", [])]:
            assert prefix + path in names, f"{wheel.name} lacks {path}"
        for language in LANGUAGES:
            assert f"{prefix}i18n/{language}.po" in names
        for dist in manifest(addon)["external_dependencies"]["python"]:
            assert dist in requires, f"{wheel.name} does not require {dist}"
        assert "odoo==18.0.*" in requires
