"""What the search finds: one document per real paragraph or heading, glossary entry, topic and plan.

Read from the model, not from the HTML, so nothing is indexed twice: topic pages (which copy plan
paragraphs), cite strings, timeline axis labels and the hidden Traditional copies never reach it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from build_tools.model import Block, Edition, ParsedPlan
from build_tools.present import labels, urls
from build_tools.present.trails import SEPARATOR, trail_steps
from build_tools.search.text import HAN

# Blocks the search leaves out: the title line repeats the plan's own document.
SKIPPED_KINDS = frozenset({"title"})


@dataclass(frozen=True)
class SearchDoc:
    """One search result, with the text it is found by and the text it is shown with."""

    kind: str
    """``plan``, ``topic``, ``term`` (glossary entry), ``heading``, ``paragraph``, ``vocabulary`` or ``compare``."""
    page: str
    """docs/-relative page without ``.md``, e.g. ``plans/henan-equipment-2017/part-02``."""
    anchor: str
    """Element id on that page, ``""`` for the top."""
    title: str
    """Shown as the result's heading; indexed with a boost."""
    context: str
    """Shown above the title: plan and section trail, or what kind of entry it is."""
    zh: str
    """Simplified Chinese body text (indexed, and shown as the snippet for Chinese queries)."""
    en: str
    """English body text (indexed, and shown as the snippet for English queries)."""
    names: tuple[str, ...] = ()
    """Exact names of a glossary entry, topic or plan (indexed with the title): a query equal to one ranks it first."""
    plan: str = ""
    """The plan id of a plan's own document and of its headings and paragraphs (the results page filters by it)."""
    block: str = ""
    """A heading's or paragraph's block id (``plan-id/s1.2/p3``): the ¶ id a results page and its CSV show."""
    target: bool = False
    """A paragraph stating a quantified target (enrich/targets): the results page's "targets" filter."""
    hant: str | None = ""
    """The Traditional text a reader who chose 繁體 sees instead of ``zh`` (``title`` for a heading, the Chinese name
    for a glossary entry), as the plan pages print it. ``""``: no other form (shown as ``zh``); ``None``: the
    edition's Traditional text does not align character for character, so no mark could be placed (see ``aligned``)."""


def aligned(hans: str, hant: str) -> bool:
    """OpenCC converts one character for one in this edition: same length, and every non-Han character in place.

    Then an offset found in the Simplified text (where the search matches) marks the same words in the Traditional.
    """
    return len(hans) == len(hant) and all(
        a == b or (HAN.match(a) and HAN.match(b)) for a, b in zip(hans, hant, strict=True)
    )


def traditional(hans: str, hant: str) -> str | None:
    """What a SearchDoc stores as ``hant``: "" when the two read alike, None when they do not align."""
    if hant == hans:
        return ""
    return hant if aligned(hans, hant) else None


def plan_label(plan: ParsedPlan) -> str:
    return labels.short_title(plan.meta)


def _heading_text(edition: Edition, block: Block, script: str = "hans") -> str:
    text = edition.bilingual.blocks[block.id]
    english = text.en if text.en_status != "untranslated" else ""
    chinese = f"{text.label_hant}{text.zh_hant}" if script == "hant" else f"{block.label}{text.zh_hans}"
    return " ".join(piece for piece in (chinese, english) if piece)


def _trail(edition: Edition, plan: ParsedPlan, headings: dict[str, Block], block: Block) -> str:
    """Plan, then the labels and short titles of the headings above a block."""
    pieces = [plan_label(plan)]
    if block.zone == "body":
        pieces += trail_steps(plan, block, lambda heading: edition.bilingual.blocks[heading.id].zh_hans, headings)
    return SEPARATOR.join(pieces)


