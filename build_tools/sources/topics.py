"""The industry taxonomy, ``topics/topics.yml``: read through the schema reader, checked across entries."""

from __future__ import annotations

from pathlib import Path

from build_tools.core.errors import InputError
from build_tools.model import Group, Taxonomy, Topic
from build_tools.sources.schema import Entry, Field, Id, ListOf, Record, Text, read_yaml

# Topic pages live beside these generated pages (docs/topics/<id>.md): a topic may not take their names.
RESERVED_TOPIC_IDS = ("index", "matrix")
GROUP = Record((Field("id", Id()), Field("zh", Text()), Field("en", Text())), what="group")
# Terms are kept verbatim: spaces inside a term matter.
TERMS = ListOf(Text(strip=False), unique=True)
TOPIC = Record(
    (
        Field("id", Id(RESERVED_TOPIC_IDS)),
        Field("group", Id()),
        Field("zh", Text()),
        Field("en", Text()),
        Field("scope_zh", Text(lines=True)),
        Field("scope_en", Text(lines=True)),
        Field("terms", TERMS),
        Field("exclude", TERMS, required=False),
    ),
    what="topic",
)
SCHEMA = Record((Field("groups", ListOf(GROUP, min=1)), Field("topics", ListOf(TOPIC, min=1))), what="the taxonomy")


def _topic(path: Path, entry: Entry, group_ids: set[str]) -> Topic:
    topic = Topic(**entry)
    if topic.group not in group_ids:
        raise InputError(path, f"topic {topic.id!r} names unknown group {topic.group!r}", entry.lines["group"])
    if not topic.terms:
        raise InputError(path, f"topic {topic.id!r} has no terms", entry.lines["terms"])
    for index, phrase in enumerate(topic.exclude):
        # An exclusion that contains no term can never cancel a hit: almost surely a typo.
        if not any(term in phrase for term in topic.terms):
            line = entry.nodes["exclude"].value[index].start_mark.line + 1
            raise InputError(path, f"exclude {phrase!r} of topic {topic.id!r} contains none of its terms", line)
    return topic


def load_taxonomy(path: Path | str) -> Taxonomy:
    """Read and validate topics.yml; any problem is an InputError naming the file and line."""
    path = Path(path)
    data = read_yaml(path, SCHEMA, "the taxonomy")
    groups: dict[str, Group] = {}
    for entry in data["groups"]:
        if entry["id"] in groups:
            raise InputError(path, f"duplicate group id {entry['id']!r}", entry.line)
        groups[entry["id"]] = Group(**entry)
    topics: dict[str, Topic] = {}
    for entry in data["topics"]:
        topic = _topic(path, entry, set(groups))
        if topic.id in topics:
            raise InputError(path, f"duplicate topic id {topic.id!r}", entry.line)
        topics[topic.id] = topic
    return Taxonomy(groups=tuple(groups.values()), topics=tuple(topics.values()))
