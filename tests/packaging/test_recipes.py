"""The Windows, macOS and release recipes that cannot run here, checked against each other.

Inno Setup, codesign and the GitHub runners are not on this machine, so these tests read
the recipes instead: the workflow runs each installer's script on its runner, no secret is
written into it, the Windows script and the macOS Info.plist name what the PyInstaller spec
really builds, and every icon file exists at the sizes each platform asks for.
"""

from __future__ import annotations

import ast
import configparser
import os
import plistlib
import re
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = PACKAGING / "windows" / "fluenzr.iss"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
ENTITLEMENTS = PACKAGING / "macos" / "entitlements.plist"
BUILD_DMG = PACKAGING / "macos" / "build_dmg.sh"
DESKTOP_FILE = PACKAGING / "linux" / "fluenzr-desktop.desktop"
SPEC = PACKAGING / "fluenzr.spec"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = {16, 24, 32, 48, 64, 128, 256}
# Every ICNS type macOS looks for, with its pixel size (the @2x ones included).
ICNS_SIZES = {
    b"icp4": 16, b"ic11": 32, b"icp5": 32, b"ic12": 64, b"ic07": 128,
    b"ic13": 256, b"ic08": 256, b"ic14": 512, b"ic09": 512, b"ic10": 1024,
}  # fmt: skip


# Reading the recipes


def workflow() -> dict:
    """release.yml as data (YAML 1.1 reads the `on:` key as True)."""
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def job_commands(job: dict) -> str:
    """Every `run:` script and `uses:` action of a job, one after the other."""
    return "\n".join(step.get("run", "") + step.get("uses", "") for step in job["steps"])


