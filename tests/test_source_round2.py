"""Source attribution, second round: whose voice a figure is in, by the grammar and the layout.

Hand-written reports, one row per behaviour:

- a past participle after a noun is passive: "the deaths recorded on each
  route" are what was recorded, not who speaks;
- a thing made by someone speaks for its maker: "data compiled by X", "an
  exit poll conducted by X", "filings made by the company" (the participle's
  agent), also where a parenthetical comma stands before the verb;
- each row of a list that the parser runs into one sentence keeps its own
  attribution, before the attribution of the list's lead-in;
- a body named only by its words ("the harbour authority said") is the "it"
  of the next sentence;
- a speech verb with an auxiliary and a lost subject ("..., the Port Police
  has said") still finds the name before it;
- a body's own act states its figure (C30): an appeal for money, a state
  body's arrests and recoveries; "valued its stake at" states a figure;
- a gapped report verb gives each later name its own figure ("Kenya reported
  21 cases, Uganda 14");
- a place or country that "records" cases is where they happened, not who
  counts them;
- a written name goes on with "in" and a proper name ("... in Laos") and
  stops before a bracket the tagger ran into it;
- in a transcript, a speaker's "we" and "our figures" are the speaker's;
- a participle ("saying") takes the subject of the first of the joined verbs
  it hangs on;
- what a body does "in a statement" it says;
- a speech verb in a "though" clause speaks for its own clause only;
- "by our tally" is the publisher's own count.
"""
from __future__ import annotations

import pytest

from test_source_general import at, claims_of, source_words  # the first round's report helpers

