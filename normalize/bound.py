"""An upper bound on the margin of a word's readings, from cheap features.

Most capitalized words worth checking end with no finding: the word as typed is far
likelier than any reading (on 2 MB of dev news, 89 % of the words scored in full). The
bound proves it before the full scoring (decide.py's ``_score``), and is exact, not a
heuristic: when it lies below the floor a finding needs, every reading's margin does too,
and decide finds nothing, as the full scoring would. A lowercase word is bounded the same
way by its English words (its readings as two words run together are weighed in full
first): on 10 MB of news some 60 % of the lowercase words decided find nothing, and each
weighed some twenty English words in full for it.

The typed word's features are computed as the full scoring computes them. Each candidate
reading (every name within reach, every English word where the word may be read as one)
gets the features that are cheap to know exactly (the English word's prior, its edit
cost) or to bound (a name's prior, its edit cost), and every other feature its reading
can have at its largest contribution, ``max(w * lo, w * hi)`` over the values ``RANGES``
allows, with the weights of the model in use: a refit or a new weight keeps the bound
exact. A feature that cannot be non-zero at this word counts 0: no title before it (title,
role), no preposition of place, no comma beside it (city_country)... A name with an exact
neighbour that completes it (same_name) is not bounded: such a word is scored in full.
Where the bound of some names reaches the floor, those few are weighed in full (decide's
own scoring, most promising first) and the others stay bounded: a word with a hundred
names within reach, of which three might reach the floor, costs three readings, not a
hundred (on 1 MB of dev news: 130 of 156 words scored in full found nothing; now 22).

A feature that a reading can have must be in its group here (``NAME``, ``WORD``) with its
range; tests/test_bound.py fails for a feature of FEATURES that no group has, and replays
dev words asserting that no reading's margin exceeds the bound.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, cast

from normalize.candidates import Bigrams
from normalize.context import (
    HONORIFICS,
    MAX_BEFORE,
    MEMO_SIZE,
    NAME_GLUE,
    PLACE_PREPOSITIONS,
    Context,
    _title_rarity,
    comma_sides,
    country_beside,
    event_before,
    for_word,
    known_for_word,
    list_items,
    meeting_noun,
    names_person,
    note_any_topic,
    office_of,
    place_noun,
    remember,
    whole_name_before,
    word_table,
    words_ahead,
    written,
)
from normalize.edits import cost_floor, edit_cost, omitted
from normalize.features import (
    FAR_EDITS,
    MAX_NAME_CONTEXT,
    MAX_NEWS_NAME,
    MAX_NEWS_OVER,
    NAME_COST,
    NEWS_OVER_FLOOR,
    NOUN_BEFORE,
    USAGE_WEIGHT,
    _title_before,
    accord_title,
    bigram_support,
    capitalized_use,
    form_in_document,
    heading_initial,
    initial_word,
    known_misspelling,
    long_slip,
    lower_omission,
    name_edit_cost,
    news_context,
    news_name,
    news_over_typed,
    other_name_beside,
    person_in_text,
    preposition_before_the,
    word_before,
)
from normalize.lexicon import Lexicon
from normalize.model import RANK_ONLY, Model

INF = math.inf
LIMIT = Bigrams.LIMIT
# The values each feature of a reading can take (features.py). ``INF``: no fixed bound (the
# bound computes one where the weight needs it, or gives up).
RANGES: dict[str, tuple[float, float]] = {
    # a listed name (features.name_features)
    "name_prior": (0.0, INF),  # bounded per name: ``_prior_bound``
    "edit_cost": (0.0, INF),  # bounded per reading: ``_name_cost``
    "same_name": (0.0, 1.0),
    "near_name": (0.0, 1.0),
    "common_partner": (0.0, INF),
    "partner_words": (0.0, INF),
    "shared_partner": (0.0, 1.0),
    "other_partner": (0.0, 1.0),
    "short_name": (0.0, 1.0),
    "short_typed_name": (0.0, 1.0),
    "whole_name": (0.0, INF),
    "glued_name": (0.0, 1.0),
    "glued_words": (0.0, MAX_BEFORE - 1.0),
    "other_name": (0.0, 1.0),
    "unmatched_particle": (0.0, 1.0),
    "in_document": (0.0, 1.0),
    "full_name_in_document": (0.0, 1.0),
    "far_name": (0.0, 1.0),
    "common_name": (0.0, 1.0),
    "tail_slip": (0.0, 1.0),  # only where the typed word has tail_word
    "form_in_document": (0.0, 1.0),
    "title": (0.0, 1.0),
    "honorific": (0.0, 1.0),
    "role": (0.0, 1.0),
    "role_word": (0.0, INF),  # log10 people per holder: bounded by the lexicon's rarest title
    "office_in_document": (0.0, 1.0),
    "place_preposition": (0.0, 1.0),
    "place_preposition_the": (0.0, 1.0),
    "place_as_person": (0.0, 1.0),
    "country_water": (0.0, 1.0),  # a negative weight: bounded at 0
    "place_noun": (0.0, 1.0),
    "place_meeting": (0.0, 1.0),
    "meeting_title": (0.0, 1.0),
    "place_event": (0.0, 1.0),
    "country_list": (0.0, 2.0),  # one country on either side
    "list_sibling": (0.0, 1.0),
    "place_list": (0.0, 2.0),  # one place on either side
    "city_list": (0.0, 2.0),  # one big city of another country on either side
    "country_of": (0.0, 1.0),
    "city_country": (0.0, 1.0),
    "topic": (0.0, 1.0),
    "unsupported": (0.0, 1.0),  # margin only, a negative weight: bounded at 0
    "far_unvouched": (0.0, 1.0),  # (the same)
    "once_in_document": (0.0, 1.0),  # a negative weight: bounded at 0
    "other_person_in_document": (0.0, 1.0),  # (the same)
    "typed_place_cues": (0.0, 16.0),  # (the same)
    "mate_in_document": (0.0, 1.0),  # (the same)
    "given_in_document": (0.0, 1.0),  # (the same)
    "surname_opens_name": (0.0, 1.0),  # (the same)
    "demonym_before_pause": (0.0, 1.0),
    "form_cue": (0.0, 2 * LIMIT),  # a difference of two affinities
    "name_context": (0.0, MAX_NAME_CONTEXT),
    "news_name": (0.0, MAX_NEWS_NAME),  # bounded per name: exact
    "news_over_typed": (0.0, MAX_NEWS_OVER - NEWS_OVER_FLOOR),  # bounded per name
    "alternate_over_typed": (0.0, MAX_NEWS_OVER - NEWS_OVER_FLOOR),  # bounded per name (by news_over_typed's value)
    # an English word (features.word_features)
    "word_prior": (0.0, INF),  # exact per reading
    "known_misspelling": (0.0, 1.0),
    "omission": (0.0, 1.0),
    "omission_lower": (0.0, 1.0),
    "bigram_support": (0.0, 2 * LIMIT),  # the affinities with the words before and after
    "bigram_against": (-2 * LIMIT, 0.0),
    "context_support": (0.0, 2 * LIMIT),
    "news_support": (0.0, 2 * LIMIT),  # margin only; computed, not bounded
    "news_context": (-2 * LIMIT, 2 * LIMIT),
    "news_triple": (0.0, 2 * LIMIT),  # ranks only
    "news_start": (-LIMIT, LIMIT),  # ranks only
    "number_prior": (0.0, INF),
    "number_clash": (0.0, 1.0),
    "tense_clash": (0.0, 1.0),
    "verb_clash": (0.0, 1.0),
    "coordinated": (0.0, 1.0),  # ranks only
    "word_slips": (0.0, INF),
    "transposed": (0.0, 1.0),
    "far_word": (0.0, 1.0),
    "far_long": (0.0, 1.0),  # ranks only
    "far_short": (0.0, 1.0),  # margin only
    "long_slip": (0.0, INF),  # computed per reading (letters of a lowercase word)
    "word_in_document": (0.0, INF),
    "before_pause": (0.0, 1.0),
    "closed_reading": (0.0, 1.0),  # ranks only
    "capitalized_word": (0.0, 1.0),  # every English reading of a capitalized word
    "initial_word": (0.0, INF),  # exact per word
    "heading_initial": (0.0, 1.0),  # exact per word
    "name_slot": (0.0, 1.0),
    "capitalized_use": (0.0, INF),  # exact per reading
    # two words typed without the space (features.split_features; lowercase words only, never bounded)
    "missing_space": (0.0, 1.0),
    "function_half": (0.0, 1.0),
    "lost_article": (0.0, 1.0),
    "pair_support": (0.0, LIMIT),
    "runon_news": (0.0, 2 * LIMIT),  # margin only
    "solid_news": (0.0, 2 * LIMIT),  # margin only (runon_news's value, for a pair compound_pair weighs)
    "glued_function": (0.0, 1.0),  # margin only
    "weaker_cut": (0.0, INF),  # ranks only
    "compound_pair": (0.0, INF),
    "spaced_in_news": (0.0, INF),  # margin only
    "glued_half": (0.0, LIMIT),  # ranks only (a word reading's, decide._glued_halves: pair_support's value)
}
NAME = frozenset(
    "name_prior edit_cost same_name near_name common_partner partner_words whole_name shared_partner other_partner "
    "short_name short_typed_name glued_name glued_words other_name "
    "unmatched_particle in_document full_name_in_document far_name common_name tail_slip form_in_document title "
    "honorific role role_word office_in_document "
    "place_preposition place_preposition_the place_as_person place_noun place_meeting meeting_title place_event "
    "country_list place_list list_sibling "
    "city_list country_of "
    "city_country topic demonym_before_pause form_cue name_context news_name news_over_typed alternate_over_typed "
    "unsupported "
    "far_unvouched once_in_document other_person_in_document typed_place_cues mate_in_document given_in_document "
    "surname_opens_name country_water".split()
)
WORD = frozenset(
    "word_prior edit_cost omission omission_lower known_misspelling bigram_support bigram_against context_support "
    "news_support news_start "
    "news_context news_triple number_prior number_clash tense_clash verb_clash coordinated word_slips transposed "
    "far_word far_long far_short word_in_document before_pause closed_reading capitalized_word initial_word "
    "heading_initial long_slip capitalized_use name_slot glued_half".split()
)
SPLIT = frozenset(
    "word_prior edit_cost missing_space function_half lost_article bigram_support bigram_against "
    "news_context news_triple news_start pair_support runon_news glued_function weaker_cut compound_pair "
    "spaced_in_news solid_news".split()
)
# The typed word's features (features.null_features): computed exactly, never bounded.
NULL = frozenset(
    "typed_zipf name_floor listed_part bare_place_part own_place_context own_place_list name_fragment seen_name "
    "own_entity name_word "
    "rare_sequences repeated village unlisted_neighbour unlisted_list capitalized bias tail_word marked_sic "
    "lone_capitals split_half foreign_named foreign_phrase spelling_list combining_form latin_binomial prefixed_word "
    "derived_word stem_in_document".split()
)
# null features that decide._name_scored drops for some readings: own_entity for the same
# entity, own_place_context and own_place_list for a name of the place's own country
DROPPED = frozenset(("own_entity", "own_place_context", "own_place_list"))
# added after the floor is passed (decide._finding: alone_*, news_lead); inflection_rival weighs no reading: it is the
# share of the odds that decide.posterior counts for a rival that is a form of the proposed word
FINDING = frozenset(("alone_word", "alone_name", "news_lead", "inflection_rival"))
# Name features that only a person's reading has, and those only a place's.
PERSON = frozenset(
    ("title", "honorific", "role", "role_word", "office_in_document", "full_name_in_document", "common_name")
)
PLACE = frozenset(
    "place_preposition place_preposition_the place_as_person place_noun place_meeting meeting_title place_event "
    "country_list place_list list_sibling "
    "city_list country_of "
    "city_country topic name_context form_in_document news_name news_over_typed alternate_over_typed "
    "country_water".split()
)
# The features of a name reading bounded per name; the others are bounded per word (``_name_gates``).
PER_NAME = frozenset(
    (
        "name_prior",
        "edit_cost",
        "in_document",
        "full_name_in_document",
        "form_in_document",
        "news_name",
        "news_over_typed",
        "alternate_over_typed",
    )
)
PARTNER = (
    "same_name",
    "near_name",
    "common_partner",
    "partner_words",
    "whole_name",
    "shared_partner",
)  # a name with a partner is not bounded
SLACK = 1e-9  # the bound is summed in another order than the margin
ZERO = (0.0, 0.0)


def hopeless(
    ctx: Context,
    i: int,
    floor: float,
    null: Mapping[str, float],
    names: Sequence[tuple[str, int]],
    person: bool,
    partners: Mapping[str, object],
    english: bool,
    exact: Callable[[str, int], float] | None = None,
) -> bool:
    """True when no reading of the word at ``i`` (but a lowercase word's as two words) can
    reach ``floor``: decide finds nothing for it (``margin_bound``). ``exact``: the margin of reading the word as a
    listed name (key, distance), as the full scoring weighs it; the few names whose bound
    reaches the floor are weighed with it, the likeliest first, instead of giving up."""
    bounds = _bounds(ctx, i, null, names, person, partners, english, floor - SLACK)
    if bounds is None:
        return False
    typed, named, word = bounds
    if typed + word >= floor - SLACK:
        return False
    near = sorted((b, key, dist) for b, key, dist in named if typed + b >= floor - SLACK)
    if near and exact is None:
        return False
    gates = _word_gates(ctx, i, null) if near else {}
    return all(
        typed + _tight_bound(ctx, i, key, dist, _kind(ctx, key, person), gates) < floor - SLACK
        or exact(key, dist) < floor  # type: ignore[misc]
        for _, key, dist in reversed(near)
    )


def margin_bound(
    ctx: Context,
    i: int,
    null: Mapping[str, float],
    names: Sequence[tuple[str, int]],
    person: bool,
    partners: Mapping[str, object],
    english: bool,
) -> float:
    """At least the margin of every reading decide.py's ``_score`` gives the
    word at ``i``: ``null``, its features as typed; ``names``, the listed names it reads
    (``(key, distance)``), as a person's name if ``person``, with the neighbour that
    completes each (``partners``); ``english``: whether it may read English words too.
    ``-inf`` when it has no reading, ``inf`` when a neighbour completes a name (not bounded)."""
    bounds = _bounds(ctx, i, null, names, person, partners, english)
    if bounds is None:
        return INF
    typed, named, word = bounds
    return typed + max([word, *(b for b, _, _ in named)])


def _bounds(
    ctx: Context,
    i: int,
    null: Mapping[str, float],
    names: Sequence[tuple[str, int]],
    person: bool,
    partners: Mapping[str, object],
    english: bool,
    enough: float = INF,
) -> tuple[float, list[tuple[float, str, int]], float] | None:
    """``margin_bound`` in parts: the typed word's share of every margin, each name's
    ``(bound, key, distance)`` and the English words' bound without it (``-inf`` for none);
    None when a neighbour completes a name. The English words are bounded until the typed
    word's share and theirs reach ``enough`` (``hopeless``'s floor: no more can change its
    answer, and they read none of the document's counts); their bound is then at least that."""
    words = ctx.words
    core = words[i].core
    weights = ctx.model.weights
    # (DROPPED: dropped for a reading of the same entity, or of the place's country: at most 0;
    # one exact sum, not a loop over a frozenset, whose order changes with the hash seed)
    typed = math.fsum(
        max(0.0, weights[n] * v) if n in DROPPED else weights[n] * v for n, v in null.items() if n not in RANK_ONLY
    )
    named: list[tuple[float, str, int]] = []
    if names:
        if any(partners.get(k) for k, _ in names):
            return None
        gates = _word_gates(ctx, i, null)
        common = _sum(ctx, NAME - PERSON - PLACE - PER_NAME, gates)
        kinds = {
            "person": common + _sum(ctx, PERSON - PER_NAME, gates),
            "place": common + _sum(ctx, PLACE - PER_NAME, gates),
        }
        for key, dist in names:
            kind = _kind(ctx, key, person)
            named.append((kinds.get(kind, common) + _name_bound(ctx, i, key, dist, kind), key, dist))
    word = -INF
    if english:
        for key, dist in ctx.speller.lookup(core):
            word = max(word, _word_bound(ctx, i, key, dist))
            if typed + word >= enough:
                break
    return typed, named, word


def _kind(ctx: Context, key: str, person: bool) -> str:
    """What the name ``key`` is read as: a person's name where one goes (``person``), or where
    the text writes the person's full name (``features._name_prior``); else its own kind."""
    kind = "person" if person else _name_values(ctx, key)[3]
    # (whether some person bears the name: the lexicon's answer, asked once a name)
    if (
        kind == "place"
        and for_word(ctx.memo, "names_person", key, partial(names_person, key, ctx.lexicon))
        and person_in_text(ctx, key)
    ):
        return "person"
    return kind


def _word_gates(ctx: Context, i: int, null: Mapping[str, float]) -> dict[str, tuple[float, float]]:
    """``_name_gates``, and no tail_slip where the typed word has no tail_word."""
    gates = _name_gates(ctx, i)
    if not null.get("tail_word"):
        gates["tail_slip"] = ZERO
    return gates


def _tight_bound(
    ctx: Context, i: int, key: str, dist: int, kind: str, gates: Mapping[str, tuple[float, float]]
) -> float:
    """A name's share of the bound (``_bounds``: the name has no partner) with the cues that it
    bounds most loosely known (measured on dev news, where the bound reaches the floor: news
    pairs 0.8 on average, another name beside 0.5, a far name 0.3, a name before glue 0.4): the
    name features.name_features reads before the glue (glued_name) or beside it (other_name),
    far_name where the text never writes the name, and its news pairs (name_context): for
    the few names whose bound reaches the floor, before they are weighed in full."""
    words, lexicon = ctx.words, ctx.lexicon
    exact = dict(gates)
    before = words[i - 1].core.lower() if i > 0 else ""
    run = whole_name_before(words, i, key, lexicon, ctx.memo) if before in NAME_GLUE else None
    glued = float(run is not None)
    more = float(words_ahead(words, i, run[1]) - 1) if run is not None else 0.0
    other = float(not glued and bool(other_name_beside(words, i, key, lexicon, ctx.memo)))
    exact.update(glued_name=(glued, glued), glued_words=(more, more), other_name=(other, other))
    if dist >= FAR_EDITS and not written(ctx.in_document, lexicon.display[key]):
        exact["far_name"] = (1.0, 1.0)  # (no in_document, no full_name_in_document)
    if kind == "place":
        news = min(news_context(words, i, key, key, ctx.bigrams, clip=True), MAX_NAME_CONTEXT)
        exact["name_context"] = (0.0, news)
    group = NAME - PER_NAME - (PLACE if kind == "person" else PERSON if kind == "place" else PERSON | PLACE)
    return _sum(ctx, group, exact) + _name_bound(ctx, i, key, dist, kind, news=kind != "place", priced=True)


def _name_gates(ctx: Context, i: int) -> dict[str, tuple[float, float]]:
    """The values the context lets each name feature take at ``i``, whatever the name."""
    words, lexicon = ctx.words, ctx.lexicon
    word = words[i]
    gates: dict[str, tuple[float, float]] = dict.fromkeys(PARTNER, ZERO)
    title = _title_before(ctx, i)[0]
    if not title:
        gates.update(dict.fromkeys(("title", "honorific", "role", "role_word"), ZERO))
    elif title[0] in HONORIFICS:
        gates.update(dict.fromkeys(("title", "role", "role_word"), ZERO))  # Mr., Dr.: some person
    else:
        gates["honorific"] = ZERO
        if len(title) == 1:  # (an office named by one word, or by several: role)
            gates["role"] = ZERO
            gates["role_word"] = (0.0, _title_rarity(lexicon).get(title[0], 0.0))
        else:
            gates["role_word"] = ZERO
    if word_before(words, i) not in PLACE_PREPOSITIONS:
        gates["place_preposition"] = ZERO
    if not preposition_before_the(words, i):
        gates["place_preposition_the"] = ZERO
    if (words[i - 1].core.lower() if i > 0 else "") not in NAME_GLUE:
        gates["glued_name"] = gates["glued_words"] = ZERO
    if not place_noun(words, i):
        gates["place_noun"] = ZERO
    meeting = meeting_noun(words, i)
    if not meeting:
        gates["place_meeting"] = ZERO
    if not accord_title(meeting, word_before(words, i)):
        gates["meeting_title"] = ZERO
    if not event_before(words, i):
        gates["place_event"] = ZERO
    gates["country_list"] = (0.0, float(len(country_beside(words, i, lexicon))))
    items = float(sum(1 for _ in list_items(words, i)))
    gates["place_list"] = (0.0, items)
    gates["city_list"] = (0.0, items)
    if not office_of(words, i):
        gates["country_of"] = ZERO
    if not any(comma_sides(words, i)):
        gates["city_country"] = ZERO
    note_any_topic(ctx.in_document, ctx.topics)  # (a decision kept for a text without topics holds for no other)
    if not ctx.topics or lexicon.zipf(word.core) != 0.0:
        gates["topic"] = ZERO
    if word.core.lower() in lexicon.name_index:
        gates["name_context"] = ZERO  # (a listed name as typed reads no news pairs, but where ``_name_bound`` says)
    return gates


def _name_bound(ctx: Context, i: int, key: str, dist: int, kind: str, news: bool = True, priced: bool = False) -> float:
    """At least the part of the margin of the name ``key`` read at ``i`` that ``PER_NAME`` make
    (and ``news``: the news pairs of a place's name that is the typed word as listed; ``priced``:
    with its edit cost as the full scoring prices it, ``_name_cost``)."""
    lexicon, weights = ctx.lexicon, ctx.model.weights
    core = ctx.words[i].core
    display, prior, prominent, _ = _name_values(ctx, key)
    count = ctx.in_document[display]
    cost = _name_cost(ctx, core, key, dist, priced)
    used = 1.0 / dist if count >= max(1, ctx.in_document[core]) else 0.0
    full = float(count >= 1 and kind == "person")
    form = form_in_document(ctx, i, key, dist) if kind == "place" else 0.0
    # (a listed typed word reads news pairs for a place the text writes: ``_name_gates`` cannot know which)
    listed = news and used and kind == "place" and core.lower() in lexicon.name_index
    listed_news = MAX_NAME_CONTEXT if listed else 0.0
    over = news_over_typed(core.lower(), key, lexicon, ctx.bigrams) if dist == 1 else 0.0  # (as name_features)
    return (
        _term(weights["name_prior"], 0.0, prior)
        + _term(weights["edit_cost"], cost, INF)
        + _term(weights["in_document"], 0.0, used)
        + _term(weights["full_name_in_document"], 0.0, full)
        + _term(weights["form_in_document"], 0.0, form)
        + _term(weights["name_context"], 0.0, listed_news)
        + _term(weights["news_name"], prominent, prominent)
        + _term(weights["news_over_typed"], 0.0, over)  # (0 where no neighbour calls for a place)
        + _term(weights["alternate_over_typed"], 0.0, over)  # (at most news_over_typed's value)
    )


NAME_VALUES = "name_bound"  # the word table of ``_name_values``


def _name_values(ctx: Context, key: str) -> tuple[str, float, float, str]:
    """What ``_name_bound`` and ``_kind`` read of the listed name ``key`` alone: its display
    form, its prior's bound (``features._name_prior``: the prominence of an entity so named is
    at most the name's, ``lexicon.name_prior``, and the prior reads it or how often text names
    it), ``news_name`` (a place's reading only, but a place read where a person's name goes is
    one too: bounded for any) and its kind, asked once a name."""
    table = word_table(ctx.memo, NAME_VALUES, MEMO_SIZE)
    found = table.get(key)
    if found is None:
        lexicon = ctx.lexicon
        zipf = lexicon.zipf(key)
        prominence, kind = lexicon.name_prior[key]
        prior = max(prominence, zipf) + USAGE_WEIGHT * zipf
        prominent = remember(ctx.memo, ("news_name", key), partial(news_name, key, lexicon, ctx.bigrams))
        found = table[key] = (lexicon.display[key], prior, prominent, kind)
    return found


def _name_cost(ctx: Context, core: str, key: str, dist: int, priced: bool) -> float:
    """At most the edit cost of reading the name ``key`` for ``core`` (features.name_features's,
    which its table of answers per word keeps): that cost where ``priced`` (the few names whose
    bound reaches the floor, ``_tight_bound``: on 10 MB of news 4,418 ask it, and 606 fewer of 8,074
    are weighed in full) or where the table knows it, else ``cost_floor`` (some 53,000 names
    bounded: pricing each, two slips by ``slip_cost``, would cost more than it saves)."""
    if priced:
        return name_edit_cost(ctx.memo, core, key, dist)
    known = known_for_word(ctx.memo, NAME_COST, (core, key, dist))
    return known if known is not None else cost_floor(core, key, dist)


def _word_bound(ctx: Context, i: int, key: str, dist: int) -> float:
    """At least the candidate part of the margin of the English word ``key`` read at ``i``."""
    lexicon = ctx.lexicon
    word = ctx.words[i]
    core = word.core
    prior = lexicon.words[key]
    cost = for_word(ctx.memo, "word_cost", (core, key, dist), lambda: edit_cost(core, key, dist))
    known = for_word(ctx.memo, WORD_VALUES, (core, key, dist), partial(_word_values, core, key, dist, lexicon))
    misspelt, left_out, lower, longer, capital = known
    pause = float(key in NOUN_BEFORE and word.pause_after)
    # the context's support counts in the margin where its weight is not 0: computed, not bounded
    support = max(0.0, bigram_support(ctx.words, i, key, ctx.bigrams)) if ctx.model.weights["context_support"] else 0.0
    news = 0.0
    if ctx.model.weights["news_support"] and core.islower():
        news = max(0.0, news_context(ctx.words, i, key, key, ctx.bigrams))
    initial = initial_word(ctx, i) if not core.islower() else 0.0
    heading = heading_initial(ctx, i) if not core.islower() else 0.0
    values = (prior, cost, left_out, lower, misspelt, pause, support, news, longer, capital, initial, heading)
    fixed, weights = _word_split(ctx)
    # (each known value's term, _term's w x v for a value from v to v; fsum is exact: the order is free)
    return math.fsum([*fixed, *(w * v if w else 0.0 for w, v in zip(weights, values, strict=True))])


# The features whose values ``_word_bound`` knows exactly, in the order it gives them.
WORD_EXACT = (
    "word_prior",
    "edit_cost",
    "omission",
    "omission_lower",
    "known_misspelling",
    "before_pause",
    "context_support",
    "news_support",
    "long_slip",
    "capitalized_use",
    "initial_word",
    "heading_initial",
)


def _word_split(ctx: Context) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """``_sum``'s terms of the features of ``WORD`` but ``WORD_EXACT`` (at their largest, as
    ``RANGES`` allows), and the weight of each of ``WORD_EXACT`` in the margin (0 for one that
    only ranks): worked out once a model."""
    splits: dict[Any, Any] = word_table(ctx.memo, f"sum_splits {id(ctx.model)}", MAX_SPLITS)
    found = splits.get(WORD_EXACT)
    if found is None:
        model = ctx.model
        fixed, _ = _split(model, WORD, WORD_EXACT)
        weights = tuple(0.0 if n in RANK_ONLY else model.weights[n] for n in WORD_EXACT)
        found = splits[WORD_EXACT] = (fixed, weights)
    return cast(tuple[tuple[float, ...], tuple[float, ...]], found)


WORD_VALUES = "word_bound"  # the word table of ``_word_values``


def _word_values(core: str, key: str, dist: int, lexicon: Lexicon) -> tuple[float, ...]:
    """The features ``_word_bound`` reads of the typed word and the English word ``key`` alone,
    whatever their neighbours, but the prior and the edit cost (known_misspelling, omission,
    omission_lower, long_slip, capitalized_use): asked once a (word, reading) in the table
    ``WORD_VALUES`` (the same typo recurs in other windows, each decided anew); mostly none."""
    misspelt = known_misspelling(core, key, lexicon)
    left_out = float(dist == 1 and omitted(core, key))
    lower = left_out * lower_omission(core, key)
    longer = long_slip(core, key, dist, lexicon)
    capital = capitalized_use(key, lexicon) if core.islower() else 0.0
    values = misspelt, left_out, lower, longer, capital
    return values if any(values) else _NO_VALUES


_NO_VALUES = (0.0, 0.0, 0.0, 0.0, 0.0)  # (one tuple for the many readings without any)


def _term(w: float, lo: float, hi: float) -> float:
    """The largest ``w x value`` for a value from ``lo`` to ``hi``."""
    if not w:
        return 0.0
    a, b = w * lo, w * hi
    return b if b > a else a  # (as max(a, b): the first of two equal, a NaN first kept)


def _sum(ctx: Context, group: frozenset[str], values: Mapping[str, tuple[float, float]]) -> float:
    """The largest sum of ``weight x value`` over the margin's features of ``group``. The terms
    of the features that ``values`` leaves to ``RANGES`` are the same for every word with that
    model, group and keys: worked out once a memo (``_split``); fsum is exact, so their order is not."""
    keys = tuple(values)
    splits: dict[Any, _Split] = word_table(ctx.memo, f"sum_splits {id(ctx.model)}", MAX_SPLITS)
    split = splits.get((group, keys))
    if split is None:
        split = splits[group, keys] = _split(ctx.model, group, keys)
    fixed, asked = split
    weights = ctx.model.weights
    return math.fsum([*fixed, *(_term(weights[n], *values[n]) for n in asked)])


_Split = tuple[tuple[float, ...], tuple[str, ...]]


def _split(model: Model, group: frozenset[str], keys: tuple[str, ...]) -> _Split:
    """``_sum``'s terms of the features of ``group`` not in ``keys``, and the features in them."""
    weights, margin = model.weights, [n for n in group if n not in RANK_ONLY]
    fixed = tuple(_term(weights[n], *RANGES[n]) for n in margin if n not in keys)
    return fixed, tuple(n for n in margin if n in keys)


MAX_SPLITS = 4096  # (groups and keys in the orders the gates write them: 10 MB of news makes some 450)
