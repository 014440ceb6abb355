"""When a figure was stated, and whether it is an earlier stage or a projection of a count (extract/statement.py).

Hand-written sentences, one table per thing pinned: the statement's date in its
several forms (and none where the text gives none), earlier stages of a count
(and figures that only look like them), projections (and plans, which are not).
Each row runs the whole extractor and reads one field of the claim found by its
quantity expression. The report is published on Thursday 27 March 2025.
"""
from __future__ import annotations

import pytest

from claimledger.models import Claim, Document
from claimledger.pipeline import Extractor

PUBLISHED = "2025-03-27"  # a Thursday



def claim_at(extractor: Extractor, text: str, words: str) -> Claim:
    """The claim whose quantity expression is `words` in a one-paragraph report of `text`."""
    claims = extractor.extract(Document(id="s", text=text, published=PUBLISHED, publisher="REUTERS"))
    for c in claims:
        if c.text == words:
            return c
    raise AssertionError(f"no claim at {words!r}; claims at {[c.text for c in claims]}")


# -- stated: the day the source made the statement -------------------------------------------------

@pytest.mark.parametrize("text, words, stated", [
    # a weekday on the speech verb: the latest one not after publication
    ("The health ministry said on Monday that 40 people had died in the floods.", "40", "2025-03-24"),
    ("The refugee agency said yesterday that 3,500 people had crossed the border.", "3,500", "2025-03-26"),
    # "last week" is the publication date less seven days
    ("Rescuers had pulled 15 survivors from the rubble, the civil defence agency told reporters last week.", "15",
     "2025-03-20"),
    # a part of a month is one day of it: late → the 25th, mid → the 15th; a bare past month → its 15th
    ("In late December, the army estimated that about 1,100 of its soldiers had been wounded.", "about 1,100",
     "2024-12-25"),
    ("The interior ministry's update in mid-March put the number of arrests at 230.", "230", "2025-03-15"),
    ("In November the defence ministry estimated that 8,000 troops were stationed on the border.", "8,000",
     "2024-11-15"),
    # a report noun dated by its month, or by the day it came out
    ("The coastguard's February figures put the number of arrivals at about 900.", "about 900", "2025-02-15"),
    ("A report published on March 3 put the number of displaced families at 12,000.", "12,000", "2025-03-03"),
    # the period counted (January and February) is not the day of the statement (March 25)
    ("Militants fired 60 rockets at the town in January and February, the army said on March 25.", "60",
     "2025-03-25"),
    # the earlier stage of a count carries the time given with it, not the later statement's
    ("The coastguard now counts 41 people missing, up from 29 on Sunday.", "29", "2025-03-23"),
])
def test_statement_dates(extractor: Extractor, text: str, words: str, stated: str) -> None:
    assert claim_at(extractor, text, words).stated == stated


@pytest.mark.parametrize("text, words", [
    # nothing dates the statement: the publication date stands
    ("About 70 people were killed in the attack, police said.", "About 70"),
    ("The ministry says 2,000 homes were destroyed by the storm.", "2,000"),
    # a time of the events counted, not of a statement
    ("The coastguard rescued 300 migrants last week.", "300"),
    ("Arrivals reached 5,200 in 2024, up from 3,900 in 2023.", "5,200"),
    # the new figure of a change is not dated by the time of the old one
    ("The coastguard now counts 41 people missing, up from 29 on Sunday.", "41"),
])
def test_no_statement_date(extractor: Extractor, text: str, words: str) -> None:
    assert claim_at(extractor, text, words).stated is None


def test_the_period_stays_what_was_counted(extractor: Extractor) -> None:
    claim = claim_at(extractor, "Militants fired 60 rockets at the town in January and February, the army said on "
                                "March 25.", "60")
    assert (claim.period_start, claim.period_end, claim.stated) == ("2025-01-01", "2025-02-28", "2025-03-25")


# -- earlier: an earlier stage of a count that has changed since -----------------------------------

@pytest.mark.parametrize("text, words, earlier", [
    # an adverb on the verb that stated it, with "had"; "initially" in any tense
    ("The regional governor had earlier put the number of injured at 35.", "35", True),
    ("The agency initially reported 18 deaths.", "18", True),
    # the "from" end of a change; the "to" end is the count now
    ("The toll rose from 20 to 58 overnight, officials said.", "20", True),
    ("The toll rose from 20 to 58 overnight, officials said.", "58", False),
    ("The coastguard now counts 41 people missing, up from 29 on Sunday.", "29", True),
    ("The coastguard now counts 41 people missing, up from 29 on Sunday.", "41", False),
    # an earlier adjective on the count noun that holds or gives the figure
    ("Officials said 52 people had died, revising down an earlier count of 64.", "64", True),
    ("Officials said 52 people had died, revising down an earlier count of 64.", "52", False),
    ("The previous estimate of 9,000 displaced was raised to 12,500 on Friday.", "9,000", True),
    ("The previous estimate of 9,000 displaced was raised to 12,500 on Friday.", "12,500", False),
    ("Last month's figure was 400 arrests; police now report 650.", "400", True),
    ("Last month's figure was 400 arrests; police now report 650.", "650", False),
    # a figure said to have been revised since
    ("The hospital said 14 patients were discharged, a figure it has since revised up.", "14", True),
    # a past moment with no day on the verb that stated it: a stage of the story the report tells
    ("On the first morning, firefighters told reporters that 12 people had been found dead.", "12", True),
    ("In the opening hours the port authority said 30 crew members were missing.", "30", True),
    # a time the sentence looks back to, given by a "when" clause
    ("The army has not updated its losses since the spring, when it said 900 soldiers had died.", "900", True),
])
def test_earlier_stages(extractor: Extractor, text: str, words: str, earlier: bool) -> None:
    assert claim_at(extractor, text, words).earlier is earlier


