"""Reusable widgets of the step pages: the power/interest map, forms, charts and editors."""
