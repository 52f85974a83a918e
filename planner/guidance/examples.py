"""The worked example plans: the article's six case studies as importable plans."""

from __future__ import annotations

from planner.core.model import Plan
from planner.resources import resource_path
from planner.storage.json_format import loads

# Figure 1's order: the cells from planning-only to community delivery.
EXAMPLES = ("porto-alegre", "sure-start", "caterham", "beacon", "villa-family", "tackley")


def example_names() -> list[str]:
    """The names of the example plans, in the order of the article's Figure 1."""
    return list(EXAMPLES)


def _check(name: str) -> None:
    if name not in EXAMPLES:
        raise ValueError(f"No example called {name!r}. Choose one of: {', '.join(EXAMPLES)}")


def example_plan(name: str) -> Plan:
    """Load an example plan by name; ValueError listing the valid names for an unknown one."""
    _check(name)
    text = resource_path("examples", f"{name}.json").read_text(encoding="utf-8")
    return loads(text)


def example_title(name: str) -> str:
    """The title of an example plan."""
    return example_plan(name).title
