"""Find files under resources/ alike from a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    places = []
    bundle = getattr(sys, "_MEIPASS", None)  # set by a PyInstaller bundle
    if bundle:
        places.append(Path(bundle) / "resources")
    places.append(_PACKAGE / "_resources")  # an installed wheel (see setup.py)
    places.append(_PACKAGE.parent / "resources")  # a checkout
    return places


def resources_root() -> Path:
    """The folder that holds guidance/, examples/, fonts/ and icons/."""
    for place in _candidates():
        if place.is_dir():
            return place
    raise FileNotFoundError(
        "The app's resources folder is missing; reinstall Coproduction Planner."
    )


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resources_root().joinpath(*parts)
