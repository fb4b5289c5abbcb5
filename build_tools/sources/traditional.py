"""``translations/traditional.yml``: which OpenCC configuration makes the Traditional view."""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.core.errors import InputError
from build_tools.model import HantSettings
from build_tools.sources.inside import resolve_inside
from build_tools.sources.schema import Field, Record, Text, read_yaml

STOCK_CONFIGS = ("s2t", "s2tw", "s2hk", "s2twp")
CONFIG = re.compile("(?:" + "|".join(map(re.escape, STOCK_CONFIGS)) + r"|[\w./-]+\.json)\Z")
SCHEMA = Record(
    (
        Field(
            "opencc_config",
            Text(pattern=CONFIG, rule=f"one of {', '.join(STOCK_CONFIGS)} or a .json config path"),
            doc="a stock OpenCC configuration, or a project one (path relative to this file)",
        ),
    ),
    what="the Traditional-view settings",
)


def load_hant_settings(path: Path) -> HantSettings:
    entry = read_yaml(path, SCHEMA, "the Traditional-view settings")
    config = entry["opencc_config"]
    if not config.endswith(".json"):
        return HantSettings(config, "")
    resolved = resolve_inside(path.parent, config)
    if resolved is None:  # refused before it is read: the config's dictionaries would come from outside too
        raise InputError(
            path, f"opencc_config {config!r} lies outside {path.parent.name}/", entry.lines["opencc_config"]
        )
    if not resolved.is_file():
        raise InputError(
            path, f"opencc_config {config!r}: no such file beside {path.name}", entry.lines["opencc_config"]
        )
    return HantSettings(Path(config).stem, str(resolved))
