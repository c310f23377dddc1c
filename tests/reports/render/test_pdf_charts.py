"""The value axes of the trend charts fit their data."""

from __future__ import annotations

import pytest

from reports.render.pdf_charts import nice_axis


@pytest.mark.parametrize(
    ("values", "cap", "expected"),
    [
        # A harm index near 9: 0 to 10 in steps of 2, not 0 to 100.
        ([8.7, None, 9.1, 9.0], 100.0, (10.0, 2.0)),
        ([31.0, 63.0], 100.0, (80.0, 20.0)),
        ([12.0], None, (12.5, 2.5)),  # 12 / 2 is 6 steps, 12 / 2.5 is 4.8
        ([0.6, 0.2], None, (0.6, 0.2)),
        ([96.0], 100.0, (100.0, 20.0)),
        ([450.0], 100.0, (100.0, 20.0)),  # a share axis stops at 100
        ([None, None], 100.0, (10.0, 2.0)),  # nothing drawn: an empty axis
        ([0.0], None, (10.0, 2.0)),
    ],
)
def test_the_axis_fits_the_values_in_five_round_steps(
    values: list[float | None], cap: float | None, expected: tuple[float, float]
) -> None:
    top, step = nice_axis(values, cap)
    assert (round(top, 6), round(step, 6)) == expected
