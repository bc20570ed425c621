"""cluster-assess: judge an industrial cluster's stage, problems and next steps from sourced rubrics.

The library API (the CLI is a thin layer over it):

    from cluster_assess import load_profile, load_rubric, assess, compare

    rubric = load_rubric()                        # the built-in cluster-core, or an id or a path
    loaded = load_profile("examples/shishi.yaml")  # .profile, .warnings; UserError if invalid
    result = assess(loaded.profile, rubric)        # an Assessment
    table = compare([result, ...], rubric)         # a Comparison

The names are imported on first use (module `__getattr__`), so `import cluster_assess` stays
cheap: the CLI's `--help` and `--version` need none of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name → the module that defines it
_API = {
    "load_profile": "cluster_assess.profile.loading",
    "load_rubric": "cluster_assess.rubric.loading",
    "assess": "cluster_assess.engine.assess",
    "compare": "cluster_assess.compare.comparison",
}
__all__ = ["__version__", "assess", "compare", "load_profile", "load_rubric"]

if TYPE_CHECKING:
    from cluster_assess.compare.comparison import compare
    from cluster_assess.engine.assess import assess
    from cluster_assess.profile.loading import load_profile
    from cluster_assess.rubric.loading import load_rubric


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(import_module(_API[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'cluster_assess' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
