"""compare(assessments) -> Comparison: the maturity index, ranking, gaps and trajectories."""
