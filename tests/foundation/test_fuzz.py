"""Generated malformed YAML and mutated profiles: no exception, every finding with a position."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.foundation.fuzzing import any_input, assert_well_formed, check_bytes, mutated_reference

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@FUZZ
@given(any_input)
def test_loader_survives_anything(content: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        assert_well_formed(check_bytes(Path(tmp), content))


@FUZZ
@given(mutated_reference())
def test_mutated_reference_profiles(text: str):
    with tempfile.TemporaryDirectory() as tmp:
        assert_well_formed(check_bytes(Path(tmp), text.encode("utf-8")))
