"""A machine without fonts still shows text: the program brings DejaVu Sans to Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Two labels of different words, their spaces in the same places: drawn with a font they
# differ; drawn as the empty boxes Qt shows when it has no font, they are the same picture.
PROBE = """
import json, sys
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel
if sys.argv[1] == "program":
    from desktop.app import make_application
    app = make_application(["recovery-desk"])
else:
    app = QApplication(["bare"])
def picture(text):
    label = QLabel(text)
    label.resize(240, 40)
    return label.grab().toImage()
label = QLabel("Clients")
print(json.dumps({
    "family": QFontInfo(label.font()).family(),
    "same_picture": picture("Save the client") == picture("Wxyz qvj kmnopq"),
}))
"""

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _run_without_fonts(tmp_path: Path, how: str) -> dict[str, object]:
    (tmp_path / "no-fonts").mkdir(exist_ok=True)
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QPA_FONTDIR": str(tmp_path / "no-fonts"),
        "FONTCONFIG_FILE": str(config),
        "FONTCONFIG_PATH": str(tmp_path),
        "HOME": str(tmp_path),  # no ~/.fonts either
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, how],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_without_system_fonts_qt_alone_draws_boxes(tmp_path: Path) -> None:
    # The setting of the next test really has no font: plain Qt draws every word the same.
    bare = _run_without_fonts(tmp_path, "bare")
    assert bare["family"] == ""
    assert bare["same_picture"] is True


def test_without_system_fonts_the_program_draws_its_labels_in_dejavu(tmp_path: Path) -> None:
    program = _run_without_fonts(tmp_path, "program")
    assert program["family"] == "DejaVu Sans"
    assert program["same_picture"] is False
