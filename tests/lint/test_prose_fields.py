"""The profile's prose is found by walking the model for fields declared ``Prose``: no list of
fields to keep in step with the model (``rettfram/lint/municipality.py``)."""

from __future__ import annotations

from rettfram.lint.municipality import profile_strings
from rettfram.load import load_yaml
from rettfram.model import Profile, Prose, Strict
from tests.conftest import REPO


def test_every_prose_field_of_the_reference_profile_is_read_where_it_stands():
    profile = Profile.model_validate(load_yaml(REPO / "tests" / "fixtures" / "example-profile.yaml").document.data)
    assert [loc for loc, _ in profile_strings(profile)] == [
        ("needs", 0, "why"), ("needs", 1, "why"),
        ("strengths", 0, "text"), ("strengths", 0, "evidence"),
        ("weaknesses", 0, "text"), ("weaknesses", 0, "action"), ("weaknesses", 1, "text"),
        ("jobs", "partner_help", "includes"), ("jobs", "qualifications", 0, "help"),
        ("jobs", "vacancies", 0, "title"), ("jobs", "vacancies", 1, "title"),
        ("housing", "listings", 0, "title"), ("housing", "listings", 1, "title"), ("housing", "listings", 2, "title"),
        ("housing", "first_home", 0, "text"),
        ("education", "norwegian_training", "text"),
        ("welcome", "includes", 0), ("welcome", "includes", 1), ("welcome", "mentor"), ("welcome", "events", 0, "title"),
    ]


def test_a_field_declared_prose_is_read_without_being_listed_anywhere():
    class Inner(Strict):
        said: Prose
        named: str

    class Outer(Strict):
        items: list[Inner]
        maybe: Prose | None = None
        lines: list[Prose] = []

    outer = Outer(items=[Inner(said="a", named="x")], maybe="b", lines=["c", "d"])
    assert list(profile_strings(outer)) == [(("items", 0, "said"), "a"), (("maybe",), "b"), (("lines", 0), "c"), (("lines", 1), "d")]
