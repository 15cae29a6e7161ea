"""Is a claim in the copy backed by the profile's data? One named check per kind of claim.

A ``claim`` rule (``rettfram/rules/claim.*.yaml``) finds the words that make a promise
("ledige boliger", "jobb til to", "kort vei til …") and names the check it ``needs``; the
check below reads the profile and answers with a :class:`Verdict`: backed or not, what the
data say (for the message) and where those data live in profile.yaml (for the fix).

The table ``CHECKS`` is explicit; a rule naming a check that is not here is a rule-file error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rettfram import site_data  # open vacancies, coming events, upper secondary: the same facts the pages show
from rettfram.load import Loc  # a path into profile.yaml, as SourceMap.locate takes it
from rettfram.model import Profile
from rettfram.text import Text

HOUSING_FRESH_DAYS = 90
SHORT_TRAVEL_MINUTES = 30
PLENTY_OF_JOBS = 10  # open vacancies plus the needs analysis' counts, for "jobs for everyone"


@dataclass(frozen=True)
class ClaimInput:
    """The profile, today's date, and the words around the match in its sentence."""

    profile: Profile
    today: dt.date
    sentence: str
    match: str
    after: str  # the rest of the sentence after the match


@dataclass(frozen=True)
class Verdict:
    backed: bool
    data: Text  # what the data say, e.g. "housing.listings har ingen boliger til leie"
    where: Loc  # where in profile.yaml to update them


def _ok(where: Loc) -> Verdict:
    return Verdict(True, Text("", ""), where)


def _lacks(nb: str, en: str, nn: str, where: Loc) -> Verdict:
    """Not backed: what the data say, in bokmål, English and nynorsk, and where they live."""
    return Verdict(False, Text(nb, en, nn), where)


def _missing(field: str, where: Loc) -> Verdict:
    return _lacks(f"{field} mangler.", f"{field} is missing.", f"{field} manglar.", where)


def _housing(kinds: tuple[str, ...], label: Text) -> Callable[[ClaimInput], Verdict]:
    def check(claim: ClaimInput) -> Verdict:
        housing = claim.profile.housing
        listings = [item for item in housing.listings if item.kind in kinds]
        if not listings:
            return Verdict(
                False,
                Text(
                    f"housing.listings har ingen {label.nb}.",
                    f"housing.listings has no {label.en}.",
                    f"housing.listings har ingen {label.render('nn')}.",
                ),
                ("housing", "listings"),
            )
        if housing.updated is None or (claim.today - housing.updated).days > HOUSING_FRESH_DAYS:
            when = housing.updated.isoformat() if housing.updated else "—"
            return Verdict(
                False,
                Text(
                    f"Boligoversikten ble sist sjekket {when}, mer enn {HOUSING_FRESH_DAYS} dager siden.",
                    f"The housing list was last checked {when}, more than {HOUSING_FRESH_DAYS} days ago.",
                    f"Bustadoversikta vart sist sjekka {when}, meir enn {HOUSING_FRESH_DAYS} dagar sidan.",
                ),
                ("housing", "updated"),
            )
        return _ok(("housing", "listings"))

    return check


def jobs_open(claim: ClaimInput) -> Verdict:
    if site_data.open_vacancies(claim.profile, claim.today):
        return _ok(("jobs", "vacancies"))
    total = len(claim.profile.jobs.vacancies)
    return _lacks(
        f"jobs.vacancies har ingen åpne stillinger i dag ({total} med passert frist).",
        f"jobs.vacancies has no open vacancies today ({total} past their deadline).",
        f"jobs.vacancies har ingen opne stillingar i dag ({total} med passert frist).",
        ("jobs", "vacancies"),
    )


def partner_help(claim: ClaimInput) -> Verdict:
    if claim.profile.jobs.partner_help.offered:
        return _ok(("jobs", "partner_help"))
    return Verdict(
        False,
        Text(
            "jobs.partner_help.offered er ikke true.",
            "jobs.partner_help.offered is not true.",
            "jobs.partner_help.offered er ikkje true.",
        ),
        ("jobs", "partner_help"),
    )


