"""Decisions: unknown words -> Findings (fix or suggest), by gates and one model.

For each word worth checking (``checkable``: unknown, or a listed name part seen out
of its name), candidate readings come from the name matcher and the English speller;
gates drop the readings that are no typo (a derived form, a case form in a foreign
phrase, a name where the word cannot be one). Each remaining reading gets its
features (features.py) and the model (model.py) its margin: how much likelier it is
than the typed word being correct, on a log10 scale. A fix needs a margin of
``FIX_MARGIN`` over that hypothesis and one of the model's ``fix_gap`` over the
runner-up of another entity or word; a variant spelling or a
possible compound is only ever suggested. Each finding carries its evidence: the
features, their values and their weights.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Hashable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from itertools import islice
from typing import Any, NamedTuple, cast

from rapidfuzz.distance import Levenshtein

from normalize.bound import hopeless
from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.casing import CAPITALIZED_FROM
from normalize.context import (
    APPOSITION_ARTICLES,
    CLOSED_CLASS,
    CLOSED_READINGS,
    FUNCTION_WORDS,
    HONORIFICS,
    KNOWN_ZIPF,
    LIST_GLUE,
    MAX_WORDS,
    MEMO_SIZE,
    NAME_GLUE,
    NEAR,
    PARTICLES,
    TITLES,
    TOPIC_PROMINENCE,
    Context,
    Document,
    Memo,
    Window,
    about_elsewhere,
    accented_written,
    adjacent,
    after_given_name,
    after_initial,
    beside_partner,
    calls_for_place,
    cities_beside,
    completes_person,
    country_beside,
    entities,
    for_word,
    in_foreign_phrase,
    in_title_phrase,
    initial,
    is_country,
    main_name_of,
    meeting_noun,
    name_neighbours,
    name_slot,
    name_worthy,
    names_person,
    note_place,
    note_topics,
    noted_count,
    of_topic,
    own_entities,
    partner_possible,
    rare_triples,
    read_lean,
    remember,
    role_of,
    role_word,
    romanizations,
    settled_name,
    short_unlisted,
    slip_in_full_name,
    slip_in_place_name,
    title_phrase,
    typed_zipf,
    unlike,
    vouches,
    whole_name_before,
    window,
    word_table,
    word_tables,
    written,
)
from normalize.derive import (
    DEMONYMS,
    DERIVATIONS,
    PATRONYMICS,
    SOLID_PARTS,
    british_doubling,
    demonym,
    demonym_i_slip,
    derived,
    derived_from_known,
    english_derivation,
    inflected_form,
    latin_plural,
    plural_form,
    prefixed,
    sibling_derivation,
    slavic_case,
    solid_parts,
    unused_place_slip,
    vowel_demonym,
    vowel_ending,
)
from normalize.edits import alternation, one_slip, undoubled, vowel_for_vowel
from normalize.features import (
    COMMON_NAME_ZIPF,
    MAX_RARE_SEQUENCES,
    PREPOSITIONS,
    SEEN_ZIPF,
    Reading,
    bigram_context,
    initial_word,
    lost_article,
    name_features,
    name_reading,
    news_over_count,
    null_features,
    own_place_countries,
    place_countries,
    split_features,
    unmarked_heading,
    unmarked_initial,
    word_family,
    word_features,
)
from normalize.forms import fold, recase, romanization_variant, shape, skeleton, slavic_g_variant, unaccented
from normalize.lexicon import Lexicon
from normalize.model import FIX_MARGIN, MAX_CONFIDENCE, Evidence, Model
from normalize.model import default as default_model
from normalize.tokenize import Word
from normalize.types import Candidate, Entry, Finding, Kind

_CAMEL_NAME = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]{2,}")  # McFaul, DeSantis (not iPhone, NATO)
# (0.3 before words18, with closed_reading -0.3: see the model.json record)
LOWERCASE_GAP_SLACK = 0.45  # English words: context ranks them, so a slightly closer runner-up is tolerated
# A place's reading: a runner-up 0.85 below it is tolerated too, where the posterior (which counts
# every rival) reaches MIN_FIX_CONFIDENCE. On all dev (scripts/near_threshold.py --leave-out 5), of
# place findings with a margin of 1 and a confidence of 0.85 or more held only by a gap of 0.85-1.0,
# 10 restored the typo (Iraj's nuclear program: Iran, not Iraq), 1 did not (Sael: Sale, not Sahel),
# and none was on clean copy; a person's was (Sanchenko: Zinchenko), so people keep the full gap.
PLACE_GAP_SLACK = 0.15
SUGGEST_MARGIN = -0.5
# A reading that the model itself gives less than this, among every reading and the word as
# typed (``posterior``, calibrated on dev typos), is only suggested, however far it lies above
# the fix thresholds: on dev, fixes under 0.85 were wrong one time in seven (65 of 469), nearly
# all of them lowercase words with a close rival (withi: with or within? talsk: talks or task?).
MIN_FIX_CONFIDENCE = 0.85
# news_lead: news copy makes the reading ten times likelier (log10 1) beside the word's neighbours
# than any other reading before its lead counts, and a lead counts at most NEWS_LEAD_MAX. On all dev
# (scripts/replay_decide.py dump of main 6c1369c, news folds) floors of 0.8-1.0 and caps of 1-3 at
# weights 0.5-1.2 fixed 23-30 more word typos, none wrong, no clean change; floor 0.5 changed two
# words of UN clean copy (aforegoing: foregoing, financers: finances), no cap lynchpin (linchpin)
NEWS_LEAD_FLOOR = 1.0
NEWS_LEAD_MAX = 1.0
LOWERCASE_SUGGEST_MARGIN = -3.0  # an unknown lowercase word is worth a suggestion, as in any spell checker
MAX_SUGGESTIONS = 5
MAX_ACRONYM = 5  # letters of a word in capitals read as an acronym, not a name in a headline
LONG_WORD = 8  # a word this long with no rival within two edits gets the ``alone`` feature
VARIANT_ZIPF = 1.0  # a romanization variant of a listed name that real text uses is accepted
# A small place's name that English text writes this often is its name there, not a slip of a
# country's one slip away (Taos, Loos: 2.7; Chini 1.7): ``_country_slip``
PLACE_IN_USE_ZIPF = 2.0
VARIANT_RARITY = 3.0  # a doubled-letter variant 1,000 times rarer than the word is a slip (tthis)
# ...and of an English word, 100 times rarer (tok: took, wellcome: welcome, 2.6 and 2.2 Zipf
# rarer); the doubled and undoubled spellings English uses lie within 1 Zipf of each other
# (ruble 0.8, benefitted 0.7, fulfils 0.4 on all dev clean copy)
WORD_VARIANT_RARITY = 2.0
# log10: a given or middle name spelt with one vowel for another that real text writes at least a
# tenth as often as the listed spelling is a spelling of its own (Behari, Bihari: 1.78 and 2.33);
# a slip of a name is far rarer than the name (``_rival_spelling``)
RIVAL_SPELLING = 1.0
# The kinds of difference (edits.alternation) that the gazetteer's spellings of one person show in
# at least 3 pairs of words (scripts/alternations.py on dictionaries/people.tsv: vowel 153,
# vowel_added 87, doubled 36, h_added 10, k/q 7, d/t 7, g/q 4, g/h 3; c/k 2 and the rest, mostly
# the sources' slips, fewer): what a romanization changes (``press_spelling``)
TRANSLITERATIONS = frozenset(
    ("vowel", "vowel_added", "doubled", "h_added", "letter:kq", "letter:dt", "letter:gq", "letter:gh")
)
# The countries whose people's names are romanized: written in a script other than the Latin (the
# script of the country's most used language, CLDR's likely subtags: scripts/alternations.py;
# Afghanistan Arab, Bangladesh Beng, Russia Cyrl; Germany, Kenya, Vietnam Latn). Where a name is
# written in the Latin script the press spells it as listed, and another spelling is a slip
# (Ursula von der Lyen). The sources' own count of people spelt two ways missed countries with few
# listed people (Afghanistan 0 of 51, Libya 0 of 28)
ROMANIZING = frozenset(
    (
        "Afghanistan",
        "Algeria",
        "Armenia",
        "Bahrain",
        "Bangladesh",
        "Belarus",
        "Bhutan",
        "Bulgaria",
        "Cambodia",
        "China",
        "Comoros",
        "Cyprus",
        "Egypt",
        "Eritrea",
        "Ethiopia",
        "Georgia",
        "Greece",
        "Hong Kong",
        "India",
        "Iran",
        "Iraq",
        "Israel",
        "Japan",
        "Jordan",
        "Kazakhstan",
        "Kuwait",
        "Kyrgyzstan",
        "Laos",
        "Lebanon",
        "Libya",
        "Macao",
        "Maldives",
        "Mauritania",
        "Mongolia",
        "Morocco",
        "Myanmar",
        "Nepal",
        "North Korea",
        "North Macedonia",
        "Oman",
        "Pakistan",
        "Palestinian Territory",
        "Qatar",
        "Russia",
        "Saudi Arabia",
        "Serbia",
        "South Korea",
        "Sri Lanka",
        "Sudan",
        "Syria",
        "Taiwan",
        "Tajikistan",
        "Thailand",
        "Tunisia",
        "Ukraine",
        "United Arab Emirates",
        "Western Sahara",
        "Yemen",
    )
)
# The ROMANIZING countries whose official romanization writes Cyrillic г as h (Ukraine's national
# system of 2010, Belarus's of 2007), where Russian's writes g: Herman, Halushchenko; German, Galushchenko
H_FOR_G = frozenset(("Belarus", "Ukraine"))
# The ROMANIZING countries whose script is an alphabet that writes every vowel as a letter of its
# own (scripts/alternations.script: Cyrillic, Greek, Georgian, Armenian), romanized letter for
# letter: one vowel for another in such a name is a slip (Zelenskyy, Zolenskyy), where an abjad
# (Arabic, Hebrew) writes short vowels not at all and other scripts' vowels are romanized many
# ways (Dbeibah, Dbeibeh; Xiengkhouang, Xiangkhouang): ``_unseen_vowel_romanization``
VOWEL_LETTERS = frozenset(
    (
        "Armenia",
        "Belarus",
        "Bulgaria",
        "Cyprus",
        "Georgia",
        "Greece",
        "Kazakhstan",
        "Kyrgyzstan",
        "Mongolia",
        "North Macedonia",
        "Russia",
        "Serbia",
        "Tajikistan",
        "Ukraine",
    )
)
# The ROMANIZING countries written in an abjad (Arabic, Hebrew: scripts/alternations.script), which
# writes short vowels not at all: any vowel of a romanization is a choice (Dbeibah, Dbeibeh)
ABJAD = frozenset(
    (
        "Afghanistan",
        "Algeria",
        "Bahrain",
        "Comoros",
        "Egypt",
        "Iran",
        "Iraq",
        "Israel",
        "Jordan",
        "Kuwait",
        "Lebanon",
        "Libya",
        "Mauritania",
        "Morocco",
        "Oman",
        "Pakistan",
        "Palestinian Territory",
        "Qatar",
        "Saudi Arabia",
        "Sudan",
        "Syria",
        "Tunisia",
        "United Arab Emirates",
        "Western Sahara",
        "Yemen",
    )
)
# log10: a listed foreign name of a place one slip from the English name, which news copy never
# writes where it writes that name at least ten times, is no spelling of English copy (Gasa)
NEWS_SPELLING = 1.0
SAME_ENTITY_SLACK = 0.6  # spellings of one entity this close in score: the one text uses wins
OTHER_WORD_ZIPF = 3.0  # two names of one entity this common as English words are two words (Mexico, Mexican)
ROMANIZED_CITY = 3.5  # prominence of a city of 100,000: its romanizations that no text uses are slips
SPLIT_MIN_ZIPF = 3.0  # both halves of a run-together pair must be common words
GLUED_MIN_ZIPF = 2.0  # but a word glued to a function word need only be in use (a margin of 1 at two edits)
RARE_HALF = 5  # letters of a rarer half (Zipf 2-3) beside a word it is seldom written solid with (unabated)
DEMONYM_ENDINGS = tuple(DEMONYMS)
ONE_LETTER_WORDS = frozenset(("a", "i"))
NOT_CONTENT = CLOSED_READINGS | ONE_LETTER_WORDS  # (_content_next: no content word)
# function words that English also writes as a prefix of a solid word (bycatch, onsold, inbound, bestrewn);
# the others (of, to, or, as, at, is, it, an) before a content word lost their space (ofservices, orregions)
PREFIX_WORDS = frozenset("by in on be".split())
# Zipf of the pair in web text (wordsegment's bigrams) at least for such a function word and the word
# after it to be a phrase that lost its space rather than a prefixed compound: on all dev, the run-on
# typos by political, on food, in view lie at 2.4-4.6; no pair of clean copy that no list has
# (onsold, onsemi) is in the bigram list at all
PREFIX_PHRASE_ZIPF = 2.0
# ...or news copy writes the two beside the words around them ten times likelier than chance
# (features.news_context, log10): on all dev, the run-on typos by climate, by greater, be tangible,
# be mobilizing lie at 1.3-6.3; the prefixed words of clean copy (befittingly, bestrewn, onsold,
# invariability) at -2.3 to -0.1
PREFIX_NEWS = 1.0
# closed-class words that end solid words (modus, helos, also) but start no compound before a word
LEFT_CLOSED = frozenset("no so us he am".split())
FUNCTION_HALVES = FUNCTION_WORDS | ONE_LETTER_WORDS  # the second word of a heading's run-on (_word_cuts)
LONG_HALVES = 6  # letters of each of two words that English does not write solid (unless it knows the compound)
INFLECTED_RIGHT = 3  # letters of the second word at least
# Endings of English adjectives (legal, famous, active, hopeful, endless, public, stable, visible): an
# adjective and a noun are written apart (legal mechanisms), where no text writes them solid
ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ful", "less", "ic", "able", "ible")
ADJECTIVE_LEFT = 5  # letters of the adjective at least (not "tic", "oval")
ADJECTIVE_RIGHT = 4  # and of the noun
# words that are English endings too, heads of words English writes solid (initialling, statesmanship, fortyfold)
SUFFIX_HEADS = frozenset(
    "ling ship ships hood hoods wide like ward wards wise less ness ment ments able dom doms fold".split()
)
# Heads of English compounds whose first word takes a linking s (kinsman, salesperson, townsfolk)
LINKING_HEADS = frozenset("man men woman women person persons people folk folks ship ships manship".split())
# letters of the first half of a pair ``compound_pair`` lets be fixed: a first half of two that
# is no function word is a prefix English writes solid (co-option: cooption, biathletes)
COMPOUND_HALF = 3
SPLIT_AFFINITY = 0.25  # log10 of how much likelier the pair is than chance ("also said": 0.8)
# Web text writes "each other" 25 times as often as "eachother" (Zipf 4.65 and 3.24): a joined
# form this much rarer than the pair, with a function word or a closed-class word in it, is a
# lost space, though some text writes it so (whenyou, havea); "forma" (pro forma: 2.95 against
# "form a" 3.96) is a word, and two content words may be a compound some text writes solid
# (workplan, yearend)
APART_ODDS = 1.3
# Two content words that web text writes apart 100 times as often as solid are no compound that
# some text writes solid but a lost space (lastyear, climatechange, humanrights: Zipf 1.1-1.4 solid,
# 3.8-4.6 apart); compounds stay below (workplan 1.5, yearend 1.5, largescale 1.8, laydown 1.7)
CONTENT_APART_ODDS = 2.0


Partners = dict[str, "tuple[int, str] | None"]


class Scored(NamedTuple):
    """A candidate reading of a word, with its margin over the word as typed."""

    candidate: Candidate
    margin: float
    suggest_only: bool = False  # a variant or a compound: never a fix, whatever the margin
    evidence: Evidence = ()
    terms: tuple[tuple[str, float], ...] = ()  # every feature and its value, rank-only ones included (for fitting)


def decide(
    words: Sequence[Word],
    lexicon: Lexicon,
    speller: Speller,
    names: NameMatcher,
    bigrams: Bigrams,
    model: Model | None = None,
    memo: Memo | None = None,
    document: Document | None = None,
    body: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings for the words worth checking; ``memo`` carries answers about single words
    from one pass over a document to the next (``settle``'s); ``document``: what the whole
    document says, when ``words`` are only a piece of it; ``body``: the positions of the
    words to decide (the others are only read), by default all."""
    ctx = Context.of(words, lexicon, speller, names, bigrams, model or default_model(), memo, document)
    findings: list[Finding] = []
    for i, listed in worth_checking(ctx, body):
        found = _decided(ctx, i, listed)
        if found is not None:
            found = accents_kept(ctx, found)
            start = words[i].token.start
            findings.append(replace(found, start=start, end=start + len(found.text)))
    return findings


