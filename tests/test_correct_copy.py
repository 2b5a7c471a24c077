"""Correct copy written by the reviewers of stop 40 (review17; tests/cases/correct_copy.txt,
one sentence a line: rare surnames and firms after titles, at a sentence's start and before
appositions, foreign names and phrases, en-GB spellings, typographic quotes, units, jargon).
Correct copy must come back unchanged. Sentences that main changes at the time of the review
run as strict xfails (a defect each, with the change in the reason), so one that starts
passing fails here until its mark is removed; every other sentence is a control. Stop 41's reviewer
(review18) added tests/cases/correct_copy_review18.txt the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

import normalize
from normalize import document

CASES = Path(__file__).parent / "cases"
SENTENCES = (CASES / "correct_copy.txt").read_text(encoding="utf-8").splitlines()
SENTENCES18 = (CASES / "correct_copy_review18.txt").read_text(encoding="utf-8").splitlines()
# HTML paragraphs with letters written as entities (Fran&ccedil;ois, Andr&#233;)
PARAGRAPHS = (CASES / "correct_copy_entities.html").read_text(encoding="utf-8").splitlines()

# Changed by main 5b5e893..9a307c7 (ebf280a's findings unless a commit is named): sentence -> the change made
CHANGED = {
    'The crowd chanted "Slava Ukraini" and the soldiers answered "Heroiam slava".': "Ukraini -> Ukraine 0.99",
    "Wirth, 62, told the court he had not seen the contract.": "Wirth -> Worth 0.91",
    "The farmer sold a wether, two hoggets and a gimmer at the mart.": "gimmer -> glimmer 0.96",
    "Belarusian exiles still call their capital Mensk.": "Mensk -> Minsk 0.99",
    "The Gulf of Paria lies between Trinidad and Venezuela.": "Paria -> Paris 0.99",
    "The island of Kasos lies south of Karpathos, and Saria to its north.": "Kasos -> Kasoa 0.92",
    # d59b8ac (places20, _news_spelling): a real Greek island read as a slip of Syria
    "Ferries sail from Karpathos to Saria in summer.": "Saria -> Syria 0.99 (d59b8ac)",
}

# A letter written as an entity cut the word in two, and a piece was read as a word and "fixed"
# (Fran&ccedil;[ois] -> is, [Andr]&#233; -> And); since markup._letter_entity the word is one.
ENTITIES: dict[str, str] = {}

# review18 (stop 41; tests/cases/correct_copy_review18.txt, 1,411 sentences: sports, business, science,
# law, headlines, en-GB, typographic quotes, units, foreign and press spellings of officials' names).
# Changed by main b0d76e1, all since f53893c or before: sentence -> the fixes made
CHANGED18 = {
    "Rhun ap Iorwerth represents Ynys Môn in the Senedd.": "Rhun -> Run 0.91",
    "Benny Gantz and Gadi Eisenkot left the war cabinet.": "Eisenkot -> Eisenkott 0.99",
    "Assimi Goïta, Ibrahim Traoré and Abdourahamane Tiani formed an alliance.": "Abdourahamane -> Abdourahame 0.97",
    "Denys Shmygal met investors in London.": "Shmygal -> Shmyhal 0.99",
    "SHMYGAL RESIGNS AS UKRAINE RESHUFFLES CABINET": "SHMYGAL -> SHMYHAL 0.95",
    "She spoke with a certain je ne sais quoi.": "sais -> says 0.88",
    "Nicos Anastasiadis served two terms as president of Cyprus.": "Nicos -> Nikos 0.96",
    "Nicos Anastasiades and Nikos Christodoulides shook hands.": "Christodoulides -> Christodoulidis 0.91",
    "Nikos Christodoulides was elected president of Cyprus.": "Christodoulides -> Christodoulidis 0.91",
    "President Christodoulides met the UN envoy.": "Christodoulides -> Christodoulidis 0.99",
    "Rhun, a 24-year-old nurse from the town, said the clinic had closed.": "Rhun -> Run 0.91",
    "Merih, a 24-year-old nurse from the town, said the clinic had closed.": "Merih -> Merit 0.92",
    "Kiwior scored twice in the second half as the visitors won 3-1.": "Kiwior -> Kiwi or 0.94",
    "Jungheinrich shares rose 4% after the company raised its outlook.": "Jungheinrich -> Jung heinrich 0.93",
    "Merih scored the winner.": "Merih -> Merit 0.91",
    "Rhun ap Iorwerth spoke in the debate.": "Rhun -> Run 0.91",
    "Hibatullah Akhundzada met the visiting delegation on Tuesday.": "Hibatullah -> Haybatullah 0.99",
    "Gedion Timothewos met the visiting delegation on Tuesday.": "Timothewos -> Timotheos 0.99",
    "Maria Malmer, who runs a bakery in Leeds, won the award.": "Malmer -> Miller 0.99",
}

# Two sentences of one text: the first spelling makes the engine fix the second (a press spelling)
PAIRS = {
    "Alexander Lukashenko's critics met in Vilnius. President Alexander Lukashenka, as Belarusian"
    " speakers write it, signed the decree.": "Lukashenka -> Lukashenko 0.99",
}


def _param(sentence: str, changed: dict[str, str], reviewer: str = "review17") -> object:
    marks = (
        [pytest.mark.xfail(strict=True, reason=f"{reviewer} defect: {changed[sentence]}")]
        if sentence in changed
        else []
    )
    return pytest.param(sentence, id=sentence[:50], marks=marks)


def test_every_changed_sentence_is_in_the_file() -> None:
    assert set(CHANGED) <= set(SENTENCES)
    assert len(SENTENCES) == len(set(SENTENCES)) >= 120
    assert set(CHANGED18) <= set(SENTENCES18)
    assert len(SENTENCES18) == len(set(SENTENCES18)) >= 1400


@pytest.mark.parametrize(
    "sentence",
    [_param(s, CHANGED) for s in SENTENCES]
    + [_param(s, PAIRS) for s in PAIRS]
    + [_param(s, CHANGED18, "review18") for s in SENTENCES18],
)
def test_correct_copy_is_unchanged(sentence: str) -> None:
    report = normalize.fix(sentence)
    assert [(f.text, f.replacement) for f in report.fixes] == []
    assert report.fixed == sentence


@pytest.mark.parametrize("paragraph", [_param(p, ENTITIES) for p in PARAGRAPHS])
def test_html_with_letters_as_entities_is_unchanged(paragraph: str) -> None:
    report = document.check_document(paragraph, format="html")
    assert [(f.text, f.replacement) for f in report.findings if f.action == "fix"] == []


# A slip of a sentence's first word before an apposition and a participle (However, the minister,
# speaking in Kyiv, said): lost by 5b9b379 (name_slot read the word as a name before an apposition),
# fixed again by 5ca529b (a participle after the closing comma opens no predicate)
ADVERB_SLIPS = [
    ("Howeer, the spokesman, speaking on television, denied the report.", "Howeer", "However"),
    ("Insted, the committee, meeting in private, chose a new chair.", "Insted", "Instead"),
    ("Todya, the minister, speaking in Lviv, opened the bridge.", "Todya", "Today"),
    ("Meanwihle, the army, fighting near Pokrovsk, lost ground.", "Meanwihle", "Meanwhile"),
    ("Eariler, the governor, writing on Telegram, said two people died.", "Eariler", "Earlier"),
]


@pytest.mark.parametrize(("sentence", "slip", "word"), ADVERB_SLIPS)
def test_a_slip_of_a_sentence_adverb_before_an_apposition_is_fixed(sentence: str, slip: str, word: str) -> None:
    assert normalize.fix(sentence).fixed == sentence.replace(slip, word, 1)
