"""What is known about one cluster: facts, their kinds, the field catalogue, loading, checks, the template."""
