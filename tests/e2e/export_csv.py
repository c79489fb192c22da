"""The neo4j-admin import CSV layout read strictly: RFC 4180 fields (quoted or not, as
neo4j-admin tells a missing value from an empty string), typed name:type headers."""

import os
import re

from export_readers import Dump, cast

def csv_rows(path):
    """RFC 4180 fields with whether each was quoted (neo4j-admin reads an unquoted empty
    field as no value). Raises ValueError on a malformed file."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    rows, row, i, n = [], [], 0, len(text)
    while i < n:
        if text[i] == '"':
            parts, j = [], i + 1
            while True:
                k = text.find('"', j)
                if k < 0:
                    raise ValueError(f"unterminated quote at offset {i}")
                parts.append(text[j:k])
                if text[k + 1:k + 2] != '"':
                    break
                parts.append('"')
                j = k + 2
            row.append(("".join(parts), True))
            i = k + 1
        else:
            k = i
            while k < n and text[k] not in ",\n":
                if text[k] in '"\r':
                    raise ValueError(f"stray {text[k]!r} in an unquoted field at offset {k}")
                k += 1
            row.append((text[i:k], False))
            i = k
        if i < n and text[i] == ",":
            i += 1
        elif i == n or text[i] == "\n":
            rows.append(row)
            row = []
            i += 1
        else:
            raise ValueError(f"unexpected {text[i]!r} after a field at offset {i}")
    return rows


NEO4J_TYPES = {"string", "long", "double", "boolean", "date", "string[]"}


def neo4j_value(text, quoted, declared_type):
    if declared_type in ("long", "double", "boolean"):
        if quoted:
            raise ValueError(f"quoted {declared_type} {text!r}")
        if declared_type == "boolean":
            if text not in ("true", "false"):
                raise ValueError(f"boolean {text!r}")
            return text == "true"
        return cast(text, declared_type)
    if not quoted:
        raise ValueError(f"unquoted {declared_type} {text!r}")
    return text.split(";") if declared_type == "string[]" else text


def csv_property_names(names, reserved):
    """Attribute name -> CSV property name, as graph-export's csv.cpp spells them: names
    of [A-Za-z0-9_] stay; others are sanitised, with a suffix when that name is taken."""
    clean = re.compile(r"^[A-Za-z0-9_]+$")
    used = set(reserved) | {n for n in names if clean.match(n)}
    out = {}
    for name in sorted(names):
        if clean.match(name):
            out[name] = name
            continue
        base = re.sub(r"[^A-Za-z0-9_]", "_", name) or "_"
        unique, k = base, 2
        while unique in used:
            unique, k = f"{base}_{k}", k + 1
        used.add(unique)
        out[name] = unique
    return out


def neo4j_csv(directory, failures, truth):
    """nodes.csv and relationships.csv as neo4j-admin database import reads them, with
    the property names mapped back to the attribute names of the truth."""
    dump = Dump("neo4j-admin CSV layout (strict RFC 4180 reader)", "csv")
    dump.list_element = True
    tables = {}
    for name, fixed in (("nodes.csv", ["id:ID", ":LABEL"]),
                        ("relationships.csv", [":START_ID", ":END_ID", ":TYPE"])):
        rows = csv_rows(os.path.join(directory, name))
        header = [text for text, _ in rows[0]]
        if header[:len(fixed)] != fixed:
            failures.append(f"{name}: header starts {header[:len(fixed)]}, expected {fixed}")
        columns = []
        for column in header[len(fixed):]:
            prop, _, declared_type = column.rpartition(":")
            if not prop or declared_type not in NEO4J_TYPES:
                failures.append(f"{name}: header field {column!r} is not name:type")
            columns.append((prop, declared_type))
        tables[name] = (rows[1:], columns, len(header))
    back = {}
    for domain, name, reserved in (("node", "nodes.csv", {"id", "label", "provenance"}),
                                   ("edge", "relationships.csv", {"provenance"})):
        names = csv_property_names(truth.kinds[domain], reserved)
        back[name] = {prop: attr for attr, prop in names.items()}
        dump.declared[domain] = {back[name].get(p, p): t for p, t in tables[name][1]}

    def attributes(name, row, skip):
        body, columns, width = tables[name]
        if len(row) != width:
            raise ValueError(f"{name}: a row of {len(row)} fields under a header of {width}")
        attrs = {}
        for (text, quoted), (prop, declared_type) in zip(row[skip:], columns):
            if text == "" and not quoted:
                continue
            attrs[back[name].get(prop, prop)] = neo4j_value(text, quoted, declared_type)
        return attrs

    seen = set()
    for row in tables["nodes.csv"][0]:
        attrs = attributes("nodes.csv", row, 2)
        ident, label = row[0][0], row[1][0]
        if ident in seen:
            failures.append(f"nodes.csv: duplicate :ID {ident!r}")
        seen.add(ident)
        attrs["type"] = label
        dump.add_node(ident, attrs)
    for position, row in enumerate(tables["relationships.csv"][0]):
        attrs = attributes("relationships.csv", row, 3)
        attrs["type"] = row[2][0]
        for end in (row[0][0], row[1][0]):
            if end not in seen:
                failures.append(f"relationships.csv: {end!r} is not a node :ID")
        dump.add_edge(position, row[0][0], row[1][0], attrs)
    return dump
