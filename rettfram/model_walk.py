"""Walking a profile for the fields the model marks: one walker for every reader.

``rettfram/model.py`` marks fields in their type (``Prose`` for text readers read, ``FactDate``
for a date whose figures go stale); readers ask for the marked values here instead of keeping
lists of field names that drift from the model. A location is the path into profile.yaml, as
``SourceMap.locate`` takes it (aliases as written in YAML, list indexes as numbers).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from rettfram.load import Loc
from rettfram.local_text import LocalText
from rettfram.model import ProseMark


def marked(model: BaseModel, kind: type, loc: Loc = ()) -> Iterator[tuple[Loc, Any, Any]]:
    """Every set value in ``model`` whose field type carries a mark of type ``kind``:
    (where it stands, the value, the mark), in the model's field order."""
    for name, field in type(model).model_fields.items():
        mark = _mark(field.metadata, kind) or _mark_in(field.annotation, kind)
        yield from _values(getattr(model, name), (*loc, field.alias or name), kind, mark)


def _values(value: object, loc: Loc, kind: type, mark: Any) -> Iterator[tuple[Loc, Any, Any]]:
    if isinstance(value, BaseModel):
        yield from marked(value, kind, loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, (*loc, index), kind, mark)
    elif mark is not None and value is not None:
        yield loc, value, mark


def _mark(metadata: list | tuple, kind: type) -> Any:
    return next((item for item in metadata if isinstance(item, kind)), None)


def _mark_in(annotation: object, kind: type) -> Any:
    """The mark of type ``kind`` in ``annotation``, or in what it wraps (``X | None``, ``list[X]``)."""
    if get_origin(annotation) is Annotated:
        base, *extras = get_args(annotation)
        return _mark(extras, kind) or _mark_in(base, kind)
    return next((m for arg in get_args(annotation) if (m := _mark_in(arg, kind)) is not None), None)


@dataclass(frozen=True)
class ProseText:
    loc: Loc  # where the text stands in profile.yaml (with the language key for a text per language)
    lang: str
    text: str


def prose_texts(model: BaseModel, own: str) -> Iterator[ProseText]:
    """Every piece of prose in the profile, in every language it is given in, with where it
    stands: the fields the model declares ``Prose`` (``rettfram/model.py``), in their field
    order; a plain string is in ``own``, the municipality's language. The linter reads these,
    and ``check`` names those in a language no rule pack reads (``language_coverage.py``)."""
    for loc, text, _ in marked(model, ProseMark):
        if isinstance(text, LocalText) and text.languages:
            for lang, value in text.languages.items():
                yield ProseText((*loc, lang), lang, value)
        else:
            yield ProseText(loc, own, str(text))
