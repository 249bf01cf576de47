# Adapted from round 8's check.py. Verifies the round-9 question files: schema, verbatim facts, article lists, counts,
# front matter and length of the three new articles, and that no unsplit pool or generator is left behind.
# Usage: python3 check.py [BASE]   (BASE defaults to /work/round9/sealed; BASE holds blind9-*.jsonl and extra9/)
# Part A facts are checked against the bundled corpus, /work/main/corpus.
import json, glob, os, re, sys
BASE = sys.argv[1] if len(sys.argv) > 1 else "/work/round9/sealed"
KEYS = ["id", "language", "question", "answerable", "articles", "facts", "answer"]
def load_docs(d):
    return {os.path.basename(p): open(p, encoding="utf-8").read() for p in glob.glob(d + "/*.md") if not p.endswith("README.md")}
SETS = {
    "blind9-dev.jsonl": load_docs("/work/main/corpus"),
    "blind9-heldout.jsonl": load_docs("/work/main/corpus"),
    "extra9/extra9-dev.jsonl": load_docs(f"{BASE}/extra9/dev"),
    "extra9/extra9-heldout.jsonl": load_docs(f"{BASE}/extra9/heldout"),
}
def casual(q):
    return q[:1].islower() or not q.rstrip().endswith("?")
errors, ids = [], set()
tot = {}
for fn, docs in SETS.items():
    rows = [json.loads(l) for l in open(f"{BASE}/{fn}", encoding="utf-8")]
    c = {"n": len(rows), "en": 0, "fr": 0, "answerable": 0, "unanswerable": 0, "casual": 0}
    per_art = {}
    for r in rows:
        if list(r.keys()) != KEYS: errors.append((fn, r.get("id"), "keys", list(r.keys())))
        if r["id"] in ids: errors.append((fn, r["id"], "dup id"))
        ids.add(r["id"])
        pat = r"b9-\d{3}" if fn.startswith("blind9") else r"x9-[a-z0-9]+-\d{2}"
        if not re.fullmatch(pat, r["id"]): errors.append((fn, r["id"], "id format"))
        if r["language"] not in ("en", "fr"): errors.append((fn, r["id"], "lang"))
        c[r["language"]] += 1
        c["answerable" if r["answerable"] else "unanswerable"] += 1
        c["casual"] += casual(r["question"])
        if not isinstance(r["answerable"], bool): errors.append((fn, r["id"], "answerable not bool"))
        if not r["answer"].strip(): errors.append((fn, r["id"], "empty answer"))
        if not r["answerable"]:
            if r["articles"] or r["facts"]: errors.append((fn, r["id"], "unanswerable with facts"))
            continue
        if not 1 <= len(r["facts"]) <= 3 or not r["articles"]: errors.append((fn, r["id"], "facts count/articles"))
        holders = set()
        for f in r["facts"]:
            n = len(f.split())
            if not 2 <= n <= 8: errors.append((fn, r["id"], "fact length", f))
            where = {a for a, t in docs.items() if f in t}
            if not where: errors.append((fn, r["id"], "fact not verbatim", f))
            if not where & set(r["articles"]): errors.append((fn, r["id"], "fact not in listed article", f))
            holders |= where
        if set(r["articles"]) != holders or len(r["articles"]) != len(set(r["articles"])):
            errors.append((fn, r["id"], "article list != holders", r["articles"], sorted(holders)))
        for a in r["articles"]:
            per_art.setdefault(a, 0); per_art[a] += 1
    tot[fn] = (c, rows)
    print(fn, c, per_art if fn.startswith("extra") else "")
