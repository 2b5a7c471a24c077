// The review page: POST /check for the findings, decisions kept here, POST /diff for the fixed text and its diff.
// Offsets from the server count code points; JavaScript strings count UTF-16 units, so the
// text is handled as an array of code points (Array.from) throughout.
"use strict";

const $ = (id) => document.getElementById(id);
const KINDS = { person: "kind-person", place: "kind-place", word: "kind-word" };
const state = { text: "", chars: [], findings: [], decisions: [], name: "text", diffSeq: 0, loaded: null, bom: "", encoding: "utf-8", newline: "\n", checkSeq: 0, format: "text", fixed: null };

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

function options(f) {
  const all = f.replacement !== null ? [f.replacement] : [];
  for (const s of f.suggestions) if (!all.includes(s)) all.push(s);
  return all;
}

function describe(f) {
  const what = f.replacement !== null ? `${f.text} → ${f.replacement}` : `${f.text}: did you mean ${options(f).join(", ") || "?"}`;
  return `${what} (${f.kind}, ${f.action}, confidence ${f.confidence.toFixed(2)})`;
}

// A textarea turns CRLF and CR into LF: an opened file is checked (and saved) as it is,
// line endings and all; once its text is edited in the box, with the file's line break (when
// it has one kind only) put back: an edited Windows file was saved with every line ending changed.
function boxText() {
  const shown = $("source").value;
  if (state.loaded !== null && shown === state.loaded.replace(/\r\n?/g, "\n")) return state.loaded;
  return state.newline === "\n" ? shown : shown.replace(/\n/g, state.newline);
}

// ... as the text to check: once edited, the file as read is gone.
function sourceText() {
  const text = boxText();
  if (text !== state.loaded) state.loaded = null;
  return text;
}

// What saves or copies the corrected text: off while the box holds a text not yet checked
// (the download saved the text last checked, without the edits made since).
const OUTPUTS = ["copy", "download", "copy-diff", "download-diff"];

function outputsOff(off) { for (const id of OUTPUTS) $(id).disabled = off; }

// The one line break a text uses ("\r\n", "\r" or "\n"); "\n" when it mixes them or has none.
function lineBreak(text) {
  const breaks = new Set(text.match(/\r\n|\r|\n/g) || []);
  return breaks.size === 1 ? [...breaks][0] : "\n";
}

// A file is read as normalize fix reads it: UTF-8 (its byte order mark kept for the download)
// or UTF-16 with a byte order mark; other bytes are refused, not garbled (Latin-1's é became U+FFFD).
function decodeFile(bytes) {
  let encoding = "utf-8", skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) { encoding = "utf-16le"; skip = 2; }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) { encoding = "utf-16be"; skip = 2; }
  const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  return { text, encoding, bom: skip === 3 ? "\ufeff" : "" };
}

// What the download button saves: the corrected text, with the opened file's byte order mark.
function saved() { return state.bom + corrected(); }

// ... in the opened file's encoding.
function savedBytes() {
  const text = saved();
  if (state.encoding === "utf-8") return new TextEncoder().encode(text);
  const le = state.encoding === "utf-16le";
  const view = new DataView(new ArrayBuffer(2 * (text.length + 1)));
  view.setUint16(0, 0xfeff, le);
  for (let i = 0; i < text.length; i++) view.setUint16(2 * (i + 1), text.charCodeAt(i), le);
  return new Uint8Array(view.buffer);
}

async function check() {
  const text = sourceText();
  if (!text.trim()) { setStatus("Paste some text or open a file first.", true); return; }
  setStatus("Checking…");
  const seq = ++state.checkSeq;  // the last check asked for is the one shown (an earlier may answer later)
  const format = $("format").value;
  let response;
  try {
    response = await fetch("/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, format }),
    });
  } catch (e) { if (seq === state.checkSeq) setStatus(`The server did not answer: ${e}`, true); return; }
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (seq !== state.checkSeq) return;
  if (!response.ok) { setStatus(body.error || `HTTP ${response.status}`, true); return; }
  state.text = text;
  state.format = format;
  outputsOff(false);
  state.chars = Array.from(text);
  state.findings = body.findings;
  state.decisions = body.findings.map(() => ({ state: "open", value: null }));
  const n = body.findings.length;
  setStatus(n ? `${n} finding${n === 1 ? "" : "s"}.` : "No findings: the text looks clean.");
  $("count").textContent = `(${n})`;
  $("review").hidden = false;
  $("output").hidden = false;
  render();
}

