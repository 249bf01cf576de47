# Split generated questions with random.Random(20261209).
# Adapted from round 8's split.py. NOTE: the unsplit pool (_all_partA.jsonl, _all_partB.jsonl), its generator and the
# staging copies of the three new articles (src/) were deleted after this split ran, so held-out items exist only in the
# *-heldout files. Kept to document the procedure.
# Part A: 50/50, stratified by (language, answerable); in odd-sized strata the extra item goes alternately to
# held-out and dev (in sorted stratum order), so the halves come out 30/30.
# Part B: by article, one of the three new articles (chosen by the seeded rng) to dev, the other two to held-out.
import json, os, random, shutil
from collections import defaultdict
BASE = "/work/round9/sealed"
rng = random.Random(20261209)
A = [json.loads(l) for l in open(f"{BASE}/_all_partA.jsonl", encoding="utf-8")]
B = [json.loads(l) for l in open(f"{BASE}/_all_partB.jsonl", encoding="utf-8")]

strata = defaultdict(list)
for r in A:
    strata[(r["language"], r["answerable"])].append(r)
dev, held = [], []
odd = 0
for k in sorted(strata, key=str):
    grp = sorted(strata[k], key=lambda r: r["id"])
    rng.shuffle(grp)
    h = len(grp) // 2
    if len(grp) % 2:
        h += odd; odd ^= 1
    dev += grp[:h]; held += grp[h:]

def dump(path, rows):
    rows = sorted(rows, key=lambda r: r["id"])
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            r = {k: r[k] for k in ("id", "language", "question", "answerable", "articles", "facts", "answer")}
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

dump(f"{BASE}/blind9-dev.jsonl", dev)
dump(f"{BASE}/blind9-heldout.jsonl", held)

arts = sorted(["2026-10-burkina-wendokoro-meningite-vaccination.md", "2026-11-montcerlieu-proces-ancien-maire-cantine.md",
               "2026-12-keltra-abandon-gigafactory-portugal.md"])
dev_arts = {rng.choice(arts)}
for part in ("dev", "heldout"):
    os.makedirs(f"{BASE}/extra9/{part}", exist_ok=True)
for art in arts:
    part = "dev" if art in dev_arts else "heldout"
    shutil.copy(f"{BASE}/src/{art}", f"{BASE}/extra9/{part}/{art}")
dump(f"{BASE}/extra9/extra9-dev.jsonl", [r for r in B if r["_article"] in dev_arts])
dump(f"{BASE}/extra9/extra9-heldout.jsonl", [r for r in B if r["_article"] not in dev_arts])
print("dev articles:", sorted(dev_arts), "| partA dev", len(dev), "heldout", len(held))
