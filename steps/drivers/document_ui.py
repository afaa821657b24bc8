"""What the page objects and steps ask of a browser, written once for both drivers.

``DocumentUI`` holds the meaning of every action and observation: find what the document names (locate.js, with
the target's vocabulary), and when it is not there, tell a wording deviation (the same thing with other words:
noted, the scenario goes on, WARNING) from an absence (a product failure naming the nearest thing the page had).
Details the documents do not fix (a button that is a link, an input example that is not a placeholder) are noted as
inferred differences (REVIEW), never failures.

A driver (``PlaywrightUI``, ``WebDriverUI``) supplies only the mechanics, the methods marked *driver* below."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..evidence import judgement
from ..evidence.wording import absent_message, continued, key, near_miss
from ..target.vocabulary import Vocabulary

LOCATE = Path(__file__).with_name("locate.js").read_text(encoding="utf-8")
WHAT = {"field": "field", "button": "button", "link": "link", "heading": "heading", "text": "text",
        "alert": "error message", "status": "notice", "note": "note"}


class DocumentUI:
    engine = "?"
    timeout = 5.0  # seconds an element may take to appear

    def __init__(self, base_url: str, vocabulary: Vocabulary | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.vocabulary = vocabulary or Vocabulary()
        self.urls: dict[str, str] = {}

    # driver --------------------------------------------------------------------------------------------
    def open(self, path_or_url: str) -> None: raise NotImplementedError
    def open_as(self, user_agent: str, path_or_url: str) -> None: raise NotImplementedError
    def set_cookie(self, name: str, value: str) -> None: raise NotImplementedError  # the site's, path /
    def end_visits(self) -> None: raise NotImplementedError
    def back(self) -> None: raise NotImplementedError
    def user_agent(self) -> str: raise NotImplementedError
    def screenshot(self) -> bytes: raise NotImplementedError
    def html(self) -> str: raise NotImplementedError
    def _wait(self, spec: dict, mode: str, timeout: float | None = None) -> Any:
        """mode "shown": the first visible match (an element), or None after the timeout; "gone": True once nothing
        visible matches, or None after the timeout."""
        raise NotImplementedError
    def _locate(self, spec: dict) -> dict: raise NotImplementedError  # one look: {texts, visible, how}
    def _candidates(self, kind: str) -> list[str]: raise NotImplementedError
    def _fill(self, element, value: str) -> None: raise NotImplementedError
    def _click(self, element) -> None: raise NotImplementedError  # and wait for the page it leads to
    def _check(self, element) -> None: raise NotImplementedError
    def _attribute(self, element, name: str) -> str | None: raise NotImplementedError
    def _tag(self, element) -> str: raise NotImplementedError  # "a", "button", "input", ...
    def dialogs(self) -> list[str]: return []  # messages of browser dialogs since the last action (steps/drivers/dialogs.py)
    def _forget_dialogs(self) -> None: pass

    # finding -------------------------------------------------------------------------------------------
    def spec(self, kind: str, word: str, **extra) -> dict:
        return self.vocabulary.spec(kind, word, **extra)

    def find(self, kind: str, word: str, timeout: float | None = None):
        """The element the document names: found, or found with other words (noted), or AssertionError."""
        if self.vocabulary.absent(word):
            raise AssertionError(f"the target's vocabulary says it has no {WHAT.get(kind, kind)} 「{word}」 (absent: true)")
        element = self._wait(self.spec(kind, word), "shown", timeout)
        if element is not None:
            return element
        near = self._near(kind, word)
        if near is not None:
            return self._wait(self.spec(kind, near, how=[]), "shown", 1.0) or self._absent(kind, word)
        return self._absent(kind, word)

    def _near(self, kind: str, word: str) -> str | None:
        """A text on the page that is ``word`` with other words: noted as a deviation, and returned."""
        pool = self._candidates("text" if kind in ("alert", "status", "note") else kind)
        best = near_miss(word, pool)
        if best is None:
            return None
        judgement.wording(WHAT.get(kind, kind), word, best[0], best[1])
        return best[0]

    def _absent(self, kind: str, word: str):
        said = "".join(f"; a browser dialog said 「{m[:120]}」" for m in self.dialogs()[-3:])
        raise AssertionError(absent_message(WHAT.get(kind, kind), word, self._candidates(
            "text" if kind in ("alert", "status", "note") else kind)) + f" (on {self.current_url()}){said}")

    def current_url(self) -> str:
        return ""

    def pass_extra_screen(self) -> bool:
        """On a screen the documents do not have (the vocabulary's ``+next``), press its button and say so."""
        for how in self.vocabulary.passes():
            element = self._wait({"kind": "button", "word": "+next", "how": how}, "shown", 0.3)
            if element is not None:
                judgement.inferred("an extra screen", "the documented next screen", f"a screen passed with {how}")
                self._click(element)
                return True
        return False

    def _expect_shown(self, kind: str, word: str) -> None:
        if self._in_dialog(kind, word):
            return
        if self._wait(self.spec(kind, word), "shown") is None and not self._in_dialog(kind, word) \
                and not self._in_dialog(kind, word, near=True) and self._near(kind, word) is None:
            self._absent(kind, word)

    def _in_dialog(self, kind: str, word: str, near: bool = False) -> bool:
        """A message, notice or text the site showed in a browser dialog since the last action (it is shown: noted);
        with ``near``, one with other words (a wording deviation, as on the page)."""
        wanted = key(word).rstrip("。.")
        if kind not in ("alert", "status", "text") or not wanted:
            return False
        messages = self.dialogs()
        if near:
            best = near_miss(word, [line for m in messages for line in (m, *m.splitlines())])
            if best is None:
                return False
            judgement.wording(WHAT.get(kind, kind), word, best[0], best[1])
            judgement.shown_in_dialog(WHAT.get(kind, kind), word, best[0])
            return True
        for message in messages:
            if wanted in key(message):
                judgement.shown_in_dialog(WHAT.get(kind, kind), word, message)
                return True
        return False

    def _expect_gone(self, kind: str, word: str | None, what: str) -> None:
        spec = self.spec(kind, word or "")
        if self._wait(spec, "gone") is None:
            seen = self._locate(spec)
            raise AssertionError(f"expected no {what}, the page shows {[t[:80] for t in seen['texts']][:3]} "
                                 f"(on {self.current_url()})")

    # actions -------------------------------------------------------------------------------------------
    def fill(self, label: str, value: str) -> None:
        if self.vocabulary.absent(label):  # the target's vocabulary: no such field here (an inferred one)
            judgement.inferred(f"field 「{label}」", "a field", "none on this site (vocabulary: absent)")
            return
        self._fill(self.find("field", label), value)

    def press(self, name: str) -> None:
        """The button, or failing that the link, the document names (a 「ボタン」 may be either). Fields the target's
        vocabulary says this screen asks for beyond the documents are typed first."""
        for extra, how, value in self.vocabulary.extras():
            element = self._wait({"kind": "field", "word": extra, "how": how}, "shown", 0.5)
            if element is not None:
                self._fill(element, value)
        self._forget_dialogs()
        self._click(self.find("button", name))

    def choose(self, label: str) -> None:
        self._check(self.find("field", label))

    # observations --------------------------------------------------------------------------------------
    def expect_heading(self, text: str) -> None:
        self._expect_shown("heading", text)

    def expect_no_heading(self, text: str) -> None:
        self._expect_gone("heading", text, f"heading 「{text}」")

    def expect_text(self, text: str) -> None:
        self._expect_shown("text", text)

    def expect_no_text(self, text: str) -> None:
        self._expect_gone("text", text, f"text 「{text}」")

    def expect_alert(self, text: str) -> None:
        """The documented message is shown (where and in what markup the document does not say). A message that
        holds the documented words but goes on with the sentence is the message with other words (noted)."""
        if self._in_dialog("alert", text):
            return
        self._expect_shown("alert", text)
        shown = [t for t in self._locate(self.spec("alert", text))["texts"] if key(text).rstrip("。.") in key(t)]
        if shown and all(continued(text, t) for t in shown):
            judgement.wording(WHAT.get("alert", "alert"), text, shown[0][:200], 0.9)

    def expect_no_alert(self) -> None:
        """Nothing the page marks as an error (role=alert, an error class; the vocabulary's 「エラー」 for others). A
        browser dialog since the last action may be an error or a question (WebDriver does not say which): REVIEW."""
        self._expect_gone("errors", "エラー", "error message")
        if self.dialogs():
            judgement.inferred("a browser dialog", "no error message", f"a dialog said 「{self.dialogs()[-1][:120]}」")

    def expect_status(self, text: str) -> None:
        self._expect_shown("status", text)

    def expect_button(self, name: str) -> None:
        element = self.find("button", name)
        tag = self._tag(element)
        judgement.check_inferred(tag != "a", f"「{name}」 is a button", "a button", f"a link (<{tag}>)")

    def expect_link(self, name: str) -> None:
        element = self.find("link", name)
        tag = self._tag(element)
        judgement.check_inferred(tag == "a", f"「{name}」 is a link", "a link", f"<{tag}>")

    def expect_no_button(self, name: str) -> None:
        spec = self.spec("button", name, exact=True)  # absence is claimed only of that very name
        if self._wait(spec, "gone") is None:
            raise AssertionError(f"expected no button or link named 「{name}」, the page shows {self._locate(spec)['texts'][:3]}")

    def expect_field(self, label: str, placeholder: str | None = None) -> None:
        """The field is there; its input example (the document shows it in the field) is its placeholder, or at
        least a text on the page (the attribute kind is inferred)."""
        field = self.find("field", label)
        example = placeholder
        if example is None:
            return
        placeholder = self._attribute(field, "placeholder") or ""
        if key(example) in key(placeholder):
            return
        if self._wait(self.spec("text", example), "shown", 0.5) is not None:
            judgement.inferred(f"input example of 「{label}」", f"placeholder 「{example}」", f"placeholder 「{placeholder}」, "
                               "the example as a text beside the field")
            return
        if near_miss(example, [placeholder] + self._candidates("text")):
            judgement.wording("input example", example, placeholder or "?", 0.0)
            return
        raise AssertionError(f"the field 「{label}」 shows no input example 「{example}」: placeholder {placeholder!r}")

    def page_text(self) -> str:
        """The visible text of the page's main content, as one string with a line per block."""
        return (self._locate({"kind": "main", "word": ""})["texts"] or [""])[0]

    def expect_matching(self, pattern: str) -> None:
        def probe() -> tuple[bool, str]:
            text = (self._locate({"kind": "main", "word": ""})["texts"] or [""])[0]
            return re.search(pattern, text) is not None, text
        self._until(probe, f"expected the page to match /{pattern}/")

    def _until(self, probe, what: str) -> None:
        """Retry ``probe`` for the timeout with the driver's own waiting (no sleeps)."""
        raise NotImplementedError

    def alerts(self) -> list[str]:
        """The error messages on the page, then those of browser dialogs since the last action."""
        return [t.strip() for t in self._locate(self.spec("errors", "エラー"))["texts"]] + self.dialogs()

    def link_href(self, name: str) -> str:
        return self._attribute(self.find("link", name), "href") or ""

    def link_href_within(self, sentence: str, name: str) -> str:
        """The href, as written, of the one link named exactly ``name`` inside the text that reads ``sentence``
        (for links that share a name, such as the help page's several 《こちら》)."""
        element = self._wait({"kind": "link_within", "word": sentence, "inner": name, "how": []}, "shown")
        if element is None:
            raise AssertionError(f"no link 「{name}」 in the text 「{sentence}」: " + absent_message("text", sentence, self._candidates("text")))
        return self._attribute(element, "href") or ""

    def expect_fragment(self, fragment: str, text: str) -> None:
        """The element a ``#fragment`` link lands on (its id) exists and contains ``text``."""
        def probe() -> tuple[bool, Any]:
            seen = self._locate({"kind": "id", "word": fragment, "how": []})["texts"]
            return bool(seen) and key(text) in key(seen[0]), seen
        self._until(probe, f"expected the element id={fragment!r} to contain 「{text}」")

    def expect_note(self, name: str, text: str) -> None:
        """A note (role=note, an aside, a section) that reads ``name`` and contains ``text``."""
        def probe() -> tuple[bool, Any]:
            seen = self._locate(self.spec("note", name))
            return any(v and key(text) in key(t) for t, v in zip(seen["texts"], seen["visible"])), seen["texts"][:2]
        self._until(probe, f"expected a note 「{name}」 containing 「{text}」")

    def expect_no_note(self, name: str) -> None:
        self._expect_gone("note", name, f"note 「{name}」")
