"""Split words (normalize/spacing.py): two neighbouring words read as one word split by a space."""

from __future__ import annotations

from conftest import engine_without

import normalize


def test_a_split_word_is_one_finding_over_both_halves_with_its_evidence() -> None:
    report = normalize.check("The gover nment said so.")
    (finding,) = report.findings
    assert (finding.text, finding.replacement, finding.start, finding.end) == ("gover nment", "government", 4, 15)
    # (the halves, as typed, have no frequency at all: a term of 0 is left out)
    # (and "gover nment" is no pair the web writes apart: split_unwritten)
    assert {name for name, _, _ in finding.evidence} == {"split_word", "split_joined", "split_unwritten"}
    assert report.fixed == "The government said so."


def test_a_pair_the_web_never_writes_apart_is_likelier_one_word() -> None:
    """split_unwritten: two lowercase words that Norvig's bigram list lacks (car ry, bas ic) are
    likelier one word split by a space than a pair that the web writes (a lone, any one)."""
    fixed = normalize.check("They must car ry out their duties.")
    assert [(f.text, f.replacement) for f in fixed.findings] == [("car ry", "carry")]
    assert "split_unwritten" in {name for name, _, _ in fixed.findings[0].evidence}
    apart = normalize.check("The path was a lone one.")
    assert apart.fixes == () and "split_unwritten" not in {n for f in apart.findings for n, _, _ in f.evidence}
    assert normalize.check("We met at the Shul in Brooklyn.").fixes == ()  # a capitalized first word: a name's
    # a one-letter word is an article or a pronoun, and a function word makes a phrase: no such pair counts
    assert normalize.fix("It was a rea sonable plan.").fixed == "It was a reasonable plan."  # not "area sonable"
    assert normalize.check("They saw a drop in dependence on coal.").findings == ()


def test_a_fixed_split_leaves_no_finding_on_either_half() -> None:
    report = normalize.check("The ho urs were long.")
    assert [(f.text, f.replacement) for f in report.findings] == [("ho urs", "hours")]


def test_fixing_twice_is_fixing_once() -> None:
    once = normalize.fix("Wheat from Ukr aine and the gover nment's plan.").fixed
    assert once == "Wheat from Ukraine and the government's plan."
    assert normalize.fix(once).fixed == once


def test_pairs_english_writes_apart_are_not_joined() -> None:
    for text in ("Prices rose ten per cent.", "It may be so.", "Any more delays hurt every one of us."):
        assert normalize.check(text).fixes == (), text


def test_a_word_broken_at_a_line_end_is_left_alone() -> None:
    assert normalize.check("The secur- ity council met.").findings == ()
    assert normalize.check("The secur-\nity council met.").findings == ()


def test_a_word_run_into_the_article_is_read_as_two_words_too() -> None:
    # "helda": the bare word (held) and the two words (held a) are both read; a lost space
    # before the article is likelier than a stray letter a (lost_article), and "a vote" agrees
    (finding,) = normalize.check("The council helda vote on the budget.").findings
    assert finding.replacement == "held a"
    assert {"held a", "held"} <= set(finding.suggestions)


def test_the_words_around_a_run_together_pair_rank_it_as_they_rank_one_word() -> None:
    from normalize.context import Context
    from normalize.engine import default
    from normalize.features import split_features
    from normalize.tokenize import words

    engine = default()
    text = "Why do we have to waita decade?"
    ws = words(text, ())
    ctx = Context.of(ws, engine.lexicon, engine._speller, engine._names, engine._bigrams, engine.model, {})
    i = next(n for n, w in enumerate(ws) if w.core == "waita")
    alone = split_features(ctx, "wait", "a")
    placed = split_features(ctx, "wait", "a", i)  # + "to wait" and "a decade"
    assert placed["bigram_support"] > alone["bigram_support"] > 0
    assert placed["pair_support"] == alone["pair_support"]  # the margin's term is the pair's alone


