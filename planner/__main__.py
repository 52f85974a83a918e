"""Run the command line as ``python -m planner``."""

from planner.launcher import main

raise SystemExit(main())
