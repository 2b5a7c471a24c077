"""Run-on words with a capital (normalize/runon.py): one word read as two, weighed by the model."""

from __future__ import annotations

import normalize


def _fixes(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in normalize.check(text).fixes]


def test_a_word_run_into_a_name_is_cut_before_the_capital_with_its_evidence() -> None:
    report = normalize.check("Sanctions againstRussia's partners were extended.")
    (finding,) = report.findings
    assert (finding.text, finding.replacement) == ("againstRussia", "against Russia")
    assert {name for name, _, _ in finding.evidence} >= {"runon_word", "runon_camel", "runon_halves"}
    assert report.fixed == "Sanctions against Russia's partners were extended."


def test_a_word_run_into_the_pronoun_i_is_cut_before_it() -> None:
    """LOWER_THEN_CAPITAL reads a lone capital I after a lowercase word (becauseI, sureI): no
    word is written so; a brand's one-letter first half (iPhone) is still left alone."""
    assert _fixes("It was hard becauseI had no time.") == [("becauseI", "because I")]
    assert _fixes("I am sureI will come back.") == [("sureI", "sure I")]
    assert _fixes("She bought an iPhone and an eBay voucher.") == []


def test_a_closed_class_word_run_into_a_capitalized_word_no_list_has_is_cut() -> None:
    """A closed-class word (and, at, our) starts no brand's name: run into a capitalized word that
    no list has, the cut is weighed by how often text writes that word (runon_halves); a word
    written so seldom is only suggested, and a lowercase first half of other words still needs
    a known second one (a particle's deBrum, an iPhone)."""
    assert _fixes("The contract between the city andHuawei was signed.") == [("andHuawei", "and Huawei")]
    (finding,) = normalize.check("Students who studied atGeneseo came back.").findings
    assert finding.action == "suggest" and finding.suggestions[0] == "at Geneseo"
    assert _fixes("The team of sendQorvex was late.") == []


def test_a_short_word_run_into_the_pronoun_i_is_cut_though_the_word_is_short() -> None:
    """WORD_THEN_I: a word of two or three letters run into I (andI, asI) is read though the word
    is under five letters, and one slip that makes another word of it (asi: ais) is no rival:
    no slip of a lowercase word types the capital."""
    assert _fixes("We agree, andI am glad of it.") == [("andI", "and I")]
    assert _fixes("It is true, asI said before.") == [("asI", "as I")]
    assert _fixes("We met the CEO of TOI and IBM.") == []


def test_a_town_run_into_a_word_needs_the_name_alone_in_the_text() -> None:
    assert _fixes("Izium held; the envoy left Iziumyesterday.") == [("Iziumyesterday", "Izium yesterday")]
    assert ("Iziumyesterday", "Izium yesterday") not in _fixes("The envoy left Iziumyesterday.")


def test_a_name_completed_by_its_neighbour_needs_no_other_mention() -> None:
    assert _fixes("Talks with the United Statesended.") == [("Statesended", "States ended")]
    report = normalize.check("Press Secretary Jen Psakisaid so.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Psakisaid", "Psaki said")]
    assert "runon_partner" in {name for name, _, _ in report.fixes[0].evidence}


def test_two_words_of_one_listed_name_run_together_are_cut() -> None:
    assert _fixes("President VladimirPutin met the envoy.") == [("VladimirPutin", "Vladimir Putin")]
    assert _fixes("The UnitedStates objected.") == [("UnitedStates", "United States")]
    assert _fixes("Troops left NorthKorea.") == [("NorthKorea", "North Korea")]
    # in any alphabet: letters with accents are letters of a word too
    assert _fixes("We remember President LechKaczyński today.") == [("LechKaczyński", "Lech Kaczyński")]
    assert _fixes("The Assembly elected MiroslavLajčák.") == [("MiroslavLajčák", "Miroslav Lajčák")]


def test_a_listed_name_of_a_two_letter_first_word_run_into_its_next_is_cut() -> None:
    # natural selection (bench15): short name words carry typos too, and a lost space after one
    assert _fixes("The President met President XiJinping in Beijing.") == [("XiJinping", "Xi Jinping")]
    assert _fixes("XiJinping asked me about the plateau.") == [("XiJinping", "Xi Jinping")]
    assert _fixes("Premier LiKeqiang spoke first.") == [("LiKeqiang", "Li Keqiang")]
    # controls: a two-letter first part is read only as two words of one listed name
    assert not normalize.check("He ate at McDonald and praised DiCaprio and McCain.").findings
    assert not normalize.check("She flew into LaGuardia with LeBron.").findings
    assert not _fixes("President Xi Jinping spoke.")


