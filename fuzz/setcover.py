#!/usr/bin/env python3
"""setcover.py - keep a small subset of a corpus with the same edges.

    setcover.py MAPS_DIR CORPUS_DIR OUT_DIR [MAX]

MAPS_DIR holds one `afl-showmap -i CORPUS_DIR -o MAPS_DIR` map per input
(lines "edge:count"). Greedy set cover on the edges (hit counts ignored):
repeatedly keep the input that adds the most edges not yet covered,
smaller inputs first on ties, stopping after MAX inputs (default 300)
so that the committed corpus stays modest. libFuzzer's -merge keeps
every input that adds anything, in size order, which for the compiler
leaves thousands.
"""
import os
import shutil
import sys

maps, corpus, out = sys.argv[1:4]
cap = int(sys.argv[4]) if len(sys.argv) > 4 else 300
edges = {}
for name in os.listdir(maps):
    with open(os.path.join(maps, name)) as f:
        edges[name] = {line.split(":")[0] for line in f if line.strip()}
size = {n: os.path.getsize(os.path.join(corpus, n)) for n in edges}
left = set().union(*edges.values()) if edges else set()
os.makedirs(out, exist_ok=True)
kept = 0
total = len(left)
while left and kept < cap:
    best = max(edges, key=lambda n: (len(edges[n] & left), -size[n]))
    gain = edges[best] & left
    if not gain:
        break
    left -= gain
    shutil.copy(os.path.join(corpus, best), os.path.join(out, best))
    del edges[best]
    kept += 1
print("setcover: kept %d inputs covering %d of %d edges" %
      (kept, total - len(left), total))
