"""`normalize serve`: LanguageTool's HTTP API, normalize's own /check, limits and errors.

The app is tested in process with the stand-in engine (exact about the protocol),
and as a real subprocess with the real engine and the real ``language-tool-python``
client (the offsets a LanguageTool client applies must slice the text exactly).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from normalize.types import Report

pytest.importorskip("starlette", reason="the server extra is not installed")
pytest.importorskip("httpx2", reason="starlette's TestClient needs httpx2")
from starlette.testclient import TestClient  # noqa: E402

from normalize.server import create_app  # noqa: E402

# ../shared beside the clone (a git worktree may sit one level deeper)
SHARED = next(
    (p / "shared" for p in Path(__file__).resolve().parents[2:4] if (p / "shared").is_dir()),
    Path(__file__).resolve().parents[2] / "shared",
)
SEED = SHARED / "seed" / "article.txt"
GOLDEN = [("Kmitry", "Dmitry"), ("Oleskii", "Oleksii"), ("Russa", "Russia")]


@pytest.fixture
def client(fake_engine: Callable[[str], Report]) -> Iterator[TestClient]:
    with TestClient(create_app(max_body=10_000, load=False)) as c:
        yield c


def test_v2_check_counts_offsets_in_utf16_code_units(client: TestClient) -> None:
    text = "😀 Café: Kmitry Peskov said. 𝒳 Mariupl."
    r = client.post("/v2/check", data={"text": text, "language": "en-US"})
    assert r.status_code == 200
    body = r.json()
    assert body["software"]["name"] == "normalize"
    assert body["language"]["code"] == "en-US"
    units = text.encode("utf-16-le")
    got = [units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le") for m in body["matches"]]
    assert got == ["Kmitry", "Mariupl"]
    first, second = body["matches"]
    assert first["offset"] == text.index("Kmitry") + 1  # one emoji before it: two code units
    assert second["offset"] == text.index("Mariupl") + 2
    assert [v["value"] for v in first["replacements"]] == ["Dmitry"]
    assert first["rule"]["issueType"] == "misspelling" and first["rule"]["category"]["id"] == "TYPOS"
    assert first["type"] == {"typeName": "UnknownWord"}
    ctx = first["context"]
    ctx_units = ctx["text"].encode("utf-16-le")
    assert ctx_units[2 * ctx["offset"] : 2 * (ctx["offset"] + ctx["length"])].decode("utf-16-le") == "Kmitry"
    assert first["sentence"] == "😀 Café: Kmitry Peskov said."
    assert second["shortMessage"] == "Misspelled place" and second["replacements"] == [{"value": "Mariupol"}]


def test_annotated_data_skips_markup_and_keeps_document_offsets(client: TestClient) -> None:
    parts = [
        {"markup": "<p title='Kmitry'>"},
        {"text": "Spokesman "},
        {"markup": "<b>"},
        {"text": "Kmitry"},
        {"markup": "</b>"},
        {"text": " Peskov."},
        {"markup": "<br/>", "interpretAs": "\n"},
        {"text": "Kmi"},
        {"markup": "<i>"},
        {"text": "try"},  # a word split by markup: no edit without touching the markup
    ]
    original = "".join(p.get("text", p.get("markup", "")) for p in parts)
    r = client.post("/v2/check", data={"data": json.dumps({"annotation": parts}), "language": "en"})
    assert r.status_code == 200
    matches = r.json()["matches"]
    assert [(m["offset"], m["length"]) for m in matches] == [(original.index("Kmitry</b>"), 6)]


def refused(r: Any) -> str:
    """The message of a /v2/ refusal, which LanguageTool words as text: "Error: MESSAGE"."""
    assert r.headers["content-type"] == "text/plain; charset=utf-8" and r.text.startswith("Error: "), r.text
    return str(r.text.removeprefix("Error: "))


def test_limits_and_malformed_requests_get_languagetools_errors(client: TestClient) -> None:
    # They were JSON, {"error": ...}: LanguageTool answers "Error: MESSAGE" as text, and its
    # clients read that (language_tool_python failed on a KeyError, 'matches', not on the error).
    cases = [
        ({"text": "x" * 20_000}, 413, "over 10000 bytes"),
        ({"data": '{"annotation": [{"text": "Kmitry"}'}, 400, "'data' is not valid JSON"),
        ({"data": '{"annotation": [{"text": 5}]}'}, 400, "annotation 0"),
        ({"data": "[]"}, 400, "'annotation' list"),
        ({"text": "Kmitry", "language": "de-DE"}, 400, "'de-DE' is not a language code known to LanguageTool."),
        ({"language": "en-US"}, 400, "Missing 'text' or 'data' parameter"),
        # (both: the data was checked, the text dropped without a word)
        ({"text": "Mariupl", "data": '{"annotation": [{"text": "Kmitry"}]}'}, 400, "Set only 'text' or 'data'"),
    ]
    for form, status, message in cases:
        r = client.post("/v2/check", data=form)
        assert r.status_code == status and message in refused(r), form
    form = {"content-type": "application/x-www-form-urlencoded"}
    r = client.post("/v2/check", content=b"text=\xff", headers=form)
    assert r.status_code == 400 and "UTF-8" in refused(r)
    r = client.post("/v2/check", content=b"text=Kmitry%E9&language=en", headers=form)
    assert r.status_code == 400 and "url-encoded" in refused(r)  # %E9 alone is no UTF-8
    r = client.post("/v2/check", content=b"text=Kmitry&&language=en&", headers=form)
    assert r.status_code == 200 and len(r.json()["matches"]) == 1
    r = client.post("/v2/check", json={"text": "Kmitry"})
    assert r.status_code == 400 and "x-www-form-urlencoded" in refused(r)
    assert refused(client.get("/v2/nowhere")) == "Not Found"
    assert refused(client.post("/v2/languages")) == "Method Not Allowed"
    r = client.get("/nowhere")  # normalize's own routes answer JSON
    assert (r.status_code, r.json()) == (404, {"error": "Not Found"})
    # and it keeps serving
    assert client.post("/v2/check", data={"text": "Kmitry Peskov"}).json()["matches"][0]["offset"] == 0


def test_a_lone_surrogate_in_json_is_read_as_one_replacement_character(client: TestClient) -> None:
    # JSON may escape half an emoji ("\\ud83d"), as a browser's JSON.stringify writes it; the answer
    # could not be encoded (500). It stands for one UTF-16 unit, and so does U+FFFD: offsets hold.
    half = '"\\ud83d Kmitry Peskov and Mariupl."'
    r = client.post("/check", content=f'{{"text": {half}}}'.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 200
    assert [(f["start"], f["text"]) for f in r.json()["findings"]] == [(2, "Kmitry"), (20, "Mariupl")]
    assert r.json()["fixed"] == "\ufffd Dmitry Peskov and Mariupl."  # (the stand-in engine only suggests Mariupol)
    data = f'{{"annotation": [{{"markup": "<b>"}}, {{"text": {half}}}]}}'
    r = client.post("/v2/check", data={"data": data, "language": "en-US"})
    assert r.status_code == 200
    assert [(m["offset"], m["length"]) for m in r.json()["matches"]] == [(5, 6), (23, 7)]
    body = '{"text": "\\udfff a", "fixed": "b", "path": "x"}'
    r = client.post("/diff", content=body.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 200 and "-\ufffd a" in r.json()["diff"]


def test_disabled_rules_and_get(client: TestClient) -> None:
    q = urllib.parse.urlencode({"text": "Kmitry and Mariupl", "language": "auto"})
    assert len(client.get(f"/v2/check?{q}").json()["matches"]) == 2
    r = client.post("/v2/check", data={"text": "Kmitry and Mariupl", "disabledRules": "NORMALIZE_PLACE"})
    assert [m["rule"]["id"] for m in r.json()["matches"]] == ["NORMALIZE_PERSON"]


def test_auto_takes_the_preferred_english_variant(client: TestClient) -> None:
    # The LanguageTool extension sends language=auto with the user's variants; en-US was answered.
    form = {"text": "Kmitry Peskov", "language": "auto", "preferredVariants": "de-AT,en-GB,pt-BR"}
    assert client.post("/v2/check", data=form).json()["language"]["code"] == "en-GB"
    form["preferredVariants"] = "de-AT"
    assert client.post("/v2/check", data=form).json()["language"]["code"] == "en-US"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"language": "en-US", "preferredVariants": "en-GB"}, "didn't specify 'language=auto'"),
        ({"language": "en-GB", "noopLanguages": "de,fr"}, "only when also using 'language=auto'"),
    ],
)
def test_fields_only_auto_takes_are_refused_without_it(client: TestClient, form: dict[str, str], message: str) -> None:
    # LanguageTool answers 400 with these words: en-US with preferredVariants en-GB asks for two
    # variants at once, and normalize answered en-US as if the client had meant it.
    r = client.post("/v2/check", data={"text": "Kmitry Peskov", **form})
    assert (r.status_code, r.text.startswith("Error: ")) == (400, True) and message in r.text
    auto = client.post("/v2/check", data={"text": "Kmitry Peskov", **form, "language": "auto"})
    assert auto.status_code == 200
    many = client.post("/v2/check", data={"text": "Kmitry Peskov", **form, "multilingual": "true"})
    assert many.status_code == (200 if "preferredVariants" in form else 400)


def test_languages(client: TestClient) -> None:
    langs = client.get("/v2/languages").json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in langs
    assert all(lang["code"] == "en" for lang in langs)


def test_own_check_returns_findings_fixed_text_and_diff(client: TestClient) -> None:
    text = "`Kmitry` in code.\n\nKmitry Peskov and Mariupl.\n"
    r = client.post("/check", json={"text": text, "format": "markdown"})
    assert r.status_code == 200
    body = r.json()
    assert [(f["start"], f["text"], f["action"]) for f in body["findings"]] == [
        (text.index("Kmitry P"), "Kmitry", "fix"),
        (text.index("Mariupl"), "Mariupl", "suggest"),
    ]
    assert body["fixed"] == text.replace("Kmitry P", "Dmitry P")
    assert "-Kmitry Peskov and Mariupl.\n+Dmitry Peskov and Mariupl.\n" in body["diff"]
    for bad, message in [
        (b"{", "not valid JSON"),
        (b'{"text": 3}', "JSON object"),
        (b'{"text": "a", "format": "latex"}', "unknown format"),
    ]:
        r = client.post("/check", content=bad)
        assert r.status_code == 400 and message in r.json()["error"]


# -- the real server, the real engine and the real LanguageTool client ------------------------


def _post(url: str, body: bytes, content_type: str = "application/x-www-form-urlencoded") -> tuple[int, Any]:
    """(status, the JSON answer, or the text of a refusal)."""
    req = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def test_language_tool_python_client_gets_the_three_fixes(live_server: str) -> None:
    language_tool_python = pytest.importorskip("language_tool_python")
    if not SEED.is_file():
        pytest.skip(f"../shared not present: {SEED}")
    article = SEED.read_text(encoding="utf-8")
    tool = language_tool_python.LanguageTool("en-US", remote_server=live_server)
    try:
        for prefix in ("", "😀 Zoë Bérénice wrote: 🇺🇦\n\n"):
            text = prefix + article
            matches = tool.check(text)
            got = [(text[m.offset : m.offset + m.error_length], m.replacements[0]) for m in matches]
            assert got == GOLDEN, prefix
            assert language_tool_python.utils.correct(text, matches) == prefix + article.replace(
                "Kmitry", "Dmitry"
            ).replace("Oleskii", "Oleksii").replace("Russa ", "Russia ")
    finally:
        tool.close()


def test_language_tool_python_on_each_english_code_and_a_refusal_of_others(live_server: str) -> None:
    # en, en-US, en-GB and auto are checked (each answered as the variant asked for); another
    # language is refused as LanguageTool refuses a code it has no rules for (400, "Error: 'xx'
    # is not a language code known to LanguageTool. Supported language codes are: ..."), which
    # clients look for, and LanguageTool's own client refuses it before it asks: the server's
    # /v2/languages lists English alone.
    language_tool_python = pytest.importorskip("language_tool_python")
    text = "The Kremlin spokesman Kmitry Peskov said so on Monday."
    for code, answered in (("en", "en"), ("en-US", "en-US"), ("en-GB", "en-GB"), ("auto", "en-US")):
        tool = language_tool_python.LanguageTool(code, remote_server=live_server)
        try:
            assert [(m.offset, m.replacements[0]) for m in tool.check(text)] == [(text.index("Kmitry"), "Dmitry")]
        finally:
            tool.close()
        status, body = _post(
            f"{live_server}/v2/check", urllib.parse.urlencode({"text": text, "language": code}).encode()
        )
        assert status == 200 and body["language"]["code"] == answered, code
    for code in ("de-DE", "fr", "xx"):
        with pytest.raises(ValueError, match="unsupported language"):
            language_tool_python.LanguageTool(code, remote_server=live_server)
        status, body = _post(
            f"{live_server}/v2/check", urllib.parse.urlencode({"text": text, "language": code}).encode()
        )
        assert status == 400, code
        assert body.startswith(f"Error: '{code}' is not a language code known to LanguageTool. Supported language")
        assert "en-GB" in body and "auto" in body


def test_real_server_rejects_10_mb_and_bad_data_and_keeps_serving(live_server: str) -> None:
    big = urllib.parse.urlencode({"text": "a " * 5_000_000}).encode()
    assert len(big) >= 10_000_000
    status, body = _post(f"{live_server}/v2/check", big)
    assert status == 413 and body.startswith("Error: request body over 1000000 bytes")
    status, body = _post(f"{live_server}/v2/check", b"language=en-US&data=%7B%22annotation%22%3A")
    assert status == 400 and body.startswith("Error: 'data' is not valid JSON")
    status, body = _post(f"{live_server}/v2/check", b"language=en-US&text=Kmitry+Peskov+said.")
    assert status == 200 and body["matches"][0]["replacements"][0] == {"value": "Dmitry"}


def test_serve_command_errors_are_one_line(runner: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import sys

    from normalize.cli import cli

    r = runner.invoke(cli, ["serve", "--max-body", "12x"])  # type: ignore[attr-defined]
    assert r.exit_code == 2 and "is not a size like" in r.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = runner.invoke(cli, ["serve", "--port", str(port)])  # type: ignore[attr-defined]
    assert r.exit_code == 2
    assert r.stderr == f"normalize: error: cannot listen on 127.0.0.1:{port}: address already in use\n"
    monkeypatch.setitem(sys.modules, "normalize.server", None)  # as if the extra were not installed
    r = runner.invoke(cli, ["serve"])  # type: ignore[attr-defined]
    assert r.exit_code == 2
    assert r.stderr == "normalize: error: normalize.server is not installed: pip install 'normalize-prose[server]'\n"


def test_review_page_files_and_diff(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for asset in ("/static/review.js", "/static/review.css"):
        assert asset in page.text and client.get(asset).status_code == 200
    r = client.post("/diff", json={"text": "Kmitry said.\n", "fixed": "Dmitry said.\n", "path": "story.txt"})
    diff = "--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n-Kmitry said.\n+Dmitry said.\n"
    assert r.json() == {"diff": diff, "fixed": "Dmitry said.\n"}
    assert client.post("/diff", json={"text": "a"}).status_code == 400


def test_diff_makes_the_fixed_text_of_the_accepted_replacements(client: TestClient) -> None:
    # The review page spliced the accepted replacements itself; the server makes the text as
    # `normalize fix` writes it (a Markdown table keeps its columns), offsets in code points.
    table = "| Town     | N |\n|----------|---|\n| 😀 Kharkov | 1 |\n| Mariupl  | 2 |\n"
    fixes = [[table.index("Mariupl"), table.index("Mariupl") + 7, "Mariupol"]]
    r = client.post("/diff", json={"text": table, "fixes": fixes, "format": "markdown", "path": "t.md"})
    assert r.status_code == 200 and r.json()["fixed"] == table.replace("Mariupl  |", "Mariupol |")
    r = client.post("/diff", json={"text": table, "fixes": fixes, "path": "t.txt"})  # plain text: the words alone
    assert r.json()["fixed"] == table.replace("Mariupl", "Mariupol")
    assert client.post("/diff", json={"text": "ab", "fixes": []}).json()["fixed"] == "ab"
    for bad in ([[1, 0, "x"]], [[0, 3, "x"]], [[1, 2, "x"], [0, 1, "y"]], [[0, 1]], [[True, 1, "x"]], "x", [[0, 1, 5]]):
        r = client.post("/diff", json={"text": "ab", "fixes": bad})
        assert r.status_code == 400 and "'fixes' must be a list" in r.json()["error"], bad
    assert client.post("/diff", json={"text": "ab", "fixes": [], "format": 3}).status_code == 400


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("0", "Invalid value for '--max-body': '0': a limit of 0 bytes would refuse every request"),
        ("0.0001k", "Invalid value for '--max-body': '0.0001k': a limit of 0 bytes would refuse every request"),
        ("-5", "Invalid value for '--max-body': '-5' is not a size like 1000000, 500k or 2MB"),
    ],
)
def test_max_body_of_nothing_says_why(runner: object, given: str, said: str) -> None:
    # '0' was "not a size like 1000000, 500k or 2MB", without the option's name.
    from normalize.cli import cli

    r = runner.invoke(cli, ["serve", f"--max-body={given}"])  # type: ignore[attr-defined]
    assert r.exit_code == 2 and said in r.stderr, r.stderr


def test_max_body_sizes() -> None:
    from normalize.cli import ByteSize

    size = ByteSize()
    assert [size.convert(v, None, None) for v in ("1000000", "1MB", "500k", "1.5MB", "2 MiB", "1GB", "7")] == [
        1_000_000, 1_000_000, 500_000, 1_500_000, 2 * 2**20, 10**9, 7,
    ]  # fmt: skip


def test_a_body_limit_of_one_byte_counts_in_words(fake_engine: Callable[[str], Report]) -> None:
    with TestClient(create_app(max_body=1, load=False)) as c:
        r = c.post("/v2/check", data={"text": "ab"})
        assert (r.status_code, refused(r)) == (413, "request body over 1 byte; send a shorter text")
        r = c.post("/check", json={"text": "ab"})
    assert r.status_code == 413 and r.json() == {"error": "request body over 1 byte; send a shorter text"}


def test_a_body_limit_above_the_drain_reads_the_body(fake_engine: Callable[[str], Report]) -> None:
    # Over DRAIN (64 MB) a declared Content-Length was refused unread, whatever --max-body allowed.
    from normalize import server

    with TestClient(create_app(max_body=server.DRAIN * 2, load=False)) as c, pytest.MonkeyPatch.context() as mp:
        mp.setattr(server, "DRAIN", 10)
        r = c.post("/v2/check", data={"text": "Kmitry Peskov said."})
    assert r.status_code == 200 and r.json()["matches"]


def test_categories_and_enabled_only(client: TestClient) -> None:
    # disabledCategories, enabledOnly, enabledRules and enabledCategories were ignored: every match came back.
    def ids(**form: str) -> list[str]:
        r = client.post("/v2/check", data={"text": "Kmitry and Mariupl", "language": "en-US", **form})
        assert r.status_code == 200, r.text
        return [m["rule"]["id"] for m in r.json()["matches"]]

    assert ids(disabledCategories="TYPOS") == []
    assert ids(disabledCategories="STYLE,GRAMMAR") == ["NORMALIZE_PERSON", "NORMALIZE_PLACE"]
    assert ids(enabledOnly="true", enabledRules="NORMALIZE_PLACE") == ["NORMALIZE_PLACE"]
    assert ids(enabledOnly="true", enabledCategories="TYPOS") == ["NORMALIZE_PERSON", "NORMALIZE_PLACE"]
    assert ids(enabledOnly="true", enabledRules="EN_A_VS_AN") == []
    assert ids(enabledOnly="false", enabledRules="EN_A_VS_AN") == ["NORMALIZE_PERSON", "NORMALIZE_PLACE"]
    for form, said in [
        ({"enabledOnly": "true"}, "You must specify enabled rules or categories when using enabledOnly=true"),
        (
            {"enabledOnly": "true", "enabledRules": "NORMALIZE_PLACE", "disabledRules": "NORMALIZE_PERSON"},
            "You cannot specify disabled rules or categories using enabledOnly=true",
        ),
    ]:
        r = client.post("/v2/check", data={"text": "Kmitry", "language": "en-US", **form})
        assert (r.status_code, refused(r)) == (400, said)


def test_the_diff_of_a_text_as_long_as_the_limit_allows(client: TestClient) -> None:
    # The review page posts the text and its correction to /diff: a text /check had taken
    # (over half the limit) got 413 'request body over 10000 bytes' in the diff pane.
    text = "Kmitry Peskov said so. " * 400  # 9,200 bytes of the 10,000 the client's app takes
    checked = client.post("/check", json={"text": text})
    assert checked.status_code == 200
    r = client.post("/diff", json={"text": text, "fixed": checked.json()["fixed"], "path": "story.txt"})
    assert r.status_code == 200 and r.json()["diff"].startswith("--- a/story.txt\n")
    assert client.post("/diff", json={"text": text * 10, "fixed": text}).status_code == 413  # (2 x 10,000 + 64,000)


def test_a_bug_is_a_500_that_a_browser_on_another_origin_can_read(
    fake_engine: Callable[[str], Report], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The handler of last resort answered outside the CORS middleware: the LanguageTool extension
    # (another origin) saw a network error, not the server's 500.
    from normalize import document

    def broken(*args: object, **kwargs: object) -> Report:
        raise RuntimeError("a bug")

    monkeypatch.setattr(document, "check_document", broken)
    origin = {"Origin": "https://mail.example.org"}
    with TestClient(create_app(max_body=10_000, load=False), raise_server_exceptions=False) as c:
        lt = c.post("/v2/check", data={"text": "Kmitry", "language": "en-US"}, headers=origin)
        own = c.post("/check", json={"text": "Kmitry"}, headers=origin)
    assert (lt.status_code, refused(lt)) == (500, "internal error: RuntimeError")
    assert (own.status_code, own.json()) == (500, {"error": "internal error: RuntimeError"})
    assert lt.headers["access-control-allow-origin"] == own.headers["access-control-allow-origin"] == "*"
    assert "POST /v2/check: a bug" in caplog.text  # (its traceback goes to the log)


def test_auto_on_a_text_that_is_not_english_answers_no_matches(live_server: str) -> None:
    # The LanguageTool extension sends language=auto for every field; a German or French text
    # got English fixes (sagte -> sage, agir -> air). LanguageTool answers a text in a language
    # it is told not to check (noopLanguages) with its NoopLanguage, "zz", and no matches.
    language_tool_python = pytest.importorskip("language_tool_python")
    german = "Der Kanzler sprach heute in Berlin über die Wirtschaft. Wir müssen gemeinsam handeln, sagte er."
    french = "Le ministre a parlé hier à Lyon de la dette. Nous devons agir ensemble, a-t-il dit devant la presse."
    english = "The minister said on Monday that the goverment would act together with its allies in the region."
    tool = language_tool_python.LanguageTool("auto", remote_server=live_server)
    try:
        assert tool.check(german) == [] and tool.check(french) == []
        assert [(m.offset, m.replacements[0]) for m in tool.check(english)] == [(english.index("gov"), "government")]
    finally:
        tool.close()
    for text, code in ((german, "zz"), (english, "en-US")):
        status, body = _post(
            f"{live_server}/v2/check", urllib.parse.urlencode({"text": text, "language": "auto"}).encode()
        )
        assert status == 200 and body["language"]["code"] == code
    # asked for English, it is read as English
    status, body = _post(
        f"{live_server}/v2/check", urllib.parse.urlencode({"text": german, "language": "en-US"}).encode()
    )
    assert status == 200 and body["language"]["code"] == "en-US" and body["matches"]


def _scope(path: str = "/v2/check", length: int = 1000) -> dict[str, Any]:
    """An ASGI request's scope, for a test that plays the client's side message by message."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v2/check",
        "raw_path": b"/v2/check",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/x-www-form-urlencoded"), (b"content-length", str(length).encode())],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8081),
    }


