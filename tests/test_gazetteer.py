"""The entity gazetteer: the packaged data's ids and coverage, lookups, case rules, user files."""
from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
import yaml

from claimledger.errors import ConfigError
from claimledger.nlp.gazetteer import Entity, Gazetteer, case_sensitive, match_keys, slugify


def _id(entity: Entity | None) -> str | None:
    return entity.id if entity is not None else None


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def raw() -> dict:
    """The packaged file as parsed YAML, for checks of the data itself."""
    text = resources.files("claimledger").joinpath("data", "gazetteer.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# --- lookups ---------------------------------------------------------------------------------

LOOKUPS = [
    # countries: names, short forms, possessives
    ("North Korea", "PRK"),
    ("DPRK", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("North Korea's", "PRK"),
    ("South Korea", "KOR"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("Ukraine", "UKR"),
    ("United States", "USA"),
    ("the United States", "USA"),
    ("U.S.", "USA"),
    ("US", "USA"),
    ("Britain", "GBR"),
    ("UK", "GBR"),
    ("Congo", "COD"),
    ("DR Congo", "COD"),
    ("Republic of the Congo", "COG"),
    ("Türkiye", "TUR"),
    ("Palestine", "PSE"),
    ("Taiwan", "TWN"),
    ("Kosovo", "XKX"),
    ("Myanmar", "MMR"),
    ("Spain", "ESP"),
    # metonyms: capitals and seats standing for the government
    ("the Kremlin", "RUS"),
    ("The Kremlin", "RUS"),
    ("Kremlin", "RUS"),
    ("Moscow", "RUS"),
    ("Pyongyang", "PRK"),
    ("Seoul", "KOR"),
    ("Kyiv", "UKR"),
    ("Kyiv's", "UKR"),
    ("Kiev", "UKR"),
    ("Washington", "USA"),
    ("White House", "USA"),
    ("Tehran", "IRN"),
    ("Kinshasa", "COD"),
    ("Downing Street", "GBR"),
    # organisations
    ("National Intelligence Service", "KOR-NIS"),
    ("NIS", "KOR-NIS"),
    ("Main Intelligence Directorate", "UKR-GUR"),
    ("HUR", "UKR-GUR"),
    ("Ukrainian military intelligence", "UKR-GUR"),
    ("Pentagon", "USA-DOD"),
    ("the Pentagon", "USA-DOD"),
    ("US Department of Defense", "USA-DOD"),
    ("US Treasury", "USA-TREASURY"),
    ("Israel Defense Forces", "ISR-IDF"),
    ("IDF", "ISR-IDF"),
    ("Israel Prison Service", "ISR-IPS"),
    ("UK Export Finance", "GBR-UKEF"),
    ("Coordination Headquarters for the Treatment of Prisoners of War", "UKR-CHTPW"),
    ("National Resistance Center", "UKR-NRC"),
    ("Hamas-run health ministry", "PSE-MOH"),
    ("Hamas", "hamas"),
    ("Hezbollah", "hezbollah"),
    ("Houthis", "houthis"),
    ("Wagner", "wagner-group"),
    ("RSF", "rapid-support-forces"),
    ("M23", "m23"),
    ("ISIS", "islamic-state"),
    ("Thales", "thales"),
    # international bodies and NGOs
    ("United Nations", "UN"),
    ("UN", "UN"),
    ("U.N.", "UN"),
    ("NATO", "NATO"),
    ("Nato", "NATO"),
    ("European Union", "EU"),
    ("Group of Seven", "G7"),
    ("International Organization for Migration", "IOM"),
    ("World Health Organization", "WHO"),
    ("Ukraine Defense Contact Group", "UDCG"),
    ("Ramstein group", "UDCG"),
    ("Center for Strategic and International Studies", "CSIS"),
    ("Doctors Without Borders", "MSF"),
    ("Kiel Institute", "KIEL-INSTITUTE"),
    ("Oryx", "ORYX"),
    # media
    ("AP", "AP"),
    ("Associated Press", "AP"),
    ("the Associated Press", "AP"),
    ("the AP", "AP"),
    ("Reuters", "REUTERS"),
    ("Reuters'", "REUTERS"),
    ("AFP", "AFP"),
    ("Yonhap", "YONHAP"),
    ("Yonhap news agency", "YONHAP"),
    ("KCNA", "KCNA"),
    ("TASS", "TASS"),
    ("Caliber.Az", "CALIBER-AZ"),
    ("Al Jazeera", "AL-JAZEERA"),
    ("The War Zone", "THE-WAR-ZONE"),
    ("the War Zone", "THE-WAR-ZONE"),
    ("dpa", "DPA"),
    # people, with spelling variants and titles
    ("Volodymyr Zelensky", "volodymyr-zelensky"),
    ("Volodymyr Zelenskyy", "volodymyr-zelensky"),
    ("Zelenskiy", "volodymyr-zelensky"),
    ("Zelensky's", "volodymyr-zelensky"),
    ("President Volodymyr Zelensky", "volodymyr-zelensky"),
    ("Kim Jong Un", "kim-jong-un"),
    ("Kim Jong-un", "kim-jong-un"),
    ("Lee Seong-kweun", "lee-seong-kweun"),
    ("Lee Seong Kweun", "lee-seong-kweun"),
    ("South Korean lawmaker Lee Seong-kweun", "lee-seong-kweun"),
    ("Kyrylo Budanov", "kyrylo-budanov"),
    ("Sergey Shoigu", "sergei-shoigu"),
    ("Sir Keir Starmer", "keir-starmer"),
    ("Sir Keir", "keir-starmer"),
    ("German Defence Minister Boris Pistorius", "boris-pistorius"),
    ("Defense Secretary Lloyd Austin", "lloyd-austin"),
    ("Senior Gen. Min Aung Hlaing", "min-aung-hlaing"),
    ("Erdogan", "recep-tayyip-erdogan"),
    # places
    ("Kursk", "kursk"),
    ("Kursk region", "kursk"),
    ("Kursk Oblast", "kursk"),
    ("Donetsk", "donetsk"),
    ("Gaza", "gaza"),
    ("Gaza Strip", "gaza"),
    ("Khan Yunis", "khan-younis"),
    ("El Fasher", "el-fasher"),
    ("Zamzam camp", "zamzam"),
    ("Goma", "goma"),
    ("occupied West Bank", "west-bank"),
    ("Moscow region", "moscow-region"),
    ("Bryansk region", "bryansk"),
    # a country and one of its bodies, in one span
    ("South Korea's Joint Chiefs of Staff", "KOR-JCS"),
    ("South Korea's military", "KOR-JCS"),
    ("the Joint Chiefs of Staff in Seoul", "KOR-JCS"),
    ("Seoul's spy agency", "KOR-NIS"),
    ("South Korea's National Intelligence Service", "KOR-NIS"),
    ("South Korean military intelligence", "KOR-DIA"),
    ("Russia's Defence Ministry", "RUS-MOD"),
    ("Russia's General Staff", "RUS-GS"),
    ("Ukraine's General Staff", "UKR-GS"),
    ("Ukraine's air force", "UKR-AF"),
    ("Ukrainian air force", "UKR-AF"),
    ("Britain's Defense Ministry", "GBR-MOD"),
    ("Israeli military", "ISR-IDF"),
    ("Gaza's civil defence agency", "gaza-civil-defence"),
    ("health officials in Gaza", "PSE-MOH"),
    ("Ukrainian intelligence sources", "UKR-GUR"),
    ("US military official", "USA-DOD"),
    ("a Pentagon official", "USA-DOD"),
    # words for the state itself
    ("US officials", "USA"),
    ("Ukrainian officials", "UKR"),
    ("the UK government", "GBR"),
    ("Spanish government", "ESP"),
    ("Sudan's government", "SDN"),
    ("Myanmar's military", "MMR"),
    ("U.S. official", "USA"),
]


@pytest.mark.parametrize(("text", "entity_id"), LOOKUPS)
def test_lookup(gaz: Gazetteer, text: str, entity_id: str) -> None:
    entity = gaz.lookup(text)
    assert entity is not None, text
    assert entity.id == entity_id


NOT_ENTITIES = [
    "war zone",  # "The War Zone" needs its title's "The"
    "Korean",  # either Korea
    "the North",  # depends on the story
    "Defence Ministry",  # a body: needs a country, see body()
    "Treasury",  # the US's or the UK's
    "state television",
    "HUR chief",  # a person known only from the article
    "Male soldiers",
    "",
]


@pytest.mark.parametrize("text", NOT_ENTITIES)
def test_lookup_finds_nothing(gaz: Gazetteer, text: str) -> None:
    assert gaz.lookup(text) is None


def test_capital_as_government_before_city_as_place(gaz: Gazetteer) -> None:
    assert [e.id for e in gaz.candidates("Moscow")] == ["RUS", "moscow"]
    assert [e.id for e in gaz.candidates("Kyiv")] == ["UKR", "kyiv"]
    assert gaz.candidates("nothing of the kind") == []


# --- the case and form rules ------------------------------------------------------------------

CASE_RULES = [
    # names in capitals match only in capitals
    ("AP", "AP"),
    ("ap", None),
    ("Ap", None),
    ("UN", "UN"),
    ("Un", None),
    ("us", None),
    ("NIS", "KOR-NIS"),
    ("nis", None),
    # other names match in any case and without accents...
    ("north korea", "PRK"),
    ("NORTH KOREA", "PRK"),
    ("RUSSIA", "RUS"),
    ("Bogotá", "COL"),
    ("Bogota", "COL"),
    ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
    ("Wladyslaw Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"),
    # ...except that one-word names never match an all-lowercase word
    ("russia", None),
    ("kremlin", None),
    ("turkey", None),
    ("Turkey", "TUR"),
    ("chad", None),
    ("guardian", None),
    ("Guardian", "GUARDIAN"),
    ("dpa", "DPA"),  # written in lowercase in the data
    # leading "the", possessives, curly quotes and dashes
    ("the Kremlin’s", "RUS"),
    ("North Korea’s", "PRK"),
    ("Reuters’", "REUTERS"),
    ("Guinea–Bissau", "GNB"),
    ("Democratic People’s Republic of Korea", "PRK"),
    ("  North   Korea ", "PRK"),
    ("The Kyiv Independent", "KYIV-INDEPENDENT"),
    ("Kyiv Independent", "KYIV-INDEPENDENT"),
]


@pytest.mark.parametrize(("text", "entity_id"), CASE_RULES)
def test_case_and_form_rules(gaz: Gazetteer, text: str, entity_id: str | None) -> None:
    entity = gaz.lookup(text)
    assert (entity.id if entity else None) == entity_id


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("AP", True), ("U.S.", True), ("G7", True), ("AFC/M23", True),
        ("MoD", False), ("Nato", False), ("dpa", False),
    ],
)
def test_case_sensitive(surface: str, expected: bool) -> None:
    assert case_sensitive(surface) is expected


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kim Jong Un", "kim-jong-un"),
        ("Lee Seong-kweun", "lee-seong-kweun"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Władysław Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"),
        ("Tigray People's Liberation Front", "tigray-peoples-liberation-front"),
        ("Gaza’s Health Ministry", "gazas-health-ministry"),
        ("St. Petersburg", "st-petersburg"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


# --- demonyms and bodies ----------------------------------------------------------------------

DEMONYMS = [
    ("North Korean", "PRK"),
    ("North Koreans", "PRK"),
    ("north korean", "PRK"),
    ("Russian", "RUS"),
    ("Russians", "RUS"),
    ("Russians'", "RUS"),
    ("Ukrainian", "UKR"),
    ("South Korean", "KOR"),
    ("American", "USA"),
    ("British", "GBR"),
    ("Israeli", "ISR"),
    ("Palestinians", "PSE"),
    ("Congolese", "COD"),
    ("Sudanese", "SDN"),
    ("South Sudanese", "SSD"),
    ("Emirati", "ARE"),
    ("Burmese", "MMR"),
    ("russian", None),
    ("Korean", None),
    ("Russia", None),
]


@pytest.mark.parametrize(("text", "entity_id"), DEMONYMS)
def test_demonym(gaz: Gazetteer, text: str, entity_id: str | None) -> None:
    entity = gaz.demonym(text)
    assert (entity.id if entity else None) == entity_id


BODIES = [
    # generic bodies take the country of context
    ("KOR", "Joint Chiefs of Staff", "KOR-JCS"),
    ("KOR", "JCS", "KOR-JCS"),
    ("RUS", "Defence Ministry", "RUS-MOD"),
    ("RUS", "defense ministry", "RUS-MOD"),
    ("UKR", "Defence Ministry", "UKR-MOD"),
    ("GBR", "Ministry of Defence", "GBR-MOD"),
    ("PSE", "health ministry", "PSE-MOH"),
    ("UKR", "General Staff", "UKR-GS"),
    ("RUS", "General Staff", "RUS-GS"),
    ("UKR", "air force", "UKR-AF"),
    ("FRA", "navy", "FRA-NAVY"),
    ("IRN", "Foreign Ministry", "IRN-MFA"),
    ("TWN", "Ministry of National Defense", "TWN-MOD"),
    # a specific organisation of that country wins over the generic body
    ("KOR", "National Intelligence Service", "KOR-NIS"),
    ("KOR", "intelligence service", "KOR-NIS"),
    ("KOR", "spy agency", "KOR-NIS"),
    ("KOR", "military", "KOR-JCS"),
    ("KOR", "military intelligence", "KOR-DIA"),
    ("KOR", "Defense Intelligence Agency", "KOR-DIA"),
    ("USA", "Defense Intelligence Agency", "USA-DIA"),
    ("UKR", "military intelligence", "UKR-GUR"),
    ("UKR", "intelligence", "UKR-GUR"),
    ("UKR", "military", "UKR-GS"),
    ("ISR", "military", "ISR-IDF"),
    ("ISR", "army", "ISR-IDF"),
    ("USA", "military", "USA-DOD"),
    ("USA", "Defense Ministry", "USA-DOD"),
    ("USA", "Treasury", "USA-TREASURY"),
    ("GBR", "Treasury", "GBR-HMT"),
    ("RUS", "Security Council", "RUS-SC"),
    ("JPN", "SDF", "JPN-SDF"),
    ("PRK", "state media", "KCNA"),
    ("MMR", "state television", "MRTV"),
    ("PSE", "civil defence", "gaza-civil-defence"),
    # words meaning the state itself
    ("USA", "officials", "USA"),
    ("ESP", "government", "ESP"),
    ("MMR", "military", "MMR"),
    ("MMR", "junta", "MMR"),
    # the country named in the text too
    ("KOR", "South Korea's spy agency", "KOR-NIS"),
    ("UKR", "General Staff of Ukraine", "UKR-GS"),
    ("KOR", "Joint Chiefs of Staff in Seoul", "KOR-JCS"),
    # role nouns after the body
    ("KOR", "intelligence officials", "KOR-NIS"),
    ("RUS", "Defence Ministry spokesman", "RUS-MOD"),
]


@pytest.mark.parametrize(("country", "text", "entity_id"), BODIES)
def test_body(gaz: Gazetteer, country: str, text: str, entity_id: str) -> None:
    entity = gaz.body(country, text)
    assert entity is not None
    assert entity.id == entity_id
    assert entity.country == country


@pytest.mark.parametrize(
    ("country", "text"),
    [
        ("KOR", "Pentagon"), ("RUS", "Kursk"), ("XYZ", "Defence Ministry"),
        ("kursk", "Defence Ministry"), ("RUS", ""),
    ],
)
def test_body_finds_nothing(gaz: Gazetteer, country: str, text: str) -> None:
    assert gaz.body(country, text) is None


def test_generic_body_entity(gaz: Gazetteer) -> None:
    navy = gaz.body("FRA", "navy")
    assert navy == Entity("FRA-NAVY", "body", "navy (France)", "FRA")
    assert gaz.get("FRA-NAVY") == navy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Defence Ministry", True),
        ("the defence ministry", True),
        ("Joint Chiefs of Staff", True),
        ("spy agency", True),
        ("officials", True),
        ("military", True),
        ("Kremlin", False),
        ("Pentagon", False),
        ("Russia's Defence Ministry", False),
    ],
)
def test_is_body_name(gaz: Gazetteer, text: str, expected: bool) -> None:
    assert gaz.is_body_name(text) is expected


@pytest.mark.parametrize(
    ("entity_id", "kind", "country"),
    [
        ("PRK", "country", "PRK"),
        ("KOR-NIS", "organisation", "KOR"),
        ("RUS-MOD", "organisation", "RUS"),
        ("UKR-MOD", "body", "UKR"),
        ("AP", "media", "USA"),
        ("UN", "international", None),
        ("kim-jong-un", "person", "PRK"),
        ("kursk", "place", "RUS"),
        ("hamas", "organisation", "PSE"),
    ],
)
def test_get(gaz: Gazetteer, entity_id: str, kind: str, country: str | None) -> None:
    entity = gaz.get(entity_id)
    assert entity is not None
    assert (entity.id, entity.kind, entity.country) == (entity_id, kind, country)


@pytest.mark.parametrize("entity_id", ["XYZ-MOD", "RUS-NOPE", "nobody", "", "rus"])
def test_get_unknown(gaz: Gazetteer, entity_id: str) -> None:
    assert gaz.get(entity_id) is None


def test_role(gaz: Gazetteer) -> None:
    assert gaz.role("volodymyr-zelensky") == "president of Ukraine"
    assert gaz.role("RUS") is None


# --- phrases for the PhraseMatcher ------------------------------------------------------------

def test_phrases_cover_the_data(gaz: Gazetteer) -> None:
    phrases = list(gaz.phrases())
    by_label = defaultdict(set)
    for surface, entity, label in phrases:
        by_label[label].add((surface, entity.id if entity else None))
    assert ("the Kremlin", "RUS") in by_label["ENTITY"]
    assert ("Kremlin", "RUS") in by_label["ENTITY"]
    assert ("Moscow", "RUS") in by_label["ENTITY"]
    assert ("Moscow", "moscow") in by_label["ENTITY"]
    assert ("North Korean", "PRK") in by_label["DEMONYM"]
    assert ("Defence Ministry", None) in by_label["BODY"]
    assert ("spy agency", None) in by_label["BODY"]
    # a PhraseMatcher does not fold accents: both spellings are given
    assert {("Erdoğan", "recep-tayyip-erdogan"), ("Erdogan", "recep-tayyip-erdogan")} <= by_label["ENTITY"]
    assert {("Bogotá", "COL"), ("Bogota", "COL")} <= by_label["ENTITY"]
    assert set(by_label) == {"ENTITY", "DEMONYM", "BODY"}


def test_every_phrase_resolves_back(gaz: Gazetteer) -> None:
    """What the matcher finds, lookup/demonym/is_body_name resolve to the same entity."""
    misses = []
    for surface, entity, label in gaz.phrases():
        if label == "ENTITY":
            ok = entity in gaz.candidates(surface)
        elif label == "DEMONYM":
            ok = gaz.demonym(surface) == entity
        else:
            ok = gaz.is_body_name(surface)
        if not ok:
            misses.append((surface, label, entity.id if entity else None))
    assert misses == []


# --- user files -------------------------------------------------------------------------------

USER_FILE = """
countries:
  - id: RUS
    names: [Rossiya]
    metonyms: [Staraya Ploshchad]
organisations:
  - id: KOR-NIS
    country: KOR
    names: [Gukjeongwon]
  - id: UKR-OPERATIONAL-COMMAND-EAST
    names: [Operational Command East]
  - id: my-monitor
    country: UKR
    names: [NIS]          # takes "NIS" from KOR-NIS: later files win within a section
bodies:
  - acronym: EDU
    names: [Education Ministry]
people:
  - id: kim-jong-un
    role: chairman
  - id: jane-doe
    country: GBR
    role: analyst
    names: [Jane Doe]
places:
  - id: kursk
    names: [Kursk Governorate]
"""


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    gaz = Gazetteer.load([path])
    # same id: names merged, the canonical name kept
    assert _id(gaz.lookup("Rossiya")) == "RUS"
    assert _id(gaz.lookup("Staraya Ploshchad")) == "RUS"
    assert _id(gaz.lookup("Russia")) == "RUS"
    assert gaz.get("RUS") == Entity("RUS", "country", "Russia", "RUS")
    assert _id(gaz.lookup("Kursk Governorate")) == "kursk"
    assert _id(gaz.lookup("Gukjeongwon")) == "KOR-NIS"
    assert _id(gaz.lookup("National Intelligence Service")) == "KOR-NIS"
    # a scalar field given later replaces the earlier one; names stay
    assert gaz.role("kim-jong-un") == "chairman"
    assert _id(gaz.lookup("Kim Jong Un")) == "kim-jong-un"
    # new entries, a state body's country taken from its id
    assert gaz.lookup("Operational Command East") == Entity(
        "UKR-OPERATIONAL-COMMAND-EAST", "organisation", "Operational Command East", "UKR"
    )
    assert _id(gaz.lookup("Jane Doe")) == "jane-doe"
    assert _id(gaz.body("UKR", "Education Ministry")) == "UKR-EDU"
    # a surface form claimed again by a later file goes to the later entry
    assert _id(gaz.lookup("NIS")) == "my-monitor"


def test_later_files_override_earlier_user_files(tmp_path: Path) -> None:
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    first.write_text("people:\n  - {id: jane-doe, names: [Jane Doe, JD Analyst]}\n", encoding="utf-8")
    second.write_text("people:\n  - {id: jane-roe, names: [JD Analyst]}\n", encoding="utf-8")
    gaz = Gazetteer.load([first, second])
    assert _id(gaz.lookup("JD Analyst")) == "jane-roe"
    assert _id(gaz.lookup("Jane Doe")) == "jane-doe"


def test_load_takes_one_path(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("places:\n  - {id: atlantis, names: [Atlantis]}\n", encoding="utf-8")
    assert _id(Gazetteer.load(path).lookup("Atlantis")) == "atlantis"
    assert _id(Gazetteer.load(str(path)).lookup("Atlantis")) == "atlantis"


def test_empty_user_file_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert _id(Gazetteer.load([path]).lookup("AP")) == "AP"


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("countries: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML") as err:
        Gazetteer.load([path])
    assert str(path) in str(err.value)


MALFORMED = [
    ("- just a list\n", "top level must be a mapping"),
    ("groups:\n  - {id: x, names: [X]}\n", "unknown section 'groups'"),
    ("people: {id: x}\n", "must be a list of entries"),
    ("people:\n  - just a name\n", "people[0]"),
    ("people:\n  - {names: [Nobody]}\n", "missing 'id'"),
    ("people:\n  - {id: 42, names: [Nobody]}\n", "missing 'id'"),
    ("people:\n  - {id: Jane Doe, names: [Jane Doe]}\n", "people[0] (Jane Doe): id 'Jane Doe'"),
    ("countries:\n  - {id: Ruritania, names: [Ruritania]}\n", "ISO 3166-1 alpha-3"),
    ("media:\n  - {id: my-outlet, names: [My Outlet]}\n", "upper-case acronym"),
    ("places:\n  - {id: atlantis}\n", "places[0] (atlantis): missing 'names'"),
    ("places:\n  - {id: atlantis, names: Atlantis}\n", "'names' must be a non-empty list"),
    ("places:\n  - {id: atlantis, names: []}\n", "'names' must be a non-empty list"),
    ("places:\n  - {id: atlantis, names: [Atlantis, 3]}\n", "'names' must be a non-empty list"),
    ("places:\n  - {id: atlantis, name: [Atlantis]}\n", "unknown field(s) name"),
    ("places:\n  - {id: atlantis, names: [Atlantis], country: XXX}\n", "country 'XXX' is not in"),
    ("places:\n  - {id: atlantis, names: [Atlantis], country: Greece}\n", "must be an ISO 3166-1"),
    ("people:\n  - {id: jane-doe, names: [Jane Doe], role: [analyst]}\n", "'role' must be a string"),
    ("organisations:\n  - {id: KOR-ABC, country: PRK, names: [ABC]}\n", "starts with its country"),
    ("organisations:\n  - {id: XXX-ABC, names: [ABC]}\n", "prefix 'XXX'"),
    ("organisations:\n  - {id: KOR-ABC, names: [ABC], bodies: [NOPE]}\n", "['NOPE']"),
    ("bodies:\n  - {names: [Education Ministry]}\n", "acronym"),
    ("bodies:\n  - {acronym: edu, names: [Education Ministry]}\n", "acronym"),
    ("bodies:\n  - {acronym: EDU, means_country: true, names: [x]}\n", "not both"),
    ("places:\n  - {id: atlantis, names: [A]}\n  - {id: atlantis, names: [A]}\n", "appears twice"),
    ("places:\n  - {id: kursk-2, names: [X]}\npeople:\n  - {id: kursk-2, names: [Y]}\n", "also used by"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_file(raw: dict, text: str, message: str) -> None:
    # What load() does after reading the files, without parsing the packaged file again.
    with pytest.raises(ConfigError) as err:
        Gazetteer([("claimledger/data/gazetteer.yaml", raw), ("mine.yaml", yaml.safe_load(text))])
    assert str(err.value).startswith("mine.yaml: ")
    assert message in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        Gazetteer.load([tmp_path / "nowhere.yaml"])


# --- the packaged data: ids, surface forms, coverage ------------------------------------------

ISO3 = r"[A-Z]{3}"
ACRONYM = r"[A-Z0-9]+(?:-[A-Z0-9]+)*"
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SPEC_ID_PATTERNS = {
    "countries": ISO3,
    "organisations": rf"{ISO3}-{ACRONYM}|{SLUG}",
    "international": ACRONYM,
    "media": ACRONYM,
    "people": SLUG,
    "places": SLUG,
}
ENTITY_SECTIONS = tuple(SPEC_ID_PATTERNS)


def test_ids_follow_the_spec(raw: dict) -> None:
    """spec/claims.md "Entity ids": the whole file, checked apart from the loader's own checks."""
    bad = []
    for section, pattern in SPEC_ID_PATTERNS.items():
        for entry in raw[section]:
            if not re.fullmatch(pattern, entry["id"]):
                bad.append((section, entry["id"]))
    for entry in raw["bodies"]:
        if "acronym" in entry and not re.fullmatch(ACRONYM, entry["acronym"]):
            bad.append(("bodies", entry["acronym"]))
    assert bad == []


def test_state_body_ids_start_with_their_country(raw: dict) -> None:
    bad = [
        e["id"]
        for e in raw["organisations"]
        if re.fullmatch(rf"{ISO3}-{ACRONYM}", e["id"]) and e.get("country", e["id"][:3]) != e["id"][:3]
    ]
    assert bad == []


def test_slug_ids_are_slugs_of_a_name(raw: dict) -> None:
    """People, places and non-state organisations: the id is the slug of one of their names."""
    bad = []
    for section in ("organisations", "people", "places"):
        for e in raw[section]:
            if re.fullmatch(SLUG, e["id"]) and e["id"] not in {slugify(n) for n in e["names"]}:
                bad.append(e["id"])
    assert bad == []


def test_ids_are_unique(raw: dict) -> None:
    ids = [e["id"] for section in ENTITY_SECTIONS for e in raw[section]]
    assert len(ids) == len(set(ids))
    acronyms = [e["acronym"] for e in raw["bodies"] if "acronym" in e]
    assert len(acronyms) == len(set(acronyms))


# Surface forms that deliberately name two entities of one section: none so far.
# "Congo" and "Congolese" go to the DR Congo only; "RSF" to the Rapid Support
# Forces; "SDF", "ADF", "CSIS", "IAF" to one entity, with the others reaching
# them as local names of their country.
DELIBERATE_DUPLICATES: dict[tuple[str, str], set[str]] = {}


def test_no_surface_form_names_two_entities_of_a_section(raw: dict) -> None:
    duplicates = {}
    for section in ENTITY_SECTIONS:
        for fields in (("names", "metonyms"), ("demonyms",)):
            owners = defaultdict(set)
            for e in raw[section]:
                for f in fields:
                    for surface in e.get(f, []):
                        for key in match_keys(surface):
                            owners[key].add(e["id"])
            duplicates.update({(section, k): ids for k, ids in owners.items() if len(ids) > 1})
    assert duplicates == DELIBERATE_DUPLICATES


def test_generic_body_names_are_distinct(raw: dict) -> None:
    owners = defaultdict(set)
    for e in raw["bodies"]:
        for surface in e["names"]:
            for key in match_keys(surface):
                owners[key].add(e.get("acronym", "=country"))
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY
SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN
IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV
MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA PRK MKD NOR OMN
PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR
ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()


def test_every_un_member_and_more(raw: dict) -> None:
    assert len(set(UN_MEMBERS)) == 193
    ids = {e["id"] for e in raw["countries"]}
    assert set(UN_MEMBERS) | {"PSE", "TWN", "XKX"} <= ids


@pytest.mark.parametrize(
    ("section", "minimum"),
    [("media", 60), ("people", 80), ("places", 100), ("international", 40), ("organisations", 100)],
)
def test_coverage(raw: dict, section: str, minimum: int) -> None:
    assert len(raw[section]) >= minimum


@pytest.mark.parametrize(
    "entity_id",
    # every id that spec/claims.md names
    [
        "PRK", "RUS", "UKR", "KOR", "USA", "KOR-JCS", "KOR-NIS", "UKR-GUR", "USA-DOD", "UKR-MOD",
        "AP", "REUTERS", "AFP", "YONHAP", "KCNA", "UN", "NATO", "CALIBER-AZ",
        "kim-jong-un", "lee-seong-kweun", "kursk", "donetsk", "gaza",
    ],
)
def test_spec_ids_exist(gaz: Gazetteer, entity_id: str) -> None:
    assert gaz.get(entity_id) is not None