@pytest.mark.parametrize("text, words", [
    # said earlier in the day, and still the count
    ("The ministry said earlier on Monday that 30 people had died.", "30"),
    # a year before is another period's count, not an earlier stage of this one
    ("Arrivals reached 5,200 in 2024, up from 3,900 in 2023.", "3,900"),
    # "from" that says where, not how much before
    ("The charity has raised $2 million from 15,000 donors.", "15,000"),
    ("Police said 12 people were arrested.", "12"),
    # a moment of a day the text names is that day's statement, not an earlier stage
    ("The prefecture said on Sunday evening that 14 people had been confirmed dead.", "14"),
    # the time of what was counted, not of the statement
    ("Firefighters said 12 people died on the first morning of the blaze.", "12"),
])
def test_not_earlier(extractor: Extractor, text: str, words: str) -> None:
    assert claim_at(extractor, text, words).earlier is False


# -- projection: what a count could, will or is expected to reach ----------------------------------

@pytest.mark.parametrize("text, words", [
    ("Officials warned that the death toll could reach 2,000.", "2,000"),
    ("The number of displaced people will likely exceed 50,000, the agency said.", "50,000"),
    ("The toll is expected to rise to 300 as rescuers reach remote villages.", "300"),
    ("Exit polls projected 310 seats for the ruling party.", "310"),
    ("The weather service forecasts that 1,200 homes could be flooded by Sunday.", "1,200"),
    # a count still to be known, under a modal
    ("The governor feared the final toll would be close to 500.", "close to 500"),
])
def test_projections(extractor: Extractor, text: str, words: str) -> None:
    assert claim_at(extractor, text, words).projection is True


def test_a_feared_flight_is_a_plan_of_its_own_not_a_count_of_the_displaced(extractor: Extractor) -> None:
    """Spec v1.3: any count expected for the future is `planned`, whatever the action; a plan is its own
    quantity, so the figure stays out of the displaced count's estimates without a projection mark."""
    c = claim_at(extractor, "Aid groups fear that up to 80,000 people may flee the fighting.", "up to 80,000")
    assert (c.measure, c.projection) == ("planned", False)


@pytest.mark.parametrize("text, words", [
    # a plan is a quantity of its own (measure planned), never a projection
    ("Germany will send 12,000 troops to the border, the minister said.", "12,000"),
    ("Kyiv and Moscow are expected to exchange 300 prisoners on Friday.", "300"),
    # an uncertain past and today's uncertain count are not projections either (a capacity, "the stadium can
    # hold 60,000", is no claim at all: tests/test_detect_round7.py)
    ("As many as 400 people may have died in the collapse.", "As many as 400"),
    ("The city's dead could number 7,000, the mayor said.", "7,000"),
    ("The rebels could still hold 40 hostages, officials said.", "40"),
    # a count
    ("The toll reached 2,000 on Tuesday.", "2,000"),
])
def test_not_projections(extractor: Extractor, text: str, words: str) -> None:
    assert claim_at(extractor, text, words).projection is False


def test_a_live_report_dates_each_entry_by_its_stamp(extractor: Extractor) -> None:
    """A live report's "HH:MM -" stamps give each entry's statement its time of day on the publication date,
    where the entry's own words give no date; one stamp alone is not a live report."""
    text = ("Ferry sinking: live\n\n09:15 - Rescuers say 11 bodies found\n\nRescuers said 11 bodies had been found.\n\n"
            "14:40 - Toll rises\n\nThe coastguard said 26 people were now confirmed dead.\n\n"
            "16:05 - Police statement\n\nPolice said on Wednesday that 4 crew members had been detained.")
    claims = extractor.extract(Document(id="live", text=text, published=PUBLISHED, publisher="REUTERS"))
    stated = {c.text: c.stated for c in claims if c.start > text.index("Rescuers said")}
    assert stated["11"] == f"{PUBLISHED}T09:15"
    assert stated["26"] == f"{PUBLISHED}T14:40"
    assert stated["4"] == "2025-03-26"  # the words date it: the stamp does not
    one = extractor.extract(Document(id="one", text="09:15 - Rescuers said 11 bodies had been found.",
                                     published=PUBLISHED, publisher="REUTERS"))
    assert [c.stated for c in one] == [None]


def test_a_plan_keeps_its_measure(extractor: Extractor) -> None:
    claim = claim_at(extractor, "Germany will send 12,000 troops to the border, the minister said.", "12,000")
    assert (claim.measure, claim.projection) == ("planned", False)


def test_each_field_set_names_its_words(extractor: Extractor) -> None:
    claim = claim_at(extractor, "The regional governor had earlier put the number of injured at 35, and said on "
                                "Monday the toll could reach 60.", "60")
    assert claim.projection and claim.cues["projection"] == "could reach"
    assert claim.stated == "2025-03-24" and claim.cues["stated"] == "on Monday"


# -- the word lists are data, extensible by a user's lexicon file ----------------------------------

def test_a_user_lexicon_extends_the_statement_words(tmp_path) -> None:
    from claimledger.errors import ConfigError
    from claimledger.extract.lexicon import Lexicon

    extra = tmp_path / "mine.yaml"
    extra.write_text("statement:\n  growth_verbs: [skyrocket]\n", encoding="utf-8")
    lex = Lexicon.load(extra)
    assert {"skyrocket", "reach"} <= lex.statement.growth_verbs
    extra.write_text("statement:\n  growth_verb: [skyrocket]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="growth_verbs"):
        Lexicon.load(extra)
