"""How extraction time and memory grow with a document's length (project issue 10).

usage: .venv/bin/python bench/length.py [--cases "5k,50k in pieces,200k in pieces"] [--profile 20000] [--piece 100000]

Why: the spaCy parse is linear in the text's length; claim extraction must be
too, so that a 50,000-word report costs about what ten 5,000-word reports do.

The documents are made here, not read: report paragraphs generated from a few
templates with varied figures, names, places and sources (seeded, so every run
sees the same text), concatenated to 5k, 20k and 50k words, plus ten distinct
5k-word documents. Each case runs in a fresh process so that its peak memory
(ru_maxrss) is its own. Timed separately, warm (models loaded first):

- parse: `Extractor.nlp(text)`, the whole text at once;
- extract: `extract_claims` on that parse (what claimledger adds): the number
  that must grow linearly;
- whole: `Extractor.extract(document)`, the path users call: parse and
  extraction, in pieces for a text longer than `Extractor.piece_length`.

The cases "... in pieces" run `Extractor.extract` alone (no parse of the whole
text at once), so their peak memory is that of the pieces.

--profile N runs cProfile over the extraction of an N-word document and prints
the functions with the most cumulative time: where the time that grows faster
than the text goes. --piece C sets `Extractor.piece_length` to C characters.

Prints one Markdown table.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import resource
import subprocess
import sys
import time

COUNTRIES = [("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("North Korea", "North Korean"),
             ("Israel", "Israeli"), ("Iran", "Iranian"), ("Germany", "German"), ("France", "French"),
             ("Poland", "Polish"), ("Turkey", "Turkish"), ("Japan", "Japanese"), ("China", "Chinese"),
             ("Sudan", "Sudanese"), ("Syria", "Syrian"), ("Lebanon", "Lebanese"), ("Yemen", "Yemeni")]
FIRST = ["Anna", "Pavel", "Lee", "Maria", "Omar", "Kenji", "Sofia", "Ivan", "Leila", "Tomas", "Hana", "Yusuf",
         "Elena", "Marek", "Nadia", "Jonas", "Amira", "Dmitri", "Rosa", "Karim"]
LAST = ["Kovalenko", "Morozov", "Park", "Haddad", "Tanaka", "Novak", "Rahimi", "Schmidt", "Duval", "Nowak",
        "Yilmaz", "Sato", "Petrov", "Aziz", "Fischer", "Lindqvist", "Moreau", "Baran", "Celik", "Okafor"]
OUTLETS = ["Reuters", "the Associated Press", "AFP", "the BBC", "Yonhap", "CNN", "Bloomberg"]
BODIES = ["defence ministry", "health ministry", "interior ministry", "emergency service", "general staff",
          "air force", "border guard service"]
PLACES = ["Kharkiv", "Odesa", "Belgorod", "Kursk", "Haifa", "Aleppo", "Khartoum", "Sidon", "Aden", "Gdansk",
          "Lyon", "Osaka", "Izmir", "Dnipro", "Zaporizhzhia"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
ITEMS = ["drones", "missiles", "shells", "tanks", "armoured vehicles", "artillery systems", "rockets"]
PEOPLE = ["people", "civilians", "soldiers", "children", "residents", "workers", "refugees"]


def _n(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 99000)])
    return f"{n:,}"


def paragraph(rng: random.Random) -> str:
    """One report paragraph of three or four sentences, each with a figure and most with a source."""
    (c1, a1), (c2, a2) = rng.sample(COUNTRIES, 2)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    day, month, place = rng.choice(DAYS), rng.choice(MONTHS), rng.choice(PLACES)
    body, outlet, item, people = rng.choice(BODIES), rng.choice(OUTLETS), rng.choice(ITEMS), rng.choice(PEOPLE)
    sentences = [
        f"{c1} launched {_n(rng)} {item} at {c2} overnight, the {a2} {body} said on {day}.",
        f"{person}, a spokesman for the {body} in {place}, told {outlet} that {_n(rng)} {people} had been "
        f"killed since {month}.",
        f"According to the {a1} {body}, about {_n(rng)} {people} were wounded in {place} last week.",
        f"{c2} has received {_n(rng)} {item} from {c1} this year, {person} said in a statement.",
        f"\"We counted {_n(rng)} {item} shot down over {place},\" {person.split()[-1]} added.",
        f"The {a1} government pledged ${_n(rng)} million in aid for {c2} on {day}, officials said.",
        f"Another {_n(rng)} {people} were displaced from {place}, the United Nations estimated in {month}.",
        f"{outlet} reported that {c1} would send {_n(rng)} more troops to the border by {month}.",
    ]
    return " ".join(rng.sample(sentences, rng.choice([3, 4])))


def document(words: int, seed: int) -> str:
    """Distinct paragraphs up to about `words` words, a title first."""
    rng = random.Random(seed)
    paras = [f"Report {seed}: figures from the front"]
    count = 0
    while count < words:
        p = paragraph(rng)
        paras.append(p)
        count += len(p.split())
    return "\n\n".join(paras)


def run_case(name: str, sizes: list[tuple[int, int]], piece: int | None) -> dict:
    """Parse, extract and whole-extract the documents of one case in this process."""
    from claimledger.extract.claims import extract_claims
    from claimledger.models import Document
    from claimledger.pipeline import Extractor

    ex = Extractor(decisions="rules")
    ex.extract(Document(id="warm", text=document(300, 999), published="2025-03-27", publisher="REUTERS"))
    if piece:
        ex.piece_length = piece
    docs = [Document(id=f"d{seed}", text=document(w, seed), published="2025-03-27", publisher="REUTERS")
            for w, seed in sizes]
    parse = extract = whole = 0.0
    claims = 0
    for d in docs:
        if name.endswith("in pieces"):  # only the pieces, so that the peak memory is theirs
            t3 = time.perf_counter()
            claims += len(ex.extract(d))
            whole += time.perf_counter() - t3
            continue
        t0 = time.perf_counter()
        parsed = ex.nlp(d.text)  # the whole text at once, whatever the piece length
        t1 = time.perf_counter()
        extract_claims(parsed, d, ex.resources)
        t2 = time.perf_counter()
        parse += t1 - t0
        extract += t2 - t1
        del parsed
        t3 = time.perf_counter()
        claims += len(ex.extract(d))
        whole += time.perf_counter() - t3
    return {"name": name, "words": sum(len(d.text.split()) for d in docs), "chars": sum(len(d.text) for d in docs),
            "parse": parse, "extract": extract, "whole": whole, "claims": claims,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def profile(words: int) -> None:
    from claimledger.extract.claims import extract_claims
    from claimledger.models import Document
    from claimledger.pipeline import Extractor

    ex = Extractor(decisions="rules")
    d = Document(id="p", text=document(words, 1), published="2025-03-27", publisher="REUTERS")
    parsed = ex.nlp(d.text)
    prof = cProfile.Profile()
    prof.enable()
    extract_claims(parsed, d, ex.resources)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


CASES = {"5k": [(5000, 1)], "20k": [(20000, 1)], "50k": [(50000, 1)],
         "10 × 5k": [(5000, s) for s in range(1, 11)],
         # Extractor.extract alone: parse and extraction in pieces (the 200k words are past nlp.max_length)
         "50k in pieces": [(50000, 1)], "200k in pieces": [(200000, 1)]}
DEFAULT = ["5k", "20k", "50k", "10 × 5k", "50k in pieces"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(DEFAULT),
                    help=f"which cases, comma-separated, of: {', '.join(CASES)} (default: all but 200k)")
    ap.add_argument("--profile", type=int, default=0, help="profile the extraction of a document of N words")
    ap.add_argument("--piece", type=int, default=0, help="Extractor.piece_length, characters (default: its own)")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # run one case in this process (a child)
    a = ap.parse_args(argv)
    if a.profile:
        profile(a.profile)
        return 0
    if a.one:
        print(json.dumps(run_case(a.one, CASES[a.one], a.piece or None)))
        return 0
    rows = []
    for name in a.cases.split(","):
        cmd = [sys.executable, __file__, "--one", name] + (["--piece", str(a.piece)] if a.piece else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"done: {name}", file=sys.stderr)
    print(f"Extractor.piece_length: {a.piece or 'default (100,000)'}\n")
    print("| document | words | characters | parse s | extract s | extract ms/1k words | whole extract() s "
          "| claims | peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        per = 1000 * r["extract"] / r["words"] * 1000 if r["extract"] else 0.0
        print(f"| {r['name']} | {r['words']:,} | {r['chars']:,} | {r['parse']:.2f} | {r['extract']:.2f} | "
              f"{per:.1f} | {r['whole']:.2f} | {r['claims']:,} | {r['peak_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
