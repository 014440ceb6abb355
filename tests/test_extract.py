"""The extractor on hand-written sentences: one table per pattern family of spec/claims.md.

Each row is a sentence (news style, written for these tests) and the fields of
one claim in it, found by its quantity expression. A row the extractor gets
wrong today stays in its table as an expected failure (`miss`), strict, with the
reason in one line: the list of those reasons is the extractor's to-do list,
and a fix shows up as an XPASS that asks for the mark to be removed.

Accuracy over real articles is not asserted here but in the evaluation gate,
tests/test_quality.py.
"""
from __future__ import annotations

from typing import Any

import pytest

from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor

PUBLISHED = "2025-03-27"  # a Thursday: "on Thursday" is that day, "last week" 2025-03-20..27
PUBLISHER = "REUTERS"



def extract(extractor: Extractor, text: str, publisher: str = PUBLISHER) -> list[Claim]:
    """Claims of one document; a first paragraph followed by a blank line is its title, as ingest gives it."""
    title = text.split("\n\n", 1)[0] if "\n\n" in text else None
    doc = Document(id="t", text=text, published=PUBLISHED, publisher=publisher, title=title)
    return extractor.extract(doc)


def claim_at(claims: list[Claim], text: str) -> Claim:
    """The first claim whose quantity expression is `text`."""
    for c in claims:
        if c.text == text:
            return c
    raise AssertionError(f"no claim at {text!r}; claims at {[c.text for c in claims]}")


def fields(claim: Claim, expected: dict[str, Any]) -> dict[str, Any]:
    return {k: getattr(claim, k) for k in expected}


def miss(reason: str, *row: Any) -> Any:
    """A row the extractor gets wrong today: kept, expected to fail, and to be fixed."""
    return pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=reason))


def number(value: float | None = None, low: float | None = None, high: float | None = None, *,
           approx: bool = False, bound: str = "=", vague: bool = False, **more: Any) -> dict[str, Any]:
    """All the fields of the figure itself, so that a row pins each of them."""
    return {"value": value, "low": low, "high": high, "approx": approx, "bound": bound, "vague": vague,
            **more}


# --- the figure: value, bounds, hedges, ranges, vague amounts, money ------------------------------

