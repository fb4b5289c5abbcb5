"""The Traditional Chinese view: OpenCC conversion at build time, with the edition's phrase dictionary."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import opencc

from build_tools.core.errors import InputError
from build_tools.model import HantSettings, Term
from build_tools.sources.inside import line_of, resolve_inside
from build_tools.sources.traditional import STOCK_CONFIGS

# The dictionaries that ship with the opencc package: a project config names them by file name.
SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"


@dataclass(frozen=True)
class HantConverter:
    config: str
    """The OpenCC configuration used, named on the site (a stock name, or a project config's file stem)."""
    overrides: tuple[tuple[str, str], ...]
    """(mechanical result, wanted form) pairs from the glossary, longest first."""
    path: str = ""
    """The project configuration file, when ``config`` is not a stock OpenCC one."""

    def convert(self, text: str) -> str:
        converted = _converter(self.path or self.config).convert(text)
        for produced, wanted in self.overrides:
            converted = converted.replace(produced, wanted)
        return converted


_CACHE: dict[str, opencc.OpenCC] = {}


def _converter(config: str) -> opencc.OpenCC:
    if config not in _CACHE:
        stock = config in STOCK_CONFIGS + ("t2s",)
        _CACHE[config] = opencc.OpenCC(f"{config}.json") if stock else _project(Path(config))
    return _CACHE[config]


def _project(path: Path) -> opencc.OpenCC:
    """A project config in OpenCC's own format; its dictionaries are looked up beside it, then in the package.

    OpenCC's C++ core does not search the Python package's share folder, so the file names are resolved
    here into a copy of the config with absolute paths."""
    try:
        text = path.read_text(encoding="utf-8")
        config = json.loads(text)
    except (OSError, ValueError) as error:
        raise InputError(path, f"cannot read the OpenCC configuration: {error}") from error
    _resolve_files(config, path, text)
    with tempfile.TemporaryDirectory() as folder:
        resolved = Path(folder) / path.name
        resolved.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        try:
            return opencc.OpenCC(str(resolved))
        except RuntimeError as error:
            raise InputError(path, f"OpenCC cannot load this configuration: {error}") from error


def _resolve_files(node: object, path: Path, text: str) -> None:
    """Every ``file`` in the config replaced by its absolute path, in place."""
    if isinstance(node, dict):
        if isinstance(node.get("file"), str):
            node["file"] = str(_dictionary(node["file"], path, text))
        children: list[object] = list(node.values())
    else:
        children = list(node) if isinstance(node, list) else []
    for child in children:
        _resolve_files(child, path, text)


def _dictionary(name: str, path: Path, text: str) -> Path:
    """A dictionary beside the config, or one of OpenCC's own; a name that leads anywhere else is refused
    (checked before anything is read: an outside file's text must not reach the site or an error line)."""
    own, shipped = resolve_inside(path.parent, name), resolve_inside(SHARE, name)
    found = next((candidate for candidate in (own, shipped) if candidate and candidate.is_file()), None)
    if found is not None:
        return found
    line = line_of(text, json.dumps(name, ensure_ascii=False))
    if own is None:  # a path out of the folder (.., absolute, a link) that is not one of OpenCC's own
        raise InputError(path, f"dictionary {name!r} lies outside {path.parent.name}/ and OpenCC's own", line)
    raise InputError(path, f"dictionary {name!r} is neither beside the config nor in OpenCC's", line)


def stock_s2tw(text: str) -> str:
    """OpenCC's own s2tw, without the edition's dictionary: what the review compares the fixes against."""
    return _converter("s2tw").convert(text)


def hant_converter(settings: HantSettings, terms: tuple[Term, ...]) -> HantConverter:
    """The converter the settings name, with the glossary's Traditional forms put over its results."""
    _converter(settings.path or settings.config)  # fail here, naming the file, rather than mid-build
    overrides = []
    for term in terms:
        if term.zh_hant:
            produced = _converter(settings.path or settings.config).convert(term.zh)
            if produced != term.zh_hant:
                overrides.append((produced, term.zh_hant))
    overrides.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    return HantConverter(settings.config, tuple(overrides), settings.path)


def simplify(text: str) -> str:
    """Simplified view of a Traditional source text (for search and topics), OpenCC t2s.

    Aligned character for character with the text, so offsets found on it hold in the printed text:
    where a phrase conversion would change the length, the text is converted character by character."""
    converted = _converter("t2s").convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(char if len(single := _converter("t2s").convert(char)) != 1 else single for char in text)
