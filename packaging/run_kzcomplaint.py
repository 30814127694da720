"""Entry script for the frozen build (PyInstaller runs this, not ``-m``)."""

import multiprocessing
import sys

from kzcomplaint.cli.main import main

if __name__ == "__main__":
    # `kzcomplaint batch --jobs N` starts worker processes: a frozen build on
    # Windows and macOS (spawn) must let a worker run its task, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
