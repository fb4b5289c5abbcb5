"""Stage 2, parse: normalized text -> segments -> blocks (a state machine over segments)."""
