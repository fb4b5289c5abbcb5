"""``translations/traditional.yml``: which OpenCC configuration makes the Traditional view."""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import HantSettings
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
    config = read_yaml(path, SCHEMA, "the Traditional-view settings")["opencc_config"]
    if not config.endswith(".json"):
        return HantSettings(config, "")
    resolved = (path.parent / config).resolve()
    if not resolved.is_file():
        raise InputError(path, f"opencc_config {config!r}: no such file beside {path.name}")
    return HantSettings(Path(config).stem, str(resolved))