def kindergarten_now(claim: ClaimInput) -> Verdict:
    kindergarten = claim.profile.services.kindergarten
    if kindergarten is None:
        return _missing("services.kindergarten", ("services",))
    if kindergarten.available_places > 0:
        return _ok(("services", "kindergarten", "available_places"))
    return _lacks(
        f"services.kindergarten.available_places er 0 (per {kindergarten.as_of.isoformat()}).",
        f"services.kindergarten.available_places is 0 (as of {kindergarten.as_of.isoformat()}).",
        f"services.kindergarten.available_places er 0 (per {kindergarten.as_of.isoformat()}).",
        ("services", "kindergarten", "available_places"),
    )


def population_growing(claim: ClaimInput) -> Verdict:
    population = claim.profile.facts.population
    if population is None or len(population.series) < 2:
        return Verdict(
            False,
            Text(
                "facts.population har ikke to år å sammenligne.",
                "facts.population has no two years to compare.",
                "facts.population har ikkje to år å samanlikne.",
            ),
            ("facts", "population"),
        )
    years = sorted(population.series)
    first, last = years[0], years[-1]
    before = population.series[years[-2]]
    now = population.series[last]
    if now > before:
        return _ok(("facts", "population", "series"))
    return _lacks(
        f"Folketallet gikk fra {before} ({years[-2]}) til {now} ({last}); {population.series[first]} i {first}.",
        f"The population went from {before} ({years[-2]}) to {now} ({last}); {population.series[first]} in {first}.",
        f"Folketalet gjekk frå {before} ({years[-2]}) til {now} ({last}); {population.series[first]} i {first}.",
        ("facts", "population", "series"),
    )


_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|prosent|per ?cent)", re.IGNORECASE)
_EVERYONE = re.compile(r"\b(?:alle|all|every\w*|heile|hele|full\w*|100)\b", re.IGNORECASE)


def broadband_share(claim: ClaimInput) -> Verdict:
    broadband = claim.profile.services.broadband
    where: Loc = ("services", "broadband", "fiber_share")
    if broadband is None:
        return _missing("services.broadband", ("services",))
    m = _PERCENT.search(claim.sentence)
    if m:
        claimed = float(m.group(1).replace(",", ".")) / 100
    elif _EVERYONE.search(claim.sentence):
        claimed = 1.0
    else:
        return _ok(where)
    if claimed <= broadband.fiber_share + 0.005:
        return _ok(where)
    share = round(broadband.fiber_share * 100)
    return _lacks(
        f"services.broadband.fiber_share er {share} % (per {broadband.as_of.isoformat()}), teksten sier "
        f"{round(claimed * 100)} %.",
        f"services.broadband.fiber_share is {share} % (as of {broadband.as_of.isoformat()}); the copy says "
        f"{round(claimed * 100)} %.",
        f"services.broadband.fiber_share er {share} % (per {broadband.as_of.isoformat()}), teksten seier "
        f"{round(claimed * 100)} %.",
        where,
    )


def short_travel(claim: ClaimInput) -> Verdict:
    after = claim.after.strip().lower()
    travel = claim.profile.travel
    matching = [
        (i, t)
        for i, t in enumerate(travel)
        if after.startswith(t.to.lower()) or t.to.lower().startswith(after.split(" ")[0] if after else "\0")
    ]
    if not matching:
        place = claim.after.strip().split(" ")[0].strip(".,;:!?") or "—"
        return Verdict(
            False,
            Text(
                f"travel har ingen reisetid til «{place}».",
                f"travel has no travel time to '{place}'.",
                f"travel har inga reisetid til «{place}».",
            ),
            ("travel",),
        )
    index, entry = matching[0]
    if entry.minutes <= SHORT_TRAVEL_MINUTES:
        return _ok(("travel", index, "minutes"))
    return _lacks(
        f"Reisetiden til {entry.to} er {entry.minutes} minutter (travel), over {SHORT_TRAVEL_MINUTES}.",
        f"The travel time to {entry.to} is {entry.minutes} minutes (travel), over {SHORT_TRAVEL_MINUTES}.",
        f"Reisetida til {entry.to} er {entry.minutes} minutt (travel), over {SHORT_TRAVEL_MINUTES}.",
        ("travel", index, "minutes"),
    )


