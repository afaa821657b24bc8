// Playwright's actions done from the page's own world (steps/drivers/playwright_ui.py): an element locate.js finds is
// kept here by number, and a click or a fill is prepared here, then done by Playwright's mouse and keyboard (trusted
// input through the browser, as Playwright's own click and fill). No Playwright element handle is made: each one costs
// a document its utility world and Playwright's injected script (≈30–60 ms of Chromium CPU a document on this machine).
//
// The checks before an action are Playwright's (playwright.dev/docs/actionability): the element is attached, visible,
// enabled (editable, to fill), stable for an animation frame, and a click at its point reaches it (not another element
// over it); each is retried on animation frames until the time is up, then the reason is given. fill is Playwright's
// fill: date-like inputs get their value set, the others get their text selected and then typed over as one insert.
(() => {
const doc = window.__doc;
const kept = [];
const page = Math.random().toString(36).slice(2);  // which document a kept number belongs to
const frame = () => new Promise(r => { requestAnimationFrame(() => r()); setTimeout(r, 100); });  // a hidden page paints no frame
const SET_VALUE = new Set(["color", "date", "time", "datetime-local", "month", "range", "week"]);
const TYPE_INTO = new Set(["", "email", "number", "password", "search", "tel", "text", "url"]);
const CHECKABLE = new Set(["checkbox", "radio"]);

function pick(spec, mode) {
  const r = doc.locate(spec);
  if (mode === "gone") return r.visible.some(Boolean) ? null : true;
  const i = r.visible.indexOf(true);
  return i < 0 ? null : {page, n: kept.push(r.els[i]) - 1};
}

async function wait(spec, mode, ms) {  // the first match (or true once gone), else null when the time is up
  const end = performance.now() + ms;
  for (;;) {
    const found = pick(spec, mode);
    if (found !== null || performance.now() >= end) return found;
    await frame();
  }
}

function get(ref) {
  if (!ref || ref.page !== page || !kept[ref.n]) throw new Error("the element was found on a page that has since been replaced");
  const el = kept[ref.n];
  if (!el.isConnected) throw new Error("the element is no longer attached to the page");
  return el;
}

const tag = el => el ? "<" + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + ">" : "nothing";
const rect = el => { const r = [...el.getClientRects()].find(q => q.width > 0.99 && q.height > 0.99); return r && [r.left, r.top, r.width, r.height]; };
const inView = r => r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= innerWidth && r[1] + r[3] <= innerHeight;

function unusable(el, editable) {
  if (!doc.shown(el)) return "not visible";
  if (el.matches(":disabled") || el.getAttribute("aria-disabled") === "true") return "not enabled";
  if (editable && (el.readOnly || el.getAttribute("aria-readonly") === "true")) return "not editable";
  return "";
}

function reaches(el, hit) {  // a click at the point lands on el, inside it, or on a label of it
  return !!hit && (hit === el || el.contains(hit) || [...(el.labels || [])].some(l => l === hit || l.contains(hit)));
}

// {x, y, leaving} once a click at the element's point reaches it; {problem} when the time is up
async function spot(ref, ms) {
  const el = get(ref);
  const end = performance.now() + ms;
  for (;;) {
    let problem = unusable(el, false);
    if (!problem) {
      let r = rect(el);
      if (r && !inView(r)) { el.scrollIntoView({block: "center", inline: "center", behavior: "instant"}); r = rect(el); }
      await frame();
      const again = el.isConnected && rect(el);
      if (!r || !again || again.some((v, i) => Math.abs(v - r[i]) > 0.5)) problem = "not stable";
      else {
        const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2, hit = document.elementFromPoint(x, y);
        if (reaches(el, hit)) return {x, y, leaving: leaving(el)};
        problem = `${tag(hit)} would receive the click`;
      }
    }
    if (performance.now() >= end) return {problem: `${tag(el)} ${problem}`};
    await frame();
  }
}

function leaving(el) {  // will clicking el load a new document?
  const a = el.closest("a[href], area[href]");
  if (a) {
    const href = a.getAttribute("href");
    return !href.startsWith("#") && !href.startsWith("javascript:") && !href.startsWith("mailto:") && !a.target;
  }
  const form = el.form;
  return (el.type === "submit" || (el.tagName === "BUTTON" && !el.getAttribute("type"))) && !!form
    && (form.noValidate || el.formNoValidate || form.checkValidity());
}

// Playwright's fill, up to the typing: "done" (a date-like value set here), "type" (text selected: type over it), or a problem
async function fill(ref, value, ms) {
  const el = get(ref);
  const end = performance.now() + ms;
  let problem = "";
  while ((problem = unusable(el, true)) && performance.now() < end) await frame();
  if (problem) return `${tag(el)} ${problem}`;
  if (el.tagName === "INPUT") {
    const type = el.type.toLowerCase();
    if (!TYPE_INTO.has(type) && !SET_VALUE.has(type)) return `an input of type "${type}" cannot be filled`;
    if (type === "number" && isNaN(Number(value.trim()))) return "cannot type text into input[type=number]";
    if (SET_VALUE.has(type)) {
      el.focus();
      el.value = value.trim();
      if (el.value !== value.trim()) return "malformed value";
      el.dispatchEvent(new Event("input", {bubbles: true, composed: true}));
      el.dispatchEvent(new Event("change", {bubbles: true}));
      return "done";
    }
    el.select();
    el.focus();
    return "type";
  }
  if (el.tagName === "TEXTAREA") { el.selectionStart = 0; el.selectionEnd = el.value.length; el.focus(); return "type"; }
  if (!el.isContentEditable) return `${tag(el)} is not an <input>, <textarea> or [contenteditable] element`;
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  el.focus();
  return "type";
}

function checked(ref) {  // the state of a checkbox or radio button, or null when it has none
  const el = get(ref);
  if (el.tagName === "INPUT" && CHECKABLE.has(el.type)) return el.checked;
  const aria = el.getAttribute("aria-checked");
  return aria === "true" ? true : aria === "false" ? false : null;
}

return {pick, wait, spot, fill, checked, attribute: (ref, name) => get(ref).getAttribute(name),
        tag: ref => get(ref).tagName.toLowerCase()};
})()
