"""Entry point for ``python -m kzcomplaint``."""

import sys

from kzcomplaint.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
