"""Page layouts of both sites (plain semantic HTML, no framework)."""
from __future__ import annotations

import json
import os
import re
from html import escape as _esc, unescape as _unesc

# BLIND_ERRORS_IN_DIALOGS=1 (read once, when the site process starts): error boxes become alert() dialogs.
ERRORS_IN_DIALOGS = os.environ.get("BLIND_ERRORS_IN_DIALOGS", "").strip() == "1"
_ERROR_OPEN = re.compile(r'<(div|ul|p)\b[^>]*\bclass="(?:ap-alert|fc-error)"[^>]*>')

def e(value) -> str:
    return _esc("" if value is None else str(value), quote=True)


AP_CSS = """
body{margin:0;font-family:"Hiragino Kaku Gothic ProN","Noto Sans CJK JP",Meiryo,sans-serif;color:#222;background:#f4f6f8}
.ap-head{background:#fff;border-bottom:3px solid #d4001a;padding:10px 24px;display:flex;justify-content:space-between;align-items:center}
.ap-logo{font-weight:bold;font-size:22px;color:#d4001a;letter-spacing:.05em;text-decoration:none}
.ap-body{max-width:900px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:4px}
.ap-body h1{font-size:22px;border-left:6px solid #d4001a;padding-left:10px}
.ap-alert{border:1px solid #d4001a;background:#fff0f0;color:#b00016;padding:10px 14px;margin:12px 0}
.ap-info{border:1px solid #7aa7d8;background:#eef5fd;padding:10px 14px;margin:12px 0}
.ap-note{font-size:13px;color:#555}
.ap-req{background:#d4001a;color:#fff;font-size:11px;padding:1px 6px;margin-right:6px;border-radius:2px}
.ap-opt{background:#888;color:#fff;font-size:11px;padding:1px 6px;margin-right:6px;border-radius:2px}
.ap-row{margin:14px 0}
.ap-row label{display:block;font-weight:bold;margin-bottom:4px}
.ap-row input[type=text],.ap-row input[type=password],.ap-row input[type=email]{width:320px;padding:8px;font-size:16px}
.ap-actions{display:flex;gap:16px;margin:20px 0}
.ap-actions button{min-width:160px;padding:10px 16px;font-size:16px;cursor:pointer}
button.ap-primary{background:#d4001a;color:#fff;border:0}
button.ap-secondary{background:#fff;color:#333;border:1px solid #999}
.ap-cols{display:flex;gap:24px}.ap-cols>section{flex:1}
.ap-side{background:#f7f7f7;padding:12px 16px;font-size:14px}
.ap-nav{display:flex;flex-wrap:wrap;background:#333}.ap-nav a{color:#fff;padding:10px 14px;text-decoration:none;font-size:14px}
.ap-terms{height:220px;overflow:auto;border:1px solid #ccc;padding:8px 12px;font-size:13px}
.ap-last{text-align:right;font-size:13px;color:#444}
.ap-tiles{display:flex;gap:12px;flex-wrap:wrap}.ap-tiles div{border:1px solid #ddd;padding:12px;flex:1;min-width:180px}
"""

