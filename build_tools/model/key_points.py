"""A plan's key points: a few sentences in both languages written by the editors from the text alone, each
resting on paragraphs named by their ids (translations/key_points/<plan-id>.yml)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyPoint:
    zh: str
    en: str
    blocks: tuple[str, ...]
    """Full ids of the paragraphs the point rests on, in reading order."""


@dataclass(frozen=True)
class KeyPoints:
    plan_id: str
    points: tuple[KeyPoint, ...]
    written_from: str
    """SHA-256 of the received text the points were written from."""
    stale: bool
    """The received text changed since (its SHA-256 differs): the page flags the points for review."""
