"""The labelled corpus (``corpus/*.yaml`` at the top of the repository): sentences of municipal
copy with the categories they belong to (``expected: []`` is honest copy that must pass).

Two users: ``tests/lint/test_corpus.py`` measures the rules on it, and ``python build.py train``
learns the ``similar`` model from it (``lint/similar.py``). ``corpus/README.md`` says where each
file comes from and how each held-out round scored before anything learned from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from rettfram.errors import UserError
from rettfram.lint.pack import PACK_LANGS
from rettfram.text import Text

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
REAL = "real"  # corpus/real/: copy patterned on real public pages (corpus/real/README.md)
CATEGORIES: tuple[str, ...] = ("sos", "cliche", "target")  # what the corpus labels; claim needs a profile


@dataclass(frozen=True)
class Entry:
    text: str
    lang: str
    expected: frozenset[str]
    place: str | None = None
    batch: str = "1"  # the round it was written in, or the held-out file (corpus/README.md)


class CorpusError(UserError):
    """A corpus file that cannot be used; the message names the file, the line and the fix."""

    def __init__(self, message: str) -> None:
        super().__init__(Text(f"Korpuset kan ikke brukes: {message}", f"The corpus cannot be used: {message}"))


def load_file(path: Path) -> list[Entry]:
    try:
        items = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise CorpusError(f"{where}: ikke gyldig YAML / not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(items, list):
        raise CorpusError(f"{path}:1:1: forventet en liste av setninger / expected a list of sentences")
    held_out = path.stem.startswith(("heldout", "real"))  # a batch of its own: its file name
    entries = []
    for index, item in enumerate(items):
        problem = _problem(item)
        if problem:
            raise CorpusError(f"{path}:{_line_of(path, index)}:1: {problem}")
        entries.append(
            Entry(
                item["text"],
                item["lang"],
                frozenset(item["expected"]),
                item.get("place"),
                path.stem if held_out else str(item.get("batch", 1)),
            )
        )
    return entries


def _problem(item: object) -> str:
    example = '- {lang: nb, expected: [sos], text: "..."}'
    if not isinstance(item, dict):
        return f"forventet en mapping / expected a mapping: {example}"
    if not isinstance(item.get("text"), str) or item.get("lang") not in PACK_LANGS:
        langs = ", ".join(PACK_LANGS)
        return f"trenger text og lang ({langs}) / needs text and lang ({langs}): {example}"
    expected = item.get("expected")
    if not isinstance(expected, list) or not set(expected) <= set(CATEGORIES):
        return (
            f"expected må være en liste av {', '.join(CATEGORIES)}, [] for ærlig tekst / must be a list of those, "
            "[] for honest copy"
        )
    return ""


def _line_of(path: Path, index: int) -> int:
    """The line of the ``index``-th item (only looked up for an error: the round-trip loader is slow)."""
    node = YAML().load(path.read_text(encoding="utf-8"))
    return node.lc.item(index)[0] + 1


def load_corpus(folder: Path = CORPUS_DIR, without: frozenset[str] = frozenset()) -> list[Entry]:
    """Every entry of every ``*.yaml`` in ``folder``, in file order, leaving out the files named
    (by stem) in ``without``."""
    return [entry for path in sorted(folder.glob("*.yaml")) if path.stem not in without for entry in load_file(path)]


def load_training(folder: Path = CORPUS_DIR, without: frozenset[str] = frozenset()) -> list[Entry]:
    """What the ``similar`` model learns from: the copy written for the project (``corpus/*.yaml``)
    and the real-patterned copy (``corpus/real/*.yaml``)."""
    return load_corpus(folder, without) + load_corpus(folder / REAL, without)
