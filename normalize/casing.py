"""Case slips: a word typed in a letter case that its word or name does not have (pure).

Two slips of the shift key, each read as the lexicon's casing and weighed by the model
(features below; weights in dictionaries/model.json):

- ``case_shift``: the shift key held a letter too long: two capitals, then lowercase
  letters ("RUssia", "VLadimir"). No listed word or name is cased so (none in the dev
  copy of the three corpora), so the reading is the word with the one capital that was
  meant: a listed name in its listed casing, or an English word capitalized.
  ``case_acronym``: three letters so cased, read as an English word less common than the
  commonest, are a unit's or an acronym's casing (GHz, SOx, GPa), not a slip (THe, ANd).
- ``case_lowered``: the capital lost ("russia", "zelensky", "north Korea"). The
  lexicon's frequencies are case-folded, so nothing says how often the lowercase word
  is an English word in its own right (china, turkey, march, sector): the reading
  needs the text's own evidence (it writes the name capitalized elsewhere; a
  preposition of place, a title; or the rest of the listed name beside it), and a
  lowercase form that is a trusted English word needs more of it than one that is not
  (zelensky). A word the text writes lowercase again and again is deliberate.
  ``case_capitalized`` keeps the letter case that the lexicon folds: how much more often
  English writes the word capitalized than lowercase (dictionaries/case_usage.tsv, from
  spaCy's case-sensitive word probabilities), so that germany, which English writes
  lowercase only by a slip, needs less of the text's evidence than china or turkey.
  ``case_titled``: the next word is an English word capitalized inside a sentence, as a
  title's words are (paris Agreement, brussels Declaration). ``case_meeting``: the next
  word is a noun of a meeting or accord named after a place (brussels Declaration, minsk
  agreements); ``case_list``: a whole name in a list beside a capitalized name of its kind
  (china, France and Germany; zhytomyr and Kyiv); ``case_possessive``: a possessive ('s) with no determiner
  before it, of a word English writes capitalized (crimea's); ``case_state_noun``: the noun of
  a form of state that ends a country's formal name after its other words (the Russian
  federation, the Czech republic; not the Palestinian territory). ``case_quarter``: a compass
  word before the name of a city, which then names a quarter of that city as English
  writes it, lowercase (west Jerusalem, east London), though a listed name begins so.

Gates, before any scoring: words marked ``skip`` (URLs, handles, e-mail, code) and the
user's own words are never read; a lowercase word is read only as a whole listed name
of one word (Russia) or as the part of a listed name that its exact neighbour completes
(north [Korea]).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any, NamedTuple

from normalize.context import (
    COUNTRY_PROMINENCE,
    FUNCTION_WORDS,
    MAX_BEFORE,
    MEMO_SIZE,
    NAME_GLUE,
    STATE_NOUNS,
    TITLES,
    Memo,
    adjacent,
    beside_partner,
    best_entry,
    country_beside,
    for_word,
    is_country,
    list_items,
    meeting_noun,
    name_neighbours,
    note_place,
    noting,
    person_prominence,
    place_cue,
    places_beside,
    remember,
    title_phrase,
    titled_next,
    unlike,
    whole_name_before,
    word_table,
    words_ahead,
)
from normalize.edits import one_slip
from normalize.features import foreign_beside
from normalize.forms import shape
from normalize.lexicon import Lexicon
from normalize.model import FIX_MARGIN, Model, confidence
from normalize.tokenize import Word
from normalize.types import Entry, Finding

SHIFT_SLIP = re.compile(r"[A-Z]{2}(?:[a-z]{2,}|[a-rt-z])")  # RUssia, THe (not TVs, IDs, CEOs, iPhone, McDonald)
SUGGEST_MARGIN = 0.5  # barely likelier than the word as typed: not worth a reader's time
# Two capitals and a lowercase letter is how units and acronyms are written (GHz, MHz, SOx, GPa,
# MSc); as a slip of the shift key, only the commonest short words are typed so fast (THe, ANd,
# FOr, NOt: Zipf 5.5 and more; ghz 3.3, gpa 3.5, sox 3.8, bbc 4.6)
ACRONYM_LETTERS = 3
COMMONEST_ZIPF = 5.0
# case_capitalized counts how far above 0.5 (log10 odds) English writes the word capitalized: at
# 0.5 or less a word is written lowercase a quarter of the time or more (republic 0.35, march
# 0.40, turkey -0.03), its case says nothing (case_usage.tsv lists none of those); above 1.5
# the lowercase form is merely rare there
CAPITALIZED_FROM = 0.5
CAPITALIZED_MAX = 1.5
# a lowercase word no dictionary has that ends this many listed places' names is a noun of a kind of
# place (voivodeship 16, governorate 138, raion 155), not a name's word typed lowercase
DESIGNATOR_PLACES = 10
# Compass words: before a city's own name, lowercase, they name a quarter of the city (west
# Jerusalem, east London), however a listed city's name begins (West Jerusalem, East London)
COMPASS = frozenset("north south east west".split())
# ...and before any capitalized name, lowercase, they and their adjectives say which part of the
# place (in western Europe, central Africa, eastern Ukraine): English writes that lowercase
REGION_WORDS = COMPASS | frozenset("northern southern eastern western central".split())
CITY_TYPES = ("city", "capital")
BIG_CITY = 3.5  # prominence of a city of 100,000 (decide.ROMANIZED_CITY): one with quarters of its own
SLACK = 1e-9  # a bound summed in another order than the margin
# A lowercase word that is no English word but one slip from an English word this common (hime:
# home, time; lund: land; egan: began) is as likely a slip of that word as a name's lost capital
SLIP_WORD_ZIPF = 4.0
# A common noun's determiners: a possessive after one is a common noun's (the turkey's feathers)
DETERMINERS = frozenset("a an the this that these those its my your our his her their".split())


class CaseReading(NamedTuple):
    """The word at ``i`` read in another letter case, with the features that weigh it."""

    i: int
    text: str
    entry: Entry
    features: dict[str, float]
    evidence: str


def case_slips(
    words: Sequence[Word],
    lexicon: Lexicon,
    model: Model,
    memo: Memo | None = None,
    counts: Counter[str] | None = None,
    body: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings for words typed in a case their word or name does not have; ``memo`` keeps
    what the lexicon says about each distinct word (decide's memo); ``counts``: how often
    the document writes each word (those not ``skip``), when ``words`` are only a piece of
    it; ``body``: the positions of the words to read (by default all)."""
    out = []
    for reading in readings(words, lexicon, memo, model, counts, body):
        finding = _finding(words[reading.i], reading, model)
        if finding is not None:
            out.append(finding)
    return out


