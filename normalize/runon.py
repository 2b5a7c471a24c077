"""Run-on words with a capital: the space lost before or after a name ("ofRussia", "Putinthanked") (pure).

decide.py reads lowercase run-ons ("thatthe"); a word with a capital it reads as a
name, and a mixed-case word it never reads. Here such a word is cut in two:

- a lowercase word, then a capitalized or ALL-CAPS one ("againstUkraine", "bolsterNATO")
  or the pronoun I ("becauseI", "sureI"):
  no word is written so but brands ("iPhone", "eBay": one-letter first halves) and
  names with a particle ("deBrum"), which are left alone;
- a capitalized word no list has, whose start is a listed name, and whose rest is a
  function word or a common word of four letters or more that is no ending ("Russiaand",
  "Putinthanked"; not "Djiboutian", "Qataris", "Ukrainets"). The name must also be
  written alone in the text, or follow another word of its listed name (United Stateswas,
  St PetersburgAcademic), or be a country or capital before a closed-class word (Nigeriato,
  Palestineand, Senegalafter), or a country's adjective before any word (Frencharmed). The
  name written alone is evidence all the same (``runon_in_document``).

The model weighs each cut (weights in dictionaries/model.json, set by hand):
``runon_word`` (the intercept), ``runon_halves`` (how often text uses the rarer half;
a capitalized half as a listed name, its prominence), ``runon_typed`` (how often text
uses the word as typed), ``runon_camel`` (a capital inside the word) and
``runon_in_document`` (the text writes the name alone elsewhere), ``runon_left_word``
(how much more often text uses the name as an English word than it names the place
or person: Art, Sea, Moon). A capitalized word
that runs two capitalized words together ("BlackRock", "TikTok", "KoBold") is left
alone: on the dev copy most are company names. A word cut here (fixed, or vouched for by a
listed name's other words: ``cuts_word``) is marked ``skip`` so that spelling does not also
read it as one misspelled name ("Osloon": not "Oslo"); any other cut only suggested leaves the
word to spelling as well (Belaruss: Bela russ, or Belarus), and of the two findings the engine
keeps a fix before a suggestion (engine._without_overlaps). A particle begins a place's name
of two words run together (ElSalvador, AbuDhabi; not DeYoung).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import compress, count, repeat
from operator import ne
from typing import NamedTuple

from normalize.candidates import bigrams_of
from normalize.context import (
    ABBREVIATED_TITLES,
    CAPITAL,
    CLOSED_CLASS,
    CLOSED_READINGS,
    FUNCTION_WORDS,
    GEOGRAPHIC_NOUNS,
    LIST_GLUE,
    MAX_PARTICLES,
    MAX_WORDS,
    MEETING_NOUNS,
    NAME_GLUE,
    PARTICLES,
    PLACE_PREPOSITIONS,
    TITLES,
    Memo,
    adjacent,
    after_given_name,
    is_country,
    listed_pair,
    listed_pair_after,
    main_name_of,
    name_side,
    typed_prior,
    typed_zipf,
    whole_name_before,
    word_table,
)
from normalize.derive import (
    DEMONYMS,
    DERIVATIONS,
    PREFIXES,
    SLAVIC_DERIVATIONS,
    SLAVIC_FORMS,
    inflected_form,
    plural_form,
)
from normalize.edits import one_slip
from normalize.features import TAIL_WORDS, capitalized_use
from normalize.lexicon import Lexicon
from normalize.model import FIX_MARGIN, Model, confidence
from normalize.tokenize import Word
from normalize.types import Entry, Finding

LOWER_THEN_CAPITAL = re.compile(r"([a-z]{2,})([A-Z](?:[a-z]+|[A-Z]+)|I)")
WORD_THEN_I = re.compile(r"[a-z]{2,3}I")  # a word of two or three letters run into the pronoun (andI, asI)
NAME_THEN_WORD = re.compile(r"[A-Z][a-z]{3,}")  # ASCII letters: Genevacommuniqué, with é, is not read
CAPITALS_THEN_WORD = re.compile(r"([A-Z]{3,})([a-z]{2,})")  # DPRKand: a place's acronym, then a word
ROMAN_TAIL = re.compile(r"[A-Z][a-z]{2,}([IVX]{1,4})")
NUMERAL_THEN_WORD = re.compile(r"([IVX]{2,4})([a-z]{2,})")  # Mohammed VIin: a regnal number, then a word
ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})  # VIth, IInd: an ordinal, written so
NATIONAL = ("country", "capital")  # the place types (an entry's description) a capitalized word may follow
SEEN_ZIPF = 1.0  # real text uses a word this often (features.SEEN_ZIPF)
MIN_WORD_ZIPF = 3.0  # the lowercase rest is a common word
PERSON_REST_ZIPF = 2.0  # ...or a word in use after a listed person's whole name (Denis Sassou Nguessoreiterates)
MIN_NAME = 3  # letters of the name before the rest (not "An sat", "Al yan")
SHORT_FIRST = 2  # letters of a listed name's first word run into its next (XiJinping: a listed pair only)
MIN_REST = 4  # letters of a rest that is no function word (not "Tuvalu ans", "Hong du")
# ...unless the rest is this common a word and the words before make a listed person's
# name whole with the name cut from it (Jake Sullivanmet: Sullivan met)
BRIEF_REST_ZIPF = 4.5
ENDINGS = DERIVATIONS | DEMONYMS | SLAVIC_FORMS | SLAVIC_DERIVATIONS
# Closed-class words that no English compound starts with a name and ends with (Syriawhen,
# Lykketoftmy): function words, possessives, and decide.py's other closed-class words
CLOSED_WORDS = FUNCTION_WORDS | TAIL_WORDS | CLOSED_CLASS
ENGLISH_NAME_ZIPF = 2.0  # a place's name that English text writes this often is its English name
# ...unless English writes it this often as a lowercase word (``_lowercase_zipf``): then it is an
# English word first (Pet, Gold, Nice, Sale: another name of Perth, of towns), and a capitalized
# word that starts with it is as likely a surname (Petin, Goldin) as the place run into a word
ENGLISH_WORD_ZIPF = 3.0
SUGGEST_MARGIN = 0.0
# Letters of a place's name that a closed-class word after it vouches for: a prominent place's
# anywhere (``_long_place``), any listed place's right after a preposition of place (``_cued``)
LONG_PLACE = 6
RIVAL_GAP = 0.5  # another cut this close: suggest only
PREDICATE_ENDINGS = ("ed", "ly")  # a verb's past tense, an adverb: ``runon_inflected``
# Words that follow a verb's -s form and seldom a plural noun: its object's article or
# pronoun, "to" of an infinitive, a preposition of its complement (``_verb_s``)
VERB_OBJECTS = frozenset("to the a an its their his her them it us that for".split())
# News copy writes the capitalized word after the place's name this many times (log10) more often
# than at large (Washington University, Palestinian State, Maritime Security: 2.1-3.1; brands
# run together read no pair there: Black Rock -0.8, Petro China -0.3): ``runon_pair_news``
PAIR_NEWS = 1.0
# Words after a place's name, lowercase, that name its administration or a front named after it
# (the Odesa regional state administration, the Donbas direction): as a noun of land does (``_place_noun``)
PLACE_HEADS = frozenset(("regional", "direction"))
# Short words that English writes mostly as the start of another (non-, pre-, pro-): a short rest
# so written after a place's name is as likely part of a longer name (Albanon) as a word run into it
LEADING_PARTS = frozenset(PREFIXES) | frozenset(("pre", "pro", "mid", "sub"))
# Prefixes of surnames written solid with a capital after them (MacDonald, FitzGerald): no two words
SURNAME_PREFIXES = frozenset(("mac", "fitz"))


class Cut(NamedTuple):
    """A run-on word (the ``i``-th) cut in two, with the features the model weighs."""

    i: int
    text: str  # the two words, with the space
    features: dict[str, float]


def run_ons(
    words: Sequence[Word],
    lexicon: Lexicon,
    model: Model,
    counts: Counter[str] | None = None,
    pending: list[int] | None = None,
    memo: Memo | None = None,
) -> tuple[list[Finding], list[Word]]:
    """Findings for words run together with a name, and ``words`` with each one cut marked ``skip``.

    ``counts``: how often the document writes each word (those not ``skip``), when
    ``words`` are only a piece of it; by default they are counted in ``words``.
    ``pending``: when a list, a word whose cut reads those counts is not read but its
    position added there (for ``run_on``, once a long text's counts are all in).
    ``memo``: keeps which distinct words are shaped as a run-on word (``_shape``).
    """
    out = list(words)
    findings, fixed = run_ons_in(
        words, [w.core for w in words], [w.skip for w in words], lexicon, model, counts, pending, memo
    )
    for i in fixed:
        out[i] = replace(out[i], skip=True)  # not also read as one misspelled name (Beninby: not Benin)
    return findings, out


def run_ons_in(
    words: Sequence[Word],
    cores: Sequence[str],
    skip: Sequence[bool],
    lexicon: Lexicon,
    model: Model,
    counts: Counter[str] | None = None,
    pending: list[int] | None = None,
    memo: Memo | None = None,
) -> tuple[list[Finding], list[int]]:
    """``run_ons`` for ``words`` given also as their ``cores`` and ``skip`` flags (only the words
    shaped as run-on words are read as Words): the findings, and where each one that cuts its
    word (``cuts_word``) is."""
    findings, fixed = [], []
    document = counts

    def counted() -> Counter[str]:
        nonlocal document
        if document is None:
            document = Counter(core for core, s in zip(cores, skip, strict=True) if not s)
        return document

    shapes = word_table(memo, "runon_shape", MAX_WORDS)
    # (most words are known to be no run-on word: passed over in one pass, in C, as context.unlike does)
    for i in compress(count(), map(ne, map(shapes.get, cores), repeat(False))):
        if skip[i]:
            continue
        core = cores[i]
        shape = shapes.get(core)
        if shape is None:
            shape = shapes[core] = (len(core) >= 5 or _short_shape(core)) and _shape(core, lexicon)
        if not shape:
            continue
        cuts = _cuts(words, i, lexicon, counted, pending)
        if cuts is None:
            continue
        finding = _finding(words[i], cuts, model, lexicon)
        if finding is not None:
            findings.append(finding)
            if cuts_word(finding):
                fixed.append(i)  # a cut only suggested leaves the word to spelling too (Belaruss: Bela russ, Belarus)
    return findings, fixed


def _short_shape(core: str) -> bool:
    """Whether a word of under five letters may still be a run-on word: a numeral then a word
    (4th, 5the) or a short word then the pronoun I (andI, asI)."""
    return (len(core) >= 4 and bool(NUMERAL_THEN_WORD.fullmatch(core))) or bool(WORD_THEN_I.fullmatch(core))


def cuts_word(finding: Finding) -> bool:
    """Whether the run-on finding takes its word from spelling (the word is marked ``skip``): a
    fix, or a cut that a listed name's other words vouch for (``runon_partner``: Mohammed [VIin],
    only suggested: not Viin); any other cut only suggested leaves the word to spelling too
    (Belaruss: Bela russ, or Belarus). run_ons_in and tally.unpack ask it."""
    return finding.action == "fix" or any(name == "runon_partner" for name, _, _ in finding.evidence)


def _shape(core: str, lexicon: Lexicon) -> bool:
    """Whether a word of 5 letters or more written ``core`` is shaped as one ``_cuts`` reads (a
    lowercase word then a capitalized one, a name then a lowercase rest, two capitalized words)
    and not itself a word: its neighbours are then asked. The same answer for every word
    written so (``run_ons`` asks once per distinct word)."""
    if LOWER_THEN_CAPITAL.fullmatch(core) or CAPITALS_THEN_WORD.fullmatch(core) or NUMERAL_THEN_WORD.fullmatch(core):
        return True
    if not (NAME_THEN_WORD.fullmatch(core) or pair_cut(core, SHORT_FIRST)):
        return False
    # (a known word with a capital inside may still be two words of one listed name: ``_cuts``)
    return (not lexicon.knows(core) or bool(pair_cut(core, SHORT_FIRST))) and core.lower() not in lexicon.extra_words


def run_on(words: Sequence[Word], i: int, lexicon: Lexicon, model: Model, counts: Counter[str]) -> Finding | None:
    """``run_ons``' finding for the word at ``i`` alone, given the document's ``counts``.
    The cut reads at most ``NAME_REACH`` words on either side of it (before: a listed name's
    other word, a title; after: the next word of a listed name, a place in a list)."""
    cuts = _cuts(words, i, lexicon, lambda: counts, None)
    return None if cuts is None else _finding(words[i], cuts, model, lexicon)


NAME_REACH = MAX_PARTICLES + 1  # words on either side of a run-on word that its cut reads (context.name_side)


def _cuts(
    words: Sequence[Word], i: int, lexicon: Lexicon, counted: Callable[[], Counter[str]], pending: list[int] | None
) -> list[Cut] | None:
    """The ways to cut the word at ``i``; None when it is no run-on word to read (or, with
    ``pending``, when its cut reads the document's counts: its position is added there)."""
    word = words[i]
    core = word.core
    if not word.skip and NUMERAL_THEN_WORD.fullmatch(core) and (numeral := _numeral(words, i, core, lexicon)):
        return numeral
    if word.skip or (len(core) < 5 and not WORD_THEN_I.fullmatch(core)):
        return None
    if LOWER_THEN_CAPITAL.fullmatch(core):
        return _camel(i, core, lexicon)
    if CAPITALS_THEN_WORD.fullmatch(core):
        return _capitals(i, core, lexicon)
    if NAME_THEN_WORD.fullmatch(core) and not lexicon.knows(core) and core.lower() not in lexicon.extra_words:
        if pending is not None:
            pending.append(i)
            return None
        return _name_then_word(words, i, lexicon, counted(), range(MIN_NAME, len(core) - 1))
    if (pair := pair_cut(core, SHORT_FIRST)) and core.lower() not in lexicon.extra_words:
        # two words of one listed name with a capital between, even where the word is listed or
        # in use solid (WhiteHouse: the town Whitehouse, whitehouse.gov), which ``runon_typed`` weighs
        cuts = _name_pair(words, i, core, pair, lexicon)
        # a name run into a capitalized word (ParisAgreement, MoscowCentre); a run-together
        # form that real text uses is a brand (ParisTech); not after two letters (McDonald)
        # (a form in use solid too, where the text writes its two words apart: North-EastAsia)
        if not cuts and pair >= MIN_NAME and not lexicon.knows(core) and _unused_solid(words, core, pair, lexicon):
            if pending is not None:
                pending.append(i)
                return None
            cuts = _name_then_word(words, i, lexicon, counted(), (pair,))
        return cuts
    return None


def _camel(i: int, core: str, lexicon: Lexicon) -> list[Cut]:
    m = LOWER_THEN_CAPITAL.fullmatch(core)
    assert m is not None
    left, right = m.group(1), m.group(2)
    if left in PARTICLES or left not in lexicon.words:
        return []
    if not lexicon.knows(right) and not (left in CLOSED_READINGS and right[1:].islower()):
        return []  # (a closed-class word starts no brand's name: andHuawei, atGeneseo; but iPhone, eBay, deBrum)
    return [_camel_cut(i, core, left, right, lexicon)]


def _capitals(i: int, core: str, lexicon: Lexicon) -> list[Cut]:
    """A prominent place that its listed name writes in capitals (DPRK, HKSAR, USVI) run into a
    lowercase word (DPRKand, DPRKmilitary): the case changes inside the word, as in ofRussia
    (``runon_camel``); no word is written so but an acronym's plural (NGOs, CEOs: one letter)."""
    m = CAPITALS_THEN_WORD.fullmatch(core)
    assert m is not None
    left, right = m.group(1), m.group(2)
    low = left.lower()
    if low not in lexicon.prominent or lexicon.display[low] != left or lexicon.name_prior[low][1] != "place":
        return []
    if right in ENDINGS or (right not in CLOSED_WORDS and lexicon.words.get(right, 0.0) < MIN_WORD_ZIPF):
        return []
    return [_camel_cut(i, core, left, right, lexicon)]


def _numeral(words: Sequence[Word], i: int, core: str, lexicon: Lexicon) -> list[Cut]:
    """A listed name's regnal number run into the next word (Mohammed VIin his, Elizabeth IIwas):
    the name before it and the number make a listed name (``runon_partner``), and the rest is a
    common word, no ordinal's ending (VIth)."""
    m = NUMERAL_THEN_WORD.fullmatch(core)
    assert m is not None
    left, right = m.group(1), m.group(2)
    if right in ORDINAL_ENDINGS or right in ENDINGS:
        return []
    if right not in CLOSED_WORDS and lexicon.words.get(right, 0.0) < MIN_WORD_ZIPF:
        return []
    side = tuple(w.core for w in name_side(words, i, -1))
    if not side or listed_pair(side, left.lower(), lexicon) is None:
        return []
    return [_camel_cut(i, core, left, right, lexicon, runon_partner=1.0)]


def _name_then_word(
    words: Sequence[Word], i: int, lexicon: Lexicon, in_document: Counter[str], cuts: Iterable[int]
) -> list[Cut]:
    """A listed name, then an English word (lowercase, or capitalized after a capital: ``camel``)."""
    before: list[tuple[str, ...]] = []  # a listed name's other word before the word, asked once
    out = []
    for cut in cuts:
        reading = _name_reading(words, i, cut, lexicon, in_document, before)
        if reading is not None and _vouched(reading, lexicon):
            out.append(Cut(i, f"{reading.left} {reading.typed}", _name_cut_features(words, i, reading, lexicon)))
    return out


class _NameReading(NamedTuple):
    """A listed name cut from the word's start, and what its rest and neighbours say of it."""

    left: str
    typed: str
    camel: bool  # the rest capitalized after a capital (BidenAnnounces)
    alone: bool  # the text writes the name alone
    pair: int | None  # the listed spelling the name makes with the word before (United [States]was)
    starts: int | None  # the listed spelling the rest makes with the words after (CambodiaHun [Sen])
    noun: bool  # a place's name before a noun of land or water, or of a meeting
    listed: bool  # a place's name run into "and" or "or" before another place's name
    cue: bool  # a place's name after a preposition of place, run into a common content word (in Crimeayears)
    news: float  # how often news copy writes the capitalized rest after the place (_pair_news)
    titled: bool  # a person's listed name right after a title (Secretary [Blinken]closed, Mr. [Sullivan]underscored)
    apart: bool  # the text writes the name and the rest apart elsewhere, side by side (``_written_apart``)


def _name_reading(
    words: Sequence[Word], i: int, cut: int, lexicon: Lexicon, in_document: Counter[str], before: list[tuple[str, ...]]
) -> _NameReading | None:
    """The cut of the word at ``cut`` as a listed name and a word, if its rest and neighbours allow it."""
    core = words[i].core
    left, typed = core[:cut], core[cut:]
    camel = typed[:1].isupper()
    right = typed.lower() if camel else typed
    short = right not in CLOSED_WORDS and len(right) < MIN_REST  # not Tuvalu ans, Hong du
    # a common short word after a person's whole name (Jake Sullivanmet: checked below)
    brief = short and len(right) >= MIN_NAME and lexicon.words.get(right, 0.0) >= BRIEF_REST_ZIPF
    if right in ENDINGS or (short and not brief and right not in GEOGRAPHIC_NOUNS and not camel):
        return None  # an ending (Djiboutian, Mykolaivna), not a word: asked first, it spares table misses
    low = left.lower()
    if low not in lexicon.name_index:
        return None
    noun = _place_noun(low, right, camel, lexicon)
    # the capitalized rest and the words after it make a listed name (CambodiaHun [Sen])
    starts = listed_pair_after(right, tuple(w.core for w in name_side(words, i, 1)), lexicon) if camel else None
    rest_zipf = lexicon.words.get(right, 0.0)
    if starts is None and not noun and ((rest_zipf < PERSON_REST_ZIPF and not camel) or (short and not brief)):
        return None  # (the word alone says so: asked before its neighbours, for a text of made-up names)
    alone = in_document[left] > 0  # the text writes the name alone
    apart = alone and in_document[typed] > 0 and _written_apart(words, left, typed)
    cue = not camel and _cued(words, i, low, right, lexicon)
    if not before:  # a listed name's other word before it (United [States]was, St [Petersburg]Academic)
        side = tuple(w.core for w in name_side(words, i, -1))
        before.append(side if side and side[0].lower() in lexicon.name_index else ())
    pair = _pair_before(words, i, low, lexicon, before[0])
    if not (alone or before[0] or pair is not None or noun or right in CLOSED_WORDS or low in lexicon.prominent):
        return None
    if right.endswith("s") and right[:-1] in ENDINGS and (left + right[:-1]).lower() in lexicon.words:
        return None  # a demonym's plural (Qatari-s), not the name of a place in another language (Jerusalemi)
    if lexicon.display[low] != left:
        return None  # the text writes the name alone, as listed
    person = pair is not None and lexicon.name(pair).entry.kind == "person"
    titled = not camel and lexicon.name_prior[low][1] == "person" and _predicate(words, i, right, lexicon)
    titled = titled and _person_slot(words, i, lexicon)
    vouched = person or titled or noun or apart
    if starts is None and rest_zipf < MIN_WORD_ZIPF and not (vouched or _verb_s(words, i, right, lexicon)):
        # a rarer rest only after the words that make a person's name whole (Sassou Nguessoreiterates)
        # or a title (Mr. Sullivanunderscored),
        # a noun of a listed kind (Genevacommunique) or a verb's -s form before its object (Gambiareiterates
        # the), and a capitalized one no English word is only there: the person's other surname
        # (María Fernanda EspinosaGarcés), not a brand's word (KazanSummit, VinFast)
        return None
    if short and brief and not noun and not person and not _major_then_word(left, right, lexicon):
        return None  # a short rest only after a person's given name that makes the name whole
    # a place's name run into "and" or "or" before another place's name: two items of a
    # list of places (Chernihivand Sumy, Donbasand Crimea, Genevaand Astana)
    listed = right in LIST_GLUE and lexicon.name_prior[low][1] == "place" and _place_after(words, i, lexicon)
    # a place's name and a capitalized word that news copy writes after it (Washington
    # University, Palestinian State): a name of several words, whatever the text writes alone
    news = (
        _pair_news(low, right, lexicon)
        if camel and not (pair is not None or starts is not None or noun or listed)
        else 0.0
    )
    return _NameReading(left, typed, camel, alone, pair, starts, noun, listed, cue, news, titled, apart)


def _unused_solid(words: Sequence[Word], core: str, pair: int, lexicon: Lexicon) -> bool:
    """Whether real text does not write ``core`` solid (a brand's or a hashtag's spelling in use:
    ParisTech, Eastasia), or this text writes its two words apart elsewhere (``_written_apart``)."""
    return lexicon.zipf(core) < SEEN_ZIPF or _written_apart(words, core[:pair], core[pair:])


def _written_apart(words: Sequence[Word], left: str, typed: str) -> bool:
    """The text writes ``left`` and ``typed`` elsewhere as two words side by side, as the cut
    gives them (Honduran National in a text that runs them together once: HonduranNational).
    No brand's name written solid (BlackRock, VinFast) is also written apart in the same
    text: on all dev clean copy none of 79 capitalized words run together is."""
    return any(
        a.core == left and b.core == typed and adjacent(words, k, k + 1)
        for k, (a, b) in enumerate(zip(words, words[1:], strict=False))
    )


def _place_noun(low: str, right: str, camel: bool, lexicon: Lexicon) -> bool:
    """A place's name before a noun of land or water (HudsonRiver, GuantanamoBay, Sahelregion) or,
    lowercase, of a meeting named after it (Minskagreements, Genevacommunique; a capitalized one may
    be a brand: KazanSummit), or a word that names the place's administration or front
    (Odesaregional, Donbasdirection: ``PLACE_HEADS``). The noun's own frequency says nothing:
    the list does (communique, Zipf 2.7)."""
    if lexicon.name_prior[low][1] != "place":
        return False
    return right in GEOGRAPHIC_NOUNS or (not camel and (right in MEETING_NOUNS or right in PLACE_HEADS))


def _pair_before(words: Sequence[Word], i: int, low: str, lexicon: Lexicon, side: tuple[str, ...]) -> int | None:
    """The listed spelling that the words before the word at ``i`` make with the name ``low``
    cut from it: its distinctive neighbour (United [States]was), or its words across "of" and
    "the" (Democratic Republic of the [Congo]implicated, Bosnia and [Herzegovina]has:
    context.whole_name_before, as spelling reads Republic of [Fijo])."""
    if side:
        return listed_pair(side, low, lexicon)
    if i and adjacent(words, i - 1, i) and words[i - 1].core.lower() in NAME_GLUE:
        glued = whole_name_before(words, i, low, lexicon)
        return glued[0] if glued else None
    return None


def _vouched(r: _NameReading, lexicon: Lexicon) -> bool:
    """Whether something vouches for the cut: a name's other word, a noun or list after it, news
    copy's pair, the text's own use of the name, or (lowercase rest) a demonym or a major place."""
    if _partnered(r):
        return True
    # A name needs the text's word or a name's other word before it, unless it is a country or
    # capital (by its main name, or a place as prominent as a country: Korea, Palestine) or a
    # city as prominent as a capital (Kharkovwill, Odessawould); any lesser name before a
    # function word was cut wrongly as often as rightly on dev (Pareis: Pare is, not Paris;
    # Baghad: Bag had, hiding Baghdad from spelling). Before a content word it may be one surname
    # (Iranpour, Jordanhill): ``runon_unvouched`` weighs that, but a country's demonym is an
    # adjective before its noun (Frencharmed). Before a capitalized word only a name's other
    # word, a country or capital by its main name, or a listed surname the text writes alone
    # vouch (BidenAnnounces in a headline; not SergeiDefence, a speaker label; not VinFast, Vin
    # being Vienna)
    if r.camel:
        return _capital_name(r.left, lexicon) or (r.alone and _surname(r.left, lexicon)) or r.apart
    return r.alone or r.cue or _adjective(r.left, lexicon) or _major(r.left, lexicon) or _long_place(r, lexicon)


def _long_place(r: _NameReading, lexicon: Lexicon) -> bool:
    """A prominent place's name (lexicon.prominent) of LONG_PLACE letters or more run into a
    closed-class word (Zaporizhzhiafor, Pugliaand, Donbassas): a misspelled name starts with a
    short listed name and a function word by chance (Pareis, Baghad: Pare, Bag), with a long
    one seldom."""
    low = r.left.lower()
    return len(low) >= LONG_PLACE and r.typed in CLOSED_WORDS and low in lexicon.prominent


def _cued(words: Sequence[Word], i: int, low: str, right: str, lexicon: Lexicon) -> bool:
    """A prominent place's name (lexicon.prominent: Crimea, Gaza, Karaganda) run into a common
    content word of four letters or more, right after a preposition of place (in Crimeayears,
    in Gazahere): the text calls for a place there. Not a lesser place's name, which a
    misspelled name starts as often (in Beijang: Bei jang, in Belfist: Bel fist). Into a
    closed-class word, any listed place of LONG_PLACE letters or more, prominent or not (to
    Berdyanskto, from Mariupolthe), as ``_long_place`` reads a prominent one without the
    preposition; not a shorter one (in Baghad: Bag had, in Pareis: Pare is hide a misspelled
    name): a misspelled name starts with a short name and a function word by chance, with a
    long one seldom."""
    closed = right in CLOSED_WORDS
    if (len(low) < LONG_PLACE if closed else low not in lexicon.prominent) or not _after_place_preposition(words, i):
        return False
    if not closed and (len(right) < MIN_REST or lexicon.words.get(right, 0.0) < MIN_WORD_ZIPF):
        return False
    return lexicon.name_prior[low][1] == "place" and lexicon.display[low] == words[i].core[: len(low)]


def _partnered(r: _NameReading) -> bool:
    """A name's other word, a noun of land, water or meeting, a list of places, news copy's pair,
    or the text's own: the two words written apart elsewhere (``runon_apart``)."""
    return r.pair is not None or r.starts is not None or r.noun or r.listed or r.news >= PAIR_NEWS or r.apart


def _name_cut_features(words: Sequence[Word], i: int, r: _NameReading, lexicon: Lexicon) -> dict[str, float]:
    """The run-on features of a vouched cut of a listed name and a word."""
    left, typed, low = r.left, r.typed, r.left.lower()
    right = typed.lower() if r.camel else typed
    adjective = not r.camel and _adjective(left, lexicon)
    unvouched = not (_partnered(r) or r.alone or adjective or r.camel or right in CLOSED_WORDS)
    # (a past tense or an adverb, as a subject's verb takes: Colombiapointed, Indiakindly; not a
    # plural's or a gerund's, which a brand's noun takes as readily: Indiaworks, Chinatrading)
    inflected = unvouched and (
        (right.endswith(PREDICATE_ENDINGS) and inflected_form(right, lexicon)) or _verb_s(words, i, right, lexicon)
    )
    # a place's name cut from a word where a person's name goes (Vladimir [Petin], President
    # [Petor]: Pet, a name of Perth, and in or or): the word is a surname, misspelled or not
    slot = r.pair is None and lexicon.name_prior[low][1] == "place" and _person_slot(words, i, lexicon)
    # a name of several words is as prominent as the whole name is (United States)
    prominence = lexicon.name(r.pair).prominence if r.pair is not None else lexicon.name_prior[low][0]
    return {
        "runon_word": 1.0,
        "runon_camel": float(r.camel),
        "runon_halves": min(typed_prior(left, lexicon), typed_prior(right, lexicon)),
        "runon_typed": typed_prior(words[i].core, lexicon),
        "runon_in_document": float(r.alone),
        "runon_partner": float(r.pair is not None or r.starts is not None),
        "runon_place_noun": float(r.noun),
        "runon_place_list": float(r.listed),
        "runon_place_cue": float(r.cue),
        "runon_unvouched": float(unvouched),
        "runon_inflected": float(inflected),
        "runon_left_word": max(0.0, _lowercase_zipf(low, lexicon) - prominence),
        "runon_person_slot": float(slot),
        "runon_person_title": float(r.titled and r.pair is None),
        "runon_pair_news": r.news if r.news >= PAIR_NEWS else 0.0,
        "runon_apart": float(r.apart),
        "runon_slip": float(r.pair is None and r.starts is None and _slip_of_place(words[i].core, low, lexicon)),
    }


def _slip_of_place(core: str, cut: str, lexicon: Lexicon) -> bool:
    """The whole word is one slip from the name of a place as prominent as a capital, and as the
    name cut from it, that English text writes (ENGLISH_NAME_ZIPF) at least as often as that name
    (Surinamme: Suriname, doubled m; [Nimor]-Leste: Timor): a misspelled name as readily as a name
    and a word run together (Surinam me, Nim or), which spelling weighs once the cut is no fix. Not
    where a listed name's other word vouches for the cut (White Houseon: not Houston), nor for a
    name text writes less (Parisin: not Parisi; Sevastopolto: not Sevastopolo). Asked only of a
    vouched cut."""
    least = max(CAPITAL, lexicon.name_prior[cut][0])
    written = max(ENGLISH_NAME_ZIPF, lexicon.zipf(cut))
    return any(
        key != cut
        and (prior := lexicon.name_prior.get(key)) is not None
        and prior[1] == "place"
        and prior[0] >= least
        and lexicon.zipf(key) >= written
        for key in one_slip(core.lower())
    )


def _predicate(words: Sequence[Word], i: int, right: str, lexicon: Lexicon) -> bool:
    """The lowercase rest is a word a subject's predicate opens with, not a noun of a compound
    name (Riceland, Kimball): a closed-class word (Hanegbialso, Sullivanhas), a past tense or an
    adverb (Blinkenclosed), or a verb's -s form before its object (``_verb_s``)."""
    if right in CLOSED_WORDS or _verb_s(words, i, right, lexicon):
        return True
    if not right.endswith(PREDICATE_ENDINGS) or len(right) < MIN_REST + 1:
        return False
    # (a rarer verb's past tense too: underscored, implored)
    return inflected_form(right, lexicon) or right[:-1] in lexicon.words or right[:-2] in lexicon.words


def _verb_s(words: Sequence[Word], i: int, right: str, lexicon: Lexicon) -> bool:
    """The lowercase rest is the -s form of a common word (``derive.plural_form``) and the next
    word, right beside it, is one that follows a verb, not a noun (Russiaintends to, Chinacreates
    for, Gambiareiterates the): the name is the subject of the verb, the space lost before it, as
    with a past tense (``runon_inflected``). A plural noun of a brand stands before a verb
    (Indiaworks is), which this leaves alone."""
    if not right.endswith("s") or i + 1 >= len(words) or words[i].pause_after or not adjacent(words, i, i + 1):
        return False
    return words[i + 1].core in VERB_OBJECTS and plural_form(right, lexicon)


def _pair_news(low: str, right: str, lexicon: Lexicon) -> float:
    """How much likelier news copy makes ``right`` after the place's name ``low`` (log10,
    ``Bigrams.in_news``); 0 for a person's name."""
    if lexicon.name_prior[low][1] != "place" or lexicon.compiled is None:
        return 0.0
    return bigrams_of(lexicon).in_news(low, right, right)


def _lowercase_zipf(low: str, lexicon: Lexicon) -> float:
    """How often English writes ``low`` as a lowercase word (Zipf): the word's frequency less
    the share English writes capitalized, as a name (``features.capitalized_use`` of case_usage.tsv's
    odds: Harris 1.36, so harris 4.44 -> 3.06; art, sea and moon are not listed there and keep
    their frequency)."""
    zipf = lexicon.words.get(low, 0.0)
    return zipf - capitalized_use(low, lexicon) if zipf else zipf


def _person_slot(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The word right before ``i`` is a title (President, Dr., Minister) or a given name of
    listed people (Vladimir): a person's name goes at ``i``. (One word: a cut reads no
    more than NAME_REACH words before it.)"""
    if i == 0 or words[i - 1].skip:
        return False
    before = words[i - 1].core.lower()
    if words[i - 1].pause_after:  # Dr. [Petin]: an abbreviated title and its full stop
        return before in ABBREVIATED_TITLES
    # (a given name that names a country is the country here: Israel-Lebanonborder)
    given = after_given_name(words, i, lexicon) and not is_country(before, lexicon)
    return adjacent(words, i - 1, i) and (before in TITLES or given)


def _place_after(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The word after ``i``, right beside it, is a capitalized name of a listed place."""
    if i + 1 >= len(words) or words[i].pause_after or words[i + 1].skip:
        return False
    nxt = words[i + 1]
    if nxt.token.start - words[i].token.end != 1 or not nxt.core[:1].isupper():
        return False
    prior = lexicon.name_prior.get(nxt.core.lower())
    return prior is not None and prior[1] == "place"


def _national(left: str, lexicon: Lexicon) -> bool:
    """``left`` names a country or a capital: by its main name (Paris, France), or as a place
    as prominent as a country (Korea, Palestine)."""
    return lexicon.display[left.lower()] == left and (
        main_name_of(left, lexicon, NATIONAL) or is_country(left.lower(), lexicon)
    )


def _major(left: str, lexicon: Lexicon) -> bool:
    """``left`` names a country or a capital (``_national``), or a place as prominent as a
    capital by a name English text writes and no word it writes lowercase (Kharkov, Odessa;
    not Pare or Bag, nor Masr, Arabic for Cairo: Masrour is a given name; nor Pet, a name
    of Perth: Petin is a surname)."""
    low = left.lower()
    prominence, kind = lexicon.name_prior[low]
    return _national(left, lexicon) or (
        kind == "place"
        and prominence >= CAPITAL
        and lexicon.zipf(low) >= ENGLISH_NAME_ZIPF
        and _lowercase_zipf(low, lexicon) < ENGLISH_WORD_ZIPF
        and lexicon.display[low] == left
    )


def _major_then_word(left: str, right: str, lexicon: Lexicon) -> bool:
    """A short common rest (now, one, all) after a country, a capital or a place as prominent
    (``_major``: Germanynow, Venezuelaone, Pakistanall) that is no word starting other words
    (non, pre, sub: Albanon, a settlement's name, is no Alba non) and no name people bear (dan,
    son, kim: a surname that starts with a place's name, Jordanson)."""
    if right in LEADING_PARTS or right in lexicon.given_names or right in lexicon.surnames:
        return False
    return _major(left, lexicon)


def _adjective(left: str, lexicon: Lexicon) -> bool:
    """``left`` is a country's adjective or other name, not its main name, and is as prominent
    as the country (French, Lebanese, Palestinian): it stands before a noun (Frencharmed)."""
    return is_country(left.lower(), lexicon) and not main_name_of(left, lexicon, NATIONAL)


def _surname(left: str, lexicon: Lexicon) -> bool:
    """``left`` is the surname of listed people and no given name (Biden; not Sergei): a
    headline's capitalized word glued to it (BidenAnnounces) is no speaker label."""
    low = left.lower()
    return low in lexicon.surnames and low not in lexicon.given_names and lexicon.display[low] == left


def _capital_name(left: str, lexicon: Lexicon) -> bool:
    """``left`` is the main name of a country or a country's capital (Paris; not Vin, another
    name of Vienna; not Kazan, whose KazanSummit is a brand), and no given name of listed
    people (Vladimir)."""
    if left.lower() in lexicon.given_names:
        return False  # a given name glued to a capitalized word (VladimirInterior): a person's, not the town's
    return main_name_of(left, lexicon, NATIONAL) and lexicon.display[left.lower()] == left


def pair_cut(core: str, first: int = MIN_NAME) -> int:
    """Where a word of two capitalized words run together breaks, in any alphabet
    (VladimirPutin, UnitedStates, JongUn, LechKaczyński): the position of its second and
    last capital, after ``first`` letters or more and before two or more; 0 for any other word.
    (``first`` = ``SHORT_FIRST``: a listed name's two-letter word first, XiJinping, read only as
    a listed pair by ``_cuts``.)"""
    caps = [k for k, c in enumerate(core) if c.isupper()]
    if len(caps) != 2 or caps[0] != 0 or not first <= caps[1] <= len(core) - 2 or not core.isalpha():
        numeral = ROMAN_TAIL.fullmatch(core)  # a monarch's name and number (MohammedVI, CharlesIII)
        return numeral.start(1) if numeral else 0
    return caps[1]


def _name_pair(words: Sequence[Word], i: int, core: str, cut: int, lexicon: Lexicon) -> list[Cut]:
    """Two words of one listed name run together (VladimirPutin, UnitedStates); other pairs of
    capitalized words are left alone: on the dev copy most are company names (BlackRock, TikTok).
    A place's name right after a preposition of place (resides in SantaFe) has the cue
    (``runon_place_cue``) against how often text writes it solid (``runon_typed``: a brand's
    or a hashtag's spelling, santafe 3.4)."""
    left, right = core[:cut], core[cut:]
    if left.lower() in SURNAME_PREFIXES:
        return []  # MacDonald, FitzGerald
    pair = listed_pair((left,), right.lower(), lexicon)
    if pair is None:
        return []
    place = lexicon.name(pair).entry.kind == "place"
    if left.lower() in PARTICLES and not place:
        return []  # DeYoung, LeBoeuf; but ElSalvador, AbuDhabi (context._partner: a country's or capital's name)
    cue = place and _after_place_preposition(words, i)
    more = {"runon_place_cue": 1.0} if cue else {}
    if _same_name_solid(core, pair, lexicon):
        more["runon_typed"] = typed_zipf(core, lexicon)  # SriLanka: its solid listing is Sri Lanka's own
    return [_camel_cut(i, core, left, right, lexicon, runon_partner=1.0, **more)]


def _same_name_solid(core: str, pair: int, lexicon: Lexicon) -> bool:
    """The word written solid is a listed spelling of the very entity whose two words the cut
    gives (Srilanka, Hongkong: other spellings of Sri Lanka and Hong Kong), and that entity's
    name is written as two words: its listing is the prominence of the name the cut restores,
    no evidence that text writes the word so (``runon_typed`` then weighs how often it does)."""
    low = core.lower()
    if low not in lexicon.name_index or " " not in lexicon.name(pair).entry.name:
        return False
    entity = next(lexicon.spelling_entities((pair,)))
    return entity in set(lexicon.spelling_entities(lexicon.name_index[low]))


def _after_place_preposition(words: Sequence[Word], i: int) -> bool:
    """The word right before ``i``, beside it, is a preposition of place (in, to, from...)."""
    return i > 0 and adjacent(words, i - 1, i) and words[i - 1].core.lower() in PLACE_PREPOSITIONS


def _camel_cut(i: int, core: str, left: str, right: str, lexicon: Lexicon, **more: float) -> Cut:
    """``core`` read as ``left`` and ``right``, two words with a capital between (againstRussia,
    VladimirPutin), weighed by how common each half and the typed word are."""
    f = {
        "runon_word": 1.0,
        "runon_camel": 1.0,
        "runon_halves": min(typed_prior(left, lexicon), typed_prior(right, lexicon)),
        "runon_typed": typed_prior(core, lexicon),
        **more,
    }
    return Cut(i, f"{left} {right}", f)


def _slip_of_word(core: str, lexicon: Lexicon) -> str:
    """The common word that ``core`` is with one of the commonest slips undone (those edits.py
    prices at TRANSPOSITION_COST), as ``core`` writes it: two letters side by side swapped
    (Canadain, Ukrainain: Canadian, Ukrainian) or a letter doubled (Hamaas: Hamas, not Hama
    as). As likely a slip of that word as a name run into another (Canada in); "" when there
    is none."""
    low = core.lower()
    for j in range(len(low) - 1):
        if low[j] != low[j + 1]:
            word, typed = low[:j] + low[j + 1] + low[j] + low[j + 2 :], core[:j] + core[j + 1] + core[j] + core[j + 2 :]
        else:
            word, typed = low[:j] + low[j + 1 :], core[:j] + core[j + 1 :]
        if lexicon.words.get(word, 0.0) >= MIN_WORD_ZIPF:
            return typed
    return ""


def _finding(word: Word, cuts: list[Cut], model: Model, lexicon: Lexicon) -> Finding | None:
    if not cuts:
        return None
    scored = sorted(((model.margin(c.features, {}), c) for c in cuts), key=lambda p: -p[0])
    margin, best = scored[0]
    if margin < SUGGEST_MARGIN:
        return None
    # no cut is fixed where one slip makes a word: a rival reading (but for the pronoun I, whose
    # capital no slip of a lowercase word types: asI is no slip of ais)
    swap = "" if WORD_THEN_I.fullmatch(word.core) else _slip_of_word(word.core, lexicon)
    fix = round(margin, 9) >= FIX_MARGIN and (len(scored) == 1 or margin - scored[1][0] >= RIVAL_GAP) and not swap
    entry = Entry(
        f"word:{best.text}", best.text, "word", "two words", "symspellpy frequency list, wordfreq, gazetteers"
    )
    return Finding(
        start=word.token.start,
        end=word.token.start + len(word.core),
        text=word.core,
        replacement=best.text if fix else None,
        suggestions=(tuple(c.text for m, c in scored if m >= SUGGEST_MARGIN) + ((swap,) if swap else ()))[:5],
        confidence=confidence(margin),
        kind="word",
        action="fix" if fix else "suggest",
        reason=f"rule spelling: '{word.core}' is two words without the space between them; "
        f"{'likely' if fix else 'perhaps'} '{best.text}'",
        rule="spelling",
        entry=entry,
        evidence=model.evidence(best.features, {}),
    )
