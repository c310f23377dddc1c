"""Reports, in the order the data flows: rules -> datasets -> tables -> render -> outputs.

Each subpackage imports only those before it (tests/test_layers.py).
"""

# Every save rebuilds the stored status through db.status_rows, which needs the
# rules' walk from this package: hand it over as soon as reports are loaded.
from reports.datasets import status_store as _status_store  # noqa: F401
