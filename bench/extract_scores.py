"""Precision and recall of `cluster-assess extract` on the project's own texts (tests/extract/),
and on the seed essays against the shipped examples.

    python bench/extract_scores.py [-v]

For each text: run `extract` as a user would, load the draft as a profile (it must be valid), and
compare its facts with the gold profile beside it. The development texts (texts/) were used while
writing the lexicon; the held-out texts (holdout/) were written after it was finished, the three
in holdout/new/ after every change to the lexicon for issue 17.

Seeds against examples: seeds/003-five-essays.md holds five essays; each of three is cut out by its
heading (`003 · 第一篇` …), extracted on its own and compared with the example profile written from
it (examples/*.yaml). Only facts count: the examples' ratings and judgements are no extractor's to
write, and some of their facts are an assessor's reading rather than the text's words.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


SEEDS = ROOT / "seeds" / "003-five-essays.md"
SEED_EXAMPLES = (("第一篇", "shishi"), ("第三篇", "xiaoguanzhuang-glass"), ("第五篇", "qingshanhu-textiles"))


def _extract(text: Path, draft: Path) -> None:
    from cluster_assess.cli.main import main

    try:
        main(["extract", str(text), "-o", str(draft), "--lang", "en"])
    except SystemExit as exc:
        if exc.code:
            raise


def _scored(name: str, text: Path, gold: Path, tmp: str, verbose: bool):
    from cluster_assess.extract.scoring import score_files

    draft = Path(tmp) / f"{text.stem}.yaml"
    _extract(text, draft)
    score = score_files(draft, gold)
    if verbose:
        for line in score.wrong:
            print(f"  {name}: WRONG {line}")
        for line in score.missed:
            print(f"  {name}: missed {line}")
    return score


def measure(folder: Path, verbose: bool = False):
    from cluster_assess.extract.scoring import Score

    total = Score()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for text in sorted(folder.glob("*.txt")):
            score = _scored(text.stem, text, ROOT / "tests" / "extract" / "gold" / f"{text.stem}.yaml", tmp, verbose)
            total.add(score)
            rows.append((text.stem, score))
    return total, rows


def essay(number: str, seeds: Path = SEEDS) -> str:
    """One essay of the seed digest: its heading `## `003 · 第N篇`` and every line up to the next."""
    lines = seeds.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"## `003 · {number}`"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]) + "\n"


def measure_seeds(verbose: bool = False):
    """Each essay extracted on its own (as `003 · 第N篇.md`), compared with its example's facts."""
    from cluster_assess.extract.scoring import Score

    total = Score()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for number, example in SEED_EXAMPLES:
            text = Path(tmp) / f"003 · {number}.md"
            text.write_text(essay(number), encoding="utf-8")
            score = _scored(f"{number}/{example}", text, ROOT / "examples" / f"{example}.yaml", tmp, verbose)
            total.add(score)
            rows.append((f"003 · {number} → {example}", score))
    return total, rows


def _print(title: str, total, rows) -> None:
    print(f"{title}: precision {total.precision:.2f} ({total.right}/{total.extracted}), "
          f"recall {total.recall:.2f} ({total.right}/{total.stated})")
    for name, s in rows:
        print(f"  {name:28} precision {s.precision:.2f} ({s.right}/{s.extracted})  "
              f"recall {s.recall:.2f} ({s.right}/{s.stated})")


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    base = ROOT / "tests" / "extract"
    folders = (("development texts", base / "texts"), ("held-out texts (first three)", base / "holdout"),
               ("held-out texts (new three)", base / "holdout" / "new"))
    for title, folder in folders:
        if any(folder.glob("*.txt")):
            _print(title, *measure(folder, verbose))
    _print("seed essays against the examples (facts only)", *measure_seeds(verbose))
