"""The document model and the documents built on it: one cluster's report, a comparison report."""