def block_docs(edition: Edition) -> list[SearchDoc]:
    docs = []
    with_targets = {target.block_id for target in edition.targets}
    for plan in edition.plans:
        headings = {block.id: block for block in plan.blocks if block.kind in ("heading", "box")}
        for block in plan.blocks:
            if block.kind in SKIPPED_KINDS:
                continue
            text = edition.bilingual.blocks[block.id]
            english = text.en if text.en_status != "untranslated" else ""
            page = urls.block_path(edition, block.id).removesuffix(".md")  # the search's own page key
            trail = _trail(edition, plan, headings, block)
            if block.kind in ("heading", "box"):
                title = _heading_text(edition, block)
                heading = SearchDoc("heading", page, block.anchor, title, trail, "", "", (), plan.meta.id, block.id)
                docs.append(replace(heading, hant=traditional(title, _heading_text(edition, block, "hant"))))
            else:
                # ``+`` of an empty label gives the block's own text object (an f-string would copy it): a
                # paragraph's document points at the text the edition holds, as timeline entries and targets do.
                zh = text.label_hans + text.zh_hans
                found = SearchDoc("paragraph", page, block.anchor, "", trail, zh, english, (), plan.meta.id, block.id)
                hant = traditional(zh, text.label_hant + text.zh_hant)
                docs.append(replace(found, target=block.id in with_targets, hant=hant))
    return docs


def glossary_docs(edition: Edition) -> list[SearchDoc]:
    return [
        SearchDoc(
            "term",
            "glossary",
            f"g-{term.id}",
            f"{term.zh} {term.en}",
            "",  # the browser labels glossary entries itself: 772 copies of a label are not worth storing
            "",  # a Traditional query is converted to Simplified in the browser
            "",  # translators' notes are guidance, not content: left to the glossary page
            (term.zh, term.en, *term.en_variants, *term.search_en),
            hant=traditional(term.zh, term.zh_hant or term.zh),
        )
        for term in sorted(edition.bilingual.glossary, key=lambda t: t.id)
    ]


def topic_docs(edition: Edition) -> list[SearchDoc]:
    return [
        SearchDoc(
            "topic",
            f"topics/{topic.id}",
            "",
            f"{topic.zh} {topic.en}",
            "专题 Topic",
            f"{topic.scope_zh} {' '.join(topic.terms)}",
            topic.scope_en,
            (topic.zh, topic.en),
        )
        for topic in edition.taxonomy.topics
    ]


def plan_docs(edition: Edition) -> list[SearchDoc]:
    return [
        SearchDoc(
            "plan",
            urls.plan_page(plan.meta.id).removesuffix(".md"),
            "",
            f"{plan.meta.title_zh} {plan.meta.title_en}",
            f"规划 Plan · {plan_label(plan)}",
            f"{plan.meta.issuer_zh} {plan.meta.summary_zh}",
            f"{plan.meta.issuer_en} {plan.meta.summary_en}",
            (plan.meta.title_zh, plan.meta.title_en),
            plan.meta.id,
        )
        for plan in edition.plans
    ]


def across_docs(edition: Edition) -> list[SearchDoc]:
    """Reading across plans, found as links: one entry per vocabulary item and per comparison page.

    Their paragraphs are the plans' own and are found there; these entries carry names only.
    Vocabulary items that are glossary terms are found through their glossary entry instead.
    """
    docs = [
        SearchDoc(
            "vocabulary",
            "vocabulary",
            entry.anchor,
            f"{entry.key} {entry.en}".strip(),
            "政策词汇 Policy vocabulary",
            "",
            "",
            tuple(name for name in (entry.key, entry.en) if name),
        )
        for entry in edition.vocabulary
        if entry.kind != "term"
    ]
    docs += [
        SearchDoc(
            "compare",
            f"compare/{pair.slug}",
            "",
            f"{plan_label(pair.left)} · {plan_label(pair.right)}",
            "对比 Compare two plans",
            "",
            "",
        )
        for pair in edition.pairs
    ]
    return docs


def search_docs(edition: Edition) -> list[SearchDoc]:
    """Named entries first: they are few, rank high, and so share the first stored-field chunks.

    Glossary entries come right after topics and plans, so their ids are one range (the manifest names it).
    """
    named = topic_docs(edition) + plan_docs(edition) + glossary_docs(edition)
    return named + block_docs(edition) + across_docs(edition)
