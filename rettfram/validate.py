"""Validate stage: a loaded document becomes a typed :class:`Profile`, or a list of findings.

Two passes, both collecting every problem in the file rather than stopping at the first:

1. the model (pydantic): types, limits, unknown keys (with "did you mean");
2. cross-field rules: the number is in the register and matches the folder, dates the model marks
   ``Checked`` (found with ``model_walk.marked``) are not in the future, the population series
   ends by its ``as_of`` date, and a text given per language (``local_text.py``) has the municipality's own language.

Messages come from ``validate_messages.py`` by pydantic's error *type*, never by its text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from rettfram import local_text, register
from rettfram.findings import Finding, Severity
from rettfram.load import Document, Loc, Pos
from rettfram.local_text import LocalText
from rettfram.messages import Message
from rettfram.model import Checked, Profile, Translatable
from rettfram.model_walk import marked
from rettfram.text import Text
from rettfram.validate_messages import ALIASES, BY_TYPE, CROSS, LANGUAGE_KEY_HINT, NUMBER_UNQUOTED


@dataclass
class Validated:
    profile: Profile | None
    findings: list[Finding]


def validate(document: Document, today: dt.date) -> Validated:
    findings = _register_findings(document)
    try:
        profile = Profile.model_validate(document.data, context={local_text.CONTEXT_KEY: _own_language(document.data)})
    except ValidationError as exc:
        findings += [_translate(error, document) for error in exc.errors(include_url=False)]
        return Validated(None, findings)
    findings += _date_findings(profile, document, today)
    findings += _own_language_findings(profile, document)
    return Validated(profile, findings)


def _own_language(data: object) -> str | None:
    municipality = data.get("municipality") if isinstance(data, dict) else None
    language = municipality.get("language") if isinstance(municipality, dict) else None
    return language if isinstance(language, str) else None


# -- pass 1: pydantic errors -> findings -----------------------------------------------------


def _translate(error: ErrorDetails, document: Document) -> Finding:
    loc: Loc = tuple(part for part in error["loc"] if part not in (local_text.TEXT_TAG, local_text.LANGUAGES_TAG))
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    kind = ALIASES.get(error["type"], error["type"])
    ctx = error.get("ctx") or {}
    scalar = document.source.scalars.get(loc)
    raw = str(loc[-1]) if is_key else scalar.text if scalar else _show(error["input"])
    key = str(loc[-1]) if loc and isinstance(loc[-1], str) else (str(loc[-2]) if len(loc) > 1 else "")
    params: dict[str, Any] = {
        "field": _dotted(loc),
        "key": key,
        "raw": raw,
        "received": _received(error["input"], scalar is not None and scalar.quoted),
        "hint": (LANGUAGE_KEY_HINT if is_key and local_text.LANGUAGES_TAG in error["loc"] else _description(loc)) or "",
        "guess": "",
        "allowed": "",
        **{k: v for k, v in ctx.items() if isinstance(v, (str, int, float))},
    }
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        params["allowed"] = ", ".join(allowed)
        params["guess"] = _guess(str(loc[-1]), allowed)
        pos = document.source.locate(loc, key=True)
    else:
        pos = document.source.locate(loc, key=is_key)
    if kind == "literal_error":
        allowed = _allowed_values(loc)
        params["allowed"] = ", ".join(allowed)
        params["guess"] = _guess(raw, allowed)
    if kind == "missing":
        pos = document.source.locate(loc[:-1], key=True)
    if kind == "string_type" and loc == ("municipality", "number") and isinstance(error["input"], int):
        message = NUMBER_UNQUOTED.format(
            raw=raw, value=error["input"], padded=raw if raw.isdigit() and len(raw) == 4 else f"{error['input']:04d}"
        )
    else:
        template = BY_TYPE.get(kind)
        if template is None:
            template, params["detail"] = BY_TYPE["fallback"], error["type"]
        message = template.format(**params)
    return Finding.of(
        document.path,
        pos.line,
        pos.column,
        f"schema.{kind.replace('_', '-')}",
        Message(message.text, _tidy(message.fix)),
    )


def _tidy(text: Text) -> Text:
    return Text(text.nb.strip(), text.en.strip(), None if text.nn is None else text.nn.strip())


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return type(value).__name__
    return str(value)


def _received(value: Any, quoted: bool) -> Text:
    if isinstance(value, bool):
        return Text(
            f"{str(value).lower()} (sannhetsverdi)",
            f"{str(value).lower()} (a boolean)",
            f"{str(value).lower()} (sanningsverdi)",
        )
    if isinstance(value, (int, float)):
        return Text(f"tallet {value}", f"the number {value}", f"talet {value}")
    if isinstance(value, list):
        return Text("en liste", "a list", "ei liste")
    if isinstance(value, dict):
        return Text("en tabell", "a mapping", "ein tabell")
    if value is None:
        return Text("ingen verdi", "no value", "ingen verdi")
    return Text(f"teksten «{value}»", f"the text '{value}'", f"teksten «{value}»")


def _guess(word: str, allowed: list[str]) -> Text | str:
    close = difflib.get_close_matches(word, allowed, n=1, cutoff=0.6)
    if not close:
        return ""
    return Text(f"Mente du «{close[0]}»? ", f"Did you mean '{close[0]}'? ", f"Meinte du «{close[0]}»? ")


# -- reading the model's shape, for suggestions -------------------------------------------


def _annotation_at(loc: Loc) -> Any:
    """The type annotation the model expects at ``loc`` (None when unknown)."""
    current: Any = Profile
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation


def _allowed_keys(loc: Loc) -> list[str]:
    model = _annotation_at(loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _allowed_values(loc: Loc) -> list[str]:
    annotation = _annotation_at(loc)
    if typing.get_origin(annotation) is typing.Literal:
        return [str(v) for v in typing.get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    return []


def _description(loc: Loc) -> str | None:
    if not loc:
        return None
    parent = _annotation_at(loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel) and str(loc[-1]) in parent.model_fields:
        return parent.model_fields[str(loc[-1])].description
    return None


# -- pass 2: cross-field rules ------------------------------------------------------------


def _register_findings(document: Document) -> list[Finding]:
    municipality = document.data.get("municipality")
    if not isinstance(municipality, dict):
        return []  # the model reports the missing municipality
    number = municipality.get("number")
    if not isinstance(number, str) or not re.fullmatch(r"\d{4}", number):
        return []  # the model reports the missing or malformed number
    loc = ("municipality", "number")
    pos = document.source.locate(loc)
    entry = register.lookup(number)
    if entry is None:
        return [
            _cross(
                document,
                pos,
                "schema.unknown-number",
                CROSS["unknown_number"].format(number=number, guess=_number_guess(municipality)),
            )
        ]
    findings = []
    folder = Path(document.path).parent.name
    if Path(document.path).name == "profile.yaml" and not folder.startswith(f"{number}-"):
        findings.append(
            _cross(
                document,
                pos,
                "schema.folder-mismatch",
                CROSS["folder_mismatch"].format(folder=folder, number=number, expected=entry.folder_name),
            )
        )
    name = municipality.get("name")
    if isinstance(name, str) and name.strip() not in (entry.name, entry.name_official):
        findings.append(
            _cross(
                document,
                document.source.locate(("municipality", "name")),
                "schema.name-mismatch",
                CROSS["name_mismatch"].format(number=number, expected=entry.name, received=name),
                Severity.WARNING,
            )
        )
    county = municipality.get("county")
    if isinstance(county, str) and county.strip() != entry.county:
        findings.append(
            _cross(
                document,
                document.source.locate(("municipality", "county")),
                "schema.county-mismatch",
                CROSS["county_mismatch"].format(number=number, expected=entry.county, received=county),
                Severity.WARNING,
            )
        )
    return findings


def _number_guess(municipality: dict) -> Text | str:
    name = municipality.get("name")
    if not isinstance(name, str):
        return ""
    for entry in register.municipalities().values():
        if name.strip() in (entry.name, entry.name_official):
            return Text(
                f"{entry.name} har nummer «{entry.number}». ",
                f"{entry.name} has number '{entry.number}'. ",
                f"{entry.name} har nummer «{entry.number}». ",
            )
    return ""


def _date_findings(profile: Profile, document: Document, today: dt.date) -> list[Finding]:
    checked = [(loc, value) for loc, value, _ in marked(profile, Checked)]  # every date the model marks Checked
    findings = [
        _cross(
            document,
            document.source.locate(loc),
            "schema.future-date",
            CROSS["future_date"].format(field=_dotted(loc), value=value.isoformat(), today=today.isoformat()),
        )
        for loc, value in checked
        if value is not None and value > today
    ]
    population = profile.facts.population
    if population is not None:
        for year in population.series:
            if year > population.as_of.year:
                loc = ("facts", "population", "series", year)
                findings.append(
                    _cross(
                        document,
                        document.source.locate(loc, key=True),
                        "schema.series-after-as-of",
                        CROSS["series_after_as_of"].format(year=year, as_of=population.as_of.isoformat()),
                    )
                )
    return findings


def _own_language_findings(profile: Profile, document: Document) -> list[Finding]:
    """A text given per language must have the municipality's own: the page falls back to it."""
    own = profile.municipality.language
    return [
        _cross(
            document,
            document.source.locate(loc),
            "schema.own-language-missing",
            CROSS["own_language_missing"].format(field=_dotted(loc), own=own, given=", ".join(value.languages)),
        )
        for loc, value, _ in marked(profile, Translatable)
        if isinstance(value, LocalText) and value.languages and own not in value.languages
    ]


def _cross(document: Document, pos: Pos, rule: str, message: Message, severity: Severity = Severity.ERROR) -> Finding:
    return Finding.of(document.path, pos.line, pos.column, rule, message, severity=severity)
