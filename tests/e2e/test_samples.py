#!/usr/bin/python3
"""End-to-end: ingest samples/, export JSON and GraphML, check structure, persons,
idempotence and that the exports load in networkx with the counts `stats` reports.

usage: test_samples.py KAMERGRAPH_BINARY
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KG = sys.argv[1]

# What a reader counts in each sample (file prefix -> questions, answers), and who asked
# and answered with the party or ministry the document gives.
EXPECTED = {
    "000": {"questions": 12, "answers": 12, "asked": {"Rajkowski": "VVD"},
            "answered": {"Adriaansens": None}},
    "001": {"questions": 7, "answers": 7, "asked": {"Rajkowski": "VVD"},
            "answered": {"Blok": None}},
    "002": {"questions": 0, "answers": 0, "asked": {}, "answered": {}},
    "003": {"questions": 15, "answers": 14,
            "asked": {"Ginneken": "D66", "Dekker-Abdulaziz": "D66"},
            "answered": {"Yeşilgöz-Zegerius": "VVD", "Bruins Slot": "CDA"}},
    "004": {"questions": 14, "answers": 14,
            "asked": {"Michon": "VVD", "Brekelmans": "VVD", "Rajkowski": "VVD"},
            "answered": {"Knapen": "CDA", "Grapperhaus": "CDA"}},
}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, ok=(0,)):
    p = subprocess.run([KG, *args], capture_output=True, text=True)
    if p.returncode not in ok:
        print(p.stdout, p.stderr)
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}")
    return p


def stats(db):
    out = run("stats", "--db", db).stdout
    return {line.split()[0]: int(line.split()[-1]) for line in out.splitlines()
            if line and not line.startswith(" ") and line.split()[-1].isdigit()}


def main():
    tmp = tempfile.mkdtemp(prefix="kg-e2e-")
    db = os.path.join(tmp, "db")
    run("ingest", os.path.join(ROOT, "samples"), "--db", db)
    first = stats(db)
    run("ingest", os.path.join(ROOT, "samples"), "--db", db)
    check(stats(db) == first, "ingesting the same folder twice leaves stats unchanged")

    js, gml = os.path.join(tmp, "g.json"), os.path.join(tmp, "g.graphml")
    run("export", "--db", db, "--format", "json", "--out", js)
    run("export", "--db", db, "--format", "graphml", "--out", gml)
    data = json.load(open(js, encoding="utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    links = data["links"]
    check(len(nodes) == first["nodes"] and len(links) == first["edges"],
          "JSON export has the node and edge counts of stats")

    for n in data["nodes"]:
        check(n.get("provenance"), f"node {n['id']} has provenance")
    for l in links:
        check(l.get("provenance"), f"edge {l['source']}->{l['target']} has provenance")

    docs = {os.path.basename(n["source"])[:3]: n for n in nodes.values() if n["type"] == "Document"}
    for prefix, exp in EXPECTED.items():
        doc = docs.get(prefix)
        check(doc is not None, f"document {prefix} ingested")
        if doc is None:
            continue
        contained = [l["target"] for l in links if l["source"] == doc["id"] and l["type"] == "CONTAINS"]
        q = [t for t in contained if nodes[t]["type"] == "Question"]
        a = [t for t in contained if nodes[t]["type"] == "Answer"]
        check(len(q) == exp["questions"], f"{prefix}: {len(q)} questions, expected {exp['questions']}")
        check(len(a) == exp["answers"], f"{prefix}: {len(a)} answers, expected {exp['answers']}")
        for verb, targets in (("ASKED", q), ("ANSWERED", a)):
            people = {l["source"] for l in links if l["type"] == verb and l["target"] in targets}
            labels = {nodes[p]["label"]: p for p in people}
            for name, party in exp[verb.lower()].items():
                hit = [p for lab, p in labels.items() if name in lab]
                check(len(hit) == 1, f"{prefix}: {name} {verb.lower()} ({sorted(labels)})")
                if hit and party:
                    parties = {nodes[l["target"]].get(k) for l in links for k in ("label", "abbr")
                               if l["source"] == hit[0] and l["type"] == "MEMBER_OF"}
                    check(party in parties, f"{prefix}: {name} is a member of {party} ({parties})")

    rajkowski = [n for n in nodes.values() if n["type"] == "Person" and "Rajkowski" in n["label"]]
    check(len(rajkowski) == 1, "one Rajkowski node across documents")

    p = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests/e2e/check_exports.py"),
                        gml, js, str(first["nodes"]), str(first["edges"])],
                       capture_output=True, text=True)
    print(p.stdout.strip(), p.stderr.strip())
    check(p.returncode == 0, "networkx, igraph and xmllint read the exports with stats' counts")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("e2e samples: ok", first)
    return 0


if __name__ == "__main__":
    sys.exit(main())