def test_a_regnal_number_run_into_the_next_word_is_cut_after_its_listed_name() -> None:
    assert _fixes("As King Felipe VIindicated from this rostrum, we agree.") == [("VIindicated", "VI indicated")]
    assert _fixes("Queen Elizabeth IIwas laid to rest.") == [("IIwas", "II was")]
    # a four-letter word (VIin: one slip from "vin") is suggested, not changed to "Viin"
    assert not _fixes("King Mohammed VIin his address said so.")
    # controls: an ordinal, a number after no listed name of it, a number spaced right
    assert not normalize.check("In the VIth century it fell to Queen Elizabeth IInd.").findings
    assert not _fixes("World War IIwas over and Part IIof the report was read.")
    assert not normalize.check("King Mohammed VI in his address said so.").findings


def test_two_words_of_one_listed_name_are_cut_though_the_solid_word_is_listed_or_in_use() -> None:
    # Whitehouse is a listed town and "whitehouse" a word of web text (whitehouse.gov): the
    # capital inside makes it two words, and runon_typed weighs how often text writes it solid
    (found,) = normalize.check("The statement was released by the WhiteHouse on Monday.").fixes
    assert found.replacement == "White House" and "runon_typed" in {name for name, _, _ in found.evidence}
    assert not normalize.check("The Whitehouse family moved to Whitehouse, Texas.").findings
    assert not normalize.check("Watch it live at WhiteHouse.gov/Live tonight.").findings  # an address
    assert not _fixes("Follow @WhiteHouse for updates.")  # a handle
    # a brand of two capitalized words that no listed name has is still left alone
    assert not normalize.check("BlackRock, PetroChina and SoftBank reported profits.").findings
    # a surname's prefix written solid with its capital is no word of its own (not Mac Donald)
    assert not normalize.check("The novelist Ramsay MacDonald and FitzGerald wrote.").findings


def test_pair_cut_finds_the_second_capital_of_two_capitalized_words() -> None:
    from normalize.runon import pair_cut

    assert pair_cut("VladimirPutin") == 8
    assert pair_cut("LechKaczyński") == 4
    assert pair_cut("ÉmileZola") == 5
    assert pair_cut("McDonald") == 0  # a capital after two letters
    assert pair_cut("XiJinping", 2) == 2  # ...read only as a listed pair
    assert pair_cut("NorthKoreaX") == 0  # three capitals
    assert pair_cut("Kaczyński") == 0
    assert pair_cut("Vladimir-Putin") == 0


def test_a_town_run_into_a_function_word_at_its_only_mention_is_left_to_spelling() -> None:
    # Cut there as the name and a word, "Pareis" (Paris) became "Pare is" and "Baghad" (Baghdad)
    # was hidden behind "Bag had" from spelling (dev): a town needs the text's own word
    assert _fixes("The envoy flew to Baghad on Monday.") == [("Baghad", "Baghdad")]


def test_a_country_or_capital_run_into_a_capitalized_word_is_cut() -> None:
    assert _fixes("They signed the ParisAgreement in 2015.") == [("ParisAgreement", "Paris Agreement")]
    assert _fixes("Troops of the KosovoForce stayed.") == [("KosovoForce", "Kosovo Force")]


def test_a_brand_a_town_or_a_given_name_before_a_capitalized_word_stays() -> None:
    for text in (
        "Students of ParisTech won.",  # real text writes it so
        "VinFast builds cars.",  # Vin is another name of Vienna, not its main one
        "The KazanSummit opened.",  # Kazan is a city, no country's capital
        "Minister VladimirInterior spoke.",  # a given name first
    ):
        assert normalize.check(text).fixes == (), text


