"""The rubric cache: served when the file is unchanged, never when it changed, and never
trusted over a full read when it is damaged. A validated rubric is served without validating,
checking or building a pydantic validator."""

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
    assert len(reads) == 1 and len(list(cache.glob("*.marshal"))) == 1 and len(list(cache.glob("*.rubric"))) == 1
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
    assert len(list(cache.glob("*.marshal"))) == 2 and len(list(cache.glob("*.rubric"))) == 2


def test_a_damaged_entry_falls_back_to_a_full_read(cache, pack, monkeypatch):
    expected = load_rubric(pack)
    for entry in [*cache.glob("*.marshal"), *cache.glob("*.rubric")]:
        entry.write_bytes(b"\x00 not marshal")
    reads = _count_reads(monkeypatch)
    assert load_rubric(pack) == expected
    assert len(reads) == 1


@pytest.mark.parametrize("damage", [
    lambda raw: raw[:-40],  # truncated: the HMAC no longer matches
    lambda raw: raw[: len(rubric_cache.MAGIC_RUBRIC)] + bytes(32) + raw[len(rubric_cache.MAGIC_RUBRIC) + 32:],
    lambda raw: b"",
])
def test_a_damaged_validated_entry_is_validated_afresh(cache, pack, monkeypatch, damage):
    expected = load_rubric(pack)
    (entry,) = cache.glob("*.rubric")
    entry.write_bytes(damage(entry.read_bytes()))
    validated = _count_validations(monkeypatch)
    assert load_rubric(pack) == expected
    assert validated == [1]


def _count_validations(monkeypatch) -> list[int]:
    from cluster_assess.rubric import loading

    count = [0]
    real = loading.validate_rubric_data

    def counting(raw, source):
        count[0] += 1
        return real(raw, source)

    monkeypatch.setattr(loading, "validate_rubric_data", counting)
    return count


def test_a_hit_neither_validates_nor_checks(cache, pack, monkeypatch):
    expected = load_rubric(pack)
    validated = _count_validations(monkeypatch)
    assert load_rubric(pack) == expected
    assert validated == [0]


def test_a_hit_builds_no_pydantic_validator(cache, pack):
    """In a fresh process: the rubric classes stay unbuilt (defer_build), the checks unimported."""
    import os
    import subprocess
    import sys

    load_rubric(pack)
    code = (
        "import sys\n"
        "from cluster_assess.rubric.loading import load_rubric\n"
        "from cluster_assess.rubric import model, conditions\n"
        f"pack = load_rubric({str(pack)!r})\n"
        "assert pack.factors and pack.factor(pack.factors[0].id).name.en\n"
        "built = [c.__name__ for c in (model.Rubric, model.Text, model.Factor, conditions.Condition)"
        " if c.__pydantic_complete__]\n"
        "print(built, 'cluster_assess.rubric.checks' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "CLUSTER_ASSESS_CACHE": str(cache), "PYTHONPATH": str(ROOT)})
    assert run.stdout.strip() == "[] False"


def test_cached_property_values_are_never_stored(cache, pack):
    """`memo` holds factor results across profiles, and the lookups are built per object: an entry
    holds the model fields only, so a loaded rubric starts with none of them."""
    rubric = load_rubric(pack)
    assert rubric.factors_by_id and rubric.models_by_id
    rubric.memo["factor_results"] = {"planted": 1}
    entry, key = cache / "memo.rubric", b"k" * 32
    rubric_cache._store_rubric(entry, key, rubric, [])
    loaded = rubric_cache._load_rubric(entry, key)
    assert loaded == rubric and loaded is not rubric
    assert not {"memo", "factors_by_id", "models_by_id"} & set(vars(loaded))
    assert loaded.memo == {} and loaded.factors_by_id.keys() == rubric.factors_by_id.keys()


def test_an_entry_naming_other_code_is_refused(cache, pack, tmp_path):
    """A pickle that would call os.system is refused by the unpickler, even with a valid HMAC
    (which anyone who knows the file can compute): the pack is read afresh and nothing runs."""
    import os
    import pickle

    expected = load_rubric(pack)
    (entry,) = cache.glob("*.rubric")
    key = bytes.fromhex(entry.stem)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    for payload in (pickle.dumps(([], Evil())), pickle.dumps(([], expected.title)),
                    pickle.dumps(Evil(), protocol=0)):
        entry.write_bytes(rubric_cache.MAGIC_RUBRIC + rubric_cache._mac(key, payload) + payload)
        assert load_rubric(pack) == expected
        assert not marker.exists()
    with pytest.raises(pickle.UnpicklingError):
        rubric_cache._loads(pickle.dumps(([], Evil())))


def test_an_edited_base_invalidates_the_pack_that_extends_it(cache, tmp_path):
    base = tmp_path / "base.yaml"
    shutil.copy(CORE, base)
    over = tmp_path / "over.yaml"
    over.write_text("extends: base.yaml\nid: over\n", encoding="utf-8")
    first = load_rubric(over)
    assert load_rubric(over) == first and first.id == "over"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace(f'version: "{first.version}"', 'version: "77.1"', 1), encoding="utf-8")
    assert load_rubric(over).version == "77.1"


def test_the_code_key_follows_the_package_modules_and_seeds(tmp_path, monkeypatch):
    """Another rubric class or check (an edited module, a new one), or another seed digest (the
    checks resolve sources against them), is another key."""
    from cluster_assess.io import packaged

    package, seeds = tmp_path / "pkg", tmp_path / "seeds"
    (package / "rubric").mkdir(parents=True)
    seeds.mkdir()
    (package / "rubric" / "model.py").write_text("x = 1\n", encoding="utf-8")
    (seeds / "000.md").write_text("# 000\n", encoding="utf-8")
    monkeypatch.setattr(rubric_cache, "__file__", str(package / "rubric" / "cache.py"))
    monkeypatch.setattr(packaged, "data_dir", lambda name: seeds)
    keys = [rubric_cache.code_key()]
    (package / "rubric" / "model.py").write_text("x = 12\n", encoding="utf-8")
    keys.append(rubric_cache.code_key())
    (package / "new.py").write_text("", encoding="utf-8")
    keys.append(rubric_cache.code_key())
    (package / "_data").mkdir()
    (package / "_data" / "ignored.py").write_text("", encoding="utf-8")
    keys.append(rubric_cache.code_key())
    (seeds / "000.md").write_text("# 000\n\n## a passage\n", encoding="utf-8")
    keys.append(rubric_cache.code_key())
    assert len(set(keys)) == 4 and keys[2] == keys[3]


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
    assert len(list(cache.glob("*.rubric"))) == rubric_cache.KEEP
