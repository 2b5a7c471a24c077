"""Scoring, context and confidence: unknown words -> Findings (fix or suggest).

Scores are on a log10 scale, like Zipf frequencies. A candidate's score is its
prior (how common the word is, how prominent the person or place) minus the
cost of the edits that would turn it into what was typed, plus context
(an exact surname next to a fuzzy first name of the same person, the same
spelling elsewhere in the document, a title such as "President" before it).
The typed word itself competes as the "it is correct" hypothesis, with a
floor for capitalized words because most unknown capitalized words in news
are real names that no dictionary lists. A fix needs a clear margin over
both that hypothesis and the runner-up; otherwise the finding only suggests.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.forms import fold, recase, romanization_variant, shape, skeleton
from normalize.lexicon import PERSON_PROMINENCE, Lexicon, trigrams
from normalize.tokenize import Word
from normalize.types import Candidate, Entry, Finding, Kind

_DOUBLED = re.compile(r"(.)\1+")
_CAMEL_NAME = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]{2,}")  # McFaul, DeSantis (not iPhone, NATO)
EDIT_COST = 2.0
TRANSPOSITION_COST = 1.5
SHORT_WORD = 5
LONG_WORD = 8
ALONE_BONUS = 1.8
SHORT_WORD_EXTRA_COST = 1.0
KEYBOARD_COST = 1.7
DELETION_COST = 1.6
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Letters beside each letter on a QWERTY keyboard (same row, and the rows above and below).
QWERTY_NEIGHBOURS = {
    c: "".join(
        other
        for r2, row2 in enumerate(_ROWS)
        for j, other in enumerate(row2)
        if abs(r2 - r) <= 1 and abs(j - i) <= 1 and other != c
    )
    for r, row in enumerate(_ROWS)
    for i, c in enumerate(row)
}
VOWELS = frozenset("aeiouy")
# Latin and Greek plurals English keeps (ultimatum -> ultimata); their singulars may be rarer.
LATIN_PLURALS = (("a", "um"), ("i", "us"), ("a", "on"), ("ae", "a"), ("ices", "ex"), ("ices", "ix"))
LATIN_ZIPF = 2.0
STEM_ZIPF = 3.0  # only common words lend their endings to unknown words
PREFIXES = ("de", "re", "un", "non", "counter", "anti", "mis", "over", "under", "post")  # not pre- (prepair, premission)
PREFIX_STEM_ZIPF = 4.0  # and only very common ones their beginnings
FIRST_LETTER_COST = 0.5
NULL_CAPITALIZED = 1.25
NULL_LOWERCASE = 0.0
NAME_LENGTH_SLOPE = 0.25
TYPICAL_NAME = 6  # letters
LONG_NAME = 10
REPEATED_BONUS = 1.0
UNLISTED_NEIGHBOUR = 1.0
VILLAGE_NULL = 1.0
VILLAGE_NOUNS = frozenset("village villages hamlet settlement".split())
TITLE_PHRASE_ZIPF = 3.5  # a neighbour this common is an English word first (Spence, at 3.4, is a name)
SEEN_ZIPF = 1.0  # wordfreq's lists stop near here: a word listed at all is in real use
SEEN_BONUS = 1.0
# A letter triple that hardly any English word or listed name has ("sds" in "Rusdsia") is
# typing, not spelling: each one (up to two) lowers the "it is correct" hypothesis.
RARE_TRIGRAM = 3  # seen in fewer trusted words and target names than this
RARE_SEQUENCE_COST = 1.0
MAX_RARE_SEQUENCES = 2
SPLIT_MIN_ZIPF = 3.0  # both halves of a run-together pair must be common words
SPLIT_COST = 0.5
SPLIT_AFFINITY = 0.25  # log10 of how much likelier the pair is than chance ("also said": 0.8)
# Closed-class English words: one glued to another word is a missing space, not a compound.
FUNCTION_WORDS = frozenset(
    "to for of the and in on at by with from is was be are were that this these those whose which "
    "who whom as it its not or but an has have had will would can could should may might must".split()
)
LISTED_NAME_BONUS = 1.0  # the typed word is itself part of a listed name, seen without the rest
SAME_NAME_BONUS = 3.0
NEAR_NAME_BONUS = 1.0  # more when one slip away: fewer people's names lie that near a listed one
SHARED_NAME_ZIPF = 4.0  # two slips away, a neighbour commoner than this vouches less (Tom Kinton: not Kenyon)
IN_DOCUMENT_BONUS = 2.0
TITLE_BONUS = 1.0
FIX_MARGIN = 1.0
LOWERCASE_GAP_SLACK = 0.3  # English words: context ranks them, so a slightly closer runner-up is tolerated
SUGGEST_MARGIN = -0.5
LOWERCASE_SUGGEST_MARGIN = -3.0  # an unknown lowercase word is worth a suggestion, as in any spell checker
MAX_SUGGESTIONS = 5
MAX_CONFIDENCE = 0.99  # a dictionary can always be missing the very name the writer meant
KNOWN_ZIPF = 3.0  # a word this frequent in real text is accepted even when no list has it
VARIANT_ZIPF = 1.0  # a romanization variant of a listed name that real text uses is accepted
# Endings that make a word from another (defeat -> defeater, Kazakhstan -> Kazakhstani):
# a word built so from a known one is a gap in the lexicon, not a typo.
DERIVATIONS = frozenset("s es ed d ing ings er ers ly ism ist ists ness less ful able ment ments".split())
DEMONYMS = frozenset("i n an ian ese ish".split())
# Feminine and patronymic endings of Slavic names (Ivanov -> Ivanova, Mykola -> Mykolaivna).
SLAVIC_FORMS = frozenset("a na vna ovna ivna yivna evna ich ych ovich ovych evich ivich".split())
CASES_OF_A = frozenset("y i u e oyu oi ei".split())  # Druzhba: Druzhby, Druzhbi, Druzhbu, Druzhboyu
CASES_OF_CONSONANT = frozenset("a u om i e y".split())  # Kyjiv: Kyjiva, Kyjivu, Kyjivom
ADJECTIVE_ENDINGS = ("yy", "yi", "iy", "ii", "ij", "yj", "ye", "ie", "oe", "oye", "aya", "ya")  # Russian, Ukrainian
PATRONYMICS = ("ivna", "ovna", "evna", "ovych", "ovich", "evych", "evich", "ivich")
# Ukrainian and Russian nouns and adjectives made from a place name (Ukrainets, Russky, Kyivska)
SLAVIC_DERIVATIONS = frozenset("ets tsi tsy ka ky ki ska ske sky ski skyi skyy skiy skaya skoye skoe sk".split())
SLAVIC_MASCULINE = ("sky", "skyi", "skyy", "skiy", "skii")
DEMONYM_PROMINENCE = 3.0  # countries and regions have demonyms; small towns rarely do
# Name particles too common to vouch for the name beside them.
PARTICLES = frozenset("al el bin ibn abu abd de da das dos do du la le van von der den di del ben ter".split())
PREPOSITION_BONUS = 1.0
TOPIC_PROMINENCE = 3.0  # regions, and cities of about 30,000 people or more, set a text's topic
USAGE_WEIGHT = 0.1  # among spellings of one entity, the one text uses most (Kiev before Kiiev)
SAME_ENTITY_SLACK = 0.6
CAPITAL = 4.0  # prominence of capitals; countries rank above
# Words that follow a place's name ("Sumy region"), worth what a preposition before it is.
PLACE_NOUNS = frozenset("region oblast province governorate krai district county".split())
PLACE_NOUN_BONUS = 1.0
ROMANIZED_CITY = 3.5  # prominence of a city of 100,000: its romanizations that no text uses are slips
# Words that introduce a place's name.
PLACE_PREPOSITIONS = frozenset("in to from near across throughout into at via towards toward visit visited".split())
# Words that introduce a person's name in news copy.
TITLES = frozenset(
    "president minister spokesman spokeswoman spokesperson secretary chancellor premier "
    "mr mrs ms dr prof general gen ambassador adviser advisor chairman chairwoman chair "
    "senator governor mayor king queen prince princess sheikh emir pope deputy "
    "commander envoy director head leader speaker counterpart colleague".split()
)


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    margin: float
    suggest_only: bool = False  # a variant or a compound: never a fix, whatever the margin


BIGRAM_WEIGHT = 0.8
NAME_ALONE = 0.6  # the same for a long capitalized word: less, as unlisted names are many
DEMONYM_CUE = 1.0
PHRASE_GLUE = frozenset(("of", "and", "the", "for", "on"))
PLACE_FIRST_SLACK = 1.0  # a place's word may be this much (Zipf) commoner than the place is prominent
ALIAS_SLACK = 1.0  # a far town or region, or another name of a far place, is as likely as text uses it, give or take this
FORM_CUE = 0.8  # weight of the bigram evidence for a country against its demonym ("Russia is")
COMMON_ZIPF = 5.5  # words this frequent are English words first, whatever else they are
TOPIC_BONUS = 0.5  # a prominent place of a country the text is about


def decide(
    words: list[Word], lexicon: Lexicon, speller: Speller, names: NameMatcher, bigrams: Bigrams
) -> list[Finding]:
    in_document = Counter(w.core for w in words if not w.skip)
    topics = _topics(in_document, lexicon)
    own_names = _document_names(in_document, lexicon)
    findings: list[Finding] = []
    for i, word in enumerate(words):
        if not _checkable(words, i, lexicon):
            continue
        listed = word.core.lower() in lexicon.name_index
        scored = _score(words, i, lexicon, speller, names, bigrams, in_document, listed, topics, own_names)
        finding = _finding(word, scored, listed, lexicon, in_document)
        if finding is not None:
            findings.append(finding)
    return findings


def _checkable(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """Words worth looking up: unknown ones, and listed name parts seen out of their name."""
    word = words[i]
    core = word.core
    low = core.lower()
    if word.skip or len(core) < 3 or low in lexicon.words or low in lexicon.extra_words:
        return False
    if lexicon.zipf(core) >= KNOWN_ZIPF:
        return False
    form = shape(core)
    if (form == "mixed" and not _CAMEL_NAME.match(core)) or (form == "upper" and len(core) <= 5):  # acronyms
        return False
    if form == "lower" and not core.isascii():
        return False  # foreign words ("hoş"): English has no such words to offer
    if low not in lexicon.name_index and lexicon.knows_folded(core):
        return False  # a listed name without its accents
    if _derived_from_known(low, lexicon) or (form == "lower" and _prefixed(low, lexicon)):
        return False
    if low in lexicon.name_index:
        return form != "lower" and not _beside_own_name(words, i, low, lexicon)
    return True


def _beside_own_name(words: list[Word], i: int, low: str, lexicon: Lexicon) -> bool:
    """True when a neighbour is the next or previous part of a listed name with this part."""
    prev = words[i - 1].core.lower() if i > 0 else None
    nxt = words[i + 1].core.lower() if i + 1 < len(words) else None
    for idx in lexicon.name_index[low]:
        parts = [p.lower() for p in lexicon.spellings[idx][0]]
        if len(parts) == 1:
            continue
        for pos, part in enumerate(parts):
            if part == low and (
                (pos > 0 and parts[pos - 1] == prev) or (pos + 1 < len(parts) and parts[pos + 1] == nxt)
            ):
                return True
    return False


def _score(
    words: list[Word],
    i: int,
    lexicon: Lexicon,
    speller: Speller,
    names: NameMatcher,
    bigrams: Bigrams,
    in_document: Counter[str],
    listed: bool,
    topics: frozenset[str],
    own_names: frozenset[str],
) -> list[Scored]:
    word = words[i]
    core = word.core
    low = core.lower()
    form = shape(core)
    typed = seen = lexicon.zipf(core)
    if low in lexicon.typos:
        typed = 0.0  # a known misspelling is no evidence of a word, however often it is seen
    if form == "lower":
        null = max(typed, NULL_LOWERCASE)
    else:
        # The longer the word, the less likely a real name lies an edit or two from a listed
        # one by chance: Kherrson is a typo, Kovch is probably somebody.
        floor = NULL_CAPITALIZED - NAME_LENGTH_SLOPE * (min(len(core), LONG_NAME) - TYPICAL_NAME)
        null = max(typed, floor) + (LISTED_NAME_BONUS if listed else 0.0)
        if typed >= SEEN_ZIPF:
            null += SEEN_BONUS  # real text uses this name, however rarely (Antey, Kruk)
    # A whole listed name of a place or person ("Chernihiv") is as likely as that entity is
    # prominent, and the other spellings of that entity are no correction of it.
    own = _own_entities(low, lexicon)
    official = any(lexicon.entries[e][2] == "person" for e in own)  # a word of an official's name
    if own:
        null = max(null, max(own.values()))
    null -= RARE_SEQUENCE_COST * min(MAX_RARE_SEQUENCES, _rare_sequences(low, lexicon))
    if in_document[core] > 1:
        null += REPEATED_BONUS * math.log2(in_document[core])  # used again and again: probably deliberate
    if form != "lower" and _village(words, i):
        null += VILLAGE_NULL  # "the village of Malynivka": too small for any list of towns
    if form != "lower" and _beside_unlisted_name(words, i, lexicon):
        null += UNLISTED_NEIGHBOUR  # one name of many that no list has: Tobi Lutke, Aspmyra Stadion
    out: list[Scored] = []
    hits: list[tuple[str, int]] = []
    if form != "lower":
        phrase = _in_foreign_phrase(words, i, lexicon)
        hits = [
            (k, d)
            for k, d in names.lookup(core, own_names)
            if not _derived(low, k, lexicon)
            and not (phrase and _slavic_case(low, k))
            and _name_worthy(words, i, k, lexicon, in_document)
        ]
        if own:
            hits = [(k, d) for k, d in hits if not own.keys() & _entities(k, lexicon)]
        partners = {k: _beside_partner(words, i, k, lexicon) for k, _ in hits}
        if official:
            # Milei is Javier Milei, unless a neighbour makes it another name or the text
            # spells another name so (Russa, in a text that names Russia: not Ignazio La Russa)
            hits = [(k, d) for k, d in hits if in_document[lexicon.display[k]] or partners[k]]
        person = False  # the word stands where a person's name does
        if low.endswith(PATRONYMICS):  # Vasylivna is somebody's daughter, not a town (Vasylivka)
            hits = [(k, d) for k, d in hits if _names_person(k, lexicon)]
            person = True
        elif _after_given_name(words, i, lexicon) or _completes_person([partners[k] for k, _ in hits], lexicon):
            # Mariya Tomak is somebody, not Tomsk; Merio Draghi is Mario, not Merlo; Sri Lanka is a place
            hits = [(k, d) for k, d in hits if _names_person(k, lexicon) or partners[k]]
            person = True
        if typed >= VARIANT_ZIPF and any(skeleton(k) == skeleton(low) for k, _ in hits):
            return []  # a romanization variant that real text uses (Qassim for Qasim)
        for key, dist in hits:
            cand = _name_candidate(words, i, key, dist, lexicon, in_document, topics, bigrams, person)
            # Another romanization of a listed name, or a place name with another vowel ending
            # (Novotroitske, Trudovye: Slavic grammar): suggest, never impose; but a country's
            # or capital's settled English name is imposed on a spelling no text uses (Russja),
            # and English does not decline it (Russa).
            settled = _settled(key, lexicon)
            # An established English name (Putin, South) is neither romanized nor declined anew.
            established = settled or lexicon.zipf(key) >= KNOWN_ZIPF
            # A romanization that no text uses, of a city of 100,000 or more (Marjupol), is a slip.
            imposed = established or (ROMANIZED_CITY and cand.kind == "place" and lexicon.name_prior[key][0] >= ROMANIZED_CITY)
            variant = (romanization_variant(low, key) and not (seen == 0.0 and imposed)) or (
                cand.kind == "place" and _vowel_ending(low, key) and not established
            )
            out.append(Scored(cand, cand.score - null, variant))
    # A capitalized word that no name is near, in a phrase of capitalized English words
    # ("Treaty of Friendshio"), may be an English word too. (With names near, the English
    # words' frequencies drown them: Yars -> Years, on dev.)
    titled = (
        form == "title"
        and not any(s.margin >= 0.0 for s in out)  # no name is a likely reading (Kremiln: Kreminna?)
        and not word.sentence_start
        and _in_title_phrase(words, i, lexicon)
    )
    if (form == "lower" or word.sentence_start or titled) and not official:
        for key, dist in speller.lookup(core):
            if _derived(low, key, lexicon) or any(key == k for k, _ in hits):
                continue  # a derived form, or already scored as a name with its context
            context, evidence = _neighbours(words, i, key, bigrams)
            score = lexicon.words[key] - _edit_cost(core, key, dist) + context
            entry = Entry(f"word:{key}", key, "word", "English word", "symspellpy frequency list, wordfreq")
            evidence = f"Zipf {lexicon.words[key]:.1f}" + evidence
            text = recase(key, core)
            partner = _beside_partner(words, i, key, lexicon) if key in lexicon.name_index else None
            if partner and partner[1][:1].isupper():
                text = lexicon.display[key]  # "ladimir Putin": the name keeps its capital
            cand = Candidate(text, "word", dist, score, entry, evidence)
            # Context ranks the candidates; it is no evidence that the typed word is wrong.
            # combatting/combating: both in real use. A misspelling that codespell lists is
            # no such evidence (occured, untill), but for the British doubled consonant.
            variant = (typed >= VARIANT_ZIPF and _DOUBLED.sub(r"\1", low) == _DOUBLED.sub(r"\1", key)) or (
                seen >= VARIANT_ZIPF and _british_doubling(low, key)
            )
            out.append(Scored(cand, score - max(context, 0.0) - null, variant))
        if form == "lower":
            out.extend(_run_together(words, i, lexicon, bigrams, null))
    out.sort(key=lambda s: (-s.candidate.score, s.candidate.distance, s.candidate.text))
    return _dedupe(out)


def _village(words: list[Word], i: int) -> bool:
    """The text calls the place a village: "the village of X", "X village"."""
    before = [w.core.lower() for w in words[max(0, i - 2) : i]]
    after = words[i + 1].core.lower() if i + 1 < len(words) and _adjacent(words, i, i + 1) else ""
    return (len(before) == 2 and before[1] == "of" and before[0] in VILLAGE_NOUNS) or after in VILLAGE_NOUNS


def _beside_unlisted_name(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """A capitalized word right beside this one is neither English nor in any list: the
    two are likely one name that no list has (Tobi Lutke, Viv Ansanm, Aspmyra Stadion)."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words) or not _adjacent(words, min(i, j), max(i, j)):
            continue
        other = words[j]
        low = other.core.lower()
        if (
            not other.skip
            and len(low) >= 3
            and shape(other.core) == "title"
            and low not in lexicon.words
            and low not in lexicon.extra_words
            and low not in lexicon.name_index
            and not lexicon.knows_folded(other.core)
        ):
            return True
    return False