# What a word alone says: no slip, a shift held, a capital lost (of a whole name or surname),
# or a capital lost if the rest of a listed name follows (north [Korea]).
_NONE, _SHIFT, _LOWER, _PART = range(4)


def readings(
    words: Sequence[Word],
    lexicon: Lexicon,
    memo: Memo | None = None,
    model: Model | None = None,
    counts: Counter[str] | None = None,
    body: tuple[int, int] | None = None,
) -> Iterator[CaseReading]:
    """Each word that may be a case slip, read in the lexicon's casing (scripts may fit on these);
    with a ``model``, only the lowercase readings likely enough to be worth a finding."""
    in_document = counts
    reach = None
    kinds: dict[str, int] = word_table(memo, "case_kinds", MEMO_SIZE)
    first, stop = body or (0, len(words))
    # (most words are known to be no case slip: passed over in one pass, in C)
    for i in unlike(words, first, stop, kinds, _NONE):
        word = words[i]
        if word.skip:
            continue
        core = word.core
        kind = kinds.get(core)
        if kind is None:
            kind = kinds[core] = _kind(core, lexicon, memo)
        if kind == _NONE:
            continue
        if kind == _SHIFT:
            reading = _shifted(words, i, lexicon)
        elif kind == _PART and not _name_may_follow(words, i) and not _name_may_precede(words, i):
            continue
        else:
            if in_document is None:
                in_document = Counter(w.core for w in words if not w.skip)
            if reach is None:  # (the terms read the model's weights)
                reach = word_table(memo, f"case_reach {id(model)}", MEMO_SIZE) if model is not None else {}
            if model is not None and _out_of_reach(words, i, lexicon, in_document, memo, model, reach):
                continue
            reading = _lowered(words, i, lexicon, in_document, memo, model)
        if reading is not None:
            yield reading


def _kind(core: str, lexicon: Lexicon, memo: Memo | None = None) -> int:
    if len(core) < 3 or core.lower() in lexicon.extra_words:
        return _NONE
    if SHIFT_SLIP.fullmatch(core):
        return _SHIFT
    if not core.islower() or core not in lexicon.name_index:
        return _NONE
    facts = for_word(memo, "case_lowered", core, partial(_lowered_facts, core, lexicon))  # as _lowered asks
    if facts is None:
        return _NONE
    if facts.whole or facts.surname:
        return _LOWER
    return _NONE if core in FUNCTION_WORDS or not (facts.first or facts.later) else _PART


