"""Words made from other words: regular English endings, demonyms, Slavic name forms.

A word derived so from a known one is a gap in the lexicon, not a typo: these
predicates are gates, applied before any scoring.
"""

from __future__ import annotations

import math

from rapidfuzz.distance import OSA

from normalize.edits import VOWELS
from normalize.lexicon import PLACE_PROMINENCE, Lexicon

# Latin and Greek plurals English keeps (ultimatum -> ultimata); their singulars may be rarer.
LATIN_PLURALS = (("a", "um"), ("i", "us"), ("a", "on"), ("ae", "a"), ("ices", "ex"), ("ices", "ix"))
LATIN_ZIPF = 2.0
STEM_ZIPF = 3.0  # only common words lend their endings to unknown words
PREFIXES = (
    "de",
    "re",
    "un",
    "non",
    "counter",
    "anti",
    "mis",
    "over",
    "under",
    "post",
)  # not pre- (prepair, premission)
PREFIX_STEM_ZIPF = 4.0  # and only very common ones their beginnings
INFLECTION_STEM_ZIPF = 3.0  # the stem of an inflected form (``inflected_form``) is a common word
PLURAL_SLACK = 1.0  # a plural may be up to 10 times commoner than its singular (talks, forces)
# Endings that make a word from another (defeat -> defeater, Kazakhstan -> Kazakhstani):
# a word built so from a known one is a gap in the lexicon, not a typo.
DERIVATIONS = frozenset("s es ed d ing ings er ers ly ism ist ists ness less ful able ment ments".split())
DEMONYMS = frozenset("i n an ian ese ish".split())
# The demonyms that name one person of a people, and take a plural -s (Andorrans, Tuvaluans, Omanis)
PERSON_DEMONYMS = frozenset("i n an ian".split())
# Pronouns and determiners take no English ending: a lowercase word made so (thems, hims, thiss)
# is a slip of the word, not a form the lexicon lacks
UNINFLECTED = frozenset(
    "them him his its our my me us they you she this that these those what which whom whose".split()
)
# English writes -es after a hissing sound or an o (boxes, wishes, heroes), -s elsewhere: armes, himes
# are slips of arms, homes, not forms the lexicon lacks
ES_AFTER = ("s", "x", "z", "ch", "sh", "o")
# Feminine and patronymic endings of Slavic names (Ivanov -> Ivanova, Mykola -> Mykolaivna).
# English endings of one letter (Syria-s, France-n); not the demonym's -i, which the lexicon
# lacks for many a real form (Turkmenistani)
ONE_LETTER_ENDINGS = frozenset(e for e in DERIVATIONS | DEMONYMS if len(e) == 1) - {"i"}
PAST_ENDING = "d"  # of the one-letter endings, the one only a verb takes (used, Skopjed)
COUNTRY = PLACE_PROMINENCE["country"]  # a country's prominence
SLAVIC_FORMS = frozenset("a na vna ovna ivna yivna evna ich ych ovich ovych evich ivich".split())
CASES_OF_A = frozenset("y i u e oyu oi ei".split())  # Druzhba: Druzhby, Druzhbi, Druzhbu, Druzhboyu
CASES_OF_CONSONANT = frozenset("a u om i e y".split())  # Kyjiv: Kyjiva, Kyjivu, Kyjivom
ADJECTIVE_ENDINGS = ("yy", "yi", "iy", "ii", "ij", "yj", "ye", "ie", "oe", "oye", "aya", "ya")  # Russian, Ukrainian
PATRONYMICS = ("ivna", "ovna", "evna", "ovych", "ovich", "evych", "evich", "ivich")
# Ukrainian and Russian nouns and adjectives made from a place name (Ukrainets, Russky, Kyivska)
SLAVIC_DERIVATIONS = frozenset("ets tsi tsy ka ky ki ska ske sky ski skyi skyy skiy skaya skoye skoe sk".split())
SLAVIC_MASCULINE = ("sky", "skyi", "skyy", "skiy", "skii")
DEMONYM_PROMINENCE = 3.0  # countries and regions have demonyms; small towns rarely do


