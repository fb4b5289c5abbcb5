"""Search text analysis, done the same way at build time (here) and in the browser (search.js).

Chinese is indexed as character bigrams (and single characters, for one-character queries), so a
compound term such as 数控机床 or a printed form such as 首台（套） matches without a segmenter that
the two sides could disagree on. English is lowercased and reduced by a small suffix stemmer.
tests/data/search_analysis.yml holds the vectors both implementations are tested against.
"""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (basic, extension A, compatibility) and Latin letters/digits: everything else separates words.
TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")



def normalize(text: str) -> str:
    """NFKC (full-width brackets and digits become ASCII), lowercase."""
    return unicodedata.normalize("NFKC", text).lower()


def stem(word: str) -> str:
    """A light English suffix stemmer: plurals, -ing, -ed, a final e (robots→robot, industries→industri)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "i"
    elif word.endswith(("sses", "xes", "ches", "shes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The runs of the normalized text: Han runs and Latin/digit words, in order."""
    return TOKEN.findall(normalize(text))


def index_terms(text: str, stopwords: frozenset[str]) -> list[str]:
    """Every term a text is indexed under (repeats kept, for term frequency)."""
    terms: list[str] = []
    for run in words(text):
        if HAN.match(run):
            terms.extend(run)
            terms.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in stopwords:
            terms.append(stem(run))
    return terms


def query_groups(query: str, stopwords: frozenset[str]) -> list[list[str]]:
    """The terms of a query, one group per word: a Han run gives its bigrams (a single character itself)."""
    groups: list[list[str]] = []
    for run in words(query):
        if HAN.match(run):
            groups.append([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
        elif run not in stopwords:
            groups.append([stem(run)])
    return groups


def name_term(text: str, stopwords: frozenset[str]) -> str:
    """The term a glossary entry, topic or plan is indexed under for a query equal to one of its names.

    A hash of the analysed name (``""`` when nothing is left of it): short, and a rare collision only
    lifts an entry that already matches every query word.
    """
    key = " ".join("|".join(group) for group in query_groups(text, stopwords))
    return f"={shard_of(key, 2**32):08x}" if key else ""


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) over the code points of a term, modulo the shard count (search.js does the same)."""
    value = 0x811C9DC5
    for character in term:
        value ^= ord(character)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards
