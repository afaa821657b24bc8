"""The living documents: per site, the catalogue in document order, each statement beside the scenarios that
check it and their latest result. Markdown for people reading the repository (reports/living/<site>.md) and the
same page as HTML, which the Allure report's spec links point at (copied into allure-report/living/)."""
from __future__ import annotations

import html
import shutil
from datetime import datetime
from pathlib import Path

from ..paths import REPORTS
from .catalogue import ROOT, SITES, load
from .coverage import coverage
from .results import by_scenario, read, verdict

LIVING_DIR = REPORTS / "living"
LABEL = {"passed": "● 合格", "failed": "× 不合格", "not run": "○ 未実行", "skipped": "- スキップ"}


def _rows(site: str):
    cov = coverage(site)
    results = by_scenario(read())
    catalogue = load(site)
    for section_id, title in catalogue.sections:
        items = []
        for s in (s for s in catalogue.statements if s.section == section_id):
            scenarios = []
            for ref in cov.by_id[s.id]:
                rs = results.get(f"{ref.path.removeprefix('features/')}:{ref.name}", [])
                # an Examples block tagged with the ID: only its rows count
                rows = [b for b, ids in ref.example_ids.items() if s.id in ids and s.id not in ref.ids]
                scenarios.append((ref, rows, verdict(rs)))
            overall = ("—" if not s.testable else
                       verdict([]) if not scenarios else
                       "failed" if any(v == "failed" for *_, v in scenarios) else
                       "passed" if all(v == "passed" for *_, v in scenarios) else "not run")
            items.append((s, scenarios, overall))
        yield section_id, title, items


def markdown(site: str) -> str:
    catalogue = load(site)
    out = [f"# {catalogue.title} — 生きた仕様書 ({catalogue.name})", "",
           f"出典: `{catalogue.document}` ・ カタログ: `fixtures/spec/{site}.yaml` ・ 生成: {datetime.now():%Y-%m-%d %H:%M}",
           "", "各文の判定は、その文を引用するシナリオの最新の結果です。", ""]
    for section_id, title, items in _rows(site):
        out += [f"## {section_id} {title}", "", "| ID | 種別 | 文書の文言 | 判定 | シナリオ (最新の結果) |", "|---|---|---|---|---|"]
        for s, scenarios, overall in items:
            text = s.text.replace("|", "\\|")
            if not s.testable:
                cell, judged = f"検証対象外: {s.reason}", "—"
            else:
                cell = "<br>".join(
                    f"{LABEL[v]} [{ref.name}](../../{ref.path}#L{ref.line})" + (f" ({'・'.join(rows)})" if rows else "")
                    for ref, rows, v in scenarios) or "**シナリオなし**"
                judged = LABEL.get(overall, overall)
            out.append(f'| <a id="{s.id}"></a>`{s.id}` | {s.kind} | {text} (L{s.lines[0]}) | {judged} | {cell} |')
        out.append("")
    return "\n".join(out)


def html_page(site: str) -> str:
    catalogue = load(site)
    e = html.escape
    parts = [f"<!doctype html><html lang='ja'><meta charset='utf-8'><title>{e(catalogue.title)} — 生きた仕様書</title>",
             "<style>body{font-family:'Noto Sans CJK JP',sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;"
             "width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}:target{background:#fff3b0}"
             ".failed{color:#b00}.passed{color:#070}code{font-size:90%}</style>",
             f"<h1>{e(catalogue.title)} — 生きた仕様書</h1><p>出典: <code>{e(catalogue.document)}</code> ・ "
             f"生成: {datetime.now():%Y-%m-%d %H:%M}</p>"]
    for section_id, title, items in _rows(site):
        parts.append(f"<h2>{e(section_id)} {e(title)}</h2><table><tr><th>ID</th><th>種別</th><th>文書の文言</th>"
                     "<th>判定</th><th>シナリオ (最新の結果)</th></tr>")
        for s, scenarios, overall in items:
            if not s.testable:
                cell, judged = f"検証対象外: {e(s.reason)}", "—"
            else:
                cell = "<br>".join(f"<span class='{v.replace(' ', '-')}'>{LABEL[v]}</span> {e(ref.name)}"
                                   f" <small>({e(ref.path)}:{ref.line}{' ・ ' + e('・'.join(rows)) if rows else ''})</small>"
                                   for ref, rows, v in scenarios) or "<b>シナリオなし</b>"
                judged = f"<span class='{overall.replace(' ', '-')}'>{LABEL.get(overall, overall)}</span>"
            parts.append(f"<tr id='{s.id}'><td><code>{s.id}</code></td><td>{e(s.kind)}</td><td>{e(s.text)}"
                         f" <small>(L{s.lines[0]})</small></td><td>{judged}</td><td>{cell}</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)


def main(report_dir: Path | None = None) -> int:
    LIVING_DIR.mkdir(parents=True, exist_ok=True)
    for site in SITES:
        (LIVING_DIR / f"{site}.md").write_text(markdown(site), encoding="utf-8")
        (LIVING_DIR / f"{site}.html").write_text(html_page(site), encoding="utf-8")
        print(f"living document: reports/living/{site}.md")
    if report_dir is not None and report_dir.is_dir():
        shutil.copytree(LIVING_DIR, report_dir / "living", dirs_exist_ok=True)
    return 0
