"""Where things are: one BuildConfig handed to every stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE_LIMIT_MB = 2048
"""The caches' size bound unless ``BUILD_CACHE_MB`` says otherwise. A 500-plan edition's PDFs are 253 MiB
(README, "Measured at 500 plans") and its enrich entries about 120 MiB (1.2 MiB at 5 plans): they fit
several times over, so edits never evict what the next build reads."""


def _cache_limit() -> int:
    configured = os.environ.get("BUILD_CACHE_MB", "").strip()
    return (int(configured) if configured.isdigit() else CACHE_LIMIT_MB) * 2**20


@dataclass(frozen=True)
class BuildConfig:
    sources: Path = ROOT / "source_texts"
    """Plan folders (<plan-id>/source.txt + meta.yml) and edition.yml."""
    docs: Path = ROOT / "docs"
    """MkDocs docs_dir: generated pages are written here beside the hand-written assets."""
    translations: Path = ROOT / "translations"
    """The translation store: <lang>/<plan-id>.po."""
    glossary: Path = ROOT / "glossary" / "terms.yml"
    topics: Path = ROOT / "topics" / "topics.yml"
    across: Path = ROOT / "across"
    """Rules for reading across plans: vocabulary.yml, similarity.yml, compare.yml."""
    target_words: Path = ROOT / "build_tools" / "enrich" / "target_words.yml"
    stopwords: Path = ROOT / "build_tools" / "search" / "stopwords.yml"
    """English words the site's search leaves out: the pipeline's own list, not the edition's."""
    """English of target units and qualifiers in briefings: the pipeline's own word list, not the edition's."""
    mkdocs_config: Path = ROOT / "mkdocs.yml"
    site: Path = ROOT / "site"
    """Where mkdocs build writes the site."""
    cache: Path = ROOT / ".cache"
    """Build caches (``pdf/<content hash>.pdf``, ``enrich/<key>.pickle``): git-ignored, safe to delete."""
    cache_limit: int = field(default_factory=_cache_limit)
    """Bytes all caches together may hold; the least recently used entries go first (build_tools/core/cache.py)."""
