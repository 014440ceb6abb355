"""Actor on hand-written reports, round 3: what the parse says about whose people and things a figure counts.

Each row is a short report written for these tests and the actor of one of its claims, found by its
quantity expression. The rows pin rules that follow the grammar rather than any one report's words:
things counted inside a phrase of other parties are not the verb subject's; a possessive pronoun
stands for the speaker of its clause; a relative pronoun that lost soldiers is the side it hangs on;
a state agency acts for its state (spec v1.3); a side carries on to the next figure of the same fate
(the harmed to the harmed, not captives to the dead); people to be reached or helped take no side
from what came before; and a party the gazetteer does not know is named by its whole proper name.
"""
from __future__ import annotations

import pytest

from test_extract import claim_at, extract

ROWS = [
    # the countries the troops come from are beside the verb's action: the mission does nothing to them
    ("The UN mission has 10,000 troops from 50 countries.", "50", None),
    # the whole a part is taken from is not the subject's: the navy rescued 30, not the 45
    ("Chile's navy rescued 30 of the 45 sailors aboard the ferry.", "45", None),
    ("Chile's navy rescued 30 of the 45 sailors aboard the ferry.", "30", "CHL"),
    # "its" is the speaker of the reported clause
    ("Bolivia says 300 of its troops have been sent to the border.", "300", "BOL"),
    # a state agency acts for its state (spec v1.3)
    ("Ukraine's State Emergency Service deployed 400 rescuers to Kharkiv.", "400", "UKR"),
    # the relative pronoun that lost them is the country it hangs on, not the country named most
    ("Peru's army has pushed into the border zone, Peruvian officials said. Chile, which lost 14 soldiers in "
     "the clashes last month, is under pressure to withdraw.", "14", "CHL"),
    # the dead go with the dead before them, not with the captives taken in between
    ("Sudan's army said 50 of its soldiers were killed in the battle. The army captured 30 Ethiopian fighters "
     "on Monday. At least 200 civilians were killed in the assault, medics said.", "At least 200", "SDN"),
    # people an aid plan means to reach take no side from the report's earlier figures
    ("Fighting in Sudan's capital killed 40 soldiers of the army, the ministry said. Aid groups hope to reach "
     "2 million people by December.", "2 million", None),
    # a party's whole proper name, though the parser's entity holds only its last word
    ("The Liberal Democrats won 72 seats.", "72", "liberal-democrats"),
    ("The Social Democrats took 120 seats.", "120", "social-democrats"),
]


@pytest.mark.parametrize("text,quote,actor", ROWS)
def test_actor_from_the_parse(extractor, text, quote, actor):
    assert claim_at(extract(extractor, text), quote).actor == actor


@pytest.mark.parametrize("text,quote,actor,words", [
    ("The Liberal Democrats won 72 seats.", "72", "liberal-democrats", "Liberal Democrats"),
    ("The Greens won 85 seats in the regional vote.", "85", "greens", "Greens"),
])
def test_a_party_the_gazetteer_does_not_know_has_its_words_in_names(extractor, text, quote, actor, words):
    """Spec v1.3: every id a claim uses has its words in `names`, a slug made from the text's words too."""
    claim = claim_at(extract(extractor, text), quote)
    assert claim.actor == actor and claim.names[actor] == words