def test_a_fixed_run_on_is_not_also_read_as_a_misspelled_name() -> None:
    report = normalize.check("Oslo hosted it. Talks in Osloon Monday ended.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("Osloon", "Oslo on")]


def test_fixing_twice_is_fixing_once() -> None:
    once = normalize.fix("Aid fromGermany and ourPolish partners.").fixed
    assert once == "Aid from Germany and our Polish partners."
    assert normalize.fix(once).fixed == once


def test_brands_particles_and_demonyms_stay() -> None:
    for text in (
        "Shares of BlackRock, TikTok and eBay rose.",
        "Shares of PepsiCo and ExxonMobil fell; DeYoung and LeBoeuf spoke.",
        "Parisian cafes and Chinatown shops reopened.",
        "Tony deBrum spoke.",
        "Djibouti said Djiboutian territory hosts it.",
        "Qatar said the Qataris agree.",
    ):
        assert normalize.check(text).fixes == (), text


def test_a_name_with_a_function_word_after_it_is_never_fixed_to_the_bare_name() -> None:
    # the reading "Biden" drops two letters that make a word: a lost space (tail_word), no slip
    report = normalize.check("It was a statement of President Joe Bidenon the passing of a friend.")
    assert ("Bidenon", "Biden") not in [(f.text, f.replacement) for f in report.fixes]
    report = normalize.check("The minister spoke in Jerusalemis the cradle of faiths.")
    assert ("Jerusalemis", "Jerusalem") not in [(f.text, f.replacement) for f in report.fixes]
    # nor to another name: Palestineand is Palestine and, not Palestinian (a place as prominent
    # as a country, before a function word: the space is restored)
    fixes = normalize.check("We support the people of Palestineand their rights.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Palestineand", "Palestine and")]
    # a possessive after a surname beside its given name: the lost space, not a slip of the name
    fixes = normalize.check("We thank Mr. Mogens Lykketoftmy friend.").fixes
    assert [(f.text, f.replacement) for f in fixes] == [("Lykketoftmy", "Lykketoft my")]


def test_a_capitalized_word_that_starts_with_a_common_word_naming_a_town_is_no_run_on() -> None:
    # Pet is another name of Perth, Gold of a town; English writes both lowercase: Petin and
    # Goldin are surnames, not "Pet in", "Gold in" (a city English writes by name still is: Kharkov)
    for text in ("Petin told reporters the figures were ready.", "Goldin told reporters the plan was ready."):
        assert not [f for f in normalize.check(text).findings if f.replacement and " " in f.replacement]
    assert normalize.fix("Kharkovwill host the forum.").fixed == "Kharkov will host the forum."


def test_the_word_after_a_lost_space_is_no_reading_that_drops_the_word_before() -> None:
    # OnSeptember, InJanuary: a space lost after a short word; September alone would delete "On"
    for text in ("OnSeptember 15 the talks resumed.", "InJanuary the talks resumed."):
        report = normalize.check(text)
        assert not [s for f in report.findings for s in f.suggestions if s in ("September", "January")]


