"""Files saved by Chinese Windows (GBK/GB18030, CRLF), with a BOM, or as UTF-16 are read right and
give the same assessment as their UTF-8 twin; bytes that are not text are refused plainly."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from cluster_assess.errors import UserError
from cluster_assess.io.yamlsource import decode

TWINS = [
    ("xiaoguanzhuang-glass.gbk.yaml", "gbk", "GBK"),
    ("xiaoguanzhuang-glass.gb18030-crlf.yaml", "gb18030", "GBK"),
    ("xiaoguanzhuang-glass.utf8-bom.yaml", "utf-8-sig", None),
]


@pytest.mark.parametrize(("name", "encoding", "note"), TWINS)
def test_a_non_utf8_twin_gives_the_same_assessment(cli, tmp_path, name, encoding, note):
    path = FIXTURES / name
    twin = tmp_path / "utf8.yaml"
    twin.write_text(path.read_bytes().decode(encoding).replace("\r\n", "\n"), encoding="utf-8")
    assert "小官庄镇" in twin.read_text(encoding="utf-8")
    expected = cli("score", twin, "-F", "json").json()
    run = cli("score", path, "-F", "json")
    assert run.code == 0, run.err
    got = run.json()
    assert got == expected
    if note:
        assert f"warning: {path}: read as {note}" in run.err
    else:
        assert "read as" not in run.err


def test_validate_says_how_a_gbk_file_was_read(cli):
    run = cli("validate", FIXTURES / "xiaoguanzhuang-glass.gbk.yaml")
    assert run.code == 0
    assert "read as GBK/GB18030" in run.out


def test_utf16_with_bom_is_read(cli, tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes("name: 某镇\nfacts:\n  firms:\n    total: 200多家\n".encode("utf-16"))
    run = cli("score", path, "-F", "json")
    assert run.code == 0, run.err
    facts = {f["path"]: f for f in run.json()["facts"]}
    assert facts["facts.firms.total"]["value"] == 200
    assert "UTF-16" in run.err


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x00\x01\x02binary", "binary file"),
        ("name: café crème brûlée\n".encode("latin-1"), "neither UTF-8 nor GBK"),
        ("name: Привет мир\n".encode("cp1251"), "neither UTF-8 nor GBK"),
        (b"\xff\xfe\x00", "UTF-16"),
    ],
)
def test_text_that_is_neither_utf8_nor_gbk_is_refused(data, words):
    with pytest.raises(UserError, match=words):
        decode(data, "x.yaml")


def test_gbk_detection_keeps_utf8_first():
    """Valid UTF-8 is never reinterpreted, even when the bytes would also decode as GB18030."""
    text = "name: 玻璃工艺品\n"
    assert decode(text.encode("utf-8"), "x.yaml") == text
    assert decode(text.encode("gbk"), "x.yaml") == text
