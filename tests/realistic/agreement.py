"""How far does cluster-assess agree with the authors of the realistic corpus?

A script, not a test (pytest does not collect it): it scores every profile in this folder with
`cluster-assess score --format json`, reads its sidecar `<slug>.expect.yaml`, and prints one table:

  named     problems the author names that some rubric check expresses / all the author names
  found     of those expressible, how many the tool fired (any one of the mapped checks counts)
  unnamed   problems the tool fired that no author problem maps to
  false     of those, how many were judged by hand as false alarms (sidecar `false_alarms_today`);
            a trailing "?" means some unnamed ones have not been judged yet
  top3      the tool's first three recommendations that match one the author makes
  stages    per model: the tool's call against the sidecar's [at_least, at_most] hint
            (+ inside, - outside, ? undetermined, . no hint)

Run:  python tests/realistic/agreement.py [--details] [SLUG ...]

It reads only a few keys of the JSON and tolerates missing ones, so small changes to the JSON
shape (for instance per-model `at_least` / `at_most`, which it uses when present) do not break it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MODELS = ["agglomeration", "radiation", "lifecycle", "governance"]
SHORT = {"agglomeration": "agg", "radiation": "rad", "lifecycle": "life", "governance": "gov"}


def score(profile: Path) -> dict:
    exe = shutil.which("cluster-assess")
    cmd = [exe] if exe else [sys.executable, "-m", "cluster_assess"]
    done = subprocess.run([*cmd, "score", str(profile), "--format", "json", "--lang", "en"],
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"{profile.name}: exit {done.returncode}: {done.stderr.strip()[:300]}")
    data = json.loads(done.stdout)
    return data[0] if isinstance(data, list) else data


def ids(items) -> list[str]:
    out = []
    for item in items or []:
        if isinstance(item, dict) and "id" in item:
            out.append(str(item["id"]))
        elif isinstance(item, str):
            out.append(item)
    return out


def stage_call(stage: dict) -> tuple[str | None, str | None, list[str]]:
    """(at_least, at_most, ladder ids) of one model; a point stage gives at_least == at_most."""
    ladder = [s.get("id") for s in stage.get("ladder") or [] if isinstance(s, dict)]
    point = stage.get("stage")
    low = stage.get("at_least", point)
    high = stage.get("at_most", point)
    if isinstance(low, dict):
        low = low.get("id") or low.get("stage")
    if isinstance(high, dict):
        high = high.get("id") or high.get("stage")
    return low, high, ladder


def rank(stage_id: str | None, ladder: list[str]) -> int | None:
    if stage_id == "not_applicable":
        return -1
    if stage_id in ladder:
        return ladder.index(stage_id)
    return None


def compare_stage(hint: dict | None, stage: dict | None) -> tuple[str, str]:
    """A mark (+ - ? .) and a short text: the tool's call and the hint."""
    if stage is None:
        return "?", "no model in output"
    low, high, ladder = stage_call(stage)
    call = low if low == high else f"{low}..{high}"
    if not hint:
        return ".", f"{call}"
    h_low, h_high = hint.get("at_least"), hint.get("at_most")
    want = h_low if h_low == h_high else f"{h_low}..{h_high}"
    r_low, r_high = rank(low, ladder), rank(high, ladder)
    w_low, w_high = rank(h_low, ladder), rank(h_high, ladder)
    if r_low is None or r_high is None or w_low is None or w_high is None:
        return "?", f"{call} vs {want}"
    inside = w_low <= r_low and r_high <= w_high
    overlap = r_low <= w_high and w_low <= r_high
    mark = "+" if inside else ("~" if overlap else "-")
    return mark, f"{call} vs {want}"


