"""Ship the top-level resources/ folder inside the wheel as planner/_resources."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    """Copy resources/ into the built package so an installed app finds its guidance and fonts."""

    def run(self):
        super().run()
        source = Path(__file__).parent / "resources"
        target = Path(self.build_lib) / "planner" / "_resources"
        if not source.is_dir():
            raise SystemExit("resources/ is missing; the app cannot run without it (see MANIFEST.in)")
        # A stale build/ folder must not carry resources that were deleted since.
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithResources})