QUANTITIES = [
    # plain, hedged and bounded figures
    ("The ministry said 3,412 soldiers had died in the fighting.", "3,412", number(3412)),
    ("Roughly 8,000 troops were moved to the front, officials said.",
     "Roughly 8,000", number(8000, approx=True)),
    ("At least 45 civilians were killed in the strike on the market.", "At least 45", number(45, bound=">=")),
    ("More than 1,200 people were evacuated from the town, the governor said.", "More than 1,200",
     number(1200, bound=">")),
    ("Up to 300 fighters may have crossed the river, the army said.", "Up to 300", number(300, bound="<=")),
    ("Fewer than 20 tanks remain with the brigade, its commander said.",
     "Fewer than 20", number(20, bound="<")),
    ("Nearly 900 prisoners were exchanged on Saturday.", "Nearly 900", number(900, approx=True)),
    ("An estimated 40,000 residents have fled the city.", "An estimated 40,000", number(40000, approx=True)),
    ("As many as 5,000 troops could be sent, the minister said.",
     "As many as 5,000", number(5000, bound="<=")),
    ("Close to 2,500 engineers arrived in the port, officials said.",
     "Close to 2,500", number(2500, approx=True)),
    ("Over 150 shells landed on the village, residents said.", "Over 150", number(150, bound=">")),
    ("Upwards of 2,000 people attended the funeral.", "Upwards of 2,000", number(2000, bound=">")),
    ("At most 60 soldiers remain in the village, the commander said.", "At most 60", number(60, bound="<=")),
    ("Under 100 civilians are left in the town.", "Under 100", number(100, bound="<")),
    # a verb sets the bound but stays outside the span
    ("The death toll from the shelling has topped 500, the health ministry said.",
     "500", number(500, bound=">")),
    ("Kyiv says Russian losses in the war have surpassed 700,000 soldiers.",
     "700,000", number(700000, bound=">")),
    # ranges: one claim, low and high, no value
    ("Between 10,000 and 12,000 soldiers are stationed in the region, the ministry said.",
     "Between 10,000 and 12,000", number(low=10000, high=12000)),
    ("Officials estimated that 2,000 to 3,000 fighters were killed.",
     "2,000 to 3,000", number(low=2000, high=3000)),
    ("Some 11,000-12,000 troops are in the area, the Pentagon said.", "Some 11,000-12,000",
     number(low=11000, high=12000, approx=True)),
    ("Three or four drones struck the fuel depot overnight.", "Three or four", number(low=3, high=4)),
    # vague amounts: no number
    ("Thousands of residents fled across the border on Sunday.", "Thousands", number(vague=True)),
    ("Dozens of drones were shot down over the capital.", "Dozens", number(vague=True)),
    ("Several hundred soldiers were wounded in the assault, the army said.",
     "Several hundred", number(vague=True)),
    ("Pyongyang has shipped a significant number of artillery shells to Moscow.", "a significant number",
     number(vague=True)),
    ("Hundreds of thousands of people remain without power.", "Hundreds of thousands", number(vague=True)),
    # number words
    ("About two dozen fighters surrendered on Monday, the brigade said.", "About two dozen",
     number(24, approx=True)),
    ("Some 1.5 million people have left the region since the war began.", "Some 1.5 million",
     number(1_500_000, approx=True)),
    ("Half a million shells were delivered last year, the report said.", "Half a million", number(500_000)),
    ("Seventeen sailors were missing after the ship sank.", "Seventeen", number(17)),
    # money: whole units of the currency; a conversion in brackets is a second claim
    ("Washington pledged $2bn in air-defence funding on Tuesday.", "$2bn",
     number(2e9, item="dollar", category="money")),
    ("The EU approved €480m ($500m) for ammunition purchases.",
     "€480m", number(480e6, item="euro", category="money")),
    ("The EU approved €480m ($500m) for ammunition purchases.", "$500m",
     number(500e6, item="dollar", category="money")),
    ("Britain will provide £1.2bn for drone production, the defence ministry said.", "£1.2bn",
     number(1.2e9, item="pound", category="money")),
    ("The package is worth $2.5 billion, officials said.", "$2.5 billion",
     number(2.5e9, item="dollar", category="money")),
    ("Germany has committed over 21 billion euros in military support.", "over 21 billion",
     number(21e9, bound=">", item="euro", category="money")),
    # a currency's letters written onto the amount, as some feeds print "A$", "£" and "¥"
    ("The foundation paid $A1,250,000 to the families, its filings show.", "$A1,250,000",
     number(1.25e6, item="dollar", category="money")),
    ("The council paid PS48,500 in compensation to the households, it said.", "PS48,500",
     number(48500, item="pound", category="money")),
    ("The fund sent Y36,000 to each survivor, the prefecture said.", "Y36,000",
     number(36000, item="yen", category="money")),
]


@pytest.mark.parametrize("sentence, span, expected", QUANTITIES)
def test_quantity(extractor, sentence, span, expected):
    assert fields(claim_at(extract(extractor, sentence), span), expected) == expected


# --- what is counted: the head noun's lemma and its category -------------------------------------

ITEMS = [
    ("Russian strikes damaged 14 health centres in the region last month.", "14",
     {"item": "centre", "category": "other"}),
    ("North Korea has supplied about 220 units of rocket launchers to Russia.", "about 220",
     {"item": "launcher", "category": "weapon"}),
    ("North Korean troops numbering 11,000 are in Russia.", "11,000",
         {"item": "troop", "category": "personnel"}),
    ("North Korea has sent 1,000 construction workers to Russia.", "1,000",
     {"item": "worker", "category": "personnel"}),
    ("Ukraine has received 31 Abrams tanks from the United States.",
     "31", {"item": "tank", "category": "weapon"}),
    ("The Netherlands will send 18 howitzers to Ukraine.", "18", {"item": "howitzer", "category": "weapon"}),
    ("Russia fired 40 ballistic missiles at Kyiv overnight.",
     "40", {"item": "missile", "category": "munition"}),
    ("North Korea has shipped 1 million artillery shells to Russia.", "1 million",
     {"item": "shell", "category": "munition"}),
    ("Ukraine's air force said it shot down 52 Shahed drones overnight.", "52",
     {"item": "drone", "category": "munition"}),
    ("Pyongyang shipped 12,000 containers of munitions to Russia, Seoul said.",
     "12,000", {"item": "container"}),
    ("Norway will deliver six fighter jets to Ukraine next year.",
     "six", {"item": "jet", "category": "aircraft"}),
    ("Russia lost 24 helicopters in the first year of the war, analysts said.", "24",
     {"item": "helicopter", "category": "aircraft"}),
    ("The strike destroyed three Su-34 bombers on the airfield.",
     "three", {"item": "bomber", "category": "aircraft"}),
    ("Sweden is sending 50 armoured vehicles to Kyiv.", "50", {"item": "vehicle", "category": "vehicle"}),
    ("At least 12 civilians were killed in the attack on the city.", "At least 12",
     {"item": "civilian", "category": "casualty"}),
    ("More than 6 million refugees have left Ukraine, the UN refugee agency said.", "More than 6 million",
     {"item": "refugee", "category": "people"}),
    ("Some 19,000 children have been deported to Russia, Kyiv says.", "Some 19,000",
     {"item": "child", "category": "people"}),
    ("Kyiv said its forces had taken 2,500 prisoners of war during the incursion.", "2,500",
     {"item": "prisoner", "category": "casualty"}),
    # no noun after the figure: the noun it refers to, here the toll's deaths
    ("The death toll rose to 57, the regional governor said.",
     "57", {"item": "death", "category": "casualty"}),
    ("Some 40 countries attended the talks in Ramstein.",
     "Some 40", {"item": "country", "category": "other"}),
    ("A drone hit a residential block, killing four people and injuring 11 others.", "11",
         {"item": "person", "category": "casualty"}),
]


