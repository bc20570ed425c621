"""assess(profile, rubric) -> Assessment: the pure judgement."""

from cluster_assess.engine.assess import assess

__all__ = ["assess"]
