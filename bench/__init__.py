"""The benchmark: corpus generator (generate.py), LexRank reference (lexrank.py) and runner
(run.py)."""
