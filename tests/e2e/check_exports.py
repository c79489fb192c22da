#!/usr/bin/python3
"""Reads kamergraph's exports with the readers people use and checks that nothing is lost.

Usage:
  check_exports.py --json F [--graphml F] [--gexf F] [--csv DIR] --nodes N --edges M
                   [--whole F] [--js DIR] [--js-only] [--expect-hostile]
  check_exports.py GRAPHML JSON NODES EDGES      (GraphML and JSON only)

The node-link JSON export is the yardstick (it keeps native types). Every reader must see
NODES nodes and EDGES edges, the same ids, labels, types, attribute values and provenance,
and the file must declare each attribute with the type its values have. Readers:
networkx (read_graphml, node_link_graph) and igraph (Read_GraphML) for GraphML and JSON;
xmllint --noout for GraphML and GEXF; ElementTree by the GEXF 1.3 specification, plus the
GEXF structure (kind, viz colours and sizes, and the timeline from the documents, taken
from --whole F, the unfiltered JSON export, when the exports are filtered); a strict CSV
reader by the neo4j-admin import layout; with --js DIR, graphology-graphml and
graphology-gexf (Gephi Lite's parsers) from DIR/node_modules. A string holding U+200F
(the hostile test text) must keep its markup, quotes, mark and emoji, show U+FFFD where
invalid UTF-8 was, and hold nothing its format cannot carry.
Exit: 0 ok, 1 a check failed, 2 bad usage or a missing Python reader, 77 (--js-only)
node or the graphology packages are not installed.
"""

import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_gexf_checks import check_gexf_structure  # noqa: E402
from export_truth import Truth, canon, hostile_problems, provenance_match, token  # noqa: E402
from export_truth import values_match  # noqa: E402
import export_csv  # noqa: E402
import export_readers as readers  # noqa: E402

SKIP = 77
FORMAT_TYPES = {
    "graphml": {"list": "string", "date": "string"},
    "gexf": {"list": "string", "date": "string"},
    "csv": {"list": "string[]", "date": "date"},
}
RESERVED_DECLARED = {
    "graphml": {"node": ("label", "type", "provenance"), "edge": ("label", "type", "provenance")},
    "gexf": {"node": ("type", "provenance"), "edge": ("type", "provenance")},
    "csv": {"node": ("label", "provenance"), "edge": ("provenance",)},
}
MAX_PER_READER = 12


def absent(value):
    """How a reader that fills absent attributes shows them (igraph: "", None, NaN, and
    False for booleans)."""
    return value is None or value in ("", False) or (isinstance(value, float) and value != value)


class Checker:
    def __init__(self, truth, expected):
        self.truth = truth
        self.expected = expected
        self.failures = []
        self.summary = []

    def compare(self, dump):
        found = []

        def fail(message):
            if len(found) < MAX_PER_READER:
                found.append(f"{dump.reader} [{dump.format}]: {message}")

        for warning in dump.warnings:
            fail(f"reader warning: {warning}")
        counts = (len(dump.nodes), len(dump.edges))
        if counts != self.expected:
            fail(f"saw {counts[0]} nodes / {counts[1]} edges, expected "
                 f"{self.expected[0]} / {self.expected[1]}")
        self.check_declared(dump, fail)
        for ident, exp in self.truth.nodes.items():
            got = dump.nodes.get(canon(ident))
            if got is None:
                fail(f"node {ident!r} missing")
            else:
                self.check_attrs(dump, f"node {ident!r}", exp, got, fail, edge=False)
        for position, (s, t, _, exp) in enumerate(self.truth.edges):
            got = dump.edges.get(position)
            if got is None:
                fail(f"edge {position} ({s} -> {t}) missing")
                continue
            if (canon(got[0]), canon(got[1])) != (canon(s), canon(t)):
                fail(f"edge {position} joins {got[0]!r} -> {got[1]!r}, expected {s!r} -> {t!r}")
            if dump.format in ("graphml", "gexf") and got[2].get("label") != exp["type"]:
                fail(f"edge {position}: label {got[2].get('label')!r}, expected {exp['type']!r}")
            if "kind" in dump.extras and got[2].get("kind") != exp["type"]:
                fail(f"edge {position}: kind {got[2].get('kind')!r}, expected {exp['type']!r}")
            self.check_attrs(dump, f"edge {position}", exp, got[2], fail, edge=True)
        self.check_hostile(dump, fail)
        self.failures += found
        if not found:
            self.summary.append(f"{dump.reader} [{dump.format}]")

    def check_declared(self, dump, fail):
        if not dump.declared:
            return
        mapping = FORMAT_TYPES[dump.format]
        for domain in ("node", "edge"):
            declared = dump.declared[domain]
            for name, kind in self.truth.kinds[domain].items():
                want = mapping.get(kind, kind)
                if declared.get(name) != want:
                    fail(f"{domain} attribute {name!r} declared {declared.get(name)!r}, "
                         f"its values are {want}")
            for name in RESERVED_DECLARED[dump.format][domain]:
                if declared.get(name) != "string":
                    fail(f"{domain} attribute {name!r} declared {declared.get(name)!r}")

    def check_attrs(self, dump, what, exp, got, fail, edge):
        for name, value in exp.items():
            if name == "label" and edge:
                continue
            if name not in got:
                fail(f"{what}: no {name}")
            elif name == "provenance":
                if not provenance_match(value, got[name]):
                    fail(f"{what}: provenance {got[name]!r}, expected {value!r}")
            elif name == "label":
                want = token(canon(value)) if dump.token_labels else canon(value)
                if not isinstance(got[name], str) or canon(got[name]) != want:
                    fail(f"{what}: label {got[name]!r}, expected {want!r}")
            elif not values_match(value, got[name], dump.list_element):
                fail(f"{what}: {name} = {got[name]!r} ({type(got[name]).__name__}), "
                     f"expected {value!r} ({type(value).__name__})")
        for name, value in got.items():
            if name in exp or name in dump.extras or (edge and name == "label"):
                continue
            if not (dump.fills_missing and absent(value)):
                fail(f"{what}: unexpected attribute {name!r} = {value!r}")

    def check_hostile(self, dump, fail):
        carrier = {"json": "json", "csv": "csv"}.get(dump.format, "xml")
        for ident, exp in self.truth.nodes.items():
            got = dump.nodes.get(canon(ident), {})
            for name, value in exp.items():
                if isinstance(value, str) and "\u200f" in value and isinstance(got.get(name), str):
                    for problem in hostile_problems(got[name], carrier):
                        fail(f"node {ident!r} {name}: {problem}: {got[name]!r}")

    def hostile_count(self):
        return sum(1 for a in self.truth.nodes.values()
                   for v in a.values() if isinstance(v, str) and "\u200f" in v)