def _name_may_follow(words: Sequence[Word], i: int) -> bool:
    """The next word is capitalized, or glue (of, the): as the rest of a listed name must be."""
    nxt = words[i + 1].core if i + 1 < len(words) else ""
    return nxt[:1].isupper() or nxt.lower() in FUNCTION_WORDS


def _name_may_precede(words: Sequence[Word], i: int) -> bool:
    """The word before is capitalized, or glue (of, the): as the rest of a listed name must be."""
    if not i or not adjacent(words, i - 1, i):
        return False
    before = words[i - 1].core
    return before[:1].isupper() or before.lower() in FUNCTION_WORDS


def _shifted(words: Sequence[Word], i: int, lexicon: Lexicon) -> CaseReading | None:
    """RUssia: the listed name in its casing, or an English word with one capital (THe)."""
    core = words[i].core
    low = core.lower()
    if low in lexicon.name_index and lexicon.display[low][:1].isupper():
        text = lexicon.display[low]
        entry = best_entry(low, lexicon, frozenset())
    elif low in lexicon.words:  # the first capital was meant: the shift key was held too long
        text = core[0] + low[1:]
        entry = _word_entry(low)
    else:
        return None
    f = {"case_shift": 1.0}
    if len(core) == ACRONYM_LETTERS and low in lexicon.words and lexicon.words[low] < COMMONEST_ZIPF:
        f["case_acronym"] = 1.0  # GHz, SOx, GPa: a unit's or an acronym's casing, not THe or ANd
        if entry.kind != "word" and _whole_name_beside(words, i, low, lexicon):
            f["case_partner"] = 1.0  # DEb Haaland, ALi Bongo: a listed name's first word, its rest after it
    return CaseReading(i, text, entry, f, "the shift key held a letter too long")


class _Lowered(NamedTuple):
    """What the lexicon says about a lowercase word that is a listed name's word."""

    whole: bool  # a listed name of one word (russia)
    surname: bool  # else the last word of a listed person's name (zelensky)
    prominence: float  # as likely as the name is, read without a neighbour
    # Whether a listed name of several words starts with it (north [Korea]), and whether one has
    # it after its first word (New [york]): else no neighbour can complete a name with it
    # (``_whole_name_beside``, ``whole_name_before``), and neither is asked.
    first: bool = True
    later: bool = True
    most: float = -math.inf  # the prominence of the most prominent listed name of several words with it


def _lowered_facts(core: str, lexicon: Lexicon) -> _Lowered | None:
    display = lexicon.display[core]
    if not display[:1].isupper() or display.lower() != core:
        return None
    ids = lexicon.name_index[core]
    texts = lexicon.spelling_texts(ids)
    whole = any(" " not in text for text in texts)
    surname = not whole and _surname(core, lexicon)
    first = later = False
    several = [(idx, text) for idx, text in zip(ids, texts, strict=True) if " " in text]
    for _, text in several:
        parts = [p.lower() for p in text.split(" ")]
        first = first or parts[0] == core
        later = later or core in parts[1:]
    most = max(lexicon.spelling_prominences([idx for idx, _ in several]), default=-math.inf)
    if not whole and not surname:  # only a neighbour can make it a name: the rest is asked then
        return _Lowered(whole, surname, 0.0, first, later, most)
    prominence = person_prominence(core, lexicon) if surname else lexicon.name_prior[core][0]
    return _Lowered(whole, surname, prominence, first, later, most)


