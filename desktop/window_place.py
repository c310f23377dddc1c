"""Where the main window opens: the size and place it was left at on this workstation,
else 1200×800 or the available screen if that is smaller, centred.

At 150 % scaling a fixed 1200×800 put the Save buttons below the bottom of a
1600×1000 display; what the person chose is theirs to keep.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

PREFERRED = QSize(1200, 800)
# Before the window is shown its frame is unknown; leave room for a title bar.
FRAME_ALLOWANCE = QSize(16, 48)


def default_place_file(app_name: str) -> Path:
    return Path(platformdirs.user_config_dir(app_name, appauthor=False)) / "window.geometry"


def restore_place(window: QWidget, place_file: Path | None) -> None:
    if place_file is not None and _restore_saved(window, place_file):
        return
    screen = window.screen().availableGeometry()
    frame = (window.frameGeometry().size() - window.geometry().size()).expandedTo(FRAME_ALLOWANCE)
    size = PREFERRED.boundedTo(screen.size() - frame)
    window.resize(size)
    left = screen.x() + (screen.width() - size.width() - frame.width()) // 2
    top = screen.y() + (screen.height() - size.height() - frame.height()) // 2
    window.move(left, top)


def _restore_saved(window: QWidget, place_file: Path) -> bool:
    try:
        saved = place_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    # Qt keeps a restored window inside the screens there are now.
    return bool(saved) and window.restoreGeometry(QByteArray.fromBase64(saved.encode()))


def remember_place(window: QWidget, place_file: Path | None) -> None:
    if place_file is None:
        return
    try:
        place_file.parent.mkdir(parents=True, exist_ok=True)
        place_file.write_text(bytes(window.saveGeometry().toBase64().data()).decode(), "ascii")
    except OSError:
        log.warning("could not remember the window's size in %s", place_file)