# Part A totals (dev + heldout): 60 questions, half/half languages, >= 30 casual, 45 answerable / 15 unanswerable;
# each half 30 questions, 15 en + 15 fr
a = [r for fn in ("blind9-dev.jsonl", "blind9-heldout.jsonl") for r in tot[fn][1]]
na = len(a)
if na != 60: errors.append(("partA", "count", na))
if sum(r["language"] == "en" for r in a) != na // 2: errors.append(("partA", "language balance"))
if sum(casual(r["question"]) for r in a) < 30: errors.append(("partA", "casual < 30"))
if sum(not r["answerable"] for r in a) != 15: errors.append(("partA", "unanswerable != 15"))
for fn in ("blind9-dev.jsonl", "blind9-heldout.jsonl"):
    rs = tot[fn][1]
    if len(rs) != 30 or sum(r["language"] == "en" for r in rs) != 15: errors.append(("partA", fn, "half size/language"))
print("partA total", na, "en", sum(r["language"] == "en" for r in a), "casual", sum(casual(r["question"]) for r in a),
      "unanswerable", sum(not r["answerable"] for r in a))
# Part B: 10 casual questions per article, 5 en + 5 fr, 2-3 unanswerable; one article in dev, two in held-out
b = [r for fn in ("extra9/extra9-dev.jsonl", "extra9/extra9-heldout.jsonl") for r in tot[fn][1]]
by = {}
for r in b:
    art = r["id"].split("-")[1]
    by.setdefault(art, []).append(r)
for art, rs in sorted(by.items()):
    u = sum(not r["answerable"] for r in rs); en = sum(r["language"] == "en" for r in rs); cz = sum(casual(r["question"]) for r in rs)
    print("article", art, "n", len(rs), "unanswerable", u, "en", en, "casual", cz)
    if len(rs) != 10 or not 2 <= u <= 3 or en != 5 or cz != 10: errors.append(("partB", art, "counts"))
if len(by) != 3: errors.append(("partB", "expected 3 article tags", sorted(by)))
for fn, n in (("extra9/extra9-dev.jsonl", 1), ("extra9/extra9-heldout.jsonl", 2)):
    if len({r["id"].split("-")[1] for r in tot[fn][1]}) != n: errors.append((fn, "expected %d article tag(s)" % n))
    if len({a for r in tot[fn][1] for a in r["articles"]}) != n: errors.append((fn, "expected %d article(s) cited" % n))
# new articles: front matter and length
for p in sorted(glob.glob(f"{BASE}/extra9/*/*.md")):
    t = open(p, encoding="utf-8").read()
    m = re.match(r'---\ntitle: "[^"\n]+"\nsource: [^\n]+\nurl: "https://www\.[a-z0-9-]+\.[a-z]{2,}/[^"\n]+"\npublished: "\d{4}-\d{2}-\d{2}"\nlanguage: fr\n---\n', t)
    if not m: errors.append((p, "front matter"))
    body = t[m.end():] if m else t
    w = len(body.split())
    if not 350 <= w <= 600: errors.append((p, "length", w))
    print(os.path.relpath(p, BASE), w, "words", "|", re.search(r'title: "([^"]+)"', t).group(1))
if len(glob.glob(f"{BASE}/extra9/dev/*.md")) != 1 or len(glob.glob(f"{BASE}/extra9/heldout/*.md")) != 2:
    errors.append(("extra9", "expected 1 dev + 2 heldout articles"))
for rel in ("extra9/extra9-dev.jsonl", "extra9/extra9-heldout.jsonl"):
    part = "dev" if rel.endswith("-dev.jsonl") else "heldout"
    for r in tot[rel][1]:
        for a in r["articles"]:
            if not os.path.exists(f"{BASE}/extra9/{part}/{a}"): errors.append((rel, r["id"], "article not in its folder", a))
# held-out items must exist only in the *-heldout files: no unsplit pool, generator or staging copies left
left = [p for p in glob.glob(f"{BASE}/**/*", recursive=True)
        if os.path.basename(p).startswith("_all_") or os.path.basename(p).startswith("_gen") or p == f"{BASE}/src"]
if left: errors.append(("leftovers", sorted(left)))
print("ERRORS:" if errors else "OK: all checks passed", *errors, sep="\n")
sys.exit(1 if errors else 0)
