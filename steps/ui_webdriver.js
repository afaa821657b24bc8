// Finds elements by the words a user sees, the way Playwright's get_by_label / get_by_role / get_by_text do.
// Called by WebDriverUI as execute_script(source, kind, name, exact[, inner]); returns {els, texts, visible} in
// document order. "link_within": links named exactly `inner` inside the smallest elements whose text has `name`.
const [kind, name, exact, inner] = arguments;
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
const norm = s => (s || "").replace(/\s+/g, " ").trim();
const textOf = el => {
  let s = "";
  for (const n of el.childNodes) {
    if (n.nodeType === 3) s += n.data;
    else if (n.nodeType === 1 && !SKIP.has(n.tagName)) s += textOf(n);
  }
  return s;
};
const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const inTree = el => visible(el) && !el.closest("[aria-hidden=true]");  // roles only count what a screen reader sees
const wanted = name == null ? "" : norm(name);
const same = text => exact ? norm(text) === wanted : norm(text).toLowerCase().includes(wanted.toLowerCase());
const byIds = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(textOf).join(" ");
const accName = el => {
  if (el.hasAttribute("aria-labelledby")) return byIds(el.getAttribute("aria-labelledby"));
  if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label");
  if (el.tagName === "INPUT") return el.value || el.getAttribute("alt") || el.getAttribute("title") || "";
  return norm(textOf(el)) || el.getAttribute("title") || "";
};
const all = selector => [...document.querySelectorAll(selector)];
const roles = {
  button: "button, input[type=submit], input[type=button], input[type=reset], input[type=image], [role=button]",
  link: "a[href], area[href], [role=link]",
  alert: "[role=alert]",
  status: "[role=status], output",
  heading1: "h1, [role=heading][aria-level='1']",
  note: "[role=note]",
};
const CONTROLS = "input:not([type=hidden]), select, textarea, [role=textbox], [role=checkbox], [role=radio], [role=combobox]";

function labelled() {  // get_by_label: <label> (for= or wrapping), aria-labelledby, aria-label
  const found = new Set();
  for (const label of all("label")) if (label.control && same(textOf(label))) found.add(label.control);
  for (const c of all(CONTROLS)) {
    if (c.hasAttribute("aria-labelledby") && same(byIds(c.getAttribute("aria-labelledby")))) found.add(c);
    if (c.hasAttribute("aria-label") && same(c.getAttribute("aria-label"))) found.add(c);
  }
  return [...found];
}

function texts() {  // get_by_text: the smallest elements whose text contains the words
  const matching = [document.body, ...document.body.querySelectorAll("*")]
    .filter(el => !SKIP.has(el.tagName) && !el.closest("script,style,noscript,template") && same(textOf(el)));
  return matching.filter(el => !matching.some(other => other !== el && el.contains(other)));
}

let els;
if (kind === "field") els = labelled();
else if (kind === "text") els = texts();
else if (kind === "main") els = all("main");
else if (kind === "press") els = all(roles.button + ", " + roles.link).filter(el => inTree(el) && same(accName(el)));
else if (kind === "link_within") els = texts().flatMap(el => [...el.querySelectorAll(roles.link)])
  .filter(el => inTree(el) && norm(accName(el)) === norm(inner));
else if (kind === "id") els = [document.getElementById(name)].filter(Boolean);
else if (kind === "button" || kind === "link" || kind === "note") els = all(roles[kind]).filter(el => inTree(el) && same(accName(el)));
else els = all(roles[kind]).filter(el => inTree(el) && (name == null || same(textOf(el))));  // has_text filter
els.sort((a, b) => a === b ? 0 : (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
return {els, texts: els.map(el => kind === "main" ? textOf(el)
                 : norm(kind === "alert" || kind === "status" || kind === "note" ? el.innerText : textOf(el))),
        visible: els.map(visible)};
