"""Entry script for the frozen build (PyInstaller runs this, not ``-m``)."""

import sys

from kzcomplaint.cli import main

if __name__ == "__main__":
    sys.exit(main())
