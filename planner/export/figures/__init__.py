"""The PDF's figures, drawn with reportlab graphics in the bundled font."""

from planner.export.figures.charts import power_map, share_bars
from planner.export.figures.matrix import matrix_drawing

__all__ = ["matrix_drawing", "power_map", "share_bars"]
