"""What a site shows, computed once from a profile and today's date: no words, no markup.

Open vacancies (past deadlines drop out), listings by kind, the population series, travel to
hospital, coming welcome events, weaknesses by the page that shows them, the nearest upper
secondary school, and a ``Summary`` of comparable figures for the home page and the portal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import get_args

from rettfram.model import Listing, Migration, Profile, Travel, UpperSecondary, Vacancy, Weakness, WelcomeEvent

KIND_ORDER: tuple[str, ...] = get_args(Listing.model_fields["kind"].annotation)  # the model's order, not a copy
PER_MONTH_KINDS = frozenset({"rent", "trial"})
HOSPITAL_WORDS = ("sykehus", "sjukehus", "hospital")
UPPER_SECONDARY_MINUTES = 60  # one way: further than this, a 16-year-old moves away from home (pages and claim check)

# A weakness shows on the page a reader looks at for its topic; without a topic, on the facts page.
TOPIC_PAGES: dict[str | None, str] = {
    "work": "work",
    "transport": "work",  # the travel times are on the work page
    "housing": "housing",
    "services": "services",
    "education": "services",  # schools and upper secondary are on the services page
    "community": "community",
    "other": "facts",
    None: "facts",
}
WEAKNESS_PAGES: tuple[str, ...] = tuple(dict.fromkeys(TOPIC_PAGES.values()))


def open_vacancies(profile: Profile, today: dt.date) -> list[Vacancy]:
    """Vacancies whose deadline is today or later, soonest first."""
    return sorted((v for v in profile.jobs.vacancies if v.deadline >= today), key=lambda v: (v.deadline, v.title))


def listings_by_kind(profile: Profile) -> dict[str, list[Listing]]:
    """Every kind, in a fixed order, with its listings (maybe none)."""
    return {kind: [item for item in profile.housing.listings if item.kind == kind] for kind in KIND_ORDER}


def population_points(profile: Profile) -> list[tuple[int, int]]:
    population = profile.facts.population
    return sorted(population.series.items()) if population else []


def hospital_travel(profile: Profile) -> list[Travel]:
    """Travel times to destinations named as a hospital (``services.health`` names no hospital)."""
    return [t for t in profile.travel if any(word in t.to.lower() for word in HOSPITAL_WORDS)]


def migration(profile: Profile) -> Migration | None:
    """``facts.migration``: source, as_of, series {year: in, out, immigration, emigration}."""
    return profile.facts.migration


def coming_events(profile: Profile, today: dt.date) -> list[WelcomeEvent]:
    """Welcome events on or after today, soonest first."""
    return sorted((e for e in profile.welcome.events if e.date >= today), key=lambda e: (e.date, e.title))


def weaknesses_by_page(profile: Profile) -> dict[str, list[Weakness]]:
    """Every page that can show weaknesses (work, housing, services, community, facts), with the
    profile's weaknesses whose topic belongs there, in the profile's order (maybe none)."""
    pages: dict[str, list[Weakness]] = {page: [] for page in WEAKNESS_PAGES}
    for weakness in profile.weaknesses:
        pages[TOPIC_PAGES[weakness.topic]].append(weakness)
    return pages


@dataclass(frozen=True)
class UpperSecondaryReach:
    """Upper secondary schools, nearest first (unknown travel time last), and what follows.

    ``reach`` is ``near`` (a school within ``UPPER_SECONDARY_MINUTES`` one way), ``far`` (none
    listed, or every listed school further away: a 16-year-old must move away from home) or
    ``unknown`` (none within reach, but some travel times are not given)."""

    schools: list[UpperSecondary]
    nearest: UpperSecondary | None  # the nearest school with a known travel time
    reach: str


def upper_secondary(profile: Profile) -> UpperSecondaryReach:
    schools = sorted(profile.education.upper_secondary, key=lambda s: (s.minutes is None, s.minutes or 0, s.name))
    timed = [s for s in schools if s.minutes is not None]
    nearest = timed[0] if timed else None
    if nearest is not None and nearest.minutes is not None and nearest.minutes <= UPPER_SECONDARY_MINUTES:
        reach = "near"
    elif len(timed) < len(schools):
        reach = "unknown"
    else:
        reach = "far"
    return UpperSecondaryReach(schools, nearest, reach)


@dataclass(frozen=True)
class Summary:
    """A few comparable figures, each with the date it holds for."""

    name: str
    number: str
    county: str | None
    sample_data: bool
    population: int | None
    population_year: int | None
    vacancies: int
    vacancies_as_of: dt.date
    listings: int
    listings_as_of: dt.date | None
    kindergarten_places: int | None
    kindergarten_as_of: dt.date | None


def summary(profile: Profile, today: dt.date) -> Summary:
    points = population_points(profile)
    kindergarten = profile.services.kindergarten
    return Summary(
        name=profile.municipality.name,
        number=profile.municipality.number,
        county=profile.municipality.county,
        sample_data=profile.municipality.sample_data,
        population=points[-1][1] if points else None,
        population_year=points[-1][0] if points else None,
        vacancies=len(open_vacancies(profile, today)),
        vacancies_as_of=profile.updated,
        listings=len(profile.housing.listings),
        listings_as_of=profile.housing.updated,
        kindergarten_places=kindergarten.available_places if kindergarten else None,
        kindergarten_as_of=kindergarten.as_of if kindergarten else None,
    )
