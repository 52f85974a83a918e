"""Keys for new rows."""

from planner.core.keys import next_key


def test_next_key_goes_above_the_highest():
    """A new key is one above the highest numbered key of its prefix, ignoring others."""
    assert next_key("s", []) == "s1"
    assert next_key("s", ["s1", "s7", "r9", "sx", "s"]) == "s8"
