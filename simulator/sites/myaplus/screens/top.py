"""⑪ トップ画面 with 前回ログイン日時 and the menu."""
from __future__ import annotations

from datetime import datetime

from starlette.requests import Request
from starlette.routing import Route

from ....context import SiteContext
from ....web import redirect
from .. import flow
from ..accounts import Accounts

MENU = ("トップページ", "利用明細・利用可能額照会", "お支払い方法変更", "お借入れ(キャッシング)",
        "ポイント照会・交換", "キャンペーン", "各種変更・申請手続き", "お客さまサポート")


def format_login_time(iso: str | None) -> str:
    if not iso:
        return "-"
    t = datetime.fromisoformat(iso)
    return f"{t.year}年{t.month:02d}月{t.day:02d}日 {t.hour:02d}:{t.minute:02d}"


def routes(ctx: SiteContext, accounts: Accounts) -> list[Route]:
    async def top(request: Request):
        account = accounts.get(request.session.get("myaplus_user") or 0)
        if account is None:
            return redirect(flow.LOGIN)
        return flow.render(ctx, request, "top.html", menu=MENU, account=account,
                           previous_login=format_login_time(account["previous_login_at"]))

    return [Route("/top", top, methods=["GET"])]