@pytest.mark.parametrize("sentence, span, expected", ITEMS)
def test_item_and_category(extractor, sentence, span, expected):
    assert fields(claim_at(extract(extractor, sentence), span), expected) == expected


# --- what happened to the counted things ---------------------------------------------------------

TALLY = ("The agency gave this tally on Friday:\n\n- Homes destroyed: 1,240\n- People evacuated: 8,300\n"
         "- Schools closed: 64")
FLEEING = ("More than 300,000 people have fled the fighting, the UN refugee agency said. Chad has taken in "
           "120,000 refugees, and 45,000 people have crossed into Egypt.")

MEASURES = [
    # deployed
    ("North Korea has deployed some 11,000 troops to Russia's Kursk region.", "some 11,000", "deployed"),
    ("Pyongyang sent 3,000 soldiers to Russia in January, Seoul said.", "3,000", "deployed"),
    ("The United States keeps about 28,500 troops stationed in South Korea.", "about 28,500", "deployed"),
    # planned: a future, a plan, a readiness, a headline's "to send"
    ("North Korea will send 6,000 military engineers to Kursk, a Russian official said.", "6,000", "planned"),
    ("Pyongyang plans to deploy 1,500 more troops to Russia, Seoul's spy agency said.", "1,500", "planned"),
    ("France is prepared to send 2,000 soldiers to Ukraine after a ceasefire.", "2,000", "planned"),
    ("North Korea to send 6,000 workers to Russia\n\nThe workers will help rebuild the Kursk region, "
     "Russian state media said.", "6,000", "planned"),
    # killed, wounded, both
    ("A missile strike on the city centre killed 23 people, officials said.", "23", "killed"),
    ("Russia said 30 Ukrainian soldiers died in the failed assault.", "30", "killed"),
    ("The overnight attack injured 31 people, the regional governor said.", "31", "wounded"),
    ("Some 80 soldiers were wounded in the shelling.", "Some 80", "wounded"),
    ("Around 4,000 North Korean soldiers have been killed or wounded, Seoul said.", "Around 4,000",
     "killed_or_wounded"),
    ("Russia has suffered more than 700,000 casualties since the invasion, Kyiv says.", "more than 700,000",
     "killed_or_wounded"),
    # captured, missing, released
    ("Ukrainian forces captured two North Korean soldiers in the Kursk region.", "two", "captured"),
    ("Some 50 Russian servicemen were taken prisoner near the village.", "Some 50", "captured"),
    ("Police detained 15 protesters outside the parliament.", "15", "captured"),
    ("Police arrested 40 people at the rally.", "40", "captured"),
    ("More than 3,000 Ukrainian soldiers are missing in action, the ombudsman said.",
     "More than 3,000", "missing"),
    ("17 sailors remain missing after the ship sank, the navy said.", "17", "missing"),
    ("Russia and Ukraine swapped 175 prisoners each on Wednesday.", "175", "released"),
    ("Ukraine brought home 84 prisoners of war in the latest exchange.", "84", "released"),
    ("Hamas freed three hostages on Saturday.", "three", "released"),
    ("Kyiv said 1,000 bodies had been repatriated from Russia.", "1,000", "released"),
    # transferred
    ("The Netherlands delivered 18 howitzers to Ukraine last month.", "18", "transferred"),
    ("North Korea has supplied more than 1 million artillery shells to Russia.", "more than 1 million",
     "transferred"),
    # launched
    ("Russia fired 40 ballistic missiles at Kyiv overnight.", "40", "launched"),
    ("Moscow sent 147 drones against Ukrainian cities overnight.", "147", "launched"),
    ("Ukraine launched 337 drones at Russian regions, the defence ministry in Moscow said.",
     "337", "launched"),
    ("The bridge was hit by 12 drones, the governor said.", "12", "launched"),
    # destroyed, damaged
    ("Ukraine's air force said it shot down 52 drones overnight.", "52", "destroyed"),
    ("Air defences intercepted 12 of the missiles, the military said.", "12", "destroyed"),
    ("Ukrainian troops destroyed five Russian tanks near Pokrovsk.", "five", "destroyed"),
    ("Ukraine has sunk 28 Russian warships since the invasion began.", "28", "destroyed"),
    ("The strike damaged 30 apartment buildings, the mayor said.", "30", "damaged"),
    # pledged
    ("Germany pledged $400m in military aid to Ukraine.", "$400m", "pledged"),
    ("Allies promised 10 air-defence systems for Kyiv at the summit.", "10", "pledged"),
    ("The US Congress approved $61bn for Ukraine in April.", "$61bn", "pledged"),
    # displaced
    ("More than 1,200 people fled the town as Russian troops advanced.", "More than 1,200", "displaced"),
    ("Some 30,000 residents have been forced from their homes by the fighting.", "Some 30,000", "displaced"),
    ("Authorities evacuated 4,000 children from frontline villages.", "4,000", "displaced"),
    # other
    ("Tens of thousands of protesters rallied in Tbilisi on Sunday.", "Tens of thousands", "other"),
    ("Israel said 1,200 trucks of aid crossed into Gaza last week.", "1,200", "other"),
    ("The blockade has cost 3,000 jobs in the port.", "3,000", "other"),
    ("The tank plant employs 2,000 workers, the company said.", "2,000", "other"),
    ("The union represents 40,000 workers at the plant, its leader said.", "40,000", "other"),
    # what a reporting verb says of its subject; the dead counted as identified victims (spec v1.3)
    ("The health agency said 460 patients were reported killed at the hospital.", "460", "killed"),
    ("Of the 179 victims, 174 have been identified so far, the ministry said.", "174", "killed"),
    # a part is counted the way its whole is
    ("The flood killed 140 people, among them 35 children, the governor said.", "35", "killed"),
    ("The monitors recorded 610 civilian deaths since the start of the siege, including 42 children, and 1,300 "
     "people hurt.", "42", "killed"),
    # a bare figure after a counted one stands for the same thing ("Kent 21, Essex 14")
    ("The state has confirmed 80 flood deaths. Officials in Kent have reported 21, Essex 14.", "21", "killed"),
    ("The state has confirmed 80 flood deaths. Officials in Kent have reported 21, Essex 14.", "14", "killed"),
    ("The state has confirmed 80 flood deaths.\n\nOfficials in Kent have reported 21.", "21", "other"),
    # list items and table rows: their label, their column, never another line of the block
    (TALLY, "1,240", "destroyed"),
    (TALLY, "8,300", "displaced"),
    (TALLY, "64", "other"),
    ("The ministry published the deaths by region:\n\nRegion | Deaths\nNorth | 120\nSouth | 45", "45", "killed"),
    # money asked for is not promised; cash seized is captured; an amount weighed is counted too
    ("The UN appeal seeks $120 million for the region, the agency said.", "$120 million", "other"),
    ("Officers seized £3m in cash during the raids, police said.", "£3m", "captured"),
    ("Customs officers seized 8 tonnes of cocaine at the port, the agency said.", "8", "captured"),
    # things ordered under a contract are still to come
    ("Warsaw signed a contract for 96 Apache helicopters worth $10bn, the defence ministry said.", "96",
     "planned"),
    # people received or crossing a border, in a report about people fleeing
    (FLEEING, "120,000", "displaced"),
    (FLEEING, "45,000", "displaced"),
    # ... but people given something are neither displaced nor freed
    ("Thousands have fled the fighting. The agency said it had provided shelter to about 45,000 people since "
     "January.", "about 45,000", "other"),
]


