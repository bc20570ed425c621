"""One render registry: every format a command offers is registered once, with a renderer that exists."""

from __future__ import annotations

import pytest

from cluster_assess.render import REGISTRY, formats, renderer


@pytest.mark.parametrize(("what", "fmt"), [(w, f) for w, table in REGISTRY.items() for f in table])
def test_every_registered_format_has_its_renderer(what, fmt):
    assert callable(renderer(what, fmt))


def test_the_commands_offer_exactly_the_registered_formats():
    from cluster_assess.cli.compare import CompareFormat
    from cluster_assess.cli.explain import ExplainFormat
    from cluster_assess.cli.report import ReportFormat
    from cluster_assess.cli.rubric import ListFormat
    from cluster_assess.cli.score import ScoreFormat

    for enum, what in ((ScoreFormat, "assessment"), (CompareFormat, "comparison"), (ReportFormat, "report"),
                       (ExplainFormat, "explanation"), (ListFormat, "rubric_list")):
        assert tuple(m.value for m in enum) == formats(what)
