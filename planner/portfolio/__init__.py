"""The council's portfolio: many plans, redacted, in one read-only database served by Datasette."""
