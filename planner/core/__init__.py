"""The domain of a coproduction plan in pure Python: no I/O, no Qt, no SQL."""
