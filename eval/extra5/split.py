# Split generated questions with random.Random(20261201).
# NOTE: the unsplit pool (_all_partA.jsonl, _all_partB.jsonl) and its generator were deleted after this
# split ran, so held-out items exist only in the *-heldout files. Kept to document the procedure.
# Part A: 50/50, stratified by (language, answerable). Part B: by article, 1 Sahel + 1 general to dev.
import json, os, random, shutil
from collections import defaultdict
BASE = "/work/blind5"
rng = random.Random(20261201)
A = [json.loads(l) for l in open(f"{BASE}/_all_partA.jsonl", encoding="utf-8")]
B = [json.loads(l) for l in open(f"{BASE}/_all_partB.jsonl", encoding="utf-8")]

strata = defaultdict(list)
for r in A:
    strata[(r["language"], r["answerable"])].append(r)
dev, held = [], []
for k in sorted(strata, key=str):
    grp = sorted(strata[k], key=lambda r: r["id"])
    rng.shuffle(grp)
    h = len(grp) // 2
    dev += grp[:h]; held += grp[h:]

def dump(path, rows):
    rows = sorted(rows, key=lambda r: r["id"])
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            r = {k: r[k] for k in ("id", "language", "question", "answerable", "articles", "facts", "answer")}
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

dump(f"{BASE}/blind5-dev.jsonl", dev)
dump(f"{BASE}/blind5-heldout.jsonl", held)

sahel = sorted(["2025-11-burkina-assises-bobo-dioulasso.md", "2025-09-niger-humanitaires-enleves-tahoua.md"])
general = sorted(["2025-02-rennes-greve-eboueurs.md", "2025-06-perigueux-proces-ancien-maire.md"])
dev_arts = {rng.choice(sahel), rng.choice(general)}
for part in ("dev", "heldout"):
    os.makedirs(f"{BASE}/extra5/{part}", exist_ok=True)
for art in sahel + general:
    part = "dev" if art in dev_arts else "heldout"
    shutil.copy(f"{BASE}/src/{art}", f"{BASE}/extra5/{part}/{art}")
dump(f"{BASE}/extra5-dev.jsonl", [r for r in B if r["_article"] in dev_arts])
dump(f"{BASE}/extra5-heldout.jsonl", [r for r in B if r["_article"] not in dev_arts])
print("dev articles:", sorted(dev_arts))
