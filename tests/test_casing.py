"""Case slips (normalize/casing.py): readings in the lexicon's casing, weighed by the model."""

from __future__ import annotations

import normalize
from normalize.casing import readings
from normalize.lexicon import load
from normalize.tokenize import words


def _fixes(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in normalize.check(text).fixes]


def test_a_shift_slip_is_fixed_with_its_evidence() -> None:
    report = normalize.check("Trade with RUssia grew.")
    (finding,) = report.findings
    assert (finding.text, finding.replacement, finding.kind) == ("RUssia", "Russia", "place")
    assert [name for name, _, _ in finding.evidence] == ["case_shift"]


def test_an_english_word_keeps_the_capital_that_was_meant() -> None:
    assert _fixes("THe vote passed.") == [("THe", "The")]
    assert _fixes("Plural acronyms: IDs, TVs and CEOs.") == []


def test_a_lowercase_name_that_is_an_english_word_too_needs_the_texts_own_evidence() -> None:
    # the text writes Turkey, and a preposition of place calls for a place: fixed
    assert _fixes("Turkey said so; grain left turkey by sea.") == []  # 'left' is no cue: suggested only
    assert _fixes("Turkey said so; grain came from turkey by sea.") == [("turkey", "Turkey")]
    # no such evidence: nothing changed
    assert _fixes("We ate turkey at the dinner.") == []
    assert _fixes("The china at the dinner was fine.") == []
    assert _fixes("They polish the report in march; bill may rose.") == []


def test_a_lowercase_name_english_writes_only_capitalized_needs_less_evidence() -> None:
    # English writes germany lowercase only by a slip (case_capitalized), china rarely so
    assert _fixes("Trade with germany grew.") == [("germany", "Germany")]
    assert _fixes("grain came from russia by sea.") == [("russia", "Russia")]
    (finding,) = normalize.check("Trade with germany grew.").findings
    assert "case_capitalized" in [name for name, _, _ in finding.evidence]
    (china,) = normalize.check("Trade with china grew.").findings
    assert china.action == "suggest"


def test_a_lowercase_word_after_the_rest_of_its_name_is_fixed_if_english_has_it_only_as_a_name() -> None:
    assert _fixes("He flew to New york on Monday.") == [("york", "York")]
    assert _fixes("A statement from President Joe biden followed.") == [("biden", "Biden")]
    assert _fixes("Talks with the Republic of malawi began.") == [("malawi", "Malawi")]
    # a common noun after a name is English style: the Palestinian territory, Washington state
    assert _fixes("Aid reached the Palestinian territory and Washington state.") == []


def test_a_lowercase_word_the_text_repeats_is_deliberate() -> None:
    text = "Turkey hosted it. We ate turkey in Turkey, and turkey again, and turkey once more."
    assert _fixes(text) == []


def test_words_that_are_not_prose_are_not_read() -> None:
    lexicon = load()
    text = "See https://example.org/russia and @ukraine, in Russia."
    assert [r.text for r in readings(words(text), lexicon)] == []


def test_a_lowercase_first_word_of_a_name_is_read_with_the_rest_of_it() -> None:
    assert _fixes("Talks with north Korea stalled.") == [("north", "North")]
    assert _fixes("Talks with the north stalled.") == []


def test_each_word_of_a_listed_name_written_ahead_counts_for_a_lowercase_surname() -> None:
    """case_partner_before is the word's only-name odds once per capitalized word of the listed
    name written before it: Rosario Murillo [zambrana] 2, Joe [biden] 1."""
    (found,) = normalize.check("The Vice-President, Mrs. Rosario Murillo zambrana, addressed them.").findings
    assert (found.text, found.replacement) == ("zambrana", "Zambrana")
    two = dict((name, value) for name, value, _ in found.evidence)["case_partner_before"]
    (biden,) = normalize.check("President Joe biden spoke.").findings
    one = dict((name, value) for name, value, _ in biden.evidence)["case_partner_before"]
    assert two == 2.0  # (no English word: odds 1.0 a word)
    assert 0 < one <= 1.0  # one word ahead (biden: English writes it capitalized 0.91 more)


def test_a_compass_word_before_a_city_names_a_quarter_of_it() -> None:
    # west Jerusalem, east London: a quarter of the city, as English writes it, though a listed
    # city's name begins with the word; a capitalized compass word elsewhere (the West Bank) is no
    # evidence of the city's name (case_quarter)
    assert _fixes("Shops in east London stayed open late.") == []
    assert _fixes("A bus was hit in west Jerusalem, far from the West Bank.") == []
    (finding,) = normalize.check("A bus was hit in west Jerusalem, far from the West Bank.").findings
    assert finding.action == "suggest"
    assert "case_quarter" in [name for name, _, _ in finding.evidence]
    # a country's or a region's name is no city's quarter: still a slip
    assert _fixes("The talks with north Korea stalled.") == [("north", "North")]
    assert _fixes("Aid reached south Sudan by road.") == [("south", "South")]


def test_three_letters_cased_as_a_unit_or_an_acronym_are_no_shift_slip() -> None:
    # GHz, SOx, GPa read as ghz, sox, gpa (Zipf 3.3-3.8): a unit's or acronym's casing (case_acronym)
    assert normalize.check("The radio works at 5 GHz and 100 MHz; cut SOx; steel takes 2 GPa.").findings == ()
    # the commonest short words are typed fast enough to hold the shift key: still slips
    assert _fixes("THe vote passed.") == [("THe", "The")]
    assert _fixes("We met FOr an hour.") == [("FOr", "For")]


