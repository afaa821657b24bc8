"""Which statement a scenario's steps decide: a failing step decides only the statements it checks.

A step *checks* a cited statement when the words it quotes (「…」) are that statement's words, or a part of them; of
several cited statements the step is tied to those its words cover best (「My APLUS ID」 ties to the statement about
the field, not to every sentence that mentions the ID). A cited statement no step quotes is the scenario's own claim
(a rule, a flow): the scenario as a whole decides it, except that a failing Given leaves it not reached.

Verdict of one statement in one scenario run:
  no step failed                     PASSED, or WARNING when a step tied to it found the words changed
  the failing step is tied to it     FAILED (an assertion) / REVIEW (the harness broke, or the scenario is @推定)
  only steps before the failure      PASSED (WARNING as above)
  only steps after the failure       NOT_REACHED
  tied to no step                    the scenario's verdict, NOT_REACHED if a Given failed
"""
from __future__ import annotations

import re
import unicodedata

QUOTED = re.compile(r"「((?:[^「」]|「[^「」]*」)*)」")
NOT_REACHED = "NOT_REACHED"


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
        scores: dict[str, float] = {}
        for words in quoted(step.get("name", "")):
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
    reworded = {}
    for f in findings:
        if f.get("type") == "wording":
            index = next((i for i, s in enumerate(steps) if s.get("name") == f.get("step")), None)
            if index is not None:
                reworded.setdefault(index, f)
    out: dict[str, tuple[str, str]] = {}
    for sid, indexes in ties(steps, statements).items():
        if failing is not None and failing in indexes:
            out[sid] = (failure, steps[failing]["name"])
        elif failing is not None and indexes and all(i > failing for i in indexes):
            out[sid] = (NOT_REACHED, f"not reached: 「{steps[failing]['name']}」 failed first")
        elif failing is not None and not indexes:
            if steps[failing].get("type") == "given":
                out[sid] = (NOT_REACHED, f"not reached: the Given 「{steps[failing]['name']}」 failed")
            else:
                out[sid] = (failure, steps[failing]["name"])
        else:
            changed = [reworded[i] for i in indexes if i in reworded and (failing is None or i < failing)
                       and sid not in by_outcome]
            if changed:
                f = changed[0]
                out[sid] = ("WARNING", f"{f['step']} — the {f['what']} differs: expected 「{f['expected']}」, "
                                       f"shown 「{f['shown']}」 ({f.get('similarity')})")
            else:
                out[sid] = ("PASSED", "")
    return out
