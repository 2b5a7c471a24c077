"""Whole stories written by stop 48's second reviewer (review26; none copied from any corpus).

tests/cases/stories_review26.txt: 30 short stories (125-188 words, 5 to 7 paragraphs) in the manner of the
three corpora, weighed toward precision: most names are ones no earlier review used. Ten government press
releases (the Kremlin with Murmansk's Chibis, Nyusi of Mozambique (and Niger's Abdourahamane Tiani), Japarov,
Sakhalin's Limarenko and Buryatia's Tsydenov; Kyiv with Fedorov in Chernihiv region, Solskyi in Izmail, Ivan
Fedorov and Lisovyi in Zaporizhzhia, Sybiha in Vilnius (and Sudzha), Zelenskyy in Volyn), ten White House
readouts, statements and remarks (Ruto, Abinader, Second Thomas Shoal, Marape in Port Moresby, Jakobsdóttir,
Lourenço and the Lobito Corridor, Prabowo, Nguyen Phu Trong in Hanoi, Mickoski and Rama (and Cyprus's
Christodoulides), the Compact states and Tuvalu) and ten General Debate speeches (Paraguay, Namibia,
Kazakhstan, Fiji, Denmark, Bosnia and Herzegovina, Ghana, Laos, Bolivia, Solomon Islands); en-GB and en-US,
typographic quotes and apostrophes, loanwords and names no list has (akim, akims, lovo, hromadas, datsan, Sagaalgan,
galamsey, talanoa, Aguyje, Jallalla, Tsau ǁKhaeb, Diia, Brave1, Sakhalin-8, BRP Sierra Madre, Bosna, Arshan).

Each story, as one document through the document pipeline (document.check_document, the CLI's), must come back
unchanged; so must the stories one after another in one document, ten and all 30 at a time (of the 435 pairs
run side by side at the review, X09 with X13, X17, X23 or X28 changed more than its two stories alone: Arshan,
a village in Buryatia, became Anshan, a city in China, which the other story names; X09+X17 runs here).

tests/cases/story_slips_review26.tsv: a story, a phrase of it, the phrase with one slip, what slipped
(official, place, word, or join: a lost space); 364 slips, among them real-word slips of names (Rutto, Austen,
Josef, Rana, Whips, Frances, Sikorsky, Montecristo, Lea, Mostra, Russel, Vein), lone surnames (President
Bidne, Vice President Haris, President Abinadre) and real-word slips of words (hosing, Easter, cloths, flours,
hart, hear, raising, coupes, scared, coca, fisherman, it's). The story with that slip must come back as the
engine returns the story itself: the slip fixed and nothing else touched.

tests/cases/story_variants_review26.tsv: a story, a phrase of it, and the phrase with another spelling that
copy uses (Solsky, Andriy, Zelensky, Vyacheslav, Zhaparov, Issyk Kul, Aleksei, Joao Lourenco, Nicos
Christodoulides, Keflavik, Reykjavik, Grindavik, Durres, Vlora, Itaipu, Parana, Asuncion, Guarani, Luderitz,
Semei, Potosi, Champassak, Torshavn, Potocari, Dajabon, Nguyễn Phú Trọng, Veronica, Bozkir, aging in a US
release, modernization and apologized in GB ones, honor in a GB speech, industrialised in a US one): the story
so written must come back unchanged.

What main got wrong at the review (tests/cases/stories_review26_left.tsv: the case, a tab, what the engine did
and the sha) runs as a strict xfail, so one that starts passing fails here until its row is removed."""

from __future__ import annotations

from storybook import Review, story_tests

REVIEW = Review("review26", digest_size=10, pairs=(("X09", "X17"),))
# test_the_cases_are_whole, test_a_story_comes_back_unchanged,
# test_stories_one_after_another_come_back_unchanged, test_a_slip_in_a_story_is_fixed_and_nothing_else,
# test_another_accepted_spelling_comes_back_unchanged
globals().update(story_tests(REVIEW, stories=30, paragraphs=(4, 7), slips=364))
