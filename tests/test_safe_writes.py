"""Writes never destroy: every command writes through `io.atomic` (issue 11). A link is written
through, a device written directly, the temporary file is unique and never followed, a failed write
leaves the old file and exits 2, an input is never the output, and `--into` keeps encodings and
never loses a concurrent update."""

from __future__ import annotations

import codecs
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import EXAMPLES

from cluster_assess.errors import UserError
from cluster_assess.indicators import profile_io
from cluster_assess.io import atomic

EXAMPLE = EXAMPLES / "shishi.yaml"
PROFILE = "# a hand-written profile\nname: 吴江纺织  # the town\nregion: js\nindustry: tex\nfacts: {}\n"


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def table(tmp_path: Path) -> Path:
    path = tmp_path / "emp.csv"
    path.write_text("prov,ind,emp\njs,tex,500\njs,ele,1200\nzj,tex,900\nzj,ele,400\ngd,ele,2500\ngd,tex,300\n",
                    encoding="utf-8")
    return path


def regions(cli, tmp_path: Path, *extra: str | Path):
    return cli("indicators", "regions", table(tmp_path), "--region", "prov", "--industry", "ind",
               "--value", "emp", *extra)


def test_a_symlink_output_is_written_through_and_stays_a_link(cli, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    run = cli("score", EXAMPLE, "--format", "markdown", "-o", link, "--force")
    assert run.code == 0, run.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("#")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the mode is kept
    assert hidden(tmp_path) == []


def test_a_dangling_symlink_is_refused(cli, tmp_path):
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "nowhere" / "victim")
    run = cli("score", EXAMPLE, "-o", link, "--force")
    assert run.code == 2 and "symbolic link" in run.err


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="needs /dev/null")
def test_a_device_output_is_written_directly_never_replaced(cli):
    before = os.stat("/dev/null")
    run = cli("score", EXAMPLE, "-o", "/dev/null", "--force")
    assert run.code == 0, run.err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_is_cannot_write_exit_2(cli):
    run = cli("score", EXAMPLE, "-o", "/dev/full", "--force")
    assert run.code == 2
    assert "cannot write" in run.err and "bug" not in run.err


def test_a_planted_temp_file_link_is_never_followed(cli, tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / ".report.md.part").symlink_to(victim)
    run = cli("score", EXAMPLE, "--format", "markdown", "-o", tmp_path / "report.md")
    assert run.code == 0, run.err
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("#")


def test_two_writers_of_one_file_use_their_own_temp_files(tmp_path):
    target = tmp_path / "out.txt"
    with atomic.open_atomic(target) as first:
        first.write("first\n")
        with atomic.open_atomic(target) as second:
            second.write("second\n")
            assert len(hidden(tmp_path)) == 2
        assert target.read_text(encoding="utf-8") == "second\n"
    assert target.read_text(encoding="utf-8") == "first\n"  # whole, whichever finished last
    assert hidden(tmp_path) == []


def test_the_temp_name_is_unpredictable(tmp_path):
    names = set()
    for _ in range(3):
        with atomic.replacing(tmp_path / "x.md") as tmp:
            names.add(tmp.name)
            tmp.write_text("x", encoding="utf-8")
    assert len(names) == 3 and all(n.startswith(".x.md.") for n in names)