def accents_kept(ctx: Context, found: Finding) -> Finding:
    """A name's fix spelled with the accents the writer uses where the fix has plain letters:
    those the typed word itself writes (Ruginienės: Ruginienė, not Ruginiene), else the
    accented spelling the text writes of the fix, if at least as often as the fix itself
    (Orbna: Orbán, in a text that writes Orbán; Orban where it writes Orban as often). A plain
    fix stays where neither the word nor the text writes its accents. Outside the remembered
    decisions: it reads the text's counts of spellings the decision never looked up."""
    fix = found.replacement
    if fix is None or found.kind == "word" or not fix.isascii():
        return found
    accented = _typed_accents(found.text, fix)
    if not accented:
        spelled, n = accented_written(ctx.in_document).get(fix, ("", 0))
        accented = spelled if n and n >= dict.get(ctx.in_document, fix, 0) else ""
    if not accented or accented == fix:
        return found
    suggestions = tuple(dict.fromkeys(accented if s == fix else s for s in found.suggestions))
    return replace(found, replacement=accented, suggestions=suggestions)


def _typed_accents(typed: str, fix: str) -> str:
    """``fix`` with the typed word's accented letters where, accents aside, they are the fix's own
    letters in line (rapidfuzz's alignment): Ruginienės, Ruginiene -> Ruginienė; "" when the typed
    word has none, or one that stands for more letters than one (ß)."""
    plain = unaccented(typed)
    if typed.isascii() or len(plain) != len(typed):
        return ""
    out = list(fix)
    for op in Levenshtein.opcodes(plain.lower(), fix.lower()):
        if op.tag != "equal":
            continue
        for k in range(op.src_end - op.src_start):
            c, at = typed[op.src_start + k], op.dest_start + k
            if not c.isascii():
                out[at] = c.upper() if fix[at].isupper() else c.lower()
    return "".join(out)


def readings(ctx: Context) -> Iterator[tuple[int, bool, list[Scored]]]:
    """Each word worth checking: its position, whether it is a listed name part, and its
    readings, best first (scripts/fit_model.py reads their features)."""
    for i, listed in worth_checking(ctx):
        yield i, listed, _score(ctx, i, listed)


def worth_checking(ctx: Context, body: tuple[int, int] | None = None) -> Iterator[tuple[int, bool]]:
    """The positions of the words worth checking (``checkable``), and whether each is a
    listed name part. A plainly known word costs one dictionary lookup per occurrence
    (``_kinds``: what a word alone says, asked once per distinct word)."""
    words, lexicon, memo = ctx.words, ctx.lexicon, ctx.memo
    kinds = _kinds(memo)
    titled = _Titled(word_table(memo, "title_facts", MAX_WORDS), word_table(memo, "vouch_codes", MAX_WORDS))
    first, stop = body or (0, len(words))
    # (most words are known never to be worth it: passed over in one pass, in C)
    for i in unlike(words, first, stop, kinds, _NEVER):
        word = words[i]
        if word.skip:
            continue
        core = word.core
        kind = kinds.get(core)
        if kind is None:
            kind = kinds[core] = _word_kind(core, lexicon, ctx.bigrams)
        if kind == _ACRONYM:
            # (a word in capitals one slip from a word of a country's, capital's or official's name
            # whose other words stand beside it, in capitals too, is no acronym: THE UNITED STATSE)
            if not (
                _near_acronym(ctx, core) or _slip_in_caps_name(words, i, lexicon, memo) or _acronym_written(ctx, core)
            ):
                continue
        elif kind == _KNOWN_TITLE:
            # (most capitalized words: asked with what the word alone says, once a word)
            if not _known_title_here(ctx, i, titled):
                continue
        elif kind == _NEVER or (
            kind != _ALWAYS
            and not _checkable_here(words, i, kind, lexicon, memo)
            and not (kind == _DERIVED_TITLE and _office_slip(ctx, i))
        ):
            continue
        yield i, core.lower() in lexicon.name_index


_NEVER, _ALWAYS, _KNOWN_TITLE, _NAME_PART, _DERIVED_TITLE, _ACRONYM = range(6)  # what a word alone says


def _near_acronym(ctx: Context, core: str) -> bool:
    """A word in capitals that text seldom uses (``_ACRONYM``) is checked where a country's listed
    name that is written in capitals lies within reach (DPRK for DPRL, DRPK, DPRIK, DPK, DRK); other
    acronyms are no slips of names (HCJ, CLDP: not HCM, a city's, nor CDP)."""
    table = word_table(ctx.memo, "near_acronym", MAX_WORDS)
    found = table.get(core)
    if found is None:
        lexicon = ctx.lexicon
        found = table[core] = any(
            lexicon.display[k].isupper() and is_country(k, lexicon) for k, _ in ctx.names.lookup(core)
        )
    return found


def _acronym_written(ctx: Context, core: str) -> bool:
    """A word in capitals that text seldom uses (``_ACRONYM``) one slip from a listed name that the
    text itself writes in capitals, as often as the word or more (GUAJ in a text on GUAM, SAMAO beside
    SAMOA Pathway): a slip of the text's own acronym, which ``name_features`` reads as ``in_document``."""
    keys = [k for k, dist in ctx.names.lookup(core) if dist == 1]
    typed = max(1, ctx.in_document[core])
    return any(ctx.in_document[ctx.lexicon.display[k].upper()] >= typed for k in keys)


def _office_slip(ctx: Context, i: int) -> bool:
    """A known capitalized word that no listed person bears as a name, right after a title, one
    slip from the name of a listed person who holds the office the title names (President [Bien]:
    Biden), and no part of a listed name beside it: worth weighing, where the text's own use of
    the name decides (``office_in_document``). Asked once a word and title."""
    core = ctx.words[i].core
    borne = word_table(ctx.memo, "borne", MAX_WORDS)  # (asked of every known capitalized word not checked)
    if (named := borne.get(core)) is None:
        named = borne[core] = _borne(core.lower(), ctx.lexicon)
    # (Advisor [Jon] Finer: a name of his own, not John)
    return not named and _unborne_office_slip(ctx, i)


def _unborne_office_slip(ctx: Context, i: int) -> bool:
    """``_office_slip`` for a word that no listed person bears as a name."""
    words, lexicon = ctx.words, ctx.lexicon
    if not _title_may_precede(words, i):
        return False  # (most words: no title before them)
    core = words[i].core
    title = title_phrase(words, i, lexicon)
    if not title or title[0] in HONORIFICS:
        return False
    table = word_table(ctx.memo, "office_slips", MAX_WORDS)
    asked = " ".join((core, *title))
    found = table.get(asked)
    if found is None:
        found = table[asked] = any(
            dist == 1 and _holds_office(k, title, lexicon, ctx.memo) for k, dist in ctx.names.lookup(core)
        )
    low = core.lower()
    return found and not (low in lexicon.name_index and beside_own_name(words, i, low, lexicon, ctx.memo))


def _title_may_precede(words: Sequence[Word], i: int) -> bool:
    """False where ``title_phrase`` finds no title before the word at ``i`` at its first test:
    no word before it, or one that is skip, or neither capitalized nor a title word (the word
    right before a title is capitalized, abbreviated or a title word; glue there is no title's)."""
    if not i or words[i - 1].skip:
        return False
    before = words[i - 1].core
    return before[:1].isupper() or before.lower() in TITLES