def xmllint(path, failures):
    try:
        run = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    except FileNotFoundError:
        failures.append("xmllint is not installed (Debian: libxml2-utils)")
        return False
    if run.returncode != 0:
        failures.append(f"xmllint {path}: " + (run.stderr.strip().splitlines() or ["?"])[0])
        return False
    return True


def parse_args(argv):
    if len(argv) == 5 and not argv[1].startswith("-"):
        return argparse.Namespace(graphml=argv[1], json=argv[2], nodes=argv[3], edges=argv[4],
                                  gexf=None, csv=None, js=None, js_only=False, whole=None,
                                  expect_hostile=False)
    p = argparse.ArgumentParser(usage=__doc__.split("\n\n")[0])
    p.add_argument("--json", required=True)
    p.add_argument("--graphml")
    p.add_argument("--gexf")
    p.add_argument("--csv")
    p.add_argument("--nodes", required=True)
    p.add_argument("--edges", required=True)
    p.add_argument("--whole")
    p.add_argument("--js")
    p.add_argument("--js-only", action="store_true")
    p.add_argument("--expect-hostile", action="store_true")
    return p.parse_args(argv[1:])


def main(argv):
    args = parse_args(argv)
    try:
        expected = (int(args.nodes), int(args.edges))
    except ValueError:
        print("check_exports: NODES and EDGES must be integers", file=sys.stderr)
        return 2
    if args.js_only:
        missing = ("node is not installed" if not readers.node_binary() else
                   None if args.js and os.path.isdir(os.path.join(args.js, "node_modules"))
                   else f"no graphology packages in {args.js}/node_modules (make js-deps)")
        if missing:
            print(f"check_exports: SKIP graphology readers: {missing}")
            return SKIP
    try:
        import igraph
        import networkx as nx
    except ImportError as e:
        print(f"check_exports: {e} (run with /usr/bin/python3: Debian's python3-networkx "
              "and python3-igraph)", file=sys.stderr)
        return 2

    truth = Truth(args.json)
    checker = Checker(truth, expected)
    if (len(truth.nodes), len(truth.edges)) != expected:
        checker.failures.append(f"the JSON export has {len(truth.nodes)} nodes / "
                                f"{len(truth.edges)} edges, expected {expected}")
    if args.expect_hostile and not checker.hostile_count():
        checker.failures.append("no hostile text (U+200F) in the graph to check")

    loads = []
    if not args.js_only:
        loads.append(("networkx json", lambda: readers.networkx_json(nx, args.json, truth)))
        if args.graphml and xmllint(args.graphml, checker.failures):
            loads.append(("networkx graphml", lambda: readers.networkx_graphml(nx, args.graphml)))
            loads.append(("igraph graphml", lambda: readers.igraph_graphml(igraph, args.graphml)))
        if args.gexf and xmllint(args.gexf, checker.failures):
            def gexf():
                dump, root = readers.gexf_etree(args.gexf)
                whole = Truth(args.whole) if args.whole else None
                check_gexf_structure(root, truth, checker.failures, whole)
                return dump
            loads.append(("gexf", gexf))
        if args.csv:
            loads.append(("csv", lambda: export_csv.neo4j_csv(args.csv, checker.failures, truth)))
    elif args.js:
        for fmt in ("graphml", "gexf"):
            path = getattr(args, fmt)
            if path:
                loads.append((f"graphology {fmt}",
                              lambda fmt=fmt, path=path: readers.graphology(fmt, path, args.js)))
    for reader, load in loads:
        try:
            dump = load()
        except Exception as e:  # a reader that cannot load the file is a failure, not a crash
            checker.failures.append(f"{reader}: cannot load: {type(e).__name__}: {e}")
            continue
        checker.compare(dump)

    if checker.failures:
        for message in checker.failures:
            print(f"check_exports: FAIL {message}", file=sys.stderr)
        return 1
    print(f"check_exports: OK {expected[0]} nodes / {expected[1]} edges, every attribute, "
          f"{checker.hostile_count()} hostile value(s), seen by: " + "; ".join(checker.summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
