"""The Windows and Linux installer files name the program and the data folder it uses."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
from pathlib import Path

from db.location import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def _defines(iss: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "(.*)"$', iss, flags=re.MULTILINE))


def test_the_windows_installer_keeps_the_folder_the_program_keeps_its_data_in() -> None:
    iss = (INSTALLER / "recovery-desk.iss").read_text(encoding="utf-8")
    data_folder = _defines(iss)["DataFolder"]
    # platformdirs puts Windows data in %LOCALAPPDATA%\<name> when there is no author.
    assert data_folder == "{localappdata}\\" + APP_NAME
    assert re.search(r'^Name: "\{#DataFolder\}"; Flags: uninsneveruninstall$', iss, re.M)
    assert "{#DataFolder}" not in iss.split("[UninstallDelete]")[1]


def test_the_windows_installer_packs_the_folder_pyinstaller_builds() -> None:
    iss = (INSTALLER / "recovery-desk.iss").read_text(encoding="utf-8")
    spec = (INSTALLER / "recovery-desk.spec").read_text(encoding="utf-8")
    assert 'name="recovery-desk"' in spec.split("COLLECT(")[1]
    assert 'Source: "..\\dist\\recovery-desk\\*"' in iss
    assert _defines(iss)["AppExe"] == "recovery-desk.exe"
    assert re.search(
        r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M
    )


def _fake_bundle(folder: Path) -> Path:
    folder.mkdir()
    program = folder / "recovery-desk"
    program.write_text("#!/bin/sh\necho recovery-desk 0.0-test\n", encoding="utf-8")
    program.chmod(0o755)
    return folder


def test_the_linux_install_puts_a_menu_entry_that_starts_the_installed_program(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    data = home / ".local" / "share" / APP_NAME
    data.mkdir(parents=True)
    (data / "recovery-desk.sqlite3").write_text("the agency's records", encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    for _ in range(2):  # installing over an installed version works the same
        subprocess.run(
            [str(INSTALLER / "linux" / "install.sh"), str(_fake_bundle(tmp_path / f"b{_}"))],
            env=env,
            check=True,
            capture_output=True,
        )

    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / ".local/share/applications/recovery-desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Recovery Desk"
    started = subprocess.run([desktop["Exec"]], capture_output=True, text=True, check=True)
    assert started.stdout == "recovery-desk 0.0-test\n"
    icon = home / ".local/share/icons/hicolor/scalable/apps" / f"{desktop['Icon']}.svg"
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (home / ".local/bin/recovery-desk").resolve() == Path(desktop["Exec"]).resolve()
    practice = entry["Desktop Action practice"]["Exec"].split()
    assert practice == [desktop["Exec"], "--practice"]
    assert (data / "recovery-desk.sqlite3").read_text(encoding="utf-8") == "the agency's records"
