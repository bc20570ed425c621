"""Check the printed reports the way a reader gets them: on A4 paper.

Writes a single-town and a comparison report, in HTML and Word, in Chinese and English; prints the
HTML in headless Chromium and converts the Word file with LibreOffice (headless) to PDF; renders
every page to PNG (and, with Pillow, one contact sheet per document) for a person to look at; and
checks what a machine can check:

- every page after the cover carries its number, "第 X 页 共 Y 页" / "Page X of Y";
- the cover names the author and the organisation, a table of contents follows the summary, and
  the report ends with 参考文献 / References naming the source documents;
- no page but the cover and the last is left mostly empty (content ending above 40% of the page).

    python tools/print_check.py [--out DIR] [--dpi 60]

It needs chromium (or chromium-browser / google-chrome), soffice, pdftoppm, pdftotext and pdfinfo;
without them it says what is missing and exits 0, so that it can sit beside the tests. Exit 1 when a
check fails. On Debian: apt-get install chromium fonts-noto-cjk libreoffice-writer poppler-utils.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLE = ROOT / "examples" / "xiaoguanzhuang-glass.yaml"
MANY = ROOT / "examples"
AUTHOR = {"zh": ("张明", "宝应县发展和改革委员会"), "en": ("Zhang Ming", "Baoying County Development Office")}
PAGE = {"zh": "第 {page} 页 共 {pages} 页", "en": "Page {page} of {pages}"}
CONTENTS = {"zh": "目  录", "en": "Contents"}
REFERENCES = {"zh": "参考文献", "en": "References"}
DOCUMENT = {"zh": "产业集群五篇", "en": "Five essays on industrial clusters"}
MIN_FILL = 0.40


def browser() -> str | None:
    return next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


def missing_tools() -> list[str]:
    out = [] if browser() else ["chromium"]
    out += [t for t in ("soffice", "pdftoppm", "pdftotext", "pdfinfo") if not shutil.which(t)]
    return out


def run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False, **kw)  # type: ignore[call-overload]


def write_reports(out: Path) -> list[tuple[Path, str]]:
    """(file, lang) for each report written."""
    files = []
    for lang in ("zh", "en"):
        author, organisation = AUTHOR[lang]
        for kind, inputs in (("single", [SINGLE]), ("comparison", [MANY])):
            for fmt in ("html", "docx"):
                target = out / f"{kind}.{lang}.{fmt}"
                done = run([sys.executable, "-m", "cluster_assess", "report", *map(str, inputs), "--lang", lang,
                            "-o", str(target), "--force", "--author", author, "--organisation", organisation])
                if done.returncode != 0:
                    raise SystemExit(f"report failed for {target.name}:\n{done.stderr}")
                files.append((target, lang))
    return files


def to_pdf(path: Path) -> Path:
    pdf = path.with_suffix(path.suffix + ".pdf")
    if path.suffix == ".html":
        done = run([browser() or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", path.as_uri()])
    else:
        with tempfile.TemporaryDirectory() as profile:  # a private LibreOffice profile: no clash with a running one
            done = run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(path.parent), str(path)])
        made = path.with_suffix(".pdf")
        if made.exists():
            made.replace(pdf)
    if not pdf.exists():
        raise SystemExit(f"no PDF for {path.name}:\n{done.stderr}")
    return pdf


def pages(pdf: Path) -> int:
    info = run(["pdfinfo", str(pdf)]).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_text(pdf: Path, page: int) -> str:
    return run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]).stdout


def render_pages(pdf: Path, dpi: int) -> list[Path]:
    prefix = pdf.with_suffix("")
    run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)])
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


def fill(png: Path) -> float | None:
    """How far down the page the content reaches (0–1), the footer band left out; None without Pillow."""
    try:
        from PIL import Image
    except ImportError:
        return None
    image = Image.open(png).convert("L")
    width, height = image.size
    body = image.crop((0, 0, width, int(height * 0.9)))
    rows = [y for y in range(body.height) if min(body.crop((0, y, width, y + 1)).getdata()) < 200]
    return (max(rows) / height) if rows else 0.0


def contact_sheet(pngs: list[Path], target: Path, per_row: int = 5) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    images = [Image.open(p) for p in pngs]
    w, h = images[0].size
    rows = -(-len(images) // per_row)
    sheet = Image.new("RGB", (per_row * (w + 8) + 8, rows * (h + 8) + 8), "#888888")
    for i, image in enumerate(images):
        sheet.paste(image, (8 + (i % per_row) * (w + 8), 8 + (i // per_row) * (h + 8)))
    sheet.save(target)


def check(pdf: Path, lang: str, dpi: int) -> list[str]:
    problems = []
    total = pages(pdf)
    texts = [page_text(pdf, i) for i in range(1, total + 1)]
    flat = ["".join(t.split()) for t in texts]
    author, organisation = AUTHOR[lang]
    if "".join(author.split()) not in flat[0] or "".join(organisation.split()) not in flat[0]:
        problems.append("the cover does not name the author and the organisation")
    if not any("".join(CONTENTS[lang].split()) in f for f in flat[1:4]):
        problems.append("no table of contents on pages 2–4")
    if not any("".join(REFERENCES[lang].split()) in f for f in flat[-4:]) or \
            not any("".join(DOCUMENT[lang].split()) in f for f in flat[-4:]):
        problems.append("no references naming the source documents at the end")
    for i in range(2, total + 1):
        label = PAGE[lang].format(page=i, pages=total)
        if "".join(label.split()) not in flat[i - 1]:
            problems.append(f"page {i}: no page number {label!r}")
    pngs = render_pages(pdf, dpi)
    contact_sheet(pngs, pdf.with_name(pdf.stem.replace(".", "-") + "-sheet.png"))
    for i, png in enumerate(pngs, start=1):
        reach = fill(png)
        if reach is not None and 1 < i < len(pngs) and reach < MIN_FILL:
            problems.append(f"page {i}: mostly empty (content ends at {reach:.0%} of the page)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder for the reports, PDFs and PNGs")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    lacking = missing_tools()
    if lacking:
        print(f"skipped: print check needs {', '.join(lacking)} (apt-get install chromium fonts-noto-cjk "
              "libreoffice-writer poppler-utils)")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="print-check-"))
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path, lang in write_reports(out):
        pdf = to_pdf(path)
        problems = check(pdf, lang, args.dpi)
        print(f"{'FAIL' if problems else 'ok  '} {pdf.name}: {pages(pdf)} pages")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    print(f"pages and contact sheets in {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
