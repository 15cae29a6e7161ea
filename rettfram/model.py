"""The profile model: what a municipality profile may contain, with types and limits.

Field descriptions are Norwegian: they become the JSON Schema (``schema/profile.schema.json``)
that editors show on hover. The keys named in ARCHITECTURE.md ("Contracts") are stable.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from rettfram.local_text import LocalText, local_text

URL_SCHEMES = ("http", "https", "mailto", "tel")


def _check_url(value: str) -> str:
    parts = urlsplit(value.strip())
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        raise PydanticCustomError(
            "url_scheme", "URL scheme {scheme!r} is not allowed", {"scheme": scheme or "", "url": value}
        )
    if scheme in ("http", "https") and not parts.hostname:
        raise PydanticCustomError("url_host", "URL {url!r} has no host", {"url": value})
    if any(ch.isspace() for ch in value.strip()):
        raise PydanticCustomError("url_space", "URL {url!r} contains a space", {"url": value})
    return value.strip()


def _check_email(value: str) -> str:
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or any(ch.isspace() for ch in value):
        raise PydanticCustomError("email", "{value!r} is not an e-mail address", {"value": value})
    return value


Url = Annotated[str, AfterValidator(_check_url)]
Email = Annotated[str, AfterValidator(_check_email)]
Line = Annotated[str, Field(min_length=1, max_length=500)]


class ProseMark:
    """Marks a field as prose written for readers: the linter reads every ``Prose`` field
    (``rettfram/lint/municipality.py`` walks the model for them), so a new field is linted by
    being declared ``Prose``, not by being added to a list somewhere else."""

    def __repr__(self) -> str:
        return "PROSE"


class Translatable:
    """Marks a field whose text readers read in their own language: the value is a plain string
    (the municipality's language) or a mapping of language code to text
    (``rettfram/local_text.py``). ``check`` lists the texts a site language lacks, and pages
    show each language its own text, found by walking the model for this mark."""

    def __repr__(self) -> str:
        return "TRANSLATABLE"


PROSE = ProseMark()
TRANSLATABLE = Translatable()
if TYPE_CHECKING:  # what a validated field holds; mypy cannot read a type local_text builds at run time
    Prose = LocalText
    Label = LocalText
else:
    Prose = Annotated[local_text(500), PROSE, TRANSLATABLE]  # written for readers: linted, per language
    Label = Annotated[local_text(500), TRANSLATABLE]  # a short name (a sector, a profession): translated, not linted


class Fresh:
    """Marks the date that figures are "as of" and how long they stay fresh: the linter warns
    about every marked date older than ``days`` (``evidence.facts-stale``), found by walking the
    model (``rettfram/model_walk.py``)."""

    def __init__(self, days: int):
        self.days = days

    def __repr__(self) -> str:
        return f"Fresh({self.days})"


class Checked:
    """Marks a date someone checked something on: it cannot be in the future (``check`` finds
    every marked date by walking the model, ``rettfram/validate.py``)."""

    def __repr__(self) -> str:
        return "Checked()"


FACTS_FRESH_DAYS = 2 * 365
CheckedDate = Annotated[dt.date, Checked()]
FactDate = Annotated[dt.date, Checked(), Fresh(FACTS_FRESH_DAYS)]
Count = Annotated[int, Field(ge=0)]
LangCode = Annotated[
    str, Field(pattern=r"^[a-z]{2,3}$", description="Språkkode etter ISO 639, f.eks. nb, nn, en, pl, uk, se.")
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, str_strip_whitespace=True)


class Municipality(Strict):
    number: str = Field(
        pattern=r"^\d{4}$",
        description='Kommunenummeret med fire siffer, i anførselstegn: "5014". Må finnes i kommuneregisteret.',
    )
    name: Line = Field(description="Kommunens navn slik det skal stå på sidene.")
    county: Line | None = Field(None, description="Fylket kommunen ligger i.")
    language: Literal["nb", "nn"] = Field(description="Målform for sidene: nb (bokmål) eller nn (nynorsk).")
    website: Url | None = Field(None, description="Kommunens nettsted (https://…).")
    sample_data: bool = Field(
        False, description="true mens profilen har eksempeldata; alle sider viser da en merknad om det."
    )


class Contact(Strict):
    name: Line = Field(description="Navnet på tilflyttingskontakten, personen en nykommer kan ringe.")
    role: Label | None = Field(None, description="Stillingen, f.eks. «Tilflyttingskontakt».")
    email: Email | None = Field(None, description="E-postadresse.")
    phone: Annotated[str, Field(pattern=r"^\+?[0-9 ]{5,20}$")] | None = Field(
        None, description='Telefonnummer i anførselstegn, f.eks. "+47 72 46 00 00".'
    )
    languages: list[LangCode] = Field(default_factory=list, description="Språk kontakten kan snakke med nykommere på.")


class Need(Strict):
    competence: Label = Field(description="Hvilken kompetanse kommunen og næringslivet mangler.")
    count: Count | None = Field(None, description="Omtrent hvor mange det trengs.")
    why: Prose | None = Field(None, description="Hvorfor behovet finnes (ny avdeling, nye anlegg, pensjoneringer …).")


class TargetGroupId(str, Enum):
    labour_immigrants = "labour-immigrants"
    refugees = "refugees"
    job_seeking_families = "job-seeking-families"
    young_singles = "young-singles"
    over_45 = "over-45"
    returnees = "returnees"
    students = "students"
    remote_workers = "remote-workers"
    part_time_residents = "part-time-residents"


class TargetGroup(Strict):
    id: TargetGroupId = Field(
        description="Målgruppen teksten skrives for. Forskningen: de som faktisk flytter er ofte arbeidsinnvandrere, "
        "flyktninger, enslige og folk over 45."
    )
    note: Line | None = Field(
        None, description="Hva vi vet om gruppen her."
    )  # not Prose: it names a group by design, which the target rules would flag


class Strength(Strict):
    text: Prose = Field(description="Styrken, skrevet konkret.")
    evidence: Prose | None = Field(None, description="Tallet eller faktumet som viser det.")
    source: Line | None = Field(None, description="Kilden til faktumet.")
    year: Annotated[int, Field(ge=1900, le=2100)] | None = Field(None, description="Året kilden gjelder.")


Topic = Literal["work", "housing", "services", "education", "community", "transport", "other"]


class Weakness(Strict):
    text: Prose = Field(description="Noe som er vanskelig her, sagt ærlig.")
    topic: Topic | None = Field(
        None,
        description="Hvilken side svakheten hører til: work, housing, services, education, community, transport eller "
        "other.",
    )
    action: Prose | None = Field(None, description="Hva kommunen gjør med det.")
    by: Annotated[int, Field(ge=1900, le=2100)] | None = Field(None, description="Året tiltaket skal være gjort.")


class Vacancy(Strict):
    title: Prose = Field(description="Stillingstittel, gjerne med stillingsprosent.")
    employer: Line = Field(description="Arbeidsgiver.")
    sector: Label | None = Field(None, description="Bransje, f.eks. helse, havbruk, skole.")
    deadline: dt.date = Field(description="Søknadsfrist (ÅÅÅÅ-MM-DD). Stillinger med passert frist vises ikke.")
    url: Url | None = Field(None, description="Lenke til utlysningen.")
    languages: list[LangCode] = Field(default_factory=list, description="Språk arbeidsplassen bruker.")
    employment: Literal["permanent", "temporary", "seasonal"] | None = Field(
        None, description="permanent (fast), temporary (vikariat/midlertidig) eller seasonal (sesong)."
    )
    percent: Annotated[int, Field(ge=1, le=100)] | None = Field(None, description="Stillingsprosent, f.eks. 100.")
    norwegian_level: Literal["A1", "A2", "B1", "B2", "C1", "C2"] | None = Field(
        None, description="Norsknivået stillingen krever (CEFR: A1–C2)."
    )


class PartnerHelp(Strict):
    offered: bool = Field(description="true hvis kommunen hjelper en partner med å finne jobb («jobb til to»).")
    includes: Prose | None = Field(None, description="Hva hjelpen består i, konkret.")


def _partner_help(value: object) -> object:
    """``partner_help: true`` (the older form) means ``{offered: true}``."""
    return {"offered": value} if isinstance(value, bool) else value


def _or_boolean(schema: dict) -> None:
    """JSON Schema for a mapping that may also be written as true/false (the older form)."""
    ref = {key: schema.pop(key) for key in ("$ref", "allOf", "type", "properties") if key in schema}
    schema["anyOf"] = [ref, {"type": "boolean"}]


class Qualification(Strict):
    profession: Label = Field(description="Yrket, f.eks. «Sykepleier».")
    authority: Line = Field(
        description="Hvem som godkjenner utdanning fra utlandet, f.eks. «Helsedirektoratet (autorisasjon)»."
    )
    url: Url | None = Field(None, description="Lenke til hvordan man søker godkjenning.")
    help: Prose | None = Field(None, description="Hva kommunen eller arbeidsgiveren hjelper med.")


class Jobs(Strict):
    industries: list[Label] = Field(default_factory=list, description="De viktigste næringene.")
    partner_help: Annotated[PartnerHelp, BeforeValidator(_partner_help)] = Field(
        default_factory=lambda: PartnerHelp(offered=False),
        json_schema_extra=_or_boolean,
        description="«Jobb til to»: om kommunen hjelper en partner med å finne jobb (offered) og hva hjelpen består i "
        "(includes). true/false godtas også.",
    )
    qualifications: list[Qualification] = Field(
        default_factory=list, description="Godkjenning av utdanning fra utlandet, per yrke."
    )
    vacancies: list[Vacancy] = Field(default_factory=list, description="Ledige stillinger nå.")


class Listing(Strict):
    kind: Literal["sale", "rent", "plot", "trial", "farm"] = Field(
        description="sale (til salgs), rent (til leie), plot (tomt), trial (prøvebolig) eller farm (gårdsbruk eller "
        "småbruk til salgs eller leie)."
    )
    title: Prose = Field(description="Kort beskrivelse, f.eks. «Leilighet, 3 rom, Sistranda».")
    price_nok: Count | None = Field(None, description="Pris i kroner: per måned for leie, totalt for salg og tomt.")
    size_m2: Annotated[float, Field(ge=0)] | None = Field(None, description="Størrelse i kvadratmeter.")
    available_from: dt.date | None = Field(None, description="Ledig fra (ÅÅÅÅ-MM-DD).")
    url: Url | None = Field(None, description="Lenke til annonsen.")


class PriceLevel(Strict):
    sale_nok_per_m2: Count | None = Field(None, description="Vanlig salgspris per kvadratmeter, i kroner.")
    rent_nok_per_month: Count | None = Field(None, description="Vanlig månedsleie, i kroner.")
    source: Line = Field(description="Kilden, f.eks. «Eiendom Norge, Frøya 2025».")
    as_of: FactDate = Field(description="Datoen tallene gjelder.")


class FirstHome(Strict):
    kind: Literal["municipal", "employer", "transit"] = Field(
        description="municipal (kommunal bolig), employer (arbeidsgiverens bolig) eller transit (gjennomgangsbolig)."
    )
    text: Prose = Field(description="Hva som finnes, for hvem og hvor lenge.")


class Housing(Strict):
    updated: CheckedDate | None = Field(
        None, description="Når boligoversikten sist ble sjekket. Eldre enn 90 dager gir en advarsel."
    )
    listings: list[Listing] = Field(
        default_factory=list, description="Boliger, tomter og prøveboliger som faktisk er ledige."
    )
    start_loan: bool = Field(False, description="true hvis kommunen tilbyr startlån.")
    price_level: PriceLevel | None = Field(None, description="Hva boliger koster her, med kilde og dato.")
    first_home: list[FirstHome] = Field(
        default_factory=list, description="Et sted å bo den første tiden når ingenting i oversikten passer."
    )


class Kindergarten(Strict):
    available_places: Count = Field(description="Ledige barnehageplasser nå.")
    admission: Literal["continuous", "yearly"] = Field(
        "yearly", description="continuous (løpende opptak) eller yearly (hovedopptak én gang i året)."
    )
    as_of: CheckedDate = Field(description="Datoen tallet gjelder.")


class School(Strict):
    name: Line = Field(description="Skolens navn.")
    grades: Annotated[str, Field(pattern=r"^\d{1,2}(-\d{1,2})?$")] | None = Field(
        None, description='Trinn, f.eks. "1-10".'
    )
    pupils: Count | None = Field(None, description="Antall elever.")


class Broadband(Strict):
    fiber_share: Annotated[float, Field(ge=0, le=1)] = Field(
        description="Andel husstander med fiber, mellom 0 og 1 (0.92 = 92 %)."
    )
    as_of: FactDate = Field(description="Datoen tallet gjelder.")


class Health(Strict):
    gp_free_lists: Count | None = Field(None, description="Fastleger med ledig plass på listen.")
    emergency: Label | None = Field(None, description="Legevakt: hvor og når.")
    as_of: FactDate = Field(description="Datoen opplysningene gjelder.")


class Services(Strict):
    kindergarten: Kindergarten | None = Field(None, description="Barnehage.")
    schools: list[School] = Field(default_factory=list, description="Skoler.")
    health: Health | None = Field(None, description="Fastlege og legevakt.")
    broadband: Broadband | None = Field(None, description="Bredbånd.")


class UpperSecondary(Strict):
    name: Line = Field(description="Den videregående skolens navn.")
    minutes: Count | None = Field(None, description="Reisetid dit i minutter.")
    programmes: list[Label] = Field(default_factory=list, description="Utdanningsprogrammer skolen har.")


class NorwegianTraining(Strict):
    provider: Line = Field(description="Hvem som holder kursene, f.eks. voksenopplæringen.")
    text: Prose | None = Field(None, description="Hva som tilbys, når og hva det koster.")


class Education(Strict):
    upper_secondary: list[UpperSecondary] = Field(
        default_factory=list, description="Videregående skoler en ungdom kan nå hjemmefra."
    )
    norwegian_training: NorwegianTraining | None = Field(None, description="Norskopplæring for voksne.")


class WelcomeEvent(Strict):
    title: Prose = Field(description="Hva det er, f.eks. «Velkomstmøte for nye innbyggere».")
    date: dt.date = Field(description="Datoen (ÅÅÅÅ-MM-DD).")
    place: Line | None = Field(None, description="Hvor.")


class Welcome(Strict):
    includes: list[Prose] = Field(default_factory=list, description="Hva kommunen hjelper nye innbyggere med.")
    mentor: Prose | None = Field(None, description="Fadder- eller mentorordning: hvem og hvor lenge.")
    events: list[WelcomeEvent] = Field(
        default_factory=list, description="Velkomstmøter og andre arrangementer med dato."
    )


class Travel(Strict):
    to: Line = Field(description="Reisemålet, f.eks. «Trondheim» eller «St. Olavs hospital».")
    minutes: Count = Field(description="Reisetid i minutter, dør til dør for et vanlig reisemiddel.")
    mode: Literal["car", "bus", "boat", "ferry", "train", "plane", "bike", "walk"] = Field(
        description="Reisemåte: car, bus, boat, ferry, train, plane, bike eller walk."
    )


class Community(Strict):
    meeting_places: list[Label] = Field(
        default_factory=list, description="Møteplasser: frivilligsentral, lag, språkkafé …"
    )
    newcomer_programme: Prose | None = Field(
        None, description="Hva kommunen gjør for nye innbyggere (tilflytterdag, fadder …)."
    )


class Population(Strict):
    source: Line = Field(description="Kilden, f.eks. «SSB tabell 07459».")
    as_of: FactDate = Field(description="Datoen det siste tallet gjelder.")
    series: dict[Annotated[int, Field(ge=1900, le=2100)], Count] = Field(
        description="Folketall per år, f.eks. {2015: 4869, 2020: 5180}."
    )


class MigrationYear(Strict):
    moved_in: Count = Field(
        alias="in",
        description="Innflyttinger i alt: fra andre kommuner og fra utlandet, slik SSB tabell 06913 teller dem.",
    )
    moved_out: Count = Field(
        alias="out", description="Utflyttinger i alt: til andre kommuner og til utlandet (SSB tabell 06913)."
    )
    immigration: Count | None = Field(
        None, description="Av innflyttingene: innvandret fra utlandet, der kilden skiller det ut."
    )
    emigration: Count | None = Field(
        None, description="Av utflyttingene: utvandret til utlandet, der kilden skiller det ut."
    )


class Migration(Strict):
    source: Line = Field(description="Kilden, f.eks. «SSB tabell 06913».")
    as_of: FactDate = Field(description="Datoen det siste tallet gjelder.")
    series: dict[Annotated[int, Field(ge=1900, le=2100)], MigrationYear] = Field(
        description="Flytting per år: in, out, immigration, emigration."
    )


class Facts(Strict):
    population: Population | None = Field(None, description="Folketall over tid, med kilde.")
    migration: Migration | None = Field(None, description="Inn- og utflytting, inn- og utvandring per år, med kilde.")
    centrality: Annotated[int, Field(ge=1, le=6)] | None = Field(
        None, description="SSBs sentralitetsklasse, 1 (mest sentral) til 6."
    )


class Profile(Strict):
    """En kommuneprofil for Rettfram."""

    model_config = ConfigDict(title="Rettfram-profil")

    municipality: Municipality = Field(description="Kommunen: nummer, navn, målform.")
    updated: CheckedDate = Field(description="Siste gang noen sjekket hele filen (ÅÅÅÅ-MM-DD).")
    contact: Contact | None = Field(None, description="Tilflyttingskontakten nykommere kan ringe.")
    needs: list[Need] = Field(default_factory=list, description="Behovsanalyse: hva kommunen mangler, og hvorfor.")
    target_groups: list[TargetGroup] = Field(default_factory=list, description="Konkrete grupper teksten skrives for.")
    strengths: list[Strength] = Field(default_factory=list, description="Styrker, hver med belegg, kilde og år.")
    weaknesses: list[Weakness] = Field(default_factory=list, description="Det som er vanskelig, sagt ærlig.")
    jobs: Jobs = Field(default_factory=Jobs, description="Arbeid: næringer, ledige stillinger, hjelp til partner.")
    housing: Housing = Field(
        default_factory=Housing, description="Bolig: ledige boliger, tomter, prøveboliger, startlån."
    )
    services: Services = Field(default_factory=Services, description="Barnehage, skole, helse og bredbånd.")
    education: Education = Field(default_factory=Education, description="Videregående skole og norskopplæring.")
    welcome: Welcome = Field(
        default_factory=Welcome, description="Hva nye innbyggere får: hjelp, fadder, velkomstmøter."
    )
    travel: list[Travel] = Field(default_factory=list, description="Reisetider til viktige steder.")
    community: Community = Field(default_factory=Community, description="Møteplasser og opplegg for nykommere.")
    facts: Facts = Field(default_factory=Facts, description="Fakta fra SSB, hver serie med kilde.")
