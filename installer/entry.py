"""The frozen bundle's entry point: the same ``coplanner`` command as the installed package."""

import sys

from planner.launcher import main

if __name__ == "__main__":
    sys.exit(main())