def british_doubling(typed: str, key: str, lexicon: Lexicon) -> bool:
    """``typed`` doubles the consonant that ``key`` has before its ending, as British English
    does (combatting, travelled, focussed for combating, traveled, focused). ``key`` must be
    an inflection of a word as common as itself, less PLURAL_SLACK (combat, travel, focus):
    during is no inflection of dur (Zipf 2.7 against 5.7), so durring is a slip."""
    words = lexicon.words
    for ending in ("ing", "ed", "er", "ers"):
        if typed.endswith(ending) and key.endswith(ending):
            stem, base = typed[: -len(ending)], key[: -len(ending)]
            if len(base) <= 1 or base[-1] in VOWELS or stem != base + base[-1]:
                return False
            return words.get(base, 0.0) >= words.get(key, 0.0) - PLURAL_SLACK
    return False


def demonym(low: str, lexicon: Lexicon) -> bool:
    """Russian, Ukrainian, Kazakhstani: a country's or region's name with a demonym ending."""
    return any(stem in lexicon.prominent for stem in demonym_stems(low))


def demonym_stems(low: str) -> list[str]:
    """The place names ``low`` could be a demonym of: Ukrainian -> ukraini, ukrain, ukraine..."""
    stems = [low + "y"] if low.endswith("an") else []  # German -> germany
    for n in range(1, 4):
        if low[-n:] in DEMONYMS:
            stems += [low[:-n], low[:-n] + "e", low[:-n] + "y"]  # Italian -> italy
    return stems