def _out_of_reach(
    words: Sequence[Word],
    i: int,
    lexicon: Lexicon,
    in_document: Counter[str],
    memo: Memo | None,
    model: Model,
    reach: dict[str, Any],
) -> bool:
    """True when ``_lowered`` gives the lowercase word at ``i`` no reading worth a finding and
    notes no reads (``note_place``), whatever its neighbours turn out to be: each feature at the most that
    the cheap tests here allow (a partner only before a capital or glue, a name ahead only
    after one) keeps the margin under ``SUGGEST_MARGIN`` with the text's counts, and under
    ``FIX_MARGIN`` with any counts (``_may_fix``). Exact, as decide's bound.py is: the
    common words that are also one-word place names (are, will) cost no search for a name."""
    core = words[i].core
    terms = reach.get(core)
    if terms is None:
        terms = reach[core] = _reach_terms(core, lexicon, memo, model)
    if terms is None:
        return True  # (no facts: ``_lowered`` reads nothing)
    fixed, alone, named, partner_w, before_w, cue_w, titled_w, list_w, own_w, first, later = terms
    partner = first and _name_may_follow(words, i)
    before = words[i - 1].core if i and adjacent(words, i - 1, i) else ""
    ahead = later and (before[:1].isupper() or before.lower() in NAME_GLUE)  # (``whole_name_before``)
    if partner or ahead:  # and the neighbour stands beside the word in a listed name (country: are, state)
        partner, ahead = _completed(words, i, before, partner, ahead, lexicon, memo)
    if not (partner or ahead or alone > -math.inf):
        return True  # (``_lowered``: no name without a neighbour that completes it)
    uncounted = fixed + max(alone, named if partner or ahead else -math.inf)
    uncounted += (partner_w if partner else 0.0) + (before_w if ahead else 0.0)
    weights = model.weights
    best = max(0.0, weights.get("case_in_document", 0.0))
    owned = own_w if own_w and possessive(words, i) else 0.0  # (crimea's: case_possessive)
    cues = cue_w + titled_w + list_w + owned
    most = uncounted + cues + best  # (where repeats weigh against a slip, no count adds more)
    if weights.get("case_repeated", 0.0) <= 0 and most < SUGGEST_MARGIN - SLACK and most < FIX_MARGIN - SLACK:
        return True  # (the counts not asked: are, said)
    n = dict.get(in_document, core, 0)
    counted = weights["case_in_document"] if dict.get(in_document, lexicon.display[core], 0) else 0.0
    # (where a partner may complete a name, the text's full name may take case_repeated back)
    counted += weights["case_repeated"] * math.log2(n) if n > 1 and not partner else 0.0
    noted = noting(in_document)
    if noted and weights.get("case_repeated", 0.0) > 0:
        return False  # (``_may_fix``: then any reading may be a fix)
    if uncounted + cues + counted < SUGGEST_MARGIN - SLACK and not (
        noted and uncounted + cues + best >= FIX_MARGIN - SLACK
    ):
        return True  # (neither the cue nor the capitals after it asked)
    # (a title before a name that a partner completes: ``_cue``)
    uncounted += cue_w if _cue(words, i, None, lexicon) or (partner and title_phrase(words, i, lexicon)) else 0.0
    uncounted += titled_w if titled_next(words, i, lexicon) or meeting_noun(words, i) else 0.0
    uncounted += list_w if list_w and any(words[j].core[:1].isupper() for j in list_items(words, i)) else 0.0
    uncounted += owned
    if uncounted + counted >= SUGGEST_MARGIN - SLACK:
        return False
    return not noted or uncounted + best < FIX_MARGIN - SLACK


def _completed(
    words: Sequence[Word], i: int, before: str, partner: bool, ahead: bool, lexicon: Lexicon, memo: Memo | None
) -> tuple[bool, bool]:
    """Whether a partner (``_whole_name_beside``) and a name ahead (``whole_name_before``) may
    still complete a listed name with the lowercase word at ``i``, given that each needs its
    neighbour (``before``: the word right before, if adjacent) right after or right before the
    word in some listed name of several words (``name_neighbours``, asked once a word)."""
    core = words[i].core
    right_before, right_after = for_word(memo, "name_neighbours", core, partial(name_neighbours, core, lexicon))
    partner = partner and i + 1 < len(words) and words[i + 1].core.lower() in right_after
    return partner, ahead and before.lower() in right_before


_Reach = tuple[float, float, float, float, float, float, float, float, float, bool, bool]