# (report, figure, words that must name the source, words that must not)
REPORTS = [
    pytest.param(
        "River crossings in figures\n\n"
        "Data published by the International Organization for Migration, as of 30 April, show the following "
        "deaths recorded on each river crossing this year:\n\n"
        "- Upper crossing: 312 deaths\n"
        "- Lower crossing: 95 deaths\n\n"
        "Crossings resumed in May.",
        "95", "international organization for migration", "deaths",
        id="a past participle is passive; a subject that names its own source keeps it past a comma"),
    pytest.param(
        "Vote count\n\n"
        "Voting has ended, and the exit poll carried out by Statwise for the Herald, the BBC and ITV projects "
        "a narrow win for the Greens. The projected seat totals are:\n\n"
        "Green Party 88\n"
        "Blue Party 71",
        "88", "statwise", "bbc",
        id="the poll's maker speaks, not its clients"),
    pytest.param(
        "Carmaker trims its staff\n\n"
        "Harlow Motors confirmed a round of cuts on Monday. Filings made by the company under the state's "
        "notice law show the following numbers of posts to go:\n\n"
        "Ohio (two plants): 1,240\n"
        "Texas (Austin): 310\n\n"
        "The union called the cuts a betrayal.",
        "310", "company", "notice law",
        id="filings made by the company are the company's"),
    pytest.param(
        "The year in outages, in numbers\n\n"
        "Here are the main figures from the year's outages:\n\n"
        "- 2,300: homes left without power in March, the grid operator said\n"
        "- 740: complaints received by the regulator, according to the consumer council\n"
        "- 56: engineers sent from abroad, the energy ministry said",
        "740", "consumer council", "grid operator",
        id="each row of a list keeps its own attribution"),
    pytest.param(
        "Ferry sinks near the harbour\n\n"
        "The harbour authority said 14 passengers had died when the ferry sank. Thirty people survived, it "
        "said, of whom nine were in hospital.\n\n"
        "Divers resumed the search at dawn.",
        "Thirty", "harbour authority", "",
        id="a body named only by its words is the it of the next sentence"),
    pytest.param(
        "Officers reach the coast\n\n"
        "A further 180 officers landed in Port Kessel on Sunday to join the coastal mission, the Kessel "
        "National Police Service has said.\n\n"
        "More will follow.",
        "180", "kessel national police service", "",
        id="a speech verb with an auxiliary finds the name before it"),
    pytest.param(
        "Flood relief\n\n"
        "The rains flattened whole districts in the south last week. The United Nations launched an "
        "emergency appeal for $48 million on Tuesday to help the worst-hit families.\n\n"
        "Roads remain closed.",
        "$48 million", "united nations", "",
        id="an appeal for money is its body's statement"),
    pytest.param(
        "Smuggling ring broken up\n\n"
        "The smugglers had used fishing boats for years. In the weeks after the raid, the country's Federal "
        "Investigation Agency arrested at least 23 suspected organisers.\n\n"
        "Trials begin in autumn.",
        "at least 23", "federal investigation agency", "",
        id="a state body's arrests are its own count"),
    pytest.param(
        "Shipyard order\n\n"
        "In a filing on the same day, Nordwerft valued its share of the contract at 2.1 billion euros.\n\n"
        "Work starts next year.",
        "2.1 billion", "nordwerft", "",
        id="valuing a stake at a figure states it"),
    pytest.param(
        "Outbreak\n\n"
        "Health officials in Kenya have reported 21 cases, Uganda 14 and Tanzania three.\n\n"
        "Clinics are overwhelmed.",
        "14", "uganda", "kenya",
        id="a gapped report verb gives the later name its figure"),
    pytest.param(
        "Fever cases rise\n\n"
        "Uganda has recorded 41 confirmed cases since the outbreak began, nine of them fatal, Health Minister "
        "Jane Achieng said on Monday.\n\n"
        "Schools stay open.",
        "41", "jane achieng", "uganda",
        id="a country that records cases is where they happened, not who counts them"),
    pytest.param(
        "Cleanup in the hills\n\n"
        "The Department of Mine Clearance in Laos said its teams cleared 312 bomblets in May.\n\n"
        "Funding runs out in July.",
        "312", "department of mine clearance in laos", "",
        id="a name goes on with 'in' and a proper name"),
    pytest.param(
        "Briefing transcript\n\n"
        "REPORTER: How many have you reached?\n\n"
        "MOREAU: We have reached at least 4,000 families with food so far.\n\n"
        "REPORTER: And the rest?\n\n"
        "MOREAU: We hope to reach them next month.",
        "at least 4,000", "moreau", "",
        id="in a speaker's turn, 'we' is the speaker"),
    pytest.param(
        "Strikes on the capital\n\n"
        "President Anna Kovac thanked her allies for the new batteries on Friday and repeated her call for "
        "more, saying the enemy had fired more than 600 drones at the capital in a week.\n\n"
        "Sirens sounded again at night.",
        "more than 600", "anna kovac", "",
        id="a participle's subject is that of the first joined verb"),
    pytest.param(
        "Prisoners swapped\n\n"
        "The Northland border agency, which oversaw the exchange, set out the details in a statement: 14 "
        "prisoners were driven north and nine went south.\n\n"
        "Families waited at the crossing.",
        "14", "northland border agency", "",
        id="what a body sets out in a statement it says"),
    pytest.param(
        "Budget\n\n"
        "The republic's official defence budget this year is 90 billion crowns, though Western analysts "
        "believe actual spending is far higher.\n\n"
        "Parliament votes next week.",
        "90 billion", "", "analysts",
        id="a speech verb in a 'though' clause speaks for its own clause only"),
    pytest.param(
        "Arms sales\n\n"
        "The agency published four notices this month. By our tally, the four notices are worth about "
        "$3.2 billion.\n\n"
        "More are expected.",
        "about $3.2 billion", "", "agency",
        id="by our tally is the publisher's own count"),
]


@pytest.mark.parametrize("report,figure,words,not_words", REPORTS)
def test_source(extractor, report, figure, words, not_words):
    claim = at(claims_of(extractor, report), figure)
    said = source_words(claim)
    if words:
        assert words in said, said
    else:
        assert claim.source is None, said
    if not_words:
        assert not_words not in said, said


def test_a_body_own_thing_that_asks_is_not_the_body(extractor):
    """'The UN's appeal seeks $6bn': the appeal, not the body, is the subject; the rule leaves it alone."""
    claim = at(claims_of(extractor, "Aid plans\n\nThe farmers' appeal for the valley seeks $9 million, "
                                    "the most it has ever sought.\n\nDonors meet next week."), "$9 million")
    assert claim.source is None


def test_a_year_stays_in_a_name_a_figure_does_not(extractor):
    """The written name of a gapped speaker stops before its figure ("Uganda", not "Uganda 14")."""
    claim = at(claims_of(extractor, "Outbreak\n\nHealth officials in Kenya have reported 21 cases, Uganda 14 "
                                    "and Tanzania three.\n\nClinics are overwhelmed."), "14")
    assert "14" not in (claim.names.get(claim.source or "") or "")
