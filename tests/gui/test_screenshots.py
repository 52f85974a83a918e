"""The screenshot script renders the welcome screen and every step of an example."""

import pytest
from PySide6.QtGui import QImage

from planner.ui import screenshots


@pytest.mark.slow
def test_screenshots_written(tmp_path, qapp):
    """Eleven PNGs of the app's size come out, named in step order, the stakeholders' map and the record's tabs beside their steps."""
    written = screenshots.render(tmp_path)
    assert [p.name for p in written] == [
        "00-welcome.png", "01-context.png", "02-stakeholders.png", "02-stakeholders-map.png", "03-matrix.png",
        "04-risks.png", "05-safeguards.png", "06-record.png", "06-record-actions.png", "06-record-versions.png",
        "07-review.png"]
    image = QImage(str(written[4]))
    assert (image.width(), image.height()) == screenshots.SIZE