def _holds_office(key: str, title: Sequence[str], lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """A listed person named ``key`` holds the office the ``title`` names (``role_of``, ``role_word``)."""
    return role_of(key, title, lexicon, memo) or role_word(key, title, lexicon, memo) > 0.0


def _borne(low: str, lexicon: Lexicon) -> bool:
    """Listed people bear the word as a given name or surname."""
    return low in lexicon.given_names or low in lexicon.surnames


def _holder_written(ctx: Context, i: int, key: str) -> bool:
    """The title right before the word at ``i`` names an office that the person ``key`` holds,
    and the text writes ``key`` (President [Boden], in a text that writes Biden)."""
    title = title_phrase(ctx.words, i, ctx.lexicon)
    if not title or title[0] in HONORIFICS:
        return False
    return _holds_office(key, title, ctx.lexicon, ctx.memo) and written(ctx.in_document, ctx.lexicon.display[key])


def _slip_in_caps_name(words: Sequence[Word], i: int, lexicon: Lexicon, memo: Memo) -> bool:
    """``slip_in_place_name`` or ``_slip_in_full_name`` for a word in capitals whose neighbour
    is in capitals too."""
    near = [words[j].core for j in (i - 1, i + 1) if 0 <= j < len(words) and adjacent(words, min(i, j), max(i, j))]
    if not any(len(w) > 1 and w.isupper() for w in near):
        return False
    return slip_in_place_name(words, i, lexicon, memo) or _slip_in_full_name(words, i, lexicon, memo)


def _kinds(memo: Memo) -> dict[str, int]:
    """The memo's table of word -> what the word alone says about checking it."""
    return word_table(memo, "kinds", MAX_WORDS)


def checkable(ctx: Context, i: int) -> bool:
    """Whether the word at ``i`` is worth looking up, as ``worth_checking`` asks it: unknown
    words, listed name parts seen out of their name, known words one slip from the part of an
    official's name their neighbours complete or right after the title of an office one slip
    from its holder's name, and acronyms near a country's."""
    return any(True for _ in worth_checking(ctx, (i, i + 1)))


def _checkable_here(words: Sequence[Word], i: int, kind: int, lexicon: Lexicon, memo: Memo | None) -> bool:
    """For a known capitalized word or a listed name part: whether its neighbours make it worth checking."""
    low = words[i].core.lower()
    if kind == _DERIVED_TITLE:  # Nited States: not nit+ed; but St Helens is a listed name as written
        # (President Joe Bidan, Mr. Leter Thomson: not bid+an, let+er, beside the rest of an official's name)
        return (
            slip_in_place_name(words, i, lexicon, memo)
            or _slip_in_full_name(words, i, lexicon, memo)
            or _bare_place_form(words, i, low, lexicon)
            or _country_slip(low, lexicon, memo)
        ) and not whole_name_here(words, i, low, lexicon)
    # (a _KNOWN_TITLE word is asked by ``_known_title_here``)
    return not beside_own_name(words, i, low, lexicon, memo)


def _initial_misspelling(low: str, lexicon: Lexicon) -> bool:
    """A word that, as a sentence's first word, codespell lists as a misspelling and no name list
    has (Thats, Didnt, Ther, Noone: Zipf 3 and more as text writes them): the capital is the
    sentence's, and a misspelling is no known word however often text has it, in lowercase
    (``_word_kind``: teh) or so. Inside a sentence a capitalized one stays a known word (Tha Pae,
    Tennant, Devine), and one of two letters an abbreviation's (Nd such a corridor: And, not No)."""
    return len(low) > 2 and low in lexicon.typos and low not in lexicon.name_index


def _unlisted(low: str, lexicon: Lexicon) -> bool:
    """A capitalized word that no English list has, known only by how often text writes it (Ong,
    Ast, Sse: names and abbreviations elsewhere) or of two letters (Ql): one slip from a word of a
    prominent place's name whose other words stand beside it (Hong [Ong], Middle [Ast], [Ast]
    Jerusalem, the Holy [Sse], the [Ql]-Quds Committee: ``slip_in_place_name``) and not itself a
    listed name's word there, it is worth checking, as an unknown word is (``_known_title_here``).
    An English word so placed is the writer's (South African, Costa Rican, the United State: a
    demonym, or a slip of grammar that a name's reading would hide), or one with accents (Mý Sơn:
    Vietnamese, not a slip of My Son)."""
    return low.isascii() and low not in lexicon.words


def _bare_place_form(words: Sequence[Word], i: int, low: str, lexicon: Lexicon) -> bool:
    """A place's name and one letter of an ending that real text does not write right after a
    preposition or as an item of a list of countries (of Ukraines, in Polands; Albania, Canadas,
    Croatia), or the past ending d anywhere (left Ukrained: ``unused_place_slip``), where
    ``_name_hits`` reads it."""
    key = low[:-1]
    bare = (i > 0 and adjacent(words, i - 1, i) and words[i - 1].core.lower() in PREPOSITIONS) or _country_item(
        words, i, lexicon
    )
    return key in lexicon.name_prior and unused_place_slip(low, key, lexicon, bare)


def _bare_slot(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """No article or number can stand before the word at ``i``: right after a preposition (of
    [Syrias]), or as an item of a list of countries (Bulgaria, [Canadas], Croatia), where a
    country's name stands bare: a place's name with an ending there is a slip, not a plural."""
    if i and words[i - 1].core.lower() in PREPOSITIONS:
        return True
    return _country_item(words, i, lexicon)


def _country_item(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The word at ``i`` is an item of a list of countries right after a comma or "and" (Bulgaria,
    [Canadas], Croatia), not after an article (Japan and the Koreas)."""
    if not i or not (words[i - 1].pause_after or words[i - 1].core.lower() in LIST_GLUE):
        return False
    return bool(country_beside(words, i, lexicon))


def _country_slip(low: str, lexicon: Lexicon, memo: Memo | None) -> bool:
    """A word read as derived (Braz-i, Sad-an) that is one slip from a country's main name it is
    not derived from (Brazi: Brazil; not Omani, Oman's demonym), and no name of one word of a
    place that sets a topic or that English text writes (Tiran Island, Uman, Taos: the places
    themselves; Chini, a Malaysian township's that text seldom writes, may be a slip of China):
    asked once a word."""
    table = word_table(memo, "country_slip", MAX_WORDS)
    found = table.get(low)
    if found is None:
        place = any(
            len(parts) == 1
            and lexicon.entries[entity][2] == "place"
            and (prominence >= TOPIC_PROMINENCE or lexicon.zipf(low) >= PLACE_IN_USE_ZIPF)
            for parts, entity, prominence in lexicon.spelling_rows(lexicon.name_index.get(low, ()))
        )
        found = table[low] = not place and any(
            k in lexicon.name_prior and main_name_of(k, lexicon, ("country",)) and not derived(low, k, lexicon)
            for k in one_slip(low)
        )
    return found


def _slip_in_full_name(words: Sequence[Word], i: int, lexicon: Lexicon, memo: Memo | None) -> bool:
    return _may_vouch(words, i, lexicon, memo) and slip_in_full_name(words, i, lexicon, memo)


def _may_vouch(words: Sequence[Word], i: int, lexicon: Lexicon, memo: Memo | None) -> bool:
    """A quick test that ``slip_in_full_name`` needs: a neighbour is a name particle, or a
    part of an official's name that is rare enough to vouch for one, or a given name after
    a title (most are neither)."""
    # (by the neighbour's core: the code of its lowercase)
    return _vouched(words, i, lexicon, word_table(memo, "vouch_codes", MAX_WORDS))


def _vouched(words: Sequence[Word], i: int, lexicon: Lexicon, codes: dict[str, int]) -> bool:
    """``_may_vouch`` with the memo's table of neighbours' codes (``codes``)."""
    n = len(words)
    word = words[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < n:
            continue
        other = words[j]
        if j < i and j > 0 and len(other.core) == 1 and initial(words, j) and adjacent(words, j - 1, j):
            j -= 1  # Joseph R. [Bien]: the given name before the middle initial
            other = words[j]
        elif (other.token.start - word.token.end if j > i else word.token.start - other.token.end) > 1:
            continue  # not adjacent
        core = other.core
        code = codes.get(core)
        if code is None:
            code = codes[core] = _vouch_code(core.lower(), lexicon)
        if code == _PARTICLE:
            return True  # von der [Leyen]: the whole test decides
        if other.skip:
            continue
        if code == _VOUCHES or (code == _GIVEN and j < i and title_phrase(words, j, lexicon)):
            return True  # (a given name as common as Joe, after a title: President Joe [Bidden])
    return False


_NO_VOUCH, _PARTICLE, _VOUCHES, _GIVEN = range(4)  # what a neighbour alone says to ``_may_vouch``


class _Titled(NamedTuple):
    """The memo's tables that ``_known_title_here`` reads: ``_title_facts`` of each word, the
    neighbours' codes (``_may_vouch``)."""

    facts: dict[str, tuple[bool, bool, bool, bool]]
    codes: dict[str, int]


def _title_facts(low: str, lexicon: Lexicon) -> tuple[bool, bool, bool, bool]:
    """What ``_known_title_here`` reads of a known capitalized word alone (lowercased): a
    misspelling if it opens a sentence (``_initial_misspelling``), no English list has it
    (``_unlisted``), it is a listed name's word, and listed people bear it (``_borne``)."""
    return _initial_misspelling(low, lexicon), _unlisted(low, lexicon), low in lexicon.name_index, _borne(low, lexicon)


def _known_title_here(ctx: Context, i: int, titled: _Titled) -> bool:
    """For a known capitalized word (``_KNOWN_TITLE``): whether it is worth checking at ``i``, a
    misspelling opening a sentence, or a slip of a word of an official's name (``_slip_in_full_name``)
    or, unlisted, of a prominent place's name whose other words stand beside it, but for a listed
    name's word beside the rest of its name (Luiz Inacio), or else an ``_office_slip``; what the
    word alone says is asked once a word (``titled``)."""
    words, lexicon, memo = ctx.words, ctx.lexicon, ctx.memo
    word = words[i]
    core = word.core
    facts = titled.facts.get(core)
    if facts is None:
        facts = titled.facts[core] = _title_facts(core.lower(), lexicon)
    typo, unlisted, indexed, borne = facts
    if typo and word.sentence_start:
        return True
    low = core.lower()
    if (
        (_vouched(words, i, lexicon, titled.codes) and slip_in_full_name(words, i, lexicon, memo))
        or (unlisted and slip_in_place_name(words, i, lexicon, memo) and not whole_name_here(words, i, low, lexicon))
    ) and not (indexed and beside_own_name(words, i, low, lexicon, memo)):
        return True
    return not borne and _unborne_office_slip(ctx, i)


def _vouch_code(low: str, lexicon: Lexicon) -> int:
    if low in PARTICLES:
        return _PARTICLE
    if vouches(low, lexicon):
        return _VOUCHES
    return _GIVEN if low in lexicon.given_names else _NO_VOUCH


def _word_kind(core: str, lexicon: Lexicon, bigrams: Bigrams | None = None) -> int:
    """What the word alone says of whether to check it. ``bigrams``: a lowercase word that text
    uses solid but writes apart far more often is read as well (``_apart_form``)."""
    low = core.lower()
    if low in lexicon.extra_words:  # the user's own words
        return _NEVER
    # a word of two letters is an abbreviation's or a name's, but for a lowercase one that no
    # English list has and text seldom uses (iw, tk, wy: short_unlisted): a slip of is, to, way
    if len(core) < 3 and not short_unlisted(core, lexicon):
        # a two-letter word of a listed name one slip off beside the rest of it (President Xh
        # Jinping, Kim Jong Zn): asked as a known capitalized word is (``slip_in_full_name``);
        # not one that people bear as a name of its own (Wang Yu, Ho Lifeng, Lu Qiang: other
        # people than Wang Yi, He Lifeng, Li Qiang, one letter apart as two-letter names often are)
        borne = low in lexicon.given_names or low in lexicon.surnames
        return _KNOWN_TITLE if len(core) == 2 and shape(core) == "title" and not borne else _NEVER
    form = shape(core)
    # (a misspelling codespell lists is no known word however often text has it: teh)
    if low in lexicon.words or (
        lexicon.zipf(core) >= KNOWN_ZIPF
        and not (
            form == "lower"
            and (low in lexicon.typos or short_unlisted(core, lexicon) or _apart_form(low, lexicon, bigrams))
        )
    ):
        return _KNOWN_TITLE if form == "title" else _NEVER
    if form == "upper" and len(core) <= MAX_ACRONYM and core.isalpha():
        # an acronym that text seldom uses (under KNOWN_ZIPF, as above; DPK 1.1, DRK 1.7) or never:
        # perhaps a slip of one that names a place (``_near_acronym``)
        return _ACRONYM if low not in lexicon.name_index else _NEVER
    if (form == "mixed" and not _CAMEL_NAME.match(core)) or (form == "upper" and len(core) <= MAX_ACRONYM):  # acronyms
        return _NEVER
    if form == "lower" and not core.isascii():
        return _NEVER  # foreign words ("hoş"): English has no such words to offer
    if low not in lexicon.name_index and lexicon.knows_folded(core) and not accent_slip(core, lexicon):
        return _NEVER  # a listed name without its accents
    # a word of a listed person's name (Sali, Salma) is a name, not a form of sal or salm
    person_part = form == "title" and low in lexicon.name_index and names_person(low, lexicon)
    if not person_part and derived_from_known(low, lexicon, lowercase=form == "lower"):
        # (a lowercase English derivation is weighed, less derived_word: a slip may take its
        # shape, hads, mader, nited; a Latin plural is not: ultimata, referenda)
        if form != "lower" or latin_plural(low, lexicon):
            return _DERIVED_TITLE if form == "title" else _NEVER
    if low in lexicon.name_index:
        # a lowercase word that only names list (wath: Wath upon Dearne) is checked as a word,
        # unless it stands beside the rest of its name (al, bin)
        return _NAME_PART
    return _ALWAYS


def accent_slip(core: str, lexicon: Lexicon) -> bool:
    """An accented word that no list has, whose accent-free form a listed spelling of the same
    word writes with other accents (Marquéz: Márquez; Lajčak: Lajčák): a slip of the accents, not
    a name written with accents of its own that the lists lack (only the accent-free form listed)."""
    if core.isascii() or core.lower() in lexicon.name_index:
        return False
    return fold(core) in lexicon.accented


def _apart_form(low: str, lexicon: Lexicon, bigrams: Bigrams | None) -> bool:
    """Two English words that text writes solid often enough to be taken as known (Zipf 3 and
    more) but no English list has, and that web text writes apart far more often (upto, goto,
    ofcourse: ``written_apart``): a lost space, as codespell's alot and noone, not a word."""
    if bigrams is None or low in lexicon.words:
        return False
    return any(
        left in lexicon.words and right in lexicon.words and written_apart(low, left, right, lexicon, bigrams)
        for left, right in ((low[:k], low[k:]) for k in range(2, len(low) - 1))
    )


def beside_own_name(words: Sequence[Word], i: int, low: str, lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """True when a neighbour is the next or previous part of a listed name with this part. A
    word of English that names share (of, the, and: FUNCTION_WORDS) counts only where the whole
    listed name stands there: leaders of [Cista] Rica, the context of [Aran], not Cista of
    Municipality of Cista Provo nor Aran of the Isles of Aran."""
    before, after = for_word(memo, "name_neighbours", low, lambda: name_neighbours(low, lexicon))
    prev = words[i - 1].core.lower() if i > 0 else ""
    nxt = words[i + 1].core.lower() if i + 1 < len(words) else ""
    if (prev in before and prev not in FUNCTION_WORDS) or (nxt in after and nxt not in FUNCTION_WORDS):
        return True
    return (prev in before or nxt in after) and whole_name_here(words, i, low, lexicon)


def whole_name_here(words: Sequence[Word], i: int, low: str, lexicon: Lexicon) -> bool:
    """The word at ``i`` and its neighbours are all the words of a listed spelling of several
    words, as written (St Helens; not Los Angelos, a part of Pueblo Los Angelos)."""
    for idx in lexicon.name_index.get(low, ()):
        parts = [p.lower() for p in lexicon.spellings[idx][0]]
        for pos, part in enumerate(parts):
            first = i - pos
            if part != low or len(parts) < 2 or first < 0 or first + len(parts) > len(words):
                continue
            if all(words[first + k].core.lower() == p for k, p in enumerate(parts)):
                return True
    return False


def _decided(ctx: Context, i: int, listed: bool) -> Finding | None:
    """The finding for the word at ``i`` (at offset 0), remembered per window of neighbours
    the decision reads (``window``), with the document's own names within reach; an answer
    is reused while the document counts the spellings it looked up the same, and is about
    the countries it asked of the same (context.note_topics: a settle pass whose fixes name a
    new country decides again only the words that asked). The answers are kept apart from the
    rest of the memo (``_decisions``), so that a long text's later pieces and settle passes
    find those of its first."""
    near = ctx.names.near(ctx.words[i].core, ctx.own_names)  # all that _name_hits reads of the own names
    if _unread(ctx, i, near) and not _initial_run_on(ctx, i, listed):
        note_place(ctx.in_document, ctx.words[i], ())  # (it read the text's own names: engine.py)
        return None
    key = (window(ctx.words, i), near, listed, id(ctx.model))
    table = _decisions(ctx.memo)
    seen = table.get(key) or []
    counts = ctx.in_document
    for spellings, numbers, found in seen:
        if all(_still_read(ctx, i, k) == n for k, n in zip(spellings, numbers, strict=True)):
            note_place(counts, ctx.words[i], spellings)
            return found
    log: list[tuple[str, int]] = []
    counts.reads = log
    try:
        found = _found(ctx, i, listed)
    finally:
        counts.reads = None
    if found is not None:
        found = replace(found, start=0, end=len(found.text))
    if len(ctx.memo) >= MEMO_SIZE:
        # A long text: what it learnt first is asked again if needed, but for the decisions (each
        # costs some thousand lookups) and the tables of answers per distinct word (``word_table``:
        # every word of the text asks them again, and each table has a bound of its own).
        tables = word_tables(ctx.memo)
        ctx.memo.clear()
        ctx.memo.update(tables)
        ctx.memo[DECISIONS] = table
    # (one decision reads each count once: the spellings, interned, and their counts, apart)
    reads = dict(log)
    spellings = tuple(sys.intern(k) for k in reads)
    table[key] = [*seen[-(MAX_VARIANTS - 1) :], (spellings, tuple(reads.values()), found)]
    note_place(counts, ctx.words[i], spellings)
    return found


def _still_read(ctx: Context, i: int, key: str) -> int:
    """What a decision that noted ``key`` would read of it now at the word at ``i``: a count
    of the text, or 1 where a note (note_topics, written, about_elsewhere) still holds."""
    if key[:1] == NEAR:
        return int(about_elsewhere(ctx.words, i, key[1:], ctx.lexicon, ctx.memo))
    # (a count of 0 may be one note_topics or written counts: no spelling is counted so)
    return dict.get(ctx.in_document, key) or noted_count(ctx.in_document, key, ctx.topics)


MAX_VARIANTS = 4  # answers kept for one window, for documents that count its spellings differently
# Windows whose decisions the memo keeps between checks (some 1 KB each): 10 MB of news decides
# some 15,000. While a text read at once (no blank line) is checked it may keep more (decisions_room).
MAX_DECISIONS = 20_000
DECISIONS = ("decided",)  # the memo's key of its table of decisions
Decisions = dict[tuple[Hashable, ...], list[tuple[tuple[str, ...], tuple[int, ...], "Finding | None"]]]


ROOM = ("decided room",)  # the memo's key of the windows its table may hold while a text is read at once


def _decisions(memo: Memo) -> Decisions:
    """The memo's table of decisions (``_decided``): a new one when it holds ``MAX_DECISIONS``
    (or the ``decisions_room`` of the text checked), with the newer half of the full one's
    windows. A settle pass over a long text without blank lines (one piece, read whole) asks
    again the windows the pass before decided: emptied, or smaller than they, the table had a
    pass decide them all again (time grew faster than the text)."""
    table = memo.get(DECISIONS)
    room = cast(int, memo.get(ROOM, MAX_DECISIONS))
    if not isinstance(table, dict):
        table = memo[DECISIONS] = {}
    elif len(table) >= room:  # (a new dict, not the old one cut: decisions_mark tells them apart)
        table = memo[DECISIONS] = _newer_half(table, room)
    return table


def _newer_half(table: Decisions, size: int) -> Decisions:
    """A new table of the newest ``size // 2`` windows of ``table`` (dicts keep their order)."""
    return dict(islice(table.items(), len(table) - size // 2, None))


def decisions_room(memo: Memo | None, windows: int) -> None:
    """Let the memo's table of decisions hold ``windows`` (when more than ``MAX_DECISIONS``)
    until ``decisions_trimmed``: a text read at once (engine.py) keeps the windows of a pass
    for the next, however long it is."""
    if memo is not None and windows > MAX_DECISIONS:
        memo[ROOM] = windows


def decisions_trimmed(memo: Memo | None) -> None:
    """After a check given more room (``decisions_room``): the table back to ``MAX_DECISIONS``,
    with the newer half of that, so that a process checking many texts keeps no more."""
    if memo is None or memo.pop(ROOM, None) is None:
        return
    table = memo.get(DECISIONS)
    if isinstance(table, dict) and len(table) > MAX_DECISIONS:
        memo[DECISIONS] = _newer_half(table, MAX_DECISIONS)


Learnt = list[tuple[tuple[Hashable, ...], list[tuple[tuple[str, ...], tuple[int, ...], "Finding | None"]]]]


def decisions_mark(memo: Memo | None) -> tuple[int, int]:
    """Where the memo's table of decisions stands (``decisions_since``)."""
    table = memo.get(DECISIONS) if memo is not None else None
    return (id(table), len(table)) if isinstance(table, dict) else (0, 0)


def decisions_since(memo: Memo | None, mark: tuple[int, int]) -> Learnt:
    """The windows decided since ``mark`` (``decisions_mark``) and their answers, for ``learn``
    in another process (a worker's, engine.py); answers added to windows decided before are
    left out."""
    table = memo.get(DECISIONS) if memo is not None else None
    if not isinstance(table, dict):
        return []
    known = mark[1] if mark[0] == id(table) else 0  # (a table renewed since: all of it)
    # (never fewer than none: a table renewed twice may reuse the first one's address)
    return list(islice(reversed(table.items()), max(0, len(table) - known)))


def learn(memo: Memo | None, learnt: Learnt) -> None:
    """Keep the decisions another process made (``decisions_since``) in ``memo``, up to
    ``MAX_DECISIONS`` windows: a later pass, or the workers forked for it, find them (an
    answer holds for whatever document counts the spellings it read the same)."""
    if memo is None or not learnt:
        return
    table = _decisions(memo)
    one = _shared(memo, table).setdefault
    for (around, near, listed, model), seen in learnt:
        if len(table) >= MAX_DECISIONS:
            return
        words = tuple(None if w is None else one(w, w) for w in cast(Window, around))
        key = (words, near, listed, model)
        if key not in table:
            table[key] = [(tuple(sys.intern(k) for k in s), n, found) for s, n, found in seen]


def _shared(memo: Memo, table: Decisions) -> dict[Hashable, Any]:
    """One object for each equal window word that ``learn`` keeps in ``table``
    (what came pickled is a copy of each, where a decision made here shares them): renewed
    with the table, so that it holds no more than the table does."""
    kept = memo.get(SHARED)
    if not (isinstance(kept, tuple) and kept[0] is table):
        kept = memo[SHARED] = (table, {})
    return cast(dict[Hashable, Any], kept[1])


SHARED = ("decided", "shared")  # the memo's key of ``_shared``'s table and the decisions' it serves


def _unread(ctx: Context, i: int, near: Sequence[str]) -> bool:
    """The capitalized word at ``i`` has no reading to score: no name within reach (``near``:
    the text's own names within reach), and no English word where ``_score`` would read it as
    one. Its context is never looked at (a text of made-up names costs a lookup per distinct name)."""
    word = ctx.words[i]
    core = word.core
    form = shape(core)
    if form == "lower" or near or ctx.names.lookup(core):
        return False
    return not (_may_be_english(ctx, i) and ctx.speller.lookup(core))


def _may_be_english(ctx: Context, i: int) -> bool:
    """Whether ``_score`` may read the capitalized word at ``i`` as an English word (at the
    start of a sentence, in a phrase of capitalized English words, as a demonym, or as a word
    English writes capitalized: ``_capitalized_word``), a word of an official's name aside."""
    word = ctx.words[i]
    core = word.core
    return word.sentence_start or (
        shape(core) == "title"
        and (
            core.lower().endswith(DEMONYM_ENDINGS)
            or in_title_phrase(ctx.words, i, ctx.lexicon)
            or any(_capitalized_word(k, ctx.lexicon) for k, _ in ctx.speller.lookup(core))
        )
    )


def _capitalized_word(key: str, lexicon: Lexicon) -> bool:
    """The English word ``key`` is one English writes capitalized more than three times in
    four (case_usage.tsv above ``CAPITALIZED_FROM``: Yorkshire, Sahara): a capital mid-sentence
    is its own, no sign of a name."""
    return lexicon.capitalized.get(key, 0.0) >= CAPITALIZED_FROM


def _found(ctx: Context, i: int, listed: bool) -> Finding | None:
    """The finding for the word at ``i``, if any. A word is scored in full only where the
    bound on its readings' margins (bound.py) lets one of them reach the floor; elsewhere
    the full scoring would find nothing either. (A lowercase word's readings as two words
    run together are weighed in full first: the bound covers its English words.)"""
    core = ctx.words[i].core
    own, official = _own(ctx, core.lower())
    null = null_features(ctx, i, listed, own)
    named = None
    weighed: dict[tuple[str, int], Scored] = {}
    lower = shape(core) == "lower"
    joined = _run_together(ctx, i, null) if lower or _initial_run_on(ctx, i, listed) else None
    floor = _floor(ctx, i, listed)
    if joined and any(s.margin >= floor for s in joined):
        named = None  # (a reading as two words reaches a finding: the bound covers one word's readings)
    elif lower:
        if hopeless(ctx, i, floor, null, [], False, {}, True):
            return None
    else:
        named = _name_hits(ctx, i, own, official)
        english = not official and _may_be_english(ctx, i)
        person = named[1]

        def exact(key: str, dist: int) -> float:
            scored = weighed[key, dist] = _name_scored(ctx, i, key, dist, person, null)
            return scored.margin

        if hopeless(ctx, i, floor, null, *named, english, exact):
            return None
    return _finding(ctx, i, _score(ctx, i, listed, null, named, weighed, joined), listed)


def _own(ctx: Context, low: str) -> tuple[dict[int, float], bool]:
    """``own_entities`` of the word ``low`` (read, never changed), and whether one is a person
    (a word of an official's name): asked once a word, which recurs in other windows."""
    table = word_table(ctx.memo, "own_entities", MEMO_SIZE)
    found = table.get(low)
    if found is None:
        own = own_entities(low, ctx.lexicon)
        found = table[low] = (own, any(ctx.lexicon.entries[e][2] == "person" for e in own))
    return found


def _without_variants(
    ctx: Context, i: int, core: str, hits: list[tuple[str, int]], partners: Partners
) -> list[tuple[str, int]] | None:
    """The name readings ``hits`` of the capitalized word ``core`` without the spellings it is
    a variant of; None when the word is itself such a variant that real text uses, and so
    stays as typed. A variant is one that English copy uses: not where news copy never writes
    the word and writes a place one slip away ten times or more (``_news_spelling``: Saria,
    Baris, Summy beside Syria, Paris, Sumy)."""
    low = core.lower()
    typed = typed_zipf(core, ctx.lexicon)
    # (but a doubled or undoubled letter beside an official's other name is a slip: Emanuel Macron)
    # that the candidate's spelling is the one text uses more (Assad, not Asad)
    # A spelling that text uses 1,000 times less than the name is a slip of it (Rusia, Chinna).
    # (a country's, capital's or region's settled English name has no other spelling in
    # English copy: Polland, Sweeden, Kiv are slips of it, whatever text writes them)
    variants = [
        k
        for k, _ in hits
        if skeleton(k) == skeleton(low)
        and not (partners[k] and _slip(low, k, ctx))
        and ctx.lexicon.zipf(k) - typed <= VARIANT_RARITY
        and not settled_name(k, ctx.lexicon)
    ]
    if typed >= VARIANT_ZIPF and variants and not any(_news_spelling(ctx, low, k, d) for k, d in hits):
        # a romanization variant that real text uses (Qassim for Qasim), unless a country's
        # name in reach is ten times as prominent as any it spells (Menya: Kenya, not Menia;
        # Syra: Syria, not Sira)
        prominence = ctx.lexicon.name_prior
        spelt = max(prominence[k][0] for k in variants)
        if not any(
            (prominence[k][0] - spelt >= FIX_MARGIN and _called_country(ctx, i, k))
            # President Joe Bidden: not Byden, a town; but Andry Yermak is Andriy's
            # romanization, not Andrey's slip
            or (partners[k] and _slip(low, k, ctx) and not any(partners[v] for v in variants))
            # (nor the title of an office whose holder the text names: Vice President [Barris])
            or (dist == 1 and not _borne(low, ctx.lexicon) and _holder_written(ctx, i, k))
            for k, dist in hits
            if k not in variants
        ):
            return None
        return [(k, d) for k, d in hits if k not in variants]
    return hits


def _called_country(ctx: Context, i: int, key: str) -> bool:
    """``key`` is a country's main name, or a country's, capital's or region's settled English
    name that the neighbours of ``i`` call for by the words of its listed name before it, a
    meeting named after it or a list of big cities of other countries (Democratic People's
    Republic of [Morea]: Korea; the [Pari] Agreement: Paris; Lyon, [Pari], Tbilisi), not by a
    preposition alone (in the Morea, the Greek region)."""
    lexicon = ctx.lexicon
    if main_name_of(key, lexicon, ("country",)):
        return True
    if not settled_name(key, lexicon):
        return False
    words = ctx.words
    glued = i > 0 and words[i - 1].core.lower() in NAME_GLUE
    if glued and whole_name_before(words, i, key, lexicon, ctx.memo) is not None:
        return True
    return bool(meeting_noun(words, i)) or bool(cities_beside(words, i, key, lexicon))


def _score(
    ctx: Context,
    i: int,
    listed: bool,
    null: dict[str, float] | None = None,
    named: tuple[list[tuple[str, int]], bool, Partners] | None = None,
    weighed: dict[tuple[str, int], Scored] | None = None,
    joined: list[Scored] | None = None,
) -> list[Scored]:
    """The readings of the word at ``i``, best first (``null``: its features as typed,
    ``named``: what ``_name_hits`` answers for it, ``weighed``: name readings already
    scored, and ``joined``: a lowercase word's readings as two words, where known)."""
    word = ctx.words[i]
    core = word.core
    low = core.lower()
    form = shape(core)
    # A whole listed name of a place or person ("Chernihiv") is its own evidence, and the
    # other spellings of that entity are no correction of it.
    own, official = _own(ctx, low)  # (official: a word of an official's name)
    null = null_features(ctx, i, listed, own) if null is None else null
    out: list[Scored] = []
    hits: list[tuple[str, int]] = []
    if form != "lower":
        hits, person, partners = _name_hits(ctx, i, own, official) if named is None else named
        kept = _without_variants(ctx, i, core, hits, partners)
        if kept is None and not unmarked_initial(ctx, i, listed):
            return []
        # (a variant of names that opens a sentence of prose, once, is read as English words still:
        # Buut remember, Jass killings; its names are not read, the spelling it is of them)
        hits = kept or []
        known = weighed or {}
        out = [known.get((key, dist)) or _name_scored(ctx, i, key, dist, person, null) for key, dist in hits]
    # A capitalized word that no name is near, in a phrase of capitalized English words
    # ("Treaty of Friendshio"), may be an English word too. (With names near, the English
    # words' frequencies drown them: Yars -> Years, on dev.)
    titled = (
        form == "title"
        and not any(s.margin >= 0.0 for s in out)  # no name is a likely reading (Kremiln: Kreminna?)
        and not word.sentence_start
        and in_title_phrase(ctx.words, i, ctx.lexicon)
    )
    # (a word of an official's name typed lowercase is an English word: thay, ith, wike)
    if form == "lower" or ((word.sentence_start or titled) and not official):
        out += _words_scored(ctx, i, {k for k, _ in hits}, null)
        # (a capitalized word too, at a sentence's start: Itis, Wealso)
        if form == "lower" or _initial_run_on(ctx, i, listed):
            out += _run_together(ctx, i, null) if joined is None else joined
    elif form == "title" and not official and low.endswith(DEMONYM_ENDINGS):
        # a demonym is an English word that is always capitalized (Ukranian: Ukrainian)
        readings = _words_scored(ctx, i, {k for k, _ in hits}, null)
        out += [s for s in readings if demonym(s.candidate.text.lower(), ctx.lexicon)]
    elif form == "title" and not official and not any(s.margin >= 0.0 for s in out):
        # and so is an English word that English writes capitalized three times in four
        # (case_usage.tsv: Yorskhire -> Yorkshire), where no name is a likely reading
        readings = _words_scored(ctx, i, {k for k, _ in hits}, null)
        out += [s for s in readings if _capitalized_word(s.candidate.text.lower(), ctx.lexicon)]
    out = _glued_halves(ctx, i, out)
    out.sort(key=lambda s: (-s.candidate.score, s.candidate.distance, s.candidate.text))
    return _dedupe(out)


def _glued_halves(ctx: Context, i: int, out: list[Scored]) -> list[Scored]:
    """A one-edit English reading that is a half of a split reading with glued_function
    (launcheda: launched, a half of launched a) gets glued_half, that pair's pair_support, when
    a content word follows (launcheda new: the lost article fits it; not before a pause, a
    capital or a function word: holdinga a, arenaa. However): the slip drops or changes a letter
    where the split needs none, and news copy writes the pair. Ranks only."""
    weight = ctx.model.weights["glued_half"]
    if not weight or not _content_next(ctx, i):
        return out
    pairs: dict[str, float] = {}
    for s in out:
        terms = dict(s.terms)
        if " " in s.candidate.text and terms.get("glued_function") and terms.get("pair_support"):
            for half in s.candidate.text.lower().split():
                pairs[half] = max(pairs.get(half, 0.0), terms["pair_support"])
    return [_glued_half(s, pairs.get(s.candidate.text.lower(), 0.0), weight) for s in out] if pairs else out


def _glued_half(s: Scored, value: float, weight: float) -> Scored:
    cand = s.candidate
    if not value or cand.kind != "word" or cand.distance != 1 or " " in cand.text:
        return s
    cand = replace(cand, score=cand.score + weight * value)
    return s._replace(candidate=cand, terms=(*s.terms, ("glued_half", value)))


def _content_next(ctx: Context, i: int) -> bool:
    """A lowercase content word follows the word at ``i`` with no pause between (``_glued_halves``)."""
    words = ctx.words
    if i + 1 >= len(words) or words[i].pause_after or not adjacent(words, i, i + 1):
        return False
    nxt = words[i + 1].core
    return nxt.isalpha() and nxt.islower() and nxt not in NOT_CONTENT


def _name_hits(
    ctx: Context, i: int, own: dict[int, float], official: bool
) -> tuple[list[tuple[str, int]], bool, Partners]:
    """The listed names the capitalized word at ``i`` may be a slip of, whether it stands
    where a person's name does, and the neighbour that completes each name (if any)."""
    words, lexicon, in_document = ctx.words, ctx.lexicon, ctx.in_document
    core = words[i].core
    low = core.lower()
    phrase = in_foreign_phrase(words, i, lexicon)
    bare = _bare_slot(words, i, lexicon)  # (of Syrias, Bulgaria, Canadas: no plural, such Buchas)
    slips: dict[Any, int] = word_table(ctx.memo, NAME_SLIPS, MEMO_SIZE)  # (asked once, not a hit)
    hits = [
        (k, d)
        for k, d in ctx.names.lookup(core, ctx.own_names)
        if not (slip := _name_slip(ctx, core, k, slips)) & _NEVER_SLIP  # Bosnia and Herzegovinian, InJanuary
        and not (slip & _DERIVED_SLIP and _derived_form(ctx, i, low, k, bare))
        and not (phrase and slip & _CASE_SLIP)
        and name_worthy(words, i, k, lexicon, in_document, ctx.memo)
    ]
    if accent_slip(core, lexicon):
        hits = _accent_hits(core, hits)
    if own:
        # the entity's other spellings are no correction of it, but for one that text uses
        # 1,000 times more (Jerusalen, a listed foreign name of Jerusalem), or the settled
        # English name that this text writes elsewhere, one slip away (``_text_writes``), or
        # one slip from a name news copy writes where it never writes the typed one (``_news_spelling``)
        typed = typed_zipf(core, lexicon)
        hits = [
            (k, d)
            for k, d in hits
            if not own.keys() & _entities(k, ctx)
            or lexicon.zipf(k) - typed > VARIANT_RARITY
            or _text_writes(ctx, core, k, d)
            or _news_spelling(ctx, low, k, d)
        ]
    if partner_possible(words, i, lexicon):
        partners = {k: beside_partner(words, i, k, lexicon, ctx.memo) for k, _ in hits}
    else:  # (no neighbour is a listed name's word: no key has a partner, asked once)
        partners = dict.fromkeys(k for k, _ in hits)
    if official:
        hits = [(k, d) for k, d in hits if _not_official(ctx, i, k, d, partners[k])]
    if low.endswith(PATRONYMICS):  # Vasylivna is somebody's daughter, not a town (Vasylivka)
        return [(k, d) for k, d in hits if names_person(k, lexicon)], True, partners
    if after_given_name(words, i, lexicon) or completes_person([partners[k] for k, _ in hits], lexicon):
        # Mariya Tomak is somebody, not Tomsk; Merio Draghi is Mario, not Merlo; Sri Lanka is a place
        return [(k, d) for k, d in hits if names_person(k, lexicon) or partners[k]], True, partners
    return hits, False, partners


def _accent_hits(core: str, hits: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The readings of an accent slip (``accent_slip``): not the plain letters that the lists also
    have (Lajčak: Lajčák, not Lajcak), and a spelling of the same letters with other accents one
    slip away however many accents differ (Marquéz: Márquez)."""
    plain = fold(core)
    return [(k, 1 if fold(k) == plain else d) for k, d in hits if k != plain]


def _not_official(ctx: Context, i: int, key: str, dist: int, partner: tuple[int, str] | None) -> bool:
    """Milei is Javier Milei, unless a neighbour makes it another name (``partner``), the text
    spells another name so (Russa, in a text that names Russia: not Ignazio La Russa), news copy
    never writes the word where it writes a place one slip away ten times or more (``_news_spelling``:
    Cina, Hiti, Gaa, words of listed officials' names that the copy the engine reads never names),
    or a country or capital is meant: the text calls for a place ("inside Russa"), or is about the
    place's country (``context.of_topic``: Iren, in a text that writes Iranian or Tehran)."""
    words, lexicon = ctx.words, ctx.lexicon
    if written(ctx.in_document, lexicon.display[key]) or partner:
        return True
    if _news_spelling(ctx, words[i].core.lower(), key, dist):
        return True
    if not settled_name(key, lexicon):
        return False
    if calls_for_place(words, i, key, lexicon, ctx.memo):
        return True
    note_topics(ctx.in_document, key, lexicon, ctx.topics)
    return of_topic(key, lexicon, ctx.topics)


def _derived_form(ctx: Context, i: int, low: str, key: str, bare: bool) -> bool:
    """The word ``low`` at ``i``, derived from the name ``key`` (``_name_slip``), is no slip of it:
    not an unused place's form that is a slip (``unused_place_slip``), nor the name and a demonym's
    -i that text never writes (Egypti: Egypt, as Egyptian is), nor a word beside the rest of the
    name (``beside_partner``: Jaked Sullivan; no word is derived from a name there)."""
    lexicon = ctx.lexicon
    return (
        not unused_place_slip(low, key, lexicon, bare)
        and not demonym_i_slip(low, key, lexicon)
        and not beside_partner(ctx.words, i, key, lexicon, ctx.memo)
    )


def _name_slip(ctx: Context, core: str, key: str, table: dict[Any, int]) -> int:
    """What ``_name_hits`` reads of the capitalized word ``core`` and the name ``key`` alone,
    asked once a pair (the word recurs in other windows), as flags: the word is derived from the
    name (``_DERIVED_SLIP``), no slip of it whatever its neighbours (``_NEVER_SLIP``: Bosnia and
    Herzegovinian, the name's demonym; InJanuary, the word after a lost space), a Slavic case of
    it (``_CASE_SLIP``); ``table``: the memo's table of answers (``NAME_SLIPS``)."""
    found = table.get((core, key))
    if found is None:
        low, lexicon = core.lower(), ctx.lexicon
        never = vowel_demonym(low, key, lexicon) or any(low[h:] == key for h in _inner_capitals(core))
        found = table[core, key] = (
            (_DERIVED_SLIP if derived(low, key, lexicon) else 0)
            | (_NEVER_SLIP if never else 0)
            | (_CASE_SLIP if slavic_case(low, key) else 0)
        )
    return found


NAME_SLIPS = "name_slips"  # the word table of ``_name_slip``
_DERIVED_SLIP, _NEVER_SLIP, _CASE_SLIP = 1, 2, 4  # (flags of ``_name_slip``: small ints, no object a pair)


def _name_scored(ctx: Context, i: int, key: str, dist: int, person: bool, null: dict[str, float]) -> Scored:
    lexicon = ctx.lexicon
    core = ctx.words[i].core
    low = core.lower()
    reading = name_features(ctx, i, key, dist, person)
    cand = _candidate(ctx, reading)
    shared = _entities(key, ctx) & _own(ctx, low)[0].keys()  # the entities the typed word names itself too
    same = bool(shared)
    if "own_entity" in null and same:
        null = _without(null, "own_entity")  # the same entity, spelled as text does
    if "own_place_context" in null and (cand.kind != "place" or _of_own_country(ctx, low, key)):
        null = _without(null, "own_place_context")  # no other place (Igan: Ivan), or one of the town's country
    if "own_place_list" in null and cand.kind == "place" and _shares_country(ctx, low, key):
        null = _without(null, "own_place_list")  # (it tells against people and other countries' places: Androy)
    # Another romanization of a listed name, or a place name with another vowel ending
    # (Novotroitske, Trudovye: Slavic grammar): suggest, never impose; but a country's
    # or capital's settled English name is imposed on a spelling no text uses (Russja),
    # and English does not decline it (Russa).
    settled = settled_name(key, lexicon)
    # An established English name (Putin, South) is neither romanized nor declined anew.
    established = settled or lexicon.zipf(key) >= KNOWN_ZIPF
    # A romanization that no text uses, of a city of 100,000 or more (Marjupol), is a slip.
    imposed = established or (cand.kind == "place" and lexicon.name_prior[key][0] >= ROMANIZED_CITY)
    # So is one that the text writes once where it spells the name as listed elsewhere: a
    # writer keeps to the romanization chosen (Sergei Shoigu ... Shojgu; Andrzej Douda)
    imposed = imposed or ("in_document" in reading.features and "repeated" not in null)
    # Beside the rest of an official's listed name (``same_name``), a spelling the text writes once
    # where it spells the name as listed elsewhere is a slip, even one that text uses (Marjo Draghi
    # after a headline's Mario Draghi; Kamila Harris). (A romanization no text uses is not enough:
    # Tokaev, Monastyrsky, Urengoi are the press's own spellings.)
    named = "same_name" in reading.features and "in_document" in reading.features and "repeated" not in null
    variant = (romanization_variant(low, key) and not named and not (lexicon.zipf(core) == 0.0 and imposed)) or (
        cand.kind == "place" and vowel_ending(low, key) and not established
    )
    if "same_name" in reading.features and _slip(low, key, ctx):
        variant = False  # a slip in an official's name that its neighbours complete (Jaka Sullivan)
    # (but not the press's own romanization of it, Hassan Rohani, nor Ukraine's official one: Herman)
    variant = variant or (cand.kind == "person" and not named and _romanized_here(ctx, i, low, key))
    if key in TITLES and typed_zipf(core, lexicon) >= COMMON_NAME_ZIPF:
        variant = True  # a title (Sheikh) as English also writes it (Sheik Mohammed): a spelling, not a slip
    in_use = _name_in_use(low, lexicon) or (cand.kind == "person" and _rival_spelling(ctx, i, low, key))
    # (but not one that news copy never writes, one slip from a place it writes: Uran, Iran)
    in_use = in_use and not _news_spelling(ctx, low, key, dist)
    if in_use and len(low) == len(key) and vowel_for_vowel(low, key) and not named:
        # one vowel for another in a name people bear is another spelling (Ismael, Ismail), but
        # not a surname in a given name's place (President [Pater] Thomson: Peter)
        variant = variant or not ("same_name" in reading.features and _surname_for_given(ctx, i, low, key))
    if variant and cand.kind == "place" and not vowel_ending(low, key) and _place_called(reading.features):
        # where the neighbours call for a place (in [Binn], the Kingdom of [Yordan], [Samy] region), a
        # name people bear one vowel off, or another romanization of a country's, capital's or
        # region's settled name, is a slip of the place (Bonn, Jordan, Sumy)
        variant = not (settled or _name_in_use(low, lexicon))
    if not named and _unseen_vowel_romanization(ctx, low, key, reading.features):
        variant = True  # a press romanization one vowel off a listed one no text uses (Dbeibah: Dbeibeh)
    if same and not _spelling_evidence(ctx, core, key, dist, reading.features, shared):
        variant = True  # another listed spelling of the entity the word names itself (Izmail: Ismail)
    if fold(key) == fold(low) and accent_slip(core, lexicon):
        variant = False  # accents that no listed spelling of the word has (Lajčak: Lajčák), no romanization
    return _weighed(ctx, cand, reading.features, null, variant)


def _unseen_vowel_romanization(ctx: Context, low: str, key: str, features: dict[str, float]) -> bool:
    """``low`` is ``key`` with one vowel for another, ``key`` names an entity of a country whose
    names are romanized from a script that gives no vowel one letter of its own (``ABJAD``, any
    vowel: short ones are not written; the rest of ``ROMANIZING`` less ``VOWEL_LETTERS``, a vowel
    of a diphthong, romanized the French way or the English) and real text hardly uses ``key`` (Zipf
    under VARIANT_ZIPF; the text does not write it, ``in_document``): two romanizations, and no
    count to tell which copy uses (Dbeibah, Dbeibeh; Xiengkhouang, Xiangkhouang)."""
    lexicon = ctx.lexicon
    if "in_document" in features or len(low) != len(key) or not vowel_for_vowel(low, key):
        return False
    if lexicon.zipf(key) >= VARIANT_ZIPF:
        return False
    countries = {lexicon.countries[e] for e in _entities(key, ctx)}
    if countries & ABJAD:
        return True
    return bool(countries & (ROMANIZING - VOWEL_LETTERS)) and _in_diphthong(low, key)


def _in_diphthong(low: str, key: str) -> bool:
    """The one vowel that ``low`` and ``key`` differ in stands beside another vowel: a diphthong
    romanized two ways (Xieng, Xiang), not a vowel of its own (Tobgey, Tobgay: a slip)."""
    j = next(k for k, (a, b) in enumerate(zip(low, key, strict=False)) if a != b)
    return any(0 <= k < len(key) and key[k] in "aeiou" for k in (j - 1, j + 1))  # (y: Tobgey, a consonant)


def _spelling_evidence(
    ctx: Context, core: str, key: str, dist: int, features: dict[str, float], shared: AbstractSet[int]
) -> bool:
    """Between two listed spellings of one entity (the typed word's own, and ``key``) every
    term of the entity (place_list, topic, name_prior) is the same for both, so only how copy
    uses the spellings tells a slip: the text writes ``key`` elsewhere (``in_document``), or
    real text writes ``key`` VARIANT_RARITY more often than the typed word and ``key`` is no
    name that people bear, whose counts are not the place's (Jerusalen: Jerusalem 4.2; but
    Izmail: Ismail 3.1, a given name), the text writes ``key``'s settled English name elsewhere
    (``_text_writes``: Gasa beside Gaza), or news copy writes ``key`` where it never writes the
    typed word (``_news_spelling``: Seul, Dehli), unless the typed word is the entity's main name
    in the gazetteer, the sources' own choice, which news copy alone does not overrule (Berdiansk,
    Izmail). ``shared``: the entities both spellings name."""
    low = core.lower()
    if "in_document" in features or _text_writes(ctx, core, key, dist):
        return True
    lexicon = ctx.lexicon
    main = any(unaccented(lexicon.entries[e][1]).lower() == unaccented(low) for e in shared)
    if not main and _news_spelling(ctx, low, key, dist):
        return True
    if key in lexicon.given_names or key in lexicon.surnames:
        return False
    return lexicon.zipf(key) - lexicon.zipf(low) > VARIANT_RARITY


# Cues of the neighbours that call for a place as such (a preposition that takes people as
# readily, to or from, is valued 0.5 and is not one)
PLACE_CALLS = frozenset(
    "place_preposition place_noun place_meeting place_event country_list country_of city_country glued_name".split()
)


def _place_called(features: dict[str, float]) -> bool:
    """The neighbours call for a place: a cue of ``PLACE_CALLS`` at full strength."""
    return any(features.get(name, 0.0) >= 1.0 for name in PLACE_CALLS)


def _surname_for_given(ctx: Context, i: int, low: str, key: str) -> bool:
    """``key`` is the given name of the listed name the neighbours of ``i`` complete, and the
    typed word is no given name anybody listed bears (Pater, Krzysztof Pater's surname)."""
    if low in ctx.lexicon.given_names:
        return False
    hit = beside_partner(ctx.words, i, key, ctx.lexicon, ctx.memo)
    if hit is None:
        return False
    parts = ctx.lexicon.spellings[hit[0]][0]
    return len(parts) > 1 and parts[0].lower() == key


def press_spelling(low: str, key: str, lexicon: Lexicon, people: Sequence[int] | None = None) -> bool:
    """``low`` is another romanization of the listed name word ``key`` that real text writes:
    no English word, written at least VARIANT_ZIPF and no more than RIVAL_SPELLING less often
    than ``key``, and one difference from it of a kind that spellings of one person in the
    gazetteer show (``TRANSLITERATIONS``: Rohani, Rouhani; Sissi, Sisi; Prayuth, Prayut). A
    slip is far rarer than the name it misspells (Sulivan 1.6, Sullivan 3.9). Only the name of a
    person of a country whose names are romanized (``ROMANIZING``) has such spellings: one of
    ``people`` (entity numbers; None: any person ``key`` names)."""
    return _romanization_in_use(low, key, lexicon) and _romanized(key, lexicon, people)


def _romanization_in_use(low: str, key: str, lexicon: Lexicon) -> bool:
    """Real text writes ``low`` (no English word, no listed given name: Amr and Amir are two
    names, not two spellings of one) nearly as often as ``key``, and it differs from
    ``key`` in one place by a kind of ``TRANSLITERATIONS``, or by any kind when text writes it
    more often than ``key`` (Wajed 1.1, Wazed 0: j/z, which no two spellings in the gazetteer
    show; the listed spelling is then the rare one, and no slip is commoner than its word)."""
    typed, listed = lexicon.zipf(low), lexicon.zipf(key)
    if typed < VARIANT_ZIPF or low in lexicon.words or low in lexicon.given_names or listed - typed > RIVAL_SPELLING:
        return False
    kind = alternation(low, key)
    return kind in TRANSLITERATIONS or (bool(kind) and typed > listed)


def _romanized(key: str, lexicon: Lexicon, people: Sequence[int] | None) -> bool:
    if people is None:
        found = lexicon.spelling_entities(lexicon.name_index.get(key, ()))
        people = [e for e in found if lexicon.entries[e][2] == "person"]
    return any(lexicon.countries[e] in ROMANIZING for e in people)


def _press_spelling_here(ctx: Context, i: int, low: str, key: str) -> bool:
    """``press_spelling`` of the person whose listed name the neighbours of ``i`` complete with
    ``key`` (Amir of Amir Khan Muttaqi, beside Khan Muttaqi: Afghanistan's), or of any person
    ``key`` names where they complete none."""
    lexicon = ctx.lexicon
    if not _romanization_in_use(low, key, lexicon):
        return False
    hit = beside_partner(ctx.words, i, key, lexicon, ctx.memo)
    return _romanized(key, lexicon, None if hit is None else [lexicon.spellings[hit[0]][1]])


def _romanized_here(ctx: Context, i: int, low: str, key: str) -> bool:
    """The press's own romanization of the name (``_press_spelling_here``), or a Ukrainian or
    Belarusian name's official one where the list has the Russian (``_h_for_g_here``: Herman)."""
    return _press_spelling_here(ctx, i, low, key) or _h_for_g_here(ctx, i, low, key)


def _h_for_g_here(ctx: Context, i: int, low: str, key: str) -> bool:
    """``low`` is ``key`` with h where ``key`` has g (and romanization choices aside:
    ``slavic_g_variant``), and ``key`` is the name of a person of a country whose official
    romanization writes Cyrillic г as h (``H_FOR_G``), the person whose listed name the neighbours
    of ``i`` complete, or any person ``key`` names where they complete none: the country's own
    spelling of a name the list gives in the Russian romanization (Herman Halushchenko, German
    Galushchenko; Natalia Halibarenko, Galibarenko), no slip, whether or not news copy writes it."""
    if low.count("g") >= key.count("g") or not slavic_g_variant(low, key) or romanization_variant(low, key):
        return False
    lexicon = ctx.lexicon
    hit = beside_partner(ctx.words, i, key, lexicon, ctx.memo)
    if hit is None:
        found = lexicon.spelling_entities(lexicon.name_index.get(key, ()))
        people = [e for e in found if lexicon.entries[e][2] == "person"]
    else:
        people = [lexicon.spellings[hit[0]][1]]
    return any(lexicon.countries[e] in H_FOR_G for e in people)


def _name_in_use(low: str, lexicon: Lexicon) -> bool:
    """A given name or surname of listed people that real text uses (Ismael)."""
    return (low in lexicon.given_names or low in lexicon.surnames) and lexicon.zipf(low) >= VARIANT_ZIPF


def _rival_spelling(ctx: Context, i: int, low: str, key: str) -> bool:
    """Real text writes ``low``, no English word, at least a tenth as often as ``key`` (Zipf
    VARIANT_ZIPF or more), and ``key`` is a given or middle name of the listed name its
    neighbours complete (Atal [Behari] Vajpayee; Vice President [Kamila] Harris): such names
    are spelt many ways across languages and transliterations, where an official's surname,
    the last word of the name (or any listed surname, alone), is spelt as the official does
    (Andrzej Dida, Guillermo Lasse, Olaf Schulz: slips of Duda, Lasso, Scholz)."""
    lexicon = ctx.lexicon
    typed = lexicon.zipf(low)
    if typed < VARIANT_ZIPF or low in lexicon.words or lexicon.zipf(key) - typed > RIVAL_SPELLING:
        return False
    hit = beside_partner(ctx.words, i, key, lexicon, ctx.memo)
    if hit is None:
        return key not in lexicon.surnames
    return lexicon.spellings[hit[0]].parts[-1].lower() != key


def _text_writes(ctx: Context, core: str, key: str, dist: int) -> bool:
    """The text writes ``key``, a country's, capital's or region's settled English name one slip
    from ``core``, and ``core`` nowhere else: a foreign name of the same place that the text
    otherwise spells in English (Gasa in a text on Gaza, Moskow beside Moscow, Pari beside
    Paris) is read as a slip of it, and weighed (``in_document``) like any other."""
    lexicon = ctx.lexicon
    return (
        dist == 1
        and settled_name(key, lexicon)
        and ctx.in_document[lexicon.display[key]] > 0
        and ctx.in_document[core] <= 1
    )


def _news_spelling(ctx: Context, low: str, key: str, dist: int) -> bool:
    """``key``, one slip from the typed word ``low``, names a place (and no person) that news
    copy writes at least 10^NEWS_SPELLING times where it never writes ``low`` (Gasa, Seul, Sirta:
    listed foreign names of Gaza, Seoul, Sirte): English copy does not use the typed spelling,
    so it is read as a slip of the one it uses (``news_over_typed`` weighs how often)."""
    lexicon = ctx.lexicon
    return (
        dist == 1
        and lexicon.name_prior[key][1] == "place"  # (not a person's: Oleksii and Oleksiy are one man's)
        and not names_person(key, lexicon)
        and news_over_count(low, key, lexicon, ctx.bigrams) >= 10**NEWS_SPELLING
    )


def _slip(typed: str, key: str, ctx: Context) -> bool:
    """A slip of the keyboard, not another romanization (Oleksiy for Oleksii, Sergii for
    Serhii) or the press's own spelling (Assad for Asad): the letters differ by more than a
    romanization choice (a letter doubled, dropped or struck for another: Bidden, Jaka,
    Raimond), and text uses the typed spelling less."""
    lexicon = ctx.lexicon
    struck = undoubled(typed) == undoubled(key) or not slavic_g_variant(typed, key)  # (Draghii: doubled)
    return typed != key and struck and lexicon.zipf(typed) < lexicon.zipf(key)


def _words_scored(ctx: Context, i: int, names: set[str], null: dict[str, float]) -> list[Scored]:
    """English words the word at ``i`` may be a slip of (those not already scored as names)."""
    words, lexicon = ctx.words, ctx.lexicon
    core = words[i].core
    low = core.lower()
    typed, seen = typed_zipf(core, lexicon), lexicon.zipf(core)
    null = _without(_without(null, "own_place_context"), "own_place_list")  # (against other places only)
    out = []
    heads = _inner_capitals(core)
    for key, dist in ctx.speller.lookup(core):
        if (
            derived(low, key, lexicon, lowercase=core.islower())
            or sibling_derivation(low, key, lexicon)
            or (key in names and not _initial_english(ctx, i, key))
        ):
            continue  # a derived form (multilateralist, not multilateralism), or scored as a name with its context
        if any(low[k:] == key for k in heads):
            continue  # the word after a lost space, the word before it dropped (OnSeptember): no slip
        entry = Entry(f"word:{key}", key, "word", "English word", "symspellpy frequency list, wordfreq")
        text = recase(key, core)
        partner = beside_partner(words, i, key, lexicon, ctx.memo) if key in lexicon.name_index else None
        if partner and partner[1][:1].isupper() and low[:1] != key[:1]:
            # "ladimir Putin": the capital went with the dropped first letter, and the name
            # keeps it; a word typed with its first letter keeps the writer's case (Ban
            # Ki-[mopn]: moon, Seventy-[fibe]: five).
            text = lexicon.display[key]
        support, note = bigram_context(words, i, key, ctx.bigrams)
        features = word_features(ctx, i, key, dist, support)
        reading = Reading(text, "word", dist, entry, f"Zipf {lexicon.words[key]:.1f}" + note, features)
        # Context ranks the candidates; it is no evidence that the typed word is wrong.
        # combatting/combating: both in real use. A misspelling that codespell lists is
        # no such evidence (occured, untill), but for the British doubled consonant.
        in_use = VARIANT_ZIPF <= typed and lexicon.words[key] - typed <= WORD_VARIANT_RARITY
        variant = (in_use and undoubled(low) == undoubled(key)) or (
            seen >= VARIANT_ZIPF and british_doubling(low, key, lexicon)
        )
        out.append(_weighed(ctx, _candidate(ctx, reading), reading.features, null, variant))
    return out


def _initial_english(ctx: Context, i: int, key: str) -> bool:
    """The word at ``i`` opens a sentence and the English word ``key``, which a listed name also
    spells (May, Court, Bush), is one that English does not mostly write capitalized (case_usage.tsv
    has no row for it): its English reading is weighed beside the name's, the sentence's capital
    being no name's ([Mya] we ask: may; [Cuort] rulings: court). A word English writes capitalized
    (china, august) is read as the name alone, as inside a sentence."""
    return ctx.words[i].sentence_start and key not in ctx.lexicon.capitalized


def _inner_capitals(core: str) -> tuple[int, ...]:
    """Where a capital stands inside a word after a lowercase letter (OnSeptember: 2), the start
    of a second word run into the first."""
    return tuple(k for k in range(1, len(core)) if core[k].isupper() and core[k - 1].islower())


def _run_together(ctx: Context, i: int, null: dict[str, float]) -> list[Scored]:
    """Two words typed without the space between them ("alsosaid" -> "also said")."""
    lexicon = ctx.lexicon
    core = ctx.words[i].core
    low = core.lower()
    cuts = _word_cuts(ctx, i)
    # the commoner half of the best cut (medicines [and]) against this cut's (medicine sand)
    commoner = max((max(lexicon.words[left], lexicon.words[right]) for left, right in cuts), default=0.0)
    # (not where a name goes, after a title or an initial: Mr. Iranpour, John E. Ferling)
    slot = core.islower() or name_slot(ctx.words, i, lexicon) or after_initial(ctx.words, i)
    initial = 0.0 if slot else initial_word(ctx, i)
    out = []
    for left, right in cuts:
        zipf = min(lexicon.words[left], lexicon.words[right])
        entry = Entry(
            f"word:{left} {right}", f"{left} {right}", "word", "two English words", "symspellpy frequency list"
        )
        features = split_features(ctx, left, right, i)
        if (
            initial
            and (left in CLOSED_READINGS or right in CLOSED_READINGS)
            and not name_reading(f"{left} {right}", lexicon)
        ):
            # Nordo we, Noone will: the sentence's capital, no name's; two content words written
            # solid there are a firm's name as often (Datagroup shares rose: review18)
            features["initial_word"] = initial
        weaker = commoner - max(lexicon.words[left], lexicon.words[right])
        if weaker > 0:
            features["weaker_cut"] = weaker
        if core.islower() and _glued_closed_word(left, right, features):
            features["glued_function"] = 1.0  # (margin only: no compound starts or ends with a function word)
        # two content words may be a compound: suggest only, unless no text writes them solid and
        # their halves seldom begin or end solid words, or the margin reaches a fix with
        # compound_pair, which weighs how readily they do
        compound = _compound(ctx, low, left, right, features.get("news_context", 0.0))
        solid = compound and _solid_pair(ctx, left, right)
        if solid and _fixable_pair(low, left, right, lexicon):
            features["compound_pair"] = _solid_parts(ctx, left, right)
            spaced = _spaced_in_news(ctx, low, left, right)
            if spaced:
                features["spaced_in_news"] = spaced
        if solid:  # halves that readily make solid words fit a compound's neighbours as well as a lost space's
            news = features.pop("runon_news", None)
            if news:  # ...but not as well: a fraction of that support (solid_news)
                features["solid_news"] = news
        text = f"{left} {right}" if core.islower() else f"{left[:1].upper()}{left[1:]} {right}"
        reading = Reading(text, "word", 1, entry, f"a missing space; Zipf {zipf:.1f}", features)
        scored = _weighed(ctx, _candidate(ctx, reading), reading.features, null, compound)
        if compound and (_may_be_lost_space(ctx, low, scored) if not solid else _weighed_pair(scored, features)):
            scored = scored._replace(suggest_only=False)
        elif compound and not core.islower() and typed_zipf(core, lexicon) >= SEEN_ZIPF:
            continue  # Stillwell, Bywater: a name real text uses opens the sentence, not "Still well"
        out.append(scored)
    return out


def _glued_closed_word(left: str, right: str, features: dict[str, float]) -> bool:
    """The reading of two words run together has a function word (``function_half``), the article
    a (``lost_article``) or another closed-class word of two letters or more as a half (my, her,
    they: heraides, mysuperiors): no word of its own starts or ends with one (``glued_function``)."""
    if "function_half" in features or "lost_article" in features:
        return True
    return min(len(left), len(right)) >= 2 and bool({left, right} & CLOSED_CLASS)


def _initial_run_on(ctx: Context, i: int, listed: bool) -> bool:
    """Whether the capitalized word at ``i`` may be two English words run together: the first word
    of a sentence of prose (features.prose_capital: Itis time, Wealso need), that no list has as a
    name and the text writes once (a name recurs; a typo does not), capitalized only at its start,
    and followed by a lowercase word, not a pause: a surname opens a sentence before its apposition
    (Ison, the envoy, said; Onan, 54, said), where two words run together seldom stand; or a
    heading's first word that a capitalized word follows (features.unmarked_heading: Launchinga Historic)."""
    if ctx.words[i].pause_after:
        return False
    if not (unmarked_initial(ctx, i, listed) or unmarked_heading(ctx, i, listed)):
        return False
    return bool(_word_cuts(ctx, i))


def _word_cuts(ctx: Context, i: int) -> list[tuple[str, str]]:
    """The cuts of the word at ``i`` as two English words run together (``_cuts``). Before a
    capitalized word, a capitalized word's cuts are only those a heading or a name's title reads
    right: the second word a function word (Launchinga Historic: Launching a; Forthe United
    States) or the first an article (Thepresident Joe Biden). Two other words written solid
    there, the second left lowercase before a capital, are a firm's name more often (Brightview
    Group, Firstsource Solutions, Wework Partners: review16)."""
    words = ctx.words
    core = words[i].core
    cuts = list(_cuts(ctx, core.lower()))
    if core.islower() or i + 1 >= len(words) or not words[i + 1].core[:1].isupper():
        return cuts
    return [(left, right) for left, right in cuts if right in FUNCTION_HALVES or left in APPOSITION_ARTICLES]


def _cuts(ctx: Context, low: str) -> Iterator[tuple[str, str]]:
    """The places where the lowercase word ``low`` may be two English words run together."""
    lexicon = ctx.lexicon
    for cut in range(1, len(low)):
        left, right = low[:cut], low[cut:]
        if left not in lexicon.words or right not in lexicon.words:
            continue
        if (len(left) < 2 and left not in ("a", "i")) or (len(right) < 2 and right != "a"):
            continue  # a one-letter half is a word: "a", "I" ("waita decade": wait a)
        if right in DERIVATIONS and right not in FUNCTION_WORDS:
            continue  # "debilitating ly": an ending, not a word
        zipf = min(lexicon.words[left], lexicon.words[right])
        if (
            zipf < SPLIT_MIN_ZIPF
            and not glued_to_rare(low, left, right, lexicon)
            and not _rare_apart(ctx, low, left, right)
        ):
            continue
        yield left, right


def _rare_apart(ctx: Context, low: str, left: str, right: str) -> bool:
    """A rarer word (Zipf 2-3, RARE_HALF letters or more) lost its space beside another that no
    text writes solid with it, and neither half begins or ends solid words readily (continues
    unabated, adversarial intent: ``_solid_pair``)."""
    rare = left if ctx.lexicon.words[left] <= ctx.lexicon.words[right] else right
    if ctx.lexicon.words[rare] < GLUED_MIN_ZIPF or len(rare) < RARE_HALF or ctx.lexicon.zipf(low) != 0.0:
        return False
    return not _solid_pair(ctx, left, right)


def _may_be_lost_space(ctx: Context, low: str, scored: Scored) -> bool:
    """Whether the reading of ``low`` as two words may be fixed if no compound: no text writes
    ``low`` (thinktanks, failsafe: compounds text uses), and its margin with the ``alone``
    feature, where it applies, reaches the fix margin."""
    alone = max(0.0, ctx.model.weights["alone_word"]) if len(low) >= LONG_WORD else 0.0
    return ctx.lexicon.zipf(low) == 0.0 and scored.margin + alone >= FIX_MARGIN


def _fixable_pair(low: str, left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether a lost space may be read between two content words whose halves begin or end
    solid words readily (``compound_pair``): no text writes them solid, the first is no
    prefix of two letters (cooption), and the second no head English writes solid after a
    word (statesperson, chairmanship, nationwide)."""
    return lexicon.zipf(low) == 0.0 and len(left) >= COMPOUND_HALF and right not in LINKING_HEADS | SUFFIX_HEADS


def _spaced_in_news(ctx: Context, low: str, left: str, right: str) -> float:
    """log10(1 + how many times news copy writes ``left right`` apart), where it never writes
    ``low`` solid (``spaced_in_news``): a pair the same kind of copy writes with a space (key
    allies, low carbon) and never without is two words, where a compound no list has (cybertheft,
    orderbooks) is one news copy does not write apart either. 0.0 where news copy writes ``low``."""
    if ctx.bigrams.news_count(low):
        return 0.0
    return math.log10(1 + ctx.bigrams.news_pair_count(left, right))


def _weighed_pair(scored: Scored, features: dict[str, float]) -> bool:
    """Whether a reading of two words that English writes as parts of solid words readily
    (``_solid_pair``) and no text writes solid may be fixed: its margin, with ``compound_pair``
    (how readily they do: derive.solid_parts), reaches the fix margin with no ``alone``
    feature (a long compound has no rival)."""
    return "compound_pair" in features and scored.margin >= FIX_MARGIN


def _solid_pair(ctx: Context, left: str, right: str) -> bool:
    """Whether English writes ``left`` and ``right`` as parts of solid words readily enough
    that the two run together may be a compound no list has (derive.solid_parts)."""
    return _solid_parts(ctx, left, right) >= SOLID_PARTS


def _solid_parts(ctx: Context, left: str, right: str) -> float:
    return remember(ctx.memo, ("solid_parts", left, right), lambda: solid_parts(left, right, ctx.lexicon))


def _compound(ctx: Context, low: str, left: str, right: str, news: float = 0.0) -> bool:
    """Whether the two English words ``left`` and ``right`` that ``low`` runs together may be a
    compound that no list has (a reading of them apart is then only suggested). ``news``: the
    news support of the two beside their neighbours (features.news_context)."""
    # Not when no text writes them together and they very often stand side by side
    # ("alsosaid", "primeminister"), nor beside a function word
    # (but a function word that is a prefix of English too, be-, by-, in-, on- (PREFIX_WORDS):
    # before a content word the pair may be a compound no list has, bycatch, onsold; not where
    # web text writes the two as a phrase of their own and seldom solid (by political, on food),
    # or where news copy writes the two beside these neighbours (PREFIX_NEWS: by climate change)
    lexicon = ctx.lexicon
    unwritten = written_apart(low, left, right, lexicon, ctx.bigrams)
    prefix = left in PREFIX_WORDS and right not in FUNCTION_WORDS
    phrase = ctx.bigrams.zipf(left, right) >= PREFIX_PHRASE_ZIPF or news >= PREFIX_NEWS
    glued = (
        {left, right} & FUNCTION_WORDS
        and min(len(left), len(right)) >= 2
        and not (prefix and not (unwritten and phrase))
    )
    usual_pair = unwritten and ctx.bigrams.affinity(left, right) >= SPLIT_AFFINITY
    # a pronoun, a conjunction or a quantifier glued to a word no text writes ("thankhis")
    # (or a closed-class word that ends compounds but starts none before a word: nosecurity, usall)
    glued_closed = unwritten and bool({left, right} & CLOSED_CLASS or left in LEFT_CLOSED)
    # two long words that no text writes solid: English writes such a pair apart or with a
    # hyphen (exchanged views), unless the first is a combining form (electro-, techno-) or
    # ends in a linking s (statesperson, salesperson)
    long_pair = unwritten and min(len(left), len(right)) >= LONG_HALVES and left[-1] not in "os"
    # nor is an inflected first word a compound's (exchangedviews, devastatingloss, makingnew)
    inflected = unwritten and len(right) >= INFLECTED_RIGHT and inflected_form(left, lexicon)
    # nor does a compound start with a plural or a verb's -s form (countriesneed, talksaimed),
    # but for a linking s before a head such as -man or -person (statesperson, townsfolk)
    plural = unwritten and len(right) >= INFLECTED_RIGHT and right not in LINKING_HEADS and plural_form(left, lexicon)
    # the article lost its space (launcha, supporta), where no text writes the two solid
    article = unwritten and lost_article(left, right)
    # nor does English write an adjective solid before a noun (legalmechanisms, boundlesscourage), but
    # for a head that is an English ending as well (initialling: initial + ling)
    adjective = (
        unwritten
        and len(left) >= ADJECTIVE_LEFT
        and left.endswith(ADJECTIVE_ENDINGS)
        and len(right) >= ADJECTIVE_RIGHT
        and right not in SUFFIX_HEADS
    )
    return not (glued or article or usual_pair or glued_closed or long_pair or inflected or plural or adjective)


def glued_to_rare(low: str, left: str, right: str, lexicon: Lexicon) -> bool:
    """A function word or another closed-class word (context.CLOSED_READINGS: our, his, they) of two
    letters or more lost its space beside a rarer word that no text writes with it (blackmailedthe,
    coexistedwith, chartedour): the rarer word need only be a word text uses."""
    if lexicon.zipf(low) != 0.0 or min(len(left), len(right)) < 2:
        return False
    other = right if left in CLOSED_READINGS else left if right in CLOSED_READINGS else ""
    return bool(other) and lexicon.words[other] >= GLUED_MIN_ZIPF


def written_apart(low: str, left: str, right: str, lexicon: Lexicon, bigrams: Bigrams) -> bool:
    """No text writes ``low`` solid, or text writes the two words apart far more often: 20 times
    with a function word as one half (eachother, whenyou), 100 times for two content words
    (lastyear, humanrights)."""
    solid = lexicon.zipf(low)
    if solid == 0.0:
        return True
    glue = {left, right} & (FUNCTION_WORDS | CLOSED_CLASS | ONE_LETTER_WORDS)
    return bigrams.zipf(left, right) - solid >= (APART_ODDS if glue else CONTENT_APART_ODDS)


def _candidate(ctx: Context, reading: Reading) -> Candidate:
    score = ctx.model.score(reading.features)
    return Candidate(reading.text, reading.kind, reading.distance, score, reading.entry, reading.evidence)


def _weighed(
    ctx: Context, cand: Candidate, features: dict[str, float], null: dict[str, float], variant: bool
) -> Scored:
    margin, evidence, terms = ctx.model.weigh(features, null)
    return Scored(cand, margin, bool(variant), evidence, terms)


def _dedupe(scored: list[Scored]) -> list[Scored]:
    """One reading a text (``scored`` best first): the one with the most margin, at the rank and
    score of the text's best-scored reading. A name's word that opens a sentence is read both as
    the name and as the English word (decide._initial_english); the name's reading keeps what its
    context says for it (the U.S. [Ission] to the UN, where the text writes U.S. Mission: the
    place's margin, not the English word's), and a rival keeps its likeliest reading's score
    (Petin told: Petit the place, not the English word, stands against Putin)."""
    best: dict[str, Scored] = {}
    top: dict[str, float] = {}
    for s in scored:
        text = s.candidate.text
        top.setdefault(text, s.candidate.score)
        if text not in best or s.margin > best[text].margin:
            best[text] = s
    out = []
    for s in scored:
        text = s.candidate.text
        if text in top:
            kept = best[text]
            score = top.pop(text)
            out.append(kept if kept is s else kept._replace(candidate=replace(kept.candidate, score=score)))
    return out


def _floor(ctx: Context, i: int, listed: bool) -> float:
    """The margin the best reading of the word at ``i`` needs for a finding (a suggestion)."""
    core = ctx.words[i].core
    if listed:
        return 0.0
    if not core.islower():
        return SUGGEST_MARGIN
    # a prefix on a very common word (reengage, demining) is a word English makes as it
    # needs: as worth a suggestion as an unknown name, not as any unknown lowercase word
    # (asked once per word, as null_features' prefixed_word asks it)
    prefix = remember(ctx.memo, ("prefixed", core), lambda: prefixed(core, ctx.lexicon))
    derived = remember(ctx.memo, ("derived_word", core), lambda: english_derivation(core, ctx.lexicon))
    short = short_unlisted(core, ctx.lexicon)
    return SUGGEST_MARGIN if prefix or derived or short else LOWERCASE_SUGGEST_MARGIN


def _finding(ctx: Context, i: int, scored: list[Scored], listed: bool) -> Finding | None:
    word = ctx.words[i]
    floor = _floor(ctx, i, listed)
    if not scored or scored[0].margin < floor:
        return None
    best, gap, alone = weigh_rivals(ctx, i, scored)
    margin = best.margin
    evidence = best.evidence
    if alone:
        margin += ctx.model.weights[alone]
        evidence += ((alone, 1.0, ctx.model.weights[alone]),)
    lead = news_lead(ctx, i, best, scored)
    if lead and ctx.model.weights["news_lead"]:
        margin += ctx.model.weights["news_lead"] * lead
        evidence += (("news_lead", round(lead, 3), ctx.model.weights["news_lead"]),)
    sure = min(margin, gap + FIX_MARGIN - ctx.model.fix_gap)  # both gates read as one threshold
    if best.suggest_only:
        sure = min(sure, FIX_MARGIN - 0.01)
    confidence = min(MAX_CONFIDENCE, round(posterior(ctx, scored, margin), 3))
    fix = round(sure, 9) >= FIX_MARGIN and confidence >= MIN_FIX_CONFIDENCE  # 0.4 + 0.6 is a margin of 1
    cand = best.candidate
    suggestions = tuple(s.candidate.text for s in scored[:MAX_SUGGESTIONS] if s.margin >= floor)
    kind: Kind = cand.kind
    rare = rare_triples(word.core.lower(), ctx.lexicon)
    known = word.core.lower() in ctx.lexicon.words
    return Finding(
        start=word.token.start,
        end=word.token.start + len(word.core),
        text=word.core,
        replacement=cand.text if fix else None,
        suggestions=suggestions,
        confidence=confidence,
        kind=kind,
        action="fix" if fix else "suggest",
        reason=_reason(word, cand, fix, _listed_as(ctx, word.core.lower()) if listed else "", rare, known),
        rule="spelling",
        entry=cand.entry,
        evidence=evidence,
    )


def news_lead(ctx: Context, i: int, best: Scored, scored: list[Scored]) -> float:
    """How far news copy singles out the proposed reading of a lowercase word beside its
    neighbours: its news_context over that of every other English reading, and over none (0),
    beyond NEWS_LEAD_FLOOR, at most NEWS_LEAD_MAX; 0 for a reading two edits or more away (an
    unknown word that far from it is as often a word of its own: fragilities, facilities)."""
    cand = best.candidate
    if cand.kind != "word" or cand.distance > 1 or not ctx.words[i].core.islower():
        return 0.0
    own = dict(best.terms).get("news_context", 0.0)
    others = [
        dict(s.terms).get("news_context", 0.0)
        for s in scored
        if s.candidate.kind == "word" and s.candidate.text != cand.text
    ]
    return min(NEWS_LEAD_MAX, max(0.0, own - max([0.0, *others]) - NEWS_LEAD_FLOOR))


def posterior(ctx: Context, scored: list[Scored], margin: float) -> float:
    """How likely the proposed reading is meant: its share among "leave the word as typed"
    (margin 0) and every reading of another entity or word (each the proposed reading's
    margin plus its score's difference), on the model's log10 scale. The fix decision
    reads the margin and the runner-up alone; this counts every rival, and on the dev
    injected typos it is calibrated where ``1 / (1 + 10^-min(margin, gap))`` was not (fixes
    at 0.90 were right 76 % of the time, at 0.95 88 %). A rival that is another form of the
    proposed English word (interpreted beside interpret) counts the model's ``inflection_rival`` share:
    the gap gate has already weighed the likelier of the two against it."""
    top = scored[0]
    odds = math.pow(10.0, -min(margin, 300.0))
    for s in scored[1:]:
        if not _same_entity(s.candidate, top.candidate, ctx):
            share = ctx.model.weights["inflection_rival"] if _inflection(ctx, s, top) else 1.0
            odds += share * math.pow(10.0, min(s.candidate.score - top.candidate.score, 300.0))
    return 1.0 / (1.0 + odds)


def _inflection(ctx: Context, rival: Scored, top: Scored) -> bool:
    """A rival that is another form of the proposed English word (show, shows, showed) whose
    letters lie further from the typed word's (a dearer ``edit_cost``): the typed letters
    already tell the forms apart, and the gap gate has weighed the two (``weigh_rivals``)."""
    a, b, words = rival.candidate, top.candidate, ctx.lexicon.words
    if a.kind != "word" or b.kind != "word" or a.text not in words or b.text not in words:
        return False
    if dict(rival.terms).get("edit_cost", 0.0) <= dict(top.terms).get("edit_cost", 0.0):
        return False
    return a.text in word_family(ctx.memo, b.text, ctx.lexicon)


def weigh_rivals(ctx: Context, i: int, scored: list[Scored]) -> tuple[Scored, float, str]:
    """The reading to propose, its gap to the runner-up of another entity or word, and the
    ``alone`` feature that applies when no rival lies within two edits of a long word that no
    text uses: a word real text uses (typed Zipf SEEN_ZIPF or more: thurible 1.3, decidendi 1.1)
    is a rival of its readings itself, the word as typed."""
    word = ctx.words[i].core
    best = _preferred_spelling(ctx, scored)
    rivals = [s for s in scored if not (s is scored[0] or _same_entity(s.candidate, scored[0].candidate, ctx))]
    gap = best.candidate.score - rivals[0].candidate.score if rivals else math.inf
    gap += gap_slack(word.islower(), bool(dict(best.terms).get("initial_word")), best.candidate.kind)
    unused = len(word) >= LONG_WORD and typed_zipf(word, ctx.lexicon) < SEEN_ZIPF
    alone = "" if rivals or not unused else "alone_word" if word.islower() else "alone_name"
    return best, gap, alone


def gap_slack(lowercase: bool, initial: bool, kind: str) -> float:
    """The slack ``weigh_rivals`` gives the best reading's gap over its runner-up: an English
    word's (LOWERCASE_GAP_SLACK: context ranks them) for a lowercase word or for a reading that
    carries initial_word (Thesze will: the sentence's capital); a place's (PLACE_GAP_SLACK); none
    for another name. scripts/replay_decide.py and scripts/fit_model.py replay decide with it."""
    if lowercase or initial:
        return LOWERCASE_GAP_SLACK
    return PLACE_GAP_SLACK if kind == "place" else 0.0


def _preferred_spelling(ctx: Context, scored: list[Scored]) -> Scored:
    """Spellings of the same person or place do not compete with each other; among the
    near-best of them the fix is the one this text uses, else the one text uses most
    (Kyiv, not Kyyv). The margin and evidence stay those of the best reading."""
    best = scored[0]
    same = [
        s
        for s in scored
        if s is best
        or (
            _same_entity(s.candidate, best.candidate, ctx)
            and not _other_word(s.candidate.text, best.candidate.text, ctx)
        )
    ]
    # (what news copy says of the neighbours tells which place is meant, not which of its
    # spellings: it neither brings a spelling nearer nor takes one further, Odessa and Odesa)
    # (but a spelling of the romanization the text writes its other places in is near by its
    # own letters: Zaporizhzhia in a text that writes Kyiv, though news copy writes Zaporizhzhya)
    plain = _spelling_score(best, ctx)
    near = [s for s in same if plain - _spelling_score(s, ctx) <= SAME_ENTITY_SLACK]
    lean = _spelling_lean(ctx, near)
    near = [
        s for s in near if best.candidate.score - s.candidate.score <= SAME_ENTITY_SLACK or lean(s.candidate.text) > 0
    ]

    def usage(s: Scored) -> tuple[int, int, bool, float, bool, float]:
        entry = s.candidate.entry
        # (a main name's accents are no other spelling: Bogota is Bogotá's, before Bagata, another place's main name)
        main = entry is not None and unaccented(s.candidate.text).lower() in unaccented(entry.name).lower().split()
        # (then the spelling the slip lies nearer to, by the error model's cost: Kharkpv is Kharkov's,
        # p beside o, not Kharkiv's; Donbadss is Donbass less a d)
        cost = -round(dict(s.terms).get("edit_cost", 0.0), 3)
        text = s.candidate.text
        # (but before it, a main name or a spelling some text uses: Bukhra is Bukhara's, not Bukhar's,
        # an alternate no text writes, although a transposition is cheaper than a dropped letter)
        main = main or _main_name(s, ctx)
        zipf = ctx.lexicon.zipf(text)
        return ctx.in_document[text], lean(text), main or zipf > 0, cost, main, zipf

    used = max(near, key=usage)
    if used is not best and usage(used) > usage(best):
        return Scored(used.candidate, best.margin, best.suggest_only, best.evidence, best.terms)
    return best


def _other_word(a: str, b: str, ctx: Context) -> bool:
    """Two names of one entity that are each an English word in real use (Zipf OTHER_WORD_ZIPF)
    and begin alike: a country and its demonym (Mexico, Mexican; Somalia, Somali; France,
    French), two words of two parts of speech, not two spellings of one word (Kiev, Kyiv: Kyiv
    is no word of the lexicon). The text's use of one says nothing of which the slip meant:
    the Mexicn press is the Mexican press in a text that writes Mexico more often."""
    wa, wb = ctx.lexicon.words.get(a.lower(), 0.0), ctx.lexicon.words.get(b.lower(), 0.0)
    return a[:2].lower() == b[:2].lower() and min(wa, wb) >= OTHER_WORD_ZIPF


def _spelling_lean(ctx: Context, near: Sequence[Scored]) -> Callable[[str], int]:
    """How well a spelling of a place fits the romanization the text writes its other places in
    (``romanization_lean``): 1 for a spelling of that romanization (Odesa in a text that writes
    Kyiv and Kharkiv; Odessa in one that writes Kiev and Donbass), -1 for one of the other, 0 for
    any other spelling or where the text leans neither way. Read only where two near-best
    spellings of the place are of different romanizations."""
    preferred, variants = romanizations(ctx.lexicon)
    sides = {(s.candidate.text in preferred) - (s.candidate.text in variants) for s in near}
    if not {-1, 1} <= sides:
        return _no_lean
    lean = read_lean(ctx.in_document)
    return lambda text: lean * ((text in preferred) - (text in variants))


def _no_lean(text: str) -> int:
    return 0


def _main_name(s: Scored, ctx: Context) -> bool:
    """The reading is the whole main name of a place it spells, if not of the entry it was read
    for (Zaporizhzhia, the city's, read for the region Zaporizka oblast; not Zaporizhzhya)."""
    text = unaccented(s.candidate.text)
    return any(unaccented(ctx.lexicon.entries[e][1]) == text for e in _entities(s.candidate.text.lower(), ctx))


def _spelling_score(s: Scored, ctx: Context) -> float:
    """A reading's score without what news copy says (``name_context``, ``news_name``)."""
    terms, weights = dict(s.terms), ctx.model.weights
    return s.candidate.score - math.fsum(weights[n] * terms.get(n, 0.0) for n in ("name_context", "news_name"))


def _same_entity(a: Candidate, b: Candidate, ctx: Context) -> bool:
    """Two whole spellings of one person or place (Kiev, Kiyev), not a name and a part of a longer one."""
    if a.entry is None or b.entry is None or a.entry.kind == "word" or b.entry.kind == "word":
        return False
    if a.entry.kind == "person" and a.entry.id == b.entry.id:
        return True  # two spellings of one official's name (Zelensky, Zelenskyy)
    ka, kb = a.text.lower(), b.text.lower()
    if a.entry.id != b.entry.id and not _entities(ka, ctx) & _entities(kb, ctx):
        return False  # two entries may list one place (Donbas, Donbass)
    whole_a, whole_b = _whole(ka, ctx.lexicon), _whole(kb, ctx.lexicon)
    # (or the words of two spellings of one place that the same neighbour completes: Abu [Dhabi], Abu [Dabi])
    return (whole_a and whole_b) or (a.entry.id == b.entry.id and not whole_a and not whole_b)


def _entities(key: str, ctx: Context) -> frozenset[int]:
    return for_word(ctx.memo, "entities", key, lambda: frozenset(entities(key, ctx.lexicon)))


def _without(null: dict[str, float], name: str) -> dict[str, float]:
    return {k: v for k, v in null.items() if k != name} if name in null else null


def _of_own_country(ctx: Context, low: str, key: str) -> bool:
    """The place ``key`` is of the country of the place the typed word ``low`` names itself
    (``features.own_place_countries``): that country or a place of it. The context the copy
    gives the town (``own_place_context``: the town of [Irun]; a text on Spain) says it is
    that town rather than a place elsewhere (Iran): it lowers those readings only."""
    countries = own_place_countries(_own(ctx, low)[0], ctx.lexicon)
    lexicon = ctx.lexicon
    return any(lexicon.countries[e] in countries for e in _entities(key, ctx))


def _shares_country(ctx: Context, low: str, key: str) -> bool:
    """A place ``key`` names lies in a country of a place the typed word ``low`` names (``own_place_list``)."""
    lexicon = ctx.lexicon
    return bool(place_countries(low, lexicon) & place_countries(key, lexicon))


def _whole(key: str, lexicon: Lexicon) -> bool:
    if demonym(key, lexicon) and not _own_name(key, lexicon):
        return False  # "Russian" is listed among Russia's names, but it is the adjective
    return any(len(lexicon.spellings[idx][0]) == 1 for idx in lexicon.name_index.get(key, ()))


def _own_name(key: str, lexicon: Lexicon) -> bool:
    """Some place or person is called ``key`` in its entry: Tripoli, Milan and Benin end as
    demonyms do (Tripol-i), but name places of their own."""
    return any(lexicon.name(idx).entry.name.lower() == key for idx in lexicon.name_index.get(key, ()))


def _listed_as(ctx: Context, low: str) -> str:
    """What a listed word names by itself, "Irun (city, Spain)": the most prominent entity of
    ``own_entities`` that ``low`` spells in one word; WITHIN where it is listed only within
    other names (Cubo of Casigua El Cubo) or as another language's spelling (Vilnus)."""
    lexicon = ctx.lexicon
    own = _own(ctx, low)[0]
    rows = (lexicon.spellings[k] for k in lexicon.name_index.get(low, ()))
    whole = {e: own[e] for parts, e, _ in rows if len(parts) == 1 and e in own}
    if not whole:
        return WITHIN
    _, name, _, description, _ = lexicon.entries[max(whole, key=lambda e: (whole[e], -e))]
    return f"{name} ({description})"


WITHIN = "within"  # (_listed_as: the word is listed only within other names, or in other languages)


def _reason(word: Word, cand: Candidate, fix: bool, listed: str, rare: Sequence[str] = (), known: bool = False) -> str:
    """Which rule, what the typed word is (not), which entry backs the candidate and its source.
    ``listed``: what the typed word names itself (``_listed_as``), "" for a word no list has.
    ``known``: an English word, read because its neighbours make it one slip from a name (Joe Bidden)."""
    entry = cand.entry
    what = f"{entry.name} ({entry.description}; source: {entry.source})" if entry else cand.text
    edits = "1 edit" if cand.distance == 1 else f"{cand.distance} edits"
    if listed and listed != WITHIN:
        typed = f"'{word.core}' is listed as {listed}"
    elif listed:
        typed = f"'{word.core}' is listed only within other names, or in other languages"
    elif known:
        typed = f"'{word.core}' is an English word, but its neighbours are the rest of a listed name"
    else:
        typed = f"'{word.core}' is not a known word or name"
    if rare and shape(word.core) != "lower":
        typed += (
            "; "
            + ", ".join(f"'{t.strip('^$')}'" for t in rare[:MAX_RARE_SEQUENCES])
            + " hardly occurs in words or names"
        )
    head = f"rule spelling: {typed}; {'likely' if fix else 'perhaps'} {what}, {edits} away"
    return f"{head}; {cand.evidence}" if cand.evidence else head
