"""The committed JSON Schema is current, documented in Norwegian, and validates the examples."""

from __future__ import annotations

import json

import jsonschema
import pytest

from rettfram import schema
from rettfram.load import load_yaml
from tests.conftest import REPO


def test_committed_schema_is_current():
    assert schema.SCHEMA_PATH.read_text("utf-8") == schema.generate(), "run: python build.py schema"


def _properties(node, where="$"):
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{where}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{where}[{i}]")


def test_every_field_has_a_norwegian_description():
    document = json.loads(schema.generate())
    missing = [where for where, prop in _properties(document) if not prop.get("description")]
    assert missing == []
    assert len(list(_properties(document))) > 60


@pytest.mark.parametrize("profile", sorted((REPO / "municipalities").glob("*/profile.yaml")), ids=lambda p: p.parent.name)
def test_schema_accepts_the_examples_as_an_editor_would(profile):
    data = load_yaml(profile).document.data
    data = json.loads(json.dumps(data, default=str))  # an editor sees YAML 1.2: dates are strings
    jsonschema.validate(data, json.loads(schema.generate()))


def test_schema_rejects_unknown_keys_as_an_editor_would():
    data = json.loads(json.dumps(load_yaml(REPO / "tests/fixtures/example-profile.yaml").document.data, default=str))
    data["jobs"]["vacancys"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(schema.generate()))
