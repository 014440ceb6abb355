"""Figures the parse shows to count nothing in the world, though their text looks like a count.

The pattern pass (nlp/quantities.py) drops what the surrounding characters tell; some figures are
told apart only by their role in the sentence (spec, "What is a claim"):

- an age that qualifies people: "children under five", "people over 80", "aged under 12";
- a capacity, what a thing can hold or carry rather than what it did: "the hall can hold 6,000",
  "each plane carries up to 16 pallets", "enough to feed 90,000 people";
- a number that completes a name in one named entity with it: "the Hai Tong 7", "a Leopard 2";
- the age of one person: "he was 71", "one driver, 68, died", "at 44, he ...", "some as young as 13";
- the speakers of a statement, who belong to the report's sourcing, not to the world it tells of:
  "two officials told AFP", "according to two security sources", "said one recruiter";
- "one" that counts nothing: a single thing picked out ("in one case", "on one side") or the pronoun
  ("the last one", "one owned by a militia");
- a number that labels one thing, right after the singular noun it names ("Gate 7", "day three",
  "Ward 12") or between "the" and that noun ("the 911 hotline").

`not_a_count` gives the reason (a short word) or "".
"""
from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract.lexicon import Lexicon
from claimledger.nlp.entities import EntityIndex
from claimledger.nlp.numbers import parse_number

# Prepositions that bound a figure ("under five", "over 80"); after a noun of people with no counted
# noun of its own, the figure is the people's age.
BOUND_PREPS = {"under", "over", "below", "above"}
PERSON_CLASSES = {"people", "personnel", "casualty"}
OLDEST_AGE = 120
# Verbs of holding room for things: with a modal of ability, "enough to", or in the present of a
# generic subject ("the stadium holds", "a lorry carries"), they give a capacity.
CAPACITY_VERBS = {"hold", "seat", "accommodate", "carry", "fit", "house", "feed", "sleep", "take"}
ABILITY_MODALS = {"can", "could"}
SUFFICIENCY_WORDS = {"enough", "sufficient"}
GENERIC_DETERMINERS = {"a", "an", "each", "every", "the", "one", "any"}
# Entity types of names a number can complete ("the Hai Tong 7", "a Leopard 2", "Rescue 1122").
NAME_TYPES = {"FAC", "PRODUCT", "ORG", "LOC", "EVENT", "WORK_OF_ART", "LAW"}


def not_a_count(num: Token, noun: Token | None, lex: Lexicon, ents: EntityIndex) -> str:
    """Why the figure `num` (counting `noun`, if the parse found one) counts nothing, or ""."""
    if _age_of_people(num, lex):
        return "age"
    if _capacity(num, noun, lex):
        return "capacity"
    if _completes_name(num, ents):
        return "name"
    if _age_of_one(num, noun, lex):
        return "age"
    if _speakers(num, noun, lex):
        return "speakers"
    if _indefinite_one(num, noun):
        return "one"
    if _label(num, lex, ents) or _label_before(num, noun, lex):
        return "label"
    return ""


def _age_of_people(num: Token, lex: Lexicon) -> bool:
    """ "children under five", "people over 80", "three children aged under 12": a bound figure with no
    noun of its own that qualifies a noun of people (or "aged") is their age."""
    prep = num.head
    if num.dep_ != "pobj" or prep.lower_ not in BOUND_PREPS or prep.i != num.i - 1:
        return False
    value = parse_number(num.text)
    if value is None or value > OLDEST_AGE:
        return False
    owner = prep.head
    if owner.lemma_.lower() in ("age", "aged"):
        return True
    return owner.pos_ == "NOUN" and lex.noun_class(owner.lemma_.lower()) in PERSON_CLASSES


def _capacity(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """The figure is what a capacity verb's object holds: "can hold 6,000 spectators", "enough to feed
    about 90,000 people", "the stadium seats 35,000", "a lorry carries about 20 tonnes". People and
    organisations who hold or carry things hold them in fact ("rebels hold 40 hostages")."""
    verb = _object_verb(noun if noun is not None else num)
    if verb is None or verb.lemma_.lower() not in CAPACITY_VERBS or _agent_subject(verb, lex):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in verb.children):
        return True
    if verb.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(
            t.lower_ in SUFFICIENCY_WORDS for t in verb.doc[max(verb.sent.start, verb.i - 3):verb.i]):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children) \
        and _generic_subject(verb) and not _dated(verb)


