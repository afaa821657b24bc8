"""よくある質問: the STEP2 answer of the help page and the titles of the other first-login questions."""
from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from ....context import SiteContext
from .. import flow
from ..inquiry import links

QUESTIONS = (
    "「初回ログイン」とはなんですか?",
    "「初回ログイン」の注意点を教えてください。",
    "「Plus member ID」について教えてください。",
    "「初回ログイン」は必ずやらないといけませんか?",
    "初回ログインに必要な会員番号を忘れてしまいました。",
    "初回ログイン時のパスワードがわかりません。",
    "【STEP3】で入力するメールアドレスはなんでもいいですか?",
    "【STEP3】のメールアドレス認証後、「会員登録URLのお知らせメール」が届きません。",
    "【STEP4】で「取得済IDのお知らせ」というメールが届きました。どうすればよいですか?",
    "【STEP5】でパスワード入力を求められました。(すでにPlus member IDをお持ちの方)",
    "家族のPlus member ID・メールアドレスで初回ログインはできますか?",
    "【STEP7】初回ログインが完了しているか、自分で確認できますか?",
    "初回ログインは完了したはずですが、ログインができません。",
    "初回ログインは完了したはずですが、ログインページ内のメッセージが消えません。",
    "リニューアル後、初回ログインをしたら会員番号が変わってしまいました。",
    "初回ログインではなく新規登録をしてしまったか、確認してほしいです。",
    "初回ログインをしたはずですが、入会日が引き継がれていません。",
    "初回ログインと誤って新規登録をしてしまいました。会費は返金してもらえますか?",
    "初回ログインをせずに退会はできますか?",
)

# (推定) the anchor 「※《こちら》もご一読ください。」 (under ●パスワード) leads to: the question about that password
PASSWORD_QUESTION = f"q{QUESTIONS.index('初回ログイン時のパスワードがわかりません。') + 1}"


def routes(ctx: SiteContext) -> list[Route]:
    async def faq(request: Request):
        return flow.render(ctx, request, "faq.html", questions=QUESTIONS, inquiry_links=links(),
                           password_question=PASSWORD_QUESTION)

    return [Route("/faq", faq, methods=["GET"])]
