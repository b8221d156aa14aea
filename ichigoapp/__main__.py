"""`python -m ichigoapp` runs the command line (which opens the GUI by default)."""

import sys

from ichigoapp.cli import main

sys.exit(main())
