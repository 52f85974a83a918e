"""Thin Qt models over the plan store, one per register (stakeholders, risks, safeguards)."""