FC_CSS = """
body{margin:0;font-family:"Noto Sans JP","Hiragino Sans",sans-serif;background:#101018;color:#eee}
a{color:#9cc8ff}
.fc-head{padding:14px 20px;background:#000;border-bottom:1px solid #444;display:flex;justify-content:space-between}
.fc-head a{color:#fff;text-decoration:none;font-weight:bold;letter-spacing:.1em}
.fc-main{max-width:760px;margin:0 auto;padding:20px}
.fc-main h1{font-size:20px;border-bottom:1px solid #666;padding-bottom:6px}
.fc-main h2{font-size:17px;margin-top:28px}
.fc-step{display:inline-block;background:#7b5cff;color:#fff;font-size:12px;padding:2px 8px;border-radius:10px;margin-right:8px}
.fc-error{background:#4a1020;border:1px solid #e05570;padding:10px 14px;margin:12px 0}
.fc-caution{background:#3b2f00;border:2px solid #f0c000;padding:10px 14px;margin:14px 0}
.fc-env{background:#1c2a3a;border:1px solid #5580aa;padding:10px 14px;margin:14px 0;font-size:14px}
.fc-envwarn{background:#5a1a00;border:2px solid #ff7a00;padding:10px 14px;margin:12px 0}
.fc-ok{background:#103a20;border:1px solid #4c4;padding:10px 14px;margin:12px 0}
.fc-field{margin:14px 0}.fc-field label{display:block;margin-bottom:4px}
.fc-field input,.fc-field select{width:100%;max-width:360px;padding:9px;font-size:16px}
.fc-btn{background:#7b5cff;color:#fff;border:0;padding:11px 24px;font-size:16px;cursor:pointer;border-radius:4px}
.fc-btn-sub{background:#444;color:#fff;border:0;padding:11px 24px;font-size:16px;border-radius:4px}
.fc-qa dt{font-weight:bold;margin-top:12px}.fc-qa dd{margin:4px 0 0 1em}
.fc-mailbox{background:#1a1a26;border:1px dashed #888;padding:10px 14px;font-size:14px}
.fc-foot{font-size:12px;color:#999;text-align:center;padding:24px}
"""


def _error_text(fragment: str) -> str:
    text = _unesc(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>|</p>|</li>", "\n", fragment)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _alert_script(message: str) -> str:
    js = json.dumps(message, ensure_ascii=False).replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"<script>window.addEventListener('DOMContentLoaded', () => alert({js}))</script>"


def errors_to_dialogs(body: str) -> str:
    """Replace every error box (ap-alert / fc-error; a <ul> gives one message per <li>) with alert() scripts."""
    out, pos = [], 0
    while (m := _ERROR_OPEN.search(body, pos)):
        tag, depth, close = m.group(1), 1, None
        for t in re.finditer(rf"<(/?){tag}\b[^>]*>", body[m.end():]):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                close = (m.end() + t.start(), m.end() + t.end())
                break
        if close is None:  # unbalanced markup: leave the rest untouched
            break
        inner = body[m.end():close[0]]
        parts = re.findall(r"<li\b[^>]*>(.*?)</li>", inner, re.S) if tag == "ul" else [inner]
        out.append(body[pos:m.start()] + "".join(_alert_script(t) for t in map(_error_text, parts) if t))
        pos = close[1]
    out.append(body[pos:])
    return "".join(out)


def ap_page(title: str, body: str, *, logged_in: bool = False) -> str:
    right = ('<form method="post" action="/ap/signout"><button class="ap-secondary" type="submit">ログアウト</button></form>'
             if logged_in else '<a href="/ap/help">ログインにお困りの方はこちら</a>')
    if ERRORS_IN_DIALOGS:
        body = errors_to_dialogs(body)
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title)} | My APLUS</title><style>{AP_CSS}</style></head>
<body><header class="ap-head"><a class="ap-logo" href="/ap/signin">MY APLUS</a><div>{right}</div></header>
<main class="ap-body">{body}</main>
<footer class="ap-note" style="text-align:center;padding:16px">Copyright © APLUS Co., Ltd. (staging)</footer>
</body></html>"""


def fc_page(title: str, body: str, *, env_warning: str = "", user: str | None = None) -> str:
    right = ('<a href="/fc/mypage">マイページ</a> / <a href="/fc/logout">ログアウト</a>' if user
             else '<a href="/fc/signin">ログイン</a>')
    if ERRORS_IN_DIALOGS:
        body = errors_to_dialogs(body)
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(title)} | OFFICIAL FAN CLUB</title><style>{FC_CSS}</style></head>
<body><header class="fc-head"><a href="/fc/">OFFICIAL FAN CLUB</a><nav>{right} / <a href="/fc/support/first-login">ヘルプ</a></nav></header>
<main class="fc-main">{env_warning}{body}</main>
<footer class="fc-foot">Powered by Plus member (staging)</footer>
</body></html>"""
