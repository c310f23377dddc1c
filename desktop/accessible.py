"""Names a screen reader says for an input, whatever layout holds it.

Qt's accessibility bridge looks for an input's label only among the input's siblings
(a QLabel whose buddy it is, under the same parent). A form's input sits in a cell of
its own beside its error line, and a table is a tab's page: the reader heard nothing.
So the name is also given outright, from the words a sighted person reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget


def plain(text: str) -> str:
    """A caption as it is heard: no Alt+letter marks ("&&" is an ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def caption(label: QLabel, widget: QWidget) -> None:
    """Bind `label` to `widget` (its Alt+letter reaches it) and name the widget by it."""
    label.setBuddy(widget)
    widget.setAccessibleName(plain(label.text()))


def name_tab_pages(tabs: QTabWidget) -> None:
    """Each page of `tabs` named by its tab's text, as a sighted person knows it."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and tabs.tabText(index).strip():
            page.setAccessibleName(plain(tabs.tabText(index)))
