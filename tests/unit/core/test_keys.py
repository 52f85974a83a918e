"""Keys for new rows."""

from planner.core.keys import PREFIXES, next_keys


def test_next_keys_go_above_the_highest():
    """New keys number on from the highest key of their prefix, ignoring keys of other shapes."""
    assert next_keys("s", []) == ["s1"]
    assert next_keys("s", ["s1", "s7", "r9", "sx", "s"]) == ["s8"]
    assert next_keys("r", ["r2"], 3) == ["r3", "r4", "r5"]


def test_every_register_has_its_own_prefix():
    """No two registers share a prefix, so a key says which register it belongs to."""
    assert len(set(PREFIXES.values())) == len(PREFIXES)
