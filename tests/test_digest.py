"""A digest of unrelated stories run as one document: what the text at large says for a
place's reading (its topics, the other form of its name) does not reach into a story that
names only other countries around the word (context.about_elsewhere). Stories written for
these tests."""

from __future__ import annotations

import pytest

from normalize import document

ROMANIA = (
    "Heavy rain swelled the Moldova river in north-eastern Romania on Wednesday, and firefighters "
    "moved some 300 families out of low streets in Roman before dawn.\n\n"
    "The mayor said the dykes had held through the night but that the water would stay high until the "
    "weekend, when forecasters expect the rain to ease. Schools in the lower town will stay shut.\n\n"
    "Farmers downstream said they had lost most of the maize they had not yet brought in, and asked the "
    "county council for help with seed for the spring. A council spokesman said a fund would be opened.\n"
)
AIRLINE = (
    "Kenya Airways will add three weekly flights to eastern Congo next month, its chief executive said "
    "on Thursday, as traders and aid groups ask for more seats into the region.\n\n"
    "The carrier already flies to Kinshasa and Lubumbashi. The new service will stop in Goma and Bukavu "
    "before returning to Nairobi, and will use the smaller jets the airline bought last year.\n\n"
    "A spokeswoman said bookings had doubled since January, and that the airline would add a fourth "
    "weekly flight in the dry season if the first months went well. Freight space on the new route has "
    "already been sold to mining firms and to a brewery that ships its bottles across the border.\n"
)
STORKS = (
    "Rangers on the Tonle Sap counted more nesting storks this season than in any year since they began "
    "their surveys, Cambodian officials said on Monday. The lake swells to several times its dry-season size "
    "each monsoon, and the flooded forest along its edge is where most of the region's large water birds breed.\n\n"
    "Volunteers from fishing villages spent six weeks in small boats counting nests from first light, "
    "checking each tree twice so that no pair was counted again.\n\n"
    "Most nests were found in flooded forest near Kampi, where villagers are paid by the Cambodian "
    "environment ministry to guard them.\n\n"
    "The survey team said the count rose by nearly a third, and that the birds now nest in trees that "
    "were cut for firewood a decade ago. Officials plan to widen the protected area next year, and a "
    "school in the village has begun taking children out to watch the colonies from a wooden tower built "
    "by the rangers last spring.\n"
)
JURY = (
    "HOUSTON, Texas — A federal jury in Houston on Friday acquitted a rancher accused of pumping water "
    "from the Rio Grande during last summer's drought in the United States. Prosecutors in Texas said "
    "they would not appeal.\n\n"
    "The rancher's lawyer said his client had always held the rights he was accused of stealing, and "
    "thanked the jurors. Farmers in Laredo and El Paso followed the case closely.\n"
)
GRAIN = (
    "Ukrainian grain exporters shipped more wheat through the Danube ports in October than in any month "
    "this year, traders said. Ships loading at the river ports waited four days on average, down from nine "
    "in the summer.\n\n"
    "Exporters said insurance for the voyage out of Ukraine had become cheaper since the spring.\n"
)


def fixed(text: str) -> str:
    return document.check_document(text, format="text").fixed


@pytest.mark.parametrize(
    "first, second",
    [(ROMANIA, AIRLINE), (AIRLINE, ROMANIA), (STORKS, JURY), (JURY, STORKS)],
    ids=["Roman then Goma", "Goma then Roman", "Kampi then Texas", "Texas then Kampi"],
)
def test_unrelated_stories_run_as_one_document_are_left_alone(first: str, second: str) -> None:
    # Goma is no Roma because another story names the town of Roman (Roman: Rome's demonym),
    # nor Kampi a Campi of the United States because another story is about Texas
    text = first + "\n" + second
    assert fixed(text) == text


@pytest.mark.parametrize("other", [ROMANIA, AIRLINE], ids=["after Romania", "before the airline"])
def test_a_slip_in_a_story_of_a_digest_still_reads_its_own_story(other: str) -> None:
    # the story writes Ukrainian: the other form of the country's name still backs Ukraine
    slipped = GRAIN.replace("out of Ukraine", "out of Ukrane")
    text = other + "\n" + slipped if other is ROMANIA else slipped + "\n" + other
    assert fixed(text) == text.replace("Ukrane", "Ukraine")