def _reach_terms(core: str, lexicon: Lexicon, memo: Memo | None, model: Model) -> _Reach | None:
    """What ``_out_of_reach`` needs of the word alone: the features it has whatever its
    neighbours (``case_lowered``, ``case_not_word``, ``case_capitalized``), its prior alone
    (-inf: no name alone) and in a name of several words, the most that a partner, a name
    ahead, a cue and a title's capitals can add, and whether a partner or a name ahead is
    possible at all; None when it has no facts."""
    facts = for_word(memo, "case_lowered", core, partial(_lowered_facts, core, lexicon))
    if facts is None:
        return None
    weights = model.weights
    usage = lexicon.capitalized.get(core)
    capitalized = 0.0 if usage is None else max(0.0, min(CAPITALIZED_MAX, usage) - CAPITALIZED_FROM)
    only_name = CAPITALIZED_MAX - CAPITALIZED_FROM if core not in lexicon.words else capitalized
    fixed = weights["case_lowered"] + weights["case_capitalized"] * capitalized
    fixed += weights["case_not_word"] if core not in lexicon.words else 0.0
    fixed += max(0.0, weights["case_foreign"])  # (read beside the word: at most this)
    prior = weights["case_prior"]
    return (
        fixed,
        prior * facts.prominence if facts.whole or facts.surname else -math.inf,
        prior * facts.most if prior >= 0 and facts.most > -math.inf else math.inf if prior < 0 else -math.inf,
        max(0.0, weights["case_partner"]) + max(0.0, weights["case_quarter"]) + max(0.0, weights["case_region"]),
        max(0.0, weights["case_partner_before"] * only_name * MAX_BEFORE)
        + max(0.0, weights["case_country"])
        + (max(0.0, weights["case_state_noun"]) if core in STATE_NOUNS else 0.0),
        max(0.0, weights["case_cue"]),
        max(0.0, weights["case_titled"]) + max(0.0, weights["case_meeting"]),
        max(0.0, weights["case_list"]) if facts.whole else 0.0,
        max(0.0, weights["case_possessive"]) if capitalized > 0 or core not in lexicon.words else 0.0,
        facts.first and core not in FUNCTION_WORDS,
        facts.later,
    )


def _named_notes(
    f: dict[str, float],
    core: str,
    partner: tuple[int, str] | None,
    ahead: tuple[int, str] | None,
    lexicon: Lexicon,
) -> list[str]:
    """The features and notes of the listed name the word's neighbours complete (into f)."""
    if partner:
        f["case_partner"] = 1.0
        if core in COMPASS and quarter_of_city(partner[0], lexicon):
            f["case_quarter"] = 1.0  # west Jerusalem: a quarter of the city Jerusalem
        return [f"next to '{partner[1]}' as in {lexicon.name(partner[0]).entry.name}"]
    if ahead:
        return [f"after '{ahead[1]}' as in {lexicon.name(ahead[0]).entry.name}"]
    return []


def _lowered(
    words: Sequence[Word],
    i: int,
    lexicon: Lexicon,
    in_document: Counter[str],
    memo: Memo | None = None,
    model: Model | None = None,
) -> CaseReading | None:
    """russia: a whole listed name, or a name's part that its neighbour completes (north Korea)."""
    core = words[i].core
    facts = for_word(memo, "case_lowered", core, partial(_lowered_facts, core, lexicon))
    if facts is None:
        return None
    display = lexicon.display[core]
    partner = _whole_name_beside(words, i, core, lexicon, memo) if facts.first else None
    ahead = None if partner or not facts.later else whole_name_before(words, i, core, lexicon, memo)
    named = partner or ahead
    whole, surname = facts.whole, facts.surname
    if named is None and not whole and not surname:
        return None
    if named and core in lexicon.name(named[0]).parts:
        return None  # Lee Jae-[myung]: the listed name writes the word as typed, lowercase
    prominence = lexicon.name(named[0]).prominence if named else facts.prominence
    f = {"case_lowered": 1.0, "case_prior": prominence}
    notes = _named_notes(f, core, partner, ahead, lexicon)
    if in_document[display]:
        f["case_in_document"] = 1.0
        notes.append(f"'{display}' appears {in_document[display]}x in the text")
    if core in REGION_WORDS and part_of_place(words, i, partner, lexicon):
        f["case_region"] = 1.0  # in western Europe, central Africa: which part of the place
        notes.append(f"before '{words[i + 1].core}', which part of it")
    cue = _cue(words, i, partner, lexicon)
    if cue:
        f["case_cue"] = 1.0
        notes.append(cue)
    titled = "" if partner else titled_next(words, i, lexicon)
    if titled:
        f["case_titled"] = 1.0  # paris Agreement: a title's capitals after it
        notes.append(f"before '{titled}'")
    _place_features(f, notes, words, i, partner, facts.whole, lexicon)
    _usage_features(f, words, i, ahead, lexicon)
    if foreign_beside(words, i, lexicon):
        f["case_foreign"] = 1.0  # peru (ペルー): a romanization beside its own spelling, not a name's lost capital
    if "case_not_word" in f and not (named or "case_in_document" in f):
        slip = for_word(memo, "case_word_slip", core, partial(slip_of_word, core, lexicon))
        if slip:
            f["case_word_slip"] = 1.0  # at [hime], our unity: home, not the name Hime
            notes.append(f"one slip from the English word '{slip}'")
    if in_document[core] > 1 and not (partner and written_elsewhere(words, i, partner[0], lexicon)):
        f["case_repeated"] = math.log2(in_document[core])  # deliberate, unless New Zealand is written too
    if noting(in_document) and (model is None or _may_fix(f, model)):
        note_place(in_document, words[i], (display, core))  # the counts read, for a later settle pass (engine.py)
    if model is not None and model.margin(f, {}) < SUGGEST_MARGIN:
        return None  # no finding: its entry (a scan of the word's every name) is not looked up
    if named:
        entry = lexicon.name(named[0]).entry
    else:
        entry = remember(memo, ("case_entry", core), partial(best_entry, core, lexicon, frozenset()))
    return CaseReading(i, display, entry, f, "; ".join(notes) or "a name typed lowercase")


