"""A failing step decides only the statements it checks; the others are passed, not reached, or the scenario's own."""
from steps.reporting.attribution import NOT_REACHED, decide, ties

STATEMENTS = {
    "R1": "※ID・パスワードは半角英数字記号で入力してください。",
    "E1": "「入力されたIDとパスワードではログインできません」と表示される場合",
    "F1": "My APLUS ID欄",
    "S1": "ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。",
    "RULE": "一定回数パスワードの入力が失敗された場合ロックされます。",
}


def steps(*pairs):
    return [{"name": name, "type": kind, "status": status} for name, kind, status in pairs]


def test_a_step_is_tied_to_the_statement_its_words_cover_best():
    tied = ties(steps(("ならば 入力欄「My APLUS ID」がある", "then", "passed")), STATEMENTS)
    assert tied["F1"] == [0] and tied["S1"] == []  # not every sentence that mentions the ID


def test_a_failing_then_decides_its_own_statement_only():
    run = steps(("前提 「ログイン画面」を開いている", "given", "passed"),
                ("ならば 画面に「※ID・パスワードは半角英数字記号で入力してください。」と表示される", "then", "passed"),
                ("かつ 入力欄「My APLUS ID」がある", "then", "failed"),
                ("かつ 画面に「ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。」と表示される",
                 "then", "running"))
    verdicts = {k: v for k, (v, _why) in decide(run, [], STATEMENTS, "FAILED").items()}
    assert verdicts["R1"] == "PASSED" and verdicts["F1"] == "FAILED" and verdicts["S1"] == NOT_REACHED
    assert verdicts["RULE"] == "FAILED"  # tied to no step: the scenario's own claim, and a Then failed


def test_a_failing_given_leaves_the_scenario_claims_not_reached():
    run = steps(("前提 会員が「パスワード入力画面」まで進んでいる", "given", "failed"))
    assert decide(run, [], {"RULE": STATEMENTS["RULE"]}, "FAILED")["RULE"][0] == NOT_REACHED


def test_other_words_warn_on_the_message_and_pass_the_rule():
    run = steps(("ならば エラー「入力されたIDとパスワードではログインできません」が表示される", "then", "passed"))
    finding = {"type": "wording", "step": run[0]["name"], "what": "error message", "similarity": 0.9,
               "expected": "入力されたIDとパスワードではログインできません", "shown": "入力されたIDまたはパスワードではログインできません"}
    verdicts = decide(run, [finding], {"E1": STATEMENTS["E1"], "RULE": STATEMENTS["RULE"]}, "FAILED", by_outcome={"RULE"})
    assert verdicts["E1"][0] == "WARNING" and "または" in verdicts["E1"][1]
    assert verdicts["RULE"][0] == "PASSED"


def test_the_record_lists_steps_that_never_ran_so_their_statements_are_not_reached():
    from types import SimpleNamespace as NS

    from steps.evidence import judgement
    lines = [NS(keyword="前提", name="「ログイン画面」を開いている", type="given"),
             NS(keyword="ならば", name="入力欄「My APLUS ID」がある", type="then"),
             NS(keyword="かつ", name="画面に「ログイン後、新しいMy APLUS ID(メールアドレス)およびパスワードを設定させていただきます。」と表示される",
                type="then")]
    scenario = NS(steps=lines)
    judgement.pytest_bdd_before_scenario(None, None, scenario)
    try:
        for line, fails in ((lines[0], False), (lines[1], True)):
            judgement.pytest_bdd_before_step(None, None, scenario, line, None)
            if fails:
                judgement.pytest_bdd_step_error(None, None, scenario, line, None, {}, AssertionError("absent"))
            else:
                judgement.pytest_bdd_after_step(None, None, scenario, line, None, {})
        rec = judgement.record()
        assert [s["status"] for s in rec.steps] == ["passed", "failed", "not run"]
        verdicts = {k: v for k, (v, _why) in decide(rec.steps, [], STATEMENTS, "FAILED").items()}
        assert verdicts["F1"] == "FAILED" and verdicts["S1"] == NOT_REACHED
    finally:
        judgement._RECORD[0] = judgement.Record()