@pytest.mark.parametrize("sentence, span, measure", MEASURES)
def test_measure(extractor, sentence, span, measure):
    assert claim_at(extract(extractor, sentence), span).measure == measure


# --- who, to whom, where -------------------------------------------------------------------------

PARTIES = [
    # people merely counted have no side (spec: actor is who does it or owns the things); people harmed do
    ("Lebanon's health ministry said 120 voters queued at the school in Tyre.", "120", {"actor": None}),
    # who estimates a figure is its source, not its actor; money asked for has no payer yet
    ("Moody's Analytics put the property damage at $20 billion.", "$20 billion", {"actor": None}),
    ("The World Food Programme appealed for $105 million to feed families in Lebanon.", "$105 million",
     {"actor": None}),
    # victims of wrecks, heat and the ordnance a war left belong to no side
    ("A boat capsized off Lampedusa in Italy and 41 people drowned, the coastguard said.", "41", {"actor": None}),
    ("Unexploded ordnance killed 19 people in Laos last year, the authority said.", "19", {"actor": None}),
    ("North Korea sent 3,000 troops to Russia in January.", "3,000", {"actor": "PRK", "recipient": "RUS"}),
    ("Pyongyang has deployed 11,000 soldiers in the Kursk region.",
     "11,000", {"actor": "PRK", "location": "kursk"}),
    ("Around 4,000 North Korean soldiers have been killed or wounded.", "Around 4,000",
     {"actor": "PRK", "recipient": None}),
    ("Russian forces fired 40 missiles at Ukraine overnight.", "40", {"actor": "RUS", "recipient": "UKR"}),
    ("Ukrainian air defences shot down 52 Russian drones.", "52", {"actor": "RUS"}),
    ("Germany pledged $400m in military aid to Ukraine.", "$400m", {"actor": "DEU", "recipient": "UKR"}),
    ("Ukraine has received 31 Abrams tanks from the United States.",
         "31", {"actor": "USA", "recipient": "UKR"}),
    ("Sweden is sending 50 armoured vehicles to Kyiv.", "50", {"actor": "SWE", "recipient": "UKR"}),
    ("Iran has delivered 200 ballistic missiles to Russia.", "200", {"actor": "IRN", "recipient": "RUS"}),
    ("Ukrainian forces captured two North Korean soldiers in Kursk.",
     "two", {"actor": "PRK", "location": "kursk"}),
    ("Some 1,500 Ukrainian soldiers were killed in the Donetsk region last month.", "Some 1,500",
     {"actor": "UKR", "location": "donetsk"}),
    ("At least 20 people were killed in Israeli strikes on Gaza City.", "At least 20",
     {"location": "gaza-city"}),
    ("A Russian strike killed 23 people in Kharkiv on Tuesday.", "23", {"location": "kharkiv"}),
    ("An earthquake killed 150 people in central Myanmar.", "150", {"actor": None}),
    ("The Kremlin said 120 Ukrainian drones were downed over Russian territory.", "120", {"actor": "UKR"}),
    ("Russia lost 12 tanks in combat near Vuhledar.", "12",
         {"actor": "RUS", "recipient": None, "location": "vuhledar"}),
    ("Kim Jong Un has sent 3,000 troops to Russia.", "3,000", {"actor": "PRK", "recipient": "RUS"}),
    ("North Korean troops numbering 11,000 are in Russia.", "11,000", {"actor": "PRK"}),
]