def _agent_subject(verb: Token, lex: Lexicon) -> bool:
    """The verb's subject (or the noun "which" stands for) is people or an organisation."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subj = verb.head
    if subj is None:
        return False
    lemma = subj.lemma_.lower()
    return lex.noun_class(lemma) in PERSON_CLASSES or lemma in lex.classes.organisations \
        or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _dated(verb: Token) -> bool:
    """A date or time in the verb's clause makes it one event, not a standing capacity: "22 flights carry
    1,500 people south on Thursday"."""
    return any(t.ent_type_ in ("DATE", "TIME") for c in verb.children if c.dep_ in ("prep", "npadvmod")
               for t in c.subtree)


def _object_verb(t: Token) -> Token | None:
    """The verb whose object `t` is, directly or inside "the load of N lorries"."""
    for _ in range(4):
        if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
            return t.head
        if t.dep_ not in ("nummod", "pobj", "prep", "dobj", "quantmod") or t.head.i == t.i:
            return None
        if t.dep_ == "prep" and t.lower_ != "of":
            return None
        t = t.head
    return None


def _generic_subject(verb: Token) -> bool:
    """The subject of a present-tense verb is a kind of thing, not an agent: "the stadium", "a single
    lorry", "each C-130"; "which" stands for the noun it follows. Not a pronoun, a counted noun ("22
    flights carry ...") or an organisation's name ("Citizens, which holds 1.3 million policies")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return False
    subj = verb.head if subjects[0].lower_ in ("which", "that") and verb.dep_ == "relcl" else subjects[0]
    if any(c.dep_ == "nummod" for c in subj.children):
        return False
    if subj.pos_ == "NOUN":
        return not subj.ent_type_
    return subj.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS - {"the"}
                                        for c in subj.children)


def _completes_name(num: Token, ents: EntityIndex) -> bool:
    """A number right after a singular proper noun, inside one named entity with it: "the Hai Tong 7",
    "a new Leopard 2"; not a country labelling a row ("Georgia 33") or a party's seats ("Labour 411")."""
    head = num.head
    if not (num.dep_ in ("nummod", "appos") and head.i == num.i - 1 and head.tag_ == "NNP"
            and head.ent_type_ in NAME_TYPES and num.ent_type_ == head.ent_type_ and num.ent_iob_ == "I"):
        return False
    known = ents.at(head)
    return known is None or known.kind not in ("country", "demonym")


# Words that stand for one person whose age a bare figure gives: "he was 71", "the oldest is 61".
PERSONAL_PRONOUNS = {"he", "she", "i"}
AGE_ADJECTIVES = {"young", "old", "younger", "older", "youngest", "oldest"}


def _age_of_one(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """A figure that gives one person's age, not a count: predicated of the person ("he was 71", "the
    youngest is 19"), set off by commas after a singular noun that has its own determiner ("one driver,
    68, died"), in a comparison of age ("as young as 13"), or in a phrase of age set off before its
    subject ("Last month, at 44, he ..."). A singular noun is never what a figure above one counts."""
    value = parse_number(num.text)
    if value is None or value > OLDEST_AGE or value != int(value):
        return False
    doc = num.doc
    if noun is None and num.dep_ in ("attr", "acomp") and num.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and _one_person(c, lex) for c in num.head.children)
    if num.dep_ == "appos" and num.head.i < num.i and (noun is None or noun.i == num.head.i) \
            and doc[num.i - 1].text == "," and num.i + 1 < len(doc) and doc[num.i + 1].is_punct:
        head = num.head
        return _one_person(head, lex) or (head.tag_ == "NN" and any(
            c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in head.children))
    if noun is not None or num.dep_ != "pobj":
        return False
    prep = num.head
    if prep.lower_ == "as":
        return prep.head.lower_ in AGE_ADJECTIVES  # "as young as 13", "as old as 90"
    if prep.lower_ == "at" and prep.i == num.i - 1 and (prep.i == num.sent.start or doc[prep.i - 1].is_punct) \
            and num.i + 1 < len(doc) and doc[num.i + 1].is_punct:
        return any(c.dep_ == "nsubj" and _one_person(c, lex) for c in prep.head.children)
    return False


