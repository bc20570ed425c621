"""The parsed-rubric cache: served when the file is unchanged, never when it changed, and never
trusted over a full read when it is damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cluster_assess.errors import UserError
from cluster_assess.rubric import cache as rubric_cache
from cluster_assess.rubric.loading import load_rubric

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "rubrics" / "cluster-core.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLUSTER_ASSESS_CACHE", str(folder))
    monkeypatch.delenv("CLUSTER_ASSESS_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def pack(tmp_path) -> Path:
    path = tmp_path / "pack.yaml"
    shutil.copy(CORE, path)
    return path


def _count_reads(monkeypatch) -> list[str]:
    """Every parse of a pack's bytes (a read served from the cache parses nothing)."""
    reads: list[str] = []
    real = rubric_cache.parse_yaml_bytes

    def counting(data, name, *args):
        reads.append(name)
        return real(data, name, *args)

    monkeypatch.setattr(rubric_cache, "parse_yaml_bytes", counting)
    return reads


def test_second_load_is_served_from_the_cache_and_equal(cache, pack, monkeypatch):
    reads = _count_reads(monkeypatch)
    first = load_rubric(pack)
    assert len(reads) == 1 and len(list(cache.glob("*.marshal"))) == 1
    second = load_rubric(pack)
    assert len(reads) == 1  # not parsed again
    assert second == first


def test_a_changed_pack_invalidates_its_entry(cache, pack, monkeypatch):
    reads = _count_reads(monkeypatch)
    before = load_rubric(pack)
    text = pack.read_text(encoding="utf-8")
    assert f'version: "{before.version}"' in text
    pack.write_text(text.replace(f'version: "{before.version}"', 'version: "99.1"', 1), encoding="utf-8")
    after = load_rubric(pack)
    assert len(reads) == 2  # the edited file was read afresh, not served from the old entry
    assert after.version == "99.1"
    assert len(list(cache.glob("*.marshal"))) == 2


def test_a_damaged_entry_falls_back_to_a_full_read(cache, pack, monkeypatch):
    expected = load_rubric(pack)
    for entry in cache.glob("*.marshal"):
        entry.write_bytes(b"\x00 not marshal")
    reads = _count_reads(monkeypatch)
    assert load_rubric(pack) == expected
    assert len(reads) == 1


def test_errors_from_a_cached_pack_keep_their_lines(cache, pack):
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("factors:\n", "factors:\n  - {id: broken, source: x}\n", 1), encoding="utf-8")
    with pytest.raises(UserError) as fresh:
        load_rubric(pack)
    with pytest.raises(UserError) as cached:
        load_rubric(pack)
    assert [str(p) for p in cached.value.problems] == [str(p) for p in fresh.value.problems]
    assert all(p.line for p in cached.value.problems)


def test_no_cache_means_no_files(cache, pack, monkeypatch):
    monkeypatch.setenv("CLUSTER_ASSESS_NO_CACHE", "1")
    load_rubric(pack)
    assert not cache.exists()


def test_an_unwritable_cache_is_ignored(tmp_path, pack, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CLUSTER_ASSESS_CACHE", str(blocker / "cache"))
    assert load_rubric(pack).id


def test_old_entries_are_pruned(cache, tmp_path):
    for i in range(rubric_cache.KEEP + 5):
        path = tmp_path / f"p{i}.yaml"
        path.write_text(CORE.read_text(encoding="utf-8") + f"\n# variant {i}\n", encoding="utf-8")
        load_rubric(path)
    assert len(list(cache.glob("*.marshal"))) == rubric_cache.KEEP
