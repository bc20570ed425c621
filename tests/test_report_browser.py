"""Open the HTML report in headless Chromium as a reader would: the DOM has the headings, and the
screenshot is a page with ink on it, not a blank. Skipped, with the reason, when no Chromium.

CI installs Chromium (and a CJK font) in `.ci/run`. The PNG is read with zlib alone.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.test_report import GLASS, SECTION_TITLES

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(BROWSER is None, reason=f"no headless browser on PATH (looked for {', '.join(BROWSERS)})")


def run_browser(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    return subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={cwd / 'profile'}", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG into rows of raw pixel bytes (enough for a screenshot)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), f"unexpected PNG type {depth}/{colour}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, channels, rows


def cjk_font_installed() -> bool:
    """Without a CJK font Chromium draws Chinese as empty boxes, which would still pass for ink."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # not a fontconfig system (Windows, macOS): they ship CJK fonts
    found = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, timeout=30, check=False)
    return bool(found.stdout.strip())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_renders_in_a_browser(cli, tmp_path: Path, lang: str) -> None:
    if lang == "zh" and not cjk_font_installed():
        pytest.skip("no Chinese font installed (e.g. Debian fonts-noto-cjk); the page would show boxes")
    page = tmp_path / f"glass.{lang}.html"
    assert cli("report", GLASS, "--lang", lang, "-o", page).code == 0
    dom = run_browser("--dump-dom", page.as_uri(), cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    for title in SECTION_TITLES[lang]:
        assert f"<h2>{title}</h2>" in dom.stdout, f"heading {title!r} not in the rendered DOM"
    assert dom.stdout.count("<svg") >= 3, "the charts are in the page"
    shot = tmp_path / f"glass.{lang}.png"
    # An A4 page at 150 dpi (1240 × 1754 CSS pixels), captured at half scale: the same layout, and a
    # quarter of the pixels for the pure-Python decoder.
    result = run_browser(f"--screenshot={shot}", "--window-size=1240,1754", "--force-device-scale-factor=0.5",
                         page.as_uri(), cwd=tmp_path)
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    width, channels, rows = png_pixels(shot.read_bytes())
    assert (width, len(rows)) in ((620, 877), (1240, 1754))
    sample = rows[::3]
    dark = ink = total = 0
    for row in sample:
        for x in range(0, width * channels, channels * 2):
            r, g, b = row[x], row[x + 1], row[x + 2]
            total += 1
            ink += (r, g, b) != (255, 255, 255)
            dark += r + g + b < 200
    assert ink / total > 0.02, "the page is (nearly) blank"
    assert ink / total < 0.6, "the page is mostly ink: a background or an error page, not a document"
    assert dark > 100, "no dark text on the page"
