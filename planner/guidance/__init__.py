"""The guidance library: the article's cells, drivers, risks, safeguards and worked examples."""

from planner.guidance.examples import example_names, example_plan, example_title
from planner.guidance.library import GuidanceLibrary
from planner.guidance.loader import GuidanceError, load_library
from planner.guidance.model import (
    CaseStudy, CellGuidance, DriverGuidance, RiskTemplate, SafeguardTemplate, TopicGuidance,
)
from planner.guidance.render import render_guidance

__all__ = [
    "CaseStudy", "CellGuidance", "DriverGuidance", "GuidanceError", "GuidanceLibrary",
    "RiskTemplate", "SafeguardTemplate", "TopicGuidance", "example_names", "example_plan",
    "example_title", "load_library", "render_guidance",
]