def test_news_copy_that_writes_the_two_words_beside_their_neighbours_vouches_for_a_lost_space() -> None:
    """runon_news: news copy writes "convening of the" and "ready to reaffirm", so the run-on is
    fixed (without the feature, and news_lead, which reads the same context, both are only
    suggested); not for two halves that readily make solid words (key, priorities; cyber, tools),
    whose neighbours fit a compound as well (key priorities is fixed by spaced_in_news instead)."""
    without = engine_without("runon_news", "news_lead", "glued_function")
    for text, fix in (
        ("The conveningof the summit was delayed.", "convening of"),
        ("We stand ready toreaffirm our commitment.", "to reaffirm"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        assert "runon_news" in {name for name, _, _ in finding.evidence}
        assert [f.action for f in without.check(text).findings] == ["suggest"]
    for text in ("The keypriorities of the summit were clear.", "Malicious cybertools are used."):
        (finding,) = normalize.check(text).findings
        assert "runon_news" not in {name for name, _, _ in finding.evidence}
    assert [f.action for f in normalize.check("Malicious cybertools are used.").findings] == ["suggest"]


def test_a_pair_news_copy_writes_apart_and_never_solid_is_two_words() -> None:
    """spaced_in_news: news copy writes "key allies" and "low carbon" apart and never solid, so the
    run-together pair is fixed (without the feature only suggested, as compound_pair weighs halves
    that readily make solid words); a compound news copy never writes apart (cyber theft, order
    books) gets none and stays a suggestion."""
    without = engine_without("spaced_in_news")
    for text, fix in (
        ("The minister met keyallies in Brussels on Monday.", "key allies"),
        ("The town will build a lowcarbon heating network.", "low carbon"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        assert "spaced_in_news" in {name for name, _, _ in finding.evidence}
        assert [f.action for f in without.check(text).findings] == ["suggest"]
    for text in ("Police warned that cybertheft is rising.", "The factory said its orderbooks were full."):
        (finding,) = normalize.check(text).findings
        assert finding.action == "suggest" and "spaced_in_news" not in {name for name, _, _ in finding.evidence}


def test_news_support_of_a_pair_of_ready_halves_counts_at_a_fraction() -> None:
    """solid_news: runon_news's support, for two halves that readily make solid words (promote,
    long), counts at a fraction: "promote long term" is news copy's, so the lost space is fixed
    (only suggested without the feature); a compound's weaker support (cybertools, postpandemic)
    leaves it a suggestion."""
    without = engine_without("solid_news")
    text = "We must promotelong term investment in the region."
    (finding,) = normalize.check(text).findings
    assert (finding.action, finding.replacement) == ("fix", "promote long")
    assert "solid_news" in {name for name, _, _ in finding.evidence}
    assert "runon_news" not in {name for name, _, _ in finding.evidence}
    assert [f.action for f in without.check(text).findings] == ["suggest"]
    for text in ("Malicious cybertools are used.", "We work on a postpandemic recovery plan."):
        assert [f.action for f in normalize.check(text).findings] == ["suggest"]


def test_a_prefix_word_news_copy_writes_before_these_neighbours_lost_its_space() -> None:
    """decide.PREFIX_NEWS: by, be, in, on are English prefixes too, so a word run into one may be a
    compound no list has (bycatch, onsold, bestrewn: suggested at most); but where news copy writes
    the two beside the words around them far likelier than chance (by climate change), a space
    was lost."""
    for text, fix in (
        ("Islands are hit hard byclimate change.", "by climate"),
        ("Results must betangible for people.", "be tangible"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
    for text in ("The catch included bycatch of sharks.", "It was sold and then onsold to a fund."):
        assert [f.action for f in normalize.check(text).findings] == ["suggest"], text


def test_a_lowercase_word_run_into_a_function_word_needs_less_margin() -> None:
    """glued_function: no word of its own starts or ends with a function word, so a rarer word
    run into one is fixed (only suggested without the feature); in the margin only, so a slip one
    edit from a common word keeps that word's rank (insize: inside, not in size)."""
    without = engine_without("glued_function")
    for text, fix in (
        ("She kept endeavouringto finish the bridge.", "endeavouring to"),
        ("Our team was declassifiedby the board.", "declassified by"),
        ("They studied fishersand farmers.", "fishers and"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        assert "glued_function" in {name for name, _, _ in finding.evidence}
        assert [f.action for f in without.check(text).findings] == ["suggest"]
    (finding,) = normalize.check("We looked insize the box.").findings
    assert finding.replacement == "inside"


def test_a_rarer_word_run_into_a_closed_class_word_is_read_and_fixed() -> None:
    """A pronoun or a possessive (our, his, her) run into a word is read as a lost space, as a
    function word is, though the word is rarer than SPLIT_MIN_ZIPF (decide.glued_to_rare), and
    glued_function weighs it (only suggested without it: heraides)."""
    without = engine_without("glued_function")
    for text, fix in (
        ("We have chartedour own course since then.", "charted our"),
        ("The minister thanked hisinterlocutor warmly.", "his interlocutor"),
        ("The council met heraides on Monday.", "her aides"),
    ):
        (finding,) = normalize.check(text).findings
        assert (finding.action, finding.replacement) == ("fix", fix)
        assert "glued_function" in {name for name, _, _ in finding.evidence}
    assert [f.action for f in without.check("The council met heraides on Monday.").findings] == ["suggest"]


def test_a_split_name_completed_by_the_word_before_it_is_fixed() -> None:
    """split_partner: the given name before "Dra ghi" completes a listed name with the joined word."""
    report = normalize.check("Prime Minister Mario Dra ghi spoke in Rome.")
    (finding,) = report.findings
    assert (finding.text, finding.replacement) == ("Dra ghi", "Draghi")
    assert "split_partner" in {name for name, _, _ in finding.evidence}
    assert finding.entry is not None and finding.entry.name == "Mario Draghi"
    # without the given name the same pair is only suggested
    alone = normalize.check("The Dra ghi plan was debated.")
    assert [f.action for f in alone.findings] == ["suggest"]
    assert "split_partner" not in {name for name, _, _ in alone.findings[0].evidence}


def test_a_split_name_completed_by_the_word_after_it_or_with_a_word_half_is_fixed() -> None:
    """split_partner reads both sides of the pair, and for any name read from it: the surname
    after "Abdu lla", and the given name before "Kute sa", whose half "sa" is a listed word."""
    (after,) = normalize.check("We thank Mr. Abdu lla Shahid for his service.").findings
    assert (after.text, after.replacement) == ("Abdu lla", "Abdulla")
    assert after.entry is not None and after.entry.name == "Abdulla Shahid"
    (before,) = normalize.check("We thank Mr. Sam Kute sa for his service.").findings
    assert (before.text, before.replacement) == ("Kute sa", "Kutesa")
    assert "split_partner" in {name for name, _, _ in before.evidence}
    # a full name and then a short word is left alone
    assert normalize.check("Putin also sent Ilham Aliyev a message.").findings == ()


def test_halves_the_web_writes_beside_their_neighbours_stay_two_words() -> None:
    """split_apart: "had a bout of": the web writes "had a" and "bout of", not "about of"; the
    same pair read as one word where its neighbours call for the joined word (talked a bout the)."""
    report = normalize.check("He vomited twice and had a bout of fever that night.")
    assert report.fixes == ()
    (finding,) = report.findings
    assert dict((n, v) for n, v, _ in finding.evidence)["split_apart"] > 3
    fixed = normalize.check("We talked a bout the plan for hours.")
    assert [(f.text, f.replacement) for f in fixed.fixes] == [("a bout", "about")]
    assert "split_apart" not in {n for f in fixed.findings for n, _, _ in f.evidence}


def test_a_lowercase_pair_that_joins_into_a_name_is_no_split_word() -> None:
    """split_capitalized: "theres a" joins into theresa, a word English writes capitalized
    (Theresa, case_usage 1.26): as a lowercase word it would have lost its capital too, so the
    pair is not joined, and the slip theres is read on its own; a pair that joins into a
    lowercase word is still joined."""
    report = normalize.check("The talks showed theres a path to peace.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("theres", "there's")]
    assert "theresa" not in {f.replacement for f in report.findings}
    assert normalize.fix("It was on the agend a of the meeting.").fixed == "It was on the agenda of the meeting."


def test_a_split_place_after_a_preposition_of_place_is_fixed_as_the_place() -> None:
    """split_place_cue: a preposition of place before a pair that joins into a listed place
    weighs as place_preposition does for one word (in Gabor one: Gaborone, where the first half
    alone went to Gabon); pairs of common words after one stay (in New port facilities)."""
    report = normalize.check("They met for the summit in Gabor one, in Africa.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Gabor one", "Gaborone")]
    assert "split_place_cue" in {name for name, _, _ in report.fixes[0].evidence}
    assert normalize.check("After a year, Tur key agreed.").fixes == ()  # no cue: a suggestion (a list: below)
    assert normalize.check("Investment in New port facilities grew.").findings == ()


def test_a_split_country_in_a_list_of_countries_has_the_place_cue() -> None:
    """split_place_cue for a country whose pair is an item of a list of countries, before or
    after it (as country_list reads one word): Tur key is Turkey there, and only a suggestion
    elsewhere, where key is the English word it is."""
    report = normalize.check("Envoys of Poland, Tur key and Greece met on Monday.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Tur key", "Turkey")]
    assert "split_place_cue" in {name for name, _, _ in report.fixes[0].evidence}
    assert normalize.check("She found the Tur key on the table, and Chad laughed.").fixes == ()


def test_a_split_place_called_for_by_its_country_or_a_list_of_places_has_the_place_cue() -> None:
    """split_place_cue where the words around the pair call for the joined place as they would
    around one word: its country across a comma (Nago ya, Japan: as city_country reads one word),
    or a place of its own country beside it in a list (Lyon, Marseil le and Nice: as place_list).
    The same pair with no such cue stays a suggestion."""
    report = normalize.check("The delegation stayed at a hotel in central Nago ya, Japan, for three days.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Nago ya", "Nagoya")]
    assert "split_place_cue" in {name for name, _, _ in report.fixes[0].evidence}
    report = normalize.check("The team visited Lyon, Marseil le and Nice last spring.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Marseil le", "Marseille")]
    report = normalize.check("The students read Hiroshi ma and wrote essays.")
    assert report.fixes == () and [f.suggestions[0] for f in report.findings] == ["Hiroshima"]


def test_a_listed_place_and_the_word_after_it_that_spell_another_name_of_it_stay_apart() -> None:
    # "Luhanskas" is listed as a spelling of Luhansk: the pair already names the place itself
    assert not normalize.check("Fighting continued in Luhansk as the army advanced.").findings
    # a pair whose first word is no name of the place is still read as one word
    assert normalize.fix("Relations with Rus sia are tense.").fixed == "Relations with Russia are tense."
    assert normalize.fix("He lives in Gabor one now.").fixed == "He lives in Gaborone now."


def test_a_slip_of_a_common_word_before_a_function_word_is_no_split_word() -> None:
    """split_slip: "thes is" is "this is" mistyped (thes is one slip from this, the, they, which
    the web writes before is), not "thesis" split by a space; the first word is then read alone.
    A first half one slip from no such word is still joined (pers on: person)."""
    report = normalize.check("But thes is a very important issue.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("thes", "this")]
    assert normalize.fix("They do not want. Thes is unfair.").fixed == "They do not want. This is unfair."
    assert normalize.fix("The pers on duty left.").fixed == "The person duty left."
    assert normalize.check("He wrote a thesis on trade.").findings == ()


def test_a_contraction_without_its_apostrophe_is_no_half_of_a_split_name() -> None:
    """split_contraction: at a sentence's start "Theres a" joins into Theresa, a listed name, and
    the capital is the sentence's, so split_capitalized cannot tell; but theres is a contraction
    that lost its apostrophe (codespell's likeliest correction: there's), so the pair is no word
    split by a space and theres is read alone. A capitalized pair that joins into a name, with no
    contraction in it, is still joined."""
    report = normalize.check("Theres a path along the river to the old mill.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Theres", "There's")]
    assert "Theresa" not in {f.replacement for f in report.findings}
    assert normalize.fix("Relations with Rus sia are tense.").fixed == "Relations with Russia are tense."


def test_a_slip_that_is_a_half_of_a_glued_pair_ranks_below_the_pair() -> None:
    """glued_half: "arounda" before a content word is "around a", not a slip of around (fixed;
    only suggested without the feature, the slip held close); before an article the letter is
    the slip's ("holdinga a meeting": holding)."""
    without = engine_without("glued_half")
    text = "They gathered arounda bonfire at night."
    (finding,) = normalize.check(text).findings
    assert (finding.action, finding.replacement) == ("fix", "around a")
    assert [f.action for f in without.check(text).findings] == ["suggest"]
    (finding,) = normalize.check("She was holdinga a meeting.").findings
    assert finding.replacement == "holding"
