"""cluster-assess: judge an industrial cluster's stage, problems and next steps from sourced rubrics."""

__version__ = "0.1.0"