def vowel_ending(typed: str, key: str) -> bool:
    """``typed`` is the name ``key`` with final vowels added or dropped (Novotroitske for
    Novotroitsk, Trudovye for Trudovoye) or with another adjective ending (Krasnye for
    Krasnyy): for a place, an adjectival or case form, not a slip. Any other vowel struck
    for another (Crimua) or a doubled last letter (Russiaa) is a slip."""
    if len(typed) == len(key):  # Krasnye for Krasnyy: one adjective ending for another
        return any(
            key.endswith(b) and typed[: -len(a)] == key[: -len(b)] and len(typed) - len(a) >= 4
            for a in ADJECTIVE_ENDINGS
            if typed.endswith(a)
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


def slavic_case(typed: str, key: str) -> bool:
    """``typed`` is a Ukrainian or Russian case form of the name ``key`` as transliterated
    phrases keep it (Druzhby for Druzhba, Kyjiva for Kyjiv)."""
    if key.endswith(("a", "ya")):
        return typed[: len(key) - 1] == key[:-1] and typed[len(key) - 1 :] in CASES_OF_A
    return typed.startswith(key) and typed[len(key) :] in CASES_OF_CONSONANT and key[-1:] not in VOWELS


def demonym_ending(stem: str, ending: str) -> bool:
    """English demonym endings where they attach: Russia-n, Pakistan-i, Chile-an, Sudan-ese
    (not Amsterdam-n)."""
    if ending not in DEMONYMS:
        return False
    if ending == "n":
        return stem[-1:] in ("a", "e")
    if ending in ("i", "ese", "ish"):
        return stem[-1:] not in VOWELS
    return True


# Demonyms that take the place of a name's last vowel (Canad-ian, Argentin-ian, Herzegovin-ian,
# Mexic-an, Chin-ese, Malt-ese): two edits from the name, a word that English makes, not a slip
VOWEL_DEMONYMS = ("ian", "an", "ese")


def vowel_demonym(typed: str, key: str, lexicon: Lexicon) -> bool:
    """``typed`` is the prominent place ``key`` with its last vowel replaced by a demonym
    ending (Herzegovinian for Herzegovina; not Kenyan, Kenya-n, which ``derived`` reads)."""
    if key[-1:] not in ("a", "o") or len(key) < 4 or key not in lexicon.prominent:
        return False
    stem = key[:-1]
    return any(typed == stem + e and not typed.startswith(key) for e in VOWEL_DEMONYMS)


def derived_from_known(low: str, lexicon: Lexicon, *, lowercase: bool = False) -> bool:
    """A regular derivation of a common word that real text uses (defeater, but not
    "smalled"), or a demonym of a prominent place (Kazakhstani); ``lowercase``: the word is
    typed so, and an English word's ending must be one English puts there (``lends``), and no
    demonym is read (a lowercase comi, fari, boen is no Com-i, Far-i, Boe-n)."""
    if lexicon.zipf(low) <= 0.0 or low in lexicon.typos:
        return False  # a word real text never uses is no derivation it uses (no stem looked up)
    if latin_plural(low, lexicon):
        return True
    for n in range(1, min(5, len(low) - 3) + 1):
        stem, ending = low[:-n], low[-n:]
        if ending in DERIVATIONS and lexicon.words.get(stem, 0.0) >= STEM_ZIPF and regular(stem, ending):
            if not lowercase or lends(stem, ending):
                return True
        if demonym_ending(stem, ending) and not lowercase:  # (English writes a demonym capitalized: comi, fari)
            prior, kind = lexicon.name_prior.get(stem, (0.0, ""))
            if kind == "place" and prior >= DEMONYM_PROMINENCE:
                return True
    return False


def latin_plural(low: str, lexicon: Lexicon) -> bool:
    """A Latin or Greek plural English keeps of a word in use (ultimata, stimuli, phenomena)."""
    return any(
        low.endswith(plural) and lexicon.words.get(low[: -len(plural)] + singular, 0.0) >= LATIN_ZIPF
        for plural, singular in LATIN_PLURALS
    )


def english_derivation(low: str, lexicon: Lexicon) -> bool:
    """A lowercase word that ``derived_from_known`` reads as a common word with a regular English
    ending (defeater, lends; hads, mader), not as a Latin plural: a form real text uses, or a slip
    of another word that happens to take that shape (``derived_word``)."""
    return derived_from_known(low, lexicon, lowercase=True) and not latin_plural(low, lexicon)


def derivation_stems(low: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The common words of which a lowercase ``low`` reads as a regular English derivation
    (deys: dey; hads: had), as ``derived_from_known`` reads them with ``lowercase``."""
    return tuple(
        low[:-n]
        for n in range(1, min(5, len(low) - 3) + 1)
        if low[-n:] in DERIVATIONS
        and lexicon.words.get(low[:-n], 0.0) >= STEM_ZIPF
        and regular(low[:-n], low[-n:])
        and lends(low[:-n], low[-n:])
    )


def prefixed(low: str, lexicon: Lexicon) -> bool:
    """A prefix on a very common word, however new the whole (demine, deoccupation)."""
    return low not in lexicon.typos and any(
        low.startswith(p) and len(low) - len(p) >= 4 and lexicon.words.get(low[len(p) :], 0.0) >= PREFIX_STEM_ZIPF
        for p in PREFIXES
    )


def inflected_form(word: str, lexicon: Lexicon) -> bool:
    """A past participle, a gerund or an adverb of a common English word (exchanged, making, truly)."""
    for ending in ("ed", "ing", "ly"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            # (relied, happily: the y of rely, happy written i before the ending)
            doubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else ""
            for form in (stem, stem + "e", doubled, stem[:-1] + "y" if stem.endswith("i") and ending != "ing" else ""):
                if form and lexicon.words.get(form, 0.0) >= INFLECTION_STEM_ZIPF:
                    return True
    return False


def plural_form(word: str, lexicon: Lexicon) -> bool:
    """A plural or a verb's -s form of a common English word (countries, processes, talks),
    not a word of its own that merely ends in s (trans: 20 times commoner than "tran")."""
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return False
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    floor = max(INFLECTION_STEM_ZIPF, lexicon.words.get(word, 0.0) - PLURAL_SLACK)
    return any(lexicon.words.get(stem, 0.0) >= floor for stem in stems if len(stem) >= 3)


def lends(stem: str, ending: str) -> bool:
    """Whether English makes an unlisted lowercase word from the word ``stem`` and ``ending``:
    not from a pronoun or a determiner (thems), nor -es after a letter that takes -s (armes)."""
    if stem in UNINFLECTED:
        return False
    return ending != "es" or stem.endswith(ES_AFTER)


def regular(stem: str, ending: str) -> bool:
    """English spelling of a suffix: a silent e drops before a vowel (use -> using, used)."""
    if ending == "d":
        return stem.endswith("e")
    if ending == "s":
        return not stem.endswith("s")
    if ending[0] in "aeiou":
        return not stem.endswith("e")
    return True


# A derivational ending this long (-ism, -ist, -ness, -less, -ment) is a word's own, not a slip's letters.
SIBLING_ENDING = 3


# Endings English pairs on one stem, whatever the stem (a doctrine and its follower: protagonism,
# kabbalism, anarchisms; an adjective and its adverb: discernibly): the stem need be no word
PAIRED_ENDINGS = (("ism", "ist"), ("ible", "ibly"), ("able", "ably"))
PAIRED_STEM = 4  # letters of the stem at least (not prism, prist)


def paired_ending(typed: str, key: str) -> bool:
    """``typed`` and ``key`` are one stem of PAIRED_STEM letters or more with the two endings
    of a pair English makes on any stem, either with a plural s (protagonism, protagonist or
    protagonists; anarchisms, anarchist; discernibly, discernible): a form the lexicon lacks,
    made as its sibling is, not a slip of it."""
    for t in {typed, typed.removesuffix("s")}:
        for k in {key, key.removesuffix("s")}:
            for a, b in PAIRED_ENDINGS:
                for one, other in ((a, b), (b, a)):
                    stem = t.removesuffix(one)
                    if t.endswith(one) and len(stem) >= PAIRED_STEM and k == stem + other:
                        return True
    return False


def sibling_derivation(typed: str, key: str, lexicon: Lexicon) -> bool:
    """``typed`` and ``key`` are one common stem with two different derivational endings of
    ``SIBLING_ENDING`` letters or more, neither the other's start (multilateralist, multilateralism;
    nothingless, nothingness; not leadings, leading): a form the lexicon lacks, made as its
    sibling is, not a slip of it; or two endings English pairs on any stem (``paired_ending``)."""
    if paired_ending(typed, key):
        return True
    for n in range(SIBLING_ENDING, min(5, len(typed) - 3) + 1):
        stem, ending = typed[:-n], typed[-n:]
        other = key[len(stem) :]
        if (
            ending in DERIVATIONS
            and len(other) >= SIBLING_ENDING
            and not (other.startswith(ending) or ending.startswith(other))  # ing, ings: a number, a slip's s
            and other in DERIVATIONS
            and key.startswith(stem)
            and lexicon.words.get(stem, 0.0) >= STEM_ZIPF
            and regular(stem, ending)
        ):
            return True
    return False


def derived(typed: str, key: str, lexicon: Lexicon, *, lowercase: bool = False) -> bool:
    """``typed`` is ``key`` with a regular ending (a form the lexicon lacks, not a typo of it):
    an English suffix, a demonym, or a Slavic name's feminine or patronymic form
    (Shcherbakova, Mykolaivna, Zelenska); ``lowercase``: as ``derived_from_known``'s."""
    if key.endswith(SLAVIC_MASCULINE) and typed.startswith(key[:-1]) and typed[len(key) - 1 :] in ("a", "aya", "ka"):
        return True  # Zelensky -> Zelenska, Zelenskaya
    if key in lexicon.prominent and slavic_derivation(typed, key) and OSA.distance(typed, key) > 1:
        return True  # Ukrainets, Ukrainky, Russky, Kyivska: words made from the name (Estonka is a slip)
    if not typed.startswith(key) or typed == key:
        return False
    ending = typed[len(key) :]
    if ending in DERIVATIONS and regular(key, ending):
        return not lowercase or lends(key, ending)
    if ending in SLAVIC_FORMS and (ending != "a" or key.endswith(("ov", "ev", "in", "yn"))):
        return True
    if ending[-1:] == "s" and ending[:-1] in PERSON_DEMONYMS:
        ending = ending[:-1]  # the people: Andorrans, Tuvaluans, Omanis
    return demonym_ending(key, ending) and key in lexicon.prominent


def unused_place_form(typed: str, key: str, lexicon: Lexicon) -> bool:
    """``typed`` is a place's name ``key`` and one letter of an English ending (France-n,
    Syria-s, Crimea-s) that real text never writes (Kyivan is a form it uses), or a country's
    name and s that no word list has (the Koreas, Russias are forms text uses, the Americas a
    word). Right after a preposition (of Syrias, in Francen, in Polands), where no article or
    number makes it a plural (such Buchas, six Chornobyls, the two Koreas), it is a slip of the
    name, not a form."""
    if not (len(typed) == len(key) + 1 and typed.startswith(key) and typed[-1] in ONE_LETTER_ENDINGS):
        return False
    prominence, kind = lexicon.name_prior[key]
    plural = typed[-1] == "s" and prominence >= COUNTRY and typed not in lexicon.words
    return kind == "place" and (lexicon.zipf(typed) == 0.0 or plural)


def demonym_i_slip(typed: str, key: str, lexicon: Lexicon) -> bool:
    """``typed`` is the place's name ``key`` and the demonym ending -i, a form no text writes
    (Egypt-i, Kyiv-i), where English makes the people's name from the place by another ending
    that text does write (Egyptian, Kyivan): a slip of the name, wherever it stands. Not the -i
    that the lexicon lacks for some real forms (Turkmenistani, whose place takes no other)."""
    if typed != key + "i" or lexicon.zipf(typed) > 0.0:
        return False
    return any(lexicon.zipf(key + ending) > 0.0 for ending in DEMONYMS if ending != "i")


def unused_place_slip(typed: str, key: str, lexicon: Lexicon, bare: bool) -> bool:
    """``unused_place_form`` where it is a slip: right after a preposition (``bare``), or
    anywhere for the past ending d, which no place takes (no place is a verb: Skopje-d,
    Sirte-d, Ukraine-d, never written, are slips of the name wherever they stand; an s or n
    may make a plural or a people's name: such Buchas, the two Koreas)."""
    return (bare or typed.endswith(PAST_ENDING)) and unused_place_form(typed, key, lexicon)


def slavic_derivation(typed: str, key: str) -> bool:
    """``typed`` is a Ukrainian or Russian word made from the place name ``key``: its stem
    without the final vowels and a noun or adjective suffix (Ukrain-ets, Russ-ky, Kyiv-ska)."""
    stem = key.rstrip("aeiouy")
    return len(stem) >= 4 and typed.startswith(stem) and typed[len(stem) :] in SLAVIC_DERIVATIONS


# How readily English writes two words solid: a half that begins or ends few solid words the
# lexicon has (safeguard, peace: 1 and 1) makes an unknown pair of them a lost space, not a
# compound no list has (cyber-: 6 words, -ship: 99, re-: 1,420). Measured on the split
# readings of unknown lowercase words that the compound gate kept suggestions (dev, the first
# 80 documents a corpus with typos and every document as published): log10(1 + heads) +
# log10(1 + tails) below 0.8 holds 20 of 29 lost spaces (open innovation, task ahead: 5 and 0)
# and none of the 56 words of clean copy, whose compounds lie at 0.85 (cybertheft: 6 and 0)
# and up (macrofinancial 0.95, goodmiddle-class 1.08, a run-on of the source; fortyfold 1.3,
# technoeconomic 1.48, chairship 2.95); at 1.2, four more (bomb placed) but three compounds.
SOLID_PARTS = 0.8


def solid_parts(left: str, right: str, lexicon: Lexicon) -> float:
    """log10(1 + the trusted words that are ``left`` and another word) + log10(1 + those that
    are a word and ``right``): how readily English writes the two as parts of one word."""
    heads, tails = lexicon.solid_counts()
    return math.log10(1 + heads.get(left, 0)) + math.log10(1 + tails.get(right, 0))