def _british_doubling(typed: str, key: str) -> bool:
    """``typed`` doubles the consonant that ``key`` has before its ending, as British English
    does (combatting, travelled, focussed for combating, traveled, focused)."""
    for ending in ("ing", "ed", "er", "ers"):
        if typed.endswith(ending) and key.endswith(ending):
            stem, base = typed[: -len(ending)], key[: -len(ending)]
            return len(base) > 1 and base[-1] not in VOWELS and stem == base + base[-1]
    return False


def _in_title_phrase(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """The word stands in a capitalized phrase of English words ("Treaty of Friendshio",
    "Red Crrescent", "Exclusion Zoen"): a name made of words, not of names."""
    for step in (-1, 1):
        j = i + step
        if not 0 <= j < len(words) or not _adjacent(words, min(i, j), max(i, j)):
            continue
        if words[j].core in PHRASE_GLUE and 0 <= j + step < len(words) and _adjacent(words, min(j, j + step), max(j, j + step)):
            j += step
        other = words[j]
        low = other.core.lower()
        if (
            not other.skip
            and not other.sentence_start  # "The Yars missile": that capital is the sentence's
            and shape(other.core) == "title"
            and lexicon.words.get(low, 0.0) >= TITLE_PHRASE_ZIPF
            and low not in TITLES
            and low not in lexicon.given_names
            and low not in lexicon.surnames
        ):
            return True
    return False


def _after_given_name(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """The word right before is a given name of some official (Mariya, Denys): this one is a surname."""
    if i == 0 or words[i - 1].skip or not _adjacent(words, i - 1, i):
        return False
    before = words[i - 1].core
    low = before.lower()
    return (
        len(before) >= 3
        and shape(before) == "title"
        and low in lexicon.given_names
        and low not in TITLES  # King, Sheikh: a title, and places have kings too
        and lexicon.words.get(low, 0.0) < COMMON_ZIPF  # Just, Will, May: English first
    )


def _completes_person(partners: list[tuple[int, str] | None], lexicon: Lexicon) -> bool:
    """Some candidate and the word beside it make the full name of an official (Merio Draghi:
    Mario Draghi): then the word is part of a person's name, not a place. ``partners`` are
    the candidates' ``_beside_partner`` answers."""
    return any(hit is not None and lexicon.entries[lexicon.spellings[hit[0]][1]][2] == "person" for hit in partners)


def _person_prominence(key: str, lexicon: Lexicon) -> float:
    return max(
        lexicon.spellings[idx][2]
        for idx in lexicon.name_index[key]
        if lexicon.entries[lexicon.spellings[idx][1]][2] == "person"
    )


def _names_person(key: str, lexicon: Lexicon) -> bool:
    return any(lexicon.entries[lexicon.spellings[idx][1]][2] == "person" for idx in lexicon.name_index[key])


def _document_names(in_document: Counter[str], lexicon: Lexicon) -> frozenset[str]:
    """Listed spellings the text itself uses that are no correction target on their own
    (Makeyevka, Kremenchug): within this text, a near miss of one is a typo of it."""
    return frozenset(
        low
        for word in in_document
        if word[:1].isupper() and len(word) >= 4 and (low := word.lower()) in lexicon.name_index and low not in lexicon.targets
    )


def _adjective_cue(word: Word, key: str, lexicon: Lexicon) -> float:
    """A demonym is an adjective: it stands before a noun ("Russian forces"), not before a
    comma, a full stop or a possessive, where a country's name does ("...like Russia, which")."""
    if word.pause_after or word.token.text != word.core:
        return DEMONYM_CUE if _demonym(key, lexicon) and key not in lexicon.prominent else 0.0
    return 0.0


def _form_cue(words: list[Word], i: int, key: str, lexicon: Lexicon, bigrams: Bigrams) -> float:
    """The word after says country or demonym: "Russia is", "Russia has", but "Russian
    government". How much likelier English makes the other form before that word."""
    if i + 1 >= len(words) or words[i].pause_after or not _adjacent(words, i, i + 1):
        return 0.0
    nxt = words[i + 1].core
    if not nxt.islower():
        return 0.0
    others = [s for s in _demonym_stems(key) if s in lexicon.prominent]  # Russian: russia
    if not others:  # Russia: russian; Italy: italian; Germany: german
        forms = [key + e for e in DEMONYMS] + [key[:-1] + e for e in DEMONYMS]
        if key.endswith("y"):
            forms.append(key[:-1])
        others = [d for d in forms if d in lexicon.words and key in _demonym_stems(d)]
    if not others:
        return 0.0
    mine = bigrams.affinity(key, nxt)
    best = max(bigrams.affinity(o, nxt) for o in others)
    return FORM_CUE * max(0.0, best - mine)


def _settled(key: str, lexicon: Lexicon) -> bool:
    """A country, capital or region whose main English name this is."""
    prominence, kind = lexicon.name_prior.get(key, (0.0, ""))
    return kind == "place" and prominence >= CAPITAL and key in lexicon.prominent


def _rare_sequences(low: str, lexicon: Lexicon) -> int:
    """How many of the word's letter triples are (nearly) unknown to the lexicon; letters
    outside ASCII ("Plötner") belong to other languages' names, not to typing."""
    return len(_rare_triples(low, lexicon))


def _rare_triples(low: str, lexicon: Lexicon) -> list[str]:
    return [tri for tri in trigrams(low) if tri.isascii() and lexicon.trigrams.get(tri, 0) < RARE_TRIGRAM]


def _own_entities(low: str, lexicon: Lexicon) -> dict[int, float]:
    """Entities that ``low`` names on its own (a one-word spelling), and people whose names
    it is part of (Monastyrsky), with their prominence."""
    own: dict[int, float] = {}
    unused = low not in lexicon.targets and lexicon.zipf(low) == 0.0
    for idx in lexicon.name_index.get(low, ()):
        parts, entity, prominence = lexicon.spellings[idx]
        _, name, kind, *_ = lexicon.entries[entity]
        if kind == "person" or (len(parts) == 1 and not (unused and _slip_of(low, fold(name)))):
            own[entity] = max(prominence, own.get(entity, 0.0))
        # else a foreign name of a place that English text never uses, a letter dropped, added
        # or swapped from its English name (Vilnus, Kiyv): in English copy, a slip of that name
    return own


def _slip_of(alias: str, name: str) -> bool:
    """``alias`` is ``name`` with a letter dropped, added or two letters swapped: what a
    keyboard does, not a romanization (Kremenchug, Energodar swap one letter for another)."""
    alias = fold(alias)
    return alias != name and OSA.distance(alias, name) == 1 and (len(alias) != len(name) or sorted(alias) == sorted(name))


def _entities(key: str, lexicon: Lexicon) -> set[int]:
    return {lexicon.spellings[idx][1] for idx in lexicon.name_index.get(key, ())}


def _run_together(words: list[Word], i: int, lexicon: Lexicon, bigrams: Bigrams, null: float) -> list[Scored]:
    """Two words typed without the space between them ("alsosaid" -> "also said")."""
    low = words[i].core
    out = []
    for cut in range(1, len(low)):
        left, right = low[:cut], low[cut:]
        if left not in lexicon.words or right not in lexicon.words:
            continue
        if min(len(left), len(right)) < 2 and left not in ("a", "i"):
            continue
        if right in DERIVATIONS and right not in FUNCTION_WORDS:
            continue  # "debilitating ly": an ending, not a word
        zipf = min(lexicon.words[left], lexicon.words[right])
        if zipf < SPLIT_MIN_ZIPF:
            continue
        context = BIGRAM_WEIGHT * bigrams.affinity(left, right)
        score = zipf - EDIT_COST - SPLIT_COST + context
        entry = Entry(f"word:{left} {right}", f"{left} {right}", "word", "two English words", "symspellpy frequency list")
        cand = Candidate(f"{left} {right}", "word", 1, score, entry, f"a missing space; Zipf {zipf:.1f}")
        # Two content words may be a compound: suggest only, unless no text writes them
        # together and they very often stand side by side ("alsosaid", "primeminister").
        glued = {left, right} & FUNCTION_WORDS and min(len(left), len(right)) >= 2
        usual_pair = lexicon.zipf(low) == 0.0 and bigrams.affinity(left, right) >= SPLIT_AFFINITY
        compound = not (glued or usual_pair)
        out.append(Scored(cand, score - max(context, 0.0) - null, compound))
    return out


def _adjacent(words: list[Word], a: int, b: int) -> bool:
    """Words ``a`` and ``b`` (a < b) stand side by side, with at most one space or mark between."""
    return words[b].token.start - words[a].token.end <= 1


def _neighbours(words: list[Word], i: int, key: str, bigrams: Bigrams) -> tuple[float, str]:
    """Bigram support for ``key`` from the words right before and after it."""
    total = 0.0
    notes = []
    if i > 0 and not words[i - 1].skip and _adjacent(words, i - 1, i):
        prev = words[i - 1].token.text.lower()
        total += bigrams.affinity(prev, key)
        notes.append(f"'{prev} {key}'")
    if i + 1 < len(words) and not words[i + 1].skip and _adjacent(words, i, i + 1):
        nxt = words[i + 1].token.text.lower()
        total += bigrams.affinity(key, nxt)
        notes.append(f"'{key} {nxt}'")
    total *= BIGRAM_WEIGHT
    if not notes or abs(total) < 0.05:
        return total, ""
    return total, f"; context {' '.join(notes)} {total:+.1f}"


def _proper(key: str, lexicon: Lexicon) -> bool:
    """A name rather than a common word: not an English word, or one that is mostly a name."""
    return (
        key not in lexicon.words
        or key in lexicon.prominent
        or key in lexicon.surnames
        or _demonym(key, lexicon)
        or lexicon.name_prior[key][0] >= lexicon.words[key]  # named more than said (Frankfurt, Dnieper)
    )


def _demonym(low: str, lexicon: Lexicon) -> bool:
    """Russian, Ukrainian, Kazakhstani: a country's or region's name with a demonym ending."""
    return any(stem in lexicon.prominent for stem in _demonym_stems(low))


def _demonym_stems(low: str) -> list[str]:
    """The place names ``low`` could be a demonym of: Ukrainian -> ukraini, ukrain, ukraine..."""
    stems = [low + "y"] if low.endswith("an") else []  # German -> germany
    for n in range(1, 4):
        if low[-n:] in DEMONYMS:
            stems += [low[:-n], low[:-n] + "e", low[:-n] + "y"]  # Italian -> italy
    return stems


def _vowel_ending(typed: str, key: str) -> bool:
    """``typed`` is the name ``key`` with final vowels added or dropped (Novotroitske for
    Novotroitsk, Trudovye for Trudovoye) or with another adjective ending (Krasnye for
    Krasnyy): for a place, an adjectival or case form, not a slip. Any other vowel struck
    for another (Crimua) or a doubled last letter (Russiaa) is a slip."""
    if len(typed) == len(key):  # Krasnye for Krasnyy: one adjective ending for another
        return any(
            typed.endswith(a) and key.endswith(b) and typed[: -len(a)] == key[: -len(b)] and len(typed) - len(a) >= 4
            for a in ADJECTIVE_ENDINGS
            for b in ADJECTIVE_ENDINGS
            if a != b
        )
    n = 0
    while n < min(len(typed), len(key)) and typed[n] == key[n]:
        n += 1
    tails = typed[n:], key[n:]
    if typed[n : n + 1] == typed[n - 1 : n]:
        return False
    return n >= 4 and all(len(t) <= 3 and set(t) <= VOWELS for t in tails)


def _in_foreign_phrase(words: list[Word], i: int, lexicon: Lexicon) -> bool:
    """A neighbour is also a capitalized word that is neither English nor a listed name,
    though real text may use it: a transliterated phrase ("Druzhby Narodiv", "Ekho
    Moskvy"), whose words keep their own grammar."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words) or words[j].skip:
            continue
        if _adjacent(words, *sorted((i, j))):
            core = words[j].core
            if core[:1].isupper() and not lexicon.knows(core) and lexicon.words.get(core.lower()) is None:
                return True
    return False


def _slavic_case(typed: str, key: str) -> bool:
    """``typed`` is a Ukrainian or Russian case form of the name ``key`` as transliterated
    phrases keep it (Druzhby for Druzhba, Kyjiva for Kyjiv)."""
    if key.endswith(("a", "ya")):
        return typed[: len(key) - 1] == key[:-1] and typed[len(key) - 1 :] in CASES_OF_A
    return typed.startswith(key) and typed[len(key) :] in CASES_OF_CONSONANT and key[-1:] not in VOWELS


def _demonym_ending(stem: str, ending: str) -> bool:
    """English demonym endings where they attach: Russia-n, Pakistan-i, Chile-an, Sudan-ese
    (not Amsterdam-n)."""
    if ending not in DEMONYMS:
        return False
    if ending == "n":
        return stem[-1:] in ("a", "e")
    if ending in ("i", "ese", "ish"):
        return stem[-1:] not in VOWELS
    return True


def _derived_from_known(low: str, lexicon: Lexicon) -> bool:
    """A regular derivation of a common word that real text uses (defeater, but not
    "smalled"), or a demonym of a prominent place (Kazakhstani)."""
    seen = lexicon.zipf(low) > 0.0 and low not in lexicon.typos
    for plural, singular in LATIN_PLURALS:  # ultimata, stimuli, phenomena
        if seen and low.endswith(plural) and lexicon.words.get(low[: -len(plural)] + singular, 0.0) >= LATIN_ZIPF:
            return True
    for n in range(1, min(5, len(low) - 3) + 1):
        stem, ending = low[:-n], low[-n:]
        if seen and ending in DERIVATIONS and lexicon.words.get(stem, 0.0) >= STEM_ZIPF and _regular(stem, ending):
            return True
        prior, kind = lexicon.name_prior.get(stem, (0.0, ""))
        if seen and _demonym_ending(stem, ending) and kind == "place" and prior >= DEMONYM_PROMINENCE:
            return True
    return False


def _prefixed(low: str, lexicon: Lexicon) -> bool:
    """A prefix on a very common word, however new the whole (demine, deoccupation)."""
    return low not in lexicon.typos and any(
        low.startswith(p) and len(low) - len(p) >= 4 and lexicon.words.get(low[len(p) :], 0.0) >= PREFIX_STEM_ZIPF
        for p in PREFIXES
    )


def _regular(stem: str, ending: str) -> bool:
    """English spelling of a suffix: a silent e drops before a vowel (use -> using, used)."""
    if ending == "d":
        return stem.endswith("e")
    if ending == "s":
        return not stem.endswith("s")
    if ending[0] in "aeiou":
        return not stem.endswith("e")
    return True


def _derived(typed: str, key: str, lexicon: Lexicon) -> bool:
    """``typed`` is ``key`` with a regular ending (a form the lexicon lacks, not a typo of it):
    an English suffix, a demonym, or a Slavic name's feminine or patronymic form
    (Shcherbakova, Mykolaivna, Zelenska)."""
    if key.endswith(SLAVIC_MASCULINE) and typed.startswith(key[:-1]) and typed[len(key) - 1 :] in ("a", "aya", "ka"):
        return True  # Zelensky -> Zelenska, Zelenskaya
    if key in lexicon.prominent and _slavic_derivation(typed, key) and OSA.distance(typed, key) > 1:
        return True  # Ukrainets, Ukrainky, Russky, Kyivska: words made from the name (Estonka is a slip)
    if not typed.startswith(key) or typed == key:
        return False
    ending = typed[len(key) :]
    if ending in DERIVATIONS and _regular(key, ending):
        return True
    if ending in SLAVIC_FORMS and (ending != "a" or key.endswith(("ov", "ev", "in", "yn"))):
        return True
    return _demonym_ending(key, ending) and key in lexicon.prominent


def _slavic_derivation(typed: str, key: str) -> bool:
    """``typed`` is a Ukrainian or Russian word made from the place name ``key``: its stem
    without the final vowels and a noun or adjective suffix (Ukrain-ets, Russ-ky, Kyiv-ska)."""
    stem = key.rstrip("aeiouy")
    return len(stem) >= 4 and typed.startswith(stem) and typed[len(stem) :] in SLAVIC_DERIVATIONS


def _name_worthy(words: list[Word], i: int, key: str, lexicon: Lexicon, in_document: Counter[str]) -> bool:
    """A capitalized word may become an English word only if that word is a name here:
    an official's surname, a country or capital, or the part of a longer name whose
    other part stands beside it ("Russian Fedeation")."""
    if not words[i].core.isascii() and key in lexicon.words:
        return False  # "Hoş" is a foreign word, not a typo of "Hot"
    if _proper(key, lexicon):
        return True
    if in_document[lexicon.display[key]]:
        return True  # the document itself uses it as a name
    return _beside_partner(words, i, key, lexicon) is not None


def _name_candidate(
    words: list[Word],
    i: int,
    key: str,
    dist: int,
    lexicon: Lexicon,
    in_document: Counter[str],
    topics: frozenset[str],
    bigrams: Bigrams,
    person: bool = False,
) -> Candidate:
    core = words[i].core
    prominence, kind = lexicon.name_prior[key]
    if person and _names_person(key, lexicon):
        # a person's name here, as likely as the people so named: Andrei Karin, not the town Karin
        prominence, kind = _person_prominence(key, lexicon), "person"
    elif kind == "place" and not in_document[lexicon.display[key]]:  # the text's own spelling (Makeyevka) is meant
        prominence = _named_prominence(key, lexicon, topics)
    prior = prominence
    if (
        key not in lexicon.words
        or (key in lexicon.surnames and lexicon.words[key] < COMMON_ZIPF)  # Such, Will: words first
        or _demonym(key, lexicon)
        or prominence >= CAPITAL
        or (key in lexicon.prominent and _place_first(key, prominence, lexicon))
    ):
        # How often text names it; for an English word that is also a town ("Goes", "Nice"),
        # the word's frequency would measure the word, not the town.
        prior = max(prominence, lexicon.zipf(key)) + USAGE_WEIGHT * lexicon.zipf(key)
    evidence: list[str] = []
    bonus = 0.0
    entry, partner, named = _same_name(words, i, key, lexicon)
    if partner:
        prior = max(prior, named)  # "Russian Ederatjon": as likely as the Russian Federation is named
        bonus += SAME_NAME_BONUS + (NEAR_NAME_BONUS if dist == 1 else -_shared(partner, lexicon))
        evidence.append(f"next to '{partner}' as in {entry.name}" if entry else f"next to '{partner}'")
    display = lexicon.display[key]
    used = in_document[display] - (partner == display)  # "Tora Bora": Bora beside it is the partner, not another use
    if used >= max(1, in_document[core]):
        bonus += IN_DOCUMENT_BONUS / dist  # the nearer spelling is the likelier one meant
        evidence.append(f"'{display}' appears {in_document[display]}x in the text")
    before = words[i - 1].core.lower() if i > 0 else ""
    if kind == "person" and before in TITLES:
        bonus += TITLE_BONUS
        evidence.append(f"after '{words[i - 1].core}'")
    elif kind == "place" and before in PLACE_PREPOSITIONS:
        bonus += PREPOSITION_BONUS
        evidence.append(f"after '{words[i - 1].core}'")
    if kind == "place" and PLACE_NOUN_BONUS:
        noun = _place_noun(words, i)
        if noun:
            bonus += PLACE_NOUN_BONUS
            evidence.append(noun)
    if TOPIC_BONUS and kind == "place" and _of_topic(key, lexicon, topics) and lexicon.zipf(core) == 0.0:
        bonus += TOPIC_BONUS
        evidence.append("a place of the text's country")
    bonus -= _adjective_cue(words[i], key, lexicon)
    bonus -= _form_cue(words, i, key, lexicon, bigrams)
    if entry is None:
        entry = _best_entry(key, lexicon, topics, person=kind == "person")
    score = prior - _edit_cost(core, key, dist, slips=True) + bonus
    return Candidate(recase(display, core), entry.kind, dist, score, entry, "; ".join(evidence))


def _shared(partner: str, lexicon: Lexicon) -> float:
    """How little a neighbour says about whose name this is: a given name as common as Tom
    (Zipf 4.9) is borne by many people, among them many that no list has."""
    return max(0.0, lexicon.zipf(partner) - SHARED_NAME_ZIPF)


def _place_noun(words: list[Word], i: int) -> str:
    """What says that the word at ``i`` names a place: "Sumy region"."""
    if i + 1 < len(words) and _adjacent(words, i, i + 1) and words[i + 1].core.lower() in PLACE_NOUNS:
        return f"before '{words[i + 1].core}'"
    return ""


def _place_first(key: str, prominence: float, lexicon: Lexicon) -> bool:
    """Text names this place about as often as it uses the word (China, London), unlike
    "Central" or "Nice": words first, whatever region or town is so called."""
    return lexicon.words.get(key, 0.0) <= prominence + PLACE_FIRST_SLACK


def _named_prominence(key: str, lexicon: Lexicon, topics: frozenset[str]) -> float:
    """How likely text names a place (or person) called ``key``: the most prominent of its
    entities, where a far place counts only as much as text uses its name. Far means in no
    country the text is about (when it names any); countries and capitals are never far by
    their main names.
    So Domas (Damascus in Lithuanian) and Maringá (a Brazilian city, in a text on Ukraine)
    weigh what English text gives them, while Kharkov in a text on Ukraine keeps its city's
    prominence."""
    capped = lexicon.zipf(key) + ALIAS_SLACK
    best = 0.0
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, prominence = lexicon.spellings[idx]
        _, name, kind, description, _ = lexicon.entries[entity]
        if kind == "place" and len(parts) != 1:
            prominence = min(prominence, PERSON_PROMINENCE)  # a part of a longer name ("General" Santos)
        elif kind == "place" and lexicon.countries[entity] not in topics:
            main = fold(parts[0]) == fold(name).strip("'’ʼ")
            # a text that names no country has no far towns; countries and capitals are never far
            if not main or (topics and not description.startswith(("country", "capital"))):
                prominence = min(prominence, capped)
        best = max(best, prominence)
    return best


def _same_name(words: list[Word], i: int, key: str, lexicon: Lexicon) -> tuple[Entry | None, str, float]:
    """The entry of a name in which ``key`` stands right beside the typed word's exact
    neighbour, that neighbour, and the name's prominence."""
    hit = _beside_partner(words, i, key, lexicon)
    if hit is None:
        return None, "", 0.0
    idx, partner = hit
    name = lexicon.name(idx)
    return name.entry, partner, name.prominence


def _beside_partner(words: list[Word], i: int, key: str, lexicon: Lexicon) -> tuple[int, str] | None:
    """A listed spelling with ``key`` next to the word that neighbours position ``i``."""
    before = _name_side(words, i, -1)
    after = _name_side(words, i, 1)
    if not before and not after:
        return None
    prev = [w.core.lower() for w in before]
    nxt = [w.core.lower() for w in after]
    found: list[tuple[float, int, bool, int, str]] = []  # _rank, -spelling number, partner
    for idx in lexicon.name_index[key]:
        parts = [p.lower() for p in lexicon.spellings[idx][0]]
        for pos, part in enumerate(parts):
            if part != key:
                continue
            if nxt and parts[pos + 1 : pos + 1 + len(nxt)] == nxt:
                found.append((*_rank(idx, lexicon), -idx, after[-1].core))
            elif prev and pos >= len(prev) and parts[pos - len(prev) : pos] == prev:
                found.append((*_rank(idx, lexicon), -idx, before[0].core))
    if not found:
        return None
    *_, idx, partner = max(found)  # the most prominent entity, by its main name (United States, not a territory's alias)
    return -idx, partner


def _rank(idx: int, lexicon: Lexicon) -> tuple[float, int, bool]:
    """Prominent first, then the shortest name, then an entity's main name over an alias."""
    parts, entity, prominence = lexicon.spellings[idx]
    return prominence, -len(parts), " ".join(parts) == lexicon.entries[entity][1]


def _partner(words: list[Word], j: int) -> str | None:
    """The lowercase neighbour at ``j`` if it is distinctive enough to identify a person."""
    if j < 0 or j >= len(words) or words[j].skip:
        return None
    core = words[j].core
    low = core.lower()
    if core[:1].islower():
        return None  # names are capitalized: "said" is no part of Port Said here
    return low if len(low) >= 2 and low not in PARTICLES and low not in FUNCTION_WORDS else None


def _name_side(words: list[Word], i: int, step: int) -> list[Word]:
    """The words on one side of ``i`` that can pin down a name: the distinctive neighbour, or
    a particle and the distinctive word beyond it (Mohammed bin [Salman], Lula da [Silva])."""
    j = i + step
    if not 0 <= j < len(words) or not _adjacent(words, min(i, j), max(i, j)):
        return []  # "Ruth Porat, said": no Port Said across a comma
    if _partner(words, j):
        return [words[j]]
    k = j + step
    if words[j].core.lower() in PARTICLES and _partner(words, k) and _adjacent(words, min(j, k), max(j, k)):
        return [words[j], words[k]][::step]
    return []


def _best_entry(key: str, lexicon: Lexicon, topics: frozenset[str], person: bool = False) -> Entry:
    """The most prominent entity the name word belongs to, preferring those of the text's
    countries (and people, where the word stands for a person's name)."""

    def rank(idx: int) -> tuple[bool, bool, bool, float]:
        parts, entity, prominence = lexicon.spellings[idx]
        # the entity the word names by itself (the region Donbas), not one whose longer name
        # contains it (Donetsk, alias "Donbas City")
        is_person = lexicon.entries[entity][2] == "person"
        return is_person or not person, len(parts) == 1, lexicon.countries[entity] in topics, prominence

    return lexicon.name(max(lexicon.name_index[key], key=rank)).entry


def _of_topic(key: str, lexicon: Lexicon, topics: frozenset[str]) -> bool:
    """A prominent place (a region, a city of about 30,000 or more) in a country the text is about."""
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, prominence = lexicon.spellings[idx]
        if len(parts) == 1 and prominence >= TOPIC_PROMINENCE and lexicon.countries[entity] in topics:
            return True
    return False


def _topics(in_document: Counter[str], lexicon: Lexicon) -> frozenset[str]:
    """Countries the text is about: those of the countries, regions and cities it names
    (Ukraine, Kharkiv) or whose demonyms it uses (Ukrainian)."""
    found: set[str] = set()
    for word in in_document:
        if not word[:1].isupper():
            continue
        low = word.lower()
        named: dict[str, tuple[float, bool]] = {}  # country -> its best place so called
        for stem in [low, *_demonym_stems(low)]:
            if stem not in lexicon.prominent:
                continue
            for idx in lexicon.name_index.get(stem, ()):
                parts, entity, prominence = lexicon.spellings[idx]
                _, name, kind, *_ = lexicon.entries[entity]
                if (
                    len(parts) == 1
                    and prominence >= TOPIC_PROMINENCE
                    and kind == "place"
                    and _place_first(stem, prominence, lexicon)  # not Central, Western, David
                ):
                    rank = (prominence, fold(parts[0]) == fold(name))
                    country = lexicon.countries[entity]
                    named[country] = max(named.get(country, rank), rank)
        if named:
            # the place a word names first: Santiago is Chile's capital, Armenia the country
            best = max(named.values())
            found.update(country for country, rank in named.items() if rank == best)
    found.discard("")
    return frozenset(found)


def _neighbour_keys(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ in one letter and the two letters are QWERTY neighbours."""
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0][1] in QWERTY_NEIGHBOURS.get(diff[0][0], "")


def _vowel_for_vowel(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ in one letter and both letters are vowels (seperate)."""
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS


def _struck_beside(typed: str, key: str) -> bool:
    """True when ``typed`` is ``key`` with one letter added next to a QWERTY neighbour of it."""
    for j in range(len(typed)):
        if typed[:j] + typed[j + 1 :] == key:
            extra = typed[j]
            around = typed[j - 1 : j] + typed[j + 1 : j + 2]
            if any(extra in QWERTY_NEIGHBOURS.get(c, "") for c in around):
                return True
    return False


def _slip_cost(typed: str, key: str) -> float:
    """The cheapest sequence of slips turning ``key`` into ``typed``, each priced as in
    ``_edit_cost`` (a key beside the right one, a doubled or dropped letter, swapped
    letters): a weighted Damerau-Levenshtein distance."""
    n, m = len(typed), len(key)
    # a letter typed that the key lacks: doubled, struck with its neighbour, or stray
    extra = []
    for i, t in enumerate(typed):
        around = typed[i - 1 : i] + typed[i + 1 : i + 2]
        if t in around:
            extra.append(TRANSPOSITION_COST)
        elif any(t in QWERTY_NEIGHBOURS.get(c, "") for c in around):
            extra.append(KEYBOARD_COST)
        else:
            extra.append(EDIT_COST)
    # a letter of the key left out: undoubled, or dropped
    lost = [
        TRANSPOSITION_COST if key[j - 1 : j] == k or key[j + 1 : j + 2] == k else DELETION_COST
        for j, k in enumerate(key)
    ]
    prev2: list[float] = []
    prev = [EDIT_COST * j for j in range(m + 1)]
    for i in range(1, n + 1):
        t = typed[i - 1]
        near_t = QWERTY_NEIGHBOURS.get(t, "")
        row = [EDIT_COST * i] + [0.0] * m
        for j in range(1, m + 1):
            k = key[j - 1]
            if t == k:
                best = prev[j - 1]
            else:
                best = prev[j - 1] + (KEYBOARD_COST if k in near_t or (t in VOWELS and k in VOWELS) else EDIT_COST)
            best = min(best, prev[j] + extra[i - 1], row[j - 1] + lost[j - 1])
            if i > 1 and j > 1 and t == key[j - 2] and typed[i - 2] == k:
                best = min(best, prev2[j - 2] + TRANSPOSITION_COST)
            row[j] = best
        prev2, prev = prev, row
    return prev[m]


def _edit_cost(typed: str, key: str, dist: int, *, slips: bool = False) -> float:
    cost = EDIT_COST * dist
    if dist == 2 and slips:
        # Two slips of a name are priced as two slips ("Braatispava": a doubled letter and
        # a neighbouring key). Not for English words: so many of them lie two edits from
        # any typo that the discount favours far rivals (measured on dev: words -0.4).
        cost = min(cost, _slip_cost(typed.lower(), key))
    if dist > 1 and len(typed) <= SHORT_WORD:
        cost += SHORT_WORD_EXTRA_COST * (dist - 1)  # two slips in a short word: a different word
    low = typed.lower()
    if dist == 1 and len(low) == len(key) and (_neighbour_keys(low, key) or _vowel_for_vowel(low, key)):
        cost = KEYBOARD_COST  # one key struck for the one beside it, or one vowel for another
        # (a vowel that is another romanization, Daniil for Danyil, is only suggested: see _score)
    elif dist == 1 and len(low) == len(key) + 1 and _struck_beside(low, key):
        cost = KEYBOARD_COST  # an extra key struck with its neighbour ("Rusdsia")
    elif dist == 1 and len(low) == len(key) and sorted(low) == sorted(key):
        cost = TRANSPOSITION_COST  # the commonest slips of the keyboard: swapped letters,
    elif dist == 1 and _DOUBLED.sub(r"\1", low) == _DOUBLED.sub(r"\1", key):
        cost = TRANSPOSITION_COST  # and a letter doubled or undoubled
    elif dist == 1 and len(low) + 1 == len(key):
        cost = DELETION_COST  # a letter left out: one way to do it, where a slip to another key has several
    if typed[:1].lower() != key[:1]:
        cost += FIRST_LETTER_COST
    return cost


def _dedupe(scored: list[Scored]) -> list[Scored]:
    seen: set[str] = set()
    out = []
    for s in scored:
        if s.candidate.text not in seen:
            seen.add(s.candidate.text)
            out.append(s)
    return out


def _finding(
    word: Word, scored: list[Scored], listed: bool, lexicon: Lexicon, in_document: Counter[str]
) -> Finding | None:
    floor = 0.0 if listed else LOWERCASE_SUGGEST_MARGIN if word.core.islower() else SUGGEST_MARGIN
    if not scored or scored[0].margin < floor:
        return None
    best = scored[0]
    # Spellings of the same person or place do not compete with each other; among the
    # near-best of them the fix is the one this text uses, else the one text uses most
    # (Kyiv, not Kyyv).
    same = [s for s in scored if s is best or _same_entity(s.candidate, best.candidate, lexicon)]
    near = [s for s in same if best.candidate.score - s.candidate.score <= SAME_ENTITY_SLACK]

    def usage(s: Scored) -> tuple[int, bool, float]:
        entry = s.candidate.entry
        main = entry is not None and s.candidate.text.lower() in entry.name.lower().split()
        return in_document[s.candidate.text], main, lexicon.zipf(s.candidate.text)

    used = max(near, key=usage)
    if used is not best and usage(used) > usage(best):
        best = Scored(used.candidate, best.margin, best.suggest_only)
    rivals = [s for s in scored if s not in same]
    gap = best.candidate.score - rivals[0].candidate.score if rivals else math.inf
    margin = best.margin
    if not rivals and len(word.core) >= LONG_WORD:
        margin += ALONE_BONUS if word.core.islower() else NAME_ALONE  # the only word within two edits of a long unknown word
    if word.core.islower():
        gap += LOWERCASE_GAP_SLACK
    sure = min(margin, gap)
    if best.suggest_only:
        sure = min(sure, FIX_MARGIN - 0.01)
    confidence = min(MAX_CONFIDENCE, round(1.0 / (1.0 + 10 ** (-sure)), 3))
    fix = round(sure, 9) >= FIX_MARGIN  # 0.4 + 0.6 is a margin of 1
    cand = best.candidate
    suggestions = tuple(s.candidate.text for s in scored[:MAX_SUGGESTIONS] if s.margin >= floor)
    tok = word.token
    kind: Kind = cand.kind
    return Finding(
        start=tok.start,
        end=tok.start + len(word.core),
        text=word.core,
        replacement=cand.text if fix else None,
        suggestions=suggestions,
        confidence=confidence,
        kind=kind,
        action="fix" if fix else "suggest",
        reason=_reason(word, cand, fix, listed, _rare_triples(word.core.lower(), lexicon)),
        rule="spelling",
        entry=cand.entry,
    )


def _same_entity(a: Candidate, b: Candidate, lexicon: Lexicon) -> bool:
    """Two whole spellings of one person or place (Kiev, Kiyev), not a name and a part of a longer one."""
    if a.entry is None or b.entry is None or a.entry.kind == "word" or b.entry.kind == "word":
        return False
    if a.entry.kind == "person" and a.entry.id == b.entry.id:
        return True  # two spellings of one official's name (Zelensky, Zelenskyy)
    ka, kb = a.text.lower(), b.text.lower()
    if a.entry.id != b.entry.id and not _entities(ka, lexicon) & _entities(kb, lexicon):
        return False  # two entries may list one place (Donbas, Donbass)
    return _whole(ka, lexicon) and _whole(kb, lexicon)


def _whole(key: str, lexicon: Lexicon) -> bool:
    if _demonym(key, lexicon):
        return False  # "Russian" is listed among Russia's names, but it is the adjective
    return any(len(lexicon.spellings[idx][0]) == 1 for idx in lexicon.name_index.get(key, ()))


def _reason(word: Word, cand: Candidate, fix: bool, listed: bool, rare: Sequence[str] = ()) -> str:
    """Which rule, what the typed word is not, which entry backs the candidate and its source."""
    entry = cand.entry
    what = f"{entry.name} ({entry.description}; source: {entry.source})" if entry else cand.text
    edits = "1 edit" if cand.distance == 1 else f"{cand.distance} edits"
    typed = f"'{word.core}' is " + ("listed only within other names, or in other languages" if listed else "not a known word or name")
    if rare and shape(word.core) != "lower":
        typed += "; " + ", ".join(f"'{t.strip('^$')}'" for t in rare[:MAX_RARE_SEQUENCES]) + " hardly occurs in words or names"
    head = f"rule spelling: {typed}; {'likely' if fix else 'perhaps'} {what}, {edits} away"
    return f"{head}; {cand.evidence}" if cand.evidence else head
