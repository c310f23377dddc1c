"""The synthetic demo agency (`recovery-desk demo`), kept apart from the storage modules.

`build` writes the chunks; `people`, `story`, `answers`, `harm` and `rows` make up
one client from (seed, index) alone.
"""

from db.demo.build import AGENCY_NAME, DemoSummary, build_demo

__all__ = ["AGENCY_NAME", "DemoSummary", "build_demo"]
