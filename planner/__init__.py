"""Coproduction Planner: plan public services with the people who use them."""

__version__ = "0.1.0"
