"""Score extracted targets against the hand-checked list in tests/data/targets.yml (test and benchmark)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

HAND_LIST = Path(__file__).parent / "data" / "targets.yml"
FIELDS = ("year", "end_year", "per_year", "subject", "value", "value_high", "unit", "qualifier", "kind", "compared_to")
_NOISE = re.compile(r"[\s，,、：:（）()“”\"'·]")


def load_hand_list(path: Path = HAND_LIST) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]
    for entry in entries:
        entry.setdefault("end_year", entry["year"])
        entry.setdefault("per_year", False)
        entry.setdefault("value_high", None)
        entry.setdefault("compared_to", "")
    return entries


def _norm(field: str, value: object) -> object:
    if field in ("subject", "compared_to"):
        return _NOISE.sub("", str(value or ""))
    if field in ("value", "value_high"):
        return None if value is None else float(value)
    return value


def _fields(item: object) -> dict[str, object]:
    get = item.get if isinstance(item, dict) else lambda name: getattr(item, name)
    return {field: _norm(field, get(field)) for field in FIELDS}


@dataclass(frozen=True)
class Score:
    expected: int
    extracted: int
    matched: int
    all_right: int
    per_field: dict[str, int]
    """Field -> matched targets with that field right."""
    wrong: tuple[str, ...]
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    def report(self) -> str:
        lines = [
            f"targets: {self.expected} expected, {self.extracted} extracted, {self.matched} matched",
            f"recall {self.matched / self.expected:.1%}, precision {self.matched / max(self.extracted, 1):.1%}, "
            f"every field right {self.all_right / self.expected:.1%}",
        ]
        for field, right in self.per_field.items():
            lines.append(
                f"  {field:12} precision {right / max(self.extracted, 1):6.1%}  recall {right / self.expected:6.1%}"
            )
        lines += [f"  wrong: {item}" for item in self.wrong]
        lines += [f"  missed: {item}" for item in self.missed]
        lines += [f"  spurious: {item}" for item in self.spurious]
        return "\n".join(lines)


def score(targets: Iterable[object], hand: list[dict] | None = None) -> Score:
    """Match each hand entry to an extracted target of its paragraph (same value and unit, then the
    most fields alike), then count the fields that agree."""
    hand = hand if hand is not None else load_hand_list()
    remaining = [(target.block_id, _fields(target)) for target in targets]
    extracted = len(remaining)
    per_field = dict.fromkeys(FIELDS, 0)
    all_right, matched, wrong, missed = 0, 0, [], []
    for entry in hand:
        want = _fields(entry)
        candidates = [
            (sum(got[f] == want[f] for f in FIELDS), index)
            for index, (block, got) in enumerate(remaining)
            if block == entry["block"] and (got["value"], got["unit"]) == (want["value"], want["unit"])
        ]
        if not candidates:
            missed.append(f"{entry['block']} {entry['subject']} {entry.get('value')}{entry['unit']}")
            continue
        _, index = max(candidates)
        _, got = remaining.pop(index)
        matched += 1
        bad = [f for f in FIELDS if got[f] != want[f]]
        for field in FIELDS:
            per_field[field] += field not in bad
        if bad:
            wrong.append(f"{entry['block']} {entry['subject']}: " + ", ".join(f"{f}={got[f]!r}" for f in bad))
        else:
            all_right += 1
    spurious = tuple(f"{block} {got['subject']} {got['value']}{got['unit']}" for block, got in remaining)
    return Score(len(hand), extracted, matched, all_right, per_field, tuple(wrong), tuple(missed), spurious)