def _place_features(
    f: dict[str, float],
    notes: list[str],
    words: Sequence[Word],
    i: int,
    partner: tuple[int, str] | None,
    whole: bool,
    lexicon: Lexicon,
) -> None:
    """What the neighbours say of a place, where no listed name's other words do: a noun of a
    meeting or accord named after it (brussels Declaration, minsk agreements: ``case_meeting``)
    and, for a country's whole name, the countries beside it in a list (china, France and
    Germany: ``case_list``)."""
    if partner:
        return
    meeting = meeting_noun(words, i)
    if meeting:
        f["case_meeting"] = 1.0
        notes.append(f"before '{meeting}'")
    items = _listed_beside(words, i, lexicon) if whole else []
    if items:
        f["case_list"] = 1.0
        notes.append(f"in a list with {', '.join(items)}")


def _listed_beside(words: Sequence[Word], i: int, lexicon: Lexicon) -> list[str]:
    """The capitalized list items beside the whole listed name at ``i`` that name its kind of
    place: countries beside a country (china, France and Germany), places of its country
    beside another place (near zhytomyr and Kyiv)."""
    core = words[i].core
    if is_country(core, lexicon):
        return country_beside(words, i, lexicon)
    return places_beside(words, i, core, lexicon) if lexicon.name_prior[core][1] == "place" else []


def _usage_features(
    f: dict[str, float], words: Sequence[Word], i: int, ahead: tuple[int, str] | None, lexicon: Lexicon
) -> None:
    """How English writes the lowercase word: no word at all, capitalized, only as a name."""
    core = words[i].core
    if core not in lexicon.words:
        f["case_not_word"] = 1.0  # zelensky: no English word
    usage = lexicon.capitalized.get(core)
    capitalized = 0.0 if usage is None else max(0.0, min(CAPITALIZED_MAX, usage) - CAPITALIZED_FROM)
    if capitalized > 0:
        f["case_capitalized"] = capitalized  # germany: English writes it lowercase only by a slip
    if (capitalized > 0 or "case_not_word" in f) and possessive(words, i):
        f["case_possessive"] = 1.0  # crimea's reunification: the possessor a name, as English writes it
    if ahead:
        # as much as English writes the word only as a name: Joe [biden], not the Palestinian [territory];
        # a noun of division that no dictionary has but that ends many listed places' names is a
        # common noun after a place (Podlaskie [voivodeship], Sughd [governorate]), no name's lost capital
        unlisted = core not in lexicon.words and not designator(core, lexicon)
        only_name = CAPITALIZED_MAX - CAPITALIZED_FROM if unlisted else capitalized
        if only_name > 0:  # for each word of the name written ahead (Rosario Murillo [zambrana]: 2)
            f["case_partner_before"] = only_name * words_ahead(words, i, ahead[1])
        if hyphen_tail(words, i, ahead, lexicon):
            f["case_hyphen_tail"] = 1.0  # Jussi Halla-[aho]: a double name's second half, lowercase by choice
        if lexicon.name(ahead[0]).prominence >= COUNTRY_PROMINENCE:
            # a country's listed name, whose words English capitalizes all (Russian [federation],
            # United [states]; not Washington state). UN copy writes the occupied Palestinian
            # territory so: alone this stays under the floor, with the text's Territory it is fixed
            f["case_country"] = 1.0
            if core in STATE_NOUNS and lexicon.name(ahead[0]).parts[0] == ahead[1]:
                # the Russian [federation], the United [states]: the noun of the state's own name, written
                # whole (not four Mexican [states], of the United Mexican States)
                f["case_state_noun"] = 1.0


