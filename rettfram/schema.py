"""The profile's JSON Schema, generated from the model (``schema/profile.schema.json``).

Editors that speak the YAML language server read it through the first line of every profile,
``# yaml-language-server: $schema=../../schema/profile.schema.json``, and then autocomplete
keys, show the Norwegian descriptions and underline mistakes. A test fails when the committed
file differs from what the model generates; ``python build.py schema`` rewrites it.
"""

from __future__ import annotations

import json
from pathlib import Path

from rettfram.local_text import LANG_PATTERN
from rettfram.model import Profile

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "profile.schema.json"
SCHEMA_ID = "https://rettfram.invalid/schema/profile.schema.json"


PER_LANGUAGE = ' Én tekst på kommunens målform, eller én tekst per språk: {nb: "…", en: "…", pl: "…"}.'


def _explain_per_language(node: object) -> None:
    """A translatable field (``local_text.py``) says in its description that it takes both forms."""
    if isinstance(node, dict):
        if "description" in node and _per_language(node):
            node["description"] += PER_LANGUAGE
        for value in node.values():
            _explain_per_language(value)
    elif isinstance(node, list):
        for item in node:
            _explain_per_language(item)


def _per_language(node: dict) -> bool:
    """True for the schema of a translatable text, also inside ``X | None`` and ``list[X]``."""
    if any(isinstance(f, dict) and LANG_PATTERN in (f.get("patternProperties") or {}) for f in node.get("oneOf") or []):
        return True
    inner = [*(node.get("anyOf") or []), *([node["items"]] if isinstance(node.get("items"), dict) else [])]
    return any(isinstance(f, dict) and _per_language(f) for f in inner)


def generate() -> str:
    schema = Profile.model_json_schema(mode="validation")
    _explain_per_language(schema)
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write(path: Path = SCHEMA_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate(), encoding="utf-8")
    return path
