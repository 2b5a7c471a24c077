"""Markup -> skip spans: the parts of a file that are not prose (pure).

``skip_spans(path, text)`` returns half-open ``str`` offsets into ``text`` as
read (never into a parsed or normalized copy), chosen by the file's extension:

* Markdown (.md, .markdown, ...): markdown-it-py (CommonMark plus tables) finds
  the blocks. Skipped: front matter, fenced and indented code, inline code,
  autolinks, link and image targets (``(url "title")``, ``[ref]``), reference
  definitions, HTML tags with their attributes, entities. Checked: paragraphs,
  headings, lists, tables, block quotes, link text, image alt text and the
  text between HTML tags.
* HTML (.html, .htm, .xhtml): tags with their attributes, comments,
  declarations, entities, and the elements of code and data with their content
  (``<script>``, ``<style>``, ``<code>``, ``<pre>``, ``<kbd>``, ``<samp>``), as
  Markdown's code spans and fences are skipped.
* Anything else: nothing (plain text is all prose).
"""

from __future__ import annotations

import html
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from normalize import discover
from normalize.types import merged_spans

if TYPE_CHECKING:
    from markdown_it.token import Token

Span = tuple[int, int]

_BREAK = re.compile(r"\r\n|\r|\n")  # markdown-it counts lines the same way
LINE_BREAK = _BREAK
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.S,
)
# A footnote's label (GFM, Pandoc, markdown-it's plugin): "[^label]" where it is cited and where it
# is defined. An identifier, not prose: a fix of one of the two (their contexts differ) broke the note.
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
# A template's tag in a site's pages (Jekyll's Liquid {% include x.html %}, {{ page.title }}; Hugo's
# {{< figure src="x.png" >}}; Jinja's): code that builds the page, not prose. fix rewrote the file
# name of an include (goverment-box.html), which broke the site's build.
_TEMPLATE = re.compile(r"\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Emphasis inside a word (un**believ**able, Ukr*aine*, ~~strike~~): a letter on both sides.
_INTRAWORD = re.compile(r"(?<=[^\W\d_])(?:\*+|~~)(?=[^\W\d_])")
# Tags that may stand inside a word (Ukr<b>aine</b>, <span>T</span>he); others (</h1><p>, <br>)
# end it, however glued the words around them are.
_INLINE_TAGS = re.compile(
    r"(?:</?(?:a|abbr|b|bdi|bdo|cite|data|del|dfn|em|font|i|ins|mark|q|s|small|span|strike|strong|sub|sup"
    r"|time|tt|u|var|wbr)\b[^>]*>|&(?:shy|#173|#[xX]0*[aA][dD]);)+",  # (a soft hyphen; &nbsp; is a space)
    re.I,
)


@lru_cache(maxsize=1)
def _html_not_text() -> re.Pattern[str]:
    """What is no text node in HTML, compiled for the first HTML file (a plain one needs none)."""
    return re.compile(
        r"<!--.*?(?:-->|\Z)"  # comments
        r"|<(script|style|code|pre|kbd|samp)\b.*?(?:</\1\s*>|\Z)"  # code, style sheets, program text, with their tags
        r"|<![^>]*>?|<\?.*?(?:\?>|\Z)"  # <!DOCTYPE ...>, <![CDATA[, <?xml ...?>
        # A tag and its attributes. A "<" outside quotes ends the attempt, so a text of
        # many unclosed "<a " is scanned once, not once per "<" (linear time).
        r"""|</?[A-Za-z][^\s/>"'<]*(?:[^<>"']|"[^"]*"|'[^']*')*>"""
        r"|" + _ENTITY.pattern,
        re.S | re.I,
    )


@lru_cache(maxsize=1)
def _md() -> Any:
    """The Markdown parser, imported and built on the first Markdown file (not at start-up).
    It finds the blocks only: ``markdown_spans`` reads each inline token's text itself or,
    where a link or a tag may stand, with ``md.inline``."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.core.ruler.disable(["inline", "text_join"])  # (text_join only merges text tokens)
    return md


def skip_spans(path: str, text: str) -> list[Span]:
    ext = os.path.splitext(path)[1].lower()
    if ext in discover.MARKDOWN:
        return markdown_spans(text)
    if ext in discover.HTML:
        return page_spans(text)
    kind = discover.LITERAL_FORMATS.get(ext)
    return literal_spans(text, kind) if kind else []


# Program text in reStructuredText, AsciiDoc and Org: its blocks and inline literals, which fix
# rewrote (goverment = Ukrane() in a Sphinx code-block became government = Ukraine()).
_BLOCK = r"[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n)|[ \t]+\S[^\r\n]*(?:\r\n|\r|\n|\Z))+"  # indented lines
_CODE_DIRECTIVES = (
    "code-block|code|sourcecode|highlight|literalinclude|math|raw|doctest|testcode|testoutput|parsed-literal"
)
_LITERALS = {
    # a code directive, or a paragraph ending in "::" (from its "::"), and the indented lines
    # after it; ``inline``. (Other directives, .. note::, hold prose.)
    "rst": re.compile(
        rf"^(?:[ \t]*\.\.[ \t]+(?:{_CODE_DIRECTIVES})::[^\r\n]*|(?![ \t]*\.\.[ \t])[^\r\n]*?(?P<mark>::))"
        rf"{_BLOCK}|``[^`]+``",
        re.M,
    ),
    # a delimited listing, literal or passthrough block (----, ...., ++++), to its like; `inline`
    "asciidoc": re.compile(
        r"^(-{4,}|\.{4,}|\+{4,})[ \t]*$.*?(?:^\1[ \t]*$|\Z)|(?<![\w`])`[^`\r\n]+`(?![\w`])", re.M | re.S
    ),
    # #+BEGIN_SRC / _EXAMPLE / _EXPORT ... #+END_...; ~code~ and =verbatim=
    "org": re.compile(
        r"^[ \t]*#\+begin_(src|example|export)\b.*?(?:^[ \t]*#\+end_\1\b[^\r\n]*|\Z)"
        r"|(?<![\w~=])([~=])[^\s~=](?:[^\r\n]{0,100}?[^\s])??\2(?![\w~=])",
        re.M | re.S | re.I,
    ),
}


def literal_spans(text: str, kind: str) -> list[Span]:
    """Program text in a reStructuredText, AsciiDoc or Org document: its code and literal
    blocks and inline literals (its other markup is read as text)."""
    found = _LITERALS[kind].finditer(text)
    return merged_spans([(m.start("mark") if kind == "rst" and m.group("mark") else m.start(), m.end()) for m in found])


def page_spans(text: str) -> list[Span]:
    """What an HTML page holds that is not prose: its markup and its template's tags."""
    return glued_words(text, merged_spans(html_spans(text) + template_spans(text)))


def glued_words(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` (merged) and every word that markup cuts in two: the engine read Gover**ment**
    or Ukr<b>aine</b> as two words and fixed a piece of one ('ment' -> 'meant', 'believ' ->
    'believe' in un**believ**able: correct copy). Such a word is not read."""
    ends = {e: s for s, e in spans}
    starts = {s: e for s, e in spans}

    def inside(s: int, e: int) -> bool:  # a span that may stand inside a word, between letters
        left, right = 0 < s and text[s - 1].isalpha(), e < len(text) and text[e].isalpha()
        if _letter_entity(text[s:e]):  # (a letter of the word itself: Fran&ccedil;ois, Bogot&#225;)
            return left or right
        return left and right and _may_glue(text[s:e])

    glued: list[Span] = []
    for s, e in spans:
        if (glued and s < glued[-1][1]) or not inside(s, e):  # (in the word just taken: linear)
            continue
        while s > 0 and (text[s - 1].isalpha() or (s in ends and inside(ends[s], s))):
            s = ends[s] if s in ends and not text[s - 1].isalpha() else s - 1
        while e < len(text) and (text[e].isalpha() or (e in starts and inside(e, starts[e]))):
            e = starts[e] if e in starts and not text[e].isalpha() else e + 1
        glued.append((s, e))
    return merged_spans(spans + glued) if glued else spans


def _letter_entity(markup: str) -> bool:
    """An entity that stands for a letter (&eacute;, &#233;): the word it is written in is one
    word with it, wherever it stands in it; not &nbsp; or &amp;, which end a word."""
    return markup.startswith("&") and markup.endswith(";") and html.unescape(markup).isalpha()


def _may_glue(markup: str) -> bool:
    return "\n" not in markup and (not markup.startswith(("<", "&")) or _INLINE_TAGS.fullmatch(markup) is not None)


def template_spans(text: str) -> list[Span]:
    """The tags of a page template ({% ... %}, {{ ... }}) in Markdown or HTML."""
    return [(m.start(), m.end()) for m in _TEMPLATE.finditer(text)]


def html_spans(text: str, offset: int = 0) -> list[Span]:
    """Everything in HTML that is not a text node."""
    return [(m.start() + offset, m.end() + offset) for m in _html_not_text().finditer(text)]


def _parsed_source(text: str) -> str:
    """What the Markdown parser reads of ``text``, of the same length: its front matter blanked
    out with spaces (the parser sees blank lines, offsets stay the same), brackets made inert."""
    fm = _FRONT_MATTER.match(text)
    src = re.sub(r"[^\r\n]", " ", fm.group()) + text[fm.end() :] if fm else text
    return _inert_brackets(src)


def table_lines(text: str) -> list[tuple[int, int]]:
    """The lines of each pipe table of a Markdown text, [first, end): its header row, its
    delimiter row, then its body rows (in a list or a block quote too)."""
    return [(t.map[0], t.map[1]) for t in _md().parse(_parsed_source(text)) if t.type == "table_open" and t.map]


def markdown_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    fm = _FRONT_MATTER.match(text)
    if fm:
        spans.append((0, fm.end()))
    src = _parsed_source(text)
    starts = [0] + [m.end() for m in _BREAK.finditer(src)]

    def line(i: int) -> int:
        return starts[i] if i < len(starts) else len(src)

    covered = bytearray(len(starts) + 1)
    cursor = 0
    md = _md()
    env: dict[str, Any] = {}
    for tok in md.parse(src, env):
        if tok.map and tok.level == 0:
            covered[tok.map[0] : tok.map[1]] = b"\x01" * (tok.map[1] - tok.map[0])
        if tok.type in ("fence", "code_block") and tok.map:
            spans.append((line(tok.map[0]), line(tok.map[1])))
        elif tok.type == "html_block" and tok.map:
            start = line(tok.map[0])
            spans.extend(html_spans(src[start : line(tok.map[1])], start))
        elif tok.type == "inline":
            if tok.map:
                cursor = max(cursor, line(tok.map[0]))
            references = bool(env.get("references"))
            if _plain_inline(tok.content, references):
                for markup in _code_markups(tok.content):
                    cursor = _code_span(src, markup, cursor, spans)
            elif (found := _collapsed(src, tok, starts, env)) is not None:
                spans.extend(found)
                cursor = max([cursor, *(e for _, e in found)])
            else:
                children: list[Token] = []
                md.inline.parse(tok.content, md, env, children)
                end = line(tok.map[1]) if tok.map else len(src)
                cursor = _inline(src, cursor, children, spans, end, env.get("references") or {})
    # Lines no block claims and that are not blank: link reference definitions.
    for i in range(len(starts)):
        if not covered[i] and src[line(i) : line(i + 1)].strip():
            spans.append((line(i), line(i + 1)))
    spans.extend((m.start(), m.end()) for m in _ENTITY.finditer(src))
    spans.extend((m.start(), m.end()) for m in _FOOTNOTE.finditer(src))
    spans.extend((m.start(), m.end()) for m in _INTRAWORD.finditer(src))
    return glued_words(src, merged_spans(spans + template_spans(src)))


def _inert_brackets(src: str) -> str:
    """``src`` with each "[" that no "]" follows, and each "(" that no ")" follows, made
    plain text (same length).

    Such a "[" can open no link, image or reference, and such a "(" no link target, but
    markdown-it would still try one for each: a text of many of them ("[" * 100_000)
    took minutes, and each "](" of "[Kmitry](" * 100_000 scanned 32 more of them. The
    "(" becomes a "," (punctuation too, so emphasis beside it reads the same), and only
    where no "]:" could start a reference definition, whose target an unclosed "(" spoils.
    """
    last = src.rfind("]")
    tail = src[last + 1 :]
    if "[" in tail:
        src = src[: last + 1] + tail.replace("[", "x")
    last = src.rfind(")")
    tail = src[last + 1 :]
    if "(" in tail and "]:" not in src:
        src = src[: last + 1] + tail.replace("(", ",")
    return src


def _plain_inline(content: str, references: bool) -> bool:
    """Whether an inline token's text can hold nothing to skip but code spans: no tag or
    autolink (no "<"), and no link or image, which needs a "[" and either a "](" or a
    reference definition in the document. Such text markdown-it's inline parser need not
    read (a paragraph of 250,000 code spans took it seconds): ``_code_markups`` finds the
    code spans it would."""
    return "<" not in content and ("[" not in content or (not references and "](" not in content))


_TICKS_OR_ESCAPE = re.compile(r"`+|\\")
_TICKS = re.compile(r"`+")


def _code_markups(content: str) -> list[str]:
    """The backtick strings of the code spans in ``content`` (a ``_plain_inline`` text), in
    order, as markdown-it's inline rules find them: outside code a backslash takes the
    character after it (an escaped backtick opens nothing); a run of backticks opens a code
    span that the next run of the same length closes, and is text when none follows."""
    return [content[start : start + run] for start, _, run in _code_runs(content)]


def _code_runs(content: str) -> list[tuple[int, int, int]]:
    """(start, end, length of the backtick run) of each code span ``_code_markups`` finds."""
    if "\\" not in content:  # (no escapes: each run pairs with the next of its length, at one pass)
        runs = [(m.start(), m.end()) for m in _TICKS.finditer(content)]
        after: list[int] = [-1] * len(runs)  # the next run of the same length
        seen: dict[int, int] = {}
        for k in range(len(runs) - 1, -1, -1):
            run = runs[k][1] - runs[k][0]
            after[k] = seen.get(run, -1)
            seen[run] = k
        spans: list[tuple[int, int, int]] = []
        k = 0
        while k < len(runs):
            pair = after[k]
            if pair < 0:
                k += 1  # no closer: the run is text
                continue
            spans.append((runs[k][0], runs[pair][1], runs[k][1] - runs[k][0]))
            k = pair + 1
        return spans
    last: dict[int, int] = {}  # each run length: where its last run starts (as markdown-it's backticks rule)
    for m in _TICKS.finditer(content):
        last[m.end() - m.start()] = m.start()
    out: list[tuple[int, int, int]] = []
    pos = 0
    while (found := _TICKS_OR_ESCAPE.search(content, pos)) is not None:
        pos = found.end()
        run = found.end() - found.start()
        if found.group() == "\\":
            pos += 1  # the escaped character
            continue
        if last.get(run, -1) < pos:
            continue  # no closer: the run is text
        for closer in _TICKS.finditer(content, pos):
            if closer.end() - closer.start() == run:
                out.append((found.start(), closer.end(), run))
                pos = closer.end()
                break
    return out


# What a code span may hold for ``_collapsed`` to blank it: nothing that could end a link's
# label, destination or title, or escape, were its backticks no code span there.
_INERT_CODE = re.compile(r"`+[^\x00-\x20\x7f\\\[\]()<>\"'`]+`+")
_BLANK = ";"  # text to markdown-it's inline rules (no rule starts at it), and no space


def _collapsed(src: str, tok: Token, starts: list[int], env: dict[str, Any]) -> list[Span] | None:
    """The spans to skip in a paragraph that may hold links, as ``_inline`` finds them, but
    with each code span blanked out first (``_BLANK``s, same length) and skipped here, so
    that markdown-it reads one run of text where it made a token a span (a link label of
    250,000 code spans took it seconds, twice: to find the label's end, then to read it).
    Returns the spans in ``src``, or None to read the paragraph as before.

    Only where that reads the same: no tag or autolink ("<"), no escape, no reference
    definition (a label is looked up by its text); every backtick in a code span and every
    code span inert (``_INERT_CODE``: were its backticks inside a link's destination or
    title, which markdown-it takes for no code span, the destination or title stays as
    long blanked); no image; and every "[" left opens a link (``_inline`` finds each
    from where the last token ended, which code spans no longer move). The paragraph's
    lines must be its source lines' ends (no tab that markdown-it widened into spaces),
    so that a place in the text maps back to ``src``."""
    content = tok.content
    if env.get("references") or "<" in content or "\\" in content or "`" not in content or not tok.map:
        return None
    runs = _code_runs(content)
    if content.count("`") != 2 * sum(n for _, _, n in runs):
        return None  # a backtick string that is text
    if not all(_INERT_CODE.fullmatch(content, s, e) for s, e, _ in runs):
        return None
    lines = content.split("\n")
    first, stop = tok.map
    if len(lines) != stop - first:
        return None
    if (where := _line_places(src, starts, first, lines)) is None:
        return None
    inner, outer = where
    pieces, pos = [], 0
    for s, e, _ in runs:
        pieces += [content[pos:s], _BLANK * (e - s)]
        pos = e
    blanked = "".join(pieces) + content[pos:]
    md = _md()
    children: list[Token] = []
    md.inline.parse(blanked, md, env, children)
    opened = sum(t.type == "link_open" for t in children)
    if opened != blanked.count("[") or any(t.type in ("code_inline", "image") for t in children):
        return None  # (an image's text is not read: its code spans are not skipped either)
    local: list[Span] = [(s, e) for s, e, _ in runs]
    _inline(blanked, 0, children, local, len(blanked), env.get("references") or {})
    if len(lines) == 1:  # (the usual paragraph of one line: one shift)
        shift = outer[0]
        return [(s + shift, e + shift) for s, e in local if e > s]

    def place(i: int) -> int:
        k = bisect_right(inner, i) - 1
        return outer[k] + i - inner[k]

    return [(place(s), place(e - 1) + 1) for s, e in local if e > s]


def _line_places(src: str, starts: list[int], first: int, lines: list[str]) -> tuple[list[int], list[int]] | None:
    """Where each line of a paragraph's content starts in the content and in ``src``
    (its source lines from ``first`` on), or None when a line is not its source line's end."""
    inner, outer, at = [], [], 0
    for k, text in enumerate(lines):
        begin = starts[first + k]
        end = starts[first + k + 1] if first + k + 1 < len(starts) else len(src)
        line = src[begin:end].rstrip("\r\n")
        if k == len(lines) - 1:
            line = line.rstrip(_md_trim())
        if not line.endswith(text):
            return None
        inner.append(at)
        outer.append(begin + len(line) - len(text))
        at += len(text) + 1
    return inner, outer


@lru_cache(maxsize=1)
def _md_trim() -> str:
    from markdown_it.common.utils import MD_TRIM_CHARS

    return str(MD_TRIM_CHARS)


def _code_span(src: str, markup: str, pos: int, spans: list[Span]) -> int:
    """Skip the next code span opened by ``markup`` in ``src`` from ``pos``; return its end."""
    start = _find(src, markup, pos)
    if start < 0:
        return pos
    end = src.find(markup, start + len(markup))
    end = len(src) if end < 0 else end + len(markup)
    spans.append((start, end))
    return end


def _inline(
    src: str,
    pos: int,
    children: Sequence[Token],
    spans: list[Span],
    end: int,
    references: Mapping[str, Any],
) -> int:
    """Walk one inline token's children, finding each non-prose part in ``src[pos:end]``
    (``end``: where the paragraph ends, so that a bracket it leaves open cannot pair with one
    of a later paragraph)."""
    closes: list[int] = []  # for each open link: where its "]" is, or -1 for an autolink
    pairs: dict[int, int] | None = None  # each "[" of the paragraph: its "]" (made at the first link)
    opens: list[int] = []  # the keys of ``pairs``, in order
    for tok in children:
        kind = tok.type
        if kind == "code_inline":
            pos = _code_span(src, tok.markup, pos, spans)
        elif kind == "html_inline":
            start = src.find(tok.content, pos)
            if start >= 0:
                spans.append((start, start + len(tok.content)))
                pos = start + len(tok.content)
        elif kind == "link_open" and tok.markup == "autolink":
            start = src.find("<", pos)
            close = src.find(">", start) + 1 if start >= 0 else 0
            if start >= 0 and close > 0:
                spans.append((start, close))
                pos = close
            closes.append(-1)
        elif kind == "link_open":
            if pairs is None:
                pairs = _bracket_pairs(src, pos, end)
                opens = sorted(pairs)
            start = _link_start(src, pos, pairs, opens, references)
            closes.append(pairs[start] if start >= 0 else -1)
            pos = start + 1 if start >= 0 else pos
        elif kind == "link_close":
            close = closes.pop() if closes else -1
            if close >= 0:
                pos = _target(src, close, spans, end)
        elif kind == "image":
            if pairs is None:
                pairs = _bracket_pairs(src, pos, end)
                opens = sorted(pairs)
            start = _find(src, "![", pos, end)
            close = pairs.get(start + 1, -1) if start >= 0 else -1
            if close >= 0:
                pos = _target(src, close, spans, end)
    return pos


def _link_start(src: str, pos: int, pairs: dict[int, int], opens: list[int], references: Mapping[str, Any]) -> int:
    """The "[" from ``pos`` that opens the next link: the first paired one whose "]" a target
    follows (a "(", or a "[" label), or whose label the document defines (a shortcut
    reference link). An unpaired "[" before it is text, and so is a pair around the link
    ("[a [b](x) c]": links hold no links)."""
    for k in range(bisect_left(opens, pos), len(opens)):
        start = opens[k]
        close = pairs[start]
        if src.startswith(("(", "["), close + 1):
            return start
        if references and _label(src[start + 1 : close]) in references:
            return start
    return -1


def _label(text: str) -> str:
    from markdown_it.common.utils import normalizeReference

    return str(normalizeReference(text))


def _find(src: str, needle: str, pos: int, end: int | None = None) -> int:
    """The first ``needle`` at or after ``pos`` (and before ``end``) that is not backslash-escaped."""
    end = len(src) if end is None else end
    i = src.find(needle, pos, end)
    while i > 0 and _escaped(src, i):
        i = src.find(needle, i + 1, end)
    return i


def _escaped(src: str, i: int) -> bool:
    n = 0
    while i - n - 1 >= 0 and src[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


_BRACKET_STOPS = re.compile(r"[\\`\[\]]")  # what ``_bracket_pairs`` reads; it jumps over the rest


def _bracket_pairs(src: str, start: int, end: int) -> dict[int, int]:
    """Each "[" of ``src[start:end]`` that a "]" there closes: its index, to the "]"'s (code
    spans and escapes skipped; an unclosed "[" has none), in one pass."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    i = start
    while (found := _BRACKET_STOPS.search(src, i, end)) is not None:
        i = found.start()
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            tick = _TICKS.match(src, i, end)  # (the run's length: not by copying the rest of the text)
            run = tick.end() - i if tick else 1
            close = src.find("`" * run, i + run, end)
            i = i + run if close < 0 else close + run
            continue
        if c == "[":
            opened.append(i)
        elif opened:
            pairs[opened.pop()] = i
        i += 1
    return pairs


def _target(src: str, close: int, spans: list[Span], end: int) -> int:
    """Skip what follows a link's "]": ``(destination "title")`` or ``[label]``; return the end."""
    after = close + 1
    if src.startswith("(", after):
        depth, i = 0, after
        while i < end:
            c = src[i]
            if c == "\\":
                i += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    spans.append((after, i + 1))
                    return i + 1
            i += 1
        return after
    if src.startswith("[", after):
        label_end = _find(src, "]", after + 1, end)
        if label_end >= 0:
            spans.append((after, label_end + 1))
            return label_end + 1
    return after