def hyphen_tail(words: Sequence[Word], i: int, ahead: tuple[int, str], lexicon: Lexicon) -> bool:
    """The lowercase word at ``i`` stands one character after the capitalized word before it,
    and the listed name that ``whole_name_before`` found (``ahead``) joins the two with a hyphen
    (Jussi Halla-Aho): the second half of a double name, which Finnish and Estonian names write
    lowercase by choice (Halla-aho), not a name's lost capital. (Words do not keep the character
    between them; one character between two words that the list joins is read as its hyphen.)"""
    before = words[i - 1]
    if words[i].token.start - before.token.end != 1 or not before.core[:1].isupper():
        return False
    name = lexicon.name(ahead[0]).entry.name
    return f"{before.core}-{words[i].core}".lower() in name.lower()


def written_elsewhere(words: Sequence[Word], i: int, number: int, lexicon: Lexicon) -> bool:
    """The text writes the listed spelling ``number`` (a name of several words) word for word as
    listed, capitalized, at a place other than ``i``: for case_repeated, the lowercase uses of a
    word that a partner completes are then the English word's (New Zealand ... new ideas, new
    Zealand), not a writer's lowercase name."""
    parts = list(lexicon.spellings[number].parts)
    n = len(parts)
    return any(
        j != i and words[j].core == parts[0] and [w.core for w in words[j : j + n]] == parts
        for j in range(len(words) - n + 1)
    )


def designator(core: str, lexicon: Lexicon) -> bool:
    """The lowercase ``core`` is the last word of at least ``DESIGNATOR_PLACES`` listed places'
    names of two words or more (voivodeship: Podlaskie Voivodeship, Opole Voivodeship ...;
    governorate, raion): a noun of a kind of place, not a name of its own."""
    places: set[int] = set()
    for idx in lexicon.name_index.get(core, ()):
        spelling = lexicon.spellings[idx]
        if len(spelling.parts) > 1 and spelling.parts[-1].lower() == core:
            if lexicon.entries[spelling.entry].kind == "place":
                places.add(spelling.entry)
                if len(places) >= DESIGNATOR_PLACES:
                    return True
    return False


def possessive(words: Sequence[Word], i: int) -> bool:
    """The word at ``i`` is typed with a possessive ending ('s, ’s) and no determiner before
    it, as a name's possessive stands (crimea's reunification; not the turkey's feathers)."""
    word = words[i]
    if word.token.text[len(word.core) :].replace("\u2019", "'") != "'s":
        return False
    return not (i and adjacent(words, i - 1, i) and words[i - 1].core.lower() in DETERMINERS)


def slip_of_word(core: str, lexicon: Lexicon) -> str:
    """The commonest English word of Zipf SLIP_WORD_ZIPF or more one slip from ``core``, or ""."""
    near = [(lexicon.zipf(w), w) for w in one_slip(core) if w in lexicon.words]
    zipf, word = max(near, default=(0.0, ""))
    return word if zipf >= SLIP_WORD_ZIPF else ""


# the features that read how often the text writes a word (case_word_slip: only where it writes no capitalized form)
COUNTED = ("case_in_document", "case_repeated", "case_word_slip")


def _may_fix(features: dict[str, float], model: Model) -> bool:
    """Whether the reading with these ``features`` is a fix for some counts of the text (else a
    later settle pass, which takes only fixes, need not read it again when they change)."""
    if model.weights.get("case_repeated", 0.0) > 0:
        return True
    best = {name: value for name, value in features.items() if name not in COUNTED}
    if model.weights.get("case_in_document", 0.0) > 0:
        best["case_in_document"] = 1.0
    return round(model.margin(best, {}), 9) >= FIX_MARGIN


def _whole_name_beside(
    words: Sequence[Word], i: int, core: str, lexicon: Lexicon, memo: Memo | None = None
) -> tuple[int, str] | None:
    """A listed name of several words that the word begins, its other words written in full
    after it and capitalized (north Korea, vladimir Putin; not "the Hague", whose article
    English writes lowercase, nor "a more united Republic of South Sudan"). A lowercase last
    word is English style, not a slip (Washington state, the Palestinian territory)."""
    if core in FUNCTION_WORDS:
        return None
    if not _name_may_follow(words, i):
        return None
    partner = beside_partner(words, i, core, lexicon, memo)
    if partner is None:
        return None
    parts = [p.lower() for p in lexicon.spellings[partner[0]][0]]
    span = words[i : i + len(parts)]
    if [w.core.lower() for w in span] == parts and all(
        w.core[:1].isupper() for w in span[1:] if w.core.lower() not in FUNCTION_WORDS
    ):
        return partner
    return None


