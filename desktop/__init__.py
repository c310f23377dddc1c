"""The Qt application and the command line of Recovery Desk."""

__version__ = "0.1.0"

# Loading reports hands the rules' walk to db.status_rows, which every save and the
# first start of a database from before the stored status need (docs/rules.md).
import reports  # noqa: F401
