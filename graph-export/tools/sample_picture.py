#!/usr/bin/python3
"""Draws a GEXF export as Gephi would colour and size it, for docs/gephi.md.

Usage: sample_picture.py EXPORT.gexf OUT.png [--labels N]

Reads the colours (by node type) and sizes (by degree) from the GEXF's viz attributes,
writes a Graphviz graph and lays it out with sfdp (Debian's graphviz package). To keep
it readable, parallel edges are drawn once, questions and answers are unlabelled dots,
and only persons, parties, documents and the N most connected other nodes are named.
"""
import argparse
import collections
import os
import subprocess
import tempfile
import xml.etree.ElementTree as ET

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
ALWAYS_NAMED = {"Person", "Party", "Document"}
UNNAMED = {"Question", "Answer"}


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def short(label, limit=24):
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


LAYOUTS = {"aanhangsel": "Aanhangsel Handelingen", "news": "news article"}


def name(n):
    """The label a reader recognises: a party's or ministry's abbreviation, a written
    question's zaak number, the layout of a document without one."""
    if n["abbr"]:
        return n["abbr"]
    if n["type"] == "Document":
        return n["zaak"] or LAYOUTS.get(n["layout"]) or short(n["label"])
    return short(n["label"])


def read(path):
    root = ET.parse(path).getroot()
    nodes, edges = {}, collections.Counter()
    for el in root.iter(GEXF + "node"):
        attrs = {a.get("for"): a.get("value") for a in el.iter(GEXF + "attvalue")}
        c = el.find(VIZ + "color")
        nodes[el.get("id")] = {
            "label": el.get("label"), "type": attrs.get("type"), "zaak": attrs.get("zaak"),
            "abbr": attrs.get("abbr"), "layout": attrs.get("layout"),
            "colour": "#%02x%02x%02x" % tuple(int(c.get(k)) for k in "rgb"),
            "size": float(el.find(VIZ + "size").get("value")),
        }
    for el in root.iter(GEXF + "edge"):
        edges[tuple(sorted((el.get("source"), el.get("target"))))] += 1
    return nodes, edges


def dot(nodes, edges, named_others):
    degree = collections.Counter()
    for (s, t), n in edges.items():
        degree[s] += n
        degree[t] += n
    others = [i for i, n in nodes.items() if n["type"] not in ALWAYS_NAMED | UNNAMED]
    named = {i for i, n in nodes.items() if n["type"] in ALWAYS_NAMED}
    named |= set(sorted(others, key=lambda i: -degree[i])[:named_others])
    lines = ["graph G {",
             '  graph [layout=sfdp, overlap=prism, overlap_scaling=-6, splines=false, K=1.4,',
             '         repulsiveforce=2.0, outputorder=edgesfirst, bgcolor=white, pad=0.3,',
             '         forcelabels=true, size="13,10", ratio=fill, dpi=110];',
             '  node [shape=circle, style=filled, fixedsize=true, label="", penwidth=0.6,',
             '        color="#ffffff", fontname="DejaVu Sans", fontsize=11];',
             '  edge [color="#8c8c8c55", penwidth=0.5];']
    for ident, n in nodes.items():
        width = 0.12 if n["type"] in UNNAMED else max(0.12, n["size"] / 75)
        colour = n["colour"] + ("b0" if n["type"] in UNNAMED else "")
        attrs = [f"fillcolor={quote(colour)}", f"width={width:.2f}"]
        if ident in named:
            big = n["type"] in ("Person", "Party")
            attrs += [f"xlabel={quote(name(n))}", f"fontsize={14 if big else 11}",
                      f"fontcolor={quote('#111111' if big else '#333333')}"]
        lines.append(f"  {quote(ident)} [{', '.join(attrs)}];")
    for (s, t), n in edges.items():
        lines.append(f"  {quote(s)} -- {quote(t)}" + (f" [penwidth={0.5 + 0.3 * n:.1f}]"
                                                      if n > 1 else "") + ";")
    legend = sorted({(n["type"], n["colour"]) for n in nodes.values()})
    rows = "".join(f'<tr><td bgcolor="{c}" width="14"></td><td align="left">{t}</td></tr>'
                   for t, c in legend)
    lines.append(f'  legend [shape=plain, fixedsize=false, style="", label=<<table border="0" '
                 f'cellspacing="3">{rows}</table>>, fontsize=14];')
    lines.append("}")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("gexf")
    p.add_argument("png")
    p.add_argument("--labels", type=int, default=14)
    args = p.parse_args()
    nodes, edges = read(args.gexf)
    with tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False) as f:
        f.write(dot(nodes, edges, args.labels))
    try:
        subprocess.run(["sfdp", "-Tpng", "-o", args.png, f.name], check=True)
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    main()
