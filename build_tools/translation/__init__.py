"""The English layer: the gettext store, its update rules, imports, the glossary and the checks."""
