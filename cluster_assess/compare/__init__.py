"""compare(): many Assessments → one Comparison — the comparison · index · rows · trajectories.

`cluster_assess.compare` names both this package and the library function `compare()`: once the
package is imported, Python binds the package to that name on `cluster_assess`, hiding the
function. So the package itself is callable and calls the function, and `from cluster_assess
import compare; compare(assessments, rubric)` works whichever import came first.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from cluster_assess.compare.comparison import compare

        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
