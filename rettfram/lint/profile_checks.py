"""Lint the profile's own data: freshness, unsourced strengths, missing target groups.

These findings point at profile.yaml positions. Freshness limits: a vacancy past its deadline,
``housing.updated`` older than 90 days, kindergarten figures older than 90 days, ``facts``
older than two years. The research: newcomers feel cheated when a place that advertises for
people has no homes or jobs to offer (seed 002, "Syretest på bondeidyllen"), and a strength
without evidence is only a claim ("Ikke lov både gull og grønne skoger").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rettfram.findings import Category, Finding, Severity
from rettfram.lint.backing import HOUSING_FRESH_DAYS
from rettfram.load import Loc, SourceMap
from rettfram.messages import Message
from rettfram.model import Profile, TargetGroupId
from rettfram.text import Text

KINDERGARTEN_FRESH_DAYS = 90
FACTS_FRESH_DAYS = 2 * 365

M, T = Message, Text
MESSAGES = {
    "evidence.deadline-passed": M(
        T("Søknadsfristen for «{title}» gikk ut {deadline}.", "The deadline for '{title}' passed on {deadline}.", "Søknadsfristen for «{title}» gjekk ut {deadline}."),
        T("Fjern stillingen, eller sett ny frist; sidene viser den ikke lenger.", "Remove the vacancy or set a new deadline; the site no longer shows it.", "Fjern stillinga, eller set ny frist; sidene viser henne ikkje lenger."),
    ),
    "evidence.housing-stale": M(
        T("Boligoversikten ble sist sjekket {date}, for {days} dager siden (grense {limit}).", "The housing list was last checked on {date}, {days} days ago (limit {limit}).", "Bustadoversikta vart sist sjekka {date}, for {days} dagar sidan (grense {limit})."),
        T("Sjekk at boligene fortsatt er ledige, og oppdater housing.updated.", "Check that the homes are still available, and update housing.updated.", "Sjekk at bustadene framleis er ledige, og oppdater housing.updated."),
    ),
    "evidence.kindergarten-stale": M(
        T("Tallet på ledige barnehageplasser er fra {date}, {days} dager gammelt.", "The kindergarten figure is from {date}, {days} days old.", "Talet på ledige barnehageplassar er frå {date}, {days} dagar gammalt."),
        T("Spør barnehagekontoret og oppdater available_places og as_of.", "Ask the kindergarten office and update available_places and as_of.", "Spør barnehagekontoret og oppdater available_places og as_of."),
    ),
    "evidence.facts-stale": M(
        T("«{field}» er fra {date}, mer enn to år gammelt.", "'{field}' is from {date}, more than two years old.", "«{field}» er frå {date}, meir enn to år gammalt."),
        T("Hent nye tall (SSB) og oppdater as_of.", "Fetch new figures (SSB) and update as_of.", "Hent nye tal (SSB) og oppdater as_of."),
    ),
    "evidence.strength-unsourced": M(
        T("Styrken «{text}» mangler {missing}.", "The strength '{text}' has no {missing_en}.", "Styrken «{text}» manglar {missing}."),
        T("Legg til evidence, source og year, eller skriv den om til noe som kan sjekkes.", "Add evidence, source and year, or rewrite it as something checkable.", "Legg til evidence, source og year, eller skriv han om til noko som kan sjekkast."),
    ),
    "target.no-target-groups": M(
        T("Profilen har ingen målgrupper (target_groups).", "The profile has no target groups (target_groups).", "Profilen har ingen målgrupper (target_groups)."),
        T(
            "Skriv for konkrete grupper; de som faktisk flytter er ofte arbeidsinnvandrere, flyktninger, enslige og folk over 45.",
            "Write for concrete groups; those who actually move are often labour immigrants, refugees, singles and people over 45.",
            "Skriv for konkrete grupper; dei som faktisk flyttar er ofte arbeidsinnvandrarar, flyktningar, einslege og folk over 45.",
        ),
    ),
    "target.returnees-only": M(
        T("Den eneste målgruppen er tilbakeflyttere.", "The only target group is returnees.", "Den einaste målgruppa er tilbakeflyttarar."),
        T(
            "Legg til gruppene som faktisk kommer: arbeidsinnvandrere, flyktninger, enslige, folk over 45.",
            "Add the groups who actually come: labour immigrants, refugees, singles, people over 45.",
            "Legg til gruppene som faktisk kjem: arbeidsinnvandrarar, flyktningar, einslege, folk over 45.",
        ),
    ),
}
CATEGORY = {"evidence": Category.EVIDENCE, "target": Category.TARGET}
RULE_IDS: tuple[str, ...] = tuple(MESSAGES)


def profile_findings(profile: Profile, source: SourceMap, today: dt.date) -> list[Finding]:
    def finding(rule: str, loc: Loc, **params: object) -> Finding:
        pos = source.locate(loc)
        message = MESSAGES[rule].format(**params)
        return Finding.of(source.path, pos.line, pos.column, rule, message, CATEGORY[rule.split(".")[0]], Severity.WARNING)

    return list(_checks(profile, today, finding))


def _checks(profile: Profile, today: dt.date, finding) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    for i, vacancy in enumerate(profile.jobs.vacancies):
        if vacancy.deadline < today:
            yield finding("evidence.deadline-passed", ("jobs", "vacancies", i, "deadline"), title=vacancy.title, deadline=vacancy.deadline.isoformat())
    housing = profile.housing
    if housing.updated is not None and (today - housing.updated).days > HOUSING_FRESH_DAYS:
        yield finding("evidence.housing-stale", ("housing", "updated"), date=housing.updated.isoformat(), days=(today - housing.updated).days, limit=HOUSING_FRESH_DAYS)
    kindergarten = profile.services.kindergarten
    if kindergarten is not None and (today - kindergarten.as_of).days > KINDERGARTEN_FRESH_DAYS:
        yield finding("evidence.kindergarten-stale", ("services", "kindergarten", "as_of"), date=kindergarten.as_of.isoformat(), days=(today - kindergarten.as_of).days)
    dated = [
        (("facts", "population", "as_of"), profile.facts.population and profile.facts.population.as_of),
        (("services", "broadband", "as_of"), profile.services.broadband and profile.services.broadband.as_of),
    ]
    for loc, when in dated:
        if when and (today - when).days > FACTS_FRESH_DAYS:
            yield finding("evidence.facts-stale", loc, field=".".join(map(str, loc)), date=when.isoformat())
    for i, strength in enumerate(profile.strengths):
        missing = [name for name, value in (("source", strength.source), ("year", strength.year)) if value is None]
        if missing:
            yield finding("evidence.strength-unsourced", ("strengths", i), text=strength.text, missing=" og ".join(missing), missing_en=" and ".join(missing))
    groups = {group.id for group in profile.target_groups}
    if not groups:
        yield finding("target.no-target-groups", ("target_groups",))
    elif groups == {TargetGroupId.returnees}:
        yield finding("target.returnees-only", ("target_groups",))
