"""How a WebDriver browser forgets a scenario without loading a page (the shared session between scenarios, a
kept User-Agent session between visits)."""
from __future__ import annotations

TRIES = 50


def forget_site(driver, tries: int = TRIES) -> None:
    """Delete the cookies of the site the page is on and clear its storage, and return once the cookie store is empty:
    WebKitGTK deletes cookies asynchronously, and a deletion that lands after the next scenario's first response
    would drop that response's session cookie (the next form post then fails its CSRF check). Reading the cookies
    back is the barrier (each read a WebDriver round trip); no page is loaded."""
    driver.delete_all_cookies()
    driver.execute_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
    for _ in range(tries):
        if not driver.get_cookies():
            return
        driver.delete_all_cookies()
    raise AssertionError(f"the browser kept its cookies after {tries} deletions: {driver.get_cookies()}")