@pytest.mark.parametrize("sentence, span, expected", PARTIES)
def test_actor_recipient_location(extractor, sentence, span, expected):
    assert fields(claim_at(extract(extractor, sentence), span), expected) == expected


# --- the period the counted events cover, resolved against the publication date -----------------

PERIODS = [
    ("North Korea sent 3,000 more troops to Russia in January and February, Seoul said.", "3,000",
         ("2025-01-01", "2025-02-28")),
    ("Russia launched more than 2,000 missiles at Ukraine in 2024.",
     "more than 2,000", ("2024-01-01", "2024-12-31")),
    ("Russia fired 64 missiles at Ukraine in December.", "64", ("2024-12-01", "2024-12-31")),
    ("Russia fired 1,050 drones at Ukraine last week, Zelensky said.", "1,050", ("2025-03-20", "2025-03-27")),
    ("In the past seven days, Russia has dropped 900 glide bombs on Ukraine.",
     "900", ("2025-03-20", "2025-03-27")),
    ("A strike on Tuesday killed 14 people in Sumy.", "14", ("2025-03-25", "2025-03-25")),
    ("On Thursday, a drone attack wounded 9 people in Kherson.", "9", ("2025-03-27", "2025-03-27")),
    ("Yesterday, shelling killed 6 people in Nikopol.", "6", ("2025-03-26", "2025-03-26")),
    ("On March 3, Russian shelling killed 11 people in Dnipro.", "11", ("2025-03-03", "2025-03-03")),
    ("Ukrainian forces shot down 80 drones overnight.", "80", ("2025-03-26", "2025-03-27")),
    ("Some 1.5 million people have fled their homes since October, the UN said.", "Some 1.5 million",
     ("2024-10-01", "2025-03-27")),
    ("So far this year, 312 civilians have been killed in the region.", "312", ("2025-01-01", "2025-03-27")),
    ("Since the start of the year, 410 civilians have died in the region.",
         "410", ("2025-01-01", "2025-03-27")),
    # vague times, no time words, and a date that only dates the statement
    ("In mid-March, Russia launched 200 drones at Odesa.", "200", (None, None)),
    ("Dozens of civilians have been killed in recent weeks.", "Dozens", (None, None)),
    ("Early this year, Pyongyang sent 3,000 troops to Russia.", "3,000", (None, None)),
    ("North Korea has sent 11,000 troops to Russia, officials said.", "11,000", (None, None)),
    ("The Pentagon said on Thursday that 10,000 North Korean troops are in Russia.", "10,000", (None, None)),
]


