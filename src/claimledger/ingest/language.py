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
- A text on which no language reaches `MIN_SHARE` (Chinese or Japanese, which have no
  list here and no spaces; a page of nothing but names and numbers) reads as no known
  language, which is not English either.

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
    code = best if shares[best] >= MIN_SHARE else None
    return Reading(words=len(words), code=code, english=shares["en"])


def check_english(document: Document) -> Document | IngestError:
    """`document` with its `language` set when it reads as English or is too short to judge;
    else the IngestError that skips it."""
    reading = read_language(document.text)
    if not reading.judged or reading.code == "en":
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
