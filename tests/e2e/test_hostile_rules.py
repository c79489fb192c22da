#!/usr/bin/python3
"""Broken rules (docs/robustness.md, spec §8): a JSON syntax error, an invalid regex, a
duplicate id and a gazetteer line without a pattern, in one rules folder, are all reported
with file:line:column in one run, before any document is read, with exit 2, and the store
is untouched (byte for byte); so is a rules folder that does not exist. A pathological
pattern, (a+)+$, is no error: the engines are linear-time, and a document of a million
'a's is matched in well under the time a backtracking engine would need for forty.

usage: test_hostile_rules.py KAMERGRAPH_BINARY
"""
import os
import re
import shutil
import sys
import time

from hostile_lib import RULES, SAMPLES, SMALL, Test, dir_digest, documents

BROKEN = {
    "gazetteer/broken.jsonl": [
        '{"label": "ORG", "pattern": "Stichting X", "id": "org:stichting-x"}',
        '{"label": "ORG", "pattern": "Stichting Y", "id": "org:stichting-y"',  # unclosed
        '{"label": "ORG", "id": "org:stichting-z"}',  # no pattern
    ],
    "patterns/broken.jsonl": [
        '// comment lines do not count as errors',
        '{"id": "test.title", "fact": "title", "regex": "(?P<title>unclosed"}',  # invalid regex
        '{"id": "test.dup", "fact": "title", "regex": "(?P<title>x)"}',
        '{"id": "test.dup", "fact": "title", "regex": "(?P<title>y)"}',  # duplicate id
    ],
}
# (file, line, what the message says) of every error that must be reported.
EXPECTED = [("gazetteer/broken.jsonl", 2, "JSON"), ("gazetteer/broken.jsonl", 3, "pattern"),
            ("patterns/broken.jsonl", 2, "invalid regex"), ("patterns/broken.jsonl", 4, "test.dup")]


def main():
    t = Test()
    db = os.path.join(t.tmp, "store.db")
    t.check(t.run("ingest", SAMPLES, "--db", db, "--rules", RULES).returncode == 0, "a store with the samples")
    before = dir_digest(db)
    unread = os.path.join(t.tmp, "never-read.txt")  # missing: reading it would say so

    rules = os.path.join(t.tmp, "rules-broken")
    shutil.copytree(RULES, rules)
    for rel, lines in BROKEN.items():
        with open(os.path.join(rules, rel), "w") as f:
            f.write("\n".join(lines) + "\n")
    p = t.run("ingest", unread, SAMPLES, "--db", db, "--rules", rules)
    print(p.stderr)
    t.check(p.returncode == 2, f"broken rules exit 2 (got {p.returncode})")
    for rel, line, what in EXPECTED:
        pattern = re.escape(os.path.join(rules, rel)) + f":{line}:(\\d+): (.*)"
        m = re.search(pattern, p.stderr)
        t.check(m is not None and int(m.group(1)) >= 1 and what in m.group(2),
                f"reported with file:line:column: {rel}:{line} ({what})")
    reported = re.findall(r"^\S+\.jsonl:\d+:\d+: ", p.stderr, re.M)
    t.check(len(reported) == len(EXPECTED), f"exactly the {len(EXPECTED)} errors, in one run ({len(reported)})")
    t.check("never-read.txt" not in p.stderr and "ingested" not in p.stderr,
            "no document was read")
    t.check(dir_digest(db) == before, "the store is untouched")
    check = t.run("rules", "check", "--rules", rules)
    t.check(check.returncode == 2 and len(re.findall(r"^\S+\.jsonl:\d+:\d+: ", check.stderr, re.M)) == len(EXPECTED),
            "`rules check` reports the same errors")

    missing = os.path.join(t.tmp, "no-such-rules")
    p = t.run("ingest", unread, SAMPLES, "--db", db, "--rules", missing)
    print(p.stderr)
    t.check(p.returncode == 2 and missing in p.stderr and "does not exist" in p.stderr,
            "a rules folder that does not exist is named, exit 2")
    t.check("never-read.txt" not in p.stderr and dir_digest(db) == before,
            "no document was read and the store is untouched")

    pathological(t)
    return t.finish()


def pathological(t):
    rules = os.path.join(t.tmp, "rules-pathological")
    shutil.copytree(RULES, rules)
    with open(os.path.join(rules, "patterns", "pathological.jsonl"), "w") as f:
        f.write('{"id": "test.pathological", "fact": "title", "scope": "all", "regex": "(?P<title>(a+)+$)"}\n')
    doc = os.path.join(t.tmp, "aaaa.txt")
    n = 100_000 if SMALL else 1_000_000
    with open(doc, "w") as f:
        f.write("Vraag 1\n" + "a" * n + "b\n\nAntwoord 1\n" + "a" * n + "b\n")
    db = os.path.join(t.tmp, "pathological.db")
    start = time.monotonic()
    p = t.run("ingest", doc, "--db", db, "--rules", rules, timeout=300)
    took = time.monotonic() - start
    t.check(p.returncode == 0, f"(a+)+$ is accepted and matched against {n:,} 'a's in {took:.1f} s "
                               "(a backtracking engine needs 2^n steps)")
    data = t.export(db)
    t.check(data is not None and len(documents(data)) == 1, "the document is stored")


if __name__ == "__main__":
    sys.exit(main())