def test_an_inferred_check_quoting_a_rule_does_not_take_the_rule_from_the_outcome():
    rule = {"R5": "アルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。"}
    run = steps(("もし パスワード「abcdefgh1」と確認用「abcdefgh1」を入力して「登録する」を押す", "when", "passed"),
                ("ならば パスワードは登録されず、パスワード入力画面のままである", "then", "failed"),
                ("かつ エラー「パスワードはアルファベット(大文字または小文字)、数字、記号の3種類すべてを組み合わせてください。」が表示される(推定)",
                 "then", "not run"))
    assert decide(run, [], rule, "FAILED", by_outcome={"R5"})["R5"][0] == "FAILED"


def test_an_unquoted_outcome_check_decides_the_rule_an_earlier_step_quoted():
    rule = {"R1": "(「キャンセル」を押すとログイン画面(①)から再度お手続きが必要です。)"}
    run = steps(("前提 会員が「会員規約画面」まで進んでいる", "given", "passed"),
                ("もし 「キャンセル」を押す", "when", "passed"),
                ("かつ 「会員規約画面」のURLを直接開く", "when", "passed"),
                ("ならば 「会員規約画面」は表示されない", "then", "failed"))
    assert decide(run, [], rule, "FAILED", by_outcome={"R1"})["R1"][0] == "FAILED"
    assert decide(run, [], rule, "FAILED")["R1"][0] == "PASSED"  # not a rule: the button is there, it was pressed


def test_a_screen_name_is_where_a_step_is_not_words_it_checks():
    cause = {"C2": "既にMy APLUS IDに移行されている可能性がございますので、ログイン画面内の「パスワードを忘れた方はこちら」から…"}
    run = steps(("かつ 「ログイン画面」を開いている", "given", "passed"),
                ("もし 旧IDと旧パスワードでログインする", "when", "passed"),
                ("ならば エラー「入力されたIDとパスワードではログインできません」が表示される", "then", "failed"))
    assert decide(run, [], cause, "FAILED")["C2"][0] == "FAILED"


def test_a_failing_inferred_step_on_the_way_decides_nothing():
    """A documented outcome reached through an undocumented way (the reissue's mailed URL): when the inferred step
    fails, nothing is FAILED; the statements it kept from being checked are for review."""
    run = steps(("もし My APLUS IDのパスワードを上限回数まで誤る", "when", "passed"),
                ("かつ 再発行の手順でパスワードを再設定する(推定)", "when", "failed"),
                ("ならば 「トップ画面」が表示される", "then", "running"))
    verdicts = decide(run, [], {"RULE": STATEMENTS["RULE"]}, "FAILED", {"RULE"})
    assert verdicts["RULE"][0] == "REVIEW" and "(推定)" in verdicts["RULE"][1]
    run[1]["status"], run[2]["status"] = "passed", "failed"  # the way works and the outcome does not: the rule FAILED
    assert decide(run, [], {"RULE": STATEMENTS["RULE"]}, "FAILED", {"RULE"})["RULE"][0] == "FAILED"


def test_a_screen_check_is_tied_to_the_sentence_that_tells_the_screen_apart():
    """「…画面」が表示される quotes only a screen's name, but it checks the screen's documented sentence: when that
    sentence is gone, the statement is FAILED there, not 'not reached' behind it."""
    run = steps(("ならば 「ログイン画面」が表示される", "then", "failed"),
                ("かつ 画面に「※ID・パスワードは半角英数字記号で入力してください。」と表示される", "then", "running"))
    assert decide(run, [], {"R1": STATEMENTS["R1"]}, "FAILED")["R1"][0] == NOT_REACHED
    run[0]["checks"] = ["※ID・パスワードは半角英数字記号で入力してください。"]
    assert decide(run, [], {"R1": STATEMENTS["R1"]}, "FAILED")["R1"][0] == "FAILED"


def test_a_rule_printed_in_other_words_is_a_rewording_but_enforced_in_other_words_is_not():
    run = steps(("ならば 画面に「一定回数パスワードの入力が失敗された場合ロックされます。」と表示される", "then", "passed"))
    finding = {"type": "wording", "step": run[0]["name"], "what": "text", "expected": "x", "shown": "y", "similarity": 0.8}
    assert decide(run, [finding], {"RULE": STATEMENTS["RULE"]}, "FAILED", {"RULE"})["RULE"][0] == "WARNING"
    finding["what"] = "error message"  # the rule's answer in other words: the rule holds
    assert decide(run, [finding], {"RULE": STATEMENTS["RULE"]}, "FAILED", {"RULE"})["RULE"][0] == "PASSED"