def jobs_plenty(claim: ClaimInput) -> Verdict:
    """«Jobb til alle», «lett å få jobb»: many open vacancies, or needs that count many."""
    open_now = site_data.open_vacancies(claim.profile, claim.today)
    needed = sum(need.count or 0 for need in claim.profile.needs)
    if len(open_now) + needed >= PLENTY_OF_JOBS:
        return _ok(("jobs", "vacancies"))
    return _lacks(
        f"Profilen har {len(open_now)} åpne stillinger og behov for {needed} (needs); «mange» trenger minst "
        f"{PLENTY_OF_JOBS}.",
        f"The profile has {len(open_now)} open vacancies and needs {needed} people (needs); 'plenty' takes at least "
        f"{PLENTY_OF_JOBS}.",
        f"Profilen har {len(open_now)} opne stillingar og behov for {needed} (needs); «mange» treng minst "
        f"{PLENTY_OF_JOBS}.",
        ("jobs", "vacancies"),
    )


def kindergarten_anytime(claim: ClaimInput) -> Verdict:
    """«Barnehageplass når som helst»: continuous admission and places free now."""
    kindergarten = claim.profile.services.kindergarten
    if kindergarten is None:
        return _missing("services.kindergarten", ("services",))
    if kindergarten.admission == "continuous" and kindergarten.available_places > 0:
        return _ok(("services", "kindergarten", "admission"))
    return _lacks(
        f"services.kindergarten: opptak «{kindergarten.admission}», {kindergarten.available_places} ledige plasser "
        f"(per {kindergarten.as_of.isoformat()}).",
        f"services.kindergarten: admission '{kindergarten.admission}', {kindergarten.available_places} places free "
        f"(as of {kindergarten.as_of.isoformat()}).",
        f"services.kindergarten: opptak «{kindergarten.admission}», {kindergarten.available_places} ledige plassar "
        f"(per {kindergarten.as_of.isoformat()}).",
        ("services", "kindergarten", "admission"),
    )


def start_loan(claim: ClaimInput) -> Verdict:
    if claim.profile.housing.start_loan:
        return _ok(("housing", "start_loan"))
    return Verdict(
        False,
        Text(
            "housing.start_loan er ikke true.", "housing.start_loan is not true.", "housing.start_loan er ikkje true."
        ),
        ("housing", "start_loan"),
    )


def prices_known(claim: ClaimInput) -> Verdict:
    """«Billige boliger»: what homes cost must be in the profile (a price level, or prices listed)."""
    housing = claim.profile.housing
    if housing.price_level is not None or any(item.price_nok for item in housing.listings):
        return _ok(("housing", "price_level") if housing.price_level else ("housing", "listings"))
    return Verdict(
        False,
        Text(
            "Profilen har ingen boligpriser (housing.price_level eller price_nok).",
            "The profile has no housing prices (housing.price_level or price_nok).",
            "Profilen har ingen bustadprisar (housing.price_level eller price_nok).",
        ),
        ("housing",),
    )


def mentor(claim: ClaimInput) -> Verdict:
    """«Fadder», «mentor»: the profile names the scheme (``welcome.mentor``)."""
    if claim.profile.welcome.mentor:
        return _ok(("welcome", "mentor"))
    return _lacks(
        "welcome.mentor er tom: profilen har ingen fadder- eller mentorordning.",
        "welcome.mentor is empty: the profile has no mentor scheme.",
        "welcome.mentor er tom: profilen har inga fadder- eller mentorordning.",
        ("welcome",),
    )


def welcome_event(claim: ClaimInput) -> Verdict:
    """«Velkomstmøte»: a dated event that has not yet passed (``welcome.events``)."""
    coming = site_data.coming_events(claim.profile, claim.today)
    if coming:
        return _ok(("welcome", "events", claim.profile.welcome.events.index(coming[0]), "date"))
    past = len(claim.profile.welcome.events)
    return _lacks(
        f"welcome.events har ingen kommende arrangementer ({past} passert).",
        f"welcome.events has no coming event ({past} past).",
        f"welcome.events har ingen komande arrangement ({past} passert).",
        ("welcome",),
    )


