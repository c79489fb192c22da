#!/usr/bin/python3
"""End-to-end exports: ingest samples/ plus a document whose file name is hostile text
(markup, quotes, a control character, a right-to-left mark, an emoji and a byte of
invalid UTF-8), export every format, read each back with real readers
(check_exports.py) at the counts `stats` reports, and check the filters.

usage: test_exports.py KAMERGRAPH_BINARY JS_DIR [--js-only]
  --js-only: only the graphology readers (Gephi Lite's parsers) from JS_DIR/node_modules;
             exits 77 (skipped) when node or those packages are missing.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from export_gexf_checks import expected_times  # noqa: E402
from export_truth import Truth  # noqa: E402

KG = sys.argv[1] if len(sys.argv) > 2 else sys.exit(__doc__)
JS_DIR = sys.argv[2]
JS_ONLY = "--js-only" in sys.argv[3:]
HOSTILE_NAME = b"hostile <&\"' \x01 \xe2\x80\x8f \xf0\x9f\x98\x80 \xff.txt"
HOSTILE_TEXT = ("Kabinet <&> \"Hikvision\" 'camera's' \u200f \U0001F600\n\n"
                "Het bericht over Hikvision en Huawei in Den Haag.\n")

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, ok=(0,)):
    p = subprocess.run([KG, *args], capture_output=True)
    if p.returncode not in ok:
        print(p.stdout.decode(errors="replace")[-2000:], p.stderr.decode(errors="replace"))
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}")
    return p


def stats(db):
    out = run("stats", "--db", db).stdout.decode()
    return {line.split()[0]: int(line.split()[-1]) for line in out.splitlines()
            if line and not line.startswith(" ") and line.split()[-1].isdigit()}


def export(db, fmt, out, *filters):
    """Exports and returns the (nodes, edges) the command reports."""
    message = run("export", "--db", db, "--format", fmt, "--out", out, *filters).stderr.decode()
    words = message.split("(")[-1].split()
    return int(words[0]), int(words[2])


def check_readers(paths, counts, extra=()):
    command = ["/usr/bin/python3", os.path.join(HERE, "check_exports.py"),
               "--json", paths["json"], "--graphml", paths["graphml"], "--gexf", paths["gexf"],
               "--nodes", str(counts[0]), "--edges", str(counts[1]), *extra]
    if not JS_ONLY:
        command += ["--csv", paths["csv"]]
    p = subprocess.run(command, capture_output=True, text=True)
    print(p.stdout.strip(), p.stderr.strip()[-4000:])
    return p.returncode


def export_all(db, tmp, name, *filters):
    paths = {fmt: os.path.join(tmp, f"{name}.{fmt}") for fmt in ("graphml", "gexf", "json")}
    paths["csv"] = os.path.join(tmp, f"{name}-csv")
    counts = {fmt: export(db, fmt, path, *filters) for fmt, path in paths.items()}
    check(len(set(counts.values())) == 1, f"{name}: every format has the same counts {counts}")
    return paths, counts["json"]


def closed(truth):
    return all(s in truth.nodes and t in truth.nodes for s, t, _, _ in truth.edges)


def check_filters(db, tmp, full):
    def view(name, *filters):
        path = os.path.join(tmp, name + ".json")
        counts = export(db, "json", path, *filters)
        truth = Truth(path)
        check((len(truth.nodes), len(truth.edges)) == counts, f"{name}: reported counts")
        check(closed(truth), f"{name}: no dangling edges")
        return truth

    types = view("types", "--type", "Person,party")
    check(types.nodes and {a["type"] for a in types.nodes.values()} == {"Person", "Party"},
          "--type Person,party keeps persons and parties")
    check({e[3]["type"] for e in types.edges} == {"MEMBER_OF"}, "--type: memberships remain")

    mentions = view("mentions", "--type", "MENTIONS")
    check(len(mentions.nodes) == len(full.nodes) and mentions.edges and
          all(e[3]["type"] == "MENTIONS" for e in mentions.edges),
          "--type MENTIONS keeps every node and only MENTIONS edges")

    ego = view("ego1", "--ego", "hikvision", "--depth", "1")
    centre = [i for i, a in ego.nodes.items() if a["label"] == "Hikvision"]
    check(len(centre) == 1, "--ego hikvision resolves to the Hikvision node")
    if centre:
        neighbours = {s for s, t, _, _ in full.edges if t == centre[0]} | \
                     {t for s, t, _, _ in full.edges if s == centre[0]}
        check(set(ego.nodes) == neighbours | {centre[0]},
              "--depth 1: Hikvision and exactly its neighbours")

    asked = view("ego2", "--ego", "hikvision", "--depth", "2", "--type", "Person,Question")
    check(any(a["type"] == "Person" for a in asked.nodes.values()) and
          any(e[3]["type"] == "ASKED" for e in asked.edges),
          "--ego hikvision --depth 2 --type Person,Question: who asked about Hikvision")

    starts, _ = expected_times(full)
    window = view("window", "--from", "2021-10-01", "--to", "2021-12-31")
    events = {i for i, a in full.nodes.items() if a["type"] in ("Question", "Answer")}
    inside = {i for i in events if 20211001 <= starts[i][0] <= 20211231}
    check(inside and events & set(window.nodes) == inside,
          "--from/--to keep exactly the questions and answers dated in the window")

    docs = [a for a in full.nodes.values() if a["type"] == "Document" and a.get("zaak")]
    doc_id = next(i for i, a in full.nodes.items() if a is docs[0])
    one = view("doc", "--doc", docs[0]["zaak"])
    check(doc_id in one.nodes and len(one.nodes) > 1 and all(
        i == doc_id or any(p["doc"] == doc_id for p in a["provenance"])
        for i, a in one.nodes.items()), "--doc keeps what one document says")

    core = view("core", "--min-degree", "3")
    degree = {}
    for s, t, _, _ in core.edges:
        degree[s] = degree.get(s, 0) + 1
        degree[t] = degree.get(t, 0) + 1
    check(core.nodes and all(degree.get(i, 0) >= 3 for i in core.nodes),
          "--min-degree 3: every node keeps at least 3 edges")

    for args in (["--type", "Foo"], ["--from", "2021-13-01"], ["--ego", "no such node xyz"],
                 ["--depth", "2"], ["--doc", "no such document xyz"], ["--format", "csv"]):
        command = ["export", "--db", db, *args]
        if "--format" not in args:
            command += ["--format", "json", "--out", os.path.join(tmp, "x.json")]
        p = run(*command, ok=(0, 1, 2, 3))
        check(p.returncode == 1 and p.stderr, f"export {' '.join(args)}: usage error (exit 1)")


def main():
    tmp = tempfile.mkdtemp(prefix="kg-exports-")
    try:
        corpus, db = os.path.join(tmp, "corpus"), os.path.join(tmp, "db")
        shutil.copytree(os.path.join(ROOT, "samples"), corpus)
        with open(os.path.join(corpus.encode(), HOSTILE_NAME), "wb") as f:
            f.write(HOSTILE_TEXT.encode())
        run("ingest", corpus, "--db", db)
        counts = (stats(db)["nodes"], stats(db)["edges"])
        paths, reported = export_all(db, tmp, "full")
        check(reported == counts, f"exports report the counts of stats {counts}")
        extra = ["--expect-hostile"] + (["--js", JS_DIR, "--js-only"] if JS_ONLY else [])
        code = check_readers(paths, counts, extra)
        if JS_ONLY:
            return code
        check(code == 0, "every reader reads every export with stats' counts")

        stdout = run("export", "--db", db, "--format", "gexf").stdout
        check(stdout.startswith(b"<?xml") and stdout.rstrip().endswith(b"</gexf>"),
              "export without --out writes to stdout")

        check_filters(db, tmp, Truth(paths["json"]))
        ego_paths, ego_counts = export_all(db, tmp, "ego", "--ego", "hikvision", "--depth", "2")
        check(check_readers(ego_paths, ego_counts, ["--whole", paths["json"]]) == 0,
              "a filtered export reads back too")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("e2e exports: ok", counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
