"""The one place that touches Playwright. Page objects speak to this driver in the words a user sees
(labels, button names, headings, alerts); a WebDriver driver with the same methods can replace it."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


class PlaywrightUI:
    engine = "playwright"

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")

    # actions ---------------------------------------------------------------
    def open(self, path_or_url: str) -> None:
        self.page.goto(path_or_url if "://" in path_or_url else self.base_url + path_or_url)

    def fill(self, label: str, value: str) -> None:
        self.page.get_by_label(label).fill(value)

    def press(self, name: str) -> None:
        """Click the button, or failing that the link, whose accessible name is exactly ``name``."""
        target = self.page.get_by_role("button", name=name, exact=True).or_(self.page.get_by_role("link", name=name, exact=True))
        target.first.click()

    def choose(self, label: str) -> None:
        self.page.get_by_label(label).check()

    def back(self) -> None:
        self.page.go_back()

    # observations (retrying, never sleeping) ---------------------------------
    def expect_heading(self, text: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_have_text(text)

    def expect_text(self, text: str) -> None:
        expect(self.page.get_by_text(text, exact=False).first).to_be_visible()

    def expect_no_text(self, text: str) -> None:
        expect(self.page.get_by_text(text, exact=False)).to_have_count(0)

    def expect_alert(self, text: str) -> None:
        expect(self.page.get_by_role("alert").filter(has_text=text)).to_have_count(1)

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

    # evidence ---------------------------------------------------------------
    def screenshot(self) -> bytes:
        return self.page.screenshot(full_page=True)

    def html(self) -> str:
        return self.page.content()