def test_a_compass_word_before_a_name_says_which_part_of_the_place() -> None:
    # in western Europe (the reading: Western, a region of its own) and central Africa (Central
    # Africa: another name of the Central African Republic): which part of the continent
    assert _fixes("Trade crossed western Europe early. Western traders came later.") == []
    assert _fixes("In central Africa they eat termites.") == []
    # a place's main name, or written in full: still slips
    assert _fixes("Both leaders visited north Korea last year.") == [("north", "North")]
    assert _fixes("Rebels in the central African Republic laid down arms.") == [("central", "Central")]


def test_the_bound_on_lowercase_readings_keeps_every_one_worth_a_finding() -> None:
    # _out_of_reach skips a word without reading it; it must never skip one that _lowered would weigh
    # at the suggestion floor or above (partners and names ahead need their neighbour in a listed name)
    from normalize.casing import SUGGEST_MARGIN
    from normalize.model import default

    lexicon, model = load(), default()
    text = (
        "Talks with north Korea stalled. He flew to New york and the state of Palestine. "
        "They are in the Republic of malawi; President Joe biden and Joe Biden met. "
        "Trade with germany grew, as grain came from russia by sea to New state and west Jerusalem."
    )
    ws = words(text)
    weighed = {(r.i, r.text) for r in readings(ws, lexicon) if model.margin(r.features, {}) >= SUGGEST_MARGIN}
    kept = {(r.i, r.text) for r in readings(ws, lexicon, model=model)}
    assert kept == weighed
    assert sorted(text for _, text in kept) == ["Biden", "Germany", "Malawi", "North", "Russia", "York"]


def test_the_noun_of_a_form_of_state_in_a_countrys_formal_name_takes_its_capital() -> None:
    # Russian Federation, Czech Republic: case_state_noun (context.STATE_NOUNS)
    assert _fixes("Officials of the Russian federation declined to comment.") == [("federation", "Federation")]
    assert _fixes("He met the President of the Czech republic in Prague.") == [("republic", "Republic")]
    (finding,) = normalize.check("Exports to the United kingdom rose.").findings
    assert "case_state_noun" in [name for name, _, _ in finding.evidence]
    # and States, as the United States and the Federated States of Micronesia write it (the text's other
    # lowercase states, case_repeated, no longer hold it at a suggestion)
    text = "The United States and Canada signed. Later the United states sent an envoy to both states."
    assert _fixes(text) == [("states", "States")]
    # territory and state are common nouns after a people's adjective or a name
    assert _fixes("The Palestinian territory remains under occupation.") == []
    assert _fixes("The Baltic states and the Gulf states met, as did the Arab states.") == []


def test_a_lowercase_name_beside_its_own_spelling_in_another_script_is_a_romanization() -> None:
    # seoul (서울), moskva (Москва): a romanization glossed with its own spelling, not a name's
    # lost capital (case_foreign: features.foreign_beside, as foreign_phrase reads it for words)
    assert _fixes("The Korean name seoul (서울) simply means the capital.") == []
    assert _fixes("In Russian the city is moskva (Москва), and its river has the same name.") == []
    # where the text writes the name capitalized too, the gloss still says romanization (case_foreign
    # -3.5 outweighs case_in_document's 1.5 beside foreign_phrase's -2.0): no fix
    assert _fixes("In Japanese the word for Peru is peru (ペルー) on the signs.") == []
    assert _fixes("Nepal's old coins spell the name nepal (नेपाल) in Devanagari.") == []
    assert _fixes("We flew to Nepal, and in nepal the roads were bad.") == [("nepal", "Nepal")]
    # without the gloss, or beyond a pause from it, the lost capital is a slip as before
    assert _fixes("The Korean name seoul simply means the capital.") == [("seoul", "Seoul")]
    assert _fixes("In Russian syr (сыр) is cheese, and syria is a country.") == [("syria", "Syria")]


def test_a_lowercase_half_after_a_hyphen_of_a_double_name_is_kept() -> None:
    """case_hyphen_tail: the list joins the two halves with a hyphen (Jussi Halla-Aho), and the text
    writes the second lowercase right after the first (Halla-aho, as Finnish double names may be
    written): a choice, at most suggested; a lowercase surname after a space is a lost capital."""
    (found,) = normalize.check("The Speaker, Jussi Halla-aho, opened the sitting.").findings
    assert found.replacement is None
    assert "case_hyphen_tail" in dict((name, value) for name, value, _ in found.evidence)
    assert _fixes("The Vice-President, Mrs. Rosario Murillo zambrana, spoke.") == [("zambrana", "Zambrana")]


def test_a_word_whose_partner_completes_a_name_the_text_writes_in_full_is_read_despite_its_own_uses() -> None:
    # the text writes New Zealand; new is written lowercase elsewhere as the word it is
    text = "New Zealand sent aid. Our new ideas and new partners came from Australia, new Zealand and Japan."
    assert _fixes(text) == [("new", "New")]
    (finding,) = normalize.check(text).findings
    assert "case_repeated" not in [name for name, _, _ in finding.evidence]
    # no full name written elsewhere: the lowercase uses say the writer means the word (a new Britain)
    assert _fixes("I will lead a new Britain for a new era, with new hope.") == []
