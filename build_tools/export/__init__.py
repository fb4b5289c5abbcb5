"""Stage 5, export: the machine-readable edition (edition.json, blocks.csv)."""
