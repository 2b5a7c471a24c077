"""Features: named values that say how likely a reading of a typed word is.

Each function here is pure: given the document context and a word (and a candidate
spelling), it returns a dict of named values; model.py weighs them. ``FEATURES``
lists every name with what it measures: adding a feature means adding it there, a
weight in dictionaries/model.json and, ideally, fitting (scripts/fit_model.py).

Values that have a shape but no weight of their own (how the floor for an unknown
capitalized word falls with its length, how the prior of a far town is capped) are
computed with the constants below; the model scales the result.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA

from normalize.candidates import Bigrams
from normalize.context import (
    ABBREVIATED_TITLES,
    CAPITAL,
    CLOSED_READINGS,
    COMMON_ZIPF,
    DAM_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    KNOWN_ZIPF,
    NAME_GLUE,
    PARTICLES,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    SHARED_NAME_ZIPF,
    SUBJECT_WORDS,
    TITLE_PHRASE_ZIPF,
    TITLES,
    TOPIC_PROMINENCE,
    Context,
    Memo,
    about_elsewhere,
    adjacent,
    after_initial,
    before_name,
    beside_unlisted_name,
    best_entry,
    called_settlement,
    cited_entry,
    cities_beside,
    city_and_country,
    country_beside,
    event_before,
    for_word,
    is_country,
    latin_binomial,
    list_items,
    list_names,
    listed_with_unlisted,
    main_name_of,
    meeting_noun,
    name_neighbours,
    name_side,
    name_slot,
    named_in_full,
    named_prominence,
    names_person,
    note_topics,
    of_topic,
    office_of,
    office_words,
    person_prominence,
    person_slot,
    place_cue,
    place_first,
    place_noun,
    places_beside,
    rare_sequences,
    remember,
    role_of,
    role_word,
    same_name,
    settled_name,
    several_people,
    short_partner,
    short_unlisted,
    spellings_listed,
    title_phrase,
    typed_zipf,
    unlisted_name,
    unmatched_particle,
    village,
    vouches,
    water_not_named,
    whole_name_before,
    whole_name_words,
    words_ahead,
    written,
)
from normalize.derive import (
    DEMONYMS,
    PLURAL_SLACK,
    demonym,
    demonym_stems,
    derivation_stems,
    english_derivation,
    plural_form,
    prefixed,
)
from normalize.edits import EDIT_COST, edit_cost, omitted, one_slip, swapped
from normalize.forms import fold, recase, shape
from normalize.lexicon import Lexicon
from normalize.tokenize import Word
from normalize.types import Entry, Kind

FEATURES = {
    # the typed word, read as correct (negative weights: evidence against any change)
    "typed_zipf": "how often real text uses the typed word (Zipf; 0 for a misspelling codespell lists)",
    "name_floor": "capitalized: how far a floor for unknown names, lower for longer words, lies above typed_zipf",
    "listed_part": "part of a listed name seen alone (not a person's where a place is called for: inside Russa)",
    "name_fragment": "listed_part, but listed only inside place names of several words, never alone nor in a "
    "person's name (Keya of Keya Paha County, Cubo of Casigua El Cubo): seen alone, and not where a person's "
    "name goes (Ms. Keya), no name the lists know",
    "seen_name": "capitalized and in real use (Zipf >= 1), however rarely",
    "own_place_context": "the word names a place by itself (no country), and the copy gives that place context of its "
    "own, one for each cue: it calls the word a settlement (the town of [Irun]; [Irun], a Basque town), and the text "
    "writes the name of the place's country (Spain): a country one slip away is no likelier than that town. It "
    "weighs only readings of places of other countries (decide._name_scored drops it for the rest: Igan, a name of "
    "Eagan, in a text naming the United States, is still Ivan)",
    "bare_place_part": "listed_part, the word listed only for places, none as prominent as its own use, and "
    "nothing around it calls for a place or makes it part of a longer name (why did you strike [Irun]'s "
    "Revolutionary Guard; embargo imposed on [Cubo]; not in [Palu], Cape [Khrustalny], Judi and [Itay]): English "
    "introduces a town that small with a cue of place, so its listing is no evidence here; it cancels listed_part",
    "foreign_phrase": "a lowercase word within two of it, in the same clause, has a Latin letter English does not "
    "use and is no English word (Go raibh míle maith agaibh): a phrase of another language; or is written in "
    "another script (jupan (주판): a romanization beside its own spelling)",
    "foreign_named": "a lowercase word that is no English word, in a sentence that names a language before it "
    "(In Swahili, the Fijian word: a demonym, or a rare word no name has, where a language stands), 1, or glosses "
    "it (the word for bread is [mkate]; called “[W]”; '[W]' means), 1: a word of that language, not a slip; "
    "margin only",
    "latin_binomial": "lowercase with a Latin ending, after a capitalized word with a genus's Latin ending that "
    "no list has (Orycteropus [afer], Canis [lupus]): a species' epithet, not a slip of English; margin only",
    "combining_form": "lowercase, a combining form English writes solid (pseudo-, proto-, methyl-) and an English "
    "word (pseudotensor, protochemistry, methylhexane): a compound no list has; margin only",
    "prefixed_word": "lowercase, a prefix on a very common word (deoccupation, demine; derive.prefixed): a word "
    "English makes as it needs, which no list need have; margin only",
    "derived_word": "lowercase, a common word with a regular English ending that real text uses (defeater, "
    "lends; derive.english_derivation): a form no list need have, or a slip that takes its shape (hads, mader); "
    "margin only",
    "stem_in_document": "derived_word, and the text writes the word it is read from (the dey ... twenty-nine "
    "deys): log10 of how much likelier the text makes that word, as word_in_document; margin only",
    "own_place_list": "the word names a place by itself (no country), and a list or range beside it names places "
    "of that place's country, one for each (from Yalta to [Sudak]; Izmail and [Reni]): weighs only readings of "
    "places of other countries, as own_place_context",
    "own_entity": "the typed word names a listed entity itself: how far its prominence lies above the rest",
    "name_word": "lowercase, a word of listed names: log10 of how many entities it names (raion: a noun of names)",
    "rare_sequences": "letter triples hardly any word or name has (up to 2): typing, not spelling",
    "repeated": "log2 of how often the text uses the typed spelling, if more than once",
    "village": "the text calls the place a village",
    "unlisted_neighbour": "a capitalized neighbour that no list or dictionary has: one unlisted name",
    "unlisted_list": "capitalized, in a list beside a capitalized word no list has (Nemerovski, Canady, Falk)",
    "spelling_list": "capitalized, in a list beside other spellings of it that no list has, within two edits "
    "(Alibamu, Alabamo, Albama): the text lists a name's spellings, none a slip (up to 2)",
    "capitalized": "the typed word is capitalized",
    "bias": "1 for every reading: the model's intercept",
    "tail_word": "a listed name, then a function word (Bidenon, Palestineand): a lost space, not a slip",
    "tail_slip": "a name's reading one slip from a word that tail_word reads as a name and a function word, "
    "the text never writing that name alone (Pariis: Paris, not Pari is)",
    "marked_sic": "the writer marks the spelling as intended: [sic] or (sic) right after the word",
    "lone_capitals": "in capitals among words that are not (AUSMIN 2023, CENTAM Guardian): an acronym",
    "split_half": "with a neighbour, one space between, an English word (prosper ity): its Zipf, half of a split word",
    # a candidate
    "name_prior": "how prominent the person or place is, or how often text names it (log10 scale)",
    "word_prior": "the English word's Zipf frequency (of the rarer half, for a missing space)",
    "edit_cost": "the price of the slips that turn the candidate into the typed word (edits.py)",
    "missing_space": "the candidate is two words typed without the space between them",
    "same_name": "a neighbour is the other part of a listed name with the candidate",
    "near_name": "same_name, and the candidate is one slip away",
    "other_name": "no same_name, but a neighbour is a word of names (Jens [Plotner], Khe [Sanh], Omelyan "
    "[Kovch]) or before it a common given name (Michael [Klim]): the typed word is part of a name that no list "
    "has with the candidate",
    "common_name": "a person's reading of a capitalized word that real text writes often (Zipf >= 2.5, a word in 3 "
    "million), no rare word of the name beside it vouching for the official: people bear names one slip apart (Juan "
    "Hernando, not Fernando; but Emanuel Macron is a slip)",
    "far_name": "two edits or more from the typed word, with no same_name and not spelled in the text: an "
    "unlisted name is likelier than so far a slip (Balikatan, Kobaloni, Bab al-Mandab)",
    "shared_partner": "near_name through a word of many listed names (Khan, Singh, Ali), the text writing no "
    "more of the reading's longer listed name (Aamir Khan, not Amir Khan Muttaqi)",
    "other_partner": "same_name through a neighbour beyond which the text writes another capitalized word where "
    "the reading's listed name has its own (Cho Tae [Yong]: Kim Tae-young): the text names another person who "
    "shares the partner word",
    "short_name": "same_name only through a person's listed main name of three words or more written short, the "
    "first word and the surname with the particles before it (Javier [Mliei]: Javier Gerardo Milei), or the "
    "surname before the last (Nayib [Bukelle]: Nayib Armando Bukele Ortez): weaker evidence than the name as listed",
    "short_typed_name": "short_name where the typed word is itself a word of listed names that real text uses "
    "(seen_name: Vitor, beside Pereira, not Victor Gomes Pereira written short; not Asfi): a name of its own, whose "
    "partner is no evidence of a slip",
    "partner_words": "same_name through more than one exact word (Ursula von der [Leyen]): how many more",
    "whole_name": "near_name, and the text writes more words of a listed person's name with the candidate in a row "
    "(Daw [Aung] San Suu Kyi: 2 more than San): how many more",
    "common_partner": "same_name two slips away, by how much the neighbour's Zipf exceeds 4 (Tom)",
    "in_document": "the text spells the candidate elsewhere (1 / edit distance)",
    "once_in_document": "in_document's value where it is all that calls for the name (no other of features."
    "NAME_SUPPORT; for a typed word that is a listed place's name, no cue of place counts either), the text writes "
    "the name once and the typed word once, and real text uses the typed word (typed Zipf >= SEEN_ZIPF): nothing "
    "tells which of the two is the slip (Burna Boy beside Burma; hand-set to cancel in_document)",
    "other_person_in_document": "in_document's value for a person's reading beside a partner, where each use of "
    "the name in the text is one of another listed person's name written there in full without the partner's "
    "words (Dong Jun, in a text that writes Kim Jong Un: not Kwak Jong Jun; hand-set to cancel in_document)",
    "given_in_document": "in_document's value for a person's reading with no partner of a word real text uses "
    "(typed Zipf >= SEEN_ZIPF), where the text writes in full, as often as the name, a listed person's name that "
    "opens with it: the name is that person's given name, and the word alone a surname of its own (Pedro Sánchez, "
    "then President Petro: not Pedro; hand-set to cancel in_document)",
    "surname_opens_name": "a person's reading with no partner that is no given name (a surname: Gazi Erçel's "
    "Ercel), of a word that opens a name with the capitalized word after it (features.name_mate: Governor "
    "[Edcel] Greco Lagman): the word is an unlisted person's given name, no slip of the surname (hand-set)",
    "mate_in_document": "in_document's value for a person's reading of a word that opens a name with the "
    "capitalized word after it, no partner of the reading (Mikie [Sherrill]), where the text writes that word no "
    "more often than the typed one: the text's uses of the name are never beside it, so they are another "
    "person's (Mike Johnson; hand-set to cancel in_document)",
    "form_in_document": "a country's name or demonym, the text writing its other form and not it (Russian for "
    "[Russia]): 1 / edit distance",
    "full_name_in_document": "a person's reading: the text writes a listed name of several words with it in full "
    "(Sergei Lavrov, then Mr. [Lavrv] twice)",
    "unmatched_particle": "a name particle before the word that no listed name has before the candidate (Al-[Hilu])",
    "title": "a person's name after a title (President, Minister, Secretary of State, Sen.), where the reading's "
    "part of it goes (not a surname reading before another name: Minister Keya [Sharma] is no Key)",
    "honorific": "a person's name after Mr, Mrs, Ms, Dr or Prof (with a full stop or without), where the reading's "
    "part of it goes: a person, any person",
    "role": "the title of several words is an office the person holds (Secretary of State [Blinken])",
    "role_word": "else a one-word title names an office the person holds (Chancellor [Scholz]): log10 people/holder",
    "office_in_document": "role or role_word, and in_document: after the title of an office the person holds, in a "
    "text that writes the person's name elsewhere and the typed spelling no more often (President [Bien], in a text "
    "that writes Biden): the text is about that office's holder, not about another bearer of a word one slip away",
    "place_preposition": "a place's name after a preposition of place: 1 (in, near, inside), 0.5 after one that "
    "takes a person or a firm as readily (to, from, at)",
    "place_preposition_the": "a place's name after a preposition of place and 'the' (in the Sahel, to The "
    "Hague), valued as place_preposition",
    "place_noun": "a place's name before a region noun (region, oblast, province), or after a noun of land, water or "
    "settlement and of (the city of [Sumy]; not a country after a settlement's noun: the town of [Irun] is no Iran)",
    "country_water": "a country's reading of a word right before a noun of inland water (river, lake, creek, "
    "stream...) that no listed name has after the country, the word as typed a name in real use (the Chira "
    "river: not China; not the Nigor River)",
    "place_as_person": "a name of places only, where a person's name goes: right after a title's word or an "
    "initial (Ms. [Keya], Dr. [Kenua]) 1, after a longer phrase read as a title 0.5; not beside a word of the "
    "place's own name",
    "place_meeting": "a place's name before a noun of a meeting or accord named after it (Sendai Framework)",
    "meeting_title": "place_meeting, the noun capitalized and 'the' before the name (the Sendai Declaration, the "
    "Paris Agreement): the title of an accord named after where it was made",
    "place_event": "a place's name after an event and in or at (held in [Paris], the Summit in [Rome]): where "
    "it was held, as place_preposition says only that it is somewhere",
    "glued_name": "the words of a listed name before it, across of or the (Republic of Fijo, Islamic Republic of Iwan)",
    "glued_words": "glued_name through more than one capitalized word of the name (Islamic Republic of [Irah]: Iran, "
    "whose listed name has both, not Iraq's Republic of): how many more",
    "place_list": "a place's name (no country's) in a list beside other listed places of its country (Kharkiv, "
    "Chernihiv, Semy), no region that locates it: 0 to 2",
    "city_list": "a big city's settled name (a capital, or a city as prominent; no country) in a list beside "
    "the settled names of big cities of other countries (Paris and Kyiv. For [Burlin] and Warsaw; Istanbul, "
    "[Abku]): a list of capitals, which place_list does not count: 0 to 2",
    "list_sibling": "a place's reading that another item of the list the word stands in writes (Gabon, [Ligeria], "
    "Madagascar, Nigeria): a list names each place once, so the word is another item",
    "country_list": "a country's name in a list beside other countries (Jordan, Traq, Yemen; Venezuela and "
    "Guiyana): how many of its two neighbours are countries",
    "city_country": "a place and its country across a comma (Nairobi, [Keya]; [Tripolio], Libya)",
    "country_of": "a country's main name after a title or a people's noun and of (President of [Franci])",
    "name_context": "log10 of how much likelier news copy makes the name beside its neighbours, each side at "
    "least 0 (dictionaries/news_counts.tsv: Kirov region, Minsk agreements, in Sochi)",
    "topic": "a prominent place of a country the text is about",
    "news_name": "a place's name: how much more often news copy writes it (dictionaries/news_counts.tsv) than "
    "text at large or its prominence says, less half a log10 that news copy's topics lift any place, 0 to 2 "
    "(Sahel 1.2, Hamas 0.8, Ukraine 1.0; Kharkiv, Iran, Nice 0)",
    "typed_place_cues": "a place's reading of a word that is itself the main name of a listed place and that real "
    "text uses as often as a common name (Zipf 2.5: Indio, read as India): the sum of the values of its cues that "
    "call for any place (a preposition of place, a region noun), which call for the typed place as much; its weight "
    "takes them back",
    "news_over_typed": "a place's reading one slip from a listed name or a word real text uses that news copy never "
    "writes (in [Emen], to [Kena], in [Nogo]), where a neighbour calls for a place (a preposition of place, a "
    "region noun, a list of countries...) and none makes the word part of a name no list has (other_name): log10 "
    "of how many times news copy writes the reading, 0 to 2 (China 2.7, Kenya 2.1: 2; Lublin 0.5; "
    "dictionaries/news_counts.tsv)",
    "alternate_over_typed": "a place's reading one slip from a word the lists give only as another name of that "
    "same place (GeoNames' alternate names: Mosco, Soci for Moscow, Sochi) and that news copy never writes: log10 "
    "of how many times news copy writes the reading, less 1, 0 to 1 (news_over_typed's value; no neighbour need "
    "call for a place, as the lists say which place is meant)",
    "demonym_before_pause": "a demonym before a comma, a full stop, a possessive or a preposition, where nouns stand",
    "form_cue": "how much likelier English makes the other form (country or demonym) before the next word",
    "bigram_support": "log10 affinity of the candidate with its neighbours, where positive (ranks only)",
    "bigram_against": "the same, where negative",
    "news_context": "log10 of how much likelier news copy makes the English word beside its neighbours "
    "(dictionaries/news_counts.tsv; ranks only)",
    "news_triple": "log10 of how much likelier news copy makes the English word beside the two words before "
    "it and the two after it than beside the nearer ones alone, each side at least 0 (withi two weeks: "
    "within; dictionaries/news_counts.tsv's triples; ranks only)",
    "news_start": "the word opens a sentence, capitalized: log10 of how much likelier news copy makes the English "
    "word a sentence's first (dictionaries/news_counts.tsv's pairs after <s>: Bigrams.at_start), the left side "
    "news_context lacks there ([Ths] is: This, not The; [Yus], we will: Yes, not Us); for a reading one edit "
    "away, where news copy opens sentences with it at all (ranks only)",
    "word_in_document": "the text uses the English word in some form: log10 of how much likelier it is (ranks only)",
    "number_prior": "the English word in both numbers, less this form (talks: talk and talks; Zipf, ranks only)",
    "coordinated": "the English word ends in -ly, -ing or -ed as the English word joined to it by and or or "
    "does (bilaterally and [multilaterally], spoken [directly] and honestly): words joined so share their "
    "form (ranks only)",
    "number_clash": "one of two English words that differ by -s (talk, talks), not in the number the word "
    "before calls for: a modal or a singular determiner the bare form, a plural determiner or he, she the -s "
    "form (ranks only)",
    "tense_clash": "an English reading in a verb form the word before rules out: a bare form that has an -ed "
    "form after have, has, had (have [urgd]: urged, not urge), an -ed form after a modal (ranks only)",
    "verb_clash": "an English reading in a verb form the word before rules out where number_clash and "
    "tense_clash have not spoken, when the form it calls for lies one slip from the typed word too: an -ed form "
    "after to and before an object, an -s, -ed or -ing form after a modal or a negated do, an -s form after I or "
    "they (to [damagee] its: damage, not damaged; ranks only)",
    "word_slips": "a lowercase word's English reading: how much cheaper its slips are than plain edits (ranks only)",
    "transposed": "an English reading of a word of 5 letters or more that has two letters side by side swapped "
    "(talsk: talks, not task or talk; ranks only)",
    "inflection_rival": "not a feature of a reading: the share of the odds a rival that is a form of the proposed "
    "English word (show, shows, showed) keeps in decide.posterior (the gap to it is checked on its own)",
    "far_word": "a lowercase word's English reading two edits or more away (ranks only): where the right reading "
    "and its rival scored close on dev, the rival lay two edits away nine times as often as the right one",
    "far_long": "far_word again where the typed word has FAR_LONG_LETTERS letters or more (ranks only): a "
    "shorter unknown lowercase word is as often a word of another language (a na drua, kava, dalo) as a slip, and "
    "a stronger pull toward its one-edit reading would change it (drua: drug)",
    "far_short": "far_word again where the typed word has fewer than FAR_SHORT_LETTERS letters (margin only): two "
    "edits change a third of a word of six letters, and so many common words lie that near a short unknown word that "
    "one there is as likely a rare word of its own (saxaul: sexual) as a slip; on dev no typo of six letters or fewer "
    "is fixed two edits away",
    "long_slip": "a lowercase word no text uses, one slip or two apart from an English word (no added ending or "
    "prefix, no -ise for -ize; two edits not in one stretch of letters, the typed word no inflection of a listed "
    "one, no unknown lowercase word beside it): its letters beyond LONG_SLIP; the longer a word, the fewer words "
    "lie one slip from another (politiciztation, recrimonation, metiucluosly), so the less likely it is a word no "
    "list has; margin only",
    "omission": "an English reading that restores one letter the typed word left out (goverment, wre): "
    "the commonest misspelling (Pollock & Zamora 1983)",
    "omission_lower": "omission for a typed word in lowercase with the letter left out inside it (goverment, wre), "
    "not a capitalized one (Graduat) nor a word short of its last letter (materia, a word of its own): a lowercase "
    "word has English readings only; margin only",
    "known_misspelling": "codespell lists the typed word as a misspelling of the English word (teh: the; "
    "dictionaries/misspellings.tsv): 1 / the number of words it lists for it, shared again with each other "
    "English word of Zipf 3 or more one cheaper slip from the typed word (mumber: number, and member)",
    "before_pause": "an English word that needs a noun after it (the, its, of) read before a comma or full stop",
    "closed_reading": "a lowercase word read as a closed-class English word (the, their, would, been: "
    "FUNCTION_WORDS, CLOSED_CLASS): a non-word is a slip of such a word less often than its frequency says "
    "(ranks only)",
    "initial_word": "an English reading of the first word of a sentence of prose that no list has and the text "
    "writes once (Thrse are, Nutably, the): the typed word's name_floor, which the sentence's capital does not earn; "
    "not for a reading English writes capitalized (Conradh: Conrad, a name's capital is its own: name_reading)",
    "heading_initial": "an English reading of the first word of a sentence that a capitalized word follows "
    "(Attravt Investment, Eputy National Security Advisor) that no list has and the text writes once: a heading's "
    "first word or a sentence's as likely as a name's; takes back part of capitalized_word; margin only",
    "capitalized_word": "an English reading of a capitalized word (Delfines Hotel, a degree “Graduat and Licence”, "
    "PRESIDEN; a surname after an initial, John E. Ferling): most such words are names or a title's words "
    "English lacks; margin only",
    "name_slot": "an English reading of a capitalized word where a name goes, wherever it stands in the sentence "
    "(context.name_slot): after a personal title (Mr. [Raoof]: the title's full stop ends no sentence), before a "
    "firm's word ([Mastek] Limited), before a verb of saying where it is no pronoun, plural noun or -ing form "
    "([Ando] said) or before an apposition set off by commas ([Thies], the envoy, said); a title's word is none "
    "(Mr. [President]); it also takes capitalized_word, never initial_word or heading_initial; margin only",
    "capitalized_use": "an English reading of a lowercase word that English nearly always writes capitalized "
    "(case_usage.tsv: japan, august, london): log10(1 + the odds of the capital), the Zipf the lowercase word "
    "lacks; margin only",
    "context_support": "bigram_support of an English word, counted in the margin (context as evidence of a slip)",
    "news_support": "news_context of an English reading of a lowercase word, where positive, counted in the margin "
    "(news copy's context as evidence of a slip, as context_support is the web's)",
    "function_half": "a missing space between a word and a function word (of, and, in, the)",
    "lost_article": "a missing space before the article a (launcha, wasa): likelier than a stray letter a",
    "glued_function": "function_half or lost_article of a lowercase word, or another closed-class half (heraides, "
    "mysuperiors), in the margin only: no word of its own starts or ends with a function word (glitchesin, "
    "fracturingof), where a rival one slip away keeps its rank (sitas: sites, not sit as)",
    "weaker_cut": "a missing space: how much rarer the commoner half is than the commoner half of the word's best cut "
    "(medicine sand: sand 4.4 against medicines and: and 7.5); a two-word reading's prior is its rarer half, so the "
    "commoner one, which a unigram model counts as much, breaks ties between cuts (ranks only)",
    "pair_support": "a missing space: log10 affinity of the two words, where positive, counted in the margin",
    "runon_news": "a missing space: news_context of the two words beside their neighbours, where positive, "
    "counted in the margin (news copy writes them apart there: a lost space, not a compound)",
    "compound_pair": "a missing space between two content words, solid in no text, whose halves begin or end "
    "solid English words readily enough to make a compound no list has (derive.solid_parts >= 0.8): its value; "
    "margin only",
    "spaced_in_news": "a missing space between two content words that compound_pair weighs: log10(1 + the times "
    "news copy writes them apart), where it never writes them solid (key allies, low carbon; margin only)",
    "glued_half": "a one-edit English reading that is a half of a split reading with glued_function (launcheda: "
    "launched), valued that pair's pair_support, where a lowercase content word follows: the slip needs a letter "
    "the split does not (ranks only)",
    "solid_news": "runon_news's value (the news support of the two words beside their neighbours) for a missing "
    "space between two content words that compound_pair weighs, whose halves make solid words readily: "
    "a compound fits its neighbours nearly as well, so it counts at a fraction (margin only)",
    # a case slip (casing.py): the word read in the lexicon's letter case
    "case_shift": "two capitals, then lowercase letters (RUssia): the shift key held too long",
    "case_acronym": "a shift slip's reading of three letters (two capitals, one lowercase) as an English word "
    "rarer than Zipf 5: a unit's or an acronym's casing (GHz, SOx, GPa), not THe or ANd",
    "case_lowered": "a listed name typed lowercase (russia), which may be an English word too (china)",
    "case_in_document": "the text writes the name capitalized elsewhere",
    "case_cue": "a preposition of place or a title before it",
    "case_partner": "the other words of a listed name beside it, written in full and capitalized (north Korea)",
    "case_quarter": "a compass word before a city's own name (west Jerusalem, east London): a quarter of the city, "
    "which English writes lowercase, though a listed city's name begins with the word",
    "case_region": "a compass word or its adjective (western, central) before a capitalized name (in western "
    "Europe, central Africa): which part of the place, as English writes it; not a listed place's main name (north "
    "Korea)",
    "case_partner_before": "the words of a listed name written before it, capitalized (New york, Joe biden), "
    "valued as case_capitalized (1 for a word that is no English word)",
    "case_hyphen_tail": "the lowercase word stands one character after the capitalized word that the listed name "
    "joins to it with a hyphen (Jussi Halla-aho): a double name's second half, lowercase by choice "
    "(casing.hyphen_tail)",
    "case_country": "those words and it make a country's listed name, whose words English capitalizes all "
    "(Russian federation, United states, Republic of guinea; not Washington state)",
    "case_state_noun": "case_country, the word a noun of a form of state that ends the country's formal name "
    "(Russian federation, Czech republic, United states: context.STATE_NOUNS; not the Palestinian territory)",
    "case_foreign": "foreign_phrase's evidence for the lowercase word: a word in another script or a foreign word "
    "within two of it (peru (ペルー): a romanization beside its own spelling, not a name's lost capital)",
    "case_not_word": "the lowercase form is no trusted English word (zelensky)",
    "acronym_expansion": "an acronym in parentheses right after a name: the one reading of the name's initials one "
    "slip from it, where no reading of the name explains it as typed (normalize/acronym.py: FAOI after the Food "
    "and Agriculture Organization)",
    "acronym_seen": "that acronym as typed is a word real text uses (Zipf > 0: IFAD, EHA)",
    "acronym_in_document": "the text writes the reading elsewhere",
    "acronym_repeated": "log2 of how often the text writes the acronym as typed, if more than once",
    "case_word_slip": "that lowercase form is one slip from an English word of Zipf 4 or more (hime: home, time; "
    "lund: land), and no listed name's other words beside it nor the text's capitalized form call for the name",
    "case_titled": "the next word is an English word capitalized inside a sentence, a title's (paris Agreement)",
    "case_meeting": "the next word is a noun of a meeting or accord that English names after a place (brussels "
    "Declaration, minsk agreements: context.MEETING_NOUNS), as place_meeting for a misspelled name",
    "case_list": "a whole listed name in a list beside a capitalized name of its kind: a country beside a country "
    "(china, France and Germany), as country_list, or a place beside a place of its country (zhytomyr and Kyiv), as "
    "place_list, for a misspelled name",
    "case_possessive": "the word typed with a possessive ending ('s), where English writes it capitalized "
    "(case_capitalized) or it is no English word: crimea's reunification, zelensky's visit",
    "case_capitalized": "log10 of how much more often English writes the word capitalized, less 0.5, 0 to 1 "
    "(germany 0.52, china 0.38, republic 0; dictionaries/case_usage.tsv)",
    "case_prior": "how prominent the named person or place is (as name_prior, weighed apart)",
    "case_repeated": "log2 of how often the text writes the lowercase form, if more than once (not where a partner "
    "completes a listed name that the text also writes in full, capitalized: New Zealand ... new Zealand)",
    # a word split by a space (spacing.py): two words read as one
    "split_word": "two neighbouring words read as one word split by a space (the intercept)",
    "split_joined": "how often text uses the joined word (Zipf), or how prominent the name is",
    "split_halves": "how often text uses the rarer half as typed (a capitalized one: as a listed name)",
    "split_fragment": "a name split after its capital, the lowercase half no trusted English word (To kyo)",
    "split_unwritten": "two lowercase words that the web never writes side by side (not in Norvig's bigram list: "
    "gai ned, car ry; a lone, per cent are)",
    "split_slip": "the first word is no English word but one slip from one of the commonest closed-class words "
    "(Zipf 6 or more), which the web writes before the second, a function word (thes is: this is, not thesis)",
    "split_apart": "log10 of how much likelier the web makes the two words beside their neighbours than the joined "
    "word (had [a bout] of: had a, bout of against had about, about of), each side where the web writes the pair, "
    "at least 0, up to 4 (Norvig's bigram list)",
    "split_partner": "a name read from the pair, and the words right before or after it are the rest of a listed "
    "name with it (Mario Dra ghi, Abdu lla Shahid)",
    "split_place_cue": "a pair whose joined word is a listed place, right after a preposition of place (in Gabor "
    "one: Gaborone), valued as place_preposition; 1 where the words around call for the place as around one word "
    "(a region noun after it, its country across a comma, a place of its country beside it in a list)",
    "split_capitalized": "a pair in lowercase whose joined word English writes capitalized: log10 of how much more "
    "often (case_usage.tsv; theres a: Theresa 1.26), as a lowercase word a name's lost capital besides the space",
    "split_contraction": "the first word is a contraction without its apostrophe, codespell's likeliest correction "
    "of it (misspellings.tsv; Theres a: There's, not Theresa): a slip of the one word, not a space inside a word",
    # a word run together with a name (runon.py): one word read as two
    "runon_word": "a word read as two run together (the intercept)",
    "runon_camel": "a capital inside a lowercase word (ofRussia)",
    "runon_halves": "how often text uses the rarer half (a capitalized one: as a listed name)",
    "runon_typed": "how often text uses the word as typed",
    "runon_in_document": "the text writes the name of the first half alone elsewhere",
    "runon_left_word": "how much commoner the first half is as an English word than as a name (Art, Sea)",
    "runon_partner": "the halves, the word before and the first half, or the second half and the words after it, "
    "are words of one listed name (VladimirPutin, CambodiaHun Sen)",
    "runon_unvouched": "a country or a city as prominent as a capital run into an English content word, the text "
    "writing neither the name alone nor any other word of a listed name beside it (Francestands; Iranpour?)",
    "runon_inflected": "runon_unvouched, the rest an English verb's past tense or an adverb (Colombiapointed, "
    "Indiakindly): a subject and its predicate, no surname's ending (Iranpour) nor a brand's noun (Indiaworks)",
    "runon_place_cue": "a place's name after a preposition of place run into a common content word of four letters "
    "or more (in Crimeayears, in Gazahere), a place of six letters or more run into a function word there (to "
    "Melitopolto), or a place's two listed words run together there (in SantaFe): the text calls for a place there",
    "runon_place_list": "a place's name run into and or or before another place's name (Chernihivand Sumy, Genevaand "
    "Astana): two items of a list of places",
    "runon_place_noun": "a place's name run into a noun of land or water, or a lowercase noun of a meeting "
    "named after it or of its administration or front (HudsonRiver, Sahelregion, Minskagreements, Lvivregional)",
    "runon_pair_news": "a place's name run into a capitalized word that news copy writes after it "
    "(WashingtonUniversity, PalestinianState): log10 of how much likelier news makes the pair "
    "(dictionaries/news_counts.tsv), from 1",
    "runon_apart": "a listed name run into a word that the text writes right after it elsewhere, apart "
    "(HonduranNational in a text that writes Honduran National): a name of several words, not a brand's",
    "runon_person_slot": "a place's name cut from a word right after a title or a given name, where a person's "
    "name goes (Vladimir [Petin], President [Petor]: not Pet in, Pet or)",
    "runon_person_title": "a person's listed name cut from a word right after a title or a given name, where a "
    "person's name goes, its rest a predicate's first word: a closed-class word, a past tense or an adverb, a "
    "verb's -s form before its object (Secretary [Blinken]closed, Mr. [Sullivan]underscored; not Ms. Riceland)",
    "runon_slip": "the run-on word is one slip from the name of a place as prominent as a capital and as the name "
    "cut from it, that English text writes as often, and no listed name's other word vouches for the cut "
    "(Surinamme: Suriname, not Surinam me; [Nimor]-Leste: Timor, not Nim or): a misspelled name as readily as a run-on",
    # the finding
    "alone_word": "a long lowercase word that no text uses (typed Zipf under SEEN_ZIPF: a word in use, thurible, "
    "is a rival of its readings itself) with no other candidate within two edits",
    "news_lead": "a lowercase word's English reading one edit away that news copy favours beside the word's "
    "neighbours (news_context) more than every other English reading, and more than none, by more than "
    "NEWS_LEAD_FLOOR: the lead beyond it, at most NEWS_LEAD_MAX; margin only (the context singles the reading out)",
    "unsupported": "a name's reading that nothing around the word calls for (no partner, title, cue of place, "
    "topic, use in the text or pair of news copy: features.NAME_SUPPORT), of a name news copy writes fewer than 20 "
    "times (dictionaries/news_counts.tsv); margin only",
    "far_unvouched": "a name's reading two edits or more away that no neighbour calls for (features."
    "NEIGHBOUR_SUPPORT: no partner, title, cue of place or pair of news copy; the text's own use of the name, its "
    "other form or topic alone do not count, nor a preposition that takes people too, to, from, at); margin only",
    "alone_name": "a long capitalized word that no text uses with no other candidate within two edits",
}

NULL_CAPITALIZED = 1.25  # the floor for an unknown capitalized word of TYPICAL_NAME letters...
NAME_LENGTH_SLOPE = 0.25  # ...falling by this per letter up to LONG_NAME
TYPICAL_NAME = 6
LONG_NAME = 10
FAR_EDITS = 2  # a listed name this many edits from the typed word is ``far_name``
PARTNER_SLIPS = 2  # a neighbour this many edits from a listed neighbour of the name is that neighbour misspelled
LONG_PARTNER = 6  # (a shorter neighbour, one edit: Khe is no slip of San's neighbour Jose)
# An English word this common one cheaper slip from a typo codespell lists shares the list's word
# of it (known_misspelling): on dev, a listed typo with such rivals was as often a slip of one of them
MISSPELLING_RIVAL_ZIPF = 3.0
SEEN_ZIPF = 1.0  # wordfreq's lists stop near here: a word listed at all is in real use
# A capitalized word text writes this often, read as a slip of a person's name, is as likely
# somebody's own name (``common_name``): the slips text repeats are codespell's (typed_zipf 0)
COMMON_NAME_ZIPF = 2.5
MAX_RARE_SEQUENCES = 2
SPLIT_HALF_ZIPF = 3.0  # a word this common, split by a space, leaves halves that are no slips
TAIL_WORDS = FUNCTION_WORDS | frozenset(("my", "our", "his", "her", "their", "your"))
MIN_TAIL_NAME = 4  # letters of the name before a lost space (not Fis-her)
USAGE_WEIGHT = 0.1  # among spellings of one entity, the one text uses most (Kiev before Kiiev)
# A document's own words are likelier in it than in text at large (a cache language model): a
# word family (plan, plans, planned) written n times in a text of about 10^DOCUMENT_ZIPF words
# per billion is 10^(log10 n + DOCUMENT_ZIPF - the family's Zipf) times commoner there than
# usual, and DOCUMENT_SHARE of that lift counts: log10(1 + share x lift). All forms of one word
# get the same lift: the text says which word it is about, not which form comes next.
DOCUMENT_ZIPF = 6.0  # a text of about a thousand words
DOCUMENT_SHARE = 0.05
MAX_NAME_CONTEXT = 4.0  # log10: news copy's pairs vouch for a name at most this much
MAX_NEWS_NAME = 2.0  # log10: news copy's counts lift a name at most this much...
NEWS_DOMAIN = 0.5  # ...beyond what news copy's own topics lift any place it names (Kharkiv 0.35, Kyiv 0.8)
# Cues of the neighbours that a place is named here (a preposition of place, to and from too;
# not an office and of, which a town takes as well: the mayor of [Apan], in Hidalgo)
PLACE_CUES = (
    "place_preposition",
    "place_noun",
    "place_meeting",
    "place_event",
    "country_list",
    "place_list",
    "city_list",
    "city_country",
    "glued_name",
)
MAX_NEWS_OVER = 2.0  # log10: news copy's counts of a place count at most this much against a word it never writes
# log10: ... and only above this many (10): out of sample (accuracy.py --news-folds) a correct listed
# city that news copy never wrote, one slip from a place it wrote 20 times, was changed (in Palu, Sulawesi)
NEWS_OVER_FLOOR = 1.0
MIN_CACHE = 0.01  # (a common word's count says nothing: "the" 40 times)
FAMILY_ENDINGS = ("s", "es", "ed", "d", "ing", "ly")
# Letters of a lowercase word beyond which a word no text uses, one slip from an English word,
# is likelier that word mistyped than another word no list has (long_slip): the lexicon's words
# thin out one edit apart as they grow longer (of its words of Zipf 1 or more, inflections
# included, 0.65 of those of 8 letters have another within one edit, 0.44 of 12, 0.33 of 16).
LONG_SLIP = 8
FAR_LONG_LETTERS = 5  # far_long: typed words this long or longer
FAR_SHORT_LETTERS = 7  # far_short: typed lowercase words shorter than this
LONG_SLIP_EDITS = 2  # slips (edits) of a reading that long_slip counts for
# Letters of a word from which two letters swapped side by side (talsk, measn, plasn, friensd) say
# the reading more surely than edit_cost's price of a swap alone: on dev, where a near rival kept
# such a reading a suggestion, it was the word meant every time (transposed)
TRANSPOSED_LETTERS = 5
SUFFIX_SWAP = 3  # letters at either end of a two-slip reading that may be another ending or prefix
MIN_STEM = 3  # letters of a singular (not "i" for "is", "a" for "as")
# Words that need a word after them: an article, a possessive determiner, "of", "and". Such a
# word typed right before a comma or a full stop is no reading of a slip there ("receive thm.").
NOUN_BEFORE = frozenset("a an the its my your our their thy of and".split())
# Words that say which number the next word takes (number_clash): a modal or a singular
# determiner before the bare form (will include, a successful example), a plural determiner or
# he, she before the -s form (numerous areas, she plans). An adverb may stand between a modal
# or a pronoun and its verb (will also include), an adjective between a determiner and its
# noun. (Not this, that, these, those, it, both: they stand for nouns too, before a verb of
# either number; nor numbers: two million.)
BARE_CUES = frozenset("a an each every another one will would can could may might must shall should cannot".split())
S_CUES = frozenset("many several few numerous various multiple countless he she".split())
VERB_CUES = frozenset("will would can could may might must shall should cannot he she".split())
CUE_ADVERBS = frozenset("also not never still always further only even just already then now soon".split())
# Words after which a verb takes its past participle (tense_clash): have urged, has not honoured.
# Not its bare form (have urge), though have takes a noun as readily (have access, have plans):
# only a bare form whose -ed form is another reading of the word is said to clash. After a modal
# no verb takes its -ed form (must reiterate, will report; not "must reiterated").
PERFECT_CUES = frozenset("have has had having".split())
# Words joined by and/or take one form (coordinated): both adverbs (bilaterally and multilaterally),
# both -ing or both -ed forms (aligning and strengthening, streamlined and advanced). Endings that
# other words share by chance (-s of plurals, verbs and -ous; -al, -ic) are left out.
COORDINATORS = frozenset(("and", "or"))
COORDINATED_ENDINGS = ("ly", "ing", "ed")
MODAL_CUES = VERB_CUES - {"he", "she"}
# Before he or she, a modal or do asks a question, and the verb after the pronoun takes its bare
# form (did he offer, will she sign): not the -s form that he or she calls for (number_cue).
INVERTING_CUES = MODAL_CUES | {"do", "does", "did"}
# Words before a verb that rule some of its forms out and call for another (verb_clash), where
# number_clash and tense_clash have not spoken: to before an -ed form that an object follows
# (to severely [damagee] its forces: damage, not damaged; an -ed form before a noun is an
# adjective: to [damagd] villages; a noun after "to" takes either number, and -ing a gerund); a
# modal or a negated do before an -s, -ed or -ing form (must [eiterates], didn't [votd]); I or
# they before an -s form (they [feasr]: fear, not fears). An adverb may stand between
# (CUE_ADVERBS, a lowercase -ly word). Not have, has, had before an -s form (have concerns,
# have needs: nouns), nor we (we leaders, we Africans).
VERB_FORM_CUES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "to": (frozenset(("ed",)), frozenset(("bare",))),
    **dict.fromkeys(
        MODAL_CUES | {"don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "do not"},
        (frozenset(("s", "ed", "ing")), frozenset(("bare",))),
    ),
    **dict.fromkeys(("i", "they"), (frozenset(("s",)), frozenset(("bare", "ed")))),
}
NEGATIONS = frozenset(("not", "never"))
# Words that start a verb's object, never after an adjective (the word after "to" [W]: verb_clash)
OBJECT_STARTS = frozenset("the a an its their our his her my your this these those them it us him me".split())
CUE_ADJECTIVES = ("al", "ous", "ive", "ful", "less", "ic", "able", "ible", "ent", "ant", "ary")
# Prepositions: a country's name stands before them, a demonym (an adjective) does not
# ("by Germany within the G20"; "in Russian in 1990" is a language, a noun, rare in news copy)
PREPOSITIONS = PLACE_PREPOSITIONS | frozenset("of by with for on".split())
TITLE_WORDS = TITLES | ABBREVIATED_TITLES
# Prepositions of place that take a person or a firm as readily (to, from, at: half the cue of in, near)
PERSON_PREPOSITIONS = frozenset("to from at via toward towards visit visited".split())


class Reading(NamedTuple):
    """One candidate reading of a typed word, before the model weighs it."""

    text: str  # the replacement, in the typed word's letter case
    kind: Kind
    distance: int
    entry: Entry
    evidence: str  # the context in words, for the finding's reason
    features: dict[str, float]


ARTICLE_AFTER = 2  # letters of a word before a lost article at least


def null_features(ctx: Context, i: int, listed: bool, own: dict[int, float]) -> dict[str, float]:
    """The typed word read as correct. ``own``: the entities it names itself, with their prominence."""
    core = ctx.words[i].core
    typed = typed_zipf(core, ctx.lexicon)
    f = {"typed_zipf": typed, "bias": 1.0}
    hand = typed  # the value with the hand-set weights, against which ``own_entity`` is measured
    if shape(core) != "lower":
        f["capitalized"] = 1.0
        floor = unknown_name_zipf(core)
        f["name_floor"] = name_floor(core, typed)
        # a part of a person's name where the text calls for a place ("inside Russa") is no name here
        person_part = place_cue(ctx.words, i) and _person_not_place(core.lower(), ctx.lexicon)
        f["listed_part"] = float(listed and not person_part)
        # (a word listed only inside longer names of places, seen without them: Keya of Keya Paha
        # County; but where a person's name goes it is one no list has: Ms. Keya)
        fragment = listed and remember(
            ctx.memo, ("name_fragment", core), partial(name_fragment, core.lower(), ctx.lexicon)
        )
        f["name_fragment"] = float(fragment and not person_slot(ctx.words, i, ctx.lexicon))
        f["seen_name"] = float(typed >= SEEN_ZIPF)  # real text uses this name, however rarely (Antey, Kruk)
        hand = max(typed, floor) + f["listed_part"] + f["seen_name"]
        f["bare_place_part"] = float(bool(f["listed_part"]) and bare_place_part(ctx, i, own, hand))  # Irun's Guard
        f["village"] = float(village(ctx.words, i))  # too small for any list of towns
        f["unlisted_neighbour"] = float(beside_unlisted_name(ctx.words, i, ctx.lexicon))  # Tobi Lutke
        f["unlisted_list"] = float(listed_with_unlisted(ctx.words, i, ctx.lexicon))  # Nemerovski, Canady
        f["spelling_list"] = float(spellings_listed(ctx.words, i, ctx.lexicon))  # Alibamu, Alabamo, Albama
        f["lone_capitals"] = float(lone_capitals(ctx.words, i))
        f["tail_word"] = remember(ctx.memo, ("tail_word", core), partial(tail_word, core.lower(), ctx.lexicon))
    elif core.lower() in ctx.lexicon.name_index:
        # a lowercase word that some names have: the more names, the likelier a noun of theirs
        # (raion, wadi); a word of one or two foreign names is no evidence of English (wath, soem)
        f["name_word"] = remember(ctx.memo, ("name_word", core), partial(name_word, core.lower(), ctx.lexicon))
    if own and shape(core) != "lower":
        # A whole listed name of a place or person ("Chernihiv") is as likely as that entity is prominent.
        f["own_entity"] = max(0.0, max(own.values()) - hand)
        f["own_place_context"] = own_place_context(ctx, i, own, bool(f.get("bare_place_part")))  # Irun, a town
        f["own_place_list"] = own_place_list(ctx, i)  # from Yalta to [Sudak]: Sudak's country's town
    f["marked_sic"] = float(marked_sic(ctx.words, i))
    f["foreign_phrase"] = float(foreign_beside(ctx.words, i, ctx.lexicon))
    f["foreign_named"] = foreign_named(ctx.words, i, ctx.lexicon, ctx.positions)
    if shape(core) == "lower":
        f["latin_binomial"] = float(latin_binomial(ctx.words, i, ctx.lexicon))  # Orycteropus afer
        f["combining_form"] = float(
            remember(ctx.memo, ("combining_form", core), partial(combining_compound, core, ctx.lexicon))
        )
        f["prefixed_word"] = float(remember(ctx.memo, ("prefixed", core), partial(prefixed, core, ctx.lexicon)))
        lexicon = ctx.lexicon
        f["derived_word"] = float(
            remember(ctx.memo, ("derived_word", core), partial(english_derivation, core, lexicon))
        )
        if f["derived_word"]:
            f["stem_in_document"] = stem_in_document(ctx, core)
    f["split_half"] = split_half(ctx.words, i, ctx.lexicon)
    # (a short word text uses as typed, lng, tpp, uses its letters too: no sign of typing)
    if not short_unlisted(core, ctx.lexicon):
        f["rare_sequences"] = float(min(MAX_RARE_SEQUENCES, rare_sequences(core.lower(), ctx.lexicon)))
    if ctx.in_document[core] > 1:
        f["repeated"] = math.log2(ctx.in_document[core])  # used again and again: probably deliberate
    return {k: v for k, v in f.items() if v or k == "typed_zipf"}


def stem_in_document(ctx: Context, core: str) -> float:
    """How much likelier the text makes the word that a lowercase derivation is read from (the
    dey ... the twenty-nine deys), as ``word_in_document`` weighs a reading's family: a
    derivation of a word the text is about is that word's form, not a slip of another."""
    value = 0.0
    for stem in derivation_stems(core, ctx.lexicon):
        used = ctx.in_document[stem] + ctx.in_document[stem.capitalize()]
        if used:
            lift = math.log10(used) + DOCUMENT_ZIPF - ctx.lexicon.words[stem]
            value = max(value, math.log10(1.0 + DOCUMENT_SHARE * 10**lift))
    return value if value >= MIN_CACHE else 0.0


