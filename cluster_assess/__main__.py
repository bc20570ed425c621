from cluster_assess.cli.main import main

main()
