"""The site builder: MkDocs (one build, in shares), its hooks and theme, the offline bundle."""
