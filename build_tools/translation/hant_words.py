"""Every one-to-many character of the Traditional view sits in a word a person has reviewed.

A Simplified character that OpenCC's ``STCharacters.txt`` maps to several Traditional ones (制 → 制/製,
征 → 徵/征, 卷 → 卷/捲; listed in ``translations/opencc/one-to-many.txt``) is where a converter that
segments a phrase wrongly prints a wrong character, and two converters can be wrong the same way
(严重制约 read as 重制). ``translations/hant_words.yml`` lists, for each such character and each form it
takes, the sense of that form and the words reviewed in it; a proper name is listed whole under
``names``. Each occurrence in the edition must be covered: the longest listed word (or name) that spans
it decides the form it must print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.core.errors import InputError
from build_tools.sources.schema import Field, ListOf, MapOf, Record, Text, read_yaml

CONTEXT = 6
NAME_KINDS = ("company", "place", "person", "program")
# A company's or a person's name keeps its own characters (卓里, 五征): a form identical to the
# Simplified character is not "corrected" by sense, unless the character is only a simplification
# (万, 丰: ``names_take_the_full_form``). A place takes its established Traditional name.
KEEPS_OWN_CHARACTERS = ("company", "person")

FORM = Record(
    (
        Field("sense", Text(), doc="the reading and sense of this form"),
        Field("words", Text(), doc="the reviewed Simplified words, separated by spaces"),
    ),
    what="a form",
)
NAME = Record(
    (
        Field("zh", Text()),
        Field("hant", Text()),
        Field("kind", Text(choices=NAME_KINDS)),
    ),
    what="a name",
)
SCHEMA = Record(
    (
        Field("names", ListOf(NAME)),
        Field("names_take_the_full_form", Text(), doc="characters that are only a simplification, separated by spaces"),
        Field("characters", MapOf(Text(), MapOf(Text(), FORM, what="a character's forms"))),
    ),
    what="the reviewed words of the Traditional view",
)


@dataclass(frozen=True)
class Word:
    zh: str
    """The Simplified word (one character alone: that character as a word of its own, e.g. 了)."""
    char: str
    """The one-to-many character the entry is about."""
    form: str
    """The Traditional form ``char`` takes in this word."""
    hant: str = ""
    """For a name: the whole name as printed."""
    line: int = 0


@dataclass(frozen=True)
class Name:
    zh: str
    hant: str
    kind: str
    line: int


@dataclass(frozen=True)
class WordReview:
    words: tuple[Word, ...]
    names: tuple[Name, ...]
    full_forms: frozenset[str] = frozenset()
    """Characters a name writes in their full Traditional form (万 → 萬, 丰 → 豐): only a simplification."""


@dataclass(frozen=True)
class Place:
    block_id: str
    char: str
    printed: str
    context: str
    word: str
    """The covering word, or ``""`` when no reviewed word spans the place."""
    wanted: str
    """The form the covering word gives (differs from ``printed``: a wrong conversion)."""

    def __str__(self) -> str:
        if not self.word:
            return f"{self.block_id}: {self.char} → {self.printed} in …{self.context}… is in no reviewed word"
        return f"{self.block_id}: {self.char} → {self.printed} in …{self.context}…, but {self.word} gives {self.wanted}"


def load_one_to_many(path: Path) -> dict[str, tuple[str, ...]]:
    """OpenCC's one-to-many characters: Simplified character -> its Traditional forms."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(path, f"cannot read the one-to-many characters: {error.strerror}") from error
    table = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        char, _, forms = line.partition("\t")
        if len(char) != 1 or len(forms.split()) < 2:
            raise InputError(path, "expected a character, a tab and two or more forms separated by spaces", number)
        table[char] = tuple(forms.split())
    return table


def load_words(path: Path, one_to_many: dict[str, tuple[str, ...]]) -> WordReview:
    data = read_yaml(path, SCHEMA, "the reviewed words of the Traditional view")
    words = []
    for char, (forms, line) in data["characters"].items():
        if char not in one_to_many:
            raise InputError(path, f"{char!r} is not a one-to-many character of OpenCC", line)
        for form, (entry, form_line) in forms.items():
            words += [Word(zh, char, form, line=form_line) for zh in entry["words"].split()]
    for word in words:
        if word.char not in word.zh:
            raise InputError(path, f"the word {word.zh!r} listed under {word.char} does not contain it", word.line)
    names = tuple(Name(e["zh"], e["hant"], e["kind"], e.line) for e in data["names"])
    return WordReview(tuple(words), names, frozenset(data["names_take_the_full_form"].split()))


def name_problems(review: WordReview, one_to_many: dict[str, tuple[str, ...]]) -> list[str]:
    """A name must be as long as its printed form, and a company or person keeps its own characters."""
    problems = []
    for name in review.names:
        if len(name.zh) != len(name.hant):
            problems.append(f"line {name.line}: {name.zh} and {name.hant} differ in length")
            continue
        if name.kind not in KEEPS_OWN_CHARACTERS:
            continue
        for char, form in zip(name.zh, name.hant, strict=True):
            keeps = char in one_to_many.get(char, ()) and char not in review.full_forms
            if keeps and form != char:
                problems.append(f"line {name.line}: the {name.kind} {name.zh} keeps {char}, not {form}")
    return problems


def check_texts(
    texts: dict[str, tuple[str, str]], one_to_many: dict[str, tuple[str, ...]], review: WordReview
) -> tuple[list[Place], list[Place], set[str]]:
    """(all places of one-to-many characters, the places not covered or printed wrongly, used entries)."""
    entries = _entries(review)
    places, wrong, used = [], [], set()
    for block_id, (simplified, printed) in texts.items():
        if len(simplified) != len(printed):
            wrong.append(Place(block_id, "", "", simplified[:20], "", "the same length"))
            continue
        for position, char in enumerate(simplified):
            if char not in one_to_many:
                continue
            place = _place(block_id, simplified, printed, position, entries.get(char, ()))
            places.append(place)
            used.add(place.word)
            if not place.word or place.wanted != place.printed:
                wrong.append(place)
    return places, wrong, used


def unused_entries(review: WordReview, used: set[str]) -> list[str]:
    words = [f"line {word.line}: {word.zh} ({word.char} → {word.form})" for word in review.words if word.zh not in used]
    return words + [f"line {name.line}: {name.zh}" for name in review.names if name.zh not in used]


def _entries(review: WordReview) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per character: (word, form of the character at each of its places in the word) entries, longest first."""
    found: dict[str, list[tuple[str, str]]] = {}
    for word in review.words:
        found.setdefault(word.char, []).append((word.zh, "".join(word.form if c == word.char else c for c in word.zh)))
    for name in review.names:
        for char in set(name.zh):
            found.setdefault(char, []).append((name.zh, name.hant))
    return {char: tuple(sorted(items, key=lambda item: -len(item[0]))) for char, items in found.items()}


def _place(block_id: str, simplified: str, printed: str, position: int, entries: tuple[tuple[str, str], ...]) -> Place:
    char = simplified[position]
    context = simplified[max(0, position - CONTEXT) : position + CONTEXT + 1]
    for zh, shape in entries:
        offset = _spanning(zh, simplified, position)
        if offset is not None:
            return Place(block_id, char, printed[position], context, zh, shape[position - offset])
    return Place(block_id, char, printed[position], context, "", "")


def _spanning(word: str, text: str, position: int) -> int | None:
    """The offset of an occurrence of ``word`` in ``text`` that spans ``position``, if any."""
    offset = text.find(word, max(0, position - len(word) + 1))
    if 0 <= offset <= position:
        return offset
    return None