def spec_names() -> dict[str, object]:
    """From packaging/fluenzr.spec: the COLLECT folder name, and each EXE's name and console flag."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    constants: dict[str, str] = {}
    for node in tree.body:  # NAME = "text" and A, B = "x", "y" at module level
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant | ast.Tuple):
            for target in node.targets:
                names = target.elts if isinstance(target, ast.Tuple) else [target]
                values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
                for name, value in zip(names, values, strict=False):
                    if isinstance(name, ast.Name) and isinstance(value, ast.Constant):
                        constants[name.id] = value.value

    def value_of(node: ast.expr) -> object:
        return constants[node.id] if isinstance(node, ast.Name) else ast.literal_eval(node)

    folder, executables = None, {}
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
            continue
        keywords = {keyword.arg: keyword.value for keyword in call.keywords}
        if call.func.id == "COLLECT":
            folder = value_of(keywords["name"])
        elif call.func.id == "EXE":
            executables[value_of(keywords["name"])] = value_of(keywords["console"])
    return {"folder": folder, "executables": executables}


def iss_setting(name: str) -> str:
    """The value of `Name=value` in the Inno Setup script's [Setup] section."""
    match = re.search(rf"^{name}=(.*)$", ISS.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{name}= is missing from {ISS.name}"
    return match.group(1).strip()


def iss_define(name: str) -> str:
    """The value of `#define Name "value"` in the Inno Setup script."""
    text = ISS.read_text(encoding="utf-8")
    match = re.search(rf'^#define {name} "([^"]*)"', text, re.MULTILINE)
    assert match, f"#define {name} is missing from {ISS.name}"
    return match.group(1)


def from_iss(relative: str) -> Path:
    """A path written in the .iss (relative to its folder, with backslashes) on this disk."""
    return (ISS.parent / relative.replace("\\", "/")).resolve()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# The release workflow


def test_the_workflow_builds_each_installer_on_its_runner_with_its_script():
    jobs = workflow()["jobs"]
    linux, windows, macos = jobs["linux"], jobs["windows"], jobs["macos"]

    assert linux["runs-on"] == "ubuntu-22.04"
    assert re.search(r"^make package\b", job_commands(linux), re.MULTILINE)
    assert windows["runs-on"] == "windows-2022"
    assert "PyInstaller --noconfirm --clean packaging/fluenzr.spec" in job_commands(windows)
    assert re.search(r"& \$iscc @arguments packaging\\windows\\fluenzr\.iss", job_commands(windows))
    assert macos["runs-on"] == "macos-14"
    assert "packaging/macos/build_dmg.sh" in job_commands(macos)
    for job in (linux, windows, macos):
        python = [
            step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python")
        ]
        assert python and python[0]["with"]["python-version"] == "3.11"
        uploads = [
            step
            for step in job["steps"]
            if step.get("uses", "").startswith("actions/upload-artifact")
        ]
        assert uploads and uploads[0]["with"]["if-no-files-found"] == "error"


def test_the_workflow_runs_on_version_tags_and_releases_what_the_three_jobs_built():
    data = workflow()
    release = data["jobs"]["release"]

    assert data["on"] == {"push": {"tags": ["v*"]}}
    assert {"linux", "windows", "macos"} <= set(release["needs"])
    assert release["permissions"] == {"contents": "write"}
    assert "softprops/action-gh-release" in job_commands(release)
    # The tag must be the package's version, which names every installer.
    assert "fluenzr_desktop.__version__" in job_commands(data["jobs"]["version"])
    assert all("version" in data["jobs"][name]["needs"] for name in ("linux", "windows", "macos"))


def test_no_secret_is_written_into_the_workflow():
    text = WORKFLOW.read_text(encoding="utf-8")
    sensitive = re.compile(r"CERTIFICATE|PASSWORD|APPLE_ID|TEAM_ID|IDENTITY|TOKEN|KEY", re.I)

    def environments(node):
        if isinstance(node, dict):
            if isinstance(node.get("env"), dict):
                yield node["env"]
            for value in node.values():
                yield from environments(value)
        elif isinstance(node, list):
            for value in node:
                yield from environments(value)

    for env in environments(workflow()):
        for name, value in env.items():
            if sensitive.search(name) and not name.startswith("HAS_"):
                assert value == f"${{{{ secrets.{name} }}}}", f"{name} is not read from the secrets"
    # secrets.* only inside ${{ }} expressions, and nothing that looks like key material.
    assert text.count("secrets.") == len(re.findall(r"\$\{\{[^}]*secrets\.[A-Z_]+[^}]*\}\}", text))
    assert not re.search(r"-----BEGIN|[A-Za-z0-9+/]{60,}={0,2}", text)
    # Each secret the workflow reads is one the release owner is told to set.
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    for secret in set(re.findall(r"secrets\.([A-Z_]+)", text)):
        assert f"`{secret}`" in readme, f"packaging/README.md does not explain {secret}"


# Windows


def test_the_inno_setup_script_installs_what_the_spec_builds():
    names = spec_names()
    gui = [name for name, console in names["executables"].items() if not console]

    assert iss_define("BundleDir") == f"..\\..\\dist\\{names['folder']}"
    assert iss_define("AppExeName") == f"{gui[0]}.exe"
    files = ISS.read_text(encoding="utf-8").split("[Files]")[1].split("\n[")[0]
    for executable in names["executables"]:
        assert f'"{{#BundleDir}}\\{executable}.exe"' in files


def test_the_inno_setup_script_is_a_signed_per_user_install_in_two_languages():
    text = ISS.read_text(encoding="utf-8")

    assert from_iss(iss_setting("SetupIconFile")) == ICONS / "fluenzr.ico"
    for key in ("LicenseFile", "InfoBeforeFile", "InfoAfterFile"):
        if re.search(rf"^{key}=", text, re.MULTILINE):
            assert from_iss(iss_setting(key)).is_file()
    assert iss_setting("PrivilegesRequired") == "lowest"
    assert iss_setting("DefaultDirName") == r"{localappdata}\Programs\{#AppName}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", iss_setting("AppId"))
    assert re.search(r"^#ifndef AppVersion\n\s*#error", text, re.MULTILINE)
    assert 'MessagesFile: "compiler:Default.isl"' in text
    assert 'MessagesFile: "compiler:Languages\\French.isl"' in text
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', text, re.MULTILINE)
    assert re.search(r'^Name: "\{autodesktop\}.*Tasks: desktopicon$', text, re.MULTILINE)
    # SignTool only when the build defines Signed, with the tool the workflow passes.
    signing = re.search(r"^#ifdef Signed\n(.*?)^#endif", text, re.MULTILINE | re.DOTALL)
    assert signing and "SignTool=fluenzrsign" in signing.group(1)
    assert text.count("SignTool=") == 1
    assert "/Sfluenzrsign=" in job_commands(workflow()["jobs"]["windows"])


# macOS


def test_the_info_plist_names_the_app_the_spec_builds_and_the_build_fills_its_version():
    info = plistlib.loads(INFO_PLIST.read_bytes())
    gui = [name for name, console in spec_names()["executables"].items() if not console]
    script = BUILD_DMG.read_text(encoding="utf-8")

    ElementTree.parse(INFO_PLIST)  # strict XML, as codesign reads it
    assert info["CFBundleIdentifier"] == "io.fluenzr.desktop"
    assert info["CFBundleName"] == "FluenzR Desktop"
    assert info["CFBundleExecutable"] == gui[0]
    assert (ICONS / info["CFBundleIconFile"]).is_file()
    assert info["LSMinimumSystemVersion"] == "12.0"
    assert info["NSHighResolutionCapable"] is True
    assert info["LSApplicationCategoryType"] == "public.app-category.productivity"
    for key in ("CFBundleShortVersionString", "CFBundleVersion"):
        assert info[key] == "@VERSION@"
        assert f'plutil -replace {key} -string "$VERSION" "$PLIST"' in script
    assert 'cp packaging/macos/Info.plist "$PLIST"' in script