function kindClass(f) { return KINDS[f.kind] || "kind-other"; }

function render() {
  const doc = $("document");
  const list = $("findings");
  doc.replaceChildren();
  list.replaceChildren();
  let at = 0;
  state.findings.forEach((f, i) => {
    const d = state.decisions[i];
    doc.append(state.chars.slice(at, f.start).join(""));
    const mark = document.createElement("span");
    mark.className = `finding ${kindClass(f)} ${d.state}`;
    mark.tabIndex = 0;
    mark.dataset.index = i;
    mark.setAttribute("role", "button");
    mark.setAttribute("aria-describedby", "tip");
    mark.setAttribute("aria-label", `${describe(f)}, ${d.state}`);
    mark.textContent = d.state === "accepted" ? d.value : f.text;
    mark.addEventListener("mouseenter", () => showTip(mark, f));
    mark.addEventListener("mouseleave", hideTip);
    mark.addEventListener("focus", () => showTip(mark, f));
    mark.addEventListener("blur", hideTip);
    mark.addEventListener("click", () => decide(i, d.state === "accepted" ? "open" : "accepted"));
    mark.addEventListener("keydown", (e) => onKey(e, i));
    doc.append(mark);
    at = f.end;
    list.append(item(f, i, d));
  });
  doc.append(state.chars.slice(at).join(""));
  updateOutput();
}

function item(f, i, d) {
  const li = document.createElement("li");
  li.className = `${d.state}`;
  li.dataset.index = i;
  const head = document.createElement("div");
  head.textContent = describe(f);
  head.className = kindClass(f);
  const reason = document.createElement("div");
  reason.className = "reason";
  reason.textContent = f.reason;  // it names the dictionary entry and its source
  const row = document.createElement("div");
  row.className = "row";
  const pick = document.createElement("select");
  pick.setAttribute("aria-label", `Replacement for ${f.text}`);
  for (const o of options(f)) pick.append(new Option(o, o));
  if (d.value) pick.value = d.value;
  const accept = button(`Accept`, `Accept the replacement for ${f.text}`, () => decide(i, "accepted", pick.value));
  accept.className = "accept";
  accept.disabled = options(f).length === 0;
  const reject = button("Reject", `Reject the finding ${f.text}`, () => decide(i, "rejected"));
  reject.className = "reject";
  const state_ = document.createElement("span");
  state_.className = "decision";
  state_.textContent = d.state === "open" ? "" : d.state === "accepted" ? `accepted: ${d.value}` : "rejected";
  row.append(pick, accept, reject, state_);
  li.append(head, reason, row);
  return li;
}

function button(label, aria, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.setAttribute("aria-label", aria);
  b.addEventListener("click", onClick);
  return b;
}

function decide(i, verdict, value) {
  const f = state.findings[i];
  const choice = value || options(f)[0] || null;
  if (verdict === "accepted" && choice === null) return;
  state.decisions[i] = { state: verdict, value: verdict === "accepted" ? choice : null };
  const focused = document.activeElement && document.activeElement.classList.contains("finding");
  render();
  if (focused) focusFinding(i);
}

function focusFinding(i) {
  const marks = $("document").querySelectorAll(".finding");
  if (marks.length) marks[(i + marks.length) % marks.length].focus();
}

function onKey(e, i) {
  const key = e.key.toLowerCase();
  if (key === "a" || key === "enter" || key === " ") { e.preventDefault(); decide(i, "accepted"); }
  else if (key === "r" || key === "delete") { e.preventDefault(); decide(i, "rejected"); }
  else if (key === "u") { e.preventDefault(); decide(i, "open"); }
  else if (key === "n" || key === "arrowright") { e.preventDefault(); focusFinding(i + 1); }
  else if (key === "p" || key === "arrowleft") { e.preventDefault(); focusFinding(i - 1); }
  else if (key === "escape") hideTip();
}

