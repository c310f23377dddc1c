"""The DejaVu fonts the PDFs use, registered with Qt so a machine without fonts shows text.

A Linux machine with no font installed (a minimal Debian, a container) gives
Qt nothing to draw with: every label becomes a row of empty boxes. The
program ships DejaVu Sans for its reports anyway, so Qt gets it too.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

SHIPPED_FAMILY = "DejaVu Sans"
_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def install_shipped_fonts(app: QApplication) -> bool:
    """Register the shipped fonts; make them the application's font when the system
    has none usable. True when the shipped font became the application's font."""
    system_has_font = bool(QFontInfo(app.font()).family())
    folder = resources.files("reports.render") / "fonts"
    for name in _FILES:
        with resources.as_file(folder / name) as path:
            if QFontDatabase.addApplicationFont(str(path)) < 0:
                log.warning("Qt could not load the shipped font %s", path)
    if system_has_font:
        return False
    log.info("no usable system font; labels are set in the shipped %s", SHIPPED_FAMILY)
    font = QFont(SHIPPED_FAMILY)
    if app.font().pointSizeF() > 0:
        font.setPointSizeF(app.font().pointSizeF())
    app.setFont(font)
    return True
