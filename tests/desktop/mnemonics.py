"""Finding &-mnemonic clashes: two actions of one menu, or two controls a person sees at
once in one window, screen, form or dialog, answering Alt+ the same letter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QTabWidget,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" prints an ampersand), lower-cased; None if none."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] == "&":
                index += 2
                continue
            return text[index + 1].lower()
        index += 1
    return None


def clashes(texts: Iterable[str], where: str) -> list[str]:
    """`where: 'x' in "A&xe", "E&xit"` for every letter two or more texts share."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter is not None and letter.strip():
            by_letter[letter].append(text)
    return [
        f"{where}: '{letter}' in " + ", ".join(repr(t) for t in found)
        for letter, found in sorted(by_letter.items())
        if len(found) > 1
    ]


def menu_clashes(bar: QMenuBar) -> list[str]:
    """The menu bar's titles, then every menu and submenu's actions."""
    found = clashes((a.text() for a in bar.actions()), "menu bar")
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        found += clashes(texts, f"menu {menu.title()!r}")
        menus += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
    return found


def _text(widget: QWidget) -> str | None:
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return widget.text()
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        return widget.title()
    return None


def _pages(root: QWidget) -> list[QWidget]:
    """The screens a person sees one at a time: every page of a stacked or tabbed widget."""
    pages: list[QWidget] = []
    for stack in root.findChildren(QStackedWidget):
        pages += [stack.widget(i) for i in range(stack.count())]
    return pages


def widget_clashes(root: QWidget, name: str) -> list[str]:
    """Clashes among the controls seen together: those of each page (of every stacked or
    tabbed widget, nested pages on their own) with those outside every page, which show
    beside any page (a navigation bar, a window's buttons)."""
    pages = _pages(root)

    def page_of(widget: QWidget) -> QWidget | None:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if parent in pages:
                return parent
            parent = parent.parentWidget()
        return None

    owned: dict[int, list[str]] = defaultdict(list)
    always: list[str] = []
    for widget in root.findChildren(QWidget):
        text = _text(widget)
        if not text or widget.isHidden():
            continue
        page = page_of(widget)
        if page is None:
            always.append(text)
        elif widget.isVisibleTo(page):
            owned[id(page)].append(text)
    # The menu bar's titles answer Alt+letter wherever the window is: under Xvfb in Spanish
    # Alt+A opened "Archivo" instead of pressing the client page's "Admisión".
    for bar in root.findChildren(QMenuBar):
        if not bar.isHidden():
            always += [a.text() for a in bar.actions() if a.isVisible()]
    found = clashes(always, name)
    for page in pages:
        label = f"{name} / {type(page).__name__} {page.objectName()!r}"
        found += clashes([*always, *owned[id(page)]], label)
    for tabs in root.findChildren(QTabWidget):
        texts = [tabs.tabText(i) for i in range(tabs.count())]
        found += clashes(texts, f"{name} / tabs")
    return sorted(set(found))


def shown_clashes(window: QWidget, name: str) -> list[str]:
    """Clashes among the controls of a shown window that are on screen now (a wizard's
    current page with its buttons, a message box): hidden pages and widgets do not count."""
    texts = [
        text
        for widget in [window, *window.findChildren(QWidget)]
        if widget.isVisible() and (text := _text(widget))
    ]
    return clashes(texts, name)