def marked_sic(words: Sequence[Word], i: int) -> bool:
    """The next word is "sic" behind a bracket or parenthesis (sisty [sic]): the spelling is the source's."""
    if i + 1 >= len(words):
        return False
    after = words[i + 1]
    return after.core.lower() == "sic" and 1 < after.token.start - words[i].token.end <= 2


FOREIGN_REACH = 2  # words on either side, within one clause, that may show a phrase of another language


def foreign_beside(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """A word within FOREIGN_REACH of ``i``, in the same clause, is a lowercase word spelt
    with a Latin letter English does not use (í, é, ë, ü, á) and no English word (Go raibh
    míle maith [agaibh]; Union des républiques [socialistes]), or a word in another script
    (``other_script``: [jupan] (주판)): the word at ``i`` stands in a phrase of another
    language, spelt as that language spells it, or is one romanized beside its own spelling."""
    for step in (-1, 1):
        j = i
        for _ in range(FOREIGN_REACH):
            k = j + step
            if k < 0 or k >= len(words) or words[min(j, k)].pause_after:
                break  # (a pause between the two ends the clause)
            if words[k].skip:  # (not read, but an elision says its language: raison [d'être])
                if foreign_elision(words[k].core, lexicon):
                    return True
                break
            j = k
            if foreign_word(words[j].core, lexicon) or other_script(words[j].core):
                return True
    return False


def foreign_elision(core: str, lexicon: Lexicon) -> bool:
    """``core`` is an elision (skipped, never read) whose word after the apostrophe is a
    ``foreign_word``: d'être, l'été, qu'à; not d'Ivoire, a name's, nor o'clock."""
    head, apostrophe, rest = core.rpartition("'")
    return bool(apostrophe and head and rest) and foreign_word(rest, lexicon)


# After a language's name: "the Fijian word", "the Swahili term"; after "in" a language stands before
# a pause or such a word ("In Swahili the word", "in Tagalog, it"), a noun ("In French class") does not
LANGUAGE_NOUNS = frozenset("word words term terms phrase".split())  # (not for: Envoy for, Nominee for)
AFTER_LANGUAGE = frozenset("the a an it its this they we you one people".split())
# A language's name that no name has is a rare word (swahili 2.9, catalan 3.4), not a common
# one capitalized in a title (Representative for)
LANGUAGE_ZIPF = (2.0, 4.0)
# Glosses: the word for bread is [W] (``_word_for``); a quoted word after these (called “[W]”, known as
# '[W]') or before these ('[W]' means bread): not a word unquoted (called upn, means tht: slips)
GLOSS_BEFORE = frozenset("called as means meaning".split())
GLOSS_AFTER = frozenset("means meaning".split())


def foreign_named(words: Sequence[Word], i: int, lexicon: Lexicon, positions: dict[str, Any]) -> float:
    """A lowercase word that is no English word (mkate; adat, a word of some names), after a
    language's name in its sentence (``_language_at``: In Swahili, the Fijian word), 1, and
    glossed (the word for bread is [mkate]; called “[W]”; '[W]' means), 1 more: the writer
    quotes a word of another language, not a slip of an English one. What the sentence says
    before each word is worked out once a sentence, in one pass over the sentence's words when one
    of them is first asked about (``_sentence_cues``), and kept in ``positions`` (Context.positions):
    a piece of 150,000 characters asks about a few dozen words, not its 25,000; a text without
    full stops is one sentence."""
    core = words[i].core
    if not core.islower() or not core.isalpha() or core in lexicon.words:
        return 0.0
    cues = positions.get(SENTENCE_CUES)
    if cues is None:
        cues = positions[SENTENCE_CUES] = [None] * len(words)
    cue = cues[i]
    if cue is None:
        start, stop = _sentence_of(words, i)
        cues[start:stop] = _sentence_cues(words, lexicon, start, stop)
        cue = cues[i]
    named, word_for = cue
    lows = [w.core.lower() for w in words[max(0, i - 1) : i + 2]]
    at = 1 if i > 0 and not words[i].sentence_start else 0  # (the word before, in its sentence)
    # (quoted: a mark between it and the word before, as marked_sic reads a bracket: called “[W]”)
    quoted = at >= 1 and not adjacent(words, i - 1, i) and not words[i - 1].pause_after
    after = lows[-1] if i + 1 < len(words) else ""
    glossed = (
        (at >= 1 and lows[0] in ("is", "was") and word_for)
        or (quoted and lows[0] in GLOSS_BEFORE)
        or (quoted and after in GLOSS_AFTER and not words[i].pause_after)
    )
    return float(named) + float(glossed)


SENTENCE_CUES = "sentence_cues"  # the key of ``_sentence_cues``'s answer in Context.positions


def _sentence_of(words: Sequence[Word], i: int) -> tuple[int, int]:
    """The positions of the sentence the word at ``i`` is in: from its first word to the next
    sentence's (a text's start and end end one too)."""
    start, stop = i, i + 1
    while start > 0 and not words[start].sentence_start:
        start -= 1
    while stop < len(words) and not words[stop].sentence_start:
        stop += 1
    return start, stop


def _sentence_cues(
    words: Sequence[Word], lexicon: Lexicon, start: int = 0, stop: int | None = None
) -> list[tuple[bool, bool]]:
    """For each word from ``start`` to ``stop`` (by default all), what its sentence says before
    it: a language's name (``_language_at``) and "word for" or "term for" (``_word_for``: the
    word for bread is ...). ``start`` begins a sentence, or the words (what a sentence says is
    read from its first word on: the cues start anew there)."""
    cues: list[tuple[bool, bool]] = []
    named = word_for = False
    cue = _CUES[0][0]
    # the cores of the two words before (read only within the sentence, but as one pass over all reads them)
    before = words[start - 1].core if start > 0 else ""
    before_last = words[start - 2].core if start > 1 else ""
    for j in range(start, len(words) if stop is None else stop):
        word = words[j]
        if word.sentence_start:
            named = word_for = False
            cue = _CUES[0][0]
        elif len(before) == 3 and before.lower() == "for" and _word_for((before_last.lower(), "for")):
            word_for = word_for or not words[j - 1].sentence_start
            cue = _CUES[named][word_for]
        cues.append(cue)
        core = word.core
        # (only a capitalized word names a language: _language_at's first test, asked here of all)
        if not named and core[:1].isupper() and _language_at(words, j, lexicon):
            named = True
            cue = _CUES[named][word_for]
        before_last, before = before, core
    return cues


_CUES = (((False, False), (False, True)), ((True, False), (True, True)))  # [named][word_for]


def _word_for(lows: Sequence[str]) -> bool:
    """``word for`` or ``term for`` among these words: a gloss (the word for bread is ...)."""
    return any(a in ("word", "term") and b == "for" for a, b in zip(lows, lows[1:], strict=False))


def _language_at(words: Sequence[Word], j: int, lexicon: Lexicon) -> bool:
    """The capitalized word at ``j`` names a language: before word, term or phrase (the Fijian
    word), or after "in" and before a pause or a determiner or pronoun (In Swahili the, in
    Tagalog,), and a demonym or a rare word that no name has (Swahili, not Paris), no place."""
    core = words[j].core
    if j == 0 or not core[:1].isupper() or not core[1:].islower() or j + 1 >= len(words):
        return False
    after = words[j + 1].core.lower()
    # (where it stands first: most capitalized words stand where no language's name does)
    if not (after in LANGUAGE_NOUNS and not words[j].pause_after) and not (
        words[j - 1].core.lower() == "in" and (words[j].pause_after or after in AFTER_LANGUAGE)
    ):
        return False
    low = core.lower()
    return low not in lexicon.prominent and (  # (a place is no language: in Hanoi, Vietnam; in Mali and)
        demonym(low, lexicon)
        or (LANGUAGE_ZIPF[0] <= lexicon.words.get(low, 0.0) < LANGUAGE_ZIPF[1] and low not in lexicon.name_index)
    )


def other_script(core: str) -> bool:
    """``core`` is written in letters of another script than the Latin (주판, Москва): a word
    beside it is a romanization glossed with its own spelling (jupan (주판)), not English."""
    return core.isalpha() and not any(_latin(c) for c in core)


LOANWORD_ZIPF = 1.5  # an accented spelling English text uses this often is a loanword (naïve, élite, rôle)


def foreign_word(core: str, lexicon: Lexicon) -> bool:
    """``core`` is a lowercase word with a Latin letter English does not use (not a ligature
    of a scan: conﬂict), and no English word: none without its accents either, or a spelling
    of one that English text seldom uses (míle, not mile; républiques; not café, naïve).
    (A capitalized word so spelt is a name, which says that a person or place is foreign,
    not that the phrase is.)"""
    if core.isascii() or not core.islower() or unicodedata.normalize("NFKC", core).isascii():
        return False
    if not any(not c.isascii() and c.isalpha() and _latin(c) for c in core):
        return False
    low = core.lower()
    if low in lexicon.words or low in lexicon.name_index:
        return False
    return fold(core) not in lexicon.words or lexicon.zipf(low) < LOANWORD_ZIPF


# Combining forms English writes solid before another word: pseudo-, proto-, hydro-, electro-,
# socio-; a chemical radical's -yl (methyl-, ethyl-): words text uses alone too (Zipf 3 or more:
# not the first letters of a word, entero-, tecno-, primo-), but less than ratio, micro, photo
# or radio (Zipf 4), which lose their spaces (ratioaround). The word after one is a word of its
# own, five letters or more, in real use (Zipf 2: not promo-ring, proto-cowls, tempo-rory: slips).
# (On the typos the benchmark injects into all dev documents, none of 24,822 lowercase ones.)
COMBINING_ENDS = ("o", "yl")
COMBINING_ZIPF = (3.0, 4.0)
MIN_COMBINING = 5  # letters of the form (not two-, also-, zero-)
MIN_HEAD = 5  # letters of the word it is written before
HEAD_ZIPF = 2.0


def combining_compound(low: str, lexicon: Lexicon) -> bool:
    """``low`` is a combining form (COMBINING_ENDS, MIN_COMBINING letters or more, a word text
    uses within COMBINING_ZIPF) written solid before an English word of MIN_HEAD letters or
    more (pseudotensor, protochemistry, methylhexane): a compound the lexicon lacks, made as
    English makes them, not a slip of a word nor two words that lost a space."""
    lo, hi = COMBINING_ZIPF
    for cut in range(MIN_COMBINING, len(low) - MIN_HEAD + 1):
        left, right = low[:cut], low[cut:]
        if (
            left.endswith(COMBINING_ENDS)
            and lo <= lexicon.zipf(left) < hi
            and lexicon.words.get(right, 0.0) >= HEAD_ZIPF
        ):
            return True
    return False


def _latin(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


def lone_capitals(words: Sequence[Word], i: int) -> bool:
    """The word is written in capitals (of two letters or more) and no word beside it is: an
    acronym or a brand in running text (AUSMIN, NUMBEO), where a headline or a speaker's
    label has its neighbours in capitals too (THE WHITE HOUSE, PRESIDENT BIDEN), and a label
    of one word has a colon after it (OPERATOR:)."""
    if not words[i].core.isupper() or words[i].pause_after:
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and not words[j].skip and len(words[j].core) > 1 and words[j].core.isupper():
            return False
    return True


def split_half(words: Sequence[Word], i: int, lexicon: Lexicon) -> float:
    """The Zipf of the English word that the word at ``i`` and a neighbour make together, one
    space between them ("prosper ity", "don ation"), if at least SPLIT_HALF_ZIPF: the word
    is half of a word split by a space (spacing.py reads the pair), not a slip of another
    word ("ity" is no slip of "it"). 0.0 when no such word is made."""
    best = 0.0
    for a, b in ((i - 1, i), (i, i + 1)):
        if a < 0 or b >= len(words) or words[a].skip or words[b].skip or words[a].pause_after:
            continue
        if words[b].token.start - words[a].token.end != 1 or words[a].token.text != words[a].core:
            continue  # not one space (or hyphen) apart, or a possessive between
        best = max(best, lexicon.words.get((words[a].core + words[b].core).lower(), 0.0))
    return best if best >= SPLIT_HALF_ZIPF else 0.0


def name_word(low: str, lexicon: Lexicon) -> float:
    """log10 of how many listed entities have ``low`` in a name."""
    return math.log10(len({lexicon.spellings[idx][1] for idx in lexicon.name_index.get(low, ())}) or 1)


def name_fragment(low: str, lexicon: Lexicon) -> float:
    """1 when ``low`` is listed only inside place names of several words (Keya of Keya Paha County,
    Cubo of Casigua El Cubo, Pais of Frank Pais): no place or person is called by it alone, and
    no person's name has it. Seen alone, it is no name the lists know."""
    spellings = lexicon.name_index.get(low, ())
    return float(
        bool(spellings)
        and all(
            len(lexicon.spellings[idx][0]) > 1 and lexicon.entries[lexicon.spellings[idx][1]][2] == "place"
            for idx in spellings
        )
    )


def bare_place_part(ctx: Context, i: int, own: dict[int, float], hand: float) -> bool:
    """The capitalized word at ``i`` is listed only as (part of) the names of places, none as
    prominent as the word's own use (``own_entity`` 0: Irun, Kapan, Chima, Cubo of Casigua El
    Cubo), and nothing around it calls for a place or makes it part of a longer name: no
    preposition of place or region noun, no title, no capitalized word or word that glues a
    name (NAME_GLUE: of, the, and, de...) right before it, no capitalized word right after it
    (but after its possessive: [Irun]'s Revolutionary Guard), no capitalized item beside it in
    a list (Maya, [Itay] and Dana). English introduces a town that small with a cue of place;
    where none stands, its listing is no evidence that the word is meant as typed."""
    words, lexicon = ctx.words, ctx.lexicon
    word = words[i]
    if word.sentence_start or (own and max(own.values()) > hand) or not _only_places(word.core.lower(), ctx):
        return False
    if place_cue(words, i) or person_slot(words, i, lexicon):
        return False
    if i > 0 and adjacent(words, i - 1, i) and not words[i - 1].pause_after:
        before = words[i - 1].core
        if before[:1].isupper() or before.lower() in NAME_GLUE:
            return False
    possessive = word.token.text[len(word.core) :][:1] in ("'", "’")
    if i + 1 < len(words) and adjacent(words, i, i + 1) and not word.pause_after and not possessive:
        if words[i + 1].core[:1].isupper():
            return False
    return not any(words[j].core[:1].isupper() for j in list_items(words, i))


def own_place_context(ctx: Context, i: int, own: dict[int, float], bare: bool) -> float:
    """The context the copy gives a place that the capitalized word at ``i`` names by itself
    (no country; a region, or a town of some 30,000 people or more: TOPIC_PROMINENCE, as
    Irun; a typo of one name lands on a village's far more often), one for each cue: the copy
    calls it a settlement ("the town of Irun"; "Irun, a Basque town"), and the text writes the
    name of the place's country (Spain). A country one slip away is then no likelier than the
    town the copy writes of (a slip of Iran: not in a text about Spain, nor called a town).
    A feature of the typed word that weighs only the readings of places of other countries
    (decide._name_scored and _words_scored drop it for the rest: a person, an English word,
    a place of the town's own country, for which the town's context says nothing). None
    where nothing around the word calls for a place (``bare``: bare_place_part): Spain's
    envoy met [Irun]'s foreign minister is Iran."""
    lexicon = ctx.lexicon
    low = ctx.words[i].core.lower()
    if bare or is_country(low, lexicon):
        return 0.0
    countries = own_place_countries(own, lexicon)
    if not countries:
        return 0.0
    written = any(_country_written(ctx, country) for country in sorted(countries))
    return float(called_settlement(ctx.words, i)) + float(written)


def own_place_list(ctx: Context, i: int) -> float:
    """How many places of the typed word's own country stand beside it in a list or a range
    (``list_items``, ``range_items``: Izmail and [Reni]; from Yalta to [Sudak]), where the typed
    capitalized word names a listed place by itself (no country): the text lists that place
    among places of its own country, which a slip of another country's name would not be. A
    feature of the typed word that weighs only the readings of places of other countries
    (decide._name_scored drops it for the rest, as ``own_place_context``)."""
    words, lexicon = ctx.words, ctx.lexicon
    low = words[i].core.lower()
    if is_country(low, lexicon):
        return 0.0
    own = place_countries(low, lexicon)
    if not own:
        return 0.0
    found = 0
    for j in {*list_items(words, i), *range_items(words, i)}:
        other = words[j].core
        if words[j].skip or not other[:1].isupper() or other.lower() == low:
            continue
        other = other.lower()
        if other in lexicon.name_index and not is_country(other, lexicon) and own & place_countries(other, lexicon):
            found += 1
    return float(found)


RANGE_WORDS = {"from": "to", "between": "and"}  # the words of a range of places: from A to B, between A and B


def range_items(words: Sequence[Word], i: int) -> Iterator[int]:
    """The other end of a range of one-word names in which the word at ``i`` stands: from
    Yalta to [Sudak], between [Sudak] and Yalta (four adjacent words, no pause inside)."""
    for start in (i - 3, i - 1):
        if start < 0 or start + 3 >= len(words) or RANGE_WORDS.get(words[start].core.lower()) != words[start + 2].core:
            continue
        if all(adjacent(words, k, k + 1) and not words[k].pause_after for k in range(start, start + 2)):
            if adjacent(words, start + 2, start + 3):
                yield start + 3 if start + 1 == i else start + 1


def place_countries(low: str, lexicon: Lexicon) -> frozenset[str]:
    """The countries of the places that ``low`` names by itself (one word; any prominence)."""
    found = set()
    for idx in lexicon.name_index.get(low, ()):
        parts, entity, _ = lexicon.spellings[idx]
        if len(parts) == 1 and lexicon.entries[entity][2] == "place" and lexicon.countries[entity]:
            found.add(lexicon.countries[entity])
    return frozenset(found)


def own_place_countries(own: dict[int, float], lexicon: Lexicon) -> frozenset[str]:
    """The countries of the places of TOPIC_PROMINENCE among ``own``, the entities a word names itself."""
    places = [e for e, prominence in own.items() if prominence >= TOPIC_PROMINENCE]
    return frozenset(lexicon.countries[e] for e in places if lexicon.entries[e][2] == "place")


def _country_written(ctx: Context, country: str) -> bool:
    """The text writes every capitalized word of the name of ``country`` (Spain; Saudi Arabia)."""
    parts = [p for p in country.split() if p[:1].isupper()]
    # (a bracket marks an entry's note, not a country's name: "various (ambassadors to Estonia)")
    return bool(parts) and "(" not in country and all(written(ctx.in_document, p) for p in parts)


def _only_places(low: str, ctx: Context) -> bool:
    """Every listing of ``low`` names a place, and no list of given names or surnames has it (asked once a word)."""
    lexicon = ctx.lexicon

    def ask() -> bool:
        if low in lexicon.given_names or low in lexicon.surnames:
            return False
        spellings = lexicon.name_index.get(low, ())
        return bool(spellings) and all(lexicon.entries[lexicon.spellings[idx][1]][2] == "place" for idx in spellings)

    return bool(remember(ctx.memo, ("only_places", low), ask))


def _person_not_place(low: str, lexicon: Lexicon) -> bool:
    """The word is part of a person's name, and no place is called by it alone (Russa)."""
    kinds = {
        (lexicon.entries[lexicon.spellings[idx][1]][2], len(lexicon.spellings[idx][0]) == 1)
        for idx in lexicon.name_index.get(low, ())
    }
    return any(kind == "person" for kind, _ in kinds) and ("place", True) not in kinds


def _neighbours(
    ctx: Context, i: int, key: str, dist: int, f: dict[str, float], evidence: list[str]
) -> tuple[Entry | None, str, float]:
    """What the words beside the word at ``i`` say of reading it as the name ``key``, noted in
    ``f`` and ``evidence``: the entry and the partner word of a name they complete with it, and
    how prominent that name is (``same_name``)."""
    words, lexicon = ctx.words, ctx.lexicon
    entry, partner, named = same_name(words, i, key, lexicon, ctx.memo)
    if partner:
        f["same_name"] = 1.0
        if dist == 1:
            f["near_name"] = 1.0
        else:
            f["common_partner"] = shared_name(partner, lexicon)
        f["partner_words"] = float(_partner_words(words, i, partner))
        if dist == 1:  # (which person, not which spelling: Omer Hassan Ahmped is the text's Ahmed, not Ahmad)
            f["whole_name"] = float(whole_name_words(words, i, key, lexicon))
            if entry and not f["whole_name"] and shared_partner(partner, entry, lexicon):
                f["shared_partner"] = 1.0  # Aamir Khan: not Amir Khan Muttaqi
        if short_partner(words, i, key, lexicon, ctx.memo):
            f["short_name"] = 1.0  # Javier [Mliei]: Javier Gerardo Milei is listed in full only
            core = words[i].core
            if core.lower() in lexicon.name_index and typed_zipf(core, lexicon) >= SEEN_ZIPF:
                f["short_typed_name"] = 1.0  # Vítor Pereira: a name in real use, not Victor Gomes Pereira's slip
        if entry and (other_partner(words, i, partner, entry) or name_goes_on(words, i, partner, entry, lexicon)):
            f["other_partner"] = 1.0  # Cho Tae [Yong]: not Kim Tae-young; Maria [Malmer] Stenergard: not Maria Miller
        evidence.append(f"next to '{partner}' as in {entry.name}" if entry else f"next to '{partner}'")
    elif i and words[i - 1].core.lower() in NAME_GLUE:
        glued = whole_name_before(words, i, key, lexicon, ctx.memo)  # Republic of [Fijo]
        if glued:
            f["glued_name"] = 1.0
            # (Islamic Republic of [Irah]: Iran's listed name has both words, Iraq's Republic of only)
            f["glued_words"] = float(words_ahead(words, i, glued[1]) - 1)
            evidence.append(f"after '{glued[1]}' as in {lexicon.name(glued[0]).entry.name}")
    if not partner and "glued_name" not in f:
        other = other_name_beside(words, i, key, lexicon, ctx.memo)
        if other:
            f["other_name"] = 1.0
            evidence.append(f"beside '{other}', which no listed name has with it")
    if not partner:
        particle = unmatched_particle(words, i, key, lexicon, ctx.memo)
        if particle:
            f["unmatched_particle"] = 1.0
            evidence.append(f"after '{particle}', which no listed {lexicon.display[key]} has")
    return entry, partner, named


def name_features(ctx: Context, i: int, key: str, dist: int, person: bool) -> Reading:
    """A listed person's or place's name ``key`` read for the word at ``i``."""
    words, lexicon = ctx.words, ctx.lexicon
    core = words[i].core
    prior, kind = _name_prior(ctx, key, person)
    f: dict[str, float] = {}
    evidence: list[str] = []
    entry, partner, named = _neighbours(ctx, i, key, dist, f, evidence)
    if partner:
        prior = max(prior, named)  # "Russian Ederatjon": as likely as the Russian Federation is named
    display = lexicon.display[key]
    used = _uses(ctx, core, display, partner)
    if used >= max(1, ctx.in_document[core]):
        f["in_document"] = 1 / dist  # the nearer spelling is the likelier one meant
        evidence.append(f"'{display}' appears {ctx.in_document[display]}x in the text")
    elif kind == "place" and not used:
        f["form_in_document"] = form_in_document(ctx, i, key, dist)  # Russiaa, in a text that writes Russian
    if used and kind == "person" and not partner and typed_zipf(core, lexicon) < SEEN_ZIPF:
        # (a spelling real text uses, Marek, is somebody else's name; a given name as common
        # as Mark in the text's full name vouches for nobody: ``named_in_full``)
        full = named_in_full(key, lexicon, ctx.in_document)
        if full:
            f["full_name_in_document"] = 1.0  # outweighs a misspelling typed twice ("repeated")
            evidence.append(f"the text writes '{full}'")
    if dist >= FAR_EDITS and not partner and "in_document" not in f and "full_name_in_document" not in f:
        f["far_name"] = 1.0
    f["tail_slip"] = float(tail_slip(ctx, i, dist))
    # (a neighbour rare enough to vouch for an official's name makes it no other bearer's: Emanuel Macron)
    vouched = bool(partner) and all(vouches(p, lexicon) for p in partner.lower().split())
    f["common_name"] = float(kind == "person" and not vouched and typed_zipf(core, lexicon) >= COMMON_NAME_ZIPF)
    f.update(_place_and_title(ctx, i, key, kind, evidence))
    if "in_document" in f and (f.get("role") or f.get("role_word")):
        f["office_in_document"] = 1.0  # President [Bien], in a text that writes Biden
    if partner or "glued_name" in f:
        # the words of the place's own name beside it say it is the place (President of the
        # United [Statea]: a title phrase before, but United States is named)
        f.pop("place_as_person", None)
    f["demonym_before_pause"] = adjective_cue(words, i, key, lexicon)
    f["form_cue"] = form_cue(words, i, key, lexicon, ctx.bigrams, ctx.memo)
    if kind == "place" and (core.lower() not in lexicon.name_index or "in_document" in f):
        # (a listed name as typed is its own evidence: the same neighbours may call for it, Palu, Sulawesi;
        # but not where the text writes the reading, and the typed name no more: Hina's One Belt, in a
        # text on China)
        news = news_context(words, i, key, key, ctx.bigrams, clip=True)
        if news:
            f["name_context"] = min(news, MAX_NAME_CONTEXT)  # Kirov region, Minsk agreements, in Sochi
    if kind == "place":
        f.update(_place_news(ctx, i, key, dist, f))
    f["name_prior"] = prior
    f["edit_cost"] = name_edit_cost(ctx.memo, core, key, dist)
    if entry is None or entry.kind != kind:  # (Mohammed bin [Zaed]: the man, not the city named after him)
        entry = _cited(ctx, i, key, kind)
    f.update(_not_the_names_use(ctx, i, key, used, (kind, partner), f))
    kept = _name_kept(f, key, dist, ctx.bigrams)
    return Reading(recase(display, core), entry.kind, dist, entry, "; ".join(evidence), kept)


def _uses(ctx: Context, core: str, display: str, partner: str) -> int:
    """How often the text writes the name ``display`` (not as the partner beside the word: Bora
    of "Tora Bora"); for a word in capitals, in capitals too (GUAJ, in a text that writes GUAM:
    its own acronym, which decide._acronym_written checks the word for)."""
    used = ctx.in_document[display] - (partner == display)
    if core.isupper() and len(core) > 1 and not display.isupper():
        used += ctx.in_document[display.upper()]
    return used


# What says that a name's reading is the entity the text names here: a partner or the rest of its
# name beside it, a title or office, a cue of place, the text's own words or topics, the news
# copy's pairs with its neighbours. (news_name and the prior say only how often it is named at all.)
NAME_SUPPORT = frozenset(
    """same_name near_name partner_words whole_name tail_slip in_document form_in_document
    full_name_in_document title honorific role role_word place_preposition place_preposition_the place_noun
    place_meeting place_event glued_name country_list place_list city_list city_country country_of topic name_context
    news_over_typed""".split()
)


# The cues that call for any place, the typed one as much as another (a preposition of place, a region
# noun after it); not those that call for a country, a big city, a meeting's place or the rest of a name
# (country_list, city_list, place_meeting, glued_name), nor news copy writing the other far more often
ANY_PLACE_CUES = ("place_preposition", "place_preposition_the", "place_noun")
# What calls for a listed place's name as typed as much as for another's: the cues of place, and
# news copy writing the other far more often (a town's name beside a country's: Malin, Mali)
PLACE_SUPPORT = frozenset((*PLACE_CUES, "place_preposition_the", "news_over_typed"))
NEWS_WRITTEN = 20  # times news copy writes a name (news_counts.tsv), from which its slips are fixed alone
# What the words beside it say: NAME_SUPPORT less the text's own use of the name (1/2 two edits
# away), its other form and its topics, which a far name shares with a name of its own there
NEIGHBOUR_SUPPORT = NAME_SUPPORT - {"in_document", "form_in_document", "topic"}


def once_in_document(ctx: Context, core: str, used: int, f: Mapping[str, float]) -> float:
    """``in_document``'s value where it is all that calls for the name (no other of NAME_SUPPORT),
    the text writes the name once and the typed word ``core`` once, and real text uses ``core``
    (SEEN_ZIPF): two spellings, one use each, and nothing to tell which is the slip (Burna Boy
    beside Burma, Osh beside a quoted "Oh", Asana beside Astana). Where ``core`` is a listed
    place's name itself, a cue of place calls for it as much as for the reading (from Oban, in
    a text that writes Oman), and so does news copy's preference for a prominent name
    (``news_over_typed``): PLACE_SUPPORT does not count. 0 elsewhere."""
    if used != 1 or "in_document" not in f or typed_zipf(core, ctx.lexicon) < SEEN_ZIPF:
        return 0.0
    low = core.lower()
    place = low in ctx.lexicon.name_index and not _person_not_place(low, ctx.lexicon)
    calls = NAME_SUPPORT - {"in_document"} - (PLACE_SUPPORT if place else frozenset())
    return 0.0 if any(f.get(k) for k in calls) else f["in_document"]


def typed_place_cues(ctx: Context, core: str, kind: str, f: Mapping[str, float]) -> dict[str, float]:
    """``typed_place_cues`` for a place's reading of ``core``, a word that is itself the main name
    of a listed place (``place_named_by``: Indio, a Californian city, read as India) and that real
    text uses as often as a common name (COMMON_NAME_ZIPF: Indio 2.7; not Chima 2.0, Apan 1.6,
    Patis 1.2, whose slips of China, Japan and Paris the cues still fix): the sum of the values
    of the reading's cues that call for any place (ANY_PLACE_CUES), which call for the typed place
    as much (in [Indio]: a town's preposition too); with its weight it takes them back. Not a
    list of capitals, a meeting's or the rest of a name, which call for that place alone (Madrid,
    [Pari] and Vienna; the [Pari] Agreement: Paris). Empty elsewhere."""
    if kind != "place":
        return {}
    cues = math.fsum(f.get(k, 0.0) for k in ANY_PLACE_CUES)
    if not cues or typed_zipf(core, ctx.lexicon) < COMMON_NAME_ZIPF or not place_named_by(core.lower(), ctx):
        return {}
    return {"typed_place_cues": cues}


def place_named_by(low: str, ctx: Context) -> bool:
    """``low`` is by itself the main name of a listed place (Indio, Irun, Palu; not Emen, an
    other name of Emmen), asked once a word."""
    lexicon = ctx.lexicon

    def ask() -> bool:
        rows = lexicon.spelling_rows(lexicon.name_index.get(low, ()))
        return any(
            len(parts) == 1 and lexicon.entries[entity][2] == "place" and fold(lexicon.entries[entity][1]) == low
            for parts, entity, _ in rows
        )

    return bool(remember(ctx.memo, ("place_named_by", low), ask))


def _not_the_names_use(
    ctx: Context, i: int, key: str, used: int, read: tuple[str, str], f: Mapping[str, float]
) -> dict[str, float]:
    """once_in_document, other_person_in_document for a person's reading beside its partner
    (``read``: the reading's kind and partner; Dong Jun, in a text on Kim Jong Un) and
    mate_in_document for one before a name's other word that is no partner (Mikie Sherrill, in a
    text on Mike Johnson): where the text's use of the name says nothing of the word at ``i``; and
    typed_place_cues for a place's reading; country_water for a country's reading of a name in real
    use (``SEEN_ZIPF``) before a noun of inland water that no listed name of the country has (the
    Chira river: the river's own name, no China's; not the Nigor River, no name of anything)."""
    kind, partner = read
    core = ctx.words[i].core
    out = {"once_in_document": once_in_document(ctx, core, used, f), **typed_place_cues(ctx, core, kind, f)}
    lexicon = ctx.lexicon
    if kind == "place" and not partner and is_country(key, lexicon):
        noun = water_not_named(ctx.words, i, key, lexicon, ctx.memo)
        if noun and (typed_zipf(core, lexicon) >= SEEN_ZIPF or noun.lower() in DAM_NOUNS):
            out["country_water"] = 1.0
    if kind == "person" and not partner and key not in lexicon.given_names:
        # Governor [Edcel] Greco Lagman: a word that opens a name no list has, not a surname's slip
        out["surname_opens_name"] = float(bool(name_mate(ctx.words, i, lexicon)))
    if kind != "person" or "in_document" not in f:
        return out
    if partner and other_person_written(ctx, key, ctx.lexicon.display[key], partner):
        out["other_person_in_document"] = f["in_document"]
    if not partner and typed_zipf(core, lexicon) >= SEEN_ZIPF and given_name_written(ctx, key, core):
        out["given_in_document"] = f["in_document"]
    mate = "" if partner else name_mate(ctx.words, i, ctx.lexicon)
    if mate and ctx.in_document[mate] <= ctx.in_document[core]:
        out["mate_in_document"] = f["in_document"]
    return out


def name_mate(words: Sequence[Word], i: int, lexicon: Lexicon) -> str:
    """The capitalized word right after the word at ``i``, in the same phrase and no possessive
    between, that English seldom writes (Zipf < KNOWN_ZIPF: no Plant, Lifestyle) and that is no
    given name (a title's slip goes before one: [Axmiral] Michael Mullen): the word at ``i`` opens
    a name of two words or more with it (Mikie [Sherrill], Aryna [Sabalenka]). Empty where none."""
    j = i + 1
    word = words[i]
    if j >= len(words) or not adjacent(words, i, j) or word.pause_after:
        return ""
    if word.token.end != word.token.start + len(word.core):
        return ""  # (Prime Minister Modi's Lifestyle initiative)
    other = words[j]
    low = other.core.lower()
    if other.skip or other.sentence_start or shape(other.core) != "title" or low in lexicon.given_names:
        return ""
    return other.core if lexicon.zipf(low) < KNOWN_ZIPF else ""


def given_name_written(ctx: Context, key: str, core: str) -> bool:
    """A listed person's name of several words, without the word ``core``, has the name ``key``
    before another of its words (a given name before the surname) that the text writes as often as
    it writes ``key``: the text's uses of ``key`` are that person's given name, and a word alone
    that real text uses is no slip of it (Pedro Sánchez, Jose Pedro Castillo Terrones; then
    President Petro: a surname of its own, not Pedro)."""
    lexicon, counts = ctx.lexicon, ctx.in_document
    display, typed = fold(lexicon.display[key]), fold(core)
    used = counts[lexicon.display[key]]
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, _ = lexicon.spellings[idx]
        if len(parts) < 2 or lexicon.entries[entity][2] != "person" or typed in {fold(p) for p in parts}:
            continue
        if any(fold(p) == display and counts[after] >= used for p, after in zip(parts, parts[1:], strict=False)):
            return True
    return False


def other_person_written(ctx: Context, key: str, display: str, partner: str) -> bool:
    """The text writes in full, as often as it writes ``display``, a listed person's name of
    several words with ``key`` and without any of ``partner``'s words: its uses of the name are
    that person's (Kim Jong Un's Jong), not of the person ``partner`` names with it (Kwak Jong Jun,
    for Dong Jun)."""
    lexicon, counts = ctx.lexicon, ctx.in_document
    beside = {fold(w) for w in partner.split()}
    for idx in lexicon.name_index.get(key, ()):
        parts, entity, _ = lexicon.spellings[idx]
        if len(parts) < 2 or lexicon.entries[entity][2] != "person" or beside & {fold(p) for p in parts}:
            continue
        if all(counts[p] >= counts[display] for p in parts):
            return True
    return False


def _name_kept(f: dict[str, float], key: str, dist: int, bigrams: Bigrams) -> dict[str, float]:
    """A name reading's features with a value (name_prior and edit_cost always), and
    ``unsupported`` where none of NAME_SUPPORT has one and news copy seldom writes the name
    (NEWS_WRITTEN): a name one or two slips from a word, nothing around the word calling for it,
    and not one that news names so often that its slips are likely alone (de Soto passed through
    [Mabila]: Manila, 14 times; not [Ptuin], Putin, 611 times; [Shmyhul], Shmyhal, 27)."""
    alone = not any(f.get(k) for k in NAME_SUPPORT)
    f["unsupported"] = float(alone and bigrams.news_count(key) < NEWS_WRITTEN)
    # (two edits away, at the Carway border crossing: Norway, though the text writes Norway; nor
    # does a preposition that takes people as readily vouch, to, from, at: 0.5, PLACE_CALLS's
    # "not one": workers at [Wissington], a sugar factory, not Washington two edits away)
    weak = f.get("place_preposition", 0.0) < 1.0
    vouched = any(f.get(k) for k in NEIGHBOUR_SUPPORT if not (weak and k == "place_preposition"))
    f["far_unvouched"] = float(dist >= FAR_EDITS and not vouched)
    return {k: v for k, v in f.items() if v or k in ("name_prior", "edit_cost")}


def _cited(ctx: Context, i: int, key: str, kind: Kind) -> Entry:
    """The entry a name's reading cites: of several people of one name, the one the office before names."""
    lexicon = ctx.lexicon
    person = kind == "person"
    note_topics(ctx.in_document, key, lexicon, ctx.topics)
    if person and remember(ctx.memo, ("several_people", key), partial(several_people, key, lexicon)):
        office = office_words(ctx.words, _title_before(ctx, i)[1])
        return cited_entry(key, lexicon, ctx.topics, ctx.in_document, office)
    return for_word(ctx.memo, "entry", (key, ctx.topics, person), partial(best_entry, key, lexicon, ctx.topics, person))


def _place_news(ctx: Context, i: int, key: str, dist: int, f: dict[str, float]) -> dict[str, float]:
    """What news copy says of a place's reading ``key`` of the word at ``i`` (``f``: the reading's
    features so far): ``news_name``, ``news_over_typed``, ``alternate_over_typed``."""
    lexicon, core = ctx.lexicon, ctx.words[i].core
    out = {"news_name": remember(ctx.memo, ("news_name", key), partial(news_name, key, lexicon, ctx.bigrams))}
    # (one slip away, where the neighbours call for a place, in [Emen], and none makes the typed
    # word part of a name no list has: in Germany and [Kenza] Farah)
    if dist == 1 and "other_name" not in f and any(f.get(cue) for cue in PLACE_CUES):
        out["news_over_typed"] = news_over_typed(core.lower(), key, lexicon, ctx.bigrams)
    if dist == 1 and not _named_thing(ctx.words, i):
        # (the lists themselves say which place is meant: the typed word is only another name of it)
        over = partial(alternate_over_typed, core, key, lexicon, ctx.bigrams)
        out["alternate_over_typed"] = remember(ctx.memo, ("alternate_over_typed", core, key), over)
    return out


def _named_thing(words: Sequence[Word], i: int) -> bool:
    """An article and a lowercase word right before the word at ``i``: the name of a thing of that
    kind (the hotel [Ukraina], a cruiser [Moskva]), which a place's other name often is."""
    return (
        i >= 2
        and words[i - 1].core.islower()
        and words[i - 2].core.lower() in ("the", "a", "an")
        and adjacent(words, i - 2, i - 1)
        and adjacent(words, i - 1, i)
    )


def news_name(key: str, lexicon: Lexicon, bigrams: Bigrams) -> float:
    """How much more often news copy writes the name ``key`` than text at large does or the
    prominence of the entities so named says, less NEWS_DOMAIN (log10, 0 to MAX_NEWS_NAME): a
    region the news is about (the Sahel), a group listed as a place (Hamas). A name that is an
    English word is measured against the word's frequency, which news copy shares (Sale, Nice: 0)."""
    news = bigrams.news_zipf(key)
    if not news:
        return 0.0
    lift = news - max(lexicon.name_prior[key][0], lexicon.zipf(key)) - NEWS_DOMAIN
    return min(MAX_NEWS_NAME, max(0.0, lift))


def news_over_typed(low: str, key: str, lexicon: Lexicon, bigrams: Bigrams) -> float:
    """log10 of how many times news copy writes the name ``key`` where it never writes the typed
    word ``low`` (``news_over_count``), less NEWS_OVER_FLOOR, 0 to MAX_NEWS_OVER - NEWS_OVER_FLOOR:
    that news copy never wrote a rare listed name says little (Palu, Sulawesi: in news copy of
    another time it is unwritten as often as a slip), so only a reading news copy writes more than
    ten times speaks against it (Seoul 12: 0.08; Yemen 92: 0.96; China 530: 1.0)."""
    count = news_over_count(low, key, lexicon, bigrams)
    return min(MAX_NEWS_OVER, math.log10(count)) - NEWS_OVER_FLOOR if count > 10**NEWS_OVER_FLOOR else 0.0


def alternate_over_typed(core: str, key: str, lexicon: Lexicon, bigrams: Bigrams) -> float:
    """``news_over_typed`` for a place's reading one slip from a typed word that the lists give as
    another name of that same place only, never as the main name of a place it names (Mosco,
    Soci: GeoNames' alternate names of Moscow and Sochi, which English copy does not write): the
    lists vouch for the word only as a spelling of the reading, and news copy writes the reading
    ten times and more where it never writes the word. 0 where the word names a place of its own,
    another entity than the reading's, or none on its own."""
    low = core.lower()
    if _names_own(low, lexicon):
        return 0.0
    # (the places the word names on its own: not Sentral of Sentral Ajslip, Central Islip's other name)
    own = {row.entry for row in lexicon.spelling_rows(lexicon.name_index.get(low, ())) if len(row.parts) == 1}
    if not own or not own <= set(lexicon.spelling_entities(lexicon.name_index.get(key, ()))):
        return 0.0
    return news_over_typed(low, key, lexicon, bigrams)


def news_over_count(low: str, key: str, lexicon: Lexicon, bigrams: Bigrams) -> int:
    """How many times news copy writes the name ``key``, where
    the typed word ``low`` is a listed name or a word real text uses (``listed_part``,
    ``seen_name``) that news copy never writes (Chima, Kena, Emen: a Colombian region, other
    names of Egypt's Qena and the Dutch Emmen; Nogo, Gara): the lists or web text know the
    word, but the copy the engine reads names the reading 100 times or more (China, Kenya,
    Yemen) and the typed word not once, so what the lists and web text say for it is weak
    evidence in such copy. 0 where news copy writes the typed word. (name_features counts it
    only where a neighbour calls for a place: Chima is a region of Colombia.)"""
    if bigrams.news_count(low) or (low not in lexicon.name_index and lexicon.zipf(low) < SEEN_ZIPF):
        return 0
    if key in lexicon.words and not _names_own(key, lexicon):
        return 0  # news copy's "soul" (27 times) is the English word, not Seoul's other name
    return bigrams.news_count(key)


def _names_own(key: str, lexicon: Lexicon) -> bool:
    """``key`` is a word of the main name of an entry it is listed for (China, Palau; not Soul,
    a listed other name of Seoul)."""
    return any(key in lexicon.name(idx).entry.name.lower().split() for idx in lexicon.name_index.get(key, ()))


def name_word_beside(word: Word, lexicon: Lexicon) -> bool:
    """A capitalized word of names, not of English: a given name or a surname that English
    seldom writes (Igor, Jens, Minh), or a word no English list has (Khe, Shaanxi); not an
    acronym (OSCE), a title or a region noun."""
    core = word.core
    low = core.lower()
    if word.skip or len(low) < 2 or shape(core) != "title" or low in TITLES or low in PARTICLES:
        return False
    if low in PLACE_NOUNS or low in FUNCTION_WORDS:
        return False
    if low not in lexicon.words:
        return True
    return (low in lexicon.given_names or low in lexicon.surnames) and lexicon.words[low] < TITLE_PHRASE_ZIPF


def common_given_name(word: Word, lexicon: Lexicon) -> bool:
    """A given name English writes often but capitalized far more often than not (Michael,
    Jennifer, Dan: lexicon.capitalized, which lists no Will, May or Mark), not a country's or a
    big city's own name (Chad, Jordan): written before a word, it starts a person's name."""
    low = word.core.lower()
    if word.skip or shape(word.core) != "title" or low not in lexicon.given_names:
        return False
    return low in lexicon.capitalized and low not in lexicon.prominent and low not in TITLES


def other_name_beside(words: Sequence[Word], i: int, key: str, lexicon: Lexicon, memo: Memo | None = None) -> str:
    """The neighbour right beside the word at ``i``, in the same phrase, that is a word of
    names (``name_word_beside``), or before it a common given name (``common_given_name``:
    Michael [Klim], Jennifer [Hansler]): the typed word is part of a name of two words or more. A
    listed name ``key`` read for it that has no such neighbour (no ``same_name``) is somebody
    or somewhere else (Jens [Plotner], Igor [Kostyukov], Khe [Sanh], Omelyan [Kovch]),
    unless the neighbour is itself a slip or another spelling of ``key``'s neighbour in a
    listed name (Emanuel [Mpcron]: Emmanuel Macron). Empty when there is none."""
    before, after = for_word(memo, "name_neighbours", key, partial(name_neighbours, key, lexicon))
    partners = before | after  # (either side: lists write surnames first)
    # (after an office's country the holder's name follows: President of [Botsawan] Mokgweetsi Masisi)
    for j in (i - 1,) if office_of(words, i) else (i - 1, i + 1):
        if not 0 <= j < len(words) or not adjacent(words, min(i, j), max(i, j)):
            continue
        if words[min(i, j)].pause_after or (j > i and words[j].sentence_start):
            continue
        if name_word_beside(words[j], lexicon) or (j < i and common_given_name(words[j], lexicon)):
            low = words[j].core.lower()
            slips = PARTNER_SLIPS if len(low) >= LONG_PARTNER else 1
            if not any(OSA.distance(low, p, score_cutoff=slips) <= slips for p in partners):
                return words[j].core
    return ""


def tail_word(low: str, lexicon: Lexicon) -> float:
    """1 when ``low`` is a listed name of MIN_TAIL_NAME letters or more and then a function
    word (bidenon, palestineand, lykketoftmy): the space before the word was lost, and no
    reading of the whole as one name is a slip (two or more letters added at its end)."""
    return float(bool(tail_heads(low, lexicon)))


def tail_heads(low: str, lexicon: Lexicon) -> tuple[int, ...]:
    """The lengths of the listed names that ``low`` starts with before a function word (``tail_word``)."""
    return tuple(
        cut for cut in range(MIN_TAIL_NAME, len(low) - 1) if low[cut:] in TAIL_WORDS and low[:cut] in lexicon.name_index
    )


def tail_slip(ctx: Context, i: int, dist: int) -> bool:
    """A reading one slip from a word that ``tail_word`` reads as a name and a function word,
    where the text never writes that name alone (Pariis: Paris, not Pari is; Russis, Ukwait):
    one added or swapped letter is likelier than a lost space after a name the text lacks."""
    if dist != 1:
        return False
    core = ctx.words[i].core
    heads = remember(ctx.memo, ("tail_heads", core), partial(tail_heads, core.lower(), ctx.lexicon))
    return bool(heads) and not any(written(ctx.in_document, core[:cut]) for cut in heads)


def _partner_words(words: Sequence[Word], i: int, partner: str) -> int:
    """How many exact words beyond the first stand between the word and its partner, the
    partner included (Ursula von der [Leyen]: 2)."""
    for step in (-1, 1):
        side = name_side(words, i, step)
        if side and partner in (side[0].core, side[-1].core):
            return len(side) - 1
    return 0


def _name_prior(ctx: Context, key: str, person: bool) -> tuple[float, Kind]:
    """How likely text names ``key`` here, and as what."""
    lexicon = ctx.lexicon
    prominence, kind = lexicon.name_prior[key]
    bears = for_word(ctx.memo, "names_person", key, partial(names_person, key, lexicon))  # (asked once a name)
    if bears and (person or (kind == "place" and person_in_text(ctx, key))):
        # a person's name here, as likely as the people so named: Andrei Karin, not the town
        # Karin; Ambassador [Thommson] where the text writes Peter Thomson, not the town Thomson
        prominence, kind = person_prominence(key, lexicon), "person"
    elif kind == "place" and not written(ctx.in_document, lexicon.display[key]):  # its own spelling (Makeyevka) meant
        note_topics(ctx.in_document, key, lexicon, ctx.topics)
        prominence = named_prominence(key, lexicon, ctx.topics)
    if (
        key not in lexicon.words
        or (key in lexicon.surnames and lexicon.words[key] < COMMON_ZIPF)  # Such, Will: words first
        or demonym(key, lexicon)
        or prominence >= CAPITAL
        or (key in lexicon.prominent and place_first(key, prominence, lexicon))
    ) and not _acronym_of_name(key, lexicon):
        # How often text names it; for an English word that is also a town ("Goes", "Nice"),
        # the word's frequency would measure the word, not the town.
        return max(prominence, lexicon.zipf(key)) + USAGE_WEIGHT * lexicon.zipf(key), kind  # type: ignore[return-value]
    return prominence, kind  # type: ignore[return-value]


def _acronym_of_name(key: str, lexicon: Lexicon) -> bool:
    """English writes the word in capitals (uk: UK) and the name does not (Wang Chang-uk): its
    frequency measures the acronym, not the name (The Ukk and France: not Uk)."""
    return key in lexicon.acronyms and not lexicon.display[key].isupper()


def person_in_text(ctx: Context, key: str) -> bool:
    """The text writes a listed person's full name with ``key`` (Peter Thomson), and the word
    is no country's, capital's or region's settled name: the text says which bearer is meant."""
    return not settled_name(key, ctx.lexicon) and bool(named_in_full(key, ctx.lexicon, ctx.in_document))


def _title_before(ctx: Context, i: int) -> tuple[list[str], int]:
    """The title before a person's name at ``i``, or before the given name beside it (Prime
    Minister Narendra [Modi]), and where the name begins."""
    title = title_phrase(ctx.words, i, ctx.lexicon)
    side = name_side(ctx.words, i, -1) if not title else []
    if side and ctx.lexicon.zipf(side[0].core) < SHARED_NAME_ZIPF:  # not Tom: borne by too many
        return title_phrase(ctx.words, i - len(side), ctx.lexicon), i - len(side)
    return title, i


def _place_and_title(ctx: Context, i: int, key: str, kind: str, evidence: list[str]) -> dict[str, float]:
    """Cues of the neighbouring words: a title before a person, a preposition or region noun around a place."""
    words = ctx.words
    f: dict[str, float] = {}
    before = word_before(words, i)
    title, first = _title_before(ctx, i) if kind == "person" else ([], i)
    if title and first == i and key not in ctx.lexicon.given_names and before_name(words, i, ctx.lexicon):
        title = []  # Minister Keya [Sharma]: a given name stands here, and the reading (Key) is none
    if title and title[0] in HONORIFICS:
        f["honorific"] = 1.0  # Mr., Ms., Dr.: some person, any person
        evidence.append(f"after '{words[first - 1].core}'")
    elif title:
        f["title"] = 1.0
        if role_of(key, title, ctx.lexicon, ctx.memo):
            f["role"] = 1.0
        elif first == i:  # right before the name: not before somebody else's given name (Rostyslav Shurma)
            f["role_word"] = role_word(key, title, ctx.lexicon, ctx.memo)
        evidence.append(f"after '{' '.join(w.core for w in words[first - len(title) : first])}'")
    elif kind == "place" and not _adjective(key, ctx.lexicon):
        f.update(_preposition_cue(words, i, before, evidence))
    slot = kind == "place" and person_slot(words, i, ctx.lexicon)
    if kind == "place":
        if slot and not names_person(key, ctx.lexicon):
            # a title's own word right before (Dr. [Kenua], Ambassador [Keya]) or an initial: a
            # person surely; after a longer phrase that reads as a title (THE PRESIDENT VISITED
            # [POLNAD], in capitals) half as sure
            prev = words[i - 1].core
            f["place_as_person"] = 1.0 if prev.lower() in TITLE_WORDS or len(prev) == 1 else 0.5
            evidence.append(f"where a person's name goes, after '{words[i - 1].core}'")
        noun = place_noun(words, i)
        # (a country is no town: the town of [Irun] calls for the town typed, not Iran)
        if noun and not (called_settlement(words, i) and is_country(key, ctx.lexicon)):
            f["place_noun"] = 1.0
            evidence.append(noun)
        event = event_before(words, i)
        if event:
            f["place_event"] = 1.0
            evidence.append(f"after '{event} {words[i - 1].core}'")
        meeting = meeting_noun(words, i)
        if meeting:
            f["place_meeting"] = 1.0
            evidence.append(f"before '{meeting}'")
            if accord_title(meeting, before):
                f["meeting_title"] = 1.0  # the [Sensai] Declaration: an accord's title
        f.update(_list_cues(ctx, i, key, evidence))
        located = city_and_country(words, i, key, ctx.lexicon)
        if located and not _adjective(key, ctx.lexicon):
            f["city_country"] = 1.0
            evidence.append(f"beside '{located}'")
    if kind == "place" and _topic(ctx, i, key, slot):
        f["topic"] = 1.0
        evidence.append("a place of the text's country")
    return f


def _preposition_cue(words: Sequence[Word], i: int, before: str, evidence: list[str]) -> dict[str, float]:
    """A place's preposition right before it (``place_preposition``), or before the article
    before it (``place_preposition_the``: in the [Sahl], to The [Hbague]): 1, and 0.5 after to,
    from and at, which take people and firms as often (a letter from [Ryaan], go to [Keth], at
    [Saputo])."""
    if before in PLACE_PREPOSITIONS:
        evidence.append(f"after '{words[i - 1].core}'")
        return {"place_preposition": 0.5 if before in PERSON_PREPOSITIONS else 1.0}
    prep = preposition_before_the(words, i)
    if not prep:
        return {}
    evidence.append(f"after '{words[i - 2].core} {words[i - 1].core}'")
    return {"place_preposition_the": 0.5 if prep in PERSON_PREPOSITIONS else 1.0}


def preposition_before_the(words: Sequence[Word], i: int) -> str:
    """The preposition of place before "the" right before the word at ``i``, in one sentence,
    where the word ends the phrase (a pause or a function word after it: in the Sahel, to The
    Hague.), or "": "the" before a place's name that modifies a noun after it belongs to that
    noun (at the Carway border crossing, in the Cuanza basin: no call for the place itself)."""
    if word_before(words, i) != "the":
        return ""
    prep = word_before(words, i - 1)
    if prep not in PLACE_PREPOSITIONS:
        return ""
    ends = words[i].pause_after or i + 1 == len(words) or words[i + 1].core.lower() in FUNCTION_WORDS
    return prep if ends else ""


def _adjective(key: str, lexicon: Lexicon) -> bool:
    """A place's demonym that no place's entry has as its own name (Kabuli, an alias of Kabul;
    Russian; not Tripoli, Benin): a preposition of place or the country after a comma calls for
    the place, not its adjective (in [Kabulw], Afghanistan: Kabul, not Kabuli)."""
    if not demonym(key, lexicon):
        return False
    return all(lexicon.name(idx).entry.name.lower() != key for idx in lexicon.name_index.get(key, ()))


def _list_cues(ctx: Context, i: int, key: str, evidence: list[str]) -> dict[str, float]:
    """A place's reading in a list: of countries (a country's), or of places of its own
    country (another place's), and a country's main name after an office and of."""
    words = ctx.words
    f: dict[str, float] = {}
    items = [item.removeprefix("the ") for item in list_names(words, i)]
    if key in items and len(set(items)) == len(items):
        # (Gabon, [Ligeria], Madagascar, Nigeria: not Nigeria again; a list that repeats an item
        # is speech: Russia, Russia, [Rusia])
        f["list_sibling"] = 1.0
        evidence.append(f"another item of its list is '{ctx.lexicon.display[key]}'")
    if is_country(key, ctx.lexicon):
        listed = [c for c in country_beside(words, i, ctx.lexicon) if c.lower() != key]
        if listed:
            f["country_list"] = float(len(listed))  # a country on either side: a list of countries
            evidence.append(f"in a list with '{', '.join(listed)}'")
        if main_name_of(key, ctx.lexicon, ("country",)) and office_of(words, i):
            f["country_of"] = 1.0
            evidence.append(f"after '{words[i - 2].core} of'")
    else:
        places = places_beside(words, i, key, ctx.lexicon)
        if places:
            f["place_list"] = float(len(places))  # a place of the same country on either side
            evidence.append(f"in a list with '{', '.join(places)}'")
        cities = cities_beside(words, i, key, ctx.lexicon)
        if cities:
            f["city_list"] = float(len(cities))  # a big city of another country on either side
            evidence.append(f"in a list with '{', '.join(cities)}'")
    return f


def word_before(words: Sequence[Word], i: int) -> str:
    """The word right before ``i`` in the same sentence (lowercase), or "": a preposition
    across a number or a full stop calls for nothing (in 1787. [Jillson]; the words of a
    text are its letters' words, so the number is not one of them)."""
    if i == 0 or words[i].sentence_start or not adjacent(words, i - 1, i):
        return ""
    return words[i - 1].core.lower()


def _topic(ctx: Context, i: int, key: str, slot: bool) -> bool:
    """A place's reading ``key`` is a prominent place of a country the text is about, and the
    typed word no word text uses; not where a person's name goes (``slot``: Lieutenant Colonel
    [Yerk]), where the text's countries say nothing of which place is meant."""
    note_topics(ctx.in_document, key, ctx.lexicon, ctx.topics)
    return (
        not slot
        and of_topic(key, ctx.lexicon, ctx.topics)
        and ctx.lexicon.zipf(ctx.words[i].core) == 0.0
        and not about_elsewhere(ctx.words, i, key, ctx.lexicon, ctx.memo, ctx.in_document)
    )


def lower_omission(core: str, key: str) -> bool:
    """``omission_lower``'s condition beside ``omission``'s: the typed word is lowercase and the
    letter left out is not the reading's last (materia: material, a word of its own)."""
    return core.islower() and key[:-1] != core


def accord_title(meeting: str, before: str) -> bool:
    """``meeting_title``'s condition beside ``place_meeting``'s: the meeting's noun capitalized
    and "the" right before the name (the [Sensai] Declaration)."""
    return meeting[:1].isupper() and before == "the"


def word_features(ctx: Context, i: int, key: str, dist: int, context: float | None = None) -> dict[str, float]:
    """The English word ``key`` read for the word at ``i`` (``context``: its ``bigram_context``, where known)."""
    core = ctx.words[i].core
    cost = for_word(ctx.memo, "word_cost", (core, key, dist), partial(edit_cost, core, key, dist))
    f = {"word_prior": ctx.lexicon.words[key], "edit_cost": cost}
    if dist == 1 and omitted(core, key):
        f["omission"] = 1.0
        if lower_omission(core, key):
            f["omission_lower"] = 1.0
    if dist == 1 and len(core) >= TRANSPOSED_LETTERS and swapped(core, key):
        f["transposed"] = 1.0
    misspelt = known_misspelling(core, key, ctx.lexicon)
    if misspelt:
        f["known_misspelling"] = misspelt
    f.update(_bigram_features(bigram_context(ctx.words, i, key, ctx.bigrams)[0] if context is None else context))
    if "bigram_support" in f:
        f["context_support"] = f["bigram_support"]
    news = news_context(ctx.words, i, key, key, ctx.bigrams)
    if news:
        f["news_context"] = news
    if news > 0 and core.islower():
        f["news_support"] = news  # the same, counted in the margin (context as evidence of a slip)
    triple = news_triple(ctx.words, i, key, key, ctx.bigrams)
    if triple:
        f["news_triple"] = triple
    start = news_start(ctx.words, i, key, ctx.bigrams) if dist == 1 else 0.0
    if start:  # (not two edits away: a word that far from an unknown one is as often a name, Almoez)
        f["news_start"] = start
    both = for_word(ctx.memo, "numbers", key, partial(_numbers, key, ctx.lexicon))
    if both - f["word_prior"] >= MIN_CACHE:
        f["number_prior"] = both - f["word_prior"]
    cache = for_word(ctx.memo, "word_cache", key, partial(_family, key, ctx.lexicon))
    if ctx.words[i].core.islower() and EDIT_COST * dist > cost:
        # Among readings as many edits away, the one with the likelier slips (talsk: a swap to
        # talks, an added s to talk) is the likelier word; a lowercase word has English readings only.
        f["word_slips"] = EDIT_COST * dist - cost
    if dist > 1 and ctx.words[i].core.islower():
        f["far_word"] = 1.0
        if len(core) >= FAR_LONG_LETTERS:
            f["far_long"] = 1.0  # (not a short word of another language: a na [drua], canoe: drug)
        if len(core) < FAR_SHORT_LETTERS:
            f["far_short"] = 1.0  # (two slips in six letters: as likely a rare word of its own, saxaul: sexual)
    longer = long_slip(core, key, dist, ctx.lexicon)
    # (two slips: not among words English lacks, Collection des anciens [alchimistes] grecs)
    if longer and not (dist > 1 and _unknown_beside(ctx.words, i, ctx.lexicon)):
        f["long_slip"] = longer
    used = sum(ctx.in_document[form] for form in cache[0])
    if used:
        lift = math.log10(used) + DOCUMENT_ZIPF - cache[1]
        value = math.log10(1.0 + DOCUMENT_SHARE * 10**lift)
        if value >= MIN_CACHE:
            f["word_in_document"] = value
    if key in NOUN_BEFORE and ctx.words[i].pause_after:
        f["before_pause"] = 1.0
    if closed_reading(core, key):
        f["closed_reading"] = 1.0
    f.update(_form_features(ctx, i, key))
    f.update(_case_features(ctx, i, key))
    return f


def _case_features(ctx: Context, i: int, key: str) -> dict[str, float]:
    """What the typed word's case says of the English reading ``key``: a lowercase word of a word
    English capitalizes (capitalized_use), a capitalized word's (capitalized_word, heading_initial,
    initial_word)."""
    core = ctx.words[i].core
    f: dict[str, float] = {}
    if core.islower():
        if key in ctx.lexicon.capitalized:
            f["capitalized_use"] = capitalized_use(key, ctx.lexicon)  # jupan: japan, a country in lowercase
    elif in_name_slot(ctx, i, key):
        f["capitalized_word"] = 1.0
        f["name_slot"] = 1.0  # Mr. [Raoof], [Mastek] Limited, [Thies], the envoy: a name's place
    elif not prose_capital(ctx.words, i) or after_initial(ctx.words, i):
        f["capitalized_word"] = 1.0  # Delfines Hotel, “Graduat and Licence”: a name's or a title's word
        heading = heading_initial(ctx, i)
        if heading:
            f["heading_initial"] = heading  # Attravt Investment: a heading's first word as likely as a name's
    elif not name_reading(key, ctx.lexicon):
        initial = initial_word(ctx, i)
        if initial:
            f["initial_word"] = initial  # Thrse are: the sentence's capital, no name's
    return f


def name_reading(reading: str, lexicon: Lexicon) -> bool:
    """A word of the English reading is one English writes capitalized (case_usage.tsv: conrad,
    jung): the reading is a name no list has, whose capital is its own, so a sentence's capital
    does not earn it ``initial_word`` (Conradh na Gaeilge: Conrad is no likelier than the name as
    typed, as it is not inside a sentence)."""
    return any(word in lexicon.capitalized for word in reading.split())


def in_name_slot(ctx: Context, i: int, key: str) -> bool:
    """The English word ``key`` read at ``i`` stands where a name goes (context.name_slot) and
    cannot go there itself: no title's word (Mr. [President]: a form of address) nor a word that
    people bear as a name (Miller, Tyler), and before a
    verb of saying no pronoun, plural noun or -ing form ([They] said, [Officials] said, [Having]
    said that)."""
    slot = name_slot(ctx.words, i, ctx.lexicon)
    if not slot or key in TITLES or key in ctx.lexicon.surnames or key in ctx.lexicon.given_names:
        return False  # (a name's own word goes there: Kathleen S. [Millur], Miller)
    if slot == "subject":
        return key not in SUBJECT_WORDS and not key.endswith("ing") and not plural_form(key, ctx.lexicon)
    return True


def closed_reading(core: str, key: str) -> bool:
    """The lowercase word ``core`` is read as the closed-class English word ``key`` (the, their,
    would, been, only). Their Zipf of 6-7 stands 2-3 above the content words one slip away
    (ties: is, bond: and, wound: would), but a practised short word is slipped on less often
    per use than that: on the dev typos, such readings fixed at a confidence under 0.95 against
    a content word's rival were right 19 times of 28."""
    return core.islower() and key in CLOSED_READINGS


def _form_features(ctx: Context, i: int, key: str) -> dict[str, float]:
    """What the words around say of the form of the English word ``key`` read at ``i``: the
    number or tense the word before calls for (number_clash, tense_clash, else verb_clash),
    and the ending of a word joined to it by and/or (coordinated). Ranks only, all four."""
    words, lexicon = ctx.words, ctx.lexicon
    f: dict[str, float] = {}
    cue = number_cue(words, i)
    if cue and _number_form(key, lexicon) not in ("", cue):
        f["number_clash"] = 1.0
    if tense_clash(words, i, key, lexicon):
        f["tense_clash"] = 1.0
    elif "number_clash" not in f and verb_clash(words, i, key, lexicon):
        f["verb_clash"] = 1.0
    if words[i].core.islower() and coordinated(words, i, key, lexicon):
        f["coordinated"] = 1.0
    return f


def capitalized_use(key: str, lexicon: Lexicon) -> float:
    """How much rarer (log10) ``key`` is in lowercase than its folded frequency says: the
    lexicon's Zipf folds letter case (japan 4.89 is Japan's), and case_usage.tsv keeps the log10
    odds of the capitalized spelling (japan 1.09: log10(1 + 10^1.09) = 1.12 less in lowercase)."""
    odds = lexicon.capitalized.get(key, 0.0)
    return math.log10(1.0 + 10**odds) if odds > 0 else 0.0


def long_slip(core: str, key: str, dist: int, lexicon: Lexicon) -> float:
    """How many letters beyond LONG_SLIP a lowercase word has that no text uses, read as the
    English word ``key`` one slip away or two apart (politiciztation: 7; metiucluosly: 4), 0
    where the word is no such slip (two edits: ``_one_stretch``, ``_regular_form``):
    where ``key`` is the typed word with an ending added (digitalize: digitalized), the typed
    word is ``key`` with a prefix (aforegoing: foregoing), or the two differ by -ise for -ize
    (humanisation: a British spelling)."""
    if dist > LONG_SLIP_EDITS or len(core) <= LONG_SLIP or not core.islower() or " " in key:
        return 0.0
    if key.startswith(core) or core.endswith(key) or _ise_for_ize(core, key):
        return 0.0
    if dist > 1 and (_one_stretch(core, key) or _regular_form(core, lexicon)):
        return 0.0  # another ending or prefix on one stem, another piece inside it, an inflection
    return float(len(core) - LONG_SLIP) if typed_zipf(core, lexicon) == 0.0 else 0.0


def _unknown_beside(words: Sequence[Word], i: int, lexicon: Lexicon) -> bool:
    """A lowercase word right before or after ``i``, in the same clause, that is no English word
    the lexicon has: the word at ``i`` stands among words of another language or a jargon."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and not words[j].skip and adjacent(words, min(i, j), max(i, j)):
            core = words[j].core
            if core.islower() and core.isalpha() and core not in lexicon.words:
                return True
    return False


def _one_stretch(typed: str, key: str) -> bool:
    """Two edits that fall within SUFFIX_SWAP letters of each other (disfranchising:
    disenfranchising, algorismic: algorithmic, contractibility: contractility) or leave
    at most SUFFIX_SWAP letters of ``key`` at one end (competitivity: competitive): one
    piece of a word swapped for another, as words of one stem differ, not two slips."""
    head = 0
    while head < min(len(typed), len(key)) and typed[head] == key[head]:
        head += 1
    tail = 0
    while tail < min(len(typed), len(key)) - head and typed[-1 - tail] == key[-1 - tail]:
        tail += 1
    stem = len(key) - SUFFIX_SWAP
    return max(len(typed), len(key)) - head - tail <= SUFFIX_SWAP or head >= stem or tail >= stem


REGULAR_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def _regular_form(low: str, lexicon: Lexicon) -> bool:
    """``low`` is a plural, -s, -ed or -ing form of a word the lexicon has (expediencies:
    expediency), which the lexicon itself need not list."""
    return any(low.endswith(end) and low[: -len(end)] + base in lexicon.words for end, base in REGULAR_ENDINGS)


def _ise_for_ize(typed: str, key: str) -> bool:
    """``typed`` and ``key`` differ in one letter, s in one where z is in the other."""
    diff = [(a, b) for a, b in zip(typed, key, strict=False) if a != b]
    return len(typed) == len(key) and len(diff) == 1 and set(diff[0]) == {"s", "z"}


def unknown_name_zipf(core: str) -> float:
    """The floor for an unknown name of ``core``'s length, as a Zipf: the longer the word, the
    less likely a real name lies an edit or two from a listed one by chance (Kherrson is a
    typo, Kovch is probably somebody)."""
    return NULL_CAPITALIZED - NAME_LENGTH_SLOPE * (min(len(core), LONG_NAME) - TYPICAL_NAME)


def name_floor(core: str, typed: float) -> float:
    """How far the floor for an unknown name of ``core``'s length lies above its Zipf ``typed``."""
    return max(0.0, unknown_name_zipf(core) - typed)


def initial_word(ctx: Context, i: int) -> float:
    """``name_floor`` of the first word of a sentence of prose (``prose_capital``: Thrse are,
    Nutably, the) that nothing marks as a name: no list has it and the text writes it once (a
    name recurs, a typo does not). Its capital is the sentence's: an English reading of it
    need not outweigh the floor of an unknown name (``initial_word``); 0 elsewhere."""
    core = ctx.words[i].core
    if not unmarked_initial(ctx, i, core.lower() in ctx.lexicon.name_index):
        return 0.0
    return name_floor(core, typed_zipf(core, ctx.lexicon))


def unmarked_initial(ctx: Context, i: int, listed: bool) -> bool:
    """The word at ``i`` opens a sentence of prose (``prose_capital``), capitalized only at its
    start, and nothing marks it as a name: no list has it (``listed``) and the text writes it
    once (a name recurs, a typo does not). initial_word and decide's run-on reading ask it."""
    core = ctx.words[i].core
    return _unmarked(ctx, core, listed) and prose_capital(ctx.words, i)


def unmarked_heading(ctx: Context, i: int, listed: bool) -> bool:
    """The word at ``i`` opens a sentence and a capitalized word follows it (Attravt Investment
    to, Eputy National Security Advisor), where ``prose_capital`` does not tell the sentence's
    capital from a name's; no pause follows it and no initial stands before it; and nothing marks
    it as a name, as in ``unmarked_initial``. heading_initial and decide's run-on reading ask it."""
    words = ctx.words
    word = words[i]
    if not _unmarked(ctx, word.core, listed) or not word.sentence_start or word.pause_after:
        return False
    return i + 1 < len(words) and words[i + 1].core[:1].isupper() and not after_initial(words, i)


def _unmarked(ctx: Context, core: str, listed: bool) -> bool:
    """Capitalized only at its start, no list has it as a name and the text writes it once."""
    return not listed and shape(core) == "title" and ctx.in_document[core] <= 1


def heading_initial(ctx: Context, i: int) -> float:
    """1 for a heading's or a sentence's first word that a capitalized word follows and nothing
    marks as a name (``unmarked_heading``): as likely a sentence's capital as a name's, so an
    English reading of it takes back part of ``capitalized_word``; 0 elsewhere."""
    listed = ctx.words[i].core.lower() in ctx.lexicon.name_index
    return 1.0 if unmarked_heading(ctx, i, listed) else 0.0


def prose_capital(words: Sequence[Word], i: int) -> bool:
    """The word at ``i`` is capitalized only as a sentence's first word of prose: a comma or a
    lowercase word follows it (Moreovr, the; Taqking part), not a capitalized one (Delfines Hotel,
    PRESIDEN BIDEN), which makes it one word of a name or a heading."""
    word = words[i]
    if not word.sentence_start or word.core.isupper():
        return False
    return word.pause_after or (i + 1 < len(words) and words[i + 1].core[:1].islower())


def _number_form(key: str, lexicon: Lexicon) -> str:
    """The form "s" when the English word ``key`` is the -s form of a common word (talks, countries;
    derive.plural_form: not thus, series), "bare" when it has one (talk, country), "" when neither."""
    if plural_form(key, lexicon):
        return "s"
    forms = (key + "s", key + "es", key[:-1] + "ies" if key.endswith("y") else "")
    return "bare" if any(form in lexicon.words and plural_form(form, lexicon) for form in forms if form) else ""


def number_cue(words: Sequence[Word], i: int) -> str:
    """The number the words before ``i`` call for (BARE_CUES, S_CUES): "bare", "s" or "" (he
    or she after a modal or do: "bare", a question's verb)."""
    before = [w.token.text.lower() for w in words[max(0, i - 2) : i]]
    if not before or words[i - 1].skip or not adjacent(words, i - 1, i):
        return ""
    cue = before[-1]
    if cue in ("he", "she") and len(before) == 2 and before[0] in INVERTING_CUES and adjacent(words, i - 2, i - 1):
        return "bare"  # a question: did he [offer], will she [sign]
    if cue not in BARE_CUES and cue not in S_CUES and len(before) == 2 and adjacent(words, i - 2, i - 1):
        first = before[0]
        if first in VERB_CUES and cue in CUE_ADVERBS:
            cue = first  # will also include
        elif first not in VERB_CUES and cue.endswith(CUE_ADJECTIVES):
            cue = first  # a successful example, numerous philanthropic partnerships
    return "bare" if cue in BARE_CUES else "s" if cue in S_CUES else ""


def tense_cue(words: Sequence[Word], i: int) -> str:
    """The verb form the word before ``i`` calls for: "ed" after a form of have (PERFECT_CUES),
    "bare" after a modal (MODAL_CUES), "" otherwise; an adverb may stand between (has not
    honoured, will also report)."""
    if i == 0 or words[i - 1].skip or not adjacent(words, i - 1, i):
        return ""
    cue = words[i - 1].token.text.lower()
    if cue in CUE_ADVERBS and i >= 2 and not words[i - 2].skip and adjacent(words, i - 2, i - 1):
        cue = words[i - 2].token.text.lower()
    return "ed" if cue in PERFECT_CUES else "bare" if cue in MODAL_CUES else ""


def _past_forms(key: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The regular past forms (-ed) of the verb ``key`` that the lexicon has (urge: urged,
    plan: planned, carry: carried)."""
    forms = [key + "d" if key.endswith("e") else key + "ed", key + key[-1:] + "ed"]
    if key.endswith("y"):
        forms.append(key[:-1] + "ied")
    return tuple(form for form in forms if form in lexicon.words)


def _past_stems(key: str) -> tuple[str, ...]:
    """The verbs whose regular past form ``key`` may be (urged: urge, planned: plan, carried: carry)."""
    return (key[:-1], key[:-2], key[:-3], key[:-3] + "y")


def _bare_of_past(key: str, lexicon: Lexicon) -> bool:
    """``key`` is the regular past form of a verb the lexicon has (urged, planned, carried)."""
    if not key.endswith("ed") or len(key) < MIN_STEM + 2:
        return False
    stems = _past_stems(key)
    return any(key in _past_forms(stem, lexicon) for stem in stems if len(stem) >= MIN_STEM and stem in lexicon.words)


def tense_clash(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> bool:
    """The English reading ``key`` is a verb form the word before rules out (tense_cue), and the
    form it calls for lies one slip from the typed word too, so that the typed letters fit either:
    a bare form after have (have [urgd]: urge, where urged is one slip away; not has [threated]:
    threaten, whose threatened is two), an -ed form after a modal (must [reportd]: reported)."""
    cue = tense_cue(words, i)
    if not cue:
        return False
    typed = words[i].core.lower()
    if cue == "ed":
        return any(OSA.distance(typed, form) <= 1 for form in _past_forms(key, lexicon))
    return _bare_of_past(key, lexicon) and any(
        OSA.distance(typed, stem) <= 1 and key in _past_forms(stem, lexicon)
        for stem in _past_stems(key)
        if stem in lexicon.words
    )


def verb_cue(words: Sequence[Word], i: int) -> str:
    """The word before ``i`` that says which forms of a verb may follow (VERB_FORM_CUES): the
    word right before, or the one before an adverb (CUE_ADVERBS, a lowercase -ly word: to
    severely damage); do, does, did before not or never as "do not"; "" where none does."""
    if i == 0 or words[i - 1].skip or not adjacent(words, i - 1, i):
        return ""
    cue = words[i - 1].token.text.lower().replace("\u2019", "'")
    if cue in VERB_FORM_CUES:
        return cue
    adverb = cue in CUE_ADVERBS or (cue.endswith("ly") and words[i - 1].core.islower())
    if not adverb or i < 2 or words[i - 2].skip or not adjacent(words, i - 2, i - 1):
        return ""
    before = words[i - 2].token.text.lower().replace("\u2019", "'")
    if cue in NEGATIONS and before in ("do", "does", "did"):
        return "do not"
    return before if before in VERB_FORM_CUES else ""


def _object_after(words: Sequence[Word], i: int) -> bool:
    """The word after ``i``, in the same clause, starts an object (OBJECT_STARTS: its, the, them)."""
    if i + 1 >= len(words) or words[i].pause_after or not adjacent(words, i, i + 1):
        return False
    return words[i + 1].token.text.lower() in OBJECT_STARTS


def verb_form(key: str, lexicon: Lexicon) -> tuple[str, str]:
    """The form of the English word ``key`` among a verb's regular forms and its stem: ("ed",
    urge) for urged, ("s", urge) for urges, ("ing", urge) for urging, ("bare", urge) for urge."""
    words = lexicon.words
    if key.endswith("ing") and len(key) >= MIN_STEM + 3:
        stem = key[:-3]
        for base in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            if len(base) >= MIN_STEM and base in words:
                return "ing", base
    if _bare_of_past(key, lexicon):
        return "ed", next((s for s in _past_stems(key) if s in words and key in _past_forms(s, lexicon)), key)
    if plural_form(key, lexicon):
        plural = (key[:-3] + "y" if key.endswith("ies") else "", key[:-2] if key.endswith("es") else "", key[:-1])
        return "s", next((s for s in plural if len(s) >= MIN_STEM and s in words), key[:-1])
    return "bare", key


def verb_forms(stem: str, form: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The regular ``form`` ("bare", "s", "ed", "ing") of the verb ``stem`` that the lexicon has."""
    if form == "bare":
        out = [stem]
    elif form == "ed":
        out = list(_past_forms(stem, lexicon))
    elif form == "s":
        out = [stem + "s", stem + "es", stem[:-1] + "ies" if stem.endswith("y") else ""]
    else:
        out = [stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else "", stem + stem[-1:] + "ing"]
    return tuple(w for w in out if w and w in lexicon.words)


def verb_clash(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> bool:
    """The English reading ``key`` is a form of a verb that the word before rules out (verb_cue:
    to [damagee] its: damaged; they [feasr]: fears), and a form of the same word that the word
    before calls for lies one slip from the typed word too (damage, fear): the typed letters
    fit either form, and the word before says which one is meant."""
    cue = verb_cue(words, i)
    if not cue:
        return False
    ruled_out, called = VERB_FORM_CUES[cue]
    form, stem = verb_form(key, lexicon)
    if form not in ruled_out or (cue == "to" and not _object_after(words, i)):
        return False
    typed = words[i].core.lower()
    return any(
        other != key and OSA.distance(typed, other) <= 1 for want in called for other in verb_forms(stem, want, lexicon)
    )


def coordinated(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> bool:
    """The English word ``key``, read at ``i``, ends as the English word joined to it by a lowercase
    and/or does (COORDINATED_ENDINGS): physically, digitally, and [legaly]: legally, not legal.
    Two characters may stand before the coordinator (a comma and a space, as in a list; which mark
    is not read, so "digitally. and" passes too); none after it or after the word at ``i``, and
    the joined word is a lowercase English word of its own; both have three letters or more before
    the ending (not red, sing)."""
    ending = next((e for e in COORDINATED_ENDINGS if key.endswith(e) and len(key) > len(e) + 2), "")
    if not ending:
        return False
    joined = []
    if i >= 2 and adjacent(words, i - 1, i) and not words[i - 1].pause_after:
        if words[i - 2].token.end + 2 >= words[i - 1].token.start:  # "digitally, and"
            joined.append((words[i - 1], words[i - 2]))
    if i + 2 < len(words) and not words[i].pause_after and adjacent(words, i, i + 1):
        if not words[i + 1].pause_after and adjacent(words, i + 1, i + 2):
            joined.append((words[i + 1], words[i + 2]))
    for link, other in joined:
        low = other.core.lower()
        if link.token.text in COORDINATORS and not other.skip and low != key and other.core.islower():
            if len(low) > len(ending) + 2 and low.endswith(ending) and low in lexicon.words:
                return True
    return False


def known_misspelling(core: str, key: str, lexicon: Lexicon) -> float:
    """How surely real text misspells the English word ``key`` as ``core`` (goverment,
    recieved): 1 over the number of words codespell's list reads ``core`` as (thet: they,
    that, theft says less about each), shared again with every other English word in real use
    (Zipf MISSPELLING_RIVAL_ZIPF or more) one cheaper slip from ``core`` (edit_cost): the list
    names one word for a slip that lies nearer others (mumber: number, and member, a key
    beside), and says no more of ``key`` than of them; 0 when the list does not read it as ``key``."""
    low = core.lower()
    fixes = lexicon.misspellings.get(low)
    listed = fixes.split("|") if fixes else ()
    if key not in listed:
        return 0.0
    return 1.0 / len(listed) / (1 + _slip_rivals(low, key, lexicon))


def _slip_rivals(low: str, key: str, lexicon: Lexicon) -> int:
    """The English words in real use, other than ``key``, one slip from the typed ``low`` that
    is cheaper than the slip to ``key`` (edit_cost: mumber is a key beside member's, a plain
    substitution of number's); a rival as dear or dearer leaves the listed word its value (migh:
    might lost a letter, high is a key for another; twon: town swapped, two a letter added)."""
    if key.replace("'", "") == low:
        return 0  # an apostrophe left out (theres: there's), the commonest slip of all: not threes
    words = lexicon.words
    own = edit_cost(low, key, 1)
    return sum(
        1
        for w in one_slip(low)
        if w != key and words.get(w, 0.0) >= MISSPELLING_RIVAL_ZIPF and edit_cost(low, w, 1) < own
    )


def _numbers(key: str, lexicon: Lexicon) -> float:
    """The Zipf of the English word ``key`` in both numbers: a noun's singular and plural, or a
    verb's base and -s form (talk, talks). The typed letters say which of the two is meant (talsk:
    talks), and the language model weighs the word, so a plural is not ten times less likely
    than a singular that text writes ten times more."""
    words = lexicon.words
    forms = {key}
    for ending, base in (("ies", "y"), ("es", ""), ("s", "")):
        stem = key[: -len(ending)] + base
        if key.endswith(ending) and not key.endswith("ss") and len(stem) >= MIN_STEM and stem in words:
            forms.add(stem)
    for stem in [w for w in forms if len(w) >= MIN_STEM]:
        if stem.endswith("y"):
            forms.add(stem[:-1] + "ies")
        forms.update((stem + "s", stem + "es"))
    return math.log10(sum(10 ** words[w] for w in forms if w in words))


def word_family(memo: Memo | None, key: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The English word ``key``'s regular forms the lexicon has (plan: plans, planned, planning),
    as ``word_in_document`` counts them (asked once a word)."""
    return for_word(memo, "word_cache", key, partial(_family, key, lexicon))[0]


def _family(key: str, lexicon: Lexicon) -> tuple[tuple[str, ...], float]:
    """The English word ``key`` and its regular forms the lexicon has (plan: plans, planned),
    from its stem, and the Zipf of them all together."""
    words = lexicon.words
    stem = key
    for ending in FAMILY_ENDINGS:
        base = key[: -len(ending)]
        if key.endswith(ending) and len(base) >= 3:
            bases = (
                base,
                base + "e",
                base[:-1] + "y" if ending == "es" else "",
                base[:-1] if base[-1:] == base[-2:-1] else "",
            )
            found = next((b for b in bases if b in words), "")
            if found and words[found] >= words[key] - PLURAL_SLACK:  # not news: new
                stem = found
                break
    forms = {stem, key}
    for ending in FAMILY_ENDINGS:
        for base in (stem, stem[:-1] if stem.endswith(("e", "y")) else ""):
            if base and base + ending in words:
                forms.add(base + ending)
    if stem.endswith("y"):
        forms.add(stem[:-1] + "ies")
    forms.update((stem + stem[-1] + "ed", stem + stem[-1] + "ing"))  # planned, planning
    forms = {w for w in forms if w in words}
    return tuple(sorted(forms)), math.log10(sum(10 ** words[w] for w in forms))


def split_features(ctx: Context, left: str, right: str, i: int | None = None) -> dict[str, float]:
    """``left right``, two words typed without the space between them (at ``i``). Its
    ``bigram_support`` sums the pair's affinity and, as a one-word reading's does, that of
    the words before and after it ("to [wait a] decade"), so that the two rank alike."""
    f = {
        "word_prior": min(ctx.lexicon.words[left], ctx.lexicon.words[right]),
        "edit_cost": EDIT_COST,
        "missing_space": 1.0,
    }
    if min(len(left), len(right)) >= 2 and {left, right} & FUNCTION_WORDS:
        f["function_half"] = 1.0  # a function word lost its space (cessationof): no compound starts or ends so
    elif lost_article(left, right):
        f["lost_article"] = 1.0
    pair = ctx.bigrams.affinity(left, right)
    outer = 0.0
    if i is not None:
        outer = bigram_context(ctx.words, i, left, ctx.bigrams, before_only=True)[0]
        outer += bigram_context(ctx.words, i, right, ctx.bigrams, after_only=True)[0]
    f.update(_bigram_features(pair + outer))
    if i is not None:
        news = news_context(ctx.words, i, left, right, ctx.bigrams)
        if news:
            f["news_context"] = news
        if news > 0:
            f["runon_news"] = news  # the same support, counted in the margin (as evidence of a lost space)
        triple = news_triple(ctx.words, i, left, right, ctx.bigrams)
        if triple:
            f["news_triple"] = triple
        start = news_start(ctx.words, i, left, ctx.bigrams)
        if start:
            f["news_start"] = start
    if pair > 0:
        f["pair_support"] = pair
    return f


def lost_article(left: str, right: str) -> bool:
    """The article "a" lost its space after a word (launcha, supporta): no English word of
    two letters or more is a compound ending in it."""
    return right == "a" and len(left) >= ARTICLE_AFTER


def _bigram_features(affinity: float) -> dict[str, float]:
    if affinity > 0:
        return {"bigram_support": affinity}
    return {"bigram_against": affinity} if affinity < 0 else {}


def adjective_cue(words: Sequence[Word], i: int, key: str, lexicon: Lexicon) -> float:
    """A demonym is an adjective: it stands before a noun ("Russian forces"), not before a
    comma, a full stop, a possessive or a preposition, where a country's name does ("...like
    Russia, which", "launched by Germany within")."""
    word = words[i]
    pause = word.pause_after or word.token.text != word.core
    if not pause and i + 1 < len(words) and adjacent(words, i, i + 1):
        pause = words[i + 1].core in PREPOSITIONS
    if pause:
        return 1.0 if demonym(key, lexicon) and key not in lexicon.prominent else 0.0
    return 0.0


def other_forms(key: str, lexicon: Lexicon) -> list[str]:
    """A country's demonym, or a demonym's country: Russian for Russia, Russia for Russian;
    and those a country's entry lists among its names (``country_forms``: Mexican, Mexico)."""
    others = [s for s in demonym_stems(key) if s in lexicon.prominent]  # Russian: russia
    if not others:  # Russia: russian; Italy: italian; Germany: german
        forms = [key + e for e in DEMONYMS] + [key[:-1] + e for e in DEMONYMS]
        if key.endswith("y"):
            forms.append(key[:-1])
        others = [d for d in forms if d in lexicon.words and key in demonym_stems(d)]
    return others + [f for f in country_forms(key, lexicon) if f not in others]


# The endings of a country's name and its demonym beside a common stem (Mexic-o, Mexic-an; China, Chin-ese)
COUNTRY_FORM_ENDINGS = ("", "a", "e", "o", "y", "ia", *sorted(DEMONYMS))
COUNTRY_FORM_ZIPF = 3.0  # both forms are English words in real use (Mexican 4.4, Lebanese 3.9)


def country_forms(key: str, lexicon: Lexicon) -> list[str]:
    """The other form of a country's name that its entry lists (Mexican for Mexico, Mexico for
    Mexican: the country's main name and a name of it with a demonym's ending, the same stem
    and another ending, each an English word in real use); [] for a word no country is named by."""
    mine = _countries_named(key, lexicon)
    if not mine:
        return []
    out: list[str] = []
    for cut in range(4):
        stem = key[: len(key) - cut]
        for end in COUNTRY_FORM_ENDINGS if len(stem) >= 3 else ():
            form = stem + end
            if form == key or form in out or lexicon.words.get(form, 0.0) < COUNTRY_FORM_ZIPF:
                continue
            if not any(w.endswith(d) for w in (form, key) for d in DEMONYMS):
                continue
            shared = mine.keys() & _countries_named(form, lexicon).keys()
            if any(mine[e] in (key, form) for e in shared):
                out.append(form)
    return out


def _countries_named(key: str, lexicon: Lexicon) -> dict[int, str]:
    """The countries a spelling with the word ``key`` names: entity -> its main name, lowercase."""
    ids = sorted(set(lexicon.spelling_entities(lexicon.name_index.get(key, ()))))
    rows = zip(ids, lexicon.entity_descriptions(ids), strict=True)
    return {e: lexicon.entries[e].name.lower() for e, d in rows if d.startswith("country")}


def form_in_document(ctx: Context, i: int, key: str, dist: int) -> float:
    """1 / edit distance when the text writes the reading's other form (Russian for Russia,
    Russia for Russian; ``other_forms``) and not the reading itself: it names the country,
    whichever form this word takes. Not where the words around name only other countries
    (``about_elsewhere``: the Romanian town of Roman in one story of a digest, Goma in another)."""
    forms = for_word(ctx.memo, "other_forms", key, partial(other_forms, key, ctx.lexicon))
    if not any(written(ctx.in_document, recase(o, "Aa")) for o in forms):
        return 0.0
    return 0.0 if about_elsewhere(ctx.words, i, key, ctx.lexicon, ctx.memo, ctx.in_document) else 1 / dist


def form_cue(
    words: Sequence[Word], i: int, key: str, lexicon: Lexicon, bigrams: Bigrams, memo: Memo | None = None
) -> float:
    """The word after says country or demonym: "Russia is", "Russia has", but "Russian
    government". How much likelier English makes the other form before that word."""
    if i + 1 >= len(words) or words[i].pause_after or not adjacent(words, i, i + 1):
        return 0.0
    if words[i].token.text != words[i].core:
        return 0.0  # a possessive (Iran's nuclear programme) is the noun's, never a demonym's
    nxt = words[i + 1].core
    if not nxt.islower():
        return 0.0
    others = for_word(memo, "other_forms", key, partial(other_forms, key, lexicon))
    if not others:
        return 0.0
    mine = bigrams.affinity(key, nxt)
    best = max(bigrams.affinity(o, nxt) for o in others)
    return max(0.0, best - mine)


def news_context(
    words: Sequence[Word], i: int, first: str, last: str, bigrams: Bigrams, *, clip: bool = False
) -> float:
    """How much news copy favours a reading of the word at ``i`` whose first word is ``first``
    and last ``last`` (the same word, or the two halves of a missing space), beside the
    words right before and after it (Bigrams.in_news); ``clip``: each side's part at least 0."""
    total = 0.0
    if i > 0 and not words[i - 1].skip and adjacent(words, i - 1, i):
        prev = words[i - 1].token.text.lower()
        part = bigrams.in_news(prev, first, first)
        total += max(part, 0.0) if clip else part
    if i + 1 < len(words) and not words[i + 1].skip and adjacent(words, i, i + 1):
        nxt = words[i + 1].token.text.lower()
        part = bigrams.in_news(last, nxt, last)
        total += max(part, 0.0) if clip else part
    return total


def news_start(words: Sequence[Word], i: int, first: str, bigrams: Bigrams) -> float:
    """How much news copy favours a reading whose first word is ``first`` as the first word of a
    sentence, where the word at ``i`` opens one with a capital (Bigrams.at_start): the left side
    of ``news_context``, which has no word before it there; 0 elsewhere."""
    word = words[i]
    return bigrams.at_start(first) if word.sentence_start and word.core[:1].isupper() else 0.0


def news_triple(words: Sequence[Word], i: int, first: str, last: str, bigrams: Bigrams) -> float:
    """How much more news copy favours a reading of the word at ``i`` whose first word is ``first``
    and last ``last`` (as news_context) beside the two words before it and the two after it than
    beside the nearer ones alone (Bigrams.in_news_triple: "withi two weeks" read as within by
    "weeks" as well as "two"), each side's part at least 0: three words side by side, none skipped."""
    total = 0.0
    if i > 1 and not (words[i - 2].skip or words[i - 1].skip):
        if adjacent(words, i - 2, i - 1) and adjacent(words, i - 1, i):
            a, b = words[i - 2].token.text.lower(), words[i - 1].token.text.lower()
            total += max(0.0, bigrams.in_news_triple(a, b, first, first))
    if i + 2 < len(words) and not (words[i + 1].skip or words[i + 2].skip):
        if adjacent(words, i, i + 1) and adjacent(words, i + 1, i + 2):
            b, c = words[i + 1].token.text.lower(), words[i + 2].token.text.lower()
            total += max(0.0, bigrams.in_news_triple(last, b, c, last))
    return total


def name_edit_cost(memo: Memo | None, core: str, key: str, dist: int) -> float:
    """The edit cost of reading the listed name ``key`` (``dist`` edits) for the typed ``core``,
    slips priced (``edits.edit_cost``); asked once a (word, name) in the table ``NAME_COST``."""
    return for_word(memo, NAME_COST, (core, key, dist), partial(edit_cost, core, key, dist, slips=True))


NAME_COST = "edit_cost"  # the word table of ``name_edit_cost`` (bound.py reads what it knows)


def bigram_context(
    words: Sequence[Word], i: int, key: str, bigrams: Bigrams, *, before_only: bool = False, after_only: bool = False
) -> tuple[float, str]:
    """Bigram support for ``key`` from the words right before and after it (or one side only)."""
    pairs = _context_pairs(words, i, key, before=not after_only, after=not before_only)
    total = 0.0
    for a, b in pairs:
        total += bigrams.affinity(a, b)
    if not pairs or abs(total) < 0.05:
        return total, ""
    notes = " ".join(f"'{a} {b}'" for a, b in pairs)
    return total, f"; context {notes} {total:+.1f}"


def bigram_support(words: Sequence[Word], i: int, key: str, bigrams: Bigrams) -> float:
    """``bigram_context``'s support alone (summed in the same order), without its note."""
    total = 0.0
    for a, b in _context_pairs(words, i, key):
        total += bigrams.affinity(a, b)
    return total


def _context_pairs(
    words: Sequence[Word], i: int, key: str, *, before: bool = True, after: bool = True
) -> list[tuple[str, str]]:
    """The pairs ``key`` makes with the words right before and after ``i`` (adjacent, not skipped)."""
    pairs = []
    if before and i > 0 and not words[i - 1].skip and adjacent(words, i - 1, i):
        pairs.append((words[i - 1].token.text.lower(), key))
    if after and i + 1 < len(words) and not words[i + 1].skip and adjacent(words, i, i + 1):
        pairs.append((key, words[i + 1].token.text.lower()))
    return pairs


SHARED_PARTNER = 1.5  # log10 of the listed entities whose names have the partner word (Khan 2.1, Ali 2.3; Biden 0.9)


def shared_partner(partner: str, entry: Entry, lexicon: Lexicon) -> bool:
    """The neighbour that completes the reading's name is a word of many listed names (Khan,
    Singh, Ali: SHARED_PARTNER or more; not a particle, bin, al), and the listed name has more
    words than the two the text writes (Amir Khan Muttaqi): the text names one of the many
    people who bear that word (the actor Aamir Khan), no evidence for this one."""
    low = partner.lower()
    return low not in PARTICLES and len(name_words(entry)) > 2 and name_word(low, lexicon) >= SHARED_PARTNER


def name_words(entry: Entry) -> list[str]:
    """The words of a listed name, lowercased, a hyphen's halves apart (Kim Tae-young: kim, tae, young)."""
    return entry.name.lower().replace("-", " ").split()


def shared_name(partner: str, lexicon: Lexicon) -> float:
    """How little a neighbour says about whose name this is: a given name as common as Tom
    (Zipf 4.9) is borne by many people, among them many that no list has."""
    return max(0.0, lexicon.zipf(partner) - SHARED_NAME_ZIPF)


def name_goes_on(words: Sequence[Word], i: int, partner: str, entry: Entry, lexicon: Lexicon) -> bool:
    """The partner right before the word at ``i`` completes the listed name with it as the name's
    last word, and right after it, in the same sentence, the text writes a capitalized word that no
    list or dictionary has (Maria [Malmer] Stenergard, the name Maria Miller): the text names a
    person of a longer name, whose middle word the typed one is."""
    parts = name_words(entry)
    if i < 1 or i + 1 >= len(words) or words[i - 1].core != partner or parts[-2:-1] != [partner.lower()]:
        return False
    after = words[i + 1]
    return adjacent(words, i, i + 1) and not after.sentence_start and unlisted_name(after, lexicon)


def other_partner(words: Sequence[Word], i: int, partner: str, entry: Entry) -> bool:
    """Beyond the partner that completes the listed name with the word at ``i``, the text writes
    a capitalized word in the same sentence where that name has another word, none of the name's
    and no slip of it (Cho Tae [Yong], the name Kim Tae-young; not Recep Tayyip [Erdgan])."""
    parts = name_words(entry)
    for step in (-1, 1):
        j, k = i + step, i + 2 * step
        if not (0 <= k < len(words)) or words[j].core != partner or partner.lower() not in parts:
            continue
        if not adjacent(words, min(j, k), max(j, k)) or words[max(j, k)].sentence_start or words[k].skip:
            continue
        pos = parts.index(partner.lower()) + step
        beyond = words[k].core
        if not 0 <= pos < len(parts) or not beyond[:1].isupper() or beyond.lower() in TITLES | PARTICLES:
            continue
        low = beyond.lower()
        if low not in parts and OSA.distance(low, parts[pos]) > 1:
            return True
    return False