def judge(slug: str, result: dict, expect: dict) -> dict:
    fired = ids(result.get("problems"))
    recs = ids(result.get("recommendations"))
    author = expect.get("author_problems") or []
    mapped = [p for p in author if p.get("checks")]
    found = [p for p in mapped if set(p["checks"]) & set(fired)]
    missed = [p for p in mapped if not set(p["checks"]) & set(fired)]
    named_checks = {c for p in author for c in p.get("checks") or []}
    unnamed = [f for f in fired if f not in named_checks]
    judged = {str(x.get("id")): x for x in expect.get("false_alarms_today") or [] if isinstance(x, dict)}
    judged_ok = {str(x.get("id")) for x in expect.get("supported_extras_today") or [] if isinstance(x, dict)}
    false = [f for f in unnamed if f in judged]
    unjudged = [f for f in unnamed if f not in judged and f not in judged_ok]
    author_recs = {r for a in expect.get("author_recommendations") or [] for r in a.get("recommendations") or []}
    top3 = recs[:3]
    stages = result.get("stages") or {}
    hints = expect.get("stage_hints") or {}
    marks = {m: compare_stage(hints.get(m), stages.get(m)) for m in MODELS}
    return {
        "slug": slug, "author": len(author), "mapped": len(mapped), "found": len(found),
        "missed": missed, "unnamed": unnamed, "false": false, "unjudged": unjudged,
        "top3": top3, "top3_hits": [r for r in top3 if r in author_recs], "author_recs": bool(author_recs),
        "marks": marks, "fired": fired,
    }


def main(argv: list[str]) -> int:
    details = "--details" in argv
    wanted = [a for a in argv if not a.startswith("-")]
    profiles = sorted(p for p in HERE.glob("*.yaml") if not p.name.endswith(".expect.yaml"))
    if wanted:
        profiles = [p for p in profiles if p.stem in wanted]
    rows = []
    for profile in profiles:
        sidecar = profile.with_name(profile.stem + ".expect.yaml")
        expect = yaml.safe_load(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        try:
            rows.append(judge(profile.stem, score(profile), expect or {}))
        except (RuntimeError, json.JSONDecodeError) as error:
            print(f"{profile.stem}: could not score: {error}", file=sys.stderr)
    head = f"{'profile':26} {'named':>7} {'found':>5} {'unnamed':>7} {'false':>6} {'top3':>4}  stages (agg rad life gov)"
    print(head)
    print("-" * len(head))
    totals = {"author": 0, "mapped": 0, "found": 0, "unnamed": 0, "false": 0, "top3": 0, "recs": 0}
    tally = {"+": 0, "~": 0, "-": 0, "?": 0, ".": 0}
    for r in rows:
        false = f"{len(r['false'])}{'?' if r['unjudged'] else ''}"
        top3 = f"{len(r['top3_hits'])}/3" if r["author_recs"] else "n/a"
        marks = " ".join(f"{SHORT[m]}{r['marks'][m][0]}" for m in MODELS)
        print(f"{r['slug']:26} {r['mapped']:>3}/{r['author']:<3} {r['found']:>5} {len(r['unnamed']):>7} "
              f"{false:>6} {top3:>4}  {marks}")
        totals["author"] += r["author"]
        totals["mapped"] += r["mapped"]
        totals["found"] += r["found"]
        totals["unnamed"] += len(r["unnamed"])
        totals["false"] += len(r["false"])
        if r["author_recs"]:
            totals["top3"] += len(r["top3_hits"])
            totals["recs"] += 3
        for m in MODELS:
            tally[r["marks"][m][0]] += 1
    print("-" * len(head))
    print(f"{'total':26} {totals['mapped']:>3}/{totals['author']:<3} {totals['found']:>5} {totals['unnamed']:>7} "
          f"{totals['false']:>6} {totals['top3']:>2}/{totals['recs']:<3} "
          f"stage calls: {tally['+']} inside, {tally['~']} overlapping, {tally['-']} outside, "
          f"{tally['?']} undetermined, {tally['.']} no hint")
    if details:
        for r in rows:
            print(f"\n== {r['slug']}")
            print("  fired:   ", ", ".join(r["fired"]) or "-")
            print("  missed:  ", "; ".join(f"{p['said']} {p['checks']}" for p in r["missed"]) or "-")
            print("  unnamed: ", ", ".join(r["unnamed"]) or "-", " | unjudged:", ", ".join(r["unjudged"]) or "-")
            print("  top3:    ", ", ".join(r["top3"]) or "-")
            for m in MODELS:
                print(f"  {m:14} {r['marks'][m][0]} {r['marks'][m][1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
