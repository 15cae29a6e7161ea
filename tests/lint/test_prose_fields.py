"""The profile's prose and its dated figures are found by walking the model for marked fields
(``Prose``, ``Fresh``; ``rettfram/model_walk.py``): no list of fields to keep in step with it."""

from __future__ import annotations

from rettfram.model_walk import ProseText, prose_texts
from rettfram.load import load_yaml
from rettfram.model import Profile, Prose, Strict
from tests.conftest import REPO


def test_every_prose_field_of_the_reference_profile_is_read_where_it_stands():
    profile = Profile.model_validate(load_yaml(REPO / "tests" / "fixtures" / "example-profile.yaml").document.data)
    assert [prose.loc for prose in prose_texts(profile, "nb")] == [
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
    assert list(prose_texts(outer, "nn")) == [
        ProseText(("items", 0, "said"), "nn", "a"), ProseText(("maybe",), "nn", "b"), ProseText(("lines", 0), "nn", "c"), ProseText(("lines", 1), "nn", "d")]


def test_a_text_per_language_is_read_in_each_language_where_it_stands():
    class Outer(Strict):
        title: Prose

    outer = Outer.model_validate({"title": {"nb": "Sykepleier", "en": "Nurse", "pl": "Pielęgniarka"}}, context={"language": "nb"})
    assert outer.title == "Sykepleier"
    assert list(prose_texts(outer, "nb")) == [
        ProseText(("title", "nb"), "nb", "Sykepleier"), ProseText(("title", "en"), "en", "Nurse"), ProseText(("title", "pl"), "pl", "Pielęgniarka")]


def test_every_date_the_model_marks_fresh_is_checked_for_age():
    from rettfram.model import Fresh
    from rettfram.model_walk import marked

    profile = Profile.model_validate(load_yaml(REPO / "tests" / "fixtures" / "example-profile.yaml").document.data)
    assert [(loc, fresh.days) for loc, _, fresh in marked(profile, Fresh)] == [
        (("housing", "price_level", "as_of"), 730), (("services", "health", "as_of"), 730),
        (("services", "broadband", "as_of"), 730), (("facts", "population", "as_of"), 730), (("facts", "migration", "as_of"), 730),
    ]


def test_every_date_the_model_marks_checked_may_not_be_in_the_future():
    import datetime as dt

    from rettfram.model import Checked
    from rettfram.model_walk import marked
    from rettfram.validate import validate

    document = load_yaml(REPO / "tests" / "fixtures" / "example-profile.yaml").document
    profile = Profile.model_validate(document.data)
    assert [loc for loc, _, _ in marked(profile, Checked)] == [
        ("updated",), ("housing", "updated"), ("housing", "price_level", "as_of"), ("services", "kindergarten", "as_of"),
        ("services", "health", "as_of"), ("services", "broadband", "as_of"), ("facts", "population", "as_of"), ("facts", "migration", "as_of"),
    ]
    findings = validate(document, dt.date(2026, 10, 1)).findings  # before the health, price and kindergarten dates
    assert sorted((f.rule, f.line) for f in findings) == sorted(
        ("schema.future-date", document.source.locate(loc).line) for loc in
        [("updated",), ("housing", "updated"), ("housing", "price_level", "as_of"), ("services", "kindergarten", "as_of"), ("services", "health", "as_of")])
