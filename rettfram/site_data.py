"""What a site shows, computed once from a profile and today's date: no words, no markup.

Open vacancies (past deadlines drop out), listings by kind, the population series, travel to
hospital, and a ``Summary`` of comparable figures for the home page and the portal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, get_args

from rettfram.model import Listing, Migration, Profile, Travel, Vacancy

KIND_ORDER: tuple[str, ...] = get_args(Listing.model_fields["kind"].annotation)  # the model's order, not a copy
PER_MONTH_KINDS = frozenset({"rent", "trial"})
HOSPITAL_WORDS = ("sykehus", "sjukehus", "hospital")


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
    """Travel times to destinations named as a hospital (the profile has no health section yet)."""
    return [t for t in profile.travel if any(word in t.to.lower() for word in HOSPITAL_WORDS)]


def migration(profile: Profile) -> Migration | None:
    """``facts.migration``: source, as_of, series {year: in, out, immigration, emigration}."""
    return profile.facts.migration


def age_structure(profile: Profile) -> Any | None:
    """``facts.age`` (source, as_of, groups {"0-5": n, …}) once the model has it; None until then."""
    return getattr(profile.facts, "age", None)


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
