// Finds what a document names on a page the site's vendor built: both drivers run this one script (Playwright with
// page.evaluate / wait_for_function, WebDriver with execute_script), so they find the same elements.
//
// locate(spec) -> {els, texts, visible, how}
//   spec.kind   field | button | link | heading | text | alert | status | note | errors | main | id | link_within
//   spec.word   the documented word (「My APLUS ID」, 「同意して進む」, a sentence of the document)
//   spec.how    optional list of overrides from the target's vocabulary, tried in order instead of the default:
//               {label}, {placeholder}, {role, name}, {text}, {test_id}, {css}
//   spec.inner  link_within: the link's exact name inside the text `word`
// candidates(kind) -> the texts a near miss is looked for in (button and link names, field labels, headings, lines)
// shown(el) -> whether el is visible (a box, not visibility:hidden, not inside aria-hidden)
//
// Matching is tolerant in the ways a reader is: Unicode NFKC (full-width （） and half-width () are the same), white
// space ignored, case ignored. By default a field is found by its label, aria-label, placeholder or title, or as the
// first control after a text that names it (a panel headed 「My APLUS ID」 holding a field labelled 「ID」); a 「ボタン」
// may be a button or a link; a heading is any heading level, or the page title.
(() => {
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD"]);
const key = s => (s || "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
const norm = s => (s || "").replace(/\s+/g, " ").trim();
const textOf = el => {
  let s = "";
  for (const n of el.childNodes) {
    if (n.nodeType === 3) s += n.data;
    else if (n.nodeType === 1 && !SKIP.has(n.tagName)) s += (n.tagName === "BR" ? " " : textOf(n));
  }
  return s;
};
const visible = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const shown = el => visible(el) && !el.closest("[aria-hidden=true]");
const all = (selector, root) => [...(root || document).querySelectorAll(selector)];
const byIds = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(textOf).join(" ");
const ROLE = {
  button: "button, input[type=submit], input[type=button], input[type=reset], input[type=image], [role=button]",
  link: "a[href], area[href], [role=link]",
  heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
  alert: "[role=alert]",
  status: "[role=status], output",
  note: "[role=note]",
  textbox: "input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=password], input[type=number], input[type=search], textarea, [role=textbox]",
  checkbox: "input[type=checkbox], [role=checkbox]",
  radio: "input[type=radio], [role=radio]",
};
const CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea, [role=textbox], [role=checkbox], [role=radio], [role=combobox]";
const PRESSABLE = ROLE.button + ", " + ROLE.link;

const labelsOf = c => {
  const out = [];
  if (c.labels) for (const l of c.labels) out.push(textOf(l));
  if (c.hasAttribute("aria-labelledby")) out.push(byIds(c.getAttribute("aria-labelledby")));
  if (c.hasAttribute("aria-label")) out.push(c.getAttribute("aria-label"));
  return out;
};
const accName = el => {
  if (el.hasAttribute("aria-labelledby")) return byIds(el.getAttribute("aria-labelledby"));
  if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label");
  if (el.tagName === "INPUT") return el.value || el.getAttribute("alt") || el.getAttribute("title") || "";
  return norm(textOf(el)) || el.getAttribute("title") || (el.querySelector("img[alt]") || {alt: ""}).alt || "";
};
const has = (text, word) => key(text).includes(key(word));
const same = (text, word) => key(text) === key(word);
const inOrder = els => els.sort((a, b) => a === b ? 0 : (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
const uniq = els => [...new Set(els)];

// the smallest elements whose text contains the words
function texts(word, root) {
  const base = root || document.body;
  const matching = [base, ...base.querySelectorAll("*")]
    .filter(el => !SKIP.has(el.tagName) && !el.closest("script,style,noscript,template") && has(textOf(el), word));
  return matching.filter(el => !matching.some(other => other !== el && el.contains(other)));
}

// the first control after `el` in document order, inside the nearest ancestor (up to 4 levels) that has one
function controlAfter(el) {
  let scope = el;
  for (let depth = 0; depth < 5 && scope && scope !== document.documentElement; depth++, scope = scope.parentElement) {
    const after = all(CONTROLS, scope).filter(c => shown(c) && (el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING || el.contains(c)));
    if (after.length) return after[0];
  }
  return null;
}

function fields(word) {
  const controls = all(CONTROLS);
  const labelled = controls.filter(c => labelsOf(c).some(t => has(t, word)));
  if (labelled.length) return [labelled, "label"];
  const hinted = controls.filter(c => has(c.getAttribute("placeholder"), word) || has(c.getAttribute("title"), word));
  if (hinted.length) return [hinted, "placeholder"];
  const near = uniq(texts(word).filter(shown).map(controlAfter).filter(Boolean));
  return [near, "nearby text"];
}

function pressables(word, prefer, exactOnly) {
  const named = all(PRESSABLE).filter(shown);
  const exact = named.filter(el => same(accName(el), word));
  const pick = els => prefer ? [...els.filter(el => el.matches(ROLE[prefer])), ...els.filter(el => !el.matches(ROLE[prefer]))] : els;
  if (exact.length || exactOnly) return [pick(exact), prefer + " (exact name)"];
  return [pick(named.filter(el => has(accName(el), word))), prefer + " (name contains)"];
}

function headings(word) {
  const found = all(ROLE.heading).filter(el => shown(el) && has(textOf(el), word));
  if (found.length) return [found, "heading"];
  if (has(document.title, word)) return [[document.body], "page title"];
  return [texts(word).filter(el => shown(el) && same(textOf(el), word)), "text"];
}

function note(word) {
  const named = all(ROLE.note + ", aside, [role=complementary], section, dialog").filter(el => shown(el) && has(accName(el) + " " + textOf(el), word));
  return [named.filter(el => !named.some(o => o !== el && el.contains(o))), "note"];
}

function errors() {  // what a site shows as an error: role=alert, or anything its markup calls an error
  return all("[role=alert], [aria-invalid=true] ~ *, .error, .errors, .alert, [class*=error], [class*=Error], [id*=error]")
    .filter(el => shown(el) && key(textOf(el)).length > 0 && !el.matches("input, textarea, select"));
}

function override(how) {
  if (how.test_id !== undefined) return all(`[${how.attribute || "data-testid"}="${CSS.escape(how.test_id)}"]`);
  if (how.css !== undefined) return all(how.css);
  if (how.label !== undefined) return all(CONTROLS).filter(c => labelsOf(c).some(t => has(t, how.label)));
  if (how.placeholder !== undefined) return all(CONTROLS).filter(c => has(c.getAttribute("placeholder"), how.placeholder));
  if (how.role !== undefined) {  // a 「ボタン」 may be a button or a link: role button / link take either
    const selector = how.role === "button" || how.role === "link" ? PRESSABLE : (ROLE[how.role] || `[role=${how.role}]`);
    return all(selector).filter(el => shown(el) && (how.name === undefined || (how.exact ? same(accName(el), how.name) : has(accName(el), how.name))));
  }
  if (how.text !== undefined) return texts(how.text).filter(shown);
  return [];
}

function locate(spec) {
  const {kind, word, inner} = spec;
  let els = [], how = "";
  if (spec.how && spec.how.length) {
    for (const one of spec.how) {
      els = override(one);
      if (kind === "field" && one.text !== undefined) els = uniq(els.map(controlAfter).filter(Boolean));
      how = "vocabulary " + JSON.stringify(one);
      if (els.length) break;
    }
  } else if (kind === "field") [els, how] = fields(word);
  else if (kind === "button") [els, how] = pressables(word, "button", spec.exact);
  else if (kind === "link") [els, how] = pressables(word, "link", spec.exact);
  else if (kind === "heading") [els, how] = headings(word);
  else if (kind === "text" || kind === "alert" || kind === "status") [els, how] = [texts(word), "text"];
  else if (kind === "example") {
    const hinted = all(CONTROLS).filter(c => has(c.getAttribute("placeholder"), word));
    [els, how] = hinted.length ? [hinted, "placeholder"] : [texts(word), "text beside the field"];
  }
  else if (kind === "note") [els, how] = note(word);
  else if (kind === "errors") [els, how] = [errors(), "error region"];
  else if (kind === "main") [els, how] = [[document.querySelector("main") || document.body], "main"];
  else if (kind === "id") [els, how] = [[document.getElementById(word)].filter(Boolean), "id"];
  else if (kind === "link_within") [els, how] = [texts(word).flatMap(el => all(ROLE.link, el)).filter(el => shown(el) && same(accName(el), inner)), "link in text"];
  els = inOrder(uniq(els));
  return {els, how, visible: els.map(shown),
          texts: els.map(el => kind === "main" ? norm(el.innerText || textOf(el)) : norm(kind === "field" ? (labelsOf(el)[0] || el.getAttribute("placeholder") || el.name || "") : (el.innerText !== undefined && kind !== "text" ? el.innerText : textOf(el))))};
}

function candidates(kind) {
  if (kind === "field") return all(CONTROLS).filter(shown).map(c => norm(labelsOf(c).join(" ") || c.getAttribute("placeholder") || c.getAttribute("title") || c.name || ""));
  if (kind === "button" || kind === "link") return all(PRESSABLE).filter(shown).map(el => norm(accName(el)));
  if (kind === "heading") return [...all(ROLE.heading).filter(shown).map(el => norm(textOf(el))), norm(document.title)];
  const lines = (document.body.innerText || "").split(/\n+/).map(norm).filter(Boolean);
  const sentences = lines.flatMap(l => l.split(/(?<=[。!?！？])/).map(norm)).filter(Boolean);
  return [...new Set([...lines, ...sentences])];
}

return {locate, candidates, shown};
})()
