"""The rubric: its model, conditions, loading (extends, cache), checks, seeds, wording and explanations."""
