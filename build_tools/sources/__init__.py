"""Stage 1, load: find plan folders, read and decode their texts, validate their metadata."""
