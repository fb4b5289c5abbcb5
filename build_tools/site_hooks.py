"""MkDocs hook: take the navigation the pipeline generated (docs/.nav.yml), so mkdocs.yml stays hand-written."""

from __future__ import annotations

from pathlib import Path

import yaml


def on_config(config):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.is_file():
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config
