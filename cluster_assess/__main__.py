from cluster_assess.cli import main

main()
