"""The search's English stop words (build_tools/search/stopwords.yml), read at load through the schema reader."""

from __future__ import annotations

from pathlib import Path

from build_tools.sources.schema import Field, ListOf, Record, Text, read_yaml

SCHEMA = Record((Field("stopwords", ListOf(Text())),), what="the search stop words")


def load_stopwords(path: Path) -> frozenset[str]:
    return frozenset(read_yaml(path, SCHEMA, "the search stop words")["stopwords"])