@pytest.mark.parametrize("sentence, span, period", PERIODS)
def test_period(extractor, sentence, span, period):
    c = claim_at(extract(extractor, sentence), span)
    assert (c.period_start, c.period_end) == period


# --- running totals and additions -----------------------------------------------------------------

TOTALS = [
    # cumulative: only an explicit cue
    ("North Korea has deployed some 11,000 troops in total.", "some 11,000", (True, False)),
    ("So far, 312 civilians have been killed in the region.", "312", (True, False)),
    ("Since October, 4,000 North Korean soldiers have been killed or wounded.", "4,000", (True, False)),
    ("The death toll from the strike rose to 57, officials said.", "57", (True, False)),
    ("To date, Germany has delivered 58 Leopard tanks to Ukraine.", "58", (True, False)),
    ("Ukraine has already received 12 F-16 jets, the defence minister said.", "12", (True, False)),
    ("Russia fired 40 missiles at Kyiv overnight.", "40", (False, False)),
    ("In a single night, Israeli jets struck 120 targets in all across Lebanon.", "120", (False, False)),
    # incremental: an addition to an earlier figure of the same quantity
    ("Pyongyang sent 3,000 additional troops to Russia.", "3,000", (False, True)),
    ("Rescuers recovered another 90 bodies from the rubble on Friday.", "90", (False, True)),
    ("Washington will send four more Patriot systems to Kyiv.", "four", (False, True)),
    ("The EU approved an additional €5bn for ammunition.", "€5bn", (False, True)),
    # "another" with a different measure is not an addition
    ("At least 100 people were killed and another 1,000 wounded.", "1,000", (False, False)),
]


@pytest.mark.parametrize("sentence, span, flags", TOTALS)
def test_cumulative_and_incremental(extractor, sentence, span, flags):
    c = claim_at(extract(extractor, sentence), span)
    assert (c.cumulative, c.incremental) == flags


# --- whose voice: source and relay chain -----------------------------------------------------------

