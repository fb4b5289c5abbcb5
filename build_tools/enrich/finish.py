"""The last enrich step: everything a page, a PDF, an export or the search index shows besides the text,
computed once on the gathered edition, before anything is written (issue 27). Render, export, search and
outputs only read what this puts on the Edition; none of them imports build_tools.enrich (.importlinter).
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from build_tools.enrich.compare import choose_pairs
from build_tools.enrich.highlights import find_highlights
from build_tools.enrich.plan_status import plan_status
from build_tools.enrich.topic_brief import target_line, topic_brief
from build_tools.model import Edition


def finish(edition: Edition) -> Edition:
    """The edition with its plans' standings, compared pairs, topic briefs, target rows and highlight spans."""
    statuses = MappingProxyType({plan.meta.id: plan_status(plan.meta, edition.meta) for plan in edition.plans})
    edition = replace(edition, statuses=statuses, pairs=choose_pairs(edition.plans, edition.pair_rules))
    briefs = MappingProxyType({topic.id: topic_brief(edition, topic) for topic in edition.taxonomy.topics})
    lines = MappingProxyType({target: target_line(edition, target) for target in edition.targets})
    return replace(edition, briefs=briefs, target_lines=lines, highlights=find_highlights(edition))