def norwegian_training(claim: ClaimInput) -> Verdict:
    """«Norskkurs»: who holds the courses (``education.norwegian_training``)."""
    if claim.profile.education.norwegian_training is not None:
        return _ok(("education", "norwegian_training"))
    return _missing("education.norwegian_training", ("education",))


def gp_access(claim: ClaimInput) -> Verdict:
    """«Ledig fastlege»: GPs with room on their lists (``services.health.gp_free_lists``)."""
    health = claim.profile.services.health
    if health is None or health.gp_free_lists is None:
        return _missing("services.health.gp_free_lists", ("services",))
    if health.gp_free_lists > 0:
        return _ok(("services", "health", "gp_free_lists"))
    day = health.as_of.isoformat()
    return _lacks(
        f"services.health.gp_free_lists er 0 (per {day}).",
        f"services.health.gp_free_lists is 0 (as of {day}).",
        f"services.health.gp_free_lists er 0 (per {day}).",
        ("services", "health", "gp_free_lists"),
    )


def upper_secondary_near(claim: ClaimInput) -> Verdict:
    """«Videregående uten å flytte hjemmefra»: a school within ``site_data.UPPER_SECONDARY_MINUTES`` one way."""
    reach = site_data.upper_secondary(claim.profile)
    if reach.reach == "near" and reach.nearest is not None:
        return _ok(
            ("education", "upper_secondary", claim.profile.education.upper_secondary.index(reach.nearest), "minutes")
        )
    limit = site_data.UPPER_SECONDARY_MINUTES
    if not reach.schools:
        return _missing("education.upper_secondary", ("education",))
    return _lacks(
        f"education.upper_secondary har ingen skole innen {limit} minutter.",
        f"education.upper_secondary has no school within {limit} minutes.",
        f"education.upper_secondary har ingen skule innan {limit} minutt.",
        ("education", "upper_secondary"),
    )


def qualification_help(claim: ClaimInput) -> Verdict:
    """«Hjelp med godkjenning»: a profession whose approval the municipality or employer helps with."""
    helped = [i for i, q in enumerate(claim.profile.jobs.qualifications) if q.help]
    if helped:
        return _ok(("jobs", "qualifications", helped[0], "help"))
    return _lacks(
        "jobs.qualifications sier ikke hva kommunen hjelper med (help).",
        "jobs.qualifications does not say what the municipality helps with (help).",
        "jobs.qualifications seier ikkje kva kommunen hjelper med (help).",
        ("jobs",),
    )


CHECKS: dict[str, Callable[[ClaimInput], Verdict]] = {
    "homes_available": _housing(("sale", "rent", "trial"), Text("boliger", "homes", "bustader")),
    "homes_for_sale": _housing(("sale",), Text("boliger til salgs", "homes for sale", "bustader til sals")),
    "rentals_available": _housing(("rent", "trial"), Text("boliger til leie", "homes for rent", "bustader til leige")),
    "plots_available": _housing(("plot",), Text("tomter", "building plots", "tomter")),
    "trial_housing": _housing(("trial",), Text("prøveboliger", "trial homes", "prøvebustader")),
    "farms_for_sale": _housing(
        ("farm",), Text("gårdsbruk eller småbruk", "farms or smallholdings", "gardsbruk eller småbruk")
    ),
    "jobs_plenty": jobs_plenty,
    "kindergarten_anytime": kindergarten_anytime,
    "start_loan": start_loan,
    "prices_known": prices_known,
    "jobs_open": jobs_open,
    "partner_help": partner_help,
    "kindergarten_now": kindergarten_now,
    "population_growing": population_growing,
    "broadband_share": broadband_share,
    "short_travel": short_travel,
    "mentor": mentor,
    "welcome_event": welcome_event,
    "norwegian_training": norwegian_training,
    "gp_access": gp_access,
    "upper_secondary_near": upper_secondary_near,
    "qualification_help": qualification_help,
}
