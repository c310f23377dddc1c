"""Entry point of the bundled program: the same as the `recovery-desk` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A report's walk workers are this program started again (spawn): freeze_support
    # turns such a start into the worker, before the desktop is imported.
    multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main())
