"""Messages a site shows in the browser's own dialogs (``alert()``, ``confirm()``), in both drivers.

The documents say a message 「…と表示される」 without saying where: a site we did not write may show 「認証コードが一致しません」
in an ``alert()`` instead of on the page, and a person reads it there. Without this, Playwright dismisses such a dialog
unseen and WebDriver answers the next command with an error, so the harness would call a conforming site FAILED.

Every dialog is answered as a person going on with the procedure would (alert and confirm: OK; a prompt: cancelled,
there is nothing the document asks to type into one) and its message kept on the page's or session's list. The checks
of a message (``DocumentUI.expect_alert`` / ``expect_text`` / ``expect_status``, ``alerts``, ``expect_no_alert``) read
the messages shown since the last action (``open`` or ``press``) beside the page itself; a check met by a dialog says
so in the report (「ダイアログで表示」).

* Playwright: a ``dialog`` listener on the page, registered once per page (a kept tab serves many scenarios).
* WebDriver: the session is asked for ``unhandledPromptBehavior: "accept and notify"`` (W3C WebDriver §14.3): the
  browser accepts the dialog and the next command fails with its text (UnexpectedAlertPresentException); ``watch``
  keeps the text and sends the command again.
"""
from __future__ import annotations

from typing import Any

PROMPT_BEHAVIOR = "accept and notify"
SEEN = "_harness_dialogs"  # on a Playwright Page or a Selenium driver: the messages shown since the last action


def shown(owner: Any) -> list[str]:
    """The messages ``owner`` (a Page or a driver) showed in dialogs since the last ``clear``."""
    return getattr(owner, SEEN, None) or []


def clear(owner: Any) -> None:
    if hasattr(owner, SEEN):
        getattr(owner, SEEN).clear()


def listen(page: Any) -> None:
    """Answer and keep every dialog of a Playwright ``page`` (once per page)."""
    if hasattr(page, SEEN):
        return
    setattr(page, SEEN, [])

    def answer(dialog) -> None:
        getattr(page, SEEN).append(dialog.message)
        try:
            dialog.dismiss() if dialog.type == "prompt" else dialog.accept()
        except Exception:  # noqa: BLE001 - the page went away while the dialog was open
            pass
    page.on("dialog", answer)


def watch(driver: Any) -> Any:
    """Keep the text of every dialog a Selenium ``driver`` reports (its session asked for PROMPT_BEHAVIOR) and send
    the command it interrupted again; returns the driver."""
    from selenium.common.exceptions import UnexpectedAlertPresentException
    setattr(driver, SEEN, [])
    execute = driver.execute

    def execute_past_dialogs(command: str, params: dict | None = None) -> Any:
        for _ in range(5):  # a page may show several dialogs in a row
            try:
                return execute(command, params)
            except UnexpectedAlertPresentException as shown_one:
                getattr(driver, SEEN).append(shown_one.alert_text or "")
        return execute(command, params)

    driver.execute = execute_past_dialogs
    return driver
