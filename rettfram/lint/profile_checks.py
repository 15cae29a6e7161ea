"""Lint the profile's own data: freshness, unsourced strengths, missing target groups.

Each check here is named by a rule file of kind ``data`` (``rettfram/rules/evidence.*.yaml``,
``target.no-target-groups.yaml`` …), which holds its message, level, source and examples, as a
claim rule's ``needs`` names a check in ``backing.py``. A check yields where in the profile the
problem stands and the values its message is filled with; the findings point at profile.yaml.

Freshness limits: a vacancy past its deadline, ``housing.updated`` older than 90 days,
kindergarten figures older than 90 days, any date the model marks ``Fresh`` (``facts``,
broadband, health, prices: two years), a strength whose
``year`` is more than ``strength_max_age`` years back (``[lint]`` in ``rettfram.toml``, default
five). A check receives the profile and a :class:`Limits` (today, and the limits the user may set).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rettfram.findings import Finding
from rettfram.lint.backing import HOUSING_FRESH_DAYS
from rettfram.lint.engine import fill
from rettfram.lint.pack import CompiledRule
from rettfram.load import Loc, SourceMap
from rettfram.model import Fresh, Profile, TargetGroupId
from rettfram.model_walk import marked
from rettfram.text import Text

KINDERGARTEN_FRESH_DAYS = 90
STRENGTH_MAX_AGE = 5  # years; the default of [lint].strength_max_age


@dataclass(frozen=True)
class Limits:
    """What the data checks measure against: today, and the limits ``rettfram.toml`` may set."""

    today: dt.date
    strength_max_age: int = STRENGTH_MAX_AGE


Problem = tuple[Loc, dict[str, str | Text]]  # where in the profile, and the message's values
Check = Callable[[Profile, Limits], Iterator[Problem]]


def deadline_passed(profile: Profile, limits: Limits) -> Iterator[Problem]:
    today = limits.today
    for i, vacancy in enumerate(profile.jobs.vacancies):
        if vacancy.deadline < today:
            yield (
                ("jobs", "vacancies", i, "deadline"),
                {"title": vacancy.title, "deadline": vacancy.deadline.isoformat()},
            )


def housing_stale(profile: Profile, limits: Limits) -> Iterator[Problem]:
    today = limits.today
    updated = profile.housing.updated
    if updated is not None and (today - updated).days > HOUSING_FRESH_DAYS:
        yield (
            ("housing", "updated"),
            {"date": updated.isoformat(), "days": str((today - updated).days), "limit": str(HOUSING_FRESH_DAYS)},
        )


def kindergarten_stale(profile: Profile, limits: Limits) -> Iterator[Problem]:
    today = limits.today
    kindergarten = profile.services.kindergarten
    if kindergarten is not None and (today - kindergarten.as_of).days > KINDERGARTEN_FRESH_DAYS:
        yield (
            ("services", "kindergarten", "as_of"),
            {"date": kindergarten.as_of.isoformat(), "days": str((today - kindergarten.as_of).days)},
        )


def facts_stale(profile: Profile, limits: Limits) -> Iterator[Problem]:
    """Every date the model marks ``Fresh`` (population, migration, broadband, health, prices …)."""
    for loc, when, fresh in marked(profile, Fresh):
        if (limits.today - when).days > fresh.days:
            yield loc, {"field": ".".join(map(str, loc)), "date": when.isoformat()}


def strength_unsourced(profile: Profile, limits: Limits) -> Iterator[Problem]:
    for i, strength in enumerate(profile.strengths):
        missing = [name for name, value in (("source", strength.source), ("year", strength.year)) if value is None]
        if missing:
            yield (
                ("strengths", i),
                {
                    "text": strength.text,
                    "missing": Text(" og ".join(missing), " and ".join(missing), " og ".join(missing)),
                },
            )


def strength_old(profile: Profile, limits: Limits) -> Iterator[Problem]:
    for i, strength in enumerate(profile.strengths):
        if strength.year is not None and limits.today.year - strength.year > limits.strength_max_age:
            yield (
                ("strengths", i, "year"),
                {
                    "text": strength.text,
                    "year": str(strength.year),
                    "age": str(limits.today.year - strength.year),
                    "limit": str(limits.strength_max_age),
                },
            )


def no_weaknesses(profile: Profile, limits: Limits) -> Iterator[Problem]:
    if not profile.weaknesses:
        yield ("weaknesses",), {}


def no_target_groups(profile: Profile, limits: Limits) -> Iterator[Problem]:
    if not profile.target_groups:
        yield ("target_groups",), {}


def returnees_only(profile: Profile, limits: Limits) -> Iterator[Problem]:
    if {group.id for group in profile.target_groups} == {TargetGroupId.returnees}:
        yield ("target_groups",), {}


CHECKS: dict[str, Check] = {
    "deadline_passed": deadline_passed,
    "housing_stale": housing_stale,
    "kindergarten_stale": kindergarten_stale,
    "facts_stale": facts_stale,
    "strength_unsourced": strength_unsourced,
    "strength_old": strength_old,
    "no_weaknesses": no_weaknesses,
    "no_target_groups": no_target_groups,
    "returnees_only": returnees_only,
}


def profile_findings(
    profile: Profile, source: SourceMap, limits: Limits, rules: Iterable[CompiledRule]
) -> list[Finding]:
    """The findings of the ``data`` rules given (the catalog's ``data`` pack), at profile positions."""
    findings = []
    for rule in rules:
        for loc, params in CHECKS[str(rule.rule.check)](profile, limits):
            pos = source.locate(loc)
            findings.append(
                Finding(
                    source.path,
                    pos.line,
                    pos.column,
                    rule.id,
                    rule.rule.category,
                    rule.rule.level,
                    fill(rule.rule.message.to_text(), **params),
                    fill(rule.rule.suggestion.to_text(), **params),
                )
            )
    return findings
