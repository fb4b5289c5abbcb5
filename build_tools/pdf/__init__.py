"""Further outputs built from the edition: the offline HTML bundle and the briefing PDFs."""
