"""`python -m cluster_assess.indicators` until the lead mounts the sub-app in the main CLI."""

from cluster_assess.indicators.cli import main

main()