function showTip(el, f) {
  const tip = $("tip");
  tip.replaceChildren();
  tip.append(describe(f), document.createElement("br"), f.reason);
  if (f.entry) {
    const src = document.createElement("span");
    src.className = "source";
    src.textContent = `Source: ${f.entry.source}`;
    tip.append(src);
  }
  const box = el.getBoundingClientRect();
  tip.style.left = `${window.scrollX + box.left}px`;
  tip.style.top = `${window.scrollY + box.bottom + 6}px`;
  tip.hidden = false;
}

function hideTip() { $("tip").hidden = true; }

// The accepted replacements, [start, end, replacement] in code points (the server's offsets).
function accepted() {
  return state.findings.flatMap((f, i) => (state.decisions[i].state === "accepted" ? [[f.start, f.end, state.decisions[i].value]] : []));
}

// The accepted replacements made here: what the corrected text is until the server answers.
function spliced() {
  const out = [];
  let at = 0;
  for (const [start, end, value] of accepted()) {
    out.push(state.chars.slice(at, start).join(""), value);
    at = end;
  }
  out.push(state.chars.slice(at).join(""));
  return out.join("");
}

// The corrected text as `normalize fix` writes it, which POST /diff makes (in a Markdown table, a
// longer or shorter name keeps the columns: spliced here, every pipe after it moved).
function corrected() { return state.fixed !== null ? state.fixed : spliced(); }

async function updateOutput() {
  state.fixed = null;
  $("corrected").value = spliced();
  const seq = ++state.diffSeq;
  try {
    const r = await fetch("/diff", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: state.text, fixes: accepted(), format: state.format, path: state.name }),
    });
    const body = await r.json();
    if (seq !== state.diffSeq) return;
    if (r.ok) { state.fixed = body.fixed; $("corrected").value = body.fixed; }
    $("diff").textContent = r.ok ? body.diff : body.error;
  } catch (e) {
    if (seq === state.diffSeq) $("diff").textContent = `The server did not answer: ${e}`;
  }
}

async function copy(text, what) {
  try { await navigator.clipboard.writeText(text); }
  catch (e) {  // no clipboard API: select and copy the old way
    const area = document.createElement("textarea");
    area.value = text; document.body.append(area); area.select();
    document.execCommand("copy"); area.remove();
  }
  setStatus(`${what} copied.`);
}

function download(data, name, type) {  // data: a string (saved as UTF-8) or bytes
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function formatOf(name) {
  const ext = name.toLowerCase().split(".").pop();
  if (["md", "markdown", "mdown", "mkd", "mkdn"].includes(ext)) return "markdown";
  if (["html", "htm", "xhtml"].includes(ext)) return "html";
  return "text";
}

window.addEventListener("DOMContentLoaded", () => {
  $("check").addEventListener("click", check);
  $("source").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); } });
  $("source").addEventListener("input", () => {
    if ($("review").hidden) return;
    const changed = boxText() !== state.text;
    if (changed) setStatus("The text changed: check it again before you copy or download it.");
    outputsOff(changed);
  });
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    if (!file) return;
    let read;
    try { read = decodeFile(new Uint8Array(await file.arrayBuffer())); }
    catch (e) {
      setStatus(`${file.name}: not valid UTF-8 (nor UTF-16 with a byte order mark); convert the file to UTF-8`, true);
      $("file").value = "";
      return;
    }
    ({ text: state.loaded, encoding: state.encoding, bom: state.bom } = read);
    state.newline = lineBreak(state.loaded);
    $("source").value = state.loaded;
    state.name = file.name;
    $("format").value = formatOf(file.name);
    await check();
  });
  $("accept-all").addEventListener("click", () => {
    state.findings.forEach((f, i) => {
      if (f.action === "fix" && state.decisions[i].state === "open") state.decisions[i] = { state: "accepted", value: f.replacement };
    });
    render();
  });
  $("reset").addEventListener("click", () => { state.decisions = state.findings.map(() => ({ state: "open", value: null })); render(); });
  $("copy").addEventListener("click", () => copy(corrected(), "Corrected text"));
  $("copy-diff").addEventListener("click", () => copy($("diff").textContent, "Diff"));
  $("download").addEventListener("click", () => download(savedBytes(), state.name === "text" ? "corrected.txt" : state.name, "text/plain"));
  $("download-diff").addEventListener("click", () => download($("diff").textContent, `${state.name}.diff`, "text/x-diff"));
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideTip(); });
});
