"""Terminal and YAML misreadings (issue 11): user text is never rich markup and never carries
control or bidi characters to the reader; YAML 1.1 number traps are read as written or refused;
the rubric cache trusts only entries it wrote, in a folder only the user can write."""

from __future__ import annotations

import json
import marshal
import os
import stat
from pathlib import Path

import pytest
from conftest import EXAMPLES

from cluster_assess.rubric import cache as rubric_cache
from cluster_assess.rubric.loading import load_rubric

BAD_CHARS = "\x1b\x07\x9b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NAMES = ["[/]", "[link=https://evil.example]点我[/link]", "A\x1b]8;;https://evil.example\x1b\\B\x1b[31mred\x07",
         "x\u202eabc\u2066d\u2069", "C1\x9b31m"]


def towns(tmp_path: Path) -> list[Path]:
    paths = []
    for i, name in enumerate(NAMES):
        path = tmp_path / f"t{i}.yaml"
        path.write_text(f"name: {json.dumps(name)}\nregion: {json.dumps(name)}\nindustry: garment\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_compare_shows_hostile_names_as_plain_text(cli, tmp_path, fmt):
    run = cli("compare", *towns(tmp_path), "-F", fmt)
    assert run.code == 0, run.err
    assert not [c for c in run.out if c in BAD_CHARS]
    assert "link=https://evil.example" in run.out  # shown literally, not as a link
    if fmt != "markdown":  # markdown escapes brackets itself
        assert "[link=https://evil.example]点我[/link]" in run.out and "[/]" in run.out


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_score_shows_hostile_names_as_plain_text(cli, tmp_path, fmt):
    run = cli("score", *towns(tmp_path), "-F", fmt)
    assert run.code == 0, run.err
    assert not [c for c in run.out if c in BAD_CHARS]
    assert "link=https://evil.example" in run.out


def test_report_markdown_drops_control_characters(cli, tmp_path):
    run = cli("report", towns(tmp_path)[2], "-F", "md")
    assert run.code == 0, run.err
    assert not [c for c in run.out if c in BAD_CHARS]


def test_json_keeps_the_text_as_data(cli, tmp_path):
    """JSON is data for programs: it keeps the name, with control characters escaped by JSON itself."""
    run = cli("score", towns(tmp_path)[3], "-F", "json")
    assert run.code == 0
    assert run.json()["profile"]["name"] == NAMES[3]


def test_sanitised_returns_untouched_values_as_they_are():
    from cluster_assess.display import sanitised

    value = {"a": ["plain", ("t", 1)], "b": None}
    assert sanitised(value) is value
    assert sanitised({"a": ["x\x1b[2Jy"]}) == {"a": ["x[2Jy"]}


@pytest.mark.parametrize(("written", "reads"), [("0200", 200), ("012", 12), ("0200家", 200)])
def test_leading_zero_amounts_read_as_written(cli, tmp_path, written, reads):
    path = tmp_path / "t.yaml"
    path.write_text(f"name: t\nfacts:\n  firms:\n    total: {written}\n", encoding="utf-8")
    run = cli("score", path, "-F", "json")
    assert run.code == 0, run.err
    assert total(run.json()) == reads


def total(result: dict) -> object:
    return next(f["value"] for f in result["facts"] if f["path"] == "facts.firms.total")


def test_the_same_amount_in_yaml_and_csv_reads_the_same(cli, tmp_path):
    yaml_path = tmp_path / "t.yaml"
    yaml_path.write_text("name: t\nfacts:\n  firms:\n    total: 0200\n", encoding="utf-8")
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("name,facts.firms.total\nt,0200\n", encoding="utf-8")
    from_yaml = cli("score", yaml_path, "-F", "json").json()
    from_csv = cli("score", csv_path, "-F", "json").json()
    assert total(from_yaml) == total(from_csv) == 200


# --- the rubric cache -------------------------------------------------------------------------

CORE = Path(__file__).resolve().parent.parent / "rubrics" / "cluster-core.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLUSTER_ASSESS_CACHE", str(folder))
    monkeypatch.delenv("CLUSTER_ASSESS_NO_CACHE", raising=False)
    return folder


def test_the_cache_folder_is_created_private(cache):
    load_rubric(CORE)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert len(list(cache.glob("*.marshal"))) == 1 and len(list(cache.glob("*.rubric"))) == 1


def test_a_planted_entry_is_not_trusted(cache, capsys):
    """An entry without our HMAC for this file — here one that renames the rubric and makes every
    problem low — is ignored, and the real file is read."""
    expected = load_rubric(CORE)
    (entry,) = cache.glob("*.marshal")
    raw = entry.read_bytes()
    payload = raw[len(rubric_cache.MAGIC) + 32:]
    value, positions, notes = marshal.loads(payload)
    value["title"] = {"zh": "假的", "en": "planted"}
    for problem in value.get("problems", []):
        problem["severity"] = "low"
    forged = marshal.dumps((value, positions, notes))
    for planted in (forged, raw[: len(rubric_cache.MAGIC)] + b"\0" * 32 + forged):
        entry.write_bytes(planted)
        for validated in cache.glob("*.rubric"):  # so that the parsed entry is what is read
            validated.unlink()
        pack = load_rubric(CORE)
        assert pack.title.en == expected.title.en != "planted"
        assert pack == expected


def test_an_entry_of_the_wrong_shape_is_not_used(cache):
    key = b"k" * 32
    payload = marshal.dumps(({"a": {1, 2}}, {}, []))  # a set: not something YAML gives
    entry = cache / "x.marshal"
    cache.mkdir(mode=0o700)
    entry.write_bytes(rubric_cache.MAGIC + rubric_cache._mac(key, payload) + payload)
    assert rubric_cache._load(entry, key, "x.yaml") is None


def test_a_temp_file_link_in_the_cache_clobbers_nothing(cache, tmp_path):
    cache.mkdir(mode=0o700)
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    for pid in range(os.getpid() - 5, os.getpid() + 5):  # the old, predictable temp names
        for name in os.listdir(cache) or ["x"]:
            (cache / f".{name}.{pid}.part").unlink(missing_ok=True)
    import hashlib

    from cluster_assess import __version__

    digest = hashlib.sha256(b"%d\0%s\0" % (rubric_cache.FORMAT, __version__.encode()) + CORE.read_bytes()).hexdigest()
    (cache / f".{digest}.marshal.{os.getpid()}.part").symlink_to(victim)
    (cache / f".{digest}.marshal.part").symlink_to(victim)
    load_rubric(CORE)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (cache / f"{digest}.marshal").is_file()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_can_write_is_not_used(cache, capsys):
    cache.mkdir()
    cache.chmod(0o777)
    pack = load_rubric(CORE)
    assert pack.id
    assert list(cache.iterdir()) == []
    assert "not using the rubric cache" in capsys.readouterr().err


def test_score_works_with_a_refused_cache(cli, cache):
    cache.mkdir()
    cache.chmod(0o757)
    run = cli("score", EXAMPLES / "shishi.yaml", "-F", "json")
    assert run.code == 0
    assert "others may write to it" in run.err