def test_a_new_file_gets_the_usual_mode(tmp_path):
    mask = os.umask(0o022)
    try:
        atomic.write_text(tmp_path / "new.txt", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize("command", [
    ["score", "{p}", "-o", "{p}", "--force"],
    ["compare", "{p}", "{q}", "-o", "{q}", "--force"],
    ["report", "{p}", "-o", "{p}", "--force"],
    ["score", "{d}", "-o", "{p}", "--force"],  # through a folder
])
def test_an_output_that_is_an_input_is_refused(cli, tmp_path, command):
    folder = tmp_path / "towns"
    folder.mkdir()
    p, q = folder / "a.yaml", folder / "b.yaml"
    p.write_bytes(EXAMPLE.read_bytes())
    q.write_bytes(EXAMPLE.read_bytes())
    run = cli(*(part.format(p=p, q=q, d=folder) for part in command))
    assert run.code == 2
    assert "is the input" in run.err
    assert p.read_bytes() == q.read_bytes() == EXAMPLE.read_bytes()


def test_indicators_output_into_the_profile_is_refused(cli, tmp_path):
    prof = tmp_path / "p.yaml"
    prof.write_text(PROFILE, encoding="utf-8")
    run = regions(cli, tmp_path, "-o", prof, "--into", prof, "--force")
    assert run.code == 2 and "--into profile" in run.err
    assert prof.read_text(encoding="utf-8") == PROFILE
    run = regions(cli, tmp_path, "-o", tmp_path / "emp.csv", "--force")
    assert run.code == 2 and "is the input" in run.err


def _limited(limit: int):
    def setup() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return setup


@pytest.mark.parametrize("kind", ["score", "indicators"])
def test_a_failed_write_is_exit_2_and_keeps_the_old_file(tmp_path, kind):
    """A full disk, simulated by a file-size limit: the old file stays whole, nothing is left behind."""
    out = tmp_path / "out.txt"
    out.write_text("the old report\n", encoding="utf-8")
    if kind == "score":
        args = ["score", str(EXAMPLE), "-o", str(out), "--force"]
    else:
        args = ["indicators", "regions", str(table(tmp_path)), "--region", "prov", "--industry", "ind",
                "--value", "emp", "-o", str(out), "--force"]
    run = subprocess.run([sys.executable, "-m", "cluster_assess", *args], capture_output=True, text=True,
                         preexec_fn=_limited(1000), timeout=120, env={**os.environ, "CLUSTER_ASSESS_LANG": "en"})
    assert run.returncode == 2, run.stderr
    assert "cannot write" in run.stderr and "bug" not in run.stderr
    assert out.read_text(encoding="utf-8") == "the old report\n"
    assert hidden(tmp_path) == []


def test_sigterm_removes_the_temp_file(tmp_path):
    target = tmp_path / "big.txt"
    code = ("import sys, time\nfrom cluster_assess.io.atomic import open_atomic\n"
            f"with open_atomic({str(target)!r}) as f:\n"
            "    f.write('x' * (40 << 20)); f.flush(); print('ready', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert len(hidden(tmp_path)) == 1
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == -signal.SIGTERM
    finally:
        proc.kill()
        proc.wait()
    assert hidden(tmp_path) == [] and not target.exists()


def test_a_changed_file_is_not_overwritten(tmp_path):
    target = tmp_path / "p.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    seen = os.stat(target)
    with pytest.raises(UserError, match="changed by another program"), \
            atomic.open_atomic(target, expect=seen) as handle:
        handle.write("a: 2\n")
        target.write_text("a: 3 (someone else)\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "a: 3 (someone else)\n"


def test_into_through_a_symlink_updates_the_real_profile(cli, tmp_path):
    prof = tmp_path / "p.yaml"
    prof.write_text(PROFILE, encoding="utf-8")
    prof.chmod(0o664)
    link = tmp_path / "link.yaml"
    link.symlink_to(prof)
    run = regions(cli, tmp_path, "--into", link)
    assert run.code == 0, run.err
    assert link.is_symlink()
    assert "measured:" in prof.read_text(encoding="utf-8")
    assert stat.S_IMODE(prof.stat().st_mode) == 0o664


@pytest.mark.parametrize(("codec", "bom", "crlf"), [
    ("gb18030", b"", False), ("utf-16-le", codecs.BOM_UTF16_LE, False), ("utf-16-be", codecs.BOM_UTF16_BE, True),
    ("utf-8", codecs.BOM_UTF8, True), ("utf-8", b"", False),
])
def test_into_keeps_the_profile_encoding(cli, tmp_path, codec, bom, crlf):
    prof = tmp_path / "p.yaml"
    text = PROFILE.replace("\n", "\r\n") if crlf else PROFILE
    prof.write_bytes(bom + text.encode(codec))
    assert cli("validate", prof).code == 0
    run = regions(cli, tmp_path, "--into", prof)
    assert run.code == 0, run.err
    data = prof.read_bytes()
    assert data.startswith(bom)
    written = data[len(bom):].decode(codec)
    assert "吴江纺织" in written and "# a hand-written profile" in written and "measured:" in written
    assert ("\r\n" in written) == crlf
    if crlf:
        assert "\n" not in written.replace("\r\n", "")
    assert cli("validate", prof).code == 0


def test_concurrent_into_writers_lose_no_update(tmp_path):
    prof = tmp_path / "p.yaml"
    prof.write_text(PROFILE, encoding="utf-8")
    names = [f"w{i}" for i in range(8)]
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            profile_io.write_measured(prof, [profile_io.Measured(("measured", name), 1.5, "t.csv", name)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    text = prof.read_text(encoding="utf-8")
    assert all(f"{name}:" in text for name in names), text
    assert hidden(tmp_path) == []