def part_of_place(words: Sequence[Word], i: int, partner: tuple[int, str] | None, lexicon: Lexicon) -> bool:
    """The lowercase compass word at ``i`` (or its adjective, or central) stands right before a
    capitalized name in the same clause: it says which part of that place (in western Europe,
    central Africa), as English writes it. Where the two make a listed name (``partner``), only
    when that is not the place's main name and the next word alone names a place: Central
    Africa is another name of the Central African Republic, not how English writes a part of
    Africa; north Korea, the West Bank and the central African Republic are slips."""
    j = i + 1
    if j >= len(words) or words[j].skip or words[i].pause_after or not adjacent(words, i, j):
        return False
    if shape(words[j].core) != "title":
        return False
    if partner is None:
        return True
    main = lexicon.name(partner[0]).entry.name.lower()
    written = " ".join(w.core for w in words[i : i + len(main.split())]).lower()
    if written == main:
        return False  # the main name in full (central African Republic, its spelling Central African)
    spelling = " ".join(lexicon.spellings[partner[0]].parts).lower()
    return lexicon.name_prior.get(words[j].core.lower(), (0.0, ""))[1] == "place" and spelling != main


def quarter_of_city(number: int, lexicon: Lexicon) -> bool:
    """The listed spelling ``number`` names a city whose name is a compass word and the main
    name of a city of BIG_CITY prominence or more (East London, West Jerusalem): the words
    also name a quarter of that city. (Not North Carolina, a region; not East Palestine, whose
    other words name a country first.)"""
    parts = lexicon.spellings[number].parts
    if len(parts) < 2 or parts[0].lower() not in COMPASS:
        return False
    if lexicon.name(number).entry.description.partition(",")[0] not in CITY_TYPES:
        return False
    rest = tuple(p.lower() for p in parts[1:])
    best = max(
        (
            (lexicon.spellings[idx].prominence, lexicon.name(idx).entry)
            for idx in lexicon.name_index.get(rest[0], ())
            if tuple(p.lower() for p in lexicon.spellings[idx].parts) == rest
        ),
        default=None,
        key=lambda found: found[0],
    )
    if best is None or best[0] < BIG_CITY:
        return False
    return best[1].name.lower() == " ".join(rest) and best[1].description.partition(",")[0] in CITY_TYPES


def _surname(core: str, lexicon: Lexicon) -> bool:
    """The last word of a listed person's name (zelensky)."""
    ids = lexicon.name_index[core]
    return any(
        text.rpartition(" ")[2].lower() == core and kind == "person"
        for text, kind in zip(lexicon.spelling_texts(ids), lexicon.spelling_kinds(ids), strict=True)
    )


def _cue(words: Sequence[Word], i: int, partner: tuple[int, str] | None, lexicon: Lexicon) -> str:
    """What the neighbours say where no listed name's other words do: a preposition of place, a
    title; and a title before a person's name that its other words complete (President [joe]
    Biden, Mr. [sam] Kutesa): a person's name goes there, and its own word is written lowercase."""
    if partner:
        person = lexicon.name(partner[0]).entry.kind == "person"
        return f"after '{words[i - 1].core}'" if person and title_phrase(words, i, lexicon) else ""
    if place_cue(words, i):
        return f"after '{words[i - 1].core}'" if i else "before a region noun"
    if i and adjacent(words, i - 1, i) and words[i - 1].core.lower() in TITLES:
        return f"after '{words[i - 1].core}'"
    return ""


def _word_entry(low: str) -> Entry:
    return Entry(f"word:{low}", low, "word", "English word", "symspellpy frequency list, wordfreq")


def _finding(word: Word, reading: CaseReading, model: Model) -> Finding | None:
    margin = model.margin(reading.features, {})
    if margin < SUGGEST_MARGIN:
        return None
    fix = round(margin, 9) >= FIX_MARGIN

    entry = reading.entry
    return Finding(
        start=word.token.start,
        end=word.token.start + len(word.core),
        text=word.core,
        replacement=reading.text if fix else None,
        suggestions=(reading.text,),
        confidence=confidence(margin),
        kind=entry.kind,
        action="fix" if fix else "suggest",
        reason=(
            f"rule spelling: '{word.core}' is cased as no word or name is; "
            f"{'likely' if fix else 'perhaps'} {entry.name} ({entry.description}; source: {entry.source}), "
            f"in another letter case; {reading.evidence}"
        ),
        rule="spelling",
        entry=entry,
        evidence=model.evidence(reading.features, {}),
    )
