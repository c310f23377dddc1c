"""Entry point of the bundled program: the same as the `recovery-desk` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
