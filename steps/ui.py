"""The one place that touches Playwright. Page objects speak to this driver in the words a user sees
(labels, button names, headings, alerts); a WebDriver driver with the same methods can replace it."""
from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect

from .wording import check_wording

# What a context opened by open_as is given (the same as the ``ui`` fixture's own context).
CONTEXT = {"locale": "ja-JP", "timezone_id": "Asia/Tokyo", "viewport": {"width": 1000, "height": 900}}
TIMEOUT_MS = 5000


class PlaywrightUI:
    engine = "playwright"

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self._visits: list[BrowserContext] = []  # contexts opened by open_as

    # actions ---------------------------------------------------------------
    def open(self, path_or_url: str) -> None:
        self.page.goto(path_or_url if "://" in path_or_url else self.base_url + path_or_url)

    def open_as(self, user_agent: str, path_or_url: str) -> None:
        """Visit as another browser: a fresh context (no cookies) whose every request and ``navigator.userAgent``
        carry ``user_agent``; the rest of the scenario uses that page. ``end_visits`` closes it."""
        context = self.page.context.browser.new_context(user_agent=user_agent, **CONTEXT)
        context.set_default_timeout(TIMEOUT_MS)
        self._visits.append(context)
        self.page = context.new_page()
        self.open(path_or_url)

    def end_visits(self) -> None:
        for context in self._visits:
            context.close()
        self._visits.clear()

    def fill(self, label: str, value: str) -> None:
        self.page.get_by_label(label).fill(value)

    def press(self, name: str) -> None:
        """Click the button, or failing that the link, whose accessible name is exactly ``name``."""
        target = self.page.get_by_role("button", name=name, exact=True).or_(self.page.get_by_role("link", name=name, exact=True))
        target.first.click()

    def choose(self, label: str) -> None:
        self.page.get_by_label(label).check()

    def back(self) -> None:
        # the previous step may have started a navigation (a form post): let it land, or Chromium under load answers
        # "Page.getNavigationHistory: Not attached to an active page"
        self.page.wait_for_load_state()
        self.page.go_back()

    # observations (retrying, never sleeping) ---------------------------------
    def expect_heading(self, text: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_have_text(text)

    def expect_text(self, text: str) -> None:
        expect(self.page.get_by_text(text, exact=False).first).to_be_visible()

    def expect_no_text(self, text: str) -> None:
        expect(self.page.get_by_text(text, exact=False)).to_have_count(0)

    def expect_alert(self, text: str) -> None:
        try:
            expect(self.page.get_by_role("alert").filter(has_text=text)).to_have_count(1)
        except AssertionError:
            check_wording(text, self.alerts(), "error message")  # a near miss is a wording deviation
            raise

    def expect_no_alert(self) -> None:
        expect(self.page.get_by_role("alert")).to_have_count(0)

    def expect_status(self, text: str) -> None:
        expect(self.page.get_by_role("status").filter(has_text=text).first).to_be_visible()

    def expect_button(self, name: str) -> None:
        expect(self.page.get_by_role("button", name=name, exact=True)).to_be_visible()

    def expect_link(self, name: str) -> None:
        expect(self.page.get_by_role("link", name=name, exact=True)).to_be_visible()

    def expect_no_button(self, name: str) -> None:
        expect(self.page.get_by_role("button", name=name, exact=True)).to_have_count(0)

    def expect_field(self, label: str, placeholder: str | None = None) -> None:
        field = self.page.get_by_label(label)
        expect(field).to_be_visible()
        if placeholder is not None:
            expect(field).to_have_attribute("placeholder", placeholder)

    def expect_matching(self, pattern: str) -> None:
        expect(self.page.locator("main")).to_contain_text(re.compile(pattern))

    def alerts(self) -> list[str]:
        return [t.strip() for t in self.page.get_by_role("alert").all_inner_texts()]

    def link_href(self, name: str) -> str:
        return self.page.get_by_role("link", name=name, exact=True).get_attribute("href") or ""

    def link_href_within(self, sentence: str, name: str) -> str:
        """The href, as written, of the one link named exactly ``name`` inside the text that reads ``sentence``
        (for links that share a name, such as the help page's several 《こちら》)."""
        return self.page.get_by_text(sentence).get_by_role("link", name=name, exact=True).get_attribute("href") or ""

    def expect_fragment(self, fragment: str, text: str) -> None:
        """The element a ``#fragment`` link lands on (its id) exists and contains ``text``."""
        expect(self.page.locator(f"[id='{fragment}']")).to_contain_text(text)

    def expect_note(self, name: str, text: str) -> None:
        """One role=note named exactly ``name`` is visible and contains ``text``."""
        note = self.page.get_by_role("note", name=name, exact=True)
        expect(note).to_be_visible()
        expect(note).to_contain_text(text)

    def expect_no_note(self, name: str) -> None:
        expect(self.page.get_by_role("note", name=name, exact=True)).to_have_count(0)

    def user_agent(self) -> str:
        return self.page.evaluate("navigator.userAgent")

    # evidence ---------------------------------------------------------------
    def screenshot(self) -> bytes:
        return self.page.screenshot(full_page=True)

    def html(self) -> str:
        return self.page.content()