def _one_person(t: Token, lex: Lexicon) -> bool:
    """One person: "he", a person's name, "the youngest", or a singular noun of people ("the victim")."""
    if t.lower_ in PERSONAL_PRONOUNS or t.lower_ in AGE_ADJECTIVES:
        return True
    if t.pos_ == "PROPN":
        return t.ent_type_ == "PERSON"
    return t.pos_ == "NOUN" and t.tag_ == "NN" and lex.noun_class(t.lemma_.lower()) in PERSON_CLASSES


def _speakers(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """The figure counts who says something, not what the report tells of: the people or bodies behind
    "according to" ("according to two security sources"), or the subject of a reporting verb that reports
    a clause ("two officials told AFP that ...", "..., said one recruiter")."""
    if noun is None:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return True
    lemma = noun.lemma_.lower()
    if noun.dep_ != "nsubj" or lemma in lex.classes.places or not (
            lex.noun_class(lemma) in PERSON_CLASSES or lemma in lex.anonymous_heads
            or lemma in lex.classes.organisations):
        return False
    verb = noun.head
    if verb.lemma_.lower() not in lex.reporting_verbs:
        return False
    return noun.i > verb.i or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


# Words that add a count to one given before: "one more", "one other" count, as "four more" does.
ADDED_WORDS = {"more", "other", "further", "additional"}


def _indefinite_one(num: Token, noun: Token | None) -> bool:
    """"one" that counts nothing: it picks out one thing in a phrase that places an act ("in one case",
    "on one side", "under one programme"), or it is the pronoun, with a determiner, an adjective or a clause
    of its own ("the last one", "one owned by a former militant"). Not after "of": "a report of one
    incident" counts the incidents."""
    if num.lower_ != "one":
        return False
    if noun is None:
        return any(c.dep_ in ("det", "amod", "acl", "relcl") and c.lower_ not in ADDED_WORDS for c in num.children)
    return noun.tag_ in ("NN", "NNP") and noun.dep_ == "pobj" and noun.head.pos_ == "ADP" \
        and noun.head.lower_ != "of"


# Entity types of a name that heads a row of figures ("Georgia 33", "Labour 411"): the figure counts for it.
ROW_NAME_TYPES = {"GPE", "NORP", "PERSON", "ORG"}


def _label(num: Token, lex: Lexicon, ents: EntityIndex) -> bool:
    """A number right after the singular noun it modifies labels one thing, as a name does: "Gate 7",
    "day three", "Ward 12". English puts a counted noun after its figure; a noun before the figure
    counts it only where a name heads a row of figures ("Georgia 33", "Labour 411", "SNP 10"): a known
    entity, a name of a place, party or person, or an acronym. A place named by a common noun of places
    ("Congressional District 8", "Ward 12") is the labelled thing itself."""
    head = num.head
    if num.dep_ not in ("nummod", "appos", "npadvmod") or head.i != num.i - 1 or head.tag_ not in ("NN", "NNP"):
        return False
    if not head.is_alpha or head.is_upper or head.ent_type_ in ROW_NAME_TYPES:
        return False
    if head.is_title:  # a division named by its number: "Congressional District 8", "Ward 12"
        return lex.classes.is_place(head.lower_) and num.like_num and num.text[:1].isdigit()
    return ents.at(head) is None and head.lemma_.lower() != "total" \
        and not any(c.dep_ == "compound" for c in head.children)


def _label_before(num: Token, noun: Token | None, lex: Lexicon) -> bool:
    """ "the 911 hotline", "the 112 emergency number": a figure above one between "the" and the singular
    noun it modifies names that one thing, since a counted noun is plural. Nouns of people or things
    that are counted in the singular ("the 300 staff", "the 40 aircraft") and a noun of such things
    before the head ("the 5,000 troop deployment") still count."""
    if noun is None or noun.tag_ != "NN" or num.head.i != noun.i or num.dep_ != "nummod" or num.i == 0:
        return False
    value = parse_number(num.text)
    if value is None or value <= 1 or not num.text[:1].isdigit() or num.doc[num.i - 1].lower_ != "the":
        return False
    between = num.doc[num.i + 1:noun.i + 1]
    return all(t.is_alpha and t.is_lower and lex.noun_class(t.lemma_.lower()) is None for t in between)