ATTRIBUTION = [
    # X said; according to X; X told <publisher>
    ("REUTERS", "North Korea has sent 10,000 troops to Russia, the Pentagon said.",
     "10,000", {"source": "USA-DOD", "via": []}),
    ("REUTERS", "According to South Korea's National Intelligence Service, 1,100 North Korean soldiers "
                "have been killed or wounded.",
     "1,100", {"source": "KOR-NIS", "via": []}),
    ("REUTERS", "Ukrainian military intelligence told Reuters that 12,000 North Korean troops were in Kursk.",
     "12,000", {"source": "UKR-GUR", "via": []}),
    ("YONHAP", "Ukrainian military intelligence told Reuters that 12,000 North Korean troops were in Kursk.",
     "12,000", {"source": "UKR-GUR", "via": ["REUTERS"]}),
    ("YONHAP", "The Pentagon said 10,000 North Korean troops were in Russia, according to Reuters.",
     "10,000", {"source": "USA-DOD", "via": ["REUTERS"]}),
    ("REUTERS", "Ukraine's military intelligence said 12,000 North Korean troops were in Kursk.",
         "12,000", {"source": "UKR-GUR", "via": []}),
    # named people: the source when they state a figure, in via when they pass one on
    ("REUTERS", "Pentagon spokesman Pat Ryder said 10,000 North Korean soldiers were training in eastern "
                "Russia.",
     "10,000", {"source": "pat-ryder", "via": []}),
    ("KYIV-INDEPENDENT", "President Volodymyr Zelensky said Russia had launched 1,050 drones at Ukraine "
                         "this week.",
     "1,050", {"source": "volodymyr-zelensky", "via": []}),
    ("REUTERS", "Lee Seong-kweun said the NIS told lawmakers that 1,100 North Korean soldiers had been "
                "killed or wounded.",
     "1,100", {"source": "KOR-NIS", "via": ["lee-seong-kweun"]}),
    ("YONHAP", "Lawmaker Lee Seong-kweun, briefed by the National Intelligence Service, told reporters "
                   "that about 300 North Korean soldiers had been killed.",
         "about 300", {"source": "KOR-NIS", "via": ["lee-seong-kweun"]}),
    # relays: citing, a reporting outlet, a dateline credit
    ("KOREA-HERALD", "Yonhap reported, citing the National Intelligence Service, that 3,000 North Korean "
                     "troops had been sent to Russia.",
     "3,000", {"source": "KOR-NIS", "via": ["YONHAP"]}),
    ("CALIBER-AZ", "Newsweek reported, citing the Associated Press, that South Korea's Joint Chiefs of Staff "
                   "said 3,000 troops had been sent to Russia.",
     "3,000", {"source": "KOR-JCS", "via": ["NEWSWEEK", "AP"]}),
    ("CALIBER-AZ", "SEOUL (AP) — South Korea's Joint Chiefs of Staff said Thursday that North Korea sent "
                       "about 3,000 more troops to Russia.",
         "about 3,000", {"source": "KOR-JCS", "via": ["AP"]}),
    ("AP", "SEOUL (AP) — South Korea's Joint Chiefs of Staff said Thursday that North Korea sent "
               "about 3,000 more troops to Russia.",
         "about 3,000", {"source": "KOR-JCS", "via": []}),
    ("CALIBER-AZ", "KYIV (AP) — Ukraine's air force said Russia launched 147 drones overnight.",
     "147", {"source": "UKR-AF", "via": ["AP"]}),
    ("REUTERS", "Citing satellite images, the Institute for the Study of War said 300 Russian vehicles had "
                "been destroyed.",
     "300", {"source": "ISW", "via": []}),
    # the publisher's own voice; unnamed sources
    ("REUTERS", "Russia launched more than 200 drones at Ukraine this week.",
     "more than 200", {"source": None, "via": []}),
    ("REUTERS", "Kim Jong Un has sent 3,000 troops to Russia.",
         "3,000", {"source": None, "via": []}),
    ("REUTERS", "About 500 soldiers were killed in the battle, officials said.",
     "About 500", {"source": "anonymous", "via": []}),
    ("REUTERS", "Sources said 40 of the drones had been intercepted.",
     "40", {"source": "anonymous", "via": []}),
    ("REUTERS", "US officials said 8,000 North Korean troops had moved to the Kursk region.",
     "8,000", {"source": "USA", "via": []}),
    ("REUTERS", "A Pentagon official said 10,000 North Korean troops had arrived in Russia.",
     "10,000", {"source": "USA-DOD", "via": []}),
    ("REUTERS", "Ukrainian intelligence sources said 11,000 North Korean troops were in Kursk.",
     "11,000", {"source": "UKR-GUR", "via": []}),
    # a title takes its own attribution
    ("YONHAP", "Seoul says North Korea sent 3,000 more troops to Russia\n\nNorth Korea sent about 3,000 "
               "additional troops to Russia in January and February, the Joint Chiefs of Staff said.",
     "3,000", {"source": "KOR", "via": []}),
]


@pytest.mark.parametrize("publisher, text, span, expected", ATTRIBUTION)
def test_source_and_via(extractor, publisher, text, span, expected):
    assert fields(claim_at(extract(extractor, text, publisher=publisher), span), expected) == expected


SPEAKER_NAMES = [
    # the whole noun phrase the report names the speaker with, as written (spec v1.3 `names`)
    ("German prosecutors said 14 suspects had been arrested.", "14", "German prosecutors"),
    ("Kenya's national disaster agency said 2,300 people had been moved to camps.", "2,300",
     "Kenya's national disaster agency"),
    # a body of its own, not the organisation or the country it belongs to
    ("The European Union's naval mission said three sailors were killed.", "three",
     "The European Union's naval mission"),
    ("Morocco was hit by the quake on Friday. The interior ministry said 2,012 people had died.", "2,012",
     "The interior ministry"),
    # a report noun speaks for its owner
    ("The interior ministry's latest update put the death toll at 1,300.", "1,300", "The interior ministry"),
]


@pytest.mark.parametrize("text, span, name", SPEAKER_NAMES)
def test_speaker_named_by_its_whole_noun_phrase(extractor, text, span, name):
    claim = claim_at(extract(extractor, text), span)
    assert claim.source is not None and claim.names.get(claim.source) == name


