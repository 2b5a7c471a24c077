"""The review page in a real headless Chromium (Debian's chromium and chromium-driver).

Pastes the seed article, sees three findings underlined, reads a finding's reason
and source on hover and on focus, accepts them (keyboard, button, "accept all
confident fixes") and reads the corrected text and the diff from the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# ../shared beside the clone (a git worktree may sit one level deeper)
SHARED = next(
    (p / "shared" for p in Path(__file__).resolve().parents[2:4] if (p / "shared").is_dir()),
    Path(__file__).resolve().parents[2] / "shared",
)
SEED = SHARED / "seed" / "article.txt"

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1200,1600",
]


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not binary.exists():
            pytest.skip(f"{binary} is missing: apt-get install chromium chromium-driver (.ci/run does as root)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER), log_output=str(tmp_path / "driver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def test_review_the_seed_article(browser, live_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    if not SEED.is_file():
        pytest.skip(f"../shared not present: {SEED}")
    article = SEED.read_text(encoding="utf-8")
    wait = WebDriverWait(browser, 120)
    browser.get(f"{live_server}/")
    source = browser.find_element(By.ID, "source")
    # What a paste does: the whole text lands in the box at once, with an input event.
    browser.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", source, article
    )
    source.send_keys(Keys.CONTROL, Keys.ENTER)  # the keyboard shortcut for Check
    wait.until(ec.text_to_be_present_in_element((By.ID, "count"), "(3)"))
    marks = browser.find_elements(By.CSS_SELECTOR, "#document .finding")
    assert [m.text for m in marks] == ["Kmitry", "Oleskii", "Russa"]
    assert [m.get_attribute("class").split()[1] for m in marks] == ["kind-person", "kind-person", "kind-place"]

    ActionChains(browser).move_to_element(marks[0]).perform()  # hover: reason and source
    tip = browser.find_element(By.ID, "tip")
    wait.until(ec.visibility_of(tip))
    assert "Kmitry → Dmitry" in tip.text and "Peskov" in tip.text and "Source:" in tip.text

    browser.execute_script("arguments[0].focus()", marks[0])  # focus: the same, then the keyboard
    assert "Kmitry → Dmitry" in tip.text
    browser.switch_to.active_element.send_keys("a")
    assert browser.switch_to.active_element.text == "Dmitry"  # accepted in place, focus kept
    browser.switch_to.active_element.send_keys("n")
    assert browser.switch_to.active_element.text == "Oleskii"

    items = browser.find_elements(By.CSS_SELECTOR, "#findings li")
    items[1].find_element(By.CSS_SELECTOR, "button.accept").click()
    browser.find_element(By.ID, "accept-all").click()  # takes the last one

    expected = article.replace("Kmitry", "Dmitry").replace("Oleskii", "Oleksii").replace("Russa ", "Russia ")
    wait.until(lambda d: d.find_element(By.ID, "corrected").get_property("value") == expected)
    # Each decision posts a new diff; an earlier answer (one or two fixes) may show first.
    wait.until(lambda d: d.find_element(By.ID, "diff").text.count("\n-") == 3)
    diff = browser.find_element(By.ID, "diff").text
    assert diff.startswith("--- a/text\n+++ b/text") and "Dmitry Peskov" in diff and "Russia" in diff
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_open_a_markdown_file(browser, live_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    story = tmp_path / "story.md"
    story.write_text("# Talks\n\nIn code: `Kmitry`.\n\nSpokesman Kmitry Peskov said so.\n", encoding="utf-8")
    browser.get(f"{live_server}/")
    browser.find_element(By.ID, "file").send_keys(str(story))  # what choosing the file does
    WebDriverWait(browser, 120).until(ec.text_to_be_present_in_element((By.ID, "count"), "(1)"))
    assert browser.find_element(By.ID, "format").get_property("value") == "markdown"
    assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#document .finding")] == ["Kmitry"]
    browser.find_element(By.ID, "accept-all").click()
    WebDriverWait(browser, 30).until(ec.text_to_be_present_in_element((By.ID, "diff"), "+++ b/story.md"))
    assert "Spokesman Dmitry Peskov" in browser.find_element(By.ID, "corrected").get_property("value")


def test_an_opened_file_keeps_its_line_endings_and_bom(browser, live_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A textarea turns CRLF into LF: the corrected text and the diff changed every line of a
    # Windows file, and reading the file dropped its byte order mark.
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    story = tmp_path / "notes.txt"
    story.write_bytes("\ufeffTalks 😀 resumed.\r\nSpokesman Kmitry Peskov said so.\r\nNo more.\r\n".encode())
    browser.get(f"{live_server}/")
    browser.find_element(By.ID, "file").send_keys(str(story))
    WebDriverWait(browser, 120).until(ec.text_to_be_present_in_element((By.ID, "count"), "(1)"))
    browser.find_element(By.ID, "accept-all").click()
    WebDriverWait(browser, 30).until(ec.text_to_be_present_in_element((By.ID, "diff"), "+++ b/notes.txt"))
    diff = browser.find_element(By.ID, "diff").text
    assert [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")] == [
        "-Spokesman Kmitry Peskov said so.",
        "+Spokesman Dmitry Peskov said so.",
    ]
    download = browser.execute_script("return saved();")  # what the download button saves
    assert download == "\ufeffTalks 😀 resumed.\r\nSpokesman Dmitry Peskov said so.\r\nNo more.\r\n"
    browser.find_element(By.ID, "source").send_keys(" Edited.")  # an edit in the box: its text is checked
    browser.find_element(By.ID, "check").click()
    # (the count is "(1)" before the check as after it: wait for the checked text itself)
    WebDriverWait(browser, 30).until(lambda b: "Edited." in b.execute_script("return state.text;"))
    # ... with the file's line breaks: they were all LF, and the saved file changed every line.
    edited = "Talks 😀 resumed.\r\nSpokesman Kmitry Peskov said so.\r\nNo more.\r\n Edited."
    assert browser.execute_script("return state.text;") == edited
    browser.find_element(By.ID, "accept-all").click()
    WebDriverWait(browser, 30).until(lambda b: "Dmitry" in b.execute_script("return saved();"))
    assert browser.execute_script("return saved();") == "\ufeff" + edited.replace("Kmitry", "Dmitry")
    breaks = browser.execute_script('return ["a\\rb\\r", "a\\nb", "a\\r\\nb\\nc", "none"].map(lineBreak);')
    assert breaks == ["\r", "\n", "\n", "\n"]  # (mixed: the box's LF, as before)


def test_an_opened_file_is_read_and_saved_in_its_encoding(browser, live_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Any file was read as UTF-8, bad bytes turned into U+FFFD without a word: the download of a
    # Latin-1 file lost its accents, and a UTF-16 file (which normalize fix reads) was garbage.
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    text = "Caf\u00e9 talks 😀.\r\nSpokesman Kmitry Peskov said so.\r\n"
    wide = tmp_path / "wide.txt"
    wide.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    browser.get(f"{live_server}/")
    browser.find_element(By.ID, "file").send_keys(str(wide))
    WebDriverWait(browser, 120).until(ec.text_to_be_present_in_element((By.ID, "count"), "(1)"))
    browser.find_element(By.ID, "accept-all").click()
    WebDriverWait(browser, 30).until(ec.text_to_be_present_in_element((By.ID, "diff"), "+++ b/wide.txt"))
    saved = bytes(browser.execute_script("return Array.from(savedBytes());"))
    assert saved == b"\xff\xfe" + text.replace("Kmitry", "Dmitry").encode("utf-16-le")

    latin = tmp_path / "latin.txt"
    latin.write_bytes(text.replace("😀", "").encode("latin-1"))
    browser.find_element(By.ID, "file").send_keys(str(latin))
    WebDriverWait(browser, 30).until(ec.text_to_be_present_in_element((By.ID, "status"), "latin.txt: not valid UTF-8"))
    assert "convert the file to UTF-8" in browser.find_element(By.ID, "status").text
    assert browser.find_element(By.ID, "source").get_property("value") == text.replace("\r\n", "\n")  # kept


def test_no_download_of_a_text_edited_since_its_check(browser, live_server: str) -> None:  # type: ignore[no-untyped-def]
    # Edited in the box after its check, the text was still saved as last checked: the download
    # and copy buttons gave the corrected old text, without the edits, and said nothing.
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{live_server}/")
    browser.find_element(By.ID, "source").send_keys("Spokesman Kmitry Peskov said so.")
    browser.find_element(By.ID, "check").click()
    WebDriverWait(browser, 120).until(ec.text_to_be_present_in_element((By.ID, "count"), "(1)"))
    buttons = [browser.find_element(By.ID, name) for name in ("copy", "download", "copy-diff", "download-diff")]
    assert all(b.is_enabled() for b in buttons)
    browser.find_element(By.ID, "source").send_keys(" He left.")
    assert not any(b.is_enabled() for b in buttons)
    assert "check it again before you copy or download it" in browser.find_element(By.ID, "status").text
    browser.find_element(By.ID, "check").click()
    WebDriverWait(browser, 30).until(lambda b: all(x.is_enabled() for x in buttons))
    browser.find_element(By.ID, "accept-all").click()
    WebDriverWait(browser, 30).until(lambda b: "Dmitry" in b.execute_script("return saved();"))
    assert browser.execute_script("return saved();") == "Spokesman Dmitry Peskov said so. He left."


def test_the_file_picker_offers_the_files_a_folder_check_reads() -> None:
    # It offered .txt, .md, .markdown, .html and .htm: an .rst, .adoc or .org file (which
    # normalize check DIR reads, as text) was hidden in the picker's default view.
    import re

    from normalize.discover import PROSE
    from normalize.server import WEB

    accept = re.search(r'id="file" accept="([^"]*)"', (WEB / "index.html").read_text(encoding="utf-8"))
    assert accept is not None and PROSE <= set(accept.group(1).split(","))


def test_the_last_check_asked_for_is_the_one_shown(browser, live_server: str) -> None:  # type: ignore[no-untyped-def]
    # Two checks in flight (Ctrl+Enter, an edit, Ctrl+Enter): the first to be asked, answering
    # last, replaced the second's findings, and the page showed a text the box no longer held.
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{live_server}/")
    browser.execute_script(
        """const real = window.fetch; let first = true;
        window.fetch = async (url, options) => {  // the first /check answers two seconds late
          const slow = url === "/check" && first; if (url === "/check") first = false;
          const response = await real(url, options);
          if (!slow) return response;
          await new Promise((done) => setTimeout(done, 2000));
          const body = response.json.bind(response);  // once the page has read it: handled
          response.json = () => body().finally(() => setTimeout(() => { window.lateHandled = true; }));
          return response;
        };"""
    )
    source = browser.find_element(By.ID, "source")
    source.send_keys("Spokesman Kmitry Peskov said so.")
    browser.find_element(By.ID, "check").click()
    source.send_keys(" The goverment met.")
    browser.find_element(By.ID, "check").click()
    newer = "Spokesman Kmitry Peskov said so. The goverment met."
    WebDriverWait(browser, 60).until(lambda b: b.execute_script("return state.text;") == newer)
    WebDriverWait(browser, 60).until(lambda b: b.execute_script("return window.lateHandled === true;"))
    assert browser.execute_script("return state.text;") == newer
    assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#document .finding")] == ["Kmitry", "goverment"]


def test_a_markdown_table_is_saved_as_normalize_fix_writes_it(browser, live_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The page made the corrected text itself: a longer name in an aligned table moved every
    # pipe after it, where `normalize fix` keeps the columns (the server's /diff now makes it).
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    table = (
        "| Official            | Role                  |\n"
        "|---------------------|-----------------------|\n"
        "| Volodymyr Zelenskyy | President of Ukrane   |\n"
    )
    story = tmp_path / "who.md"
    story.write_text(table, encoding="utf-8")
    browser.get(f"{live_server}/")
    browser.find_element(By.ID, "file").send_keys(str(story))
    WebDriverWait(browser, 120).until(ec.text_to_be_present_in_element((By.ID, "count"), "(1)"))
    browser.find_element(By.ID, "accept-all").click()
    padded = table.replace("Ukrane   |", "Ukraine  |")
    WebDriverWait(browser, 30).until(lambda b: b.execute_script("return saved();") == padded)
    assert browser.find_element(By.ID, "corrected").get_property("value") == padded
    assert "+| Volodymyr Zelenskyy | President of Ukraine  |" in browser.find_element(By.ID, "diff").text
