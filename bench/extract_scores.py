"""Precision and recall of `cluster-assess extract` on the project's own texts (tests/extract/).

    python bench/extract_scores.py [-v]

For each text: run `extract` as a user would, load the draft as a profile (it must be valid), and
compare its facts with the gold profile beside it. The development texts (texts/) were used while
writing the lexicon; the held-out texts (holdout/) were written after it was finished.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(folder: Path, verbose: bool = False):
    from cluster_assess.cli.main import main
    from cluster_assess.extract.scoring import Score, score_files

    total = Score()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for text in sorted(folder.glob("*.txt")):
            draft = Path(tmp) / f"{text.stem}.yaml"
            try:
                main(["extract", str(text), "-o", str(draft), "--lang", "en"])
            except SystemExit as exc:
                if exc.code:
                    raise
            score = score_files(draft, ROOT / "tests" / "extract" / "gold" / f"{text.stem}.yaml")
            total.add(score)
            rows.append((text.stem, score))
            if verbose:
                for line in score.wrong:
                    print(f"  {text.stem}: WRONG {line}")
                for line in score.missed:
                    print(f"  {text.stem}: missed {line}")
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
    for title, folder in (("development texts", base / "texts"), ("held-out texts", base / "holdout")):
        if any(folder.glob("*.txt")):
            _print(title, *measure(folder, verbose))