def test_an_unnamed_body_is_first_the_known_body_of_the_country_that_spoke(extractor):
    """"the spy agency" after South Korea's NIS spoke is the NIS, not a new body of the country named last."""
    claim = claim_at(extract(extractor, "South Korea's National Intelligence Service said 2,000 North Korean "
                                        "soldiers had been killed. In April, the spy agency had put the toll at "
                                        "around 600."), "around 600")
    assert claim.source == "KOR-NIS"


def test_an_outlets_short_name_inside_a_longer_name_is_not_the_outlet(extractor):
    """"The National" is a newspaper in the gazetteer; "the National Cyber Security Centre" is not it."""
    claim = claim_at(extract(extractor, "According to the National Cyber Security Centre, 204 incidents were "
                                        "handled this year."), "204")
    assert claim.source == "national-cyber-security-centre"


@pytest.mark.parametrize("text, span, person", [
    ('Halima Yusuf walked to Adre in May with two of her children. "Nine of us set out from the city," she said.',
     "Nine", "halima-yusuf"),
    ('Grace Mwangi reached Kakuma last month with her sister. "We were 12 when we left home," she said.', "12",
     "grace-mwangi"),
])
def test_she_is_the_person_the_sentence_before_is_about(extractor, text, span, person):
    """"she said" is the last person who was a subject, not a town the tagger took for a name."""
    assert claim_at(extract(extractor, text), span).source == person


def test_a_table_speaks_for_whoever_spoke_before_it(extractor):
    """"The table below" is the last speaker's, not a source of its own."""
    said = claim_at(extract(extractor, "Oxfam said on Monday that 300 wells had dried up. The table below "
                                       "shows 40 towns were flooded."), "40")
    assert said.source == "OXFAM" or said.names.get(said.source) == "Oxfam"


# --- not claims: numbers that count nothing ---------------------------------------------------------

NON_CLAIMS = [
    # dates, years, times
    ("North Korean troops crossed into Russia on March 14, the ministry said.", "March 14"),
    ("The armistice of 1953 ended the fighting of the Korean War.", "1953"),
    ("The fighting of 1950-1953 left the peninsula divided.", "1950-1953"),
    ("Russia began its full-scale invasion in 2022.", "2022"),
    ("The missile hit the station at 3:40 a.m. on Sunday.", "3:40"),
    # ages
    ("The captured soldier, aged 26, said he had been sent to Kursk.", "26"),
    ("A 19-year-old conscript was among the 12 dead.", "19-year-old"),
    # calibers, models, names
    ("Ukraine received 50,000 155mm shells from the Czech initiative.", "155mm"),
    ("Pyongyang also sent 240mm multiple rocket launchers.", "240mm"),
    ("Pyongyang also shipped 170 millimeter howitzers to Russia.", "170"),
    ("Two Su-34 bombers were shot down over the region.", "Su-34"),
    ("Norway delivered its first F-16 jets to Ukraine.", "F-16"),
    ("The Kh-101 missile was fired from a Tu-95 bomber.", "Kh-101"),
    ("NATO has never invoked Article 5 over Ukraine.", "5"),
    # ordinals
    ("The 47th Mechanised Brigade repelled the assault near the village.", "47th"),
    ("It was the first major engagement between the two armies.", "first"),
    # percentages, multipliers, distances, durations
    ("Food prices rose 12% in the occupied territories.", "12%"),
    ("Turnout was 40 percent in the occupied areas, officials said.", "40 percent"),
    ("Russian troops advanced 1.5 times faster than a year earlier.", "1.5 times"),
    ("Roughly a third of the corps has been killed or wounded, the report said.", "a third"),
    ("One in every 67 residents has left the city.", "67"),
    ("The village lies 30 kilometres from the front line.", "30"),
    ("Three years of war have devastated the region.", "Three"),
    ("The ceasefire will last for 30 days.", "30"),
    # street numbers, also of a street of several names
    ("The drone hit a building at 14 Khreshchatyk Street.", "14"),
    ("The ranch at 212 Lone Pine Creek Road was sold last year.", "212"),
    # a model's number beside the count of the things: "two 737 Max jets"
    ("The carrier took delivery of three new 320 Neo jets in March.", "320"),
]


@pytest.mark.parametrize("sentence, span", NON_CLAIMS)
def test_not_a_claim(extractor, sentence, span):
    start = sentence.index(span)
    end = start + len(span)
    overlapping = [c.text for c in extract(extractor, sentence) if c.start < end and start < c.end]
    assert overlapping == []
