"""No input crashes `validate` or `score`: random mappings shaped like profiles, random YAML-ish
text and random bytes all end in exit 0 (accepted) or 2 (a message), never 1 or a traceback."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cluster_assess.profile.fields import field_specs

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

PATHS = sorted(field_specs())
WORDS = sorted({part for path in PATHS for part in path.split(".")} | {"name", "region", "industry", "year",
                                                                        "sources", "notes", "value", "source",
                                                                        "note", "score", "evidence"})
AMOUNTS = ["20多亿元", "２００多家", "30%以上", "2000万美元", "三成", "百分之三十", "不足20亿元", "20-30亿元",
           "数百家", "下降5%", "1e400", "nan", "是", "否", "low", "mid", "", " ", "0.3", "30", "-1", "1,200家"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(AMOUNTS), st.text(max_size=12),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), inner, max_size=4),
    ),
    max_leaves=12,
)


def _nest(flat: dict[str, object]) -> dict[str, object]:
    data: dict[str, object] = {}
    for path, value in flat.items():
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[leaf] = value
    return data


profiles = st.one_of(
    st.dictionaries(st.sampled_from([*PATHS, "name", "year", "industry"]), values, max_size=8).map(_nest),
    st.dictionaries(st.sampled_from(WORDS), values, max_size=5),
    values,
)


def _assert_handled(cli, path) -> None:
    for args in (("validate", path), ("score", path, "-F", "json")):
        run = cli(*args)
        assert run.code in (0, 2), (args, run.err)
        assert "Traceback" not in run.out + run.err
        assert "internal error" not in run.err


@SETTINGS
@given(data=profiles)
def test_random_profiles_never_crash(cli, tmp_path, data):
    path = tmp_path / "random.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _assert_handled(cli, path)


yaml_text = st.lists(
    st.one_of(
        st.sampled_from(["name: 某镇", "facts:", "  firms:", "    total: 200多家", "ratings:", "  market_norms: 3",
                         "- a", "  - b", "&a [1, 2]", "*a", "<<: *a", "!!python/object:os.system x", "? [a]",
                         ": b", "'unterminated", '"also', "\tkey: tab", "---", "...", "%YAML 1.1", "{a: [", "]}",
                         "key: |", "  block", "key: >-", "# comment", "year: 2012-13-45", "!!binary aGk=",
                         "x: !!int abc", "&x [*x]", "", "   "]),
        st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`, \t?年多亿元0123456789abcxyz")), max_size=20),
    ),
    max_size=12,
).map("\n".join)


@SETTINGS
@given(text=yaml_text)
def test_random_yaml_text_never_crashes(cli, tmp_path, text):
    path = tmp_path / "random.yaml"
    path.write_text(text, encoding="utf-8")
    _assert_handled(cli, path)


@SETTINGS
@given(data=st.binary(max_size=200))
def test_random_bytes_never_crash(cli, tmp_path, data):
    path = tmp_path / "random.yaml"
    path.write_bytes(data)
    _assert_handled(cli, path)
