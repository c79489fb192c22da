"""Readers of kamergraph's exports, each turned into one comparable Dump.

Real readers: networkx (read_graphml, node_link_graph), python-igraph (Read_GraphML),
graphology-graphml and graphology-gexf (the parsers of Gephi Lite, run by node). A plain
reader that follows the specification: ElementTree for GEXF (export_csv.py reads the
neo4j-admin CSV).
"""

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

from export_truth import canon

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://gexf.net/1.3}"
VIZ_NS = "{http://gexf.net/1.3/viz}"


class Dump:
    """What one reader saw: nodes by (canonical) id, edges by export position."""

    def __init__(self, reader, fmt):
        self.reader = reader
        self.format = fmt
        self.nodes = {}      # canon(id) -> attrs
        self.edges = {}      # position -> (source, target, attrs)
        self.declared = {}   # {"node": {name: type}, "edge": {...}} as the file declares
        self.extras = set()  # attributes the reader adds by itself (colour, size, ...)
        self.fills_missing = False  # absent attributes read as "", None or NaN
        self.token_labels = False   # labels are xsd:tokens (GEXF)
        self.list_element = False   # ';' inside a list element became ',' (CSV)
        self.warnings = []

    def add_node(self, ident, attrs):
        self.nodes[canon(ident)] = attrs

    def add_edge(self, position, source, target, attrs):
        self.edges[position] = (source, target, attrs)


def edge_position(edge_id):
    return int(edge_id[1:]) if isinstance(edge_id, str) and edge_id[1:].isdigit() else None


def graphml_declared(path):
    declared = {"node": {}, "edge": {}}
    for _, el in ET.iterparse(path):
        if el.tag == GRAPHML_NS + "key":
            declared[el.get("for")][el.get("attr.name")] = el.get("attr.type")
        el.clear()
    return declared


def networkx_graphml(nx, path):
    dump = Dump(f"networkx {nx.__version__} read_graphml", "graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    for ident, attrs in g.nodes(data=True):
        dump.add_node(ident, dict(attrs))
    for u, v, key, attrs in g.edges(keys=True, data=True):
        dump.add_edge(edge_position(key), u, v, dict(attrs))
    dump.declared = graphml_declared(path)
    return dump


def igraph_graphml(igraph, path):
    dump = Dump(f"igraph {igraph.__version__} Read_GraphML", "graphml")
    dump.fills_missing = True
    g = igraph.Graph.Read_GraphML(path)
    # igraph (libxml2's SAX2 without entity substitution) hands the '&' of an XML
    # attribute value back as "&#38;": ids with '&' read that way; element text is fine.
    ids = [i.replace("&#38;", "&") for i in g.vs["id"]] if len(g.vs) else []
    for vertex, ident in zip(g.vs, ids):
        attrs = vertex.attributes()
        attrs.pop("id")
        dump.add_node(ident, attrs)
    for position, edge in enumerate(g.es):
        attrs = edge.attributes()
        attrs.pop("id", None)
        dump.add_edge(position, ids[edge.source], ids[edge.target], attrs)
    dump.declared = graphml_declared(path)
    return dump


def networkx_json(nx, path, truth):
    dump = Dump(f"networkx {nx.__version__} node_link_graph", "json")
    with open(path, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), directed=True, multigraph=True)
    if not (g.is_directed() and g.is_multigraph()):
        dump.warnings.append("not a directed multigraph")
    position = {(s, t, k): i for i, (s, t, k, _) in enumerate(truth.edges)}
    for ident, attrs in g.nodes(data=True):
        dump.add_node(ident, dict(attrs))
    for u, v, key, attrs in g.edges(keys=True, data=True):
        dump.add_edge(position.get((u, v, key)), u, v, dict(attrs))
    return dump


def node_binary():
    return shutil.which("node")


def graphology(fmt, path, js_dir):
    """Runs tests/js/dump_graph.js with the node_modules installed in js_dir."""
    script = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "js",
                          "dump_graph.js")
    package = "graphology-graphml" if fmt == "graphml" else "graphology-gexf"
    env = dict(os.environ, NODE_PATH=os.path.join(js_dir, "node_modules"))
    run = subprocess.run([node_binary(), script, fmt, path], capture_output=True, text=True,
                         env=env)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip()[-800:] or f"node exit {run.returncode}")
    data = json.loads(run.stdout)
    with open(os.path.join(js_dir, "node_modules", package, "package.json")) as f:
        version = json.load(f)["version"]
    dump = Dump(f"{package} {version}", fmt)
    dump.warnings = data["warnings"]
    if data["type"] != "directed":
        dump.warnings.append(f"graph type {data['type']}, expected directed")
    for n in data["nodes"]:
        dump.add_node(n["key"], n["attributes"])
    for e in data["edges"]:
        dump.add_edge(edge_position(e["key"]), e["source"], e["target"], e["attributes"])
    if fmt == "gexf":
        dump.extras = {"color", "size", "kind"}
        dump.token_labels = True
        dump.declared = gexf_declared(path)
    else:
        dump.declared = graphml_declared(path)
    return dump


def gexf_declared(path):
    declared = {"node": {}, "edge": {}}
    for cls in ET.parse(path).getroot().iter(GEXF_NS + "attributes"):
        for a in cls.iter(GEXF_NS + "attribute"):
            declared[cls.get("class")][a.get("title")] = a.get("type")
    return declared


def cast(value, declared_type):
    if declared_type in ("long", "integer"):
        return int(value)
    if declared_type in ("double", "float"):
        return float(value)
    if declared_type == "boolean":
        return value == "true"
    return value


def gexf_etree(path):
    """GEXF 1.3 read by its specification with ElementTree; attvalues cast by the declared
    types. Returns the Dump and the parsed root for structural checks."""
    dump = Dump("ElementTree (GEXF 1.3 by the specification)", "gexf")
    dump.token_labels = True
    root = ET.parse(path).getroot()
    dump.declared = gexf_declared(path)
    graph = root.find(GEXF_NS + "graph")
    for cls, items in (("node", graph.find(GEXF_NS + "nodes")),
                       ("edge", graph.find(GEXF_NS + "edges"))):
        types = dump.declared[cls]
        for el in items:
            attrs = {"label": el.get("label")} if el.get("label") is not None else {}
            values = el.find(GEXF_NS + "attvalues")
            for av in values if values is not None else ():
                attrs[av.get("for")] = cast(av.get("value"), types.get(av.get("for")))
            if cls == "node":
                dump.add_node(el.get("id"), attrs)
            else:
                dump.add_edge(edge_position(el.get("id")), el.get("source"), el.get("target"),
                              attrs)
    return dump, root
