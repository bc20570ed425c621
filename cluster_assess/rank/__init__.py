"""Ranking clusters the way cluster studies do: AHP, entropy and CRITIC weights; a weighted index,
TOPSIS and grey relational analysis; rank ranges over unknown values and rank stability.

Pure functions over numpy arrays, every convention named. The command is `cluster-assess rank`
(cluster_assess/commands/rank.py); `compare --method` and the comparison report reuse `run()`.
Importing this package imports nothing heavy: each module is imported where it is used.
"""
