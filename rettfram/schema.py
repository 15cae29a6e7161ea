"""The profile's JSON Schema, generated from the model (``schema/profile.schema.json``).

Editors that speak the YAML language server read it through the first line of every profile,
``# yaml-language-server: $schema=../../schema/profile.schema.json``, and then autocomplete
keys, show the Norwegian descriptions and underline mistakes. A test fails when the committed
file differs from what the model generates; ``python build.py schema`` rewrites it.
"""

from __future__ import annotations

import json
from pathlib import Path

from rettfram.model import Profile

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "profile.schema.json"
SCHEMA_ID = "https://rettfram.invalid/schema/profile.schema.json"


def generate() -> str:
    schema = Profile.model_json_schema(mode="validation")
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write(path: Path = SCHEMA_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate(), encoding="utf-8")
    return path
