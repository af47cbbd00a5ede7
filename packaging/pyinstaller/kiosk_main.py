"""Entry point of the frozen kiosk: the same ``kiosk`` command as ``pip install`` gives."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
