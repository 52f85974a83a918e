"""Undoable edits: one QUndoCommand per user action, each calling one storage method."""
