"""How a cell of a streamed workbook looks: a `Style` (font, fill, alignment, number
format) and a `Styled` value that carries one into `StreamSheet.append`.

A style is a plain value, so the renderers that choose one (the funder workbook, the
funder profiles) need no workbook to build a cell: the sheet turns each distinct style
into one shared xlsxwriter format the first time it meets it. A Styled text is written
as text like any other str (never a formula, number or link).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None  # "#RRGGBB"
    fill: str | None = None  # a solid background, "#RRGGBB"
    align: str | None = None  # "left", "right"
    valign: str | None = None  # "top", "bottom"
    wrap: bool = False
    num_format: str | None = None

    def __or__(self, other: Style | None) -> Style:
        """This style with whatever `other` sets on top of it."""
        if other is None:
            return self
        changed = {f.name: getattr(other, f.name) for f in fields(other)}
        return replace(self, **{k: v for k, v in changed.items() if v not in (None, False)})

    def properties(self) -> dict[str, Any]:
        """The style as xlsxwriter's format properties."""
        said: dict[str, Any] = {
            "bold": self.bold,
            "italic": self.italic,
            "font_size": self.size,
            "font_color": self.color,
            "align": self.align,
            "valign": self.valign,
            "text_wrap": self.wrap,
            "num_format": self.num_format,
        }
        if self.fill is not None:
            said |= {"bg_color": self.fill, "pattern": 1}
        return {k: v for k, v in said.items() if v not in (None, False)}


PLAIN = Style()


class Styled(NamedTuple):
    """A cell value with its look: text, a number, a date or None (an empty cell)."""

    value: object
    style: Style = PLAIN
