"""What every export must carry: the node-link JSON export read as plain JSON.

The JSON export keeps native types (int, float, bool, str, lists), so it is the yardstick
for the other formats: every reader must see the same nodes, edges and attribute values,
with the declared types that follow from those values.
"""

import json
import math
import re

ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
RESERVED = {"id", "type", "label", "provenance"}


def is_xml_char(c):
    o = ord(c)
    return (o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD
            or 0x10000 <= o <= 0x10FFFF)


def canon(s, list_element=False):
    """A string as every format can carry it: characters illegal in XML 1.0 and U+FFFD
    (what invalid UTF-8 became) removed; in a CSV list element ';' became ','."""
    s = "".join(c for c in s if is_xml_char(c) and c != "\ufffd")
    return s.replace(";", ",") if list_element else s


def token(s):
    """An xsd:token: runs of XML whitespace as one space, none at the ends."""
    return re.sub(r"[ \t\n\r]+", " ", s).strip(" ")


def spell(v):
    """How the C++ writers stringify a value in a column declared string."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, list):
        return ";".join(v)
    return str(v)


def kind_of(v):
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, list):
        return "list"
    return "date" if ISO_DATE.match(v) else "string"


def merged_kind(kinds):
    if len(kinds) == 1:
        return next(iter(kinds))
    return "double" if kinds <= {"long", "double"} else "string"


class Truth:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.raw = data
        self.nodes = {}   # id -> attrs (label falls back to the id, as every export does)
        self.edges = []   # (source, target, key, attrs) in export order
        for n in data["nodes"]:
            attrs = {k: v for k, v in n.items() if k != "id"}
            attrs["label"] = n.get("label") or n["id"]
            self.nodes[n["id"]] = attrs
        for link in data["links"]:
            attrs = {k: v for k, v in link.items() if k not in ("source", "target", "key")}
            self.edges.append((link["source"], link["target"], link["key"], attrs))
        self.kinds = {"node": self._kinds(self.nodes.values()),
                      "edge": self._kinds(e[3] for e in self.edges)}

    @staticmethod
    def _kinds(items):
        seen = {}
        for attrs in items:
            for k, v in attrs.items():
                if k not in RESERVED:
                    seen.setdefault(k, set()).add(kind_of(v))
        return {k: merged_kind(v) for k, v in seen.items()}


def values_match(exp, got, list_element=False):
    """Whether a reader's value got carries the exported value exp, type included."""
    if isinstance(exp, bool):
        return got is exp or got == spell(exp)
    if isinstance(exp, (int, float)):
        if isinstance(got, bool):
            return False
        if isinstance(got, (int, float)):
            return got == exp or (math.isnan(got) and math.isnan(exp))
        return got == spell(exp)
    if isinstance(exp, list):
        if isinstance(got, list):
            return [canon(x) for x in got] == [canon(x, list_element) for x in exp]
        return isinstance(got, str) and canon(got) == canon(";".join(exp))
    return isinstance(got, str) and canon(got) == canon(exp)


def provenance_match(exp, got):
    if isinstance(got, str):
        try:
            got = json.loads(got)
        except ValueError:
            return False
    if not isinstance(got, list) or len(got) != len(exp):
        return False
    return all(g.get("start") == e["start"] and g.get("end") == e["end"]
               and canon(g.get("doc", "")) == canon(e["doc"])
               and canon(g.get("rule", "")) == canon(e["rule"]) for e, g in zip(exp, got))


def hostile_problems(value, carrier):
    """What is wrong with a hostile string as a reader sees it: the markup, quotes, the
    right-to-left mark and the emoji must be intact, invalid UTF-8 must have become
    U+FFFD, and nothing the carrier cannot hold may remain (carrier: "xml", "csv" or
    "json")."""
    problems = [f"lost {p!r}" for p in ("<", "&", '"', "'", "\u200f", "\U0001F600")
                if p not in value]
    if "\ufffd" not in value:
        problems.append("no U+FFFD where the invalid UTF-8 was")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        problems.append("a lone surrogate")
    if carrier == "xml" and any(not is_xml_char(c) for c in value):
        problems.append("a character illegal in XML 1.0")
    if carrier == "csv" and any(ord(c) < 0x20 and c not in "\t\n\r" for c in value):
        problems.append("a control character")
    return problems
