#!/usr/bin/python3
"""Checks a kamergraph GraphML and node-link JSON export with the readers users run.

Usage: /usr/bin/python3 check_exports.py GRAPHML JSON EXPECTED_NODES EXPECTED_EDGES

Loads the GraphML with networkx.read_graphml and igraph.Graph.Read_GraphML, runs
`xmllint --noout` on it, loads the JSON with networkx.node_link_graph(directed=True,
multigraph=True), and checks that every reader sees the expected node and edge counts
that every node carries a label and a type, every edge a type, and every GraphML edge
a label. Prints a one-line summary;
exits 1 on any failure, 2 on bad usage or a missing reader.
"""

import json
import subprocess
import sys


def fail(failures, reader, message):
    failures.append(f"{reader}: {message}")


def check_counts(failures, reader, nodes, edges, expected):
    if (nodes, edges) != expected:
        fail(failures, reader, f"saw {nodes} nodes / {edges} edges, expected "
             f"{expected[0]} / {expected[1]}")


def check_attributes(failures, reader, what, items, names=("label", "type"), missing=(None,)):
    """items: (id, attribute dict) pairs; each of names must be present (not in missing)."""
    for ident, attrs in items:
        for name in names:
            if attrs.get(name) in missing:
                fail(failures, reader, f"{what} {ident!r} has no {name}")
                return


def check_xmllint(failures, path):
    try:
        run = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    except FileNotFoundError:
        fail(failures, "xmllint", "xmllint is not installed")
        return
    if run.returncode != 0:
        fail(failures, "xmllint", run.stderr.strip().splitlines()[0] if run.stderr else
             f"exit {run.returncode}")


def check_networkx_graphml(failures, nx, path, expected):
    # force_multigraph: parallel edges come back as separate edges keyed by edge id.
    g = nx.read_graphml(path, force_multigraph=True)
    check_counts(failures, "networkx graphml", g.number_of_nodes(), g.number_of_edges(), expected)
    check_attributes(failures, "networkx graphml", "node", g.nodes(data=True))
    check_attributes(failures, "networkx graphml", "edge",
                     (((u, v, k), d) for u, v, k, d in g.edges(keys=True, data=True)))


def check_igraph_graphml(failures, igraph, path, expected):
    g = igraph.Graph.Read_GraphML(path)
    check_counts(failures, "igraph graphml", g.vcount(), g.ecount(), expected)
    for what, seq in (("node", g.vs), ("edge", g.es)):
        names = set(seq.attributes())
        missing = {"label", "type"} - names
        if missing and len(seq) > 0:
            fail(failures, "igraph graphml", f"{what}s have no attribute {sorted(missing)}")
            continue
        # igraph fills a string attribute that an element lacks with "".
        check_attributes(failures, "igraph graphml", what,
                         ((item.index, item.attributes()) for item in seq), missing=(None, ""))


def check_networkx_json(failures, nx, path, expected):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, directed=True, multigraph=True)
    if not (g.is_directed() and g.is_multigraph()):
        fail(failures, "networkx json", "graph is not a directed multigraph")
    check_counts(failures, "networkx json", g.number_of_nodes(), g.number_of_edges(), expected)
    check_attributes(failures, "networkx json", "node", g.nodes(data=True))
    # Links carry their type; a label on edges is a GraphML rule (spec §6).
    check_attributes(failures, "networkx json", "edge",
                     (((u, v, k), d) for u, v, k, d in g.edges(keys=True, data=True)), ("type",))


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    graphml, json_path = argv[1], argv[2]
    try:
        expected = (int(argv[3]), int(argv[4]))
    except ValueError:
        print("check_exports: EXPECTED_NODES and EXPECTED_EDGES must be integers", file=sys.stderr)
        return 2
    try:
        import igraph
        import networkx as nx
    except ImportError as e:
        print(f"check_exports: {e} (run with /usr/bin/python3: Debian's python3-networkx "
              "and python3-igraph)", file=sys.stderr)
        return 2

    failures = []
    check_xmllint(failures, graphml)
    checks = (
        ("networkx graphml", graphml, lambda: check_networkx_graphml(failures, nx, graphml,
                                                                    expected)),
        ("igraph graphml", graphml, lambda: check_igraph_graphml(failures, igraph, graphml,
                                                                expected)),
        ("networkx json", json_path, lambda: check_networkx_json(failures, nx, json_path,
                                                                expected)),
    )
    for reader, path, check in checks:
        try:
            check()
        except Exception as e:  # a reader that cannot load the file is a failure, not a crash
            fail(failures, reader, f"cannot load {path}: {type(e).__name__}: {e}")

    if failures:
        for message in failures:
            print(f"check_exports: FAIL {message}", file=sys.stderr)
        return 1
    print(f"check_exports: OK {expected[0]} nodes / {expected[1]} edges seen by xmllint, "
          f"networkx {nx.__version__} (GraphML, JSON) and igraph {igraph.__version__} (GraphML)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
