"""What a GEXF export must show in Gephi beyond its data: GEXF 1.3 structure, typed
parallel edges (kind), colours by node type, sizes by degree, and the timeline computed
from the documents (an independent implementation of graph-export's timeline.h)."""

import datetime
import re

from export_readers import GEXF_NS, VIZ_NS
from export_truth import canon

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T.*)?)?)?$")


def day(text, last=False):
    """yyyymmdd of an ISO date, partial dates at their first (or last) day; 0 if none."""
    m = DATE.match(text) if isinstance(text, str) else None
    if not m:
        return 0
    y, mo, d = int(m[1]), m[2], m[3]
    mo = int(mo) if mo else (12 if last else 1)
    d = int(d) if d else (31 if last else 1)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and y >= 1):
        return 0
    return y * 10000 + mo * 100 + d


def earliest(days):
    days = [d for d in days if d]
    return min(days) if days else 0


def expected_times(truth, whole=None):
    """Node id -> (start, end) and edge position -> (start, end), 0 for none. Node times
    come from the whole graph (whole: the unfiltered export) when truth is filtered."""
    graph = whole or truth
    nodes = graph.nodes
    docs = {i: a for i, a in nodes.items() if a["type"] == "Document"}
    first = {i: earliest(day(v) for k, v in a.items() if k == "date" or k.startswith("date_"))
             for i, a in docs.items()}

    def from_docs(attrs, key):
        found = []
        for p in attrs.get("provenance", []):
            doc = docs.get(p["doc"])
            if doc is None or not first[p["doc"]]:
                continue
            found.append(first[p["doc"]] if key is None else (day(doc.get(key, "")) or
                                                               day(doc.get("date", ""))))
        return earliest(found)

    times = {}
    for ident, a in nodes.items():
        if a["type"] == "Document":
            times[ident] = (first[ident], 0)
        elif "made_on" in a:
            continue
        elif a["type"] == "Question":
            times[ident] = (from_docs(a, "date_submitted"), 0)
        elif a["type"] == "Answer":
            times[ident] = (from_docs(a, "date_answered"), 0)
        elif day(a.get("date", "")):
            times[ident] = (day(a["date"]), 0)
        else:
            times[ident] = (from_docs(a, None), 0)
    for ident, a in nodes.items():
        if "made_on" not in a:
            continue
        start = day(a["made_on"])
        end = earliest([day(a.get("fulfilled_on", "")), day(a.get("declined_on", ""))])
        if not end:
            ends = []
            for s, t, _, e in graph.edges:
                if s == ident and e["type"] == "FULFILLED_BY":
                    ends.append(times.get(t, (0, 0))[0] or
                                earliest(first.get(p["doc"], 0) for p in e["provenance"]))
            end = earliest(ends)
        times[ident] = (start, max(end, start) if end and start else end)
    edge_times = []
    for s, t, _, e in truth.edges:
        start = max(times[s][0], times[t][0], day(e.get("from", "")))
        end = earliest([times[s][1], times[t][1], day(e.get("to", ""), last=True)])
        edge_times.append((start, max(end, start) if end and start else end))
    return times, edge_times


def check_gexf_structure(root, truth, failures, whole=None):
    def fail(message):
        if len(failures) < 40:
            failures.append(f"gexf structure: {message}")

    if root.tag != GEXF_NS + "gexf" or root.get("version") != "1.3":
        fail(f"root {root.tag} version {root.get('version')}, expected GEXF 1.3")
    graph = root.find(GEXF_NS + "graph")
    if graph.get("defaultedgetype") != "directed":
        fail("edges are not directed by default")
    nodes_el, edges_el = graph.find(GEXF_NS + "nodes"), graph.find(GEXF_NS + "edges")
    for el, want in ((nodes_el, len(truth.nodes)), (edges_el, len(truth.edges))):
        if el.get("count") != str(len(el)) or len(el) != want:
            fail(f"{el.tag}: count={el.get('count')}, {len(el)} elements, expected {want}")

    node_times, edge_times = expected_times(truth, whole)
    dynamic = any(start for start, _ in node_times.values())
    if dynamic and (graph.get("mode"), graph.get("timeformat")) != ("dynamic", "date"):
        fail("dated graph without mode=dynamic timeformat=date")

    def check_time(what, el, want):
        got = tuple(day(el.get(k, "")) if el.get(k) else 0 for k in ("start", "end"))
        for k in ("start", "end"):
            if el.get(k) is not None:
                try:
                    datetime.date.fromisoformat(el.get(k))
                except ValueError:
                    fail(f"{what}: {k}={el.get(k)!r} is not an xsd:date")
        if got != want:
            fail(f"{what}: start/end {got}, expected {want} from the documents")

    degree = {canon(i): 0 for i in truth.nodes}
    for s, t, _, _ in truth.edges:
        degree[canon(s)] += 1
        degree[canon(t)] += 1
    colour_of, sizes = {}, []
    by_id = {canon(i): (i, a) for i, a in truth.nodes.items()}
    for el in nodes_el:
        ident, attrs = by_id.get(canon(el.get("id")), (None, None))
        if ident is None:
            fail(f"unknown node {el.get('id')!r}")
            continue
        check_time(f"node {ident!r}", el, node_times[ident])
        colour, size = el.find(VIZ_NS + "color"), el.find(VIZ_NS + "size")
        if colour is None or size is None:
            fail(f"node {ident!r} has no viz:color or viz:size")
            continue
        rgb = tuple(int(colour.get(c)) for c in "rgb")
        if not all(0 <= c <= 255 for c in rgb):
            fail(f"node {ident!r}: colour {rgb} out of range")
        if colour_of.setdefault(attrs["type"], rgb) != rgb:
            fail(f"two colours for type {attrs['type']}")
        sizes.append((degree[canon(ident)], float(size.get("value"))))
    known = [t for t in colour_of if t in SCHEMA_TYPES]
    if len({colour_of[t] for t in known}) != len(known):
        fail(f"schema types share a colour: {colour_of}")
    sizes.sort()
    for (d1, s1), (d2, s2) in zip(sizes, sizes[1:]):
        if s2 < s1 or (d1 < d2 <= 50 and s2 <= s1):
            fail(f"size does not grow with degree: degree {d1} -> {s1}, degree {d2} -> {s2}")
            break

    for position, el in enumerate(edges_el):
        s, t, _, attrs = truth.edges[position]
        if el.get("id") != f"e{position}":
            fail(f"edge {position} has id {el.get('id')!r}")
        if el.get("kind") != attrs["type"] or el.get("label") != attrs["type"]:
            fail(f"edge {position}: kind {el.get('kind')!r} label {el.get('label')!r}, "
                 f"expected {attrs['type']!r}")
        check_time(f"edge {position} ({s} -> {t})", el, edge_times[position])


SCHEMA_TYPES = {"Document", "Question", "Answer", "Person", "Party", "Organization", "Country",
                "LegalInstrument", "LegalProvision", "CourtDecision", "ParliamentaryPaper",
                "Motion", "Meeting", "Commitment", "Claim", "PolicyDocument"}
