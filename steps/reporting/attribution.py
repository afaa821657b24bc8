"""Which statement a scenario's steps decide: a failing step decides only the statements it checks.

A step *checks* a cited statement when the words it quotes (「…」) are that statement's words, or a part of them; of
several cited statements the step is tied to those its words cover best (「My APLUS ID」 ties to the statement about
the field, not to every sentence that mentions the ID). A step marked (推定) is an inferred check and is tied to nothing. A cited statement no step quotes is the scenario's own claim
(a rule, a flow): the scenario as a whole decides it, except that a failing Given leaves it not reached.

Verdict of one statement in one scenario run:
  no step failed                     PASSED, or WARNING when a step tied to it found the words changed
  the failing step is tied to it     FAILED (an assertion) / REVIEW (the harness broke, or the scenario is @推定)
  only steps before the failure      PASSED (WARNING as above)
  only steps after the failure       NOT_REACHED
  tied to no step                    the scenario's verdict, NOT_REACHED if a Given failed
  a rule or flow, and the failing    FAILED / REVIEW as above, even when an earlier step quoted it: the outcome
  Then/When quotes no words but a    the scenario exists for did not come
  screen's name
"""
from __future__ import annotations

import re
import unicodedata

QUOTED = re.compile(r"「((?:[^「」]|「[^「」]*」)*)」")
NOT_REACHED = "NOT_REACHED"
OUTCOME_MESSAGES = ("error message", "notice")  # what a rule answers with: other words there do not break the rule
INFERRED_STEP = re.compile(r"[(（]推定[)）]\s*$")


def key(text: str) -> str:
    """As a reader compares (the same as steps.evidence.wording.key): NFKC, no white space, lower case."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).lower()


def quoted(step_name: str) -> list[str]:
    return [q for q in (key(m.strip("。")) for m in QUOTED.findall(step_name)) if len(q) >= 2]


def ties(steps: list[dict], statements: dict[str, str]) -> dict[str, list[int]]:
    """statement id -> indexes of the steps tied to it."""
    texts = {sid: key(text) for sid, text in statements.items()}
    tied: dict[str, list[int]] = {sid: [] for sid in statements}
    for index, step in enumerate(steps):
        if INFERRED_STEP.search(step.get("name", "")):
            continue  # an inferred check (「…」が表示される(推定)) decides no documented statement, even one it quotes
        scores: dict[str, float] = {}
        checked = [q for q in (key(c.strip("。")) for c in step.get("checks", [])) if len(q) >= 2]
        for words in [q for q in quoted(step.get("name", "")) if not q.endswith("画面")] + checked:  # a screen's name is where
            # the step is, not words it checks: 「ログイン画面」を開いている checks no sentence that mentions the login screen
            for sid, text in texts.items():
                if words in text or (len(text) >= 2 and text in words):
                    scores[sid] = max(scores.get(sid, 0.0), min(len(words), len(text)) / max(len(words), len(text)))
        if scores:
            best = max(scores.values())
            for sid, score in scores.items():
                if score >= best * 0.8:
                    tied[sid].append(index)
    return tied


def decide(steps: list[dict], findings: list[dict], statements: dict[str, str], failure: str,
           by_outcome: set[str] = frozenset()) -> dict[str, tuple[str, str]]:
    """statement id -> (verdict, reason). ``failure``: the verdict a failing step gives (FAILED or REVIEW);
    ``by_outcome``: the rules and flows, which other words never make a WARNING (the rule is enforced)."""
    failing = next((i for i, s in enumerate(steps) if s.get("status") in ("failed", "broken", "running")), None)
    if failing is not None and INFERRED_STEP.search(steps[failing].get("name", "")):
        failure = "REVIEW"  # an inferred step (the way there, a detail the document does not give) decides nothing
    reworded = {}
    for f in findings:
        if f.get("type") == "wording":
            index = next((i for i, s in enumerate(steps) if s.get("name") == f.get("step")), None)
            if index is not None:
                reworded.setdefault(index, f)
    out: dict[str, tuple[str, str]] = {}
    tied = ties(steps, statements)
    # a failing check that quotes nothing but a screen's name (「…画面」は表示されない, パスワードは登録されず…) is the outcome the
    # scenario exists for: it decides the rules and flows it cites, even those an earlier step quoted (「キャンセル」)
    outcome = (failing is not None and steps[failing].get("type") != "given" and failure != "REVIEW"
               and not [q for q in quoted(steps[failing].get("name", "")) if not q.endswith("画面")])
    for sid, indexes in tied.items():
        if outcome and sid in by_outcome and all(i < failing for i in indexes):
            out[sid] = (failure, steps[failing]["name"])
        elif failing is not None and failing in indexes:
            out[sid] = (failure, steps[failing]["name"])
        elif failing is not None and indexes and all(i > failing for i in indexes):
            out[sid] = (NOT_REACHED, f"not reached: 「{steps[failing]['name']}」 failed first")
        elif failing is not None and not indexes:
            if steps[failing].get("type") == "given":
                out[sid] = (NOT_REACHED, f"not reached: the Given 「{steps[failing]['name']}」 failed")
            else:
                out[sid] = (failure, steps[failing]["name"])
        else:
            # a rule enforced with other words keeps the rule (its outcome is what counts); the rule's own sentence
            # printed on a page (a help page's list of causes) in other words is still a rewording
            changed = [reworded[i] for i in indexes if i in reworded and (failing is None or i < failing)
                       and not (sid in by_outcome and reworded[i].get("what") in OUTCOME_MESSAGES)]
            if changed:
                f = changed[0]
                out[sid] = ("WARNING", f"{f['step']} — the {f['what']} differs: expected 「{f['expected']}」, "
                                       f"shown 「{f['shown']}」 ({f.get('similarity')})")
            else:
                out[sid] = ("PASSED", "")
    return out
