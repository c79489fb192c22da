#!/usr/bin/python3
"""The peer baseline: the extractor a researcher would write with Python's `re`.

The same gazetteer (every pattern of rules/gazetteer, case-insensitive, on word
boundaries) and the same regex rules (rules/patterns, RE2 syntax translated where
Python lacks it: \\p{L}, \\p{Lu}). The gazetteer is one alternation: --naive lists the
patterns longest first (what one writes first), --trie factors their common prefixes
into a trie (what one writes once the first is too slow). Every document is read,
decoded, matched with the gazetteer and all rules, and its matches are collected, as a
researcher's script would before writing them out. Prints one JSON object:
  {"docs", "bytes", "seconds", "mb_per_s", "gazetteer_hits", "rule_hits", "rules_skipped"}

  baseline_re.py [--rules DIR] [--naive | --trie] PATH...
"""
import argparse
import json
import os
import re
import sys
import time

# Latin letters: what \p{L} and \p{Lu} match in Dutch text.
LETTERS = "a-zA-ZÀ-ÖØ-öø-ÿĀ-ſ"
UPPER = "A-ZÀ-ÖØ-Þ"


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("//"):
                yield json.loads(line)


def rule_files(rules, sub):
    d = os.path.join(rules, sub)
    return [os.path.join(d, n) for n in sorted(os.listdir(d)) if n.endswith(".jsonl")] \
        if os.path.isdir(d) else []


def to_python(regex):
    """RE2 -> Python re for what the rules use: the Unicode letter classes, inside and
    outside character classes."""
    out, i, in_class = [], 0, False
    while i < len(regex):
        for name, ranges in ((r"\p{Lu}", UPPER), (r"\p{L}", LETTERS)):
            if regex.startswith(name, i):
                out.append(ranges if in_class else "[" + ranges + "]")
                i += len(name)
                break
        else:
            c = regex[i]
            if c == "\\":
                out.append(regex[i:i + 2])
                i += 2
                continue
            if c == "[" and not in_class:
                in_class = True
                if regex.startswith("[^]", i) or regex.startswith("[]", i):
                    out.append(regex[i:i + (3 if regex[i + 1] == "^" else 2)])
                    i += 3 if regex[i + 1] == "^" else 2
                    continue
            elif c == "]" and in_class:
                in_class = False
            out.append(c)
            i += 1
    return "".join(out)


def trie_regex(words):
    """One regex for the words, their common prefixes factored out."""
    trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node):
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if ends else body

    return emit(trie)


def load(rules, trie):
    patterns = {}
    for path in rule_files(rules, "gazetteer"):
        for rec in load_jsonl(path):
            patterns.setdefault(rec["pattern"].lower(), rec["id"])
    if trie:
        alternation = trie_regex(patterns)
    else:
        alternation = "|".join(re.escape(p) for p in sorted(patterns, key=len, reverse=True))
    gazetteer = re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)
    compiled, skipped = [], 0
    for path in rule_files(rules, "patterns"):
        for rec in load_jsonl(path):
            try:
                compiled.append((rec["id"], re.compile(to_python(rec["regex"]))))
            except re.error:
                skipped += 1
    return patterns, gazetteer, compiled, skipped


def files_under(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                out += [os.path.join(root, n) for n in names if not n.startswith(".")]
        else:
            out.append(p)
    return sorted(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(here), "rules"))
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--naive", action="store_true", help="longest-first alternation (default)")
    kind.add_argument("--trie", action="store_true", help="prefix-factored alternation")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    patterns, gazetteer, rules, skipped = load(args.rules, args.trie)
    files = files_under(args.paths)
    start = time.perf_counter()
    docs = size = gaz_hits = rule_hits = 0
    for path in files:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        entities = [(m.start(), m.end(), patterns.get(m.group(0).lower()))
                    for m in gazetteer.finditer(text)]
        facts = [(rid, m.span(), m.groupdict()) for rid, rx in rules for m in rx.finditer(text)]
        docs += 1
        size += len(raw)
        gaz_hits += len(entities)
        rule_hits += len(facts)
    seconds = time.perf_counter() - start
    json.dump({"docs": docs, "bytes": size, "seconds": seconds,
               "mb_per_s": size / seconds / 1e6 if seconds else 0.0,
               "gazetteer_hits": gaz_hits, "rule_hits": rule_hits,
               "rules_skipped": skipped}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
