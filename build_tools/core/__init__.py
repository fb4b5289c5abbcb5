"""Shared helpers every stage may use; they import no stage (see .importlinter)."""
