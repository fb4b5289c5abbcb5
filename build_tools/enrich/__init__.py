"""Stage 3, enrich: what the edition adds to the parsed text (translations, topics, timeline, cross-links)."""