def test_a_client_that_hangs_up_while_sending_is_no_bug(
    fake_engine: Callable[[str], Report], caplog: pytest.LogCaptureFixture
) -> None:
    # The LanguageTool extension drops a check it no longer needs (the user typed on): a body
    # cut off by the client's disconnect was logged as a bug, with its traceback, and answered 500.
    import anyio

    app = create_app(max_body=10_000, load=False)
    sent: list[dict[str, Any]] = []
    parts = [
        {"type": "http.request", "body": b"text=Kmitry%20Pes", "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> dict[str, Any]:
        return parts.pop(0) if parts else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    with caplog.at_level("INFO", logger="normalize.server"):
        anyio.run(app, _scope(), receive, send)
    assert caplog.records == [] and not any(m.get("status") == 500 for m in sent)


def test_a_check_whose_client_hung_up_while_it_waited_is_not_made(
    fake_engine: Callable[[str], Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Checks take turns on one engine; the extension drops each check the user typed past, and
    # every one of them was still made in its turn, ahead of the one the user waits for.
    import threading

    import anyio

    from normalize import document

    checked: list[str] = []
    first_started, release = threading.Event(), threading.Event()
    real = document.check_document

    def check(text: str, **kwargs: Any) -> Report:
        checked.append(text)
        first_started.set()
        release.wait(10)
        return real(text, **kwargs)

    monkeypatch.setattr(document, "check_document", check)
    app = create_app(max_body=10_000, load=False)
    statuses: dict[str, int] = {}

    async def ask(text: str, hung_up: anyio.Event) -> None:
        body = f"text={text}".encode()
        parts = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive() -> dict[str, Any]:
            if parts:
                return parts.pop(0)
            if not hung_up.is_set():  # (as uvicorn's: a disconnect already seen is said at once)
                await hung_up.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                statuses[text] = message["status"]

        await app(_scope(length=len(body)), receive, send)

    async def main() -> None:
        stays, gone = anyio.Event(), anyio.Event()
        gone.set()  # (the second client hangs up once its body is sent)
        async with anyio.create_task_group() as tg:
            tg.start_soon(ask, "Kmitry", stays)
            await anyio.to_thread.run_sync(first_started.wait, 10)
            tg.start_soon(ask, "Mariupl", gone)
            await anyio.sleep(0.2)  # (the second waits for the engine)
            release.set()
        stays.set()

    anyio.run(main)
    assert checked == ["Kmitry"]
    assert statuses == {"Kmitry": 200, "Mariupl": 499}