def test_a_place_run_into_a_capitalized_word_that_news_copy_writes_after_it_is_cut() -> None:
    report = normalize.check("Both sides backed a PalestinianState beside Israel.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("PalestinianState", "Palestinian State")]
    assert "runon_pair_news" in {name for name, _, _ in report.fixes[0].evidence}
    assert _fixes("The ministers discussed MaritimeSecurity in the Gulf of Guinea.") == [
        ("MaritimeSecurity", "Maritime Security")
    ]
    # a brand that runs a place's name into a word news copy does not write after it stays
    assert _fixes("The company PetroChina signed a supply deal.") == []


def test_a_name_run_into_a_word_the_text_writes_after_it_elsewhere_is_cut() -> None:
    """runon_apart: the text writes the name and the capitalized word side by side elsewhere, so
    the word run together once is the two words with the space lost (KazanQuartet), not a brand's
    name; written only solid, it is left alone as a brand may be."""
    report = normalize.check("The Kazan Quartet played first, and the KazanQuartet then toured Europe.")
    assert [(f.text, f.replacement) for f in report.fixes] == [("KazanQuartet", "Kazan Quartet")]
    assert "runon_apart" in {name for name, _, _ in report.fixes[0].evidence}
    assert _fixes("The KazanQuartet then toured Europe.") == []
    assert _fixes("The Kazan Quartet played first, and the KazanQuartets then toured Europe.") == []
    # a solid form real text uses (Eastasia) is cut only where the text writes the two words apart
    assert _fixes("Trade in East Asia grew. Peace in North-EastAsia is vital.") == [("EastAsia", "East Asia")]
    assert _fixes("Peace in North-EastAsia is vital.") == []
    assert _fixes("Students of ParisTech won the robotics prize.") == []


def test_a_monarchs_name_run_into_his_number_is_cut_where_the_name_lists_it() -> None:
    from normalize.runon import pair_cut

    assert pair_cut("MohammedVI") == 8
    assert pair_cut("CharlesIII") == 7
    assert pair_cut("MohammedVIX") == 8  # (the listed name decides: no Mohammed VIX)
    assert _fixes("They met before His Majesty King MohammedVI on Monday.") == [("MohammedVI", "Mohammed VI")]
    assert _fixes("The firm hired MohammedVIX last year.") == []


def test_a_rarer_word_run_into_a_persons_whole_name_is_cut() -> None:
    # (a rest of Zipf 2-3 only after the words that make a listed person's name whole)
    assert _fixes("President Denis Sassou Nguessoreiterates his support.") == [
        ("Nguessoreiterates", "Nguesso reiterates")
    ]
    assert _fixes("The envoy met Nguessoreiterates.") == []


def test_a_persons_other_surname_run_into_the_listed_name_is_cut_after_the_whole_name() -> None:
    # the words before make a listed person's name whole (María Fernanda Espinosa); a
    # capitalized rest that no English word is is then the person's other surname
    text = "We congratulate Ms. María Fernanda EspinosaGarcés on her election."
    assert _fixes(text) == [("EspinosaGarcés", "Espinosa Garcés")]
    assert _fixes("We thank Ms. EspinosaGarcés for her work.") == []
    assert _fixes("They bought shares of KazanSummit and VinFast.") == []


def test_a_cut_that_one_swap_makes_a_common_word_is_only_suggested() -> None:
    """Canadain is Canada run into "in" or Canadian with two letters swapped: context cannot
    choose, so the cut is suggested beside the swapped word, never fixed (_slip_of_word);
    a name and "in" that no swap makes a word of is still fixed (Kenyain)."""
    report = normalize.check("The Canadain prime minister spoke on Tuesday.")
    (finding,) = report.findings
    assert finding.replacement is None
    assert finding.suggestions == ("Canada in", "Canadian")
    assert report.fixed == "The Canadain prime minister spoke on Tuesday."
    assert _fixes("Talks in Kenyain March failed.") == [("Kenyain", "Kenya in")]


def test_a_cut_that_one_undoubled_letter_makes_a_common_word_is_only_suggested() -> None:
    """Hamaas is Hama run into "as" or Hamas with a letter doubled, a slip edit_cost prices as
    a swap: the cut is suggested beside the word, never fixed (_slip_of_word); a cut only
    suggested leaves the word to spelling as well, whose fix is kept over the suggestion."""
    from normalize.engine import default
    from normalize.model import default as model
    from normalize.runon import run_ons
    from normalize.tokenize import words

    text = "The talks aim to see Hamaas disarmed."
    (cut,), marked = run_ons(words(text), default().lexicon, model())
    assert cut.replacement is None and cut.suggestions == ("Hama as", "Hamas")
    assert not any(w.skip for w in marked)  # not hidden from spelling
    assert _fixes(text) == [("Hamaas", "Hamas")]
    # a doubled letter at the cut that makes no word undoubled (Kenyas, Chinas) is still cut
    assert _fixes("We see Kenyaas a partner, and Chinaas one.") == [("Kenyaas", "Kenya as"), ("Chinaas", "China as")]


def test_a_place_before_a_listed_head_noun_or_after_a_place_preposition_is_cut_with_its_evidence() -> None:
    """_place_noun: a noun of the list vouches whatever its own frequency (communique, Zipf 2.7),
    and regional or direction after a place name its administration or front (PLACE_HEADS);
    _cued: a listed place of six letters or more after a preposition of place, run into a
    function word, is a cut though no prominent place (from Kupianskto), a shorter one is not
    (from Lymanto: LONG_PLACE)."""
    cases = {
        "The Kremenchukregional council met.": ("Kremenchuk regional", "runon_place_noun"),
        "Shelling went on along the Avdiivkadirection overnight.": ("Avdiivka direction", "runon_place_noun"),
        "Ministers signed the Tashkentcommunique on Friday.": ("Tashkent communique", "runon_place_noun"),
        "Aid trucks drove from Kupianskto the coast.": ("Kupiansk to", "runon_place_cue"),
    }
    for text, (cut, feature) in cases.items():
        (found,) = normalize.check(text).fixes
        assert found.replacement == cut and feature in {name for name, _, _ in found.evidence}, text
    assert not _fixes("Interregional talks and the redirection of aid went on.")
    assert not _fixes("Aid trucks drove from Lymanto the coast.")


def test_a_place_of_two_listed_words_run_together_after_a_place_preposition_has_the_cue() -> None:
    """_name_pair: after in, to, from... the place's own two words (runon_place_cue) outweigh how
    often text writes them solid (santafe, a car's name: runon_typed 3.4); elsewhere a suggestion."""
    (found,) = normalize.check("They met in SantaFe last week.").fixes
    assert found.replacement == "Santa Fe" and "runon_place_cue" in {name for name, _, _ in found.evidence}
    assert not _fixes("SantaFe is a car the firm sells.")
    assert _fixes("President VladimirPutin met the envoy.") == [("VladimirPutin", "Vladimir Putin")]


def test_a_particle_run_into_the_rest_of_a_places_name_is_cut() -> None:
    # El Salvador, Abu Dhabi, La Paz: a particle alone begins a country's or capital's name
    # (context._partner); before a person's name it stays one word (DeYoung, DeSantis)
    assert _fixes("He met leaders in ElSalvador, Guatemala and Honduras.") == [("ElSalvador", "El Salvador")]
    assert _fixes("The U.S. Embassy in AbuDhabi opened.") == [("AbuDhabi", "Abu Dhabi")]
    assert not normalize.check("McDonald, DeYoung, DeSantis, LeBoeuf and MacArthur met.").findings


def test_a_place_run_together_is_cut_though_its_solid_spelling_is_listed_for_it() -> None:
    # Srilanka and Hongkong are listed spellings of Sri Lanka and Hong Kong: that listing is the
    # place's prominence, no evidence that text writes the word solid (runon_typed: its Zipf)
    assert _fixes("Since 2009, SriLanka has taken part.") == [("SriLanka", "Sri Lanka")]
    assert _fixes("The situation in HongKong worsened.") == [("HongKong", "Hong Kong")]
    # a solid spelling of another entity still weighs (the town Whitehouse: see above)
    assert not normalize.check("The PyeongChang Olympics were held in Korea.").findings


def test_a_country_or_capital_run_into_a_common_three_letter_word_is_cut() -> None:
    """A short rest (now, one, all: common, under MIN_REST letters) was read only after a
    person's whole name; after a country, a capital or a place as prominent (runon._major) it is
    the lost space too, unless the rest starts other words (non, pre) or is a name people bear."""
    assert _fixes("Exports from Portugalnow reach Asia.") == [("Portugalnow", "Portugal now")]
    assert _fixes("Herders in Kenyaall fear the drought.") == [("Kenyaall", "Kenya all")]
    assert _fixes("Pilgrims left Iziumnow.") == []  # a lesser place needs more
    assert _fixes("Ruins of Albanon lie near the coast.") == []  # Alba, then a prefix: a longer name
    assert _fixes("Fees paid to Jordanson and Partners rose.") == []  # a surname's ending
    assert _fixes("Ghanaians voted, and Ghana said so.") == []


def test_a_word_one_slip_from_a_prominent_place_is_no_run_on_of_another_name() -> None:
    """runon_slip: Surinamme reads as Surinam and me, but it is one slip from Suriname (a doubled
    m), and Nimor before Leste reads as Nim and or, but it is one slip from Timor: spelling weighs
    such a word once the cut is no fix. A run-on of a place with no such neighbour is still cut."""
    fixed = normalize.fix("The envoy met the President of Surinamme and the Prime Minister.").fixed
    assert fixed == "The envoy met the President of Suriname and the Prime Minister."
    fixed = normalize.fix("Aid went to island states and Nimor-Leste this year.").fixed
    assert fixed == "Aid went to island states and Timor-Leste this year."
    assert normalize.fix("Officials said Chinahas agreed.").fixed == "Officials said China has agreed."
