"""What the text around a word says: the decision context and the lookups on it.

``Context`` holds, for one document, everything a decision reads besides the word
itself: the words, the lexicon, the candidate generators, the bigram counts, how
often each spelling occurs, the countries the text is about, and the model. The
functions below are pure lookups on it (is the word after a title, beside the
other part of a listed name, in a capitalized phrase...); features.py turns them
into named values.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import compress, repeat
from operator import attrgetter, ne
from typing import Any, NamedTuple, TypeGuard, TypeVar

from rapidfuzz.distance import OSA

from normalize.candidates import Bigrams, NameMatcher, Speller
from normalize.derive import demonym, demonym_stems, derived
from normalize.forms import fold, romanization_variant, shape, slavic_g_variant, unaccented
from normalize.lexicon import PERSON_PROMINENCE, Lexicon, trigrams
from normalize.model import Model
from normalize.tokenize import Word
from normalize.types import Entry

KNOWN_ZIPF = 3.0  # a word this frequent in real text is accepted even when no list has it
# Two- and three-letter lowercase words that no English list has and text uses at most at Zipf 3.5
# (lng, pst, tak, ide; erm, thx; iw, tk): lowercase letters of abbreviations and names, or slips of
# common words (long, past, take, idea; is, to); weighed less their Zipf, not taken as known
# (``short_unlisted``)
SHORT_UNLISTED = 3
SHORT_UNLISTED_ZIPF = 3.5
COMMON_ZIPF = 5.5  # words this frequent are English words first, whatever else they are
CAPITAL = 4.0  # prominence of capitals; countries rank above
TOPIC_PROMINENCE = 3.0  # regions, and cities of about 30,000 people or more, set a text's topic
PLACE_FIRST_SLACK = 1.0  # a place's word may be this much (Zipf) commoner than the place is prominent
ALIAS_SLACK = (
    1.0  # a far town or region, or another name of a far place, is as likely as text uses it, give or take this
)
# log10 of how many times more often text writes an English word that is no name (tub) than
# capitalized: about one word in twenty starts a sentence
LOWERCASE_WORD_SHARE = 1.3
TITLE_PHRASE_ZIPF = 3.5  # a neighbour this common is an English word first (Spence, at 3.4, is a name)
# A letter triple that hardly any English word or listed name has ("sds" in "Rusdsia") is
# typing, not spelling.
RARE_TRIGRAM = 3  # seen in fewer trusted words and target names than this
VILLAGE_NOUNS = frozenset("village villages hamlet settlement".split())
PHRASE_GLUE = frozenset(("of", "and", "the", "for", "on"))
# Closed-class English words: one glued to another word is a missing space, not a compound.
FUNCTION_WORDS = frozenset(
    "to for of the and in on at by with from is was be are were that this these those whose which "
    "who whom as it its not or but an has have had will would can could should may might must".split()
)
# Closed-class words beyond FUNCTION_WORDS that no compound English writes solid starts or ends
# with (not over, under, up, so, no, us, he: overpriced, upskill, modus, helos are words)
CLOSED_CLASS = frozenset(
    "you she we they his her our their my your me him them also into than then there when where while "
    "after before about since during without between against through if any each both such very "
    "more most been being does did do just only".split()
)
CLOSED_READINGS = FUNCTION_WORDS | CLOSED_CLASS  # every closed-class word
MAX_PARTICLES = 2  # von der, bin Abdul
SHARED_NAME_ZIPF = 4.0  # a neighbour commoner than this vouches less for a name (Tom Kinton: not Kenyon)
_WORD = re.compile(r"\w+")
MAX_TITLE_WORDS = 4  # Minister of Foreign Affairs
TITLE_GLUE = frozenset(("of", "the", "for", "and"))
# Name particles too common to vouch for the name beside them.
# Particles that make the next word a person's surname (al-Hilu, bin Salman, von Trapp); not the
# articles that also stand before places in French or Spanish phrases (du Rwanda, de Janeiro); Italian
# di and Irish Ó, Ní before a name of their own (Val di [Chiana], Liam Ó [Briain]: no China, Britain)
SURNAME_PARTICLES = frozenset("al el bin ibn abu abd van von der den ter di ó ní".split())
PARTICLES = frozenset("al el bin ibn abu abd de da das dos do du la le van von der den di del ben ter".split())
# Words that follow a place's name ("Sumy region"), and their plurals after the last of two
# ("the Kherson and Zaporizhzhia regions").
PLURAL_PLACE_NOUNS = frozenset("regions oblasts provinces governorates districts counties".split())
PLACE_NOUNS = frozenset("region oblast province governorate krai district county".split()) | PLURAL_PLACE_NOUNS
# Nouns of land, water or settlement that "of" and a place's name follow ("the Gulf of Oman",
# "off the coast of Yemen", "the city of Sumy"); not area, which takes anything (area of expertise)
OF_PLACE_NOUNS = frozenset("gulf coast sea bay island strait shores city town".split())
# Nouns of inland water that English names after the water itself, seldom after a country: a
# country's reading of the word right before one (the Chira river: not China) holds only where
# a listed name has the noun after the country (not Lake Chad: a noun before the name, its own)
WATER_NOUNS = frozenset("river rivers lake lakes creek stream brook canal lagoon reservoir estuary dam".split())
# Of those, the works that hold water back, named after a place of their own (the Alau Dam, the
# Alau reservoir): a country's slip before one names nothing a writer would dam, whatever the word
DAM_NOUNS = frozenset("dam reservoir".split())
# Nouns of a settlement by which copy calls a place a town ("the town of Irun"; "Irun, a Basque town")
SETTLEMENT_NOUNS = frozenset("town city village port municipality commune suburb".split())
APPOSITION_ARTICLES = frozenset(("a", "an", "the"))
APPOSITION_REACH = 4  # words of an apposition up to its noun (a small Basque border town): within decide's window
# A firm's word, capitalized after the firm's name ([Mastek] Limited, [Sowe] Capital): the word before it is a name's
APPOSITION_WORDS = 3  # words of an apposition after its article that name_slot reads (a retired bank clerk)
# Verbs of saying right after their subject ([Ando] said, [Cyient] told reporters): the word before is a name,
# a pronoun or a plural noun (Officials said), no other English word
REPORTING_VERBS = frozenset("said says told tells added adds noted notes stated states announced announces".split())
# English words that stand alone as a sentence's subject: pronouns and quantifiers (He said, Some said)
SUBJECT_WORDS = frozenset(
    "i you he she it we they who that some many most all both others another one none each few "
    "several everyone everybody someone somebody anyone anybody nobody".split()
)
FIRM_WORDS = frozenset(
    "limited ltd inc incorporated corp corporation plc llc llp capital holdings partners ventures".split()
)
# Nouns of the land and water that English names after a place (Hudson River, Kamchatka Peninsula)
GEOGRAPHIC_NOUNS = PLACE_NOUNS | frozenset(
    "river bay sea lake peninsula island islands valley basin strait gulf mountains desert coast delta "
    "plateau highlands area areas".split()
)
# Nouns of a form of state that end a country's formal name (Russian Federation, Czech Republic,
# United Kingdom, United Arab Emirates): English capitalizes them there, as the country's name;
# not territory, state or states, which follow a people's adjective as common nouns too (the
# Palestinian territory, Washington state, four Mexican states: United Mexican States is listed)
STATE_NOUNS = frozenset(
    "republic federation kingdom emirates principality confederation commonwealth sultanate states".split()
)
# Nouns of a meeting or an accord that English names after the place where it was held
# (Sendai Framework, Minsk agreements, the Paris summit).
MEETING_NOUNS = frozenset(
    "declaration agreement agreements accord accords framework summit conference forum protocol "
    "convention consensus communique communiqué talks format process round charter".split()
)
# Words of an event that is held at a place: a meeting's nouns and the verbs that say it took place
EVENT_WORDS = MEETING_NOUNS | frozenset(
    "held hosted convened signed adopted meeting meetings session sessions visit negotiations".split()
)
EVENT_PREPOSITIONS = frozenset(("in", "at"))
MAX_BEFORE = 3  # words of a listed name before a word of it (Bolivarian Republic of [Venezuela])
NAME_GLUE = frozenset(("of", "the", "and", "de", "del", "da", "la", "al", "el"))  # inside names
LIST_GLUE = frozenset(("and", "or"))  # between the last two items of a list
COUNTRY_PROMINENCE = 5.0  # lexicon.PLACE_PROMINENCE["country"]: no city's population reaches it
# Words that introduce a place's name.
PLACE_PREPOSITIONS = frozenset(
    "in inside within outside to from near across throughout into at via towards toward visit visited".split()
)
# Nouns of a state's office holders or people that "of" and a country's name follow (President
# of France, the people of Syria); TITLES join them below.
PEOPLE_NOUNS = frozenset("government people peoples embassy capital".split())
# Words that introduce a person's name in news copy.
TITLES = frozenset(
    "president minister spokesman spokeswoman spokesperson secretary chancellor premier "
    "mr mrs ms dr prof general gen ambassador adviser advisor chairman chairwoman chair "
    "senator governor mayor king queen prince princess sheikh emir pope deputy "
    "commander envoy director head leader speaker counterpart colleague "
    "colonel lieutenant captain sergeant admiral marshal".split()
)
# Titles written abbreviated, with a full stop (Mr. Putin, Dr. Tedros, Lt. Col.)
HONORIFICS = frozenset("mr mrs ms dr prof".split())  # titles of any person, no office
ABBREVIATED_TITLES = frozenset("mr mrs ms dr prof gen col lt sen rep gov capt sgt maj adm".split())
OFFICE_NOUNS = TITLES | PEOPLE_NOUNS


T = TypeVar("T")
Memo = dict[tuple[Hashable, ...], object]  # answers to pure questions, keyed by question name and inputs
MEMO_SIZE = 30_000  # answers a memo keeps: about 11 MB (some 25 answers a word decided, 1.2 MB of text)
FULL_NAME_REACH = 30  # a word of more listed names than this (Republic, New, El) finds no country: its rarer words do
# Words on either side of a word that say what the text is about around it (``countries_near``):
# fewer than a piece's margins (pieces.MARGIN_WORDS), so a piece reads them as the whole text does
NEAR_WORDS = 60
MAX_WORDS = 200_000  # distinct words a table of answers per word keeps (``word_table``: about 20 MB)


_ABSENT = object()


def remember(memo: Memo | None, key: tuple[Hashable, ...], answer: Callable[[], T]) -> T:
    """``answer()``, asked once per ``key`` in ``memo`` (no memo: asked every time)."""
    if memo is None:
        return answer()
    found = memo.get(key, _ABSENT)
    if found is _ABSENT:
        found = memo[key] = answer()
    return found  # type: ignore[return-value]


def word_table(memo: Memo | None, name: str, size: int) -> dict[str, Any]:
    """A table in the memo of answers per distinct word: a new one when it holds ``size``
    answers, and a throwaway one without a memo."""
    if memo is None:
        return {}
    table = memo.get((name,))
    if not isinstance(table, dict) or len(table) >= size:
        table = memo[(name,)] = {}
    return table


def for_word(memo: Memo | None, name: str, word: Hashable, answer: Callable[[], T]) -> T:
    """``remember`` for a question about ``word`` alone (or a few words): its answers are kept
    in ``word_table`` ``name``, which a long text's clearing of the memo keeps (decide's
    ``_decided``), up to as many as the memo holds (10 MB of news asks some 15,000 distinct
    words each)."""
    table: dict[Any, Any] = word_table(memo, name, MEMO_SIZE)
    found = table.get(word, _ABSENT)
    if found is _ABSENT:
        found = table[word] = answer()
    return found  # type: ignore[no-any-return]


def known_for_word(memo: Memo | None, name: str, word: Hashable) -> Any:
    """The answer ``for_word`` keeps for ``word`` in the table ``name``, or None if not asked yet."""
    table: dict[Any, Any] = word_table(memo, name, MEMO_SIZE)
    return table.get(word)


def word_tables(memo: Memo) -> Memo:
    """The tables of ``word_table`` in ``memo`` (keyed by their name alone), as a new memo; the
    items are copied at once: another thread checking a text may add to the memo meanwhile."""
    return {k: v for k, v in list(memo.items()) if len(k) == 1}


Place = tuple[str, int, tuple[str, ...]]  # a word decided, where it starts, the spellings whose counts it read


class Counts(Counter[str]):
    """How often each spelling occurs in a document. While ``reads`` is a list, every
    lookup notes the spelling and its count there: an answer computed meanwhile holds
    for any document that counts those spellings the same (decide's ``_readings``).
    While ``places`` is a list, each decision notes there the word it decides (or finds
    nothing to read for), where it starts (``base`` plus its offset in the words decided)
    and the spellings whose counts it read (``note_place``), so that a later settle pass
    (engine.py) reads again only the places that read a changed count."""

    reads: list[tuple[str, int]] | None = None
    places: list[Place] | None = None
    base: int = 0
    accented: dict[str, tuple[str, int]] | None = None  # ``accented_written``'s answer, once worked out
    lean: int | None = None  # ``romanization_lean``'s answer, worked out by Document.of

    def __getitem__(self, key: str) -> int:
        n = dict.get(self, key, 0)
        if self.reads is not None:
            self.reads.append((key, n))
        return n


def accented_written(counts: Counter[str]) -> dict[str, tuple[str, int]]:
    """The spellings with accents or letters beyond ASCII that the text writes capitalized,
    by their letters without them (``unaccented``): 'Orban' -> ('Orbán', 5), the most written
    one where several share them. Worked out once a document's counts (``Counts`` are never
    changed once made; a settle pass makes new ones)."""
    if isinstance(counts, Counts) and counts.accented is not None:
        return counts.accented
    out: dict[str, tuple[str, int]] = {}
    for word, n in dict.items(counts):
        if word.isascii() or not word[:1].isupper():
            continue
        plain = unaccented(word)
        if plain != word and n > out.get(plain, ("", 0))[1]:
            out[plain] = (word, n)
    if isinstance(counts, Counts):
        counts.accented = out
    return out


def noting(counts: Counter[str]) -> TypeGuard[Counts]:
    """``counts`` notes where decisions read it (a long text's settle passes: engine.py)."""
    return isinstance(counts, Counts) and counts.places is not None


def note_place(counts: Counts, word: Word, spellings: Iterable[str]) -> None:
    """While ``counts`` notes places, note that the decision about ``word`` read the counts of ``spellings``."""
    if counts.places is not None:
        counts.places.append((word.core, counts.base + word.token.start, tuple(spellings)))


# A spelling no word has: that an answer read the text's topics for a country is noted as a
# read of TOPIC + the country's name (and of TOPIC alone: whether the text has any topic),
# counted 1 where the text is about it (has any), else 0 (``topic_count``).
TOPIC = "\x00"


def note_topics(counts: Counts, key: str, lexicon: Lexicon, topics: frozenset[str]) -> None:
    """While ``counts`` notes reads, note that an answer reads the text's ``topics`` for the
    countries of ``key``'s entities (``named_prominence``, ``best_entry``, ``of_topic``):
    a later settle pass whose topics differ there decides the word again (engine.py, decide.py)."""
    if counts.reads is not None:
        countries = lexicon.countries
        note_any_topic(counts, topics)
        counts.reads.extend(
            (TOPIC + (c := countries[e]), int(c in topics))
            for e in lexicon.spelling_entities(lexicon.name_index.get(key, ()))
        )


def note_any_topic(counts: Counts, topics: frozenset[str]) -> None:
    """While ``counts`` notes reads, note that an answer reads whether the text has any topic."""
    if counts.reads is not None:
        counts.reads.append((TOPIC, int(bool(topics))))


def topic_count(key: str, topics: frozenset[str]) -> int:
    """What the text counts of a spelling ``note_topics`` notes (``key``): 1 for TOPIC where
    it has any topic and for TOPIC + a country it is about, else 0 (asked of the key alone,
    not of a table of the text's many topics)."""
    return int(bool(topics) and (key == TOPIC or (key[:1] == TOPIC and key[1:] in topics)))


# Spellings no word has: that an answer read only whether the text writes a spelling, not how
# often (``written``), is noted as a read of WRITTEN + the spelling where the text writes it,
# else of UNWRITTEN + it, counted 1 while that holds (``noted_count``): a settle pass whose
# fixes change how often the text writes Ukraine decides again only the words that read the
# count, not those that read whether it writes Ukraine at all (engine.py: ``flipped``).
WRITTEN, UNWRITTEN = "\x01", "\x02"


def written(counts: Mapping[str, int], key: str) -> bool:
    """Whether ``counts`` (a text's, as ``Counts``) counts ``key``, read as that alone: noted so
    while ``counts`` notes reads (an answer holds for any text that writes it, however often)."""
    n = counts.get(key, 0)
    if isinstance(counts, Counts) and counts.reads is not None:
        counts.reads.append(((WRITTEN if n else UNWRITTEN) + key, 1))
    return bool(n)


def noted_count(counts: Mapping[str, int], key: str, topics: frozenset[str]) -> int:
    """What the text counts of a key that an answer noted, of a spelling its count; for
    ``note_topics``'s, ``written``'s and ``read_lean``'s keys, 1 where what they noted still
    holds, else 0."""
    head = key[:1]
    if head == WRITTEN:
        return int(bool(counts.get(key[1:], 0)))
    if head == UNWRITTEN:
        return int(not counts.get(key[1:], 0))
    if head == LEAN:
        return int(isinstance(counts, Counts) and counts.lean == int(key[1:]))
    return counts.get(key, 0) or topic_count(key, topics)


def flipped(changed: Iterable[str], counts: Mapping[str, int]) -> set[str]:
    """The ``written`` notes that no longer hold when the text's counts of the spellings
    ``changed`` changed (now ``counts``): WRITTEN + a spelling the text no longer writes,
    UNWRITTEN + one it now writes."""
    return {(UNWRITTEN if counts.get(k, 0) else WRITTEN) + k for k in changed if k[:1] != TOPIC}


# A spelling no word has: that an answer read the text's romanization of the places it names
# (``read_lean``) is noted as a read of LEAN + the lean (-1, 0, 1), counted 1 while it holds.
LEAN = "\x04"
# A spelling tells the text's romanization where it and the other one are both in use (Kyiv and
# Kiev, Kharkiv and Kharkov, Odesa 1.6 and Odessa; not Sumy beside Symi 1.4, a Greek island's name)
LEAN_IN_USE_ZIPF = 1.5


def romanizations(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The spellings of places that the lexicon's house style of romanization prefers (Kyiv, Odesa,
    Donbas, Kremenchuk) and their other romanizations that it does not (Kiev, Odessa, Donbass,
    Kremenchug), as written (lexicon.ROMANIZATION_STYLE's rows of places, compiled)."""
    rows = lexicon.romanizations()
    return rows.preferred, rows.variants


def romanization_lean(counts: Mapping[str, int], lexicon: Lexicon) -> int:
    """Which romanization of places the text writes: 1 where it writes the spellings the house
    style prefers more often than their other romanizations (Kyiv, Kharkiv, Donbas), -1 where less
    often (Kiev, Kharkov, Donbass), 0 where as often or neither; counting a spelling only where
    it and another of the place's are both in use (LEAN_IN_USE_ZIPF)."""
    preferred, variants, others = lexicon.romanizations()
    ours = theirs = 0
    for word, n in counts.items():
        rivals = others.get(word)
        if not rivals or lexicon.zipf(word) < LEAN_IN_USE_ZIPF:
            continue
        if any(lexicon.zipf(r) >= LEAN_IN_USE_ZIPF for r in rivals):
            ours += n * (word in preferred)
            theirs += n * (word in variants)
    return (ours > theirs) - (ours < theirs)


def read_lean(counts: Mapping[str, int]) -> int:
    """The text's ``romanization_lean`` (Document.of works it out), noted as read while
    ``counts`` notes reads; 0 for counts no Document made."""
    lean = counts.lean if isinstance(counts, Counts) and counts.lean is not None else 0
    if isinstance(counts, Counts) and counts.reads is not None:
        counts.reads.append((LEAN + str(lean), 1))
    return lean


def lean_moved(changed: Iterable[str], lexicon: Lexicon) -> set[str]:
    """The ``read_lean`` notes that may no longer hold when the text's counts of the spellings
    ``changed`` changed: all of them where one is a spelling of the house style's table."""
    preferred, variants = romanizations(lexicon)
    return {LEAN + str(n) for n in (-1, 0, 1)} if any(k in preferred or k in variants for k in changed) else set()


# The words around position i that a decision about it reads (title_phrase looks back
# past a given name and its particles to a title of up to four words; village reads four
# words ahead), with what it reads of each.
WINDOW_BEFORE = 8
WINDOW_AFTER = 5
Window = tuple[tuple[str, int, str | None] | None, ...]


def window(words: Sequence[Word], i: int) -> Window:
    """What a decision about the word at ``i`` can read of the words around it: each
    word's core, its flags (skip, sentence start, pause after, and whether it stands right
    after the word before, or two characters after it) and its written form where that is not its core. A window is
    kept as a memo key for each word decided: one tuple of three a word, no copy of the
    written form where the core says it, so that the keys of a long text stay small."""
    out: list[tuple[str, int, str | None] | None] = []
    n = len(words)
    for j in range(i - WINDOW_BEFORE, i + WINDOW_AFTER + 1):
        if 0 <= j < n:
            w = words[j]
            gap = w.token.start - words[j - 1].token.end if j > 0 else 9
            # (two characters apart: an abbreviated title's full stop and a space, Mr. [Lavrov])
            flags = w.skip | w.sentence_start << 1 | w.pause_after << 2 | (gap <= 1) << 3 | (gap == 2) << 4
            written = w.token.text
            out.append((w.core, flags, None if written == w.core else written))
        else:
            out.append(None)
    return tuple(out)


class Document(NamedTuple):
    """What decisions read of the whole document besides a word's neighbours: how often it
    writes each spelling (words not ``skip``), the countries it is about and its own listed
    spellings. Worked out once when a long text is checked a piece at a time (engine.py)."""

    in_document: Counts
    topics: frozenset[str]
    own_names: frozenset[str]

    @classmethod
    def of(cls, written: Iterable[str] | Mapping[str, int], lexicon: Lexicon, memo: Memo | None = None) -> Document:
        """From the spellings the document writes (or their counts)."""
        in_document = Counts(written)
        in_document.lean = romanization_lean(in_document, lexicon)
        return cls(in_document, document_topics(in_document, lexicon, memo), document_names(in_document, lexicon))


@dataclass(frozen=True, slots=True)
class Context:
    """One document as the decision sees it (built once per document by ``decide``)."""

    words: Sequence[Word]
    lexicon: Lexicon
    speller: Speller
    names: NameMatcher
    bigrams: Bigrams
    model: Model
    in_document: Counts  # how often each spelling occurs in the text
    topics: frozenset[str]  # the countries the text is about
    own_names: frozenset[str]  # listed spellings the text uses that are no target on their own
    # Answers to pure questions about a word and its neighbours, each asked once per document
    # (keys start with the question's name); dropped with the Context, never shared.
    memo: Memo = field(default_factory=dict, compare=False, repr=False)
    # Answers about positions of these words, each worked out in one pass over them when first
    # asked (features.foreign_named's sentence prefixes); unlike ``memo``, never outlives them.
    positions: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        words: Sequence[Word],
        lexicon: Lexicon,
        speller: Speller,
        names: NameMatcher,
        bigrams: Bigrams,
        model: Model,
        memo: Memo | None = None,
        document: Document | None = None,
    ) -> Context:
        """``document``: what the whole document says, when ``words`` are only a piece of it."""
        memo = {} if memo is None else memo
        doc = document if document is not None else Document.of((w.core for w in words if not w.skip), lexicon, memo)
        return cls(words, lexicon, speller, names, bigrams, model, doc.in_document, doc.topics, doc.own_names, memo)


def typed_zipf(core: str, lexicon: Lexicon) -> float:
    """How often real text uses the word as typed; a known misspelling is no evidence of a word."""
    return 0.0 if core.lower() in lexicon.typos else lexicon.zipf(core)


def short_unlisted(core: str, lexicon: Lexicon) -> bool:
    """A lowercase word of two to SHORT_UNLISTED letters that no English list has, however often text
    has it (up to Zipf SHORT_UNLISTED_ZIPF: lng, pst, tak, ide; iw, tk): an abbreviation's or a
    name's letters in lowercase, or a slip of a common word, weighed less its Zipf
    (``short_unlisted``) rather than taken as known."""
    low = core.lower()
    return (
        2 <= len(low) <= SHORT_UNLISTED
        and core.islower()
        and core.isalpha()
        and low not in lexicon.words
        and lexicon.zipf(low) < SHORT_UNLISTED_ZIPF
    )


def typed_prior(word: str, lexicon: Lexicon) -> float:
    """``typed_zipf``, and for a capitalized word that is a listed name at least its prominence."""
    zipf = typed_zipf(word, lexicon)
    low = word.lower()
    if word[:1].isupper() and low in lexicon.name_index:
        return max(zipf, lexicon.name_prior[low][0])
    return zipf


def unlike(words: Sequence[Word], first: int, stop: int, kinds: Mapping[str, int], plain: int) -> list[int]:
    """The positions from ``first`` to ``stop`` of the words whose core ``kinds`` does not say is
    ``plain`` (those it says otherwise of, and those it does not know yet), in order: the one
    pass over a piece's words that each step makes, run in C (the cores, their kinds and the
    test mapped), not in a loop of Python."""
    cores = map(_CORE, words[first:stop])
    return list(compress(range(first, stop), map(ne, map(kinds.get, cores), repeat(plain))))


_CORE = attrgetter("core")


def adjacent(words: Sequence[Word], a: int, b: int) -> bool:
    """Words ``a`` and ``b`` (a < b) stand side by side, with at most one space or mark between."""
    return words[b].token.start - words[a].token.end <= 1


def spaced_join(words: Sequence[Word], a: int, b: int) -> bool:
    """Words ``a`` and ``b`` (a < b) can be the capitalized parts of one name whose hyphen a scan
    spaced (Ban Ki- [Moon], Tijjani Muhammad- [Bande]): two characters between, no pause after
    ``a`` and no sentence break, both capitalized, ``a`` checked (tokenize keeps such a first
    part, ``_spaced_name_part``, and marks a word cut off by a hyphen ``skip``). A name's parts
    there pin it down as if the hyphen were closed up. Words do not keep the characters between
    them, so an opening bracket or a quote passes too (Nuclear Weapons (NPT), Nations’ Charter;
    in the dev copy 227 " (", 66 "- ", 13 quotes): only a listed name with both words side by
    side makes one a partner, and none has an acronym's bracket in it."""
    first, second = words[a], words[b]
    return (
        second.token.start - first.token.end == 2
        and not first.skip
        and not first.pause_after
        and not second.sentence_start
        and first.core[:1].isupper()
        and second.core[:1].isupper()
    )


def village(words: Sequence[Word], i: int) -> bool:
    """The text introduces a small place: "the village of X", "X village", "X in the Kursk
    region" (a place located by its region is too small to be known by itself)."""
    before = [w.core.lower() for w in words[max(0, i - 2) : i]]
    after = [w.core for w in words[i + 1 : i + 5]]
    if after and adjacent(words, i, i + 1) and after[0].lower() in VILLAGE_NOUNS:
        return True
    located = (
        len(after) == 4
        and [a.lower() for a in after[:2]] == ["in", "the"]
        and after[2][:1].isupper()
        and after[3].lower() in PLACE_NOUNS
    )
    return (len(before) == 2 and before[1] == "of" and before[0] in VILLAGE_NOUNS) or located


def beside_unlisted_name(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """A capitalized word right beside this one is neither English nor in any list: the
    two are likely one name that no list has (Tobi Lutke, Viv Ansanm, Aspmyra Stadion)."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words) or not adjacent(words, min(i, j), max(i, j)):
            continue
        if unlisted_name(words[j], lexicon):
            return True
    return False


def before_name(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The word at ``i`` is followed right away by a listed surname or a capitalized word
    that no list or dictionary has (Keya [Sharma]): the first of two words of a name."""
    if i + 1 >= len(words) or words[i].pause_after or not adjacent(words, i, i + 1):
        return False
    nxt = words[i + 1]
    low = nxt.core.lower()
    return not nxt.skip and shape(nxt.core) == "title" and (low in lexicon.surnames or unlisted_name(nxt, lexicon))


def unlisted_name(other: Word, lexicon: Lexicon) -> bool:
    """A capitalized word that is neither English nor in any list."""
    low = other.core.lower()
    return (
        not other.skip
        and len(low) >= 3
        and shape(other.core) == "title"
        and low not in lexicon.words
        and low not in lexicon.extra_words
        and low not in lexicon.name_index
        and not lexicon.knows_folded(other.core)
    )


# A Latin binomial: a genus (a capitalized Latin noun) and its species' epithet, lowercase
# (Orycteropus afer, Canis lupus, Quercus robur, Rosa canina)
GENUS_ENDINGS = ("us", "um", "is", "es", "ops", "on", "ax", "ix", "ex", "yx", "a")
EPITHET_ENDINGS = ("us", "um", "is", "ae", "ii", "er", "es", "ens", "ur", "a", "i", "ix", "ex")
MIN_GENUS = 4


def latin_binomial(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The lowercase word at ``i`` has a Latin ending and follows, one space apart in a clause,
    a capitalized word with a genus's Latin ending that no list or dictionary has (Orycteropus
    [afer], Trinervitermes [bettonianus]): a species' epithet, Latin, not a slip of English
    (after), even at a sentence's start (a capitalized word that no list has is no English word)."""
    core = words[i].core
    if i == 0 or len(core) < 3 or not core.islower() or not core.endswith(EPITHET_ENDINGS):
        return False
    genus = words[i - 1]
    return (
        words[i].token.start - genus.token.end == 1
        and not genus.pause_after
        and len(genus.core) >= MIN_GENUS
        and genus.core.lower().endswith(GENUS_ENDINGS)
        and unlisted_name(genus, lexicon)
    )


def listed_with_unlisted(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """An item beside the word in a list is a capitalized word that no list or dictionary has
    (Nemerovski, Canady, Falk; Titchell, Maltzman, and Mark): a list of names that no list has,
    a law firm's or a roll of people, where the word is most likely one more of them."""
    return any(unlisted_name(words[j], lexicon) for j in list_items(words, i))


SPELLING_REACH = 2  # edits between two spellings of one name that a text lists side by side
MIN_SPELLING = 5  # letters of each (not Mali, Malawi)


def spellings_listed(words: Sequence[Word], i: int, lexicon: Lexicon) -> int:
    """How many items beside the capitalized word at ``i`` in a list (across a comma, and,
    or) are other spellings of it that no list or dictionary has: capitalized words with its
    first letter, within SPELLING_REACH edits of it, accents folded (Alibamu, Alabamo, Albama,
    Alibama; Albaamo, Albaama or Albàamo). The text lists a name's spellings, as a history of
    the name does: none of them is a slip of another, or of the name's settled spelling."""
    core = words[i].core
    if len(core) < MIN_SPELLING or shape(core) != "title":
        return 0
    low = fold(core).lower()
    return sum(
        1
        for j in list_items(words, i)
        if len(words[j].core) >= MIN_SPELLING
        and unlisted_name(words[j], lexicon)
        and (other := fold(words[j].core).lower())[0] == low[0]
        and other != low
        and OSA.distance(other, low, score_cutoff=SPELLING_REACH) <= SPELLING_REACH
    )


def in_title_phrase(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The word stands in a capitalized phrase of English words ("Treaty of Friendshio",
    "Red Crrescent", "Exclusion Zoen"): a name made of words, not of names."""
    for step in (-1, 1):
        j = i + step
        if not 0 <= j < len(words) or not adjacent(words, min(i, j), max(i, j)):
            continue
        if (
            words[j].core in PHRASE_GLUE
            and 0 <= j + step < len(words)
            and adjacent(words, min(j, j + step), max(j, j + step))
        ):
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


def after_given_name(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """The word right before is a given name of some official (Mariya, Denys): this one is a surname."""
    if i == 0 or words[i - 1].skip or not adjacent(words, i - 1, i):
        return False
    before = words[i - 1].core
    low = before.lower()
    return (
        len(before) >= 3
        and shape(before) == "title"
        and low in lexicon.given_names
        and low not in TITLES  # King, Sheikh: a title, and places have kings too
        and low not in GEOGRAPHIC_NOUNS  # Lake, Bay, River: a noun of the place it names (Lake Chad)
        and lexicon.words.get(low, 0.0) < COMMON_ZIPF  # Just, Will, May: English first
    )


def completes_person(partners: list[tuple[int, str] | None], lexicon: Lexicon) -> bool:
    """Some candidate and the word beside it make the full name of an official (Merio Draghi:
    Mario Draghi): then the word is part of a person's name, not a place. ``partners`` are
    the candidates' ``beside_partner`` answers."""
    return any(hit is not None and lexicon.entries[lexicon.spellings[hit[0]][1]][2] == "person" for hit in partners)


def person_prominence(key: str, lexicon: Lexicon) -> float:
    ids = lexicon.name_index[key]
    return max(
        prominence
        for (_, _, prominence), kind in zip(lexicon.spelling_rows(ids), lexicon.spelling_kinds(ids), strict=True)
        if kind == "person"
    )


def names_person(key: str, lexicon: Lexicon) -> bool:
    return "person" in lexicon.spelling_kinds(lexicon.name_index[key])


def document_names(in_document: Counter[str], lexicon: Lexicon) -> frozenset[str]:
    """Listed spellings the text itself uses that are no correction target on their own
    (Makeyevka, Kremenchug): within this text, a near miss of one is a typo of it."""
    return frozenset(
        low
        for word in in_document
        if word[:1].isupper()
        and len(word) >= 4
        and (low := word.lower()) in lexicon.name_index
        and low not in lexicon.targets
    )


def settled_name(key: str, lexicon: Lexicon) -> bool:
    """A country, capital or region whose main English name this is."""
    prominence, kind = lexicon.name_prior.get(key, (0.0, ""))
    return kind == "place" and prominence >= CAPITAL and key in lexicon.prominent


def rare_sequences(low: str, lexicon: Lexicon) -> int:
    """How many of the word's letter triples are (nearly) unknown to the lexicon; letters
    outside ASCII ("Plötner") belong to other languages' names, not to typing."""
    return len(rare_triples(low, lexicon))


def rare_triples(low: str, lexicon: Lexicon) -> list[str]:
    return [tri for tri in trigrams(low) if tri.isascii() and lexicon.trigrams.get(tri, 0) < RARE_TRIGRAM]


def own_entities(low: str, lexicon: Lexicon) -> dict[int, float]:
    """Entities that ``low`` names on its own (a one-word spelling), and people whose names
    it is part of (Monastyrsky), with their prominence."""
    own: dict[int, float] = {}
    unused = low not in lexicon.targets and lexicon.zipf(low) == 0.0
    misspelled = low in lexicon.typos  # codespell: a misspelling in English copy (Istambul)
    ids = lexicon.name_index.get(low, ())
    for (parts, entity, prominence), kind in zip(lexicon.spelling_rows(ids), lexicon.spelling_kinds(ids), strict=True):
        name = fold(lexicon.entries[entity][1])
        foreign_slip = misspelled or (
            unused and (slip_of(low, name) or (prominence >= CAPITAL and kind == "place" and struck_for(low, name)))
        )
        if kind == "person" or (len(parts) == 1 and not foreign_slip):
            own[entity] = max(prominence, own.get(entity, 0.0))
        # else a foreign name of a place that English text never uses, a letter dropped, added
        # or swapped from its English name (Vilnus, Kiyv), or struck for another in the name of a
        # capital, or a city or region of CAPITAL's prominence (Khartoem, Bogoto: Dutch and Polish
        # names; a region of lexicon.PEOPLED_REGION's people is as prominent), or one
        # that codespell lists as a misspelling (Istambul): in English copy, a slip of that name
    return own


def struck_for(alias: str, name: str) -> bool:
    """``alias`` is ``name`` with one letter struck for another that is no romanization choice
    (Bogoto, Khartoem; not Lugansk, Chisinău)."""
    alias = fold(alias)
    return (
        len(alias) == len(name)
        and sum(a != b for a, b in zip(alias, name, strict=True)) == 1
        and not slavic_g_variant(alias, name)
        and not romanization_variant(alias, name)
    )


def slip_of(alias: str, name: str) -> bool:
    """``alias`` is ``name`` with a letter dropped, added or two letters swapped: what a
    keyboard does, not a romanization (Kremenchug, Energodar swap one letter for another)."""
    alias = fold(alias)
    return (
        alias != name and OSA.distance(alias, name) == 1 and (len(alias) != len(name) or sorted(alias) == sorted(name))
    )


def entities(key: str, lexicon: Lexicon) -> set[int]:
    return set(lexicon.spelling_entities(lexicon.name_index.get(key, ())))


def proper(key: str, lexicon: Lexicon) -> bool:
    """A name rather than a common word: not an English word, or one that is mostly a name."""
    return (
        key not in lexicon.words
        or key in lexicon.prominent
        or key in lexicon.surnames
        or demonym(key, lexicon)
        or lexicon.name_prior[key][0] >= lexicon.words[key]  # named more than said (Frankfurt, Dnieper)
    )


def in_foreign_phrase(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """A neighbour is also a capitalized word that is neither English nor a listed name,
    though real text may use it: a transliterated phrase ("Druzhby Narodiv", "Ekho
    Moskvy"), whose words keep their own grammar."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words) or words[j].skip:
            continue
        if adjacent(words, *sorted((i, j))):
            core = words[j].core
            if core[:1].isupper() and not lexicon.knows(core) and lexicon.words.get(core.lower()) is None:
                return True
    return False


def name_worthy(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, in_document: Counter[str], memo: Memo | None = None
) -> bool:
    """A capitalized word may become an English word only if that word is a name here:
    an official's surname, a country or capital, or the part of a longer name whose
    other part stands beside it ("Russian Fedeation")."""
    core = words[i].core
    if not core.isascii() and key in lexicon.words:
        # "Hoş" is a foreign word, not a typo of "Hot"; but a word with accents may be the slip of a
        # name named more than written as a word (Reykavík: Reykjavik), other than its own letters
        # without the accents (Perú is Peru as Spanish writes it, no slip)
        return proper(key, lexicon) and fold(core) != key
    if proper(key, lexicon):
        return True
    if written(in_document, lexicon.display[key]):
        return True  # the document itself uses it as a name
    return beside_partner(words, i, key, lexicon, memo) is not None


def place_noun(words: Sequence[Word], i: int) -> str:
    """What says that the word at ``i`` names a place: a region noun after it ("Sumy region",
    "Zaporizhzhia regions"), or after the next place of two ("the Chernihiv and Sumy regions"),
    or a noun of land, water or settlement and "of" before it ("the Gulf of Oman", "the city of
    Sumy"), all side by side."""
    if i + 1 < len(words) and adjacent(words, i, i + 1):
        after = [w.core for w in words[i + 1 : i + 4]]
        if after[0].lower() in PLACE_NOUNS:
            return f"before '{after[0]}'"
        if (
            len(after) == 3
            and after[0].lower() in LIST_GLUE
            and after[1][:1].isupper()
            and after[2].lower() in PLURAL_PLACE_NOUNS
            and adjacent(words, i + 1, i + 2)
            and adjacent(words, i + 2, i + 3)
        ):
            return f"before '{' '.join(after)}'"
    if i >= 2 and words[i - 1].core.lower() == "of" and words[i - 2].core.lower() in OF_PLACE_NOUNS:
        if adjacent(words, i - 2, i - 1) and adjacent(words, i - 1, i) and not words[i - 1].sentence_start:
            return f"after '{words[i - 2].core} of'"
    return ""


def water_not_named(words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None) -> str:
    """The noun of inland water right after the word at ``i`` (``WATER_NOUNS``: the Chira river)
    where no listed name has that noun after ``key``; "" where there is none, or a listed name
    has it."""
    if i + 1 >= len(words) or not adjacent(words, i, i + 1):
        return ""
    noun = words[i + 1].core
    if noun.lower() not in WATER_NOUNS:
        return ""
    if key in lexicon.name_index:
        _, after = for_word(memo, "name_neighbours", key, partial(name_neighbours, key, lexicon))
        if noun.lower().rstrip("s") in after or noun.lower() in after:
            return ""
    return noun


def called_settlement(words: Sequence[Word], i: int) -> bool:
    """The copy calls the word at ``i`` a settlement: a noun of one and "of" right before it
    ("the town of Irun"), or an apposition after a comma that begins with an article and ends
    with one ("Irun, a Basque town"; "Kapan, the city"), in one phrase."""
    if i >= 2 and words[i - 1].core.lower() == "of" and words[i - 2].core.lower() in SETTLEMENT_NOUNS:
        return adjacent(words, i - 2, i - 1) and adjacent(words, i - 1, i) and not words[i - 2].pause_after
    if not comma_sides(words, i)[1] or words[i + 1].core.lower() not in APPOSITION_ARTICLES:
        return False
    for k in range(i + 2, min(len(words), i + 2 + APPOSITION_REACH)):
        if not adjacent(words, k - 1, k) or words[k - 1].pause_after or words[k].skip:
            return False
        # (the noun itself, not its possessive: "Irun, the town's mayor" calls a person Irun)
        if words[k].core.lower() in SETTLEMENT_NOUNS and words[k].token.text.lower() == words[k].core.lower():
            return True
    return False


def meeting_noun(words: Sequence[Word], i: int) -> str:
    """The noun of a meeting or an accord named after the place at ``i``: "Sendai Framework",
    "Minsk agreements"."""
    if i + 1 < len(words) and adjacent(words, i, i + 1) and words[i + 1].core.lower() in MEETING_NOUNS:
        return words[i + 1].core
    return ""


def event_before(words: Sequence[Word], i: int) -> str:
    """The word of an event before "in" or "at" before the word at ``i``, in one phrase: an
    event is held somewhere ("held in [Paris]", "the Summit in [Rome]", "the meeting at [Camp
    David]"), where "in" alone also takes a year, a field or a text."""
    if i < 2 or not (adjacent(words, i - 2, i - 1) and adjacent(words, i - 1, i)):
        return ""
    if words[i - 1].core.lower() not in EVENT_PREPOSITIONS:
        return ""
    word = words[i - 2].core
    return word if word.lower() in EVENT_WORDS else ""


def country_beside(words: Sequence[Word], i: int, lexicon: Lexicon) -> list[str]:
    """The countries written next to the word at ``i`` as the items before and after it in a
    list: "Jordan, X, Yemen", "Venezuela and X" (not across a full stop)."""
    return [
        words[j].core
        for j in list_items(words, i)
        if words[j].core[:1].isupper() and not words[j].skip and is_country(words[j].core.lower(), lexicon)
    ]


def comma_sides(words: Sequence[Word], i: int) -> tuple[bool, bool]:
    """Whether a comma and a space (", ") and nothing else part the word at ``i`` from the word
    before it (in the same sentence) and from the word after it."""
    before = i > 0 and words[i - 1].pause_after and not words[i].sentence_start and _comma_gap(words, i - 1, i)
    after = i + 1 < len(words) and words[i].pause_after and _comma_gap(words, i, i + 1)
    return before, after


def city_and_country(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> str:
    """The neighbour across a comma that locates the place ``key`` read at ``i``, or that it
    locates: a country after one of its places ("Tripoli, Libya"), or a place of the country
    ``key`` names before it ("Nairobi, Kenya"). Empty when there is none."""
    before, after = comma_sides(words, i)
    for j, ok in ((i - 1, before), (i + 1, after)):
        if not ok or words[j].skip or not words[j].core[:1].isupper():
            continue
        other = words[j].core.lower()
        country, place = (key, other) if j < i else (other, key)
        if j < i and is_country(key, lexicon) and _named_before(words, j, key, lexicon):
            return words[j].core  # a city of several words (Port-au-Prince, [Haiti])
        if j > i and not is_country(other, lexicon) and key in lexicon.name_index:
            # a country of several words ([Seul], Republic of Korea; Jeddah, Saudi Arabia)
            named = country_named_at(words, j, lexicon)
            if named and _lies_in(key, {named}, lexicon):
                return words[j].core
            continue
        if other == key or not is_country(country, lexicon) or place not in lexicon.name_index:
            continue
        if j > i and _in_country_list(words, j, lexicon):
            continue  # a list of countries (wars in [Faza], Iraq, Syria): the country locates nothing
        names = {lexicon.countries[lexicon.spellings[idx][1]] for idx in lexicon.name_index[country]}
        if _lies_in(place, names, lexicon):
            return words[j].core
    return ""


def _lies_in(place: str, countries: set[str], lexicon: Lexicon) -> bool:
    """A place that ``place`` names by itself (one word), no country, lies in one of ``countries``."""
    return any(
        len(lexicon.spellings[idx][0]) == 1
        and lexicon.countries[lexicon.spellings[idx][1]] in countries
        and not is_country(place, lexicon)
        for idx in lexicon.name_index[place]
    )


def country_named_at(words: Sequence[Word], j: int, lexicon: Lexicon) -> str:
    """The country whose listed name of two words or more begins at ``j``, written in full in one
    phrase (Republic of Korea, Saudi Arabia, Bosnia and Herzegovina), or ""."""
    run = [words[j].core]
    found = ""
    for k in range(j + 1, min(len(words), j + MAX_CITY_WORDS)):
        if words[k].skip or words[k - 1].pause_after or not adjacent(words, k - 1, k):
            break
        run.append(words[k].core)
        idx = None if run[-1].lower() in NAME_GLUE else listed_pair(tuple(run[:-1]), run[-1].lower(), lexicon)
        if idx is not None and len(lexicon.spellings[idx][0]) == len(run):
            _, entity, prominence = lexicon.spellings[idx]
            if prominence >= COUNTRY_PROMINENCE and lexicon.entries[entity][2] == "place":
                found = lexicon.countries[entity]
    return found


def _in_country_list(words: Sequence[Word], j: int, lexicon: Lexicon) -> bool:
    """The country at ``j`` is followed by another country as the next item of a list (Iraq, Syria)."""
    return any(
        k > j and words[k].core[:1].isupper() and not words[k].skip and is_country(words[k].core.lower(), lexicon)
        for k in list_items(words, j)
    )


def _named_before(words: Sequence[Word], j: int, country: str, lexicon: Lexicon) -> bool:
    """The words that end at ``j``, two to four of them side by side, are a listed spelling of a
    place of ``country`` (Port-au-Prince, San Jose, Abu Dhabi)."""
    names = {lexicon.countries[lexicon.spellings[idx][1]] for idx in lexicon.name_index[country]}
    for first in range(j - 1, max(-1, j - MAX_CITY_WORDS), -1):
        if words[first].skip or words[first].pause_after or not adjacent(words, first, first + 1):
            return False
        parts = tuple(w.core.lower() for w in words[first : j + 1])
        for idx in lexicon.name_index.get(parts[-1], ()):
            spelled, entity, _ = lexicon.spellings[idx]
            if tuple(p.lower() for p in spelled) == parts and lexicon.countries[entity] in names:
                if lexicon.entries[entity][2] == "place":
                    return True
    return False


MAX_CITY_WORDS = 4  # words of a city's listed name before a comma and its country


def titled_next(words: Sequence[Word], i: int, lexicon: Lexicon) -> str:
    """The next word is an English word capitalized inside a sentence, as the words of a
    title are (paris Agreement, Sendai Framework): the name before it is the title's first.
    Not a name's word: a direction before a place is English style (southern Africa)."""
    if i + 1 >= len(words) or words[i].pause_after or not adjacent(words, i, i + 1):
        return ""
    nxt = words[i + 1]
    core = nxt.core
    if nxt.skip or nxt.sentence_start or not (core[:1].isupper() and core[1:].islower()):
        return ""
    low = core.lower()
    return core if low in lexicon.words and low not in lexicon.name_index else ""


def office_of(words: Sequence[Word], i: int) -> bool:
    """A title or a people's noun and "of" stand right before ``i``: "President of [X]",
    "the people of [X]", where English names a country."""
    if i < 2 or words[i - 1].core != "of" or not adjacent(words, i - 1, i) or not adjacent(words, i - 2, i - 1):
        return False
    return words[i - 2].core.lower() in OFFICE_NOUNS


def is_country(key: str, lexicon: Lexicon) -> bool:
    """``key`` names a country by itself (a listed place of a country's prominence)."""
    prior = lexicon.name_prior.get(key)
    return prior is not None and prior[1] == "place" and prior[0] >= COUNTRY_PROMINENCE


def places_beside(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> list[str]:
    """The items before and after the word at ``i`` in a list (``list_items``) that are
    listed places of a country that a place named ``key`` lies in, neither a country nor a
    region that locates it ("Kharkiv, Chernihiv, [Sumy]"; not "Bilohorivka, Luhansk region",
    where the region says where the village is, nor a country, which ``country_beside`` counts)."""
    own = None  # (asked at the first item that may share a country with it: most words are in no list)
    found = []
    for j in _named_items(words, i, key, regions=True):
        other = words[j].core.lower()
        if other not in lexicon.name_index or is_country(other, lexicon) or lexicon.name_prior[other][1] != "place":
            continue
        own = _countries_of(key, lexicon) if own is None else own
        if own & _countries_of(other, lexicon) and not locating_region(words, i, j, key, lexicon):
            found.append(words[j].core)
    return found


def locating_region(words: Sequence[Word], i: int, j: int, key: str, lexicon: Lexicon) -> bool:
    """The item at ``j`` comes right after the word at ``i`` across a comma, names by itself a
    listed region (a province, a state), and the two are the whole list (no item before ``i``,
    none after ``j``): the region says where the place at ``i`` is ("in Daraga, Albay, where";
    "Springfield, Illinois"), as a region noun does ("Bilohorivka, Luhansk region"), so that a
    reading ``key`` that is itself only a region (Caraga) is no list item beside it; a town's
    reading may lie in that region (in [Pulu], Sulawesi: Palu) and keeps it."""
    if j != i + 1 or not words[i].pause_after or any(k < i for k in list_items(words, i)):
        return False
    if not _names_region(key, lexicon):
        return False
    if any(k > j for k in list_items(words, j)) and not words[j + 1].core[:1].islower():
        return False
    return _names_region(words[j].core.lower(), lexicon)


def _names_region(low: str, lexicon: Lexicon) -> bool:
    """``low`` by itself is the name of a listed region and of no other kind of place."""
    kinds = {
        lexicon.entries[entity].description.split(",")[0]
        for parts, entity, _ in (lexicon.spellings[idx] for idx in lexicon.name_index.get(low, ()))
        if len(parts) == 1 and lexicon.entries[entity].kind == "place"
    }
    return kinds == {"region"}


def cities_beside(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> list[str]:
    """The items before and after the word at ``i`` in a list (``list_items``) that are the
    settled names of big cities of another country (a capital, or a city as prominent:
    ``settled_name``, no country), where ``key`` is one too ("Paris and Kyiv. For [Burlin] and
    Warsaw"; "Istanbul, [Abku]"): a list of capitals, which ``places_beside`` does not count
    (it counts the places of ``key``'s own country)."""
    if not settled_name(key, lexicon) or is_country(key, lexicon):
        return []
    own = None  # (asked at the first item that is a big city's name: most words are in no list)
    found = []
    for j in _named_items(words, i, key):
        other = words[j].core.lower()
        if settled_name(other, lexicon) and not is_country(other, lexicon):
            own = _countries_of(key, lexicon) if own is None else own
            if not own & _countries_of(other, lexicon):
                found.append(words[j].core)
    return found


def _named_items(words: Sequence[Word], i: int, key: str, regions: bool = False) -> Iterator[int]:
    """The items before and after ``i`` in a list (``list_items``) that ``places_beside`` and
    ``cities_beside`` read: capitalized words other than ``key`` that no noun beside them names
    as a place of their own (``place_noun``: "Bilohorivka, Luhansk region"); with ``regions``, a
    plural region noun the two share is no such noun ("the Voronezh and [Tula] regions": two
    regions of one country, as in any list of its places)."""
    for j in list_items(words, i):
        word = words[j]
        if word.skip or not word.core[:1].isupper() or word.core.lower() == key:
            continue
        if not place_noun(words, j) or (regions and shared_plural(words, i, j)):
            yield j


def shared_plural(words: Sequence[Word], i: int, j: int) -> bool:
    """Words ``i`` and ``j`` of a list end in a plural region noun right after the later one,
    which both share ("the Ivanovo and Samara regions")."""
    k = max(i, j) + 1
    return k < len(words) and adjacent(words, k - 1, k) and words[k].core.lower() in PLURAL_PLACE_NOUNS


def _countries_of(key: str, lexicon: Lexicon) -> set[str]:
    """The countries of the places that ``key`` names by itself (one word)."""
    found = set()
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, _ = lexicon.spellings[idx]
        if len(parts) == 1 and lexicon.countries[entity]:
            found.add(lexicon.countries[entity])
    return found


def list_items(words: Sequence[Word], i: int) -> Iterator[int]:
    """The positions of the items before and after ``i`` in a list: across one comma, or across "and"/"or"."""
    if i > 0 and words[i - 1].pause_after and not words[i].sentence_start and _comma_gap(words, i - 1, i):
        yield i - 1
    elif i > 1 and words[i - 1].core in LIST_GLUE and adjacent(words, i - 1, i) and adjacent(words, i - 2, i - 1):
        yield i - 2
    if i + 1 < len(words):
        if words[i].pause_after and not words[i + 1].sentence_start and _comma_gap(words, i, i + 1):
            yield i + 1
        elif i + 2 < len(words) and words[i + 1].core in LIST_GLUE and adjacent(words, i, i + 1):
            if adjacent(words, i + 1, i + 2):
                yield i + 2


MAX_LIST_ITEMS = 12  # items of a list read on either side of a word (``list_names``)


def list_names(words: Sequence[Word], i: int) -> tuple[str, ...]:
    """The other items of the list "A, B, C and D" in which the word at ``i`` is an item by
    itself, each a run of capitalized words lowercased ("Gabon, [Ligeria], Madagascar, Nigeria,
    and Sierra Leone": gabon, madagascar, nigeria, sierra leone; "Tanzania, The Gambia": the
    gambia), where a comma, and or or follows it (not Iran in "[Irzn] and Iran-backed groups").
    An item after a comma is one only where such a mark follows it ("Kyvi, Kyiv still stands":
    no list). Empty where the word stands in none, or is one word of a longer item (South [Suidan])."""
    first = _item_end(words, i, -1)
    if _item_end(words, i, 1) != i or first < i - 1 or (first < i and words[first].core.lower() != "the"):
        return ()
    out: list[str] = []
    for step in (-1, 1):
        k = first if step < 0 else i
        for _ in range(MAX_LIST_ITEMS):
            j, glued = _next_item(words, k, step)
            if j is None:
                break
            end = _item_end(words, j, step)
            a, b = min(j, end), max(j, end)
            closed = _next_item(words, b, 1)[0] is not None or (b + 1 < len(words) and words[b].pause_after)
            # (going right, an item a comma reached needs a mark after it)
            if step == 1 and not glued and not closed:
                break
            if closed:
                out.append(" ".join(words[m].core.lower() for m in range(a, b + 1)))
            k = end
    return tuple(out)


def _item_end(words: Sequence[Word], j: int, step: int) -> int:
    """The last word of the item at ``j`` going ``step`` (1: right, -1: left): adjacent
    capitalized words with no mark between them."""
    while 0 <= j + step < len(words):
        a, b = min(j, j + step), max(j, j + step)
        if words[a].pause_after or words[b].sentence_start or not adjacent(words, a, b):
            break
        if not words[j + step].core[:1].isupper():
            break
        j += step
    return j


def _next_item(words: Sequence[Word], k: int, step: int) -> tuple[int | None, bool]:
    """The first word of the next item of a list after the item that ends at ``k``, going
    ``step``: across a comma, and or or, or a comma and either (None where no list goes on),
    and whether and or or stands before it."""
    comma = glued = False
    j = k + step
    while 0 <= j < len(words):
        a, b = min(j, j - step), max(j, j - step)
        if words[b].sentence_start:
            break
        if words[a].pause_after and _comma_gap(words, a, b) and not comma:
            comma = True
        elif not adjacent(words, a, b) or words[a].pause_after:
            break
        if words[j].core.lower() in LIST_GLUE and not glued:
            glued = True
            j += step
            continue
        if (comma or glued) and words[j].core[:1].isupper():
            return j, glued
        break
    return None, False


def _comma_gap(words: Sequence[Word], a: int, b: int) -> bool:
    """Words ``a`` and ``b`` stand apart by a mark and a space (", ") and nothing else."""
    return words[b].token.start - words[a].token.end == 2


def place_first(key: str, prominence: float, lexicon: Lexicon) -> bool:
    """Text names this place about as often as it uses the word (China, London), unlike
    "Central" or "Nice": words first, whatever region or town is so called."""
    return lexicon.words.get(key, 0.0) <= prominence + PLACE_FIRST_SLACK


def named_prominence(key: str, lexicon: Lexicon, topics: frozenset[str]) -> float:
    """How likely text names a place (or person) called ``key``: the most prominent of its
    entities, where a far place counts only as much as text uses its name. Far means in no
    country the text is about (when it names any); countries and capitals are never far by
    their main names.
    So Domas (Damascus in Lithuanian) and Maringá (a Brazilian city, in a text on Ukraine)
    weigh what English text gives them, while Kharkov in a text on Ukraine keeps its city's
    prominence."""
    capped = lexicon.zipf(key) + ALIAS_SLACK
    if key in lexicon.words and lexicon.capitalized.get(key) is None:
        # an English word that text writes lowercase more often than capitalized (tub, an
        # alias of Touba): its frequency measures the word; the name is at most its capitals
        capped -= LOWERCASE_WORD_SHARE
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


def same_name(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None
) -> tuple[Entry | None, str, float]:
    """The entry of a name in which ``key`` stands right beside the typed word's exact
    neighbour, that neighbour, and the name's prominence."""
    hit = beside_partner(words, i, key, lexicon, memo)
    if hit is None:
        return None, "", 0.0
    idx, partner = hit
    name = lexicon.name(idx)
    return name.entry, partner, name.prominence


def beside_partner(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None
) -> tuple[int, str] | None:
    """A listed spelling with ``key`` next to the word that neighbours position ``i``."""
    hit = _beside(words, i, key, lexicon, memo)
    return None if hit is None else hit[:2]


def short_partner(words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """``beside_partner`` finds its partner only in a person's ``short_names`` (Javier [Milei]:
    Javier Gerardo Milei is listed, Javier Milei is not)."""
    hit = _beside(words, i, key, lexicon, memo)
    return hit is not None and hit[2]


def _beside(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None
) -> tuple[int, str, bool] | None:
    """``_partner_hit`` of ``key`` for the words beside position ``i``, asked once a key and sides."""
    if not partner_possible(words, i, lexicon):
        return None
    before, after = name_sides(words, i)
    # (and that word stands right before or after ``key`` in one: what ``_partner`` matches first, asked once a key)
    right_before, right_after = for_word(memo, "name_neighbours", key, partial(name_neighbours, key, lexicon))
    if (not before or before[-1].lower() not in right_before) and (not after or after[0].lower() not in right_after):
        return None
    return remember(memo, ("partner", key, before, after), partial(_partner_hit, key, before, after, lexicon))


def name_sides(words: Sequence[Word], i: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cores of ``name_side`` before and after the word at ``i`` (the last word's are kept)."""
    first = max(0, i - SIDE_REACH)
    near = tuple(words[first : i + SIDE_REACH + 1])
    last = _SIDES[0]
    if last is not None and last[1] == i - first and last[0] == near:
        return last[2], last[3]
    before = tuple(w.core for w in name_side(words, i, -1))
    after = tuple(w.core for w in name_side(words, i, 1))
    _SIDES[0] = (near, i - first, before, after)
    return before, after


def partner_possible(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """A partner stands in a listed name right beside the key: the word beside the typed one on a
    name side is a word of some listed name; else ``beside_partner`` finds none, whatever the key."""
    before, after = name_sides(words, i)
    index = lexicon.name_index
    return bool(before and before[-1].lower() in index) or bool(after and after[0].lower() in index)


# The name sides of the last word asked about: the words within reach of it (``name_side``
# reads SIDE_REACH on either side), its place among them, and the sides. Decisions ask about
# each name within reach of one word in a row. One tuple, replaced whole (threads).
SIDE_REACH = MAX_PARTICLES + 1
_SIDES: list[tuple[tuple[Word, ...], int, tuple[str, ...], tuple[str, ...]] | None] = [None]


def whole_name_before(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None
) -> tuple[int, str] | None:
    """A listed name with ``key`` in it, its words before the word at ``i`` written in full and
    capitalized, glue aside (New [york], Joe [biden], Republic of [malawi]): the longest such
    run of up to ``MAX_BEFORE`` words that begins with a capitalized word other than a
    function word (not "The valley" at the start of a sentence)."""
    start = i
    while start > 0 and i - start < MAX_BEFORE and adjacent(words, start - 1, start):
        word = words[start - 1]
        if word.skip or not (word.core[:1].isupper() or word.core.lower() in NAME_GLUE):
            break
        start -= 1
    if start == i or key not in lexicon.name_index:
        return None
    # (each run ends with the word right before: where no listed name has it right before ``key``, none has the run)
    right_before, _ = for_word(memo, "name_neighbours", key, partial(name_neighbours, key, lexicon))
    if words[i - 1].core.lower() not in right_before:
        return None
    for k in range(start, i):
        first = words[k].core
        if not first[:1].isupper() or first.lower() in FUNCTION_WORDS:
            continue
        run = tuple(w.core for w in words[k:i])
        idx = remember(memo, ("name_before", key, run), partial(listed_pair, run, key, lexicon))
        if idx is not None:
            return idx, first
    return None


def words_ahead(words: Sequence[Word], i: int, first: str) -> int:
    """How many capitalized words the run of a listed name that ``whole_name_before`` found,
    beginning with ``first``, writes before the word at ``i`` (Republic of [malawi]: 1; Islamic
    Republic of [Iran]: 2)."""
    for k in range(max(0, i - MAX_BEFORE), i):
        if words[k].core == first:
            return max(1, sum(1 for w in words[k:i] if w.core[:1].isupper()))
    return 1


def listed_pair(before: tuple[str, ...], key: str, lexicon: Lexicon) -> int | None:
    """The listed spelling in which the words ``before`` stand right before ``key`` (United
    [States]), of the most prominent entity so named; None when no name has them so."""
    if key not in lexicon.name_index:
        return None
    hit = _partner(key, before, (), lexicon)
    return None if hit is None else hit[0]


def listed_pair_after(key: str, after: tuple[str, ...], lexicon: Lexicon) -> int | None:
    """The listed spelling in which ``key`` stands right before the words ``after`` (Hun
    [Sen], Abdel [Fattah]), of the most prominent entity so named; None when no name has them so."""
    if key not in lexicon.name_index or not after:
        return None
    hit = _partner(key, (), after, lexicon)
    return None if hit is None else hit[0]


def _partner(key: str, before: tuple[str, ...], after: tuple[str, ...], lexicon: Lexicon) -> tuple[int, str] | None:
    hit = _partner_hit(key, before, after, lexicon)
    return None if hit is None else hit[:2]


def _partner_hit(
    key: str, before: tuple[str, ...], after: tuple[str, ...], lexicon: Lexicon
) -> tuple[int, str, bool] | None:
    """``_partner``, and whether the partner stands beside ``key`` only in one of ``short_names``."""
    prev = [w.lower() for w in before]
    nxt = [w.lower() for w in after]
    found: list[tuple[bool, float, int, bool, int, str]] = []  # in full, spelling_rank, -spelling number, partner
    # (a particle alone before the word, ``_leading_particle``, begins a country's or capital's
    # name (Abu [Dhabi], La [Paz]): al, el, la begin a thousand lesser places' each (Al-[Qaida]: not Al Baida)
    particle = len(prev) == 1 and prev[0] in PARTICLES
    ids = lexicon.name_index[key]
    for idx, parts, short in _spelled_parts(ids, lexicon):
        for pos, part in enumerate(parts):
            if part != key:
                continue
            if nxt and parts[pos + 1 : pos + 1 + len(nxt)] == nxt:
                found.append((not short, *spelling_rank(idx, lexicon), -idx, after[-1]))
            elif prev and pos >= len(prev) and parts[pos - len(prev) : pos] == prev:
                if not particle or (pos == 1 and lexicon.spellings[idx].prominence >= CAPITAL):
                    found.append((not short, *spelling_rank(idx, lexicon), -idx, before[0]))
    if not found:
        return None
    # the most prominent entity, by its main name (United States, not a territory's alias); a
    # name in full before any in its short form
    full, *_, idx, partner = max(found)
    return -idx, partner, not full


def _spelled_parts(ids: Sequence[int], lexicon: Lexicon) -> Iterator[tuple[int, list[str], bool]]:
    """The lowercase words of the listed spellings ``ids`` of several words, and of each
    person's ``short_names`` after the main name in full, each with its spelling's number and
    whether it is a short name: a name beside a partner in its short form is that person's
    (Babagana [Zullum]: Babagana Umara Zulum; Ajit [Dovel]: Ajit Kumar Doval)."""
    texts, kinds = lexicon.spelling_texts(ids), lexicon.spelling_kinds(ids)
    for idx, text, kind in zip(ids, texts, kinds, strict=True):
        if " " not in text:
            continue
        parts = [p.lower() for p in text.split(" ")]
        yield idx, parts, False
        if kind == "person" and len(parts) > 2:
            for short in _short_main_names(idx, text, lexicon):
                yield idx, short, True


def _short_main_names(idx: int, text: str, lexicon: Lexicon) -> list[list[str]]:
    """``short_names`` of a person's listed main name, if the spelling ``idx`` (written ``text``)
    is that name word for word (not Moon Jae in, the words of Moon Jae-in)."""
    entity = lexicon.spellings[idx].entry
    if lexicon.entries[entity][1] != text:
        return []
    return short_names(text.split(" "))


def short_names(parts: Sequence[str]) -> list[list[str]]:
    """A person's name of three words or more as copy writes it short, in lowercase: the first
    word and the surname, with the particles before it (Javier Gerardo Milei: javier milei; Luiz
    Inácio Lula da Silva: luiz da silva), and for a name of four words or more the first word and
    the surname before the last (two surnames, the father's first: Nayib Armando Bukele Ortez:
    nayib bukele). None for fewer words, for a surname that is a numeral or shorter than three
    letters (Benigno Aquino III), for a name with a lowercase word other than a particle
    (Philippe I of Belgium), and where only particles lie between."""
    if len(parts) < 3 or len(parts[-1]) < 3 or not parts[-1].istitle():
        return []
    if any(p.islower() and p not in PARTICLES for p in parts):
        return []
    low = [p.lower() for p in parts]
    last = _surname_start(low, len(low) - 1)
    if last < 2:
        return []
    out = [[low[0], *low[last:]]]
    before = _surname_start(low, last - 1)
    if before >= 2:
        out.append([low[0], *low[before:last]])
    return out


def _surname_start(low: Sequence[str], end: int) -> int:
    """Where the surname that ends at ``end`` begins, with the particles before it (never 0)."""
    k = end - 1
    while k > 0 and low[k] in PARTICLES:
        k -= 1
    return k + 1


def spelling_rank(idx: int, lexicon: Lexicon) -> tuple[float, int, bool]:
    """Prominent first, then the shortest name, then an entity's main name over an alias."""
    parts, entity, prominence = lexicon.spellings[idx]
    return prominence, -len(parts), " ".join(parts) == lexicon.entries[entity][1]


def name_partner(words: Sequence[Word], j: int) -> str | None:
    """The lowercase neighbour at ``j`` if it is distinctive enough to identify a person."""
    if j < 0 or j >= len(words) or words[j].skip:
        return None
    core = words[j].core
    low = core.lower()
    if core[:1].islower():
        return None  # names are capitalized: "said" is no part of Port Said here
    return low if len(low) >= 2 and low not in PARTICLES and low not in FUNCTION_WORDS else None


def name_side(words: Sequence[Word], i: int, step: int) -> list[Word]:
    """The words on one side of ``i`` that can pin down a name, in text order: the distinctive
    neighbour, or up to two particles and the distinctive word beyond them (Mohammed bin
    [Salman], Lula da [Silva], Ursula von der [Leyen])."""
    side: list[Word] = []
    j = i
    for _ in range(MAX_PARTICLES + 1):
        k = j + step
        if not 0 <= k < len(words):
            return _leading_particle(side, step)
        a, b = min(j, k), max(j, k)
        if not (adjacent(words, a, b) or spaced_join(words, a, b) or initial(words, a)):
            return _leading_particle(side, step)  # "Ruth Porat, said": no Port Said across a comma
        side.append(words[k])
        if name_partner(words, k):
            return side[::step]
        if words[k].core.lower() not in PARTICLES and not initial(words, k):
            return _leading_particle(side[:-1], step)  # in Abu [Dhabi]: "in" is no name's word
        j = k
    return []


def _leading_particle(side: list[Word], step: int) -> list[Word]:
    """A capitalized particle right before the word, with no name's word beyond it, that begins
    the name (Abu [Dhabi], La [Paz], El [Paso]): the side is the particle, which only a listed
    name that begins with it matches; else none."""
    if step < 0 and len(side) == 1 and not side[0].skip and shape(side[0].core) == "title":
        return side
    return []


def whole_name_words(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> int:
    """How many more words of a listed person's name with ``key`` the text writes in a row
    around the word at ``i`` than the one partner ``same_name`` needs: Daw [Aung] San Suu Kyi,
    2 (Suu Kyi); An san, Anshan's other name, 0. The longest such run of any spelling."""
    best = 0
    for idx in lexicon.name_index.get(key, ()):
        spelling = lexicon.spellings[idx]
        if lexicon.entries[spelling[1]][2] != "person":
            continue
        parts = [p.lower() for p in spelling[0]]
        for pos, part in enumerate(parts):
            if part == key:
                run = _run(words, i, parts, pos, 1) + _run(words, i, parts, pos, -1)
                best = max(best, run - 1)
    return best


def _run(words: Sequence[Word], i: int, parts: list[str], pos: int, step: int) -> int:
    """How many of ``parts`` after (or before) ``pos`` the words after (before) ``i`` spell, in a
    row, within the words a decision reads (``window``: its memo key)."""
    n = 0
    j, p = i + step, pos + step
    reach = WINDOW_AFTER if step > 0 else WINDOW_BEFORE
    while 0 <= j < len(words) and 0 <= p < len(parts) and abs(j - i) <= reach:
        a, b = min(j, j - step), max(j, j - step)
        if words[j].core.lower() != parts[p] or not (
            adjacent(words, a, b) or initial(words, a) or spaced_join(words, a, b)
        ):
            break
        n += 1
        j, p = j + step, p + step
    return n


def initial(words: Sequence[Word], k: int) -> bool:
    """The word at ``k`` is a middle initial: one capital letter, its full stop and one space
    before a capitalized word (Joseph R. [Biden]; the listed names keep it: Joseph R Biden)."""
    word = words[k]
    return (
        len(word.core) == 1
        and word.core.isupper()
        and word.pause_after
        and k + 1 < len(words)
        and words[k + 1].sentence_start  # (a full stop, not a comma: Plan B, Biden)
        and words[k + 1].token.start - word.token.end == 2
        and words[k + 1].core[:1].isupper()
    )


def slip_in_full_name(words: Sequence[Word], i: int, lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """The word is one slip from the part of an official's full name that its exact
    neighbours complete (Emanuel Macron, Ursula von der Leyden): worth checking even when
    it is a word or a name of its own. ``memo`` keeps the answer per word and side."""
    low = words[i].core.lower()
    for step in (-1, 1):
        found = name_side(words, i, step)
        side = tuple(w.core.lower() for w in found)
        if not side:
            continue
        # a given name as common as Joe vouches for a person's name only after a title (President Joe [Bidden])
        common = step == -1 and bool(title_phrase(words, i - len(side), lexicon))
        if for_word(memo, "slip", (low, step, side, common), partial(_slip_beside, low, step, side, lexicon, common)):
            return True
    return False


def slip_in_place_name(words: Sequence[Word], i: int, lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """The word is one slip from a word of a prominent place's name of several words (a
    country's or a capital's: United States, Sri Lanka) whose other words stand beside it,
    exact (Nited States, United Tates): worth checking though it reads as a word and an
    ending (nit+ed, tate+s). No derived form of the name's word (Sri Lankan) is such a slip."""
    low = words[i].core.lower()
    for step in (-1, 1):
        side = tuple(w.core.lower() for w in name_side(words, i, step))
        if not side:
            continue
        if remember(memo, ("place_slip", low, step, side), partial(_place_slip, low, step, side, lexicon)):
            return True
    return False


def _place_slip(low: str, step: int, side: tuple[str, ...], lexicon: Lexicon) -> bool:
    return any(
        word != low
        and OSA.distance(word, low) == 1
        # Sri Lankan: the name's adjective, its last word; but a word before the rest of the name
        # takes no ending there (Uniteds States, Souths Korea: a slip of United, South)
        and (step == 1 or not derived(low, word, lexicon))
        and lexicon.name(idx).prominence >= CAPITAL
        for idx, word in _words_beside(side, step, lexicon, "place")
    )


def _words_beside(side: tuple[str, ...], step: int, lexicon: Lexicon, kind: str) -> Iterator[tuple[int, str]]:
    """Each listed name of ``kind`` that holds the words ``side`` and has a word right before
    them (``step`` 1) or right after them (``step`` -1): the name's index and that word, lowercased."""
    ids = lexicon.name_index.get(side[0] if step == -1 else side[-1], ())
    of_kind = [idx for idx, k in zip(ids, lexicon.spelling_kinds(ids), strict=True) if k == kind]
    for idx, text in zip(of_kind, lexicon.spelling_texts(of_kind), strict=True):
        lowered = tuple(p.lower() for p in text.split(" "))
        for pos in range(len(lowered) - len(side) + 1):
            if lowered[pos : pos + len(side)] != side:
                continue
            at = pos - 1 if step == 1 else pos + len(side)
            if 0 <= at < len(lowered):
                yield idx, lowered[at]


def vouches(low: str, lexicon: Lexicon) -> bool:
    """``low`` is part of an official's name and rare enough to vouch for the name beside it."""
    return low in lexicon.name_index and lexicon.zipf(low) < SHARED_NAME_ZIPF and names_person(low, lexicon)


def _slip_beside(low: str, step: int, side: tuple[str, ...], lexicon: Lexicon, common: bool = False) -> bool:
    if not common and lexicon.zipf(side[0] if step == -1 else side[-1]) >= SHARED_NAME_ZIPF:
        return False  # a neighbour as common as Kim is borne by too many people to vouch for one
    return any(word != low and OSA.distance(word, low) == 1 for _, word in _words_beside(side, step, lexicon, "person"))


def title_phrase(words: Sequence[Word], i: int, lexicon: Lexicon) -> list[str]:
    """The title right before the word at ``i``, from its title word on: ["president"],
    ["secretary", "of", "state"]; empty when none stands there. Its other words are
    capitalized English words (State, Foreign Affairs) or glue (of, the), never a name."""
    phrase: list[str] = []
    j = i - 1
    while j >= 0 and i - j <= MAX_TITLE_WORDS and not words[j].skip:
        core = words[j].core
        low = core.lower()
        abbreviated = low in ABBREVIATED_TITLES and core[:1].isupper() and _abbreviation_gap(words, j)
        if not (adjacent(words, j, j + 1) or abbreviated):
            break
        office_word = (
            core[:1].isupper()
            and lexicon.words.get(low, 0.0) >= TITLE_PHRASE_ZIPF
            and low not in lexicon.given_names  # Tom
            and low not in lexicon.surnames
        )
        if low not in TITLES and low not in TITLE_GLUE and not office_word and not abbreviated:
            break
        if not phrase and low in TITLE_GLUE:
            return []  # "Minister of [Ukraine]": what follows "of" is the office's, not a person
        phrase.insert(0, low)
        if low in TITLES or abbreviated:
            return phrase
        j -= 1
    return []


def office_words(words: Sequence[Word], i: int) -> list[str]:
    """The capitalized words right before the name that begins at ``i``, lowercased, glue
    and abbreviated titles left out (Deputy Finance Minister [Lavrov]: deputy, finance, minister)."""
    found: list[str] = []
    j = i - 1
    while j >= 0 and i - j <= MAX_TITLE_WORDS and not words[j].skip:
        core = words[j].core
        low = core.lower()
        if not (adjacent(words, j, j + 1) or (low in ABBREVIATED_TITLES and _abbreviation_gap(words, j))):
            break
        if not core[:1].isupper() and low not in TITLE_GLUE:
            break
        if low not in TITLE_GLUE and low not in ABBREVIATED_TITLES:
            found.append(low)
        j -= 1
    return found


def _abbreviation_gap(words: Sequence[Word], j: int) -> bool:
    """The word at ``j`` is followed by its full stop and one space, then the next word (Mr. [Lavrov])."""
    return (
        j + 1 < len(words)
        and words[j].pause_after
        and words[j].token.text == words[j].core
        and words[j + 1].token.start - words[j].token.end == 2
    )


def name_neighbours(low: str, lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The words right before and right after ``low`` in the listed names of several words (and
    in a person's ``short_names``)."""
    before: set[str] = set()
    after: set[str] = set()
    for _, parts, _ in _spelled_parts(lexicon.name_index[low], lexicon):
        for pos, part in enumerate(parts):
            if part == low:
                if pos > 0:
                    before.add(parts[pos - 1])
                if pos + 1 < len(parts):
                    after.add(parts[pos + 1])
    return frozenset(before), frozenset(after)


def unmatched_particle(words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None) -> str:
    """The name particle right before the word at ``i`` (Abdul Aziz Al-[Hilu]), when no listed
    name has it before ``key``: with the particle the word is a name of its own, not ``key``
    (Hill); "" when there is none, or a listed name has it (Al-[Saud], von der [Leyen])."""
    if not i or not adjacent(words, i - 1, i):
        return ""
    particle = words[i - 1].core
    if particle.lower() not in SURNAME_PARTICLES:
        return ""
    before, _ = for_word(memo, "name_neighbours", key, partial(name_neighbours, key, lexicon))
    return "" if particle.lower() in before else particle


def person_slot(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """A person's name goes at ``i``: a personal title stands right before it (a
    ``title_phrase``: Lieutenant Colonel, Foreign Minister; or a title abbreviated with a
    full stop: Ms. [Keya], Mrs. [Morellos]), or a given name and its initial (David L. [Boren])."""
    if title_phrase(words, i, lexicon):
        return True
    if i == 0 or words[i - 1].skip or not words[i - 1].pause_after:
        return False
    if words[i - 1].core.lower() in ABBREVIATED_TITLES:
        return True
    return after_initial(words, i)


def name_slot(words: Sequence[Word], i: int, lexicon: Lexicon) -> str:
    """Where the capitalized word at ``i`` stands in a name's place, wherever it stands in its
    sentence, the kind of place: "person" after a personal title (``person_slot``: Mr. [Raoof],
    where the title's full stop ends no sentence; not before a title's word, Mr. [Prime]
    Minister), "firm" before a firm's word ([Mastek] Limited, [Sowe] Capital), "subject" before
    a verb of saying ([Ando] said: a name, a pronoun or a plural noun), "apposition" before an
    apposition set off by commas ([Thies], the envoy, said); "" elsewhere."""
    after = words[i + 1] if i + 1 < len(words) and adjacent(words, i, i + 1) else None
    if person_slot(words, i, lexicon):
        return "" if after and after.core[:1].isupper() and after.core.lower() in TITLES else "person"
    if after and not words[i].pause_after:
        if after.core[:1].isupper() and after.core.lower() in FIRM_WORDS:
            return "firm"
        if after.core in REPORTING_VERBS:
            return "subject"
    return "apposition" if apposition_after(words, i) else ""


def apposition_after(words: Sequence[Word], i: int) -> bool:
    """A comma, then an article and at most APPOSITION_WORDS words of one phrase, then a comma and
    a lowercase content word follow the word at ``i`` ([Thies], the envoy, said; [Theis], a
    retired banker, told); not a clause (Nevertheless, the situation remains critical, and)."""
    if not comma_sides(words, i)[1] or words[i + 1].core.lower() not in APPOSITION_ARTICLES:
        return False
    for k in range(i + 2, min(len(words) - 1, i + 2 + APPOSITION_WORDS)):
        if words[k].skip or not adjacent(words, k - 1, k) or words[k].sentence_start:
            return False
        if words[k].pause_after:
            after = words[k + 1].core
            # (a participle after it opens no predicate: However, the army, fighting near the town)
            verb = after.islower() and not after.endswith("ing")
            return comma_sides(words, k)[1] and verb and after not in CLOSED_READINGS
    return False


def after_initial(words: Sequence[Word], i: int) -> bool:
    """A given name and its initial stand right before ``i`` (David L. [Boren], John E. [Ferling]):
    the word is a surname, its capital a name's, not a sentence's after the initial's full stop.
    (An initial after a capitalized word that is none: not the S of U.S.)"""
    if i < 2 or words[i - 1].skip or not words[i - 1].pause_after:
        return False
    prev = words[i - 1].core
    return (
        len(prev) == 1
        and prev.isupper()
        and len(words[i - 2].core) > 1
        and words[i - 2].core[:1].isupper()
        and not words[i - 2].pause_after
        and adjacent(words, i - 2, i - 1)
    )


def role_of(key: str, phrase: Sequence[str], lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """A person named ``key`` holds the office the title names ("Secretary of State")."""
    if len(phrase) < 2:
        return False  # one word (President, Minister) names too many offices
    office = " ".join(phrase)
    return any(office in description for description in offices(key, lexicon, memo))


def role_word(key: str, phrase: Sequence[str], lexicon: Lexicon, memo: Memo | None = None) -> float:
    """A person named ``key`` holds an office that a title of one word names (Chancellor
    [Scholz], President [Macron]): how telling that is, as log10 of how many listed people
    there are per holder of such an office (chancellor 2.8, president 1.1, minister 0.4);
    0.0 when the person holds none or the title has more words ("President's Office")."""
    if len(phrase) != 1:
        return 0.0
    word = phrase[0]
    if any(word in description.split() for description in offices(key, lexicon, memo)):
        return _title_rarity(lexicon).get(word, 0.0)
    return 0.0


def offices(key: str, lexicon: Lexicon, memo: Memo | None = None) -> tuple[str, ...]:
    """The distinct descriptions of the listed people named ``key``, lowercased: asked once a
    key (a name word as common as "de" has some 10,000 listed spellings, each an entry to
    read, and ``role_of`` and ``role_word`` asked after each title it followed)."""
    return for_word(memo, "offices", key, lambda: _offices(key, lexicon))


def _offices(key: str, lexicon: Lexicon) -> tuple[str, ...]:
    entities = list(dict.fromkeys(lexicon.spelling_entities(lexicon.name_index.get(key, ()))))
    people = [e for e, kind in zip(entities, lexicon.entity_kinds(entities), strict=True) if kind == "person"]
    return tuple(dict.fromkeys(description.lower() for description in lexicon.entity_descriptions(people)))


_RARITY: list[tuple[object, dict[str, float]]] = []  # (the lexicon's entries, title word -> rarity)


def _title_rarity(lexicon: Lexicon) -> dict[str, float]:
    """For each title word, log10 of the listed people per person whose office it names
    (counted when the dictionaries are compiled; counted here only for an extended lexicon)."""
    for entries, rarity in _RARITY:
        if entries is lexicon.entries:
            return rarity
    people, holders = lexicon.person_words()
    rarity = {t: math.log10(people / holders[t]) for t in TITLES if holders.get(t)}
    _RARITY[:] = [*_RARITY[-3:], (lexicon.entries, rarity)]
    return rarity


def main_name_of(word: str, lexicon: Lexicon, types: tuple[str, ...]) -> bool:
    """``word`` (as cased) is the main name of a place of one of ``types``, as its entry
    describes it ("country", "capital"): Paris, Kenya; not Vin, another name of Vienna."""
    low = word.lower()
    entries = (lexicon.name(idx).entry for idx in lexicon.name_index.get(low, ()))
    return any(e.name.lower() == low and e.description.partition(",")[0] in types for e in entries)


def place_cue(words: Sequence[Word], i: int) -> bool:
    """The text calls for a place at ``i``: a preposition of place before it ("inside X"),
    or a region noun after it ("X region")."""
    before = words[i - 1].core.lower() if i > 0 and adjacent(words, i - 1, i) else ""
    return before in PLACE_PREPOSITIONS or bool(place_noun(words, i))


def calls_for_place(words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None) -> bool:
    """The neighbours call for the place ``key`` at ``i``: a preposition of place or a region
    noun (``place_cue``), a noun of land or water or of a meeting named after a place after it
    (Taiwan Strait, Paris Agreement), the words of its listed name before it across of or the
    (Republic of [China]), a city and its country across a comma, and for a country, a list of
    countries or an office of it around it."""
    if place_cue(words, i) or meeting_noun(words, i):
        return True
    if i + 1 < len(words) and adjacent(words, i, i + 1) and words[i + 1].core.lower() in GEOGRAPHIC_NOUNS:
        return True
    if is_country(key, lexicon) and (office_of(words, i) or country_beside(words, i, lexicon)):
        return True
    if city_and_country(words, i, key, lexicon):
        return True  # Port-au-Prince, [Haiti]
    return bool(i and words[i - 1].core.lower() in NAME_GLUE and whole_name_before(words, i, key, lexicon, memo))


def best_entry(key: str, lexicon: Lexicon, topics: frozenset[str], person: bool = False) -> Entry:
    """The most prominent entity the name word belongs to, preferring those of the text's
    countries (and people, where the word stands for a person's name)."""

    ids = lexicon.name_index[key]
    rows = zip(ids, lexicon.spelling_rows(ids), lexicon.spelling_kinds(ids), strict=True)
    # the entity the word names by itself (the region Donbas), not one whose longer name
    # contains it (Donetsk, alias "Donbas City")
    ranked = [
        ((kind == "person" or not person, len(parts) == 1, lexicon.countries[entity] in topics, prominence), idx)
        for idx, (parts, entity, prominence), kind in rows
    ]
    return lexicon.name(max(ranked, key=lambda r: r[0])[1]).entry


def cited_entry(
    key: str, lexicon: Lexicon, topics: frozenset[str], in_document: Mapping[str, int], office: Sequence[str]
) -> Entry:
    """The listed person named ``key`` that the text points to, where several share the name
    (Sergey Lavrov, the foreign minister, and Aleksey Lavrov, a deputy minister): the one
    whose other name words the text writes (Sergei), then the one whose office the words
    before the name name best (``office_words``: Deputy Finance Minister), then ``best_entry``'s order, then the one
    more sources list. A reading's reason cites this entry."""
    ids = lexicon.name_index[key]
    people = [idx for idx, kind in zip(ids, lexicon.spelling_kinds(ids), strict=True) if kind == "person"]
    if not people:
        return best_entry(key, lexicon, topics, True)

    wanted = set(office)

    def rank(idx: int) -> tuple[int, int, bool, bool, float, int]:
        parts, entity, prominence = lexicon.spellings[idx]
        description, source = lexicon.entries[entity][3], lexicon.entries[entity][4]
        named = sum(1 for p in parts if p.lower() != key and written(in_document, p))
        role = len(wanted.intersection(_WORD.findall(description.lower()))) if wanted else 0
        sources = len(source.partition("; ")[2].split(", "))
        return named, role, len(parts) == 1, lexicon.countries[entity] in topics, prominence, sources

    return lexicon.name(max(people, key=rank)).entry


def several_people(key: str, lexicon: Lexicon) -> bool:
    """Several listed people are named ``key`` (Sergey and Aleksey Lavrov)."""
    people = set(lexicon.spelling_entities(lexicon.name_index.get(key, ())))
    return sum(k == "person" for k in lexicon.entity_kinds(people)) > 1


def named_in_full(key: str, lexicon: Lexicon, in_document: Mapping[str, int]) -> str:
    """A listed person's name of several words, ``key`` among them, every word of which the
    text writes as listed (Sergei ... Lavrov): the writer knows how the name is spelt. The
    name, or "" when the text writes none so, or ``key`` is a name as common as Mark."""
    if key in lexicon.given_names and lexicon.zipf(key) >= SHARED_NAME_ZIPF:
        return ""
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, _ = lexicon.spellings[idx]
        if len(parts) > 1 and lexicon.entries[entity][2] == "person" and all(written(in_document, p) for p in parts):
            return " ".join(parts)
    return ""


def of_topic(key: str, lexicon: Lexicon, topics: frozenset[str]) -> bool:
    """A prominent place (a region, a city of about 30,000 or more) in a country the text is about."""
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, prominence = lexicon.spellings[idx]
        if len(parts) == 1 and prominence >= TOPIC_PROMINENCE and lexicon.countries[entity] in topics:
            return True
    return False


def document_topics(in_document: Counter[str], lexicon: Lexicon, memo: Memo | None = None) -> frozenset[str]:
    """Countries the text is about: those of the countries, regions and cities it names
    (Ukraine, Kharkiv) or whose demonyms it uses (Ukrainian)."""
    return _countries_in(in_document, lexicon, memo)


def countries_near(words: Sequence[Word], i: int, lexicon: Lexicon, memo: Memo | None = None) -> frozenset[str]:
    """The countries the words within ``NEAR_WORDS`` of ``i`` (not it) name, as ``document_topics``
    reads them from the whole text: what the text is about around the word."""
    near = {w.core for w in words[max(0, i - NEAR_WORDS) : i + NEAR_WORDS + 1] if w is not words[i]}
    return _countries_in(near, lexicon, memo)


def _countries_in(written: Collection[str], lexicon: Lexicon, memo: Memo | None) -> frozenset[str]:
    """The countries of the countries, regions and cities, and of the demonyms, that the words
    ``written`` name (``document_topics``, ``countries_near``)."""
    found: set[str] = set()
    named = word_table(memo, "countries", MAX_WORDS)  # one table: a long text's many names do not fill the memo
    in_full = word_table(memo, "countries_in_full", MAX_WORDS)
    for word in written:
        if word[:1].isupper():
            countries = named.get(word)
            if countries is None:
                countries = named[word] = _countries_named(word, lexicon)
            found.update(countries)
            names = in_full.get(word)
            if names is None:
                names = in_full[word] = _country_names_with(word, lexicon)
            # a country of several words (Central African Republic, Sri Lanka) whose every word is written
            found.update(country for parts, country in names if all(p in written for p in parts))
    found.discard("")
    return frozenset(found)


# A spelling no word has: that an answer read whether the words around its word are about
# somewhere else than ``key``'s places (``about_elsewhere``) is noted as a read of NEAR + key,
# counted 1 where they are; no count of the text says so, so a decision kept for a window of
# neighbours asks it again at the word (decide._decided).
NEAR = "\x03"


def about_elsewhere(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None, counts: Counts | None = None
) -> bool:
    """The words around ``i`` name countries and none that a place ``key`` names lies in: the
    text there is about somewhere else, so what the text at large says for ``key`` (its topics,
    its other form) comes from another piece of it (a digest of unrelated stories). Noted as
    NEAR + key while ``counts`` notes reads."""
    near = countries_near(words, i, lexicon, memo)
    elsewhere = bool(near) and not near & _countries_of(key, lexicon)
    if counts is not None and counts.reads is not None:
        counts.reads.append((NEAR + key, int(elsewhere)))
    return elsewhere


def _country_names_with(word: str, lexicon: Lexicon) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The main names of several words of countries that have ``word`` in them, none of its
    words a common one (Central African Republic from African; each with its capitalized
    words, and its country): the names ``_countries_named`` cannot read from one word."""
    spellings = lexicon.name_index.get(word.lower(), ())
    if len(spellings) > FULL_NAME_REACH:
        return ()  # (a word of many names, Republic or New: the name's rarer word finds it)
    out = []
    for parts, entity, _ in lexicon.spelling_rows(spellings):  # (rows not kept: a scan)
        if len(parts) < 2:
            continue
        _, name, kind, description, _ = lexicon.entries[entity]
        if kind == "place" and description.startswith("country") and " ".join(parts) == name:
            out.append((tuple(p for p in parts if p.lower() not in NAME_GLUE), lexicon.countries[entity]))
    return tuple(out)


def _countries_named(word: str, lexicon: Lexicon) -> frozenset[str]:
    """The countries of the place a capitalized word names first, if it names one."""
    low = word.lower()
    named: dict[str, tuple[float, bool]] = {}  # country -> its best place so called
    for stem in [low, *demonym_stems(low)]:
        if stem not in lexicon.prominent:
            continue
        for parts, entity, prominence in lexicon.spelling_rows(lexicon.name_index.get(stem, ())):
            if len(parts) != 1 or not prominence >= TOPIC_PROMINENCE:
                continue  # (the entry is read for the few one-word spellings of prominent entities)
            _, name, kind, *_ = lexicon.entries[entity]
            if kind == "place" and place_first(stem, prominence, lexicon):  # not Central, Western, David
                rank = (prominence, fold(parts[0]) == fold(name))
                country = lexicon.countries[entity]
                named[country] = max(named.get(country, rank), rank)
    if not named:
        return frozenset()
    # the place a word names first: Santiago is Chile's capital, Armenia the country
    best = max(named.values())
    return frozenset(country for country, rank in named.items() if rank == best)
