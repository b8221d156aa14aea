"""Entry point for the PyInstaller bundle: the same ``ichigo`` command as the wheel's."""

import sys

from ichigoapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
