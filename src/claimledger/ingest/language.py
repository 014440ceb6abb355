"""Tell English text from text in other languages, so that ingest keeps only English reports.

The extractor reads English; a French or Chinese report run through it gives junk
claims. The test is a stop-word count: for each language jusText has a stop-word list
for (about 90, from Wikipedia word counts; jusText comes with trafilatura), the share
of the text's words that are on that language's list. The language with the largest
share is what the text reads as. It is small, offline and, on news text, clear-cut:
English reports score 0.40 or more on the English list and under 0.1 on any other;
French, German or Spanish ones score over 0.4 on their own list and under 0.2 on the
English one.

- The English words are taken out of every other language's list first: lists drawn
  from Wikipedia carry English ("the", "of") in some languages (Marathi, Nepali), and
  would otherwise tie with English on English text.
- A text of fewer than `MIN_WORDS` words is not judged: a headline, a caption or a
  one-line report is kept as English.
- Another language wins only clearly: a share of at least `CLEAR_SHARE` and
  `OTHER_MARGIN` times English's. Names and units hit other lists by chance ("sen"
  and "RM" in a Malaysian market report are Finnish stop words), and such a text
  stays English.
- A text in Latin letters that no list fits (a string of headlines, a table of
  names) is kept, its language undetermined; one mostly in another script that no
  list fits (Chinese, Japanese, Thai) is not English and is skipped.

What it hands on: `check_english(document)` gives the Document with its `language`
set, or an IngestError to report in its place.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass

import justext

from claimledger.errors import IngestError
from claimledger.models import Document

MIN_WORDS = 20  # fewer words than this: too short to judge, kept as English
MIN_SHARE = 0.1  # a text reads as a language when this share of its words are its stop words
CLEAR_SHARE = 0.2  # ... and another language wins over English only with this share
OTHER_MARGIN = 2.0  # and this many times English's share
_MAX_WORDS = 2000  # the first 2,000 words tell as well as the whole of a long text

# jusText's stop-word lists by their ISO 639-1 code. Lists of languages with no such code
# (Asturian, Cebuano, Lombard, Neapolitan...) are left out; Serbo-Croatian is covered
# by Serbian, Croatian and Bosnian.
_CODES = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Aragonese": "an", "Armenian": "hy",
    "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be", "Belarusian_Taraskievica": "be",
    "Bengali": "bn", "Bosnian": "bs", "Breton": "br", "Bulgarian": "bg", "Catalan": "ca",
    "Chuvash": "cv", "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl",
    "English": "en", "Esperanto": "eo", "Estonian": "et", "Finnish": "fi",
    "French": "fr", "Galician": "gl", "Georgian": "ka", "German": "de", "Greek": "el",
    "Gujarati": "gu", "Haitian": "ht", "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu",
    "Icelandic": "is", "Ido": "io", "Igbo": "ig", "Indonesian": "id", "Irish": "ga",
    "Italian": "it", "Javanese": "jv", "Kannada": "kn", "Kazakh": "kk", "Korean": "ko",
    "Kurdish": "ku", "Kyrgyz": "ky", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt",
    "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms", "Malayalam": "ml", "Maltese": "mt",
    "Marathi": "mr", "Nepali": "ne", "Norwegian_Bokmal": "nb", "Norwegian_Nynorsk": "nn",
    "Occitan": "oc", "Persian": "fa", "Polish": "pl", "Portuguese": "pt", "Quechua": "qu",
    "Romanian": "ro", "Russian": "ru", "Serbian": "sr", "Simple_English": "en", "Slovak": "sk",
    "Slovenian": "sl", "Spanish": "es", "Sundanese": "su", "Swahili": "sw", "Swedish": "sv",
    "Tagalog": "tl", "Tamil": "ta", "Telugu": "te", "Turkish": "tr", "Turkmen": "tk",
    "Ukrainian": "uk", "Urdu": "ur", "Uzbek": "uz", "Vietnamese": "vi", "Volapuk": "vo",
    "Walloon": "wa", "Welsh": "cy", "West_Frisian": "fy", "Western_Panjabi": "pa", "Yoruba": "yo",
}
# A language's name for messages: the first jusText list with its code ("Norwegian Bokmal").
_NAMES = {code: name.replace("_", " ") for name, code in reversed(_CODES.items())}

_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: numbers and punctuation are not words


@dataclass(frozen=True)
class Reading:
    """What a text reads as."""

    words: int  # the words looked at
    code: str | None  # ISO 639-1 code of the language read; None when too short or no language fits
    english: float  # the share of the words that are English stop words
    foreign_script: bool = False  # most words are not in Latin letters, and no list fits (Chinese, Thai)

    @property
    def judged(self) -> bool:
        return self.words >= MIN_WORDS


def read_language(text: str) -> Reading:
    """The language `text` reads as, by the share of its words on each language's stop-word list."""
    words = [m.group().lower() for m in itertools.islice(_WORD.finditer(text), _MAX_WORDS)]
    if len(words) < MIN_WORDS:
        return Reading(words=len(words), code=None, english=0.0)
    shares = {code: sum(w in stop for w in words) / len(words) for code, stop in _stoplists().items()}
    # English first among equals: max() keeps the first of a tie.
    best = max(["en", *shares], key=shares.__getitem__)
    if best != "en" and shares[best] >= CLEAR_SHARE and shares[best] >= OTHER_MARGIN * shares["en"]:
        return Reading(words=len(words), code=best, english=shares["en"])
    # Names and units hit other lists by chance ("sen", "RM" in a market report; a list of car models):
    # short of a clear win by another language, a text in Latin letters is kept, as English when enough
    # of its words are English function words, else undetermined.
    if shares["en"] >= MIN_SHARE:
        return Reading(words=len(words), code="en", english=shares["en"])
    latin = sum(1 for w in words if w.isascii())
    return Reading(words=len(words), code=None, english=shares["en"], foreign_script=latin < len(words) / 2)


def check_english(document: Document) -> Document | IngestError:
    """`document` with its `language` set when it reads as English or is too short to judge;
    else the IngestError that skips it."""
    reading = read_language(document.text)
    if not reading.judged or reading.code == "en" or (reading.code is None and not reading.foreign_script):
        return dataclasses.replace(document, language=reading.code)
    if reading.code:
        why = f"reads as {_NAMES[reading.code]} ({reading.code}), not English"
    else:
        why = f"does not read as English (only {reading.english:.0%} of its words are common English words)"
    return IngestError(
        document.origin or document.id,
        f"document {document.id!r} {why}: skipped; pass --lang en to extract it anyway",
    )


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    """Stop words by language code, read once on first use; English words taken out of the others."""
    lists: dict[str, set[str]] = {}
    for name in sorted(justext.get_stoplists()):
        if name in _CODES:
            lists.setdefault(_CODES[name], set()).update(justext.get_stoplist(name))
    english = lists["en"]
    return {code: frozenset(words if code == "en" else words - english) for code, words in lists.items()}
