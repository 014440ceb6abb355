"""A time on the saying dates the statement, not the period counted (extract/claims.py `_period`,
extract/statement.py).

spec/claims.md: the period comes from time words that modify the counted events, "not the date of the
statement". Hand-written sentences; each row runs the whole extractor and reads the period and the
`stated` day of the claim found by its quantity expression. The report is published on Thursday
27 March 2025.
"""
from __future__ import annotations

import pytest

from claimledger.pipeline import Extractor
from test_statement import claim_at  # one-paragraph reports published on Thursday 27 March 2025


@pytest.mark.parametrize("text, words, period, stated", [
    # a day opening the sentence, on the verb of saying, when what is said is a count of others' deaths
    ("On Tuesday, the provincial health office said 35 villagers had died of cholera.", "35",
     (None, None), "2025-03-25"),
    # ... but the day of the speaker's own act, which it reports as it happens
    ("On Tuesday, the army said it had killed 35 militants in the hills.", "35",
     ("2025-03-25", "2025-03-25"), None),
    # a figure the speech verb puts, with the parser hanging "at" and the day on the participles of the
    # counted noun: the day is the putting's
    ("The police chief put the number of protesters killed or injured at 120 on Wednesday.", "120",
     (None, None), "2025-03-26"),
    # the time inside the words that name what is put at a figure is the time counted
    ("A coastguard review puts the number of drownings along the coast last year at 410.", "410",
     ("2024-01-01", "2024-12-31"), None),
    # "alone" marks the time as the part counted, wherever the parser hangs it
    ("The border guard said 9,000 people had crossed into the country on Tuesday alone.", "9,000",
     ("2025-03-25", "2025-03-25"), None),
    ("On Monday alone, he says, the hospital admitted 30 children with burns.", "30",
     ("2025-03-24", "2025-03-24"), None),
])
def test_time_of_saying_is_not_the_period(extractor: Extractor, text: str, words: str,
                                          period: tuple[str | None, str | None], stated: str | None) -> None:
    claim = claim_at(extractor, text, words)
    assert (claim.period_start, claim.period_end) == period
    assert claim.stated == stated


@pytest.mark.parametrize("text, words, stated", [
    # the message through which the source speaks carries the day
    ("The provincial health office said in a statement on Tuesday that 35 villagers had died of cholera.", "35",
     "2025-03-25"),
    ("In a briefing on Monday, the governor said 35 villagers had died of cholera.", "35", "2025-03-24"),
    ("In its bulletin on Monday, the relief agency counted 35 deaths.", "35", "2025-03-24"),
])
def test_a_dated_message_dates_the_statement(extractor: Extractor, text: str, words: str, stated: str) -> None:
    claim = claim_at(extractor, text, words)
    assert (claim.period_start, claim.period_end, claim.stated) == (None, None, stated)