def test_the_entitlements_are_bare_true_flags_that_codesign_can_parse():
    text = ENTITLEMENTS.read_text(encoding="utf-8")
    entitlements = plistlib.loads(text.encode())

    ElementTree.parse(ENTITLEMENTS)
    assert "<!--" not in text  # AMFI's parser rejects some comments plutil accepts
    assert entitlements and all(value is True for value in entitlements.values())
    assert "com.apple.security.cs.disable-library-validation" not in entitlements
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in entitlements)  # each one's reason


def test_the_dmg_script_signs_notarises_and_staples_with_credentials_from_the_environment():
    script = BUILD_DMG.read_text(encoding="utf-8")
    steps = workflow()["jobs"]["macos"]["steps"]
    [build_step] = [step for step in steps if "build_dmg.sh" in step.get("run", "")]

    assert os.access(BUILD_DMG, os.X_OK)
    assert subprocess.run(["bash", "-n", str(BUILD_DMG)], check=False).returncode == 0
    assert "-m PyInstaller --noconfirm --clean packaging/fluenzr.spec" in script
    assert re.search(
        r"codesign --force --sign \"\$IDENTITY\" --timestamp --options runtime", script
    )
    assert '--entitlements "$ENTITLEMENTS"' in script
    assert "ENTITLEMENTS=packaging/macos/entitlements.plist" in script
    assert "hdiutil create" in script
    assert re.search(r"xcrun notarytool submit \"\$DMG\" .*--wait", script, re.DOTALL)
    assert 'xcrun stapler staple "$DMG"' in script
    for variable in ("MACOS_SIGNING_IDENTITY", "APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD"):
        assert not re.search(rf"^\s*(export\s+)?{variable}=", script, re.MULTILINE)
        assert variable in build_step["env"]


# Linux and the icon


def test_the_desktop_file_launches_the_installed_command_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    desktop = entry["Desktop Entry"]

    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "fluenzr-desktop"
    assert desktop["Icon"] == "fluenzr-desktop"
    assert desktop["Terminal"] == "false"
    assert desktop["GenericName"] == "Cold-email sequencer"
    assert desktop["Categories"] == "Office;Network;Email;"
    for key in ("Name", "Comment", "Name[fr]", "Comment[fr]", "GenericName[fr]"):
        assert desktop[key].strip()
    assert "fluenzr-desktop" in spec_names()["executables"]


def test_every_icon_file_exists_at_the_sizes_each_platform_asks_for():
    ElementTree.parse(ICONS / "fluenzr.svg")
    for size in PNG_SIZES:
        data = (ICONS / f"fluenzr-{size}.png").read_bytes()
        assert png_size(data) == (size, size)
        assert data[25] == 6  # colour type RGBA: a transparent background

    ico = (ICONS / "fluenzr.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    found = set()
    for index in range(count):
        width, height, _, _, _, bits, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index]
        )
        size = width or 256
        image = ico[offset : offset + length]
        assert len(image) == length and height == width and bits == 32
        if image[:8] == PNG_SIGNATURE:
            assert png_size(image) == (size, size)
        else:  # a BITMAPINFOHEADER: height counts the image and its mask
            assert struct.unpack("<Iii", image[:12]) == (40, size, size * 2)
        found.add(size)
    assert found == ICO_SIZES

    icns = (ICONS / "fluenzr.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    position, chunks = 8, {}
    while position < len(icns):
        kind, length = (
            icns[position : position + 4],
            struct.unpack(">I", icns[position + 4 : position + 8])[0],
        )
        chunks[kind] = png_size(icns[position + 8 : position + length])[0]
        position += length
    assert chunks == ICNS_SIZES


def test_the_window_uses_the_app_icon_at_every_size(qapp):
    from fluenzr_desktop.gui.app import window_icon

    icon = window_icon()

    assert sorted(size.width() for size in icon.availableSizes()) == list(PNG_SIZES)
    assert not icon.pixmap(32, 32).toImage().isNull()


@pytest.mark.parametrize("icon_name", ["fluenzr.ico", "fluenzr.icns"])
def test_the_platform_icons_are_those_the_spec_builds_with(icon_name):
    assert f'ICONS / "{icon_name}"' in SPEC.read_text(encoding="utf-8")
